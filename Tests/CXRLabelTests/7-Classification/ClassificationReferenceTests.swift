import Foundation
import Testing

@testable import CXRLabel

/// Which parts of ../shared the rule tests can use.
enum RuleReferenceData {
  static let chexpertPatterns = TestPaths.shared + "/reference/chexpert-labeler/patterns"
  static let mimicPatterns = TestPaths.shared + "/reference/negbio-MIMIC-CXR-branch/patterns"
  static let negbioFixtures = TestPaths.shared + "/reference/negbio-MIMIC-CXR-branch/tests/data"
  static var hasRules: Bool { FileManager.default.fileExists(atPath: chexpertPatterns + "/negation.txt") }
  static var hasMIMICRules: Bool { FileManager.default.fileExists(atPath: mimicPatterns + "/neg_patterns2.yml") }
  static var hasFixtures: Bool { FileManager.default.fileExists(atPath: negbioFixtures + "/1.ptb2ud.xml") }
  static var hasDetailsAndRules: Bool { TestPaths.hasDevDetails && hasRules }
}

/// Runs the rule engine on the original run's own (already propagated) dependency graphs for the IU X-ray dev
/// studies, with the original CheXpert rule files, and compares every mention's result, deciding phase and
/// rule, and every study's 14 labels.
@Suite(.enabled(if: RuleReferenceData.hasDetailsAndRules, "needs ../shared/data and ../shared/reference"))
struct ClassificationReferenceTests {
  struct ExpectedMention {
    var result: String
    var phase: String?
    var rule: String?
  }

  struct Study {
    var id: String
    var text: [UInt8]
    var sentences: [Range<Int>]
    var sentenceTexts: [String]
    var graphs: [DependencyGraph?]
    var shortcut: [Bool]
    var mentions: [Mention]
    var expected: [ExpectedMention]
    var labels: [String: Int]
  }

  struct BadRecord: Error, CustomStringConvertible {
    var description: String
  }

  static func field<T>(_ object: [String: Any], _ key: String, as type: T.Type = T.self) throws -> T {
    guard let value = object[key] as? T else { throw BadRecord(description: "missing or mistyped `\(key)`") }
    return value
  }

