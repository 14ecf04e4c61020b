import CXRLabel

/// Runs the construction matrix: every construction's variants in every context frame, each labelled twice — by the
/// full pipeline (our parser), and by the same rules on the template's gold graph (`judge` semantics). A sentence
/// passes when the two give the same labels, so the matrix tests the parser whatever the original's rules decide.
struct ConstructionMatrix {
  /// One generated study whose two labellings differ.
  struct Failure: CustomStringConvertible {
    var construction: String
    var frame: String
    var text: String
    var expected: String
    var got: String
    var description: String { "[\(construction) | \(frame)] \(text)\n    gold: \(expected)\n    ours: \(got)" }
  }

  /// A construction's tally.
  struct Tally {
    var id: String
    var example: String
    var sentences = 0
    var passed = 0
    var rate: Double { sentences == 0 ? 0 : Double(passed) / Double(sentences) }
  }

  let labeler: Labeler

  /// Every generated study of `construction` in every frame, labelled both ways.
  func run(_ construction: MatrixConstruction, failures: inout [Failure]) -> Tally {
    var tally = Tally(id: construction.id, example: construction.example)
    let workspace = RuleWorkspace()
    for frame in ContextFrame.all
    where !(construction.isFragment && (frame.coordinatesAClause || frame.runsOnFromClear)) {
      for variant in construction.variants {
        let sentences = frame.build(variant)
        let text = sentences.map(\.text).joined(separator: " ")
        tally.sentences += 1
        let ours = labeler.label(Report(id: StudyID(study: "m"), text: text), workspace: workspace).labels
        let gold = goldLabels(sentences, text: text, workspace: workspace)
        if gold.labels == ours {
          tally.passed += 1
        } else {
          failures.append(
            Failure(
              construction: construction.id, frame: frame.name, text: text,
              expected: gold.problem ?? Self.describe(gold.labels), got: Self.describe(ours)))
        }
      }
    }
    return tally
  }

  /// The labels the rules give on the gold graphs (nil with a problem when the front end's sentences or tokens do
  /// not line up with the template's).
  func goldLabels(_ sentences: [GoldSentence], text: String, workspace: RuleWorkspace)
    -> (labels: StudyLabels?, problem: String?)
  {
    let analysis = labeler.frontEnd.analyze(Report(id: StudyID(study: "m"), text: text))
    guard analysis.sentences.count == sentences.count else {
      return (nil, "the splitter found \(analysis.sentences.count) sentences, the template has \(sentences.count)")
    }
    let clean = analysis.text
    var graphs: [DependencyGraph?] = []
    for (gold, range) in zip(sentences, analysis.sentences) {
      var cursor = range.lowerBound
      var tokens: [DependencyGraph.Token] = []
      for word in gold.words {
        let bytes = Array(word.text.lowercased().utf8)
        guard let start = Self.find(bytes, in: clean, from: cursor, before: range.upperBound) else {
          return (nil, "the clean text has no '\(word.text)' where the template has it")
        }
        cursor = start + bytes.count
        tokens.append(DependencyGraph.Token(word: word.text, lemma: word.lemma, tag: word.tag, span: start..<cursor))
      }
      var withConjuncts = gold
      withConjuncts.propagateConjuncts()
      let edges = withConjuncts.edges.map {
        DependencyGraph.Edge(head: $0.head, dependent: $0.dependent, relation: $0.relation)
      }
      guard var graph = try? DependencyGraph(tokens: tokens, edges: edges) else { return (nil, "invalid gold graph") }
      graph.propagate()
      graphs.append(graph)
    }
    let classification = labeler.classifier.classify(
      text: clean, sentences: analysis.sentences, graphs: graphs, mentions: analysis.mentions, workspace: workspace)
    let labels = labeler.aggregator.labels(
      text: clean, mentions: analysis.mentions, mentionLabels: classification.labels)
    return (labels, nil)
  }

  /// The first occurrence of `needle` in `haystack[from..<before]`.
  static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int, before end: Int) -> Int? {
    guard !needle.isEmpty, from + needle.count <= end else { return nil }
    var start = from
    while start + needle.count <= end {
      if haystack[start] == needle[0], Array(haystack[start..<(start + needle.count)]) == needle { return start }
      start += 1
    }
    return nil
  }

  /// Labels as "Observation=value" pairs in observation order, for failure reports.
  static func describe(_ labels: StudyLabels?) -> String {
    guard let labels else { return "(none)" }
    return labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }.joined(separator: " ")
  }
}
