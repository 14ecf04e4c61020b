/// A pattern without disjunction, written from its head: the tests on the head node and the relations that must
/// each lead to some node satisfying its own form. "The pattern matches node n" is then a plain recursive check
/// from n, which is what the original's enumerate-every-match search amounts to (its only cross-constraint, that
/// conjoined parts share the head, is built in; different pattern nodes may bind the same graph node).
struct NodeForm: Sendable, Hashable {
  /// Tests on the node, all of which must hold.
  var tests: [AttributeTest] = []
  /// Set on the node the original's match would report as `key`: in the negation phase a match whose key node
  /// has an outgoing `neg` edge does not count.
  var vetoKey = false
  /// Names given to the node (`=name`).
  var names: [String] = []
  /// Relations from the node, each of which must be satisfied.
  var relations: [RelationForm] = []

  /// Adds the tests, flags and relations of `other` (another form for the same head), without duplicates.
  mutating func merge(_ other: NodeForm) {
    for test in other.tests where !tests.contains(test) { tests.append(test) }
    vetoKey = vetoKey || other.vetoKey
    for name in other.names where !names.contains(name) { names.append(name) }
    for relation in other.relations where !relations.contains(relation) { relations.append(relation) }
  }
}

/// One relation of a `NodeForm`: an edge in the given direction whose tests hold, to a node matching `target`.
struct RelationForm: Sendable, Hashable {
  /// True for `>` (to a child), false for `<` (to a parent).
  var outgoing: Bool
  /// Tests on the edge.
  var tests: [AttributeTest]
  /// What the node at the other end must match.
  var target: NodeForm
}

extension PatternTree {
  /// The pattern as alternatives (disjunctive normal form), each a conjunctive form from the head.
  func forms() throws(PatternSyntaxError) -> [NodeForm] {
    let alternatives = try expanded()
    return alternatives.map { alternative in
      let keyPath = alternative.nodeList(path: []).first { $0.name == "key" }?.path
      return alternative.form(path: [], keyPath: keyPath)
    }
  }

  /// The alternatives without `or`: every combination of one branch per disjunction. Capped, since a pattern
  /// with many `|` could otherwise blow up.
  private func expanded() throws(PatternSyntaxError) -> [PatternTree] {
    let result: [PatternTree]
    switch self {
    case .node:
      return [self]
    case .edge(let id, let left, let target, let outgoing, let tests):
      let lefts = try left.expanded()
      let targets = try target.expanded()
      result = lefts.flatMap { l in
        targets.map { t in PatternTree.edge(id: id, left: l, target: t, outgoing: outgoing, tests: tests) }
      }
    case .and(let a, let b):
      let firsts = try a.expanded()
      let seconds = try b.expanded()
      result = firsts.flatMap { x in seconds.map { y in PatternTree.and(x, y) } }
    case .or(let a, let b):
      result = try a.expanded() + b.expanded()
    }
    guard result.count <= 256 else {
      throw PatternSyntaxError(column: 1, message: "The pattern has too many alternatives (more than 256) to expand.")
    }
    return result
  }

  /// The named nodes of a match in the order the original's match object lists them, with where each sits in
  /// the tree (0 = left/first, 1 = target/second at each step). The original concatenates the node lists of the
  /// left side and the target for an edge, but for a conjunction adds the second part's nodes (minus its head)
  /// only when that part has more than two nodes — a quirk that can hide a `key` node.
  private func nodeList(path: [UInt8]) -> [(name: String?, path: [UInt8])] {
    switch self {
    case .node(let node):
      return [(node.name, path)]
    case .edge(_, let left, let target, _, _):
      return left.nodeList(path: path + [0]) + target.nodeList(path: path + [1])
    case .and(let a, let b):
      let first = a.nodeList(path: path + [0])
      let second = b.nodeList(path: path + [1])
      return second.count > 2 ? first + second.dropFirst() : first
    case .or:
      return []  // not reached: alternatives are expanded first
    }
  }

  /// The conjunctive form of an expanded alternative, marking the node at `keyPath`.
  private func form(path: [UInt8], keyPath: [UInt8]?) -> NodeForm {
    switch self {
    case .node(let node):
      return NodeForm(tests: node.tests, vetoKey: path == keyPath, names: node.name.map { [$0] } ?? [])
    case .edge(_, let left, let target, let outgoing, let tests):
      var head = left.form(path: path + [0], keyPath: keyPath)
      let relation = RelationForm(
        outgoing: outgoing, tests: tests, target: target.form(path: path + [1], keyPath: keyPath))
      if !head.relations.contains(relation) { head.relations.append(relation) }
      return head
    case .and(let a, let b):
      var head = a.form(path: path + [0], keyPath: keyPath)
      head.merge(b.form(path: path + [1], keyPath: keyPath))
      return head
    case .or(let a, _):
      return a.form(path: path + [0], keyPath: keyPath)  // not reached: alternatives are expanded first
    }
  }
}
