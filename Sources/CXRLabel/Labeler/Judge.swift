/// Classification and aggregation on graphs someone else parsed ("bring your own parse").
public struct Judge: Sendable {
  /// Decides each mention.
  public var classifier: Classifier
  /// Turns mention labels into study labels.
  public var aggregator: Aggregator
  /// Whether to apply NegBio's propagation first (off for graphs that are already propagated).
  public var propagates: Bool
  /// What a study with no text to label gets: blank (the default, as `label` writes it) or No Finding 1.
  public var emptyText: EmptyTextLabels = .blank
  private let workspaces = WorkspacePool()

  /// Creates a judge.
  public init(classifier: Classifier, aggregator: Aggregator = .chexpert, propagates: Bool = false) {
    self.classifier = classifier
    self.aggregator = aggregator
    self.propagates = propagates
  }

  /// The CheXpert labeler's rules and label collection (with the files `settings` names, if any).
  public static func chexpert(_ settings: LabelerSettings = LabelerSettings(), propagates: Bool = false)
    throws(CXRLabelError) -> Judge
  {
    Judge(classifier: Classifier(rules: try settings.loadRules()), aggregator: .chexpert, propagates: propagates)
  }

  /// NegBio's MIMIC-CXR rules (regular expressions first, no sentence shortcut) and label collection.
  public static func negbio(_ settings: LabelerSettings = LabelerSettings(), propagates: Bool = false)
    throws(CXRLabelError) -> Judge
  {
    Judge(
      classifier: Classifier(
        rules: try settings.loadNegBioRules(), usesSentenceShortcut: false,
        regexRules: try settings.loadNegBioRegexRules()),
      aggregator: .negbioMIMIC, propagates: propagates)
  }

  /// The verdict on one study.
  public struct Verdict: Sendable {
    /// Each mention's marks and label, in the study's mention order.
    public var classification: StudyClassification
    /// The study's labels.
    public var labels: StudyLabels
    /// The graphs the rules were matched on, one per sentence (nil: no parse, its mentions stay positive).
    public var graphs: [DependencyGraph?]
  }

  /// Judges one study (safe to call from many threads at once); throws `invalidInput` for an edge that names an
  /// unknown token.
  public func judge(_ study: ParsedStudy) throws(CXRLabelError) -> Verdict {
    try workspaces.withWorkspace { workspace throws(CXRLabelError) in try judge(study, workspace: workspace) }
  }

  /// Judges one study, reusing a per-thread workspace.
  public func judge(_ study: ParsedStudy, workspace: RuleWorkspace) throws(CXRLabelError) -> Verdict {
    let graphs = try Self.graphs(of: study, propagating: propagates)
    let classification = classifier.classify(
      text: study.text, sentences: study.sentences.map(\.span), graphs: graphs, mentions: study.mentions,
      workspace: workspace)
    let hasText = study.text.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    let decided = aggregator.aggregate(
      text: study.text, mentions: study.mentions, classification: classification, hasText: hasText,
      emptyText: emptyText)
    return Verdict(classification: classification, labels: decided.labels, graphs: graphs)
  }

  /// The study's sentences as dependency graphs (nil for a sentence without a parse), optionally with NegBio's
  /// propagation applied; throws `invalidInput` for an edge that names an unknown token.
  public static func graphs(of study: ParsedStudy, propagating: Bool) throws(CXRLabelError) -> [DependencyGraph?] {
    var graphs: [DependencyGraph?] = []
    for sentence in study.sentences {
      guard sentence.parsed, !sentence.tokens.isEmpty else {
        graphs.append(nil)
        continue
      }
      var index: [String: Int] = [:]
      for (position, token) in sentence.tokens.enumerated() { index[token.id] = position }
      var edges: [DependencyGraph.Edge] = []
      for edge in sentence.edges {
        guard let head = index[edge.head], let dependent = index[edge.dependent] else {
          throw CXRLabelError(
            .invalidInput,
            "Study \(study.id.study): an edge names a token that is not in its sentence (\(edge.head) → \(edge.dependent))."
          )
        }
        edges.append(DependencyGraph.Edge(head: head, dependent: dependent, relation: edge.relation))
      }
      var graph = try DependencyGraph(
        tokens: sentence.tokens.map {
          DependencyGraph.Token(word: $0.word, lemma: $0.lemma, tag: $0.tag, span: $0.span)
        },
        edges: edges)
      if propagating { graph.propagate() }
      graphs.append(graph)
    }
    return graphs
  }
}