  static func loadStudies() throws -> [Study] {
    let text = try String(
      contentsOfFile: TestPaths.shared + "/data/iu-xray/reference-details-dev.jsonl", encoding: .utf8)
    var studies: [Study] = []
    for line in text.split(separator: "\n") {
      guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
        throw BadRecord(description: "not an object")
      }
      let clean: String = try field(object, "clean")
      var study = Study(
        id: try field(object, "study_id"), text: Array(clean.utf8), sentences: [], sentenceTexts: [], graphs: [],
        shortcut: [], mentions: [], expected: [], labels: [:])
      for sentence in try field(object, "sentences", as: [[String: Any]].self) {
        let offset: Int = try field(sentence, "offset")
        let sentenceText: String = try field(sentence, "text")
        study.sentences.append(offset..<(offset + sentenceText.utf8.count))
        study.sentenceTexts.append(sentenceText)
        study.shortcut.append(sentence["sentence_shortcut"] as? Bool ?? false)
        let used = (sentence["parse_ok"] as? Bool ?? false) && (sentence["graph_used_for_matching"] as? Bool ?? false)
        guard used else {
          study.graphs.append(nil)
          continue
        }
        var tokens: [DependencyGraph.Token] = []
        var index: [String: Int] = [:]
        for token in try field(sentence, "tokens", as: [[String: Any]].self) {
          index[try field(token, "id")] = tokens.count
          let start: Int = try field(token, "start")
          let end: Int = try field(token, "end")
          tokens.append(
            DependencyGraph.Token(
              word: try field(token, "word"), lemma: try field(token, "lemma"), tag: try field(token, "tag"),
              span: start..<end))
        }
        var edges: [DependencyGraph.Edge] = []
        for edge in try field(sentence, "edges", as: [[String: Any]].self) {
          guard let head = index[try field(edge, "head")], let dependent = index[try field(edge, "dep")] else {
            throw BadRecord(description: "edge with an unknown token")
          }
          edges.append(DependencyGraph.Edge(head: head, dependent: dependent, relation: try field(edge, "rel")))
        }
        study.graphs.append(try DependencyGraph(tokens: tokens, edges: edges))
      }
      for mention in try field(object, "mentions", as: [[String: Any]].self) {
        let start: Int = try field(mention, "start")
        let end: Int = try field(mention, "end")
        study.mentions.append(
          Mention(
            observation: Observation(try field(mention, "observation")), phrase: try field(mention, "phrase"),
            span: start..<end, sentence: try field(mention, "sentence")))
        var rule: String? = nil
        if let file = mention["pattern_file"] as? String, let line = mention["pattern_line"] as? Int {
          rule = "\(file):\(line)"
        }
        study.expected.append(
          ExpectedMention(result: try field(mention, "result"), phase: mention["phase"] as? String, rule: rule))
      }
      for (name, value) in try field(object, "labels", as: [String: Any].self) {
        if let number = value as? Int { study.labels[name] = number }
      }
      studies.append(study)
    }
    return studies
  }

  static func name(_ label: LabelValue) -> String {
    switch label {
    case .positive: return "positive"
    case .negative: return "negation"
    case .uncertain: return "uncertainty"
    }
  }

  @Test func mentionsAndLabelsAgreeWithTheOriginalRun() throws {
    let rules = try ClassificationRules.chexpert(directory: RuleReferenceData.chexpertPatterns)
    let classifier = Classifier(rules: rules)
    let workspace = RuleWorkspace()
    let studies = try Self.loadStudies()
    var mentionTotal = 0
    var resultAndPhaseAgree = 0
    var ruleAgree = 0
    var studyLabelsAgree = 0
    var cellsAgree = 0
    var cellTotal = 0
    var shortcutDisagreements = 0
    var disagreements: [String] = []
    for study in studies {
      let classification = classifier.classify(
        text: study.text, sentences: study.sentences, graphs: study.graphs, mentions: study.mentions,
        workspace: workspace)
      for (index, mention) in study.mentions.enumerated() {
        mentionTotal += 1
        let ours = classification.mentions[index]
        let deciding = ours.decidingMark
        let expected = study.expected[index]
        let ourRule = deciding.flatMap { classifier.rule(for: $0)?.id }
        if Self.name(ours.label) == expected.result && deciding?.phase.rawValue == expected.phase {
          resultAndPhaseAgree += 1
        } else {
          disagreements.append(
            "study \(study.id) mention \(mention.phrase)@\(mention.span): ours \(Self.name(ours.label))/"
              + "\(deciding?.phase.rawValue ?? "-")/\(ourRule ?? "-"), original \(expected.result)/"
              + "\(expected.phase ?? "-")/\(expected.rule ?? "-"); sentence: \(study.sentenceTexts[mention.sentence])")
        }
        if ourRule == expected.rule || deciding?.phase == .sentenceShortcut { ruleAgree += 1 }
      }
      for (sentence, flag) in study.shortcut.enumerated() {
        let text = Array(study.text[study.sentences[sentence]])
        let ours =
          String(decoding: text, as: UTF8.self).lowercased().range(
            of: "^(findings|impression): no ", options: .regularExpression) != nil
        if ours != flag { shortcutDisagreements += 1 }
      }
      let labels = Aggregator.chexpert.labels(
        text: study.text, mentions: study.mentions, mentionLabels: classification.labels)
      var allAgree = true
      for observation in Observation.chexpertOrder {
        cellTotal += 1
        let ours = labels[observation].map { Int($0.rawValue) }
        let theirs = study.labels[observation.name]
        if ours == theirs {
          cellsAgree += 1
        } else {
          allAgree = false
          disagreements.append(
            "study \(study.id) \(observation.name): ours \(ours.map(String.init) ?? "blank"), original "
              + "\(theirs.map(String.init) ?? "blank")")
        }
      }
      if allAgree { studyLabelsAgree += 1 }
    }
    print(
      "Rule engine vs original (IU dev): mentions result+phase \(resultAndPhaseAgree)/\(mentionTotal), "
        + "deciding rule \(ruleAgree)/\(mentionTotal), studies with all 14 labels equal \(studyLabelsAgree)/"
        + "\(studies.count), cells \(cellsAgree)/\(cellTotal), shortcut flag disagreements \(shortcutDisagreements)")
    for line in disagreements { print("  " + line) }
    #expect(mentionTotal > 2000)
    #expect(resultAndPhaseAgree == mentionTotal)
    #expect(ruleAgree == mentionTotal)
    #expect(studyLabelsAgree == studies.count)
    #expect(shortcutDisagreements == 0)
  }

  /// The reference graphs are the original's graphs after its two propagation rounds. Our propagation finds
  /// nothing more to add to any of them: every edge our rules would add, the original added too (a graph needing
  /// a third round would legitimately differ; none in the dev set does).
  @Test func theReferenceGraphsAreAlreadyPropagated() throws {
    var added = 0
    for study in try Self.loadStudies() {
      for case var graph? in study.graphs { added += graph.propagate() }
    }
    #expect(added == 0)
  }
}
