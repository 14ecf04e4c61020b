/// A sentence's dependency graph, as the rule engine sees it (NegBio's `semgraph`).
///
/// Nodes are the sentence's tokens, in token order; a node is identified by its index in `tokens`. Edges go from
/// head to dependent and carry the relation name (`nsubj`, `nmod:of`, …). There is no root node and no `root`
/// edge. Like the networkx graph of the original, the graph holds at most one edge per (head, dependent) pair:
/// adding an edge for a pair that already has one replaces its relation and keeps its place in every order.
///
/// Children and parents are kept in insertion order, which is the order the original iterates them in; it
/// matters for propagation (which candidate edge wins a pair).
public struct DependencyGraph: Sendable, Equatable {
  /// One token: a node of the graph.
  public struct Token: Sendable, Hashable {
    /// The word as written (NegBio's `text` attribute).
    public var word: String
    /// The lemma, lowercased (NegBio lowercases lemmas when it builds the graph).
    public var lemma: String
    /// The Penn Treebank part-of-speech tag.
    public var tag: String
    /// Byte offsets of the token in the study text.
    public var span: Range<Int>

    /// Creates a token; `lemma` is lowercased.
    public init(word: String, lemma: String, tag: String, span: Range<Int>) {
      self.word = word
      self.lemma = lemma.utf8.allSatisfy { $0 < 0x41 || ($0 > 0x5A && $0 < 0x80) } ? lemma : lemma.lowercased()
      self.tag = tag
      self.span = span
    }
  }

  /// One labelled dependency.
  public struct Edge: Sendable, Hashable {
    /// The head token's index.
    public var head: Int
    /// The dependent token's index.
    public var dependent: Int
    /// The relation name, e.g. `nmod:of`.
    public var relation: String

    /// Creates an edge.
    public init(head: Int, dependent: Int, relation: String) {
      self.head = head
      self.dependent = dependent
      self.relation = relation
    }
  }

  /// The tokens (nodes), in sentence order.
  public private(set) var tokens: [Token]
  /// The edges, in the order their (head, dependent) pairs were first added.
  public private(set) var edges: [Edge]

  // Adjacency as singly linked lists threaded through flat arrays (no allocation per node): `firstOut[n]` is
  // n's first outgoing edge, `nextOut[e]` the edge after e in its head's list; `lastOut` allows appending.
  // The same for incoming edges. -1 ends a list.
  private(set) var firstOut: [Int32]
  private var lastOut: [Int32]
  private(set) var nextOut: [Int32]
  private(set) var firstIn: [Int32]
  private var lastIn: [Int32]
  private(set) var nextIn: [Int32]

  /// Creates a graph with no edges.
  public init(tokens: [Token]) {
    self.tokens = tokens
    edges = []
    firstOut = Array(repeating: -1, count: tokens.count)
    lastOut = firstOut
    firstIn = firstOut
    lastIn = firstOut
    nextOut = []
    nextIn = []
  }

  /// Creates a graph from tokens and edges, adding the edges in order (a later edge for the same pair replaces
  /// the earlier one's relation). Throws `invalidInput` when an edge names a token that does not exist.
  public init(tokens: [Token], edges: [Edge]) throws(CXRLabelError) {
    self.init(tokens: tokens)
    for edge in edges { try addEdge(head: edge.head, dependent: edge.dependent, relation: edge.relation) }
  }

  /// Adds an edge, or replaces the relation of the pair's existing edge. Throws `invalidInput` when a token
  /// index is out of range.
  public mutating func addEdge(head: Int, dependent: Int, relation: String) throws(CXRLabelError) {
    guard tokens.indices.contains(head), tokens.indices.contains(dependent) else {
      throw CXRLabelError(
        .invalidInput,
        "The edge \(head) -\(relation)-> \(dependent) names a token that does not exist (the sentence has "
          + "\(tokens.count) tokens).")
    }
    if let existing = edgeIndex(from: head, to: dependent) {
      edges[existing].relation = relation
    } else {
      appendEdge(head: head, dependent: dependent, relation: relation)
    }
  }

