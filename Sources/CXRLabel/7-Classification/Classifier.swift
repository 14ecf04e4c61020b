/// Classifies mentions as negative, uncertain or positive by the three rule phases (SPEC 2.7).
public struct Classifier: Sendable {
  /// The rules.
  public var rules: ClassificationRules
  /// Whether a sentence starting `findings: no ` or `impression: no ` (any case) negates every mention inside
  /// it without running rules (CheXpert and NegBio master: yes; NegBio-MIMIC: no).
  public var usesSentenceShortcut: Bool

  /// NegBio-MIMIC's regular-expression phase, tried before the graph; nil for the CheXpert labeler.
  public var regexRules: RegexRules?

  /// Creates a classifier.
  public init(rules: ClassificationRules, usesSentenceShortcut: Bool = true, regexRules: RegexRules? = nil) {
    self.rules = rules
    self.usesSentenceShortcut = usesSentenceShortcut
    self.regexRules = regexRules
  }

  /// The origin of the rule a phase's `index` names (graph or regular-expression rule); nil for none.
  func origin(phase: ClassificationPhase, index: Int) -> RuleOrigin? {
    let list: [RegexRules.Rule]
    switch phase {
    case .negationRegex: list = regexRules?.negation ?? []
    case .uncertaintyRegex: list = regexRules?.uncertainty ?? []
    case .sentenceShortcut: return nil
    default:
      guard let set = rules.ruleSet(for: phase), set.rules.indices.contains(index) else { return nil }
      let rule = set.rules[index]
      return RuleOrigin(id: rule.id, location: rule.location, comment: rule.comment)
    }
    guard list.indices.contains(index) else { return nil }
    return RuleOrigin(id: list[index].id, location: list[index].location, comment: list[index].comment)
  }

  static let shortcut: PCRE2Pattern? = try? PCRE2Pattern(
    "^(findings|impression): no ", options: [.caseless, .utf])

  /// Classifies a study's mentions when every sentence's graph is at hand (`judge`, tests); the labeler, which
  /// parses sentence by sentence and holds one graph at a time, drives a ``ClassificationPass`` itself.
  ///
  /// - Parameters:
  ///   - text: the study text the spans refer to.
  ///   - sentences: sentence spans in `text`.
  ///   - graphs: one graph per sentence (already propagated), nil where the sentence has no parse.
  ///   - mentions: the study's mentions; each is tried against its own sentence's graph.
  ///   - workspace: this thread's workspace.
  public func classify(
    text: [UInt8], sentences: [Range<Int>], graphs: [DependencyGraph?], mentions: [Mention], workspace: RuleWorkspace
  ) -> StudyClassification {
    var pass = ClassificationPass(classifier: self, text: text, sentences: sentences, mentions: mentions)
    for sentence in sentences.indices {
      pass.classify(sentence: sentence, graph: sentence < graphs.count ? graphs[sentence] : nil, workspace: workspace)
    }
    return pass.classification
  }

  /// The rule that produced a mark, if any.
  public func rule(for mark: MentionMark) -> Rule? {
    guard let index = mark.rule, let set = rules.ruleSet(for: mark.phase), set.rules.indices.contains(index) else {
      return nil
    }
    return set.rules[index]
  }

  func startsWithShortcut(_ text: [UInt8], _ span: Range<Int>, _ workspace: RuleWorkspace) -> Bool {
    guard let pattern = Self.shortcut else { return false }
    let lower = min(max(span.lowerBound, 0), text.count)
    let upper = min(max(span.upperBound, lower), text.count)
    return text.withUnsafeBufferPointer { buffer in
      pattern.matches(UnsafeBufferPointer(rebasing: buffer[lower..<upper]), scratch: workspace.scratch)
    }
  }

  /// Whether the graph's tokens are in text order without overlaps (always, for our parser; maybe not for a
  /// graph someone brings to `judge`).
  static func tokensInOrder(_ graph: DependencyGraph) -> Bool {
    let tokens = graph.tokens
    for index in tokens.indices.dropFirst() where tokens[index].span.lowerBound < tokens[index - 1].span.upperBound {
      return false
    }
    return true
  }

  /// The token indices that may overlap `span`: for ordered tokens, a binary search for the window (the exact test
  /// is still `intersect`); otherwise every token.
  static func candidateNodes(_ graph: DependencyGraph, overlapping span: Range<Int>, ordered: Bool) -> Range<Int> {
    let tokens = graph.tokens
    guard ordered else { return tokens.indices }
    var low = 0
    var high = tokens.count
    while low < high {
      let middle = (low + high) / 2
      if tokens[middle].span.upperBound < span.lowerBound { low = middle + 1 } else { high = middle }
    }
    var end = low
    while end < tokens.count, tokens[end].span.lowerBound <= span.upperBound { end += 1 }
    return low..<end
  }

  /// NegBio's overlap test for half-open spans, written as the original writes it (an empty token inside the
  /// mention counts as overlapping).
  static func intersect(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
    (a.lowerBound <= b.lowerBound && b.lowerBound < a.upperBound)
      || (a.lowerBound < b.upperBound && b.upperBound <= a.upperBound)
      || (b.lowerBound <= a.lowerBound && a.lowerBound < b.upperBound)
      || (b.lowerBound < a.upperBound && a.upperBound <= b.upperBound)
  }
}
