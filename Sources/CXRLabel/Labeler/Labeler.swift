/// Everything the labeler decided about one study: the front end's analysis, the sentence graphs, each mention's
/// classification, and the labels.
public struct StudyResult: Sendable {
  /// Text, sentences and mentions.
  public var analysis: StudyAnalysis
  /// Whether each sentence had a dependency graph when its mentions were decided. False where it has no parse:
  /// it is too long or unparsable, or it has no mention (and `Labeler.keepsGraphs` is off), so that no rule
  /// would read its graph.
  public var parsed: [Bool]
  /// Every sentence's graph (propagated; nil where it has no parse) when `Labeler.keepsGraphs` is on; empty
  /// otherwise, since each graph is dropped as soon as its sentence's mentions are decided.
  public var graphs: [DependencyGraph?]
  /// Each mention's marks and label, in `analysis.mentions` order.
  public var classification: StudyClassification
  /// Whether each mention voted in aggregation (false only for a neutral `--amend` mention no rule confirmed).
  public var counted: [Bool]
  /// The study's labels, as its row holds them: what the aggregator decided, or for a study with no text to
  /// label what `Labeler.emptyText` says (blank by default).
  public var labels: StudyLabels

  /// The labels in MIMIC-CXR-JPG's column order, printable (`[Cardiomegaly: 1, Pleural Effusion: 0]`).
  public var readableLabels: ReadableLabels { ReadableLabels(labels) }
}

/// A whole labeler: front end, parser, classification rules and aggregation, wired in that order. A value, safe
/// to share between threads; `label(_:)` is the one entry point.
public struct Labeler: Sendable {
  /// Section choice, cleaning, sentences and mentions.
  public var frontEnd: FrontEnd
  /// Builds a dependency graph per sentence.
  public var parser: DependencyParser
  /// Decides each mention.
  public var classifier: Classifier
  /// Turns mention labels into study labels.
  public var aggregator: Aggregator
  /// Sentences with at least this many tokens get no graph, as in the originals: BLLIP refuses sentences of 399
  /// tokens or more (NegBio-MIMIC then leaves the sentence unparsed; the CheXpert labeler aborts the whole run,
  /// which cxrlabel does not copy). Nil parses every sentence.
  public var parseTokenLimit: Int? = Labeler.bllipTokenLimit
  /// Whether every sentence is parsed and its graph kept in `StudyResult.graphs`, to show the parses
  /// (`--explain-graphs`). Off by default: only sentences with a mention are parsed (their graphs are all the
  /// rules read; that skips about half of all sentences), and each graph is dropped once its sentence's mentions
  /// are decided, so a study's memory does not grow with its parses.
  public var keepsGraphs = false
  /// What a study with no text to label gets: blank (the default, as the command line, the C interface and Python
  /// write it) or No Finding 1 (as the original labelers label an empty report). Applied here, once, so every
  /// caller gets the same row.
  public var emptyText: EmptyTextLabels = .blank
  private let workspaces = WorkspacePool()

  /// BLLIP's limit: it raises "Sentence is too long" for 399 tokens or more.
  public static let bllipTokenLimit = 399

  /// Creates a labeler from its stages.
  public init(frontEnd: FrontEnd, parser: DependencyParser, classifier: Classifier, aggregator: Aggregator) {
    self.frontEnd = frontEnd
    self.parser = parser
    self.classifier = classifier
    self.aggregator = aggregator
  }

  /// The CheXpert labeler with cxrlabel's compiled-in data, or with the files `settings` names.
  public static func chexpert(_ settings: LabelerSettings = LabelerSettings()) throws(CXRLabelError) -> Labeler {
    Labeler(
      frontEnd: try settings.chexpertFrontEnd(), parser: try settings.parser(),
      classifier: Classifier(rules: try settings.loadRules(), usesSentenceShortcut: true), aggregator: .chexpert)
  }

  /// NegBio's MIMIC-CXR pipeline (the one behind MIMIC-CXR-JPG's negbio labels): NegBio's text handling and
  /// vocabulary, its regular-expression rules before its graph rules, no sentence shortcut, and its label
  /// collection.
  public static func negbio(_ settings: LabelerSettings = LabelerSettings()) throws(CXRLabelError) -> Labeler {
    Labeler(
      frontEnd: try settings.negbioFrontEnd(), parser: try settings.parser(),
      classifier: Classifier(
        rules: try settings.loadNegBioRules(), usesSentenceShortcut: false,
        regexRules: try settings.loadNegBioRegexRules()),
      aggregator: .negbioMIMIC)
  }

