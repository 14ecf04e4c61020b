/// A compiled rule pattern in NegBio's pattern language ("ngrex", a subset of Stanford Semgrex; SPEC 3.3).
///
///     {} < {dependency:/nmod:of|nmod:for/} ({lemma:/evidence/} > {dependency:/neg/} {})
///
/// A node is `{}` (any node) or `{attr:/regex/,…}`, optionally named `=name`; `A > {edge} B` says A has a child
/// B over a matching edge, `A < {edge} B` that A is a child of B. Several relations after a node all constrain
/// that node (`&` between them is optional); a parenthesised group nests, and as the left side constrains its
/// first node. `|` between relation groups is a disjunction. Node attributes are `lemma`, `text` (the word) and
/// `tag`; the edge attribute is `dependency`; a test on any other attribute never holds.
///
/// Regexes behave as in the original: `^` is prepended unless present, `$` appended unless present, and the
/// result must match from the start of the value, so `/a|b/` means "starts with a, or is b".
///
/// The pattern *matches node n* when some assignment of graph nodes to its nodes satisfies every test with its
/// head (leftmost node) assigned to n; different pattern nodes may take the same graph node.
public struct NgrexPattern: Sendable, CustomStringConvertible {
  /// The pattern as written.
  public let source: String
  /// Alternatives in conjunctive form.
  let forms: [NodeForm]
  /// Compiled regexes by PCRE2 source.
  let regexes: [String: PCRE2Pattern]
  /// This pattern alone, compiled for `matches` and `match`.
  let program: RuleProgram

  /// Parses and compiles `source`. Errors are `invalidRules` (syntax) or `invalidRegex`, located in
  /// `location` (the column, if given, is where the pattern starts; errors add their offset to it).
  public init(_ source: String, location: CXRLabelError.Location = .init(file: "<pattern>", line: 1, column: 1))
    throws(CXRLabelError)
  {
    func at(_ column: Int) -> CXRLabelError.Location {
      var result = location
      result.column = (location.column ?? 1) + column - 1
      return result
    }
    let tree: PatternTree
    let forms: [NodeForm]
    do {
      tree = try PatternParser.parse(source)
      forms = try tree.forms()
    } catch {
      throw CXRLabelError(
        .invalidRules, error.message + " In the pattern: \(source)", at: at(error.column),
        hint: "See Phrases/README.md for the pattern language.")
    }
    var regexes: [String: PCRE2Pattern] = [:]
    for (test, _) in tree.allTests where regexes[test.pcreSource] == nil {
      do {
        regexes[test.pcreSource] = try PCRE2Pattern(test.pcreSource, options: [.utf])
      } catch {
        throw CXRLabelError(
          .invalidRegex, "The regular expression /\(test.body)/ does not compile: \(error.message)",
          at: at(test.column))
      }
    }
    self.source = source
    self.forms = forms
    self.regexes = regexes
    program = RuleProgram(patterns: [(forms, regexes)])
  }

  /// The pattern as written.
  public var description: String { source }

  /// Whether the pattern matches with its head bound to `head`. With `vetoNegatedKey` (the negation phase), a
  /// match whose `key` node has an outgoing `neg` edge does not count.
  public func matches(
    _ graph: DependencyGraph, head: Int, workspace: RuleWorkspace, vetoNegatedKey: Bool = false
  ) -> Bool {
    guard graph.tokens.indices.contains(head) else { return false }
    workspace.prepare(graph, for: program.table)
    return PatternMatcher(program: program, graph: graph, workspace: workspace, vetoNegatedKey: vetoNegatedKey)
      .matches(pattern: 0, head: head)
  }

  /// The nodes the pattern matches, in token order.
  public func heads(in graph: DependencyGraph, workspace: RuleWorkspace, vetoNegatedKey: Bool = false) -> [Int] {
    workspace.prepare(graph, for: program.table)
    let matcher = PatternMatcher(program: program, graph: graph, workspace: workspace, vetoNegatedKey: vetoNegatedKey)
    return graph.tokens.indices.filter { matcher.matches(pattern: 0, head: $0) }
  }

  /// One match with its head bound to `head`: which graph node each named pattern node took.
  public func match(
    _ graph: DependencyGraph, head: Int, workspace: RuleWorkspace, vetoNegatedKey: Bool = false
  ) -> PatternMatch? {
    guard graph.tokens.indices.contains(head) else { return nil }
    workspace.prepare(graph, for: program.table)
    let matcher = PatternMatcher(program: program, graph: graph, workspace: workspace, vetoNegatedKey: vetoNegatedKey)
    guard let (root, bindings) = matcher.firstAssignment(pattern: 0, head: head) else { return nil }
    return PatternMatch(program: program, root: root, bindings: bindings, head: head)
  }

  /// The graph edges one match with its head bound to `head` goes through (one per pattern relation), or nil
  /// when the pattern does not match there. This is what a parser must get right for the rule to fire.
  public func matchedEdges(
    _ graph: DependencyGraph, head: Int, workspace: RuleWorkspace, vetoNegatedKey: Bool = false
  ) -> [DependencyGraph.Edge]? {
    guard graph.tokens.indices.contains(head) else { return nil }
    workspace.prepare(graph, for: program.table)
    let matcher = PatternMatcher(program: program, graph: graph, workspace: workspace, vetoNegatedKey: vetoNegatedKey)
    guard let (root, bindings) = matcher.firstAssignment(pattern: 0, head: head) else { return nil }
    var edges: [DependencyGraph.Edge] = []
    var stack = [root]
    while let index = stack.popLast() {
      let node = program.nodes[Int(index)]
      let bound = bindings[Int(index)]
      guard bound >= 0 else { continue }
      for slot in node.relations {
        let relation = program.relations[Int(slot)]
        let other = bindings[Int(relation.target)]
        guard other >= 0 else { continue }
        let (from, to) = relation.outgoing ? (bound, other) : (other, bound)
        if let edge = graph.edgeIndex(from: from, to: to) { edges.append(graph.edges[edge]) }
        stack.append(relation.target)
      }
    }
    return edges
  }

  /// The names given to nodes (`=name`).
  public var names: [String] {
    var result: [String] = []
    func walk(_ form: NodeForm) {
      for name in form.names where !result.contains(name) { result.append(name) }
      for relation in form.relations { walk(relation.target) }
    }
    forms.forEach(walk)
    return result
  }

  /// The parts `RuleProgram` compiles.
  var parts: (forms: [NodeForm], regexes: [String: PCRE2Pattern]) { (forms, regexes) }
}

/// One match of a pattern: the head and the graph nodes its named nodes took.
public struct PatternMatch: Sendable, Hashable {
  /// The graph node the head took.
  public var head: Int
  /// The graph node each named pattern node took.
  public var named: [String: Int]
  /// The node the original reports as `key` (the one the negation veto looks at), when the pattern names one
  /// that the original's match object keeps (see SPEC 3.3 and `PatternForm`).
  public var key: Int?

  init(program: RuleProgram, root: Int32, bindings: [Int], head: Int) {
    self.head = head
    named = [:]
    key = nil
    var stack = [root]
    while let index = stack.popLast() {
      let node = program.nodes[Int(index)]
      let bound = bindings[Int(index)]
      guard bound >= 0 else { continue }
      for name in node.names where named[name] == nil { named[name] = bound }
      if node.vetoKey && key == nil { key = bound }
      for slot in node.relations { stack.append(program.relations[Int(slot)].target) }
    }
  }
}
