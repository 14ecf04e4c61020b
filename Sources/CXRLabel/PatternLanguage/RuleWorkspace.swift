/// Per-thread scratch space for matching rules: PCRE2 match data, a cache of which tests each lemma, word, tag
/// and relation name passes, and the prepared form of the graph being matched.
///
/// Create one per thread (or task) and reuse it for every sentence; it is not safe to share between threads.
/// The caches make matching after the first few thousand sentences nearly free of regex calls.
public final class RuleWorkspace {
  let scratch = MatchScratch()

  // Caches for one constraint table; the strong reference keeps the table alive, so its identity cannot be
  // reused by another table while the cache refers to it.
  private var table: ConstraintTable?
  private var caches: [[String: [UInt64]]] = Array(repeating: [:], count: NodeAttribute.allCases.count)
  private var dependencyCache: [String: [UInt64]] = [:]
  private static let cacheLimit = 16_384

  /// Node bit sets of the prepared graph: bit i of node n says whether node test i holds for n.
  private(set) var nodeBits: [UInt64] = []
  private(set) var nodeWords = 0
  /// Edge bit sets of the prepared graph.
  private(set) var edgeBits: [UInt64] = []
  private(set) var edgeWords = 0
  /// Whether each node has an outgoing edge labelled exactly `neg` (the key veto).
  private(set) var hasNegChild: [Bool] = []
  /// Whether each node has an `amod` child whose lemma is exactly `new` (the "new" veto).
  private(set) var hasNewModifier: [Bool] = []

  /// Creates an empty workspace.
  public init() {}

  /// Computes the bit sets of `graph` for `table`.
  func prepare(_ graph: DependencyGraph, for table: ConstraintTable) {
    if self.table !== table {
      self.table = table
      for index in caches.indices { caches[index].removeAll() }
      dependencyCache.removeAll()
    }
    let nodeCount = graph.tokens.count
    nodeWords = table.nodeWords
    edgeWords = table.edgeWords
    nodeBits.removeAll(keepingCapacity: true)
    nodeBits.append(contentsOf: repeatElement(0, count: nodeCount * nodeWords))
    hasNegChild.removeAll(keepingCapacity: true)
    hasNegChild.append(contentsOf: repeatElement(false, count: nodeCount))
    hasNewModifier.removeAll(keepingCapacity: true)
    hasNewModifier.append(contentsOf: repeatElement(false, count: nodeCount))
    if nodeWords > 0 {
      for (node, token) in graph.tokens.enumerated() {
        for attribute in NodeAttribute.allCases where !table.nodeTestsByAttribute[Int(attribute.rawValue)].isEmpty {
          let value: String
          switch attribute {
          case .lemma: value = token.lemma
          case .text: value = token.word
          case .tag: value = token.tag
          }
          let bits = nodeBits(for: value, attribute: attribute, table: table)
          let base = node * nodeWords
          for word in 0..<nodeWords { nodeBits[base + word] |= bits[word] }
        }
      }
    }
    edgeBits.removeAll(keepingCapacity: true)
    if edgeWords > 0 {
      for edge in graph.edges { edgeBits.append(contentsOf: edgeBits(for: edge.relation, table: table)) }
    }
    for edge in graph.edges {
      if edge.relation == "neg" { hasNegChild[edge.head] = true }
      if edge.relation == "amod" && graph.tokens[edge.dependent].lemma == "new" { hasNewModifier[edge.head] = true }
    }
  }

  private func nodeBits(for value: String, attribute: NodeAttribute, table: ConstraintTable) -> [UInt64] {
    let slot = Int(attribute.rawValue)
    if let cached = caches[slot][value] { return cached }
    var bits = [UInt64](repeating: 0, count: table.nodeWords)
    var subject = value
    subject.withUTF8 { buffer in
      for id in table.nodeTestsByAttribute[slot] where table.nodeTests[id].regex.matches(buffer, scratch: scratch) {
        bits[id >> 6] |= 1 << UInt64(id & 63)
      }
    }
    if caches[slot].count >= Self.cacheLimit { caches[slot].removeAll() }
    caches[slot][value] = bits
    return bits
  }

  private func edgeBits(for relation: String, table: ConstraintTable) -> [UInt64] {
    if let cached = dependencyCache[relation] { return cached }
    var bits = [UInt64](repeating: 0, count: table.edgeWords)
    var subject = relation
    subject.withUTF8 { buffer in
      for (id, regex) in table.edgeTests.enumerated() where regex.matches(buffer, scratch: scratch) {
        bits[id >> 6] |= 1 << UInt64(id & 63)
      }
    }
    if dependencyCache.count >= Self.cacheLimit { dependencyCache.removeAll() }
    dependencyCache[relation] = bits
    return bits
  }
}
