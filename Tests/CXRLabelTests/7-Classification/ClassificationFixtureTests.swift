import Foundation
import Testing

@testable import CXRLabel

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// NegBio's own fixtures: the dependency graphs of two NIH reports before propagation (`1.ptb2ud.xml`) and the
/// CheXpert-algorithm output for them (`1.neg_chexpert.xml`: mention marks and document labels). Propagating the
/// graphs ourselves and classifying the mentions with the original rule files must give the same marks and labels.
@Suite(.enabled(if: RuleReferenceData.hasFixtures && RuleReferenceData.hasRules, "needs ../shared/reference"))
struct ClassificationFixtureTests {
  struct Document {
    var text: [UInt8]
    var sentences: [Range<Int>]
    var graphs: [DependencyGraph?]
    var mentions: [Mention] = []
    var expectedMarks: [String] = []
    var expectedLabels: StudyLabels = [:]
    var propagated = 0
  }

  static func children(_ element: XMLElement, _ name: String) -> [XMLElement] { element.elements(forName: name) }
  static func text(_ element: XMLElement, _ name: String) -> String { children(element, name).first?.stringValue ?? "" }
  static func infon(_ element: XMLElement, _ key: String) -> String? {
    children(element, "infon").first { $0.attribute(forName: "key")?.stringValue == key }?.stringValue
  }
  static func location(_ element: XMLElement) -> Range<Int> {
    let location = children(element, "location").first
    let offset = Int(location?.attribute(forName: "offset")?.stringValue ?? "") ?? 0
    let length = Int(location?.attribute(forName: "length")?.stringValue ?? "") ?? 0
    return offset..<(offset + length)
  }

  static func documents(_ file: String) throws -> [String: XMLElement] {
    let document = try XMLDocument(contentsOf: URL(fileURLWithPath: RuleReferenceData.negbioFixtures + "/" + file))
    var result: [String: XMLElement] = [:]
    for element in document.rootElement().map({ children($0, "document") }) ?? [] {
      result[text(element, "id")] = element
    }
    return result
  }

  static func load() throws -> [String: Document] {
    var result: [String: Document] = [:]
    let outputs = try documents("1.neg_chexpert.xml")
    for (id, element) in try documents("1.ptb2ud.xml") {
      let passage = try #require(children(element, "passage").first)
      var document = Document(text: Array(text(passage, "text").utf8), sentences: [], graphs: [])
      for sentence in children(passage, "sentence") {
        let offset = Int(text(sentence, "offset")) ?? 0
        document.sentences.append(offset..<(offset + text(sentence, "text").utf8.count))
        var tokens: [DependencyGraph.Token] = []
        var index: [String: Int] = [:]
        for annotation in children(sentence, "annotation") {
          index[annotation.attribute(forName: "id")?.stringValue ?? ""] = tokens.count
          tokens.append(
            DependencyGraph.Token(
              word: text(annotation, "text"), lemma: infon(annotation, "lemma") ?? "",
              tag: infon(annotation, "tag") ?? "", span: location(annotation)))
        }
        var graph = DependencyGraph(tokens: tokens)
        for relation in children(sentence, "relation") {
          var head: Int?
          var dependent: Int?
          for node in children(relation, "node") {
            let target = index[node.attribute(forName: "refid")?.stringValue ?? ""]
            if node.attribute(forName: "role")?.stringValue == "governor" { head = target } else { dependent = target }
          }
          try graph.addEdge(
            head: try #require(head), dependent: try #require(dependent),
            relation: infon(relation, "dependency") ?? "")
        }
        document.propagated += graph.propagate()
        document.graphs.append(tokens.isEmpty ? nil : graph)
      }
      let output = try #require(outputs[id])
      for annotation in children(try #require(children(output, "passage").first), "annotation") {
        let span = location(annotation)
        let sentence = document.sentences.firstIndex { $0.contains(span.lowerBound) } ?? 0
        document.mentions.append(
          Mention(
            observation: Observation(infon(annotation, "observation") ?? ""), phrase: infon(annotation, "term") ?? "",
            span: span, sentence: sentence))
        document.expectedMarks.append(
          infon(annotation, "negation") != nil
            ? "negative" : infon(annotation, "uncertainty") != nil ? "uncertain" : "positive")
      }
      for infon in children(output, "infon") {
        guard let key = infon.attribute(forName: "key")?.stringValue, key.hasPrefix("CheXpert/") else { continue }
        let value: LabelValue? = ["Positive": .positive, "Negative": .negative, "Uncertain": .uncertain][
          infon.stringValue ?? ""]
        document.expectedLabels[Observation(String(key.dropFirst("CheXpert/".count)))] = value
      }
      result[id] = document
    }
    return result
  }

  @Test func propagatedFixtureGraphsGiveTheFixtureMarksAndLabels() throws {
    let classifier = Classifier(rules: try ClassificationRules.chexpert(directory: RuleReferenceData.chexpertPatterns))
    let workspace = RuleWorkspace()
    let documents = try Self.load()
    #expect(documents.count == 2)
    for (id, document) in documents.sorted(by: { $0.key < $1.key }) {
      let result = classifier.classify(
        text: document.text, sentences: document.sentences, graphs: document.graphs, mentions: document.mentions,
        workspace: workspace)
      let marks = result.labels.map { $0 == .negative ? "negative" : $0 == .uncertain ? "uncertain" : "positive" }
      #expect(marks == document.expectedMarks, "document \(id)")
      print("fixture \(id): \(document.propagated) edges added by propagation, marks \(marks)")
      let labels = Aggregator.chexpert.labels(
        text: document.text, mentions: document.mentions, mentionLabels: result.labels)
      #expect(labels == document.expectedLabels, "document \(id)")
    }
  }
}
