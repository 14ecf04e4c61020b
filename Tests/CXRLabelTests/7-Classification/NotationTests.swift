import Testing

@testable import CXRLabel

@Suite("Rule notation")
struct NotationTests {
  @Test func lowersNodesEdgesAndGroups() throws {
    #expect(try RuleNotation.lower(".") == "{}")
    #expect(try RuleNotation.lower(". -neg-> .") == "{} > {dependency:/^(?:neg)$/} {}")
    #expect(
      try RuleNotation.lower(". <-nmod:of*|nmod:for- (lemma(evidence) -neg-> .)")
        == "{} < {dependency:/^(?:nmod:of.*|nmod:for)$/} ({lemma:/^(?:evidence)$/} > {dependency:/^(?:neg)$/} {})")
    #expect(
      try RuleNotation.lower("(. -*-> .) -*-> tag(N*)&lemma(x)")
        == "({} > {} {}) > {} {tag:/^(?:N.*)$/,lemma:/^(?:x)$/}")
    #expect(try RuleNotation.lower(". <-*- lemma(clear|clearing)=key") == "{} < {} {lemma:/^(?:clear|clearing)$/}=key")
    #expect(try RuleNotation.lower(". -*-> lemma(and.or)") == "{} > {} {lemma:/^(?:and.or)$/}")
    #expect(try RuleNotation.lower(". -*-> lemma(well-defined)") == "{} > {} {lemma:/^(?:well\\-defined)$/}")
  }

  @Test func errorsPointAtTheColumn() {
    #expect(throws: RuleNotation.NotationError.self) { try RuleNotation.lower(". -neg") }
    do {
      _ = try RuleNotation.lower(". -neg-> frob(x)")
      Issue.record("expected an error")
    } catch {
      #expect(error.offset == 9)
    }
  }

  @Test func filesHavePhasesUniqueIdsAndComments() throws {
    let rules = try RuleNotation.parseFile(
      "[negation]\nn1  . -neg-> .  # no X\n\n[post]\np1 . <-conj:or- .\n", file: "r")
    #expect(rules.map(\.id) == ["n1", "p1"])
    #expect(rules.map(\.phase) == ["negation", "post"])
    #expect(rules[0].comment == "no X")
    #expect(rules[1].location.line == 5)
    do {
      _ = try RuleNotation.parseFile("[negation]\nn1 . -neg-> .\nn1 . -x-> .\n", file: "r")
      Issue.record("expected an error")
    } catch {
      #expect(error.location?.line == 3)
    }
    do {
      _ = try RuleNotation.parseFile("[negation]\n  n2  . -neg-> frob(x)\n", file: "r")
      Issue.record("expected an error")
    } catch {
      #expect(error.location == CXRLabelError.Location(file: "r", line: 2, column: 16))
    }
  }

  @Test func defaultChexpertRulesParse() throws {
    let rules = try RuleNotation.parseFile(
      String(
        decoding: Array(
          try String(contentsOfFile: TestPaths.packageRoot + "/Phrases/data/chexpert.rules", encoding: .utf8).utf8),
        as: UTF8.self),
      file: "chexpert.rules")
    #expect(rules.filter { $0.phase == "pre-negation-uncertainty" }.count == 9)
    #expect(rules.filter { $0.phase == "negation" }.count == 76)
    #expect(rules.filter { $0.phase == "post-negation-uncertainty" }.count == 66)
  }
}
