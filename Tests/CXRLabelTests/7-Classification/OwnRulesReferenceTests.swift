import Foundation
import Testing

@testable import CXRLabel

/// Our own rule file (Phrases/data/chexpert.rules) against the original's recorded decisions on the IU dev set.
@Suite(.enabled(if: RuleReferenceData.hasDetailsAndRules, "needs ../shared"))
struct OwnRulesReferenceTests {
  @Test func ownRulesDecideEveryDevMentionLikeTheOriginal() throws {
    let ours = Classifier(rules: try DefaultResources.chexpertRules())
    let original = Classifier(rules: try ClassificationRules.chexpert(directory: RuleReferenceData.chexpertPatterns))
    let workspace = RuleWorkspace()
    var mentions = 0
    var agreeing = 0
    var studiesAgreeing = 0
    let studies = try ClassificationReferenceTests.loadStudies()
    for study in studies {
      let a = ours.classify(
        text: study.text, sentences: study.sentences, graphs: study.graphs, mentions: study.mentions,
        workspace: workspace)
      let b = original.classify(
        text: study.text, sentences: study.sentences, graphs: study.graphs, mentions: study.mentions,
        workspace: workspace)
      var allAgree = true
      for index in study.mentions.indices {
        mentions += 1
        let same =
          a.mentions[index].label == b.mentions[index].label
          && a.mentions[index].decidingMark?.phase == b.mentions[index].decidingMark?.phase
        if same { agreeing += 1 } else { allAgree = false }
        #expect(same, "study \(study.id) mention \(study.mentions[index].phrase)")
      }
      if allAgree
        && Aggregator.chexpert.labels(text: study.text, mentions: study.mentions, mentionLabels: a.labels)
          == Aggregator.chexpert.labels(text: study.text, mentions: study.mentions, mentionLabels: b.labels)
      {
        studiesAgreeing += 1
      }
    }
    print(
      "own rules vs original rules (IU dev graphs): mentions \(agreeing)/\(mentions), studies \(studiesAgreeing)/\(studies.count)"
    )
    #expect(agreeing == mentions)
    #expect(studiesAgreeing == studies.count)
  }

  @Test func ownRuleIdsAreStableAndCommented() throws {
    let rules = try DefaultResources.chexpertRules()
    let all = rules.preNegationUncertainty.rules + rules.negation.rules + rules.postNegationUncertainty.rules
    #expect(Set(all.map(\.id)).count == all.count)
    #expect(all.allSatisfy { ($0.comment ?? "").isEmpty == false })
    #expect(rules.negation.rules.first?.id == "neg001")
  }
}
