import Testing

@testable import CXRLabel

/// The parser's table of construction rules: every rule has examples of ours, and in each the rule attaches a word;
/// precedence follows the table's declared order, not the order rules run in.
@Suite struct ConstructionRuleTests {
  @Test(arguments: ConstructionRule.allCases)
  func everyRuleAttachesAWordInEachOfItsExamples(_ rule: ConstructionRule) {
    #expect(rule.examples.count >= 2, "\(rule.id) needs two examples")
    for example in rule.examples {
      let traced = ParserEdges.parser.traceRules(example)
      let made = traced.edges.filter { $0.rule == rule }.map {
        "\(traced.words[$0.edge.head]) -\($0.edge.relation)-> \(traced.words[$0.edge.dependent])"
      }
      #expect(!made.isEmpty, "\(rule.id): no edge in '\(example)'; got \(traced.edges.map { "\($0.rule.id)" })")
    }
  }

  @Test func idsAreUniqueAndReadable() {
    let ids = ConstructionRule.allCases.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(ConstructionRule.smallClause.id == "small-clause" && ConstructionRule.nounPhrase.id == "noun-phrase")
  }

  /// A later rule in the table never takes a word from an earlier one, whatever order they run in; an earlier rule
  /// does: the small clause takes the object of "demonstrate" as the subject of its predicate.
  @Test func precedenceIsTheTablesOrder() {
    let traced = ParserEdges.parser.traceRules("views demonstrate the mediastinum to be normal.")
    let subject = traced.edges.first { traced.words[$0.edge.dependent] == "mediastinum" }
    #expect(subject?.rule == .smallClause && subject?.edge.relation == "nsubj")
    #expect(ConstructionRule.smallClause.rawValue < ConstructionRule.object.rawValue)
  }
}
