import Foundation
import Testing

@testable import CXRLabel

@Suite("NegBio-MIMIC stages")
struct NegBioTests {
  @Test func passagesSplitAtTitlesCaseInsensitivelyWithoutWordBoundaries() throws {
    let splitter = try DefaultResources.negbioSectionTitles()
    let text = Array("Impression:  No effusion.\n\nView of the chest: clear.  ".utf8)
    let passages = splitter.passages(text).map { String(decoding: text[$0], as: UTF8.self) }
    #expect(passages == ["Impression:", "No effusion.\n\nView of the", "chest:", "clear."])
  }

  @Test func regexPhaseReplacesTheMentionAndCollapsesSpaces() throws {
    let rules = try DefaultResources.negbioRegexRules()
    #expect(rules.negation.count == 4 && rules.uncertainty.count == 7)
    func decide(_ sentence: String, _ mention: String) -> (MarkKind, String)? {
      let bytes = Array(sentence.utf8)
      let start =
        sentence.utf8.count - (sentence.split(separator: mention, maxSplits: 1).last.map { $0.utf8.count } ?? 0)
        - mention.utf8.count
      return bytes.withUnsafeBufferPointer { buffer in
        rules.firstMatch(sentence: buffer, mention: start..<(start + mention.utf8.count), scratch: MatchScratch()).map {
          ($0.kind, ($0.kind == .negation ? rules.negation : rules.uncertainty)[$0.index].id)
        }
      }
    }
    #expect(decide("No   large pleural effusion.", "effusion")?.1 == "rxneg4")
    #expect(decide("No focal lung opacity, pleural effusion of pneumothorax.", "pneumothorax") == nil)
    #expect(decide("Possible left lower lobe pneumonia.", "pneumonia")?.1 == "rxunc6")
    #expect(decide("Pneumonia cannot be excluded.", "Pneumonia")?.1 == "rxunc4")
    #expect(decide("Resolved pneumothorax.", "pneumothorax")?.0 == .negation)
    // "[\\w]" in NegBio's pattern is a class of backslash and w: a word character after the mention defeats it.
    #expect(decide("No evidence of effusions.", "effusion")?.1 == "rxneg1")
  }

  @Test func negbioLayout() {
    let table = LabelTable(layout: .negbio)
    #expect(String(decoding: table.header, as: UTF8.self).hasPrefix("id,Atelectasis,Cardiomegaly,"))
    #expect(String(decoding: table.header, as: UTF8.self).hasSuffix("Support Devices,No Finding\n"))
    let row = table.row(id: StudyID(study: "s5"), reportText: "", labels: [.edema: .uncertain, .noFinding: .positive])
    #expect(String(decoding: row, as: UTF8.self) == "s5,,,,-1,,,,,,,,,,1\n")
  }

  @Test func negbioFrontEndKeepsCaseAndMatchesAcrossLines() throws {
    let frontEnd = try LabelerSettings().negbioFrontEnd()
    let analysis = frontEnd.analyze(Report(id: StudyID(study: "x"), text: "\"IMPRESSION: Heart\nsize normal.\""))
    #expect(analysis.textString == "IMPRESSION: Heart\nsize normal.")
    #expect(analysis.mentions.map(\.observation) == [.cardiomegaly])
    #expect(analysis.sentences.count == 2)
  }

  /// One run-on sentence of 30,000 mentions took 18 s (and 50 MB did not finish in 10 minutes): every mention
  /// copied and searched the whole sentence. The patterns now see 2 KB on either side of the mention, which
  /// changes nothing in report-sized sentences and bounds the work per mention.
  @Test func regexPhaseSeesAWindowAroundTheMention() throws {
    let rules = try DefaultResources.negbioRegexRules()
    func decide(_ sentence: String) -> String? {
      let bytes = Array(sentence.utf8)
      let start = bytes.count - "effusion.".utf8.count
      return bytes.withUnsafeBufferPointer { buffer in
        rules.firstMatch(sentence: buffer, mention: start..<(start + 8), scratch: MatchScratch()).map {
          ($0.kind == .negation ? rules.negation : rules.uncertainty)[$0.index].id
        }
      }
    }
    let near = "No evidence of " + String(repeating: "patchy ", count: 200) + "effusion."
    let far = "No evidence of " + String(repeating: "patchy ", count: 400) + "effusion."
    #expect(near.utf8.count < RegexRules.window && far.utf8.count > RegexRules.window + 100)
    #expect(decide(near) == "rxneg3")
    #expect(decide(far) == nil)
    // A mention in the middle of a long sentence sees words on both sides, cut at spaces.
    let middle = String(repeating: "lung ", count: 1000) + "no effusion " + String(repeating: "base ", count: 1000)
    let bytes = Array(middle.utf8)
    let start = 5000 + 3
    let hit = bytes.withUnsafeBufferPointer {
      rules.firstMatch(sentence: $0, mention: start..<(start + 8), scratch: MatchScratch())
    }
    #expect(hit.map { rules.negation[$0.index].id } == "rxneg4")
  }

