import Foundation
import Testing

@testable import CXRLabel

/// The amendment layer (`--amend`): every amendment's example sentences, written beside it in
/// `Phrases/data/amend.rules` and `amend.phrases`, give their label with it and another without it.
@Suite("Amendments (--amend)")
struct AmendmentTests {
  /// One example: the text, the observation and the label `--amend` gives, and the amendment it belongs to.
  struct Example: CustomStringConvertible {
    var amendment: String
    var text: String
    var observation: Observation
    var label: LabelValue?
    /// Whether the originals give the same label (a confirmation that keeps it).
    var kept = false
    var description: String { "\(amendment): \"\(text)\" -> \(observation.name) \(label.map { "\($0)" } ?? "blank")" }
  }

  /// The examples of a data file: each line's note after `#`, `reason | "text" -> Observation label | ...`.
  static func examples(_ name: String) -> [Example] {
    var examples: [Example] = []
    let text = DefaultResources.files.first { $0.name == name }?.text ?? ""
    for line in text.split(separator: "\n") {
      guard let hash = line.firstIndex(of: "#"), !line.hasPrefix("#") else { continue }
      let name = line[..<hash].split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
      for match in line[hash...].matches(of: /\| "([^"]+)" -> ([A-Za-z ]+?) (-?1|0|blank)( \(kept\))?/) {
        let label: LabelValue? = match.3 == "blank" ? nil : LabelValue(rawValue: Int8(match.3) ?? 9)
        examples.append(
          Example(
            amendment: String(name), text: String(match.1), observation: Observation(String(match.2)), label: label,
            kept: match.4 != nil))
      }
    }
    return examples
  }

  static let allExamples = examples("amend.rules") + examples("amend.phrases")

  static func labelers() throws -> (original: Labeler, amended: Labeler) {
    var settings = LabelerSettings()
    let original = try Labeler.chexpert(settings)
    settings.amend = true
    return (original, try Labeler.chexpert(settings))
  }

  @Test func everyAmendmentHasAnExample() throws {
    let rules = try DefaultResources.amendRules()
    let ids = [
      rules.affirmation, rules.confirmation, rules.preNegationUncertainty, rules.negation,
      rules.postNegationUncertainty,
    ]
    .flatMap(\.rules).map(\.id)
    #expect(!ids.isEmpty && ids.allSatisfy { $0.hasPrefix("amend-") })
    for id in ids {
      #expect(Self.allExamples.contains { $0.amendment.hasPrefix(id + " ") || $0.amendment == id }, "\(id)")
    }
    let vocabulary = try DefaultResources.amendVocabulary()
    // Every phrase line has at least one example.
    #expect(
      Set(Self.allExamples.filter { $0.amendment.hasPrefix("mention ") }.map(\.amendment)).count
        == vocabulary.mentionCount)
  }

  @Test(arguments: allExamples)
  func theExampleGetsItsLabelOnlyWithTheAmendment(_ example: Example) throws {
    let (original, amended) = try Self.labelers()
    #expect(amended.label(example.text)[example.observation] == example.label, "\(example)")
    if example.kept {
      #expect(original.label(example.text)[example.observation] == example.label, "\(example)")
    } else {
      #expect(
        original.label(example.text)[example.observation] != example.label, "\(example): the original agrees already")
    }
  }

  /// `--explain` names the amendment that decided a mention: its id and its line in amend.rules.
  @Test func explanationsNameTheAmendment() throws {
    let (_, amended) = try Self.labelers()
    let result = amended.label(Report(id: StudyID(study: "1"), text: "Pneumothorax is not identified."))
    let line = String(decoding: ExplanationWriter.line(for: result), as: UTF8.self)
    #expect(line.contains("\"rule\":\"amend-neg-passive\"") && line.contains("Phrases/data/amend.rules:"), "\(line)")
    let kept = amended.label(
      Report(id: StudyID(study: "2"), text: "Normal cardiac size with small bilateral pleural effusions."))
    let keptLine = String(decoding: ExplanationWriter.line(for: kept), as: UTF8.self)
    #expect(
      keptLine.contains("\"phase\":\"affirmation\"") && keptLine.contains("\"rule\":\"amend-scope-with\""),
      "\(keptLine)")
  }

  /// Both labelers take the layer; the default rules are untouched by it.
  @Test func negbioTakesTheLayerAndTheDefaultsStayAsTheyWere() throws {
    var settings = LabelerSettings()
    settings.amend = true
    let negbio = try Labeler.negbio(settings)
    #expect(negbio.label("Pneumothorax is not identified.")[.pneumothorax] == .negative)
    let original = try Labeler.chexpert()
    #expect(original.classifier.rules.affirmation.rules.isEmpty)
    #expect(original.label("Pneumothorax is not identified.")[.pneumothorax] == .positive)
  }

  /// A vocabulary's `neutral` lines and a rule file's `[confirmation]` section: a neutral mention ("the heart")
  /// counts only when a rule decides it. Measured for the heart and mediastinum and not kept in the layer (README),
  /// the mechanism stays open to users' own files.
  @Test func neutralMentionsCountOnlyWhenARuleDecidesThem() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neutral-\(UUID())").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let rules =
      (DefaultResources.files.first { $0.name == "chexpert.rules" }?.text ?? "")
      + "\n[confirmation]\nconfirm-enlarged  . <-nsubj*|nsubjpass- lemma(enlarge*)  # the heart is enlarged\n"
    try rules.write(toFile: folder + "/rules", atomically: true, encoding: .utf8)
    try "[Cardiomegaly]\nmention the heart\nneutral the heart\n".write(
      toFile: folder + "/phrases", atomically: true, encoding: .utf8)
    var settings = LabelerSettings()
    settings.rulesFile = folder + "/rules"
    settings.phrasesFile = folder + "/phrases"
    let labeler = try Labeler.chexpert(settings)
    #expect(labeler.label("The heart and lungs have remained stable.")[.cardiomegaly] == nil)
    #expect(labeler.label("The heart is enlarged.")[.cardiomegaly] == .positive)
    #expect(labeler.label("The heart is not enlarged.")[.cardiomegaly] == .negative)
    let result = labeler.label(Report(id: StudyID(study: "1"), text: "The heart and lungs have remained stable."))
    let line = String(decoding: ExplanationWriter.line(for: result), as: UTF8.self)
    #expect(line.contains("\"counted\":false") && line.contains("\"No Finding\":1"), "\(line)")
  }
}
