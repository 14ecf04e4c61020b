/// What a mark says about a mention.
public enum MarkKind: String, Sendable, Hashable {
  /// The mention is negated.
  case negation
  /// The mention is uncertain.
  case uncertainty
  /// An affirmation rule (`--amend`) kept the word positive; it does not change the label, it says why.
  case affirmation
}

/// One mark on a mention: what, from which phase and rule, found through which token.
public struct MentionMark: Sendable, Hashable {
  /// Negation or uncertainty.
  public var kind: MarkKind
  /// The phase that produced it.
  public var phase: ClassificationPhase
  /// The index of the rule in its phase's `RuleSet` (nil for the sentence shortcut).
  public var rule: Int?
  /// The sentence the mark was found in.
  public var sentence: Int
  /// The token (graph node) the rule matched at (nil for the sentence shortcut).
  public var node: Int?
  /// The index of the mention whose classification produced the mark: the mention itself, or one whose span
  /// contains it (nil for the sentence shortcut).
  public var source: Int?

  /// Creates a mark.
  public init(kind: MarkKind, phase: ClassificationPhase, rule: Int?, sentence: Int, node: Int?, source: Int?) {
    self.kind = kind
    self.phase = phase
    self.rule = rule
    self.sentence = sentence
    self.node = node
    self.source = source
  }
}

/// The classification of one mention.
public struct MentionClassification: Sendable, Hashable {
  /// Every mark, in the order the original applies them.
  public var marks: [MentionMark] = []

  /// Negative if any mark is a negation, else uncertain if any mark is an uncertainty, else positive.
  public var label: LabelValue {
    if marks.contains(where: { $0.kind == .negation }) { return .negative }
    if marks.contains(where: { $0.kind == .uncertainty }) { return .uncertain }
    return .positive
  }

  /// The first mark of the kind that decided the label (nil when positive).
  public var decidingMark: MentionMark? {
    switch label {
    case .negative: return marks.first { $0.kind == .negation }
    case .uncertain: return marks.first { $0.kind == .uncertainty }
    case .positive: return marks.first { $0.kind == .affirmation }
    }
  }
}

/// The classification of a study's mentions.
public struct StudyClassification: Sendable, Hashable {
  /// One entry per mention, in the mentions' order.
  public var mentions: [MentionClassification]
  /// Mentions whose sentence had no dependency graph (no parse) and no sentence shortcut: they stay positive
  /// without any rule having been tried.
  public var mentionsWithoutGraph: Int