  /// Labels one report.
  public func label(_ report: Report) -> StudyResult {
    workspaces.withWorkspace { label(report, workspace: $0) }
  }

  /// Labels one report's text as it is, every section of it (a convenience for library users): the same labels
  /// as ``label(_:)-(Report)`` gives, in MIMIC-CXR-JPG's column order. For the whole contents of a MIMIC-CXR report
  /// file, use ``label(reportFile:studyID:)``, which chooses the section first.
  public func label(_ text: String) -> ReadableLabels {
    label(Report(id: StudyID(study: "text"), text: text)).readableLabels
  }

  /// Labels the contents of a MIMIC-CXR report file (`files/p10/p10000032/s50414267.txt`) the way the command
  /// line labels the file: the section is chosen first (MIMIC-CXR's impression, else findings, else the last
  /// paragraph, with its per-study fixes for `studyID`, or what the front end's `sections` says).
  ///
  /// - Parameters:
  ///   - text: the file's whole text.
  ///   - studyID: the study, e.g. `StudyID(subject: "p10000032", study: "s50414267")`; the per-study fixes are
  ///     looked up by its `study`.
  public func label(reportFile text: String, studyID: StudyID) -> StudyResult {
    label(Report(id: studyID, text: text, origin: .reportFile(path: studyID.study + ".txt")))
  }

  /// Labels one report, reusing a per-thread workspace.
  public func label(_ report: Report, workspace: RuleWorkspace) -> StudyResult {
    var analysis = frontEnd.analyze(report)
    var needsGraph = Array(repeating: keepsGraphs, count: analysis.sentences.count)
    for mention in analysis.mentions where needsGraph.indices.contains(mention.sentence) {
      needsGraph[mention.sentence] = true
    }
    var parsed = Array(repeating: false, count: analysis.sentences.count)
    var graphs: [DependencyGraph?] = []
    if keepsGraphs { graphs.reserveCapacity(analysis.sentences.count) }
    var tooLong = false
    // One way through: each sentence is tokenized (once) and parsed where needed, then its mentions are
    // classified on its graph, which is dropped before the next sentence unless the graphs are kept.
    var pass = ClassificationPass(
      classifier: classifier, text: analysis.text, sentences: analysis.sentences, mentions: analysis.mentions)
    analysis.text.withUnsafeBufferPointer { buffer in
      for (index, sentence) in analysis.sentences.enumerated() {
        var graph: DependencyGraph?
        // The limit is checked for every sentence, so the run summary names each one the originals could not
        // parse, and before tagging, which would be wasted on a sentence the limit turns away. (A token is at
        // least a byte: a sentence shorter than the limit in bytes is not tokenized to count.)
        let mayBeTooLong = parseTokenLimit.map { sentence.count >= $0 } ?? false
        if needsGraph[index] || mayBeTooLong {
          let tokens = parser.tokens(buffer, sentence: sentence)
          if let limit = parseTokenLimit, tokens.count >= limit {
            tooLong = true
          } else if needsGraph[index] {
            graph = self.graph(parser.parse(buffer, tokens: tokens))
          }
        }
        parsed[index] = graph != nil
        if keepsGraphs { graphs.append(graph) }
        pass.classify(sentence: index, graph: graph, workspace: workspace)
      }
    }
    let classification = pass.classification
    if tooLong { analysis.notes.append(.sentenceTooLong) }
    let decided = aggregator.aggregate(
      text: analysis.text, mentions: analysis.mentions, classification: classification,
      hasText: !analysis.notes.contains(.emptyText), emptyText: emptyText)
    return StudyResult(
      analysis: analysis, parsed: parsed, graphs: graphs, classification: classification, counted: decided.counted,
      labels: decided.labels)
  }

  /// A parsed sentence as a propagated graph; nil if the parser returned nothing usable.
  func graph(_ parsed: ParsedSentence) -> DependencyGraph? {
    guard !parsed.tokens.isEmpty, var graph = try? DependencyGraph(tokens: parsed.tokens, edges: parsed.edges) else {
      return nil
    }
    graph.propagate()
    return graph
  }
}
