/// Evaluates compiled patterns against a graph prepared in a `RuleWorkspace`.
struct PatternMatcher {
  let program: RuleProgram
  let graph: DependencyGraph
  /// Whether a match whose `key` node has an outgoing `neg` edge is rejected (the negation phase).
  let vetoNegatedKey: Bool
  // The workspace's prepared bit sets, copied out of the class (a retain, not a copy) so the hot loop reads
  // immutable values without the runtime's exclusivity checks on class properties.
  private let nodeBits: [UInt64]
  private let nodeWords: Int
  private let edgeBits: [UInt64]
  private let edgeWords: Int
  private let hasNegChild: [Bool]

  /// A matcher over `graph`, which `workspace` has just prepared for `program`'s constraint table.
  init(program: RuleProgram, graph: DependencyGraph, workspace: RuleWorkspace, vetoNegatedKey: Bool) {
    self.program = program
    self.graph = graph
    self.vetoNegatedKey = vetoNegatedKey
    nodeBits = workspace.nodeBits
    nodeWords = workspace.nodeWords
    edgeBits = workspace.edgeBits
    edgeWords = workspace.edgeWords
    hasNegChild = workspace.hasNegChild
  }

  /// Whether pattern `pattern` of the program matches with its head bound to `head`.
  func matches(pattern: Int, head: Int) -> Bool {
    for slot in program.roots[pattern] where matchNode(program.rootNodes[slot], head, bindings: nil) { return true }
    return false
  }

  /// The first assignment (alternative by alternative, neighbours in insertion order) with the head bound to
  /// `head`, as one graph node per program node (-1 for nodes of other alternatives), or nil.
  func firstAssignment(pattern: Int, head: Int) -> (root: Int32, bindings: [Int])? {
    var bindings = [Int](repeating: -1, count: program.nodes.count)
    let found: Int32? = bindings.withUnsafeMutableBufferPointer { buffer in
      for slot in program.roots[pattern] where matchNode(program.rootNodes[slot], head, bindings: buffer.baseAddress) {
        return program.rootNodes[slot]
      }
      return nil
    }
    return found.map { ($0, bindings) }
  }

  private func matchNode(_ index: Int32, _ node: Int, bindings: UnsafeMutablePointer<Int>?) -> Bool {
    let patternNode = program.nodes[Int(index)]
    if patternNode.impossible { return false }
    let base = node &* nodeWords
    for slot in patternNode.tests {
      let id = Int(program.nodeTestIDs[Int(slot)])
      guard nodeBits[base &+ (id &>> 6)] & (1 &<< UInt64(id & 63)) != 0 else { return false }
    }
    if vetoNegatedKey && patternNode.vetoKey && hasNegChild[node] { return false }
    for slot in patternNode.relations {
      let relation = program.relations[Int(slot)]
      if relation.impossible { return false }
      var edge = relation.outgoing ? graph.firstOut[node] : graph.firstIn[node]
      var satisfied = false
      while edge >= 0 {
        let edgeIndex = Int(edge)
        edge = relation.outgoing ? graph.nextOut[edgeIndex] : graph.nextIn[edgeIndex]
        guard edgePasses(edgeIndex, relation.tests) else { continue }
        let other = relation.outgoing ? graph.edges[edgeIndex].dependent : graph.edges[edgeIndex].head
        if matchNode(relation.target, other, bindings: bindings) {
          satisfied = true
          break
        }
      }
      if !satisfied { return false }
    }
    bindings?[Int(index)] = node
    return true
  }

  private func edgePasses(_ edge: Int, _ tests: Range<Int32>) -> Bool {
    let base = edge &* edgeWords
    for slot in tests {
      let id = Int(program.edgeTestIDs[Int(slot)])
      guard edgeBits[base &+ (id &>> 6)] & (1 &<< UInt64(id & 63)) != 0 else { return false }
    }
    return true
  }
}