  /// The mention labels, in the mentions' order.
  public var labels: [LabelValue] { mentions.map(\.label) }
}

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

  /// The id, location and note of the rule behind a mark (graph or regular-expression rule).
  public func ruleInfo(for mark: MentionMark) -> (id: String, location: CXRLabelError.Location, comment: String?)? {
    if let rule = rule(for: mark) { return (rule.id, rule.location, rule.comment) }
    guard let regexRules, let index = mark.rule else { return nil }
    let list = mark.phase == .negationRegex ? regexRules.negation : mark.phase == .uncertaintyRegex ? regexRules.uncertainty : []
    guard list.indices.contains(index) else { return nil }
    return (list[index].id, list[index].location, list[index].comment)
  }

  private static let shortcut: PCRE2Pattern? = try? PCRE2Pattern(
    "^(findings|impression): no ", options: [.caseless, .utf])

  /// Classifies a study's mentions.
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
    classify(text: text, sentences: sentences, mentions: mentions, workspace: workspace) { sentence in
      sentence < graphs.count ? graphs[sentence] : nil
    }
  }

  /// Classifies a study's mentions, asking for each sentence's graph as it comes to it, so that a caller can
  /// parse sentence by sentence and hold one graph at a time.
  ///
  /// - Parameters:
  ///   - text: the study text the spans refer to.
  ///   - sentences: sentence spans in `text`.
  ///   - mentions: the study's mentions; each is tried against its own sentence's graph.
  ///   - workspace: this thread's workspace.
  ///   - graphOf: called exactly once for every sentence, in order: that sentence's graph (already propagated), or
  ///     nil where it has no parse.
  public func classify(
    text: [UInt8], sentences: [Range<Int>], mentions: [Mention], workspace: RuleWorkspace,
    graph graphOf: (Int) -> DependencyGraph?
  ) -> StudyClassification {
    var results = Array(repeating: MentionClassification(), count: mentions.count)
    var withoutGraph = 0
    let program = rules.program
    let phases: [(ClassificationPhase, MarkKind, Range<Int>)] = [
      (.preNegationUncertainty, .uncertainty, rules.patternRange(for: .preNegationUncertainty)),
      (.negation, .negation, rules.patternRange(for: .negation)),
      (.postNegationUncertainty, .uncertainty, rules.patternRange(for: .postNegationUncertainty)),
    ]

    // Each sentence's mentions, by start offset, so marks spread and mentions are visited without scanning the
    // whole study for every mark (which is quadratic on a pathological one-sentence "report").
    // (`inOrder` keeps the mentions' own order, in which marks are made; `bySentence` is sorted for lookups.)
    var inOrder = Array(repeating: [Int](), count: sentences.count)
    for (index, mention) in mentions.enumerated() where inOrder.indices.contains(mention.sentence) {
      inOrder[mention.sentence].append(index)
    }
    var bySentence = inOrder
    for sentence in bySentence.indices where bySentence[sentence].count > 1 {
      bySentence[sentence].sort { (mentions[$0].span.lowerBound, $0) < (mentions[$1].span.lowerBound, $1) }
    }

    /// Adds `mark` to every mention of `sentence` that lies within `span`.
    func spread(_ mark: MentionMark, within span: Range<Int>, sentence: Int) {
      let candidates = bySentence[sentence]
      var low = 0
      var high = candidates.count
      while low < high {
        let middle = (low + high) / 2
        if mentions[candidates[middle]].span.lowerBound < span.lowerBound { low = middle + 1 } else { high = middle }
      }
      for index in candidates[low...] {
        let candidate = mentions[index].span
        if candidate.lowerBound > span.upperBound { break }
        if candidate.upperBound <= span.upperBound { results[index].marks.append(mark) }
      }
    }

    for (sentence, span) in sentences.enumerated() {
      let sentenceGraph = graphOf(sentence)
      if usesSentenceShortcut && startsWithShortcut(text, span, workspace) {
        spread(
          MentionMark(kind: .negation, phase: .sentenceShortcut, rule: nil, sentence: sentence, node: nil, source: nil),
          within: span, sentence: sentence)
        continue
      }
      var decidedByRegex = Set<Int>()
      if let regexRules {
        let lower = min(max(span.lowerBound, 0), text.count)
        let upper = min(max(span.upperBound, lower), text.count)
        text.withUnsafeBufferPointer { buffer in
          let sentenceBytes = UnsafeBufferPointer(rebasing: buffer[lower..<upper])
          for index in inOrder[sentence] {
            let mention = mentions[index]
            let relative = (mention.span.lowerBound - lower)..<(mention.span.upperBound - lower)
            guard let hit = regexRules.firstMatch(sentence: sentenceBytes, mention: relative, scratch: workspace.scratch)
            else { continue }
            decidedByRegex.insert(index)
            spread(
              MentionMark(
                kind: hit.kind, phase: hit.kind == .negation ? .negationRegex : .uncertaintyRegex, rule: hit.index,
                sentence: sentence, node: nil, source: index),
              within: mention.span, sentence: sentence)
          }
        }
      }
      guard let graph = sentenceGraph else {
        withoutGraph += bySentence[sentence].lazy.filter { !decidedByRegex.contains($0) }.count
        continue
      }
      workspace.prepare(graph, for: program.table)
      let plain = PatternMatcher(program: program, graph: graph, workspace: workspace, vetoNegatedKey: false)
      let vetoing = PatternMatcher(program: program, graph: graph, workspace: workspace, vetoNegatedKey: true)
      let hasNewModifier = workspace.hasNewModifier
      let ordered = Self.tokensInOrder(graph)
      let affirmations = rules.patternRange(for: .affirmation)
      let confirmations = rules.patternRange(for: .confirmation)
      for index in inOrder[sentence] where !decidedByRegex.contains(index) {
        let mention = mentions[index]
        for node in Self.candidateNodes(graph, overlapping: mention.span, ordered: ordered)
        where Self.intersect(mention.span, graph.tokens[node].span) {
          // An amendment that keeps this word positive: no phase is tried at it.
          if let pattern = affirmations.first(where: { plain.matches(pattern: $0, head: node) }) {
            results[index].marks.append(
              MentionMark(
                kind: .affirmation, phase: .affirmation, rule: pattern - affirmations.lowerBound, sentence: sentence,
                node: node, source: index))
            continue
          }
          var decided = false
          for (phase, kind, range) in phases {
            if phase == .negation && hasNewModifier[node] { continue }
            let matcher = phase == .negation ? vetoing : plain
            guard let pattern = range.first(where: { matcher.matches(pattern: $0, head: node) }) else { continue }
            spread(
              MentionMark(
                kind: kind, phase: phase, rule: pattern - range.lowerBound, sentence: sentence, node: node,
                source: index),
              within: mention.span, sentence: sentence)
            decided = true
            break
          }
          // A neutral mention ("the heart") that no phase decided counts only when a confirmation rule says it is
          // the finding ("the heart is enlarged").
          if !decided, mention.isNeutral,
            let pattern = confirmations.first(where: { plain.matches(pattern: $0, head: node) })
          {
            results[index].marks.append(
              MentionMark(
                kind: .affirmation, phase: .confirmation, rule: pattern - confirmations.lowerBound, sentence: sentence,
                node: node, source: index))
          }
        }
      }
    }
    return StudyClassification(mentions: results, mentionsWithoutGraph: withoutGraph)
  }

  /// The rule that produced a mark, if any.
  public func rule(for mark: MentionMark) -> Rule? {
    guard let index = mark.rule, let set = rules.ruleSet(for: mark.phase), set.rules.indices.contains(index) else {
      return nil
    }
    return set.rules[index]
  }

  private func startsWithShortcut(_ text: [UInt8], _ span: Range<Int>, _ workspace: RuleWorkspace) -> Bool {
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
