/// One `name:/regex/` test of a node or edge, as written.
struct AttributeTest: Sendable, Hashable {
  /// The attribute name (`lemma`, `text`, `tag` for nodes; `dependency` for edges).
  var name: String
  /// The text between the slashes.
  var body: String
  /// The 1-based column of the name in the pattern.
  var column: Int

  /// The regular expression NegBio actually runs: `^` prepended unless the body starts with `^`, `$` appended
  /// unless it ends with `$` (an empty body stays empty). Because `|` binds loosest, `a|b|c` becomes `^a|b|c$`:
  /// "starts with a" or "starts with b" or "is c".
  var anchoredBody: String {
    guard let first = body.unicodeScalars.first, let last = body.unicodeScalars.last else { return body }
    var result = body
    if first != "^" { result = "^" + result }
    if last != "$" { result += "$" }
    return result
  }

  /// The PCRE2 source with Python `re.match` semantics: the whole expression is anchored at the start of the
  /// subject (`\A`), so every alternative must match from the first character, as in Python.
  var pcreSource: String { "\\A(?:" + anchoredBody + ")" }
}

/// A node description `{name:/re/,…}` with its optional `=name`.
struct NodeDescription: Sendable, Hashable {
  /// Identifies this description in its pattern (the original's node object identity).
  var id: Int
  /// The tests; for a repeated attribute name only the last one counts, as in the original's dictionary.
  var tests: [AttributeTest]
  /// The node's name (`key` for the negation veto), if any.
  var name: String?
}

/// A parsed pattern, shaped exactly as the original builds its pattern objects: each relation of a node
/// becomes an edge pattern whose left side is that (shared) node pattern; several relations are folded into
/// conjunctions, `|`-separated groups into disjunctions. The shape matters for which named node the
/// original's match reports (see `PatternForm`).
indirect enum PatternTree: Sendable {
  /// A node test.
  case node(NodeDescription)
  /// `left > {tests} target` (outgoing) or `left < {tests} target`; `id` identifies the edge pattern.
  case edge(id: Int, left: PatternTree, target: PatternTree, outgoing: Bool, tests: [AttributeTest])
  /// Both must match with the same head.
  case and(PatternTree, PatternTree)
  /// Either must match.
  case or(PatternTree, PatternTree)
}

extension PatternTree {
  /// Every node description in the tree, once per occurrence (a shared left side counts once per relation).
  var nodeOccurrences: [NodeDescription] {
    switch self {
    case .node(let node): return [node]
    case .edge(_, let left, let target, _, _): return left.nodeOccurrences + target.nodeOccurrences
    case .and(let a, let b), .or(let a, let b): return a.nodeOccurrences + b.nodeOccurrences
    }
  }

  /// Every attribute test in the tree, nodes and edges.
  var allTests: [(test: AttributeTest, onEdge: Bool)] {
    switch self {
    case .node(let node): return node.tests.map { ($0, false) }
    case .edge(_, let left, let target, _, let tests):
      return left.allTests + tests.map { ($0, true) } + target.allTests
    case .and(let a, let b), .or(let a, let b): return a.allTests + b.allTests
    }
  }
}
