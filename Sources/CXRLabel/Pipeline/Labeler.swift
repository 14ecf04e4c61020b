/// Everything the labeler decided about one study: the front end's analysis, the sentence graphs, each mention's
/// classification, and the labels.
public struct StudyResult: Sendable {
  /// Text, sentences and mentions.
  public var analysis: StudyAnalysis
  /// One graph per sentence (propagated), nil where a sentence could not be parsed.
  public var graphs: [DependencyGraph?]
  /// Each mention's marks and label, in `analysis.mentions` order.
  public var classification: StudyClassification
  /// The study's labels.
  public var labels: StudyLabels
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
  public static func chexpert(_ settings: FrontEndSettings = FrontEndSettings()) throws(CXRLabelError) -> Labeler {
    Labeler(
      frontEnd: try settings.chexpertFrontEnd(), parser: DependencyParser(),
      classifier: Classifier(rules: try settings.loadRules(), usesSentenceShortcut: true), aggregator: .chexpert)
  }

  /// NegBio's MIMIC-CXR pipeline (the one behind MIMIC-CXR-JPG's negbio labels): NegBio's text handling and
  /// vocabulary, its regular-expression rules before its graph rules, no sentence shortcut, and its label
  /// collection.
  public static func negbio(_ settings: FrontEndSettings = FrontEndSettings()) throws(CXRLabelError) -> Labeler {
    Labeler(
      frontEnd: try settings.negbioFrontEnd(), parser: DependencyParser(),
      classifier: Classifier(
        rules: try settings.loadNegBioRules(), usesSentenceShortcut: false,
        regexRules: try settings.loadNegBioRegexRules()),
      aggregator: .negbioMIMIC)
  }

  /// Labels one report.
  public func label(_ report: Report) -> StudyResult {
    workspaces.withWorkspace { label(report, workspace: $0) }
  }

  /// Labels one report's text (a convenience for library users).
  public func label(_ text: String) -> StudyLabels {
    label(Report(id: StudyID(study: "text"), text: text)).labels
  }

  /// Labels one report, reusing a per-thread workspace.
  public func label(_ report: Report, workspace: RuleWorkspace) -> StudyResult {
    var analysis = frontEnd.analyze(report)
    var graphs: [DependencyGraph?] = []
    graphs.reserveCapacity(analysis.sentences.count)
    var tooLong = false
    analysis.text.withUnsafeBufferPointer { buffer in
      for sentence in analysis.sentences {
        let parsed = parser.parse(buffer, sentence: sentence)
        if let limit = parseTokenLimit, parsed.tokens.count >= limit {
          tooLong = true
          graphs.append(nil)
        } else {
          graphs.append(graph(parsed))
        }
      }
    }
    if tooLong { analysis.notes.append(.sentenceTooLong) }
    let classification = classifier.classify(
      text: analysis.text, sentences: analysis.sentences, graphs: graphs, mentions: analysis.mentions,
      workspace: workspace)
    let labels = aggregator.labels(text: analysis.text, mentions: analysis.mentions, mentionLabels: classification.labels)
    return StudyResult(analysis: analysis, graphs: graphs, classification: classification, labels: labels)
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
