import Foundation
import Testing

@testable import CXRLabel

@Suite("Rule files (SPEC 2.10, 3.3)")
struct RuleSetTests {
  @Test func textFormIdsCommentsAndBlankLines() throws {
    let text = """
      # Reserved for rules that come first.

      # cannot exclude some XXX
      {} < {} ({lemma:/exclude/} >{} {lemma:/cannot/})
        {} < {} {lemma:/new/}\r
      # no XXX
      # general case
      {} >{dependency:/neg/} {}

      {} >{} {lemma:/no/}
      """
    let set = try RuleSet.parseText(text, file: "/some/dir/negation.txt")
    #expect(set.name == "negation.txt")
    #expect(set.rules.map(\.id) == ["negation.txt:4", "negation.txt:5", "negation.txt:8", "negation.txt:10"])
    #expect(
      set.rules.map(\.comment) == ["cannot exclude some XXX", "cannot exclude some XXX", "no XXX; general case", nil])
    #expect(set.rules[1].pattern.source == "{} < {} {lemma:/new/}")
    #expect(set.rules[1].location.column == 3)
  }

  @Test func textFormErrorsNameFileLineAndColumn() {
    do {
      _ = try RuleSet.parseText("# fine\n  {} > {}\n", file: "bad.txt")
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .invalidRules)
      #expect(error.location == .init(file: "bad.txt", line: 2, column: 10))
    }
  }

  @Test func yamlFormWithQuotedPlainAndFoldedValues() throws {
    let text = """
      - id: 0\r
        pattern: '{} >{dependency:/neg/} {}'
        comment: no XXX / general negative case
      - id: 11
        pattern: '{} <{dependency:/nmod:of|nmod:for/} ({lemma:/evidence|finding/} <{dependency:/nmod:without/}
          {})'
        comment: without evidence
      # - id: 12
      #   pattern: '{}'
      - id: 13
        pattern: ({} > {} {lemma:/definite/}) > {dependency:/neg/}
          {}
        comment: 'it''s quoted' # and commented
      """
    let set = try RuleSet.parseYAML(text, file: "neg.yml")
    #expect(set.rules.map(\.id) == ["neg.yml#0", "neg.yml#11", "neg.yml#13"])
    #expect(
      set.rules.map(\.pattern.source) == [
        "{} >{dependency:/neg/} {}",
        "{} <{dependency:/nmod:of|nmod:for/} ({lemma:/evidence|finding/} <{dependency:/nmod:without/} {})",
        "({} > {} {lemma:/definite/}) > {dependency:/neg/} {}",
      ])
    #expect(set.rules.map(\.comment) == ["no XXX / general negative case", "without evidence", "it's quoted"])
    #expect(set.rules[1].location == .init(file: "neg.yml", line: 5, column: 13))
  }

  @Test func yamlRegexItemsKeepBackslashesInPlainValues() throws {
    let items = try RuleSet.yamlItems(
      "- id: 0\n  pattern: no evidence of ([^ ]+ ){0,3}\\$X\\$[\\\\w]*\n  comment: no evidence of X\n", file: "r.yml")
    #expect(items.map(\.pattern) == ["no evidence of ([^ ]+ ){0,3}\\$X\\$[\\\\w]*"])
  }

  @Test func yamlErrors() {
    #expect(throws: CXRLabelError.self) { try RuleSet.yamlItems("- id: 0\n  pattern: 'never closed\n", file: "a.yml") }
    #expect(throws: CXRLabelError.self) { try RuleSet.yamlItems("- id: 0\n  comment: no pattern\n", file: "a.yml") }
    #expect(throws: CXRLabelError.self) { try RuleSet.yamlItems("pattern: x\n", file: "a.yml") }
    #expect(throws: CXRLabelError.self) { try RuleSet.yamlItems("- id: 0\n   pattern: x\n", file: "a.yml") }
  }

  @Test func firstMatchingRuleInFileOrder() throws {
    let set = try RuleSet.parseText("{lemma:/nothing/}\n{} > {} {}\n{}\n", file: "r.txt")
    let sentence = try SketchedSentence("a b", [(0, "dep", 1)])
    let workspace = RuleWorkspace()
    #expect(set.firstMatch(in: sentence.graph, head: 0, workspace: workspace) == 1)
    #expect(set.firstMatch(in: sentence.graph, head: 1, workspace: workspace) == 2)
    #expect(set.firstMatch(in: sentence.graph, head: 9, workspace: workspace) == nil)
  }
}

@Suite("The original rule files", .enabled(if: RuleReferenceData.hasRules, "needs ../shared/reference"))
struct RuleOriginalFilesTests {
  @Test func everyCheXpertRuleParses() throws {
    let rules = try ClassificationRules.chexpert(directory: RuleReferenceData.chexpertPatterns)
    #expect(rules.preNegationUncertainty.rules.count == 9)
    #expect(rules.negation.rules.count == 77)
    #expect(rules.postNegationUncertainty.rules.count == 67)
    #expect(rules.negation.rules.last?.id == "negation.txt:156")
  }

  @Test(.enabled(if: RuleReferenceData.hasMIMICRules)) func everyNegBioMIMICRuleFileParses() throws {
    let directory = RuleReferenceData.mimicPatterns
    let expected = [
      "chexpert_pre_negation_uncertainty.yml": 9, "chexpert_negation.yml": 77,
      "chexpert_post_negation_uncertainty.yml": 67, "neg_patterns2.yml": 80, "post_negation_uncertainty.yml": 68,
      "uncertainty_patterns.yml": 25,
    ]
    for (file, count) in expected {
      #expect(try RuleSet.load(path: directory + "/" + file).rules.count == count, "\(file)")
    }
    for (file, count) in ["neg_regex_patterns.yml": 4, "uncertainty_regex_patterns.yml": 7] {
      let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
      let items = try RuleSet.yamlItems(text, file: file)
      #expect(items.count == count, "\(file)")
      for item in items { _ = try PCRE2Pattern(item.pattern, options: [.caseless]) }
    }
  }

  @Test(.enabled(if: RuleReferenceData.hasMIMICRules)) func theYAMLCopiesOfTheCheXpertRulesReadAsTheTextFiles() throws {
    for name in ["pre_negation_uncertainty", "negation", "post_negation_uncertainty"] {
      let text = try RuleSet.load(path: RuleReferenceData.chexpertPatterns + "/\(name).txt")
      let yaml = try RuleSet.load(path: RuleReferenceData.mimicPatterns + "/chexpert_\(name).yml")
      #expect(text.rules.map(\.pattern.source) == yaml.rules.map(\.pattern.source), "\(name)")
    }
  }
}
