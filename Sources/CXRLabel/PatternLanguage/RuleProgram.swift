/// The node attributes a pattern can test. NegBio's graph nodes carry `lemma`, `text` and `tag` (plus integer
/// offsets no rule can usefully test); edges carry `dependency`. A test of any other name never holds.
enum NodeAttribute: UInt8, Sendable, CaseIterable {
  case lemma, text, tag

  init?(name: String) {
    switch name {
    case "lemma": self = .lemma
    case "text": self = .text
    case "tag": self = .tag
    default: return nil
    }
  }
}

/// The distinct regular expressions of a set of patterns, numbered separately for node tests and edge tests.
/// Immutable once built; shared between threads.
final class ConstraintTable: Sendable {
  /// Node tests: the attribute and the compiled regex, by id.
  let nodeTests: [(attribute: NodeAttribute, regex: PCRE2Pattern)]
  /// Edge (`dependency`) tests by id.
  let edgeTests: [PCRE2Pattern]
  /// Node test ids per attribute, for computing a string's bits.
  let nodeTestsByAttribute: [[Int]]

  init(nodeTests: [(attribute: NodeAttribute, regex: PCRE2Pattern)], edgeTests: [PCRE2Pattern]) {
    self.nodeTests = nodeTests
    self.edgeTests = edgeTests
    nodeTestsByAttribute = NodeAttribute.allCases.map { attribute in
      nodeTests.indices.filter { nodeTests[$0].attribute == attribute }
    }
  }

  /// 64-bit words per node bit set.
  var nodeWords: Int { (nodeTests.count + 63) / 64 }
  /// 64-bit words per edge bit set.
  var edgeWords: Int { (edgeTests.count + 63) / 64 }
}

/// Patterns compiled together into flat arrays, sharing one `ConstraintTable`: what the matcher runs.
final class RuleProgram: Sendable {
  struct Node: Sendable {
    var tests: Range<Int32>
    var impossible: Bool
    var vetoKey: Bool
    var relations: Range<Int32>
    var names: [String]
  }

  struct Relation: Sendable {
    var outgoing: Bool
    var impossible: Bool
    var tests: Range<Int32>
    var target: Int32
  }

  let table: ConstraintTable
  let nodes: [Node]
  let relations: [Relation]
  /// Node test ids, referenced by `Node.tests`.
  let nodeTestIDs: [Int32]
  /// Edge test ids, referenced by `Relation.tests`.
  let edgeTestIDs: [Int32]
  /// The root node of each alternative of every pattern, pattern after pattern.
  let rootNodes: [Int32]
  /// Per pattern, its alternatives' range in `rootNodes` (flat, so matching retains no per-pattern array).
  let roots: [Range<Int>]

  /// Compiles the patterns, in order (pattern i of the list is pattern i of the program).
  init(patterns: [(forms: [NodeForm], regexes: [String: PCRE2Pattern])]) {
    var builder = Builder()
    var rootNodes: [Int32] = []
    var roots: [Range<Int>] = []
    for pattern in patterns {
      let start = rootNodes.count
      rootNodes += pattern.forms.map { builder.add($0, regexes: pattern.regexes) }
      roots.append(start..<rootNodes.count)
    }
    self.rootNodes = rootNodes
    table = ConstraintTable(nodeTests: builder.nodeTests, edgeTests: builder.edgeTests)
    nodes = builder.nodes
    relations = builder.relations
    nodeTestIDs = builder.nodeTestIDs
    edgeTestIDs = builder.edgeTestIDs
    self.roots = roots
  }

  private struct Builder {
    var nodeTests: [(attribute: NodeAttribute, regex: PCRE2Pattern)] = []
    var edgeTests: [PCRE2Pattern] = []
    var nodeTestIndex: [String: Int32] = [:]
    var edgeTestIndex: [String: Int32] = [:]
    var nodes: [Node] = []
    var relations: [Relation] = []
    var nodeTestIDs: [Int32] = []
    var edgeTestIDs: [Int32] = []

    /// Adds a form (depth first) and returns its node's index.
    mutating func add(_ form: NodeForm, regexes: [String: PCRE2Pattern]) -> Int32 {
      let index = Int32(nodes.count)
      nodes.append(Node(tests: 0..<0, impossible: false, vetoKey: form.vetoKey, relations: 0..<0, names: form.names))
      var impossible = false
      let testStart = Int32(nodeTestIDs.count)
      for test in form.tests {
        guard let attribute = NodeAttribute(name: test.name), let regex = regexes[test.pcreSource] else {
          impossible = true
          continue
        }
        let key = "\(attribute.rawValue)\u{0}\(test.pcreSource)"
        let id: Int32
        if let existing = nodeTestIndex[key] {
          id = existing
        } else {
          id = Int32(nodeTests.count)
          nodeTests.append((attribute, regex))
          nodeTestIndex[key] = id
        }
        nodeTestIDs.append(id)
      }
      let testEnd = Int32(nodeTestIDs.count)
      // Relations are laid out contiguously first, then their targets are added (which appends more).
      let relationStart = Int32(relations.count)
      for relation in form.relations {
        var relationImpossible = false
        let start = Int32(edgeTestIDs.count)
        for test in relation.tests {
          guard test.name == "dependency", let regex = regexes[test.pcreSource] else {
            relationImpossible = true
            continue
          }
          let id: Int32
          if let existing = edgeTestIndex[test.pcreSource] {
            id = existing
          } else {
            id = Int32(edgeTests.count)
            edgeTests.append(regex)
            edgeTestIndex[test.pcreSource] = id
          }
          edgeTestIDs.append(id)
        }
        relations.append(
          Relation(
            outgoing: relation.outgoing, impossible: relationImpossible, tests: start..<Int32(edgeTestIDs.count),
            target: -1))
      }
      let relationEnd = Int32(relations.count)
      for (offset, relation) in form.relations.enumerated() {
        relations[Int(relationStart) + offset].target = add(relation.target, regexes: regexes)
      }
      nodes[Int(index)].tests = testStart..<testEnd
      nodes[Int(index)].impossible = impossible
      nodes[Int(index)].relations = relationStart..<relationEnd
      return index
    }
  }
}