  /// Adds an edge only when the pair has none yet (how propagation adds edges); returns whether it added one.
  /// Throws `invalidInput` when a token index is out of range.
  @discardableResult
  public mutating func addEdgeIfAbsent(head: Int, dependent: Int, relation: String) throws(CXRLabelError) -> Bool {
    guard tokens.indices.contains(head), tokens.indices.contains(dependent) else {
      throw CXRLabelError(
        .invalidInput, "The edge \(head) -\(relation)-> \(dependent) names a token that does not exist.")
    }
    return addIfAbsent(head: head, dependent: dependent, relation: relation)
  }

  /// `addEdgeIfAbsent` for indices already known to be valid.
  mutating func addIfAbsent(head: Int, dependent: Int, relation: String) -> Bool {
    guard edgeIndex(from: head, to: dependent) == nil else { return false }
    appendEdge(head: head, dependent: dependent, relation: relation)
    return true
  }

  private mutating func appendEdge(head: Int, dependent: Int, relation: String) {
    let index = Int32(edges.count)
    edges.append(Edge(head: head, dependent: dependent, relation: relation))
    nextOut.append(-1)
    nextIn.append(-1)
    if lastOut[head] < 0 { firstOut[head] = index } else { nextOut[Int(lastOut[head])] = index }
    lastOut[head] = index
    if lastIn[dependent] < 0 { firstIn[dependent] = index } else { nextIn[Int(lastIn[dependent])] = index }
    lastIn[dependent] = index
  }

  /// The index in `edges` of the edge from `head` to `dependent`, if there is one.
  public func edgeIndex(from head: Int, to dependent: Int) -> Int? {
    guard tokens.indices.contains(head) else { return nil }
    var edge = firstOut[head]
    while edge >= 0 {
      if edges[Int(edge)].dependent == dependent { return Int(edge) }
      edge = nextOut[Int(edge)]
    }
    return nil
  }

  /// The relation of the edge from `head` to `dependent`, if there is one.
  public func relation(from head: Int, to dependent: Int) -> String? {
    edgeIndex(from: head, to: dependent).map { edges[$0].relation }
  }

  /// The indices of `node`'s outgoing edges (to its children), in insertion order.
  public func outgoingEdges(of node: Int) -> EdgeList {
    EdgeList(first: tokens.indices.contains(node) ? firstOut[node] : -1, next: nextOut)
  }

  /// The indices of `node`'s incoming edges (from its parents), in insertion order.
  public func incomingEdges(of node: Int) -> EdgeList {
    EdgeList(first: tokens.indices.contains(node) ? firstIn[node] : -1, next: nextIn)
  }

  /// `node`'s children (dependents), in insertion order.
  public func children(of node: Int) -> [Int] { outgoingEdges(of: node).map { edges[$0].dependent } }

  /// `node`'s parents (heads), in insertion order.
  public func parents(of node: Int) -> [Int] { incomingEdges(of: node).map { edges[$0].head } }

  /// Whether the two graphs have the same tokens and the same edges in the same order (adjacency order follows
  /// from the edge order).
  public static func == (lhs: DependencyGraph, rhs: DependencyGraph) -> Bool {
    lhs.tokens == rhs.tokens && lhs.edges == rhs.edges
  }

  /// A list of edge indices, walked in insertion order.
  public struct EdgeList: Sequence, Sendable {
    let first: Int32
    let next: [Int32]

    /// Walks the list.
    public func makeIterator() -> Iterator { Iterator(current: first, links: next) }

    /// Walks a list of edge indices.
    public struct Iterator: IteratorProtocol {
      var current: Int32
      let links: [Int32]

      /// The next edge index, or nil at the end.
      public mutating func next() -> Int? {
        guard current >= 0 else { return nil }
        let edge = Int(current)
        current = links[edge]
        return edge
      }
    }
  }
}