  @Test func labelsUseNegBioCollection() throws {
    let labeler = try Labeler.negbio()
    // A No Finding-list mention does not cancel No Finding in NegBio's collector.
    #expect(labeler.label("Mild scoliosis.")[.noFinding] == .positive)
    #expect(labeler.label("No pneumothorax.")[.pneumothorax] == .negative)
    #expect(labeler.label("Possible pneumonia.")[.pneumonia] == .uncertain)
  }

  /// NegBio negates a finding with an `amod` "resolving"; a participle opening a coordination is a `compound`
  /// (see the parser's construction tests), so "may represent" leaves the second finding uncertain.
  @Test func resolvingOrDevelopingIsUncertainNotNegated() throws {
    let labeler = try Labeler.negbio()
    #expect(labeler.label("This may represent resolving or developing pneumonia.")[.pneumonia] == .uncertain)
    #expect(labeler.label("Resolving pneumonia.")[.pneumonia] == .negative)
  }

  @Test(.enabled(if: TestPaths.hasShared, "needs ../shared"))
  func ownVocabularyEqualsNegBiosYAML() throws {
    let path = TestPaths.shared + "/reference/negbio-MIMIC-CXR-branch/patterns/chexpert_phrases.yml"
    let original = try Vocabulary.loadNegBioYAML(try String(contentsOfFile: path, encoding: .utf8), file: path)
    let ours = try DefaultResources.negbioVocabulary()
    func table(_ vocabulary: Vocabulary) -> [String: [Set<String>]] {
      Dictionary(
        uniqueKeysWithValues: vocabulary.entries.map {
          ($0.observation.name, [Set($0.mentions.map(\.pattern)), Set($0.unmentions.map(\.pattern))])
        })
    }
    #expect(table(original) == table(ours))
    #expect(original.entries.first { $0.observation == .cardiomegaly }?.unmentions.count == 140)
  }

  @Test(.enabled(if: RuleReferenceData.hasDetailsAndRules && RuleReferenceData.hasMIMICRules, "needs ../shared"))
  func ownGraphRulesDecideLikeNegBiosYAMLOnTheDevGraphs() throws {
    let base = RuleReferenceData.mimicPatterns + "/"
    let original = Classifier(
      rules: ClassificationRules(
        preNegationUncertainty: try RuleSet.load(path: base + "chexpert_pre_negation_uncertainty.yml"),
        negation: try RuleSet.load(path: base + "neg_patterns2.yml"),
        postNegationUncertainty: try RuleSet.load(path: base + "post_negation_uncertainty.yml")),
      usesSentenceShortcut: false)
    let ours = Classifier(rules: try DefaultResources.negbioRules(), usesSentenceShortcut: false)
    let workspace = RuleWorkspace()
    var mentions = 0
    var agreeing = 0
    for study in try ClassificationReferenceTests.loadStudies() {
      let a = ours.classify(
        text: study.text, sentences: study.sentences, graphs: study.graphs, mentions: study.mentions,
        workspace: workspace)
      let b = original.classify(
        text: study.text, sentences: study.sentences, graphs: study.graphs, mentions: study.mentions,
        workspace: workspace)
      for index in study.mentions.indices {
        mentions += 1
        if a.mentions[index].label == b.mentions[index].label { agreeing += 1 }
      }
    }
    print("own NegBio rules vs NegBio's YAML rules on the dev graphs: \(agreeing)/\(mentions)")
    #expect(agreeing == mentions)
  }
}
