/// One study's classification in progress. Whoever holds the graphs hands it each sentence's graph in order
/// (the labeler parses a sentence, classifies its mentions, then drops the graph); the pass never asks back.
public struct ClassificationPass {
  private let classifier: Classifier
  private let text: [UInt8]
  private let sentences: [Range<Int>]
  private let mentions: [Mention]
  /// Each sentence's mentions in the mentions' own order, in which marks are made.
  private let inOrder: [[Int]]
  /// Each sentence's mentions by start offset, so that marks spread without scanning the whole study for every
  /// mark (which is quadratic on a pathological one-sentence "report").
  private let bySentence: [[Int]]
  /// The three phases tried at a mention's word, in the original's order: the mark each makes and its patterns.
  private let phases: [(ClassificationPhase, MarkKind, Range<Int>)]
  /// The amendments' affirmation and confirmation patterns (empty but for `--amend`).
  private let affirmations: Range<Int>
  private let confirmations: Range<Int>
  private var results: [MentionClassification]
  private var withoutGraph = 0

  /// Starts a study's classification.
  ///
  /// - Parameters:
  ///   - classifier: the rules.
  ///   - text: the study text the spans refer to.
  ///   - sentences: sentence spans in `text`.
  ///   - mentions: the study's mentions; each is tried against its own sentence's graph.
  public init(classifier: Classifier, text: [UInt8], sentences: [Range<Int>], mentions: [Mention]) {
    self.classifier = classifier
    self.text = text
    self.sentences = sentences
    self.mentions = mentions
    var inOrder = Array(repeating: [Int](), count: sentences.count)
    for (index, mention) in mentions.enumerated() where inOrder.indices.contains(mention.sentence) {
      inOrder[mention.sentence].append(index)
    }
    var bySentence = inOrder
    for sentence in bySentence.indices where bySentence[sentence].count > 1 {
      bySentence[sentence].sort { (mentions[$0].span.lowerBound, $0) < (mentions[$1].span.lowerBound, $1) }
    }
    self.inOrder = inOrder
    self.bySentence = bySentence
    results = Array(repeating: MentionClassification(), count: mentions.count)
    phases = [
      (.preNegationUncertainty, .uncertainty), (.negation, .negation), (.postNegationUncertainty, .uncertainty),
    ].map { phase, kind in (phase, kind, classifier.rules.patternRange(for: phase)) }
    affirmations = classifier.rules.patternRange(for: .affirmation)
    confirmations = classifier.rules.patternRange(for: .confirmation)
  }

  /// The classification so far (complete once every sentence has been classified).
  public var classification: StudyClassification {
    StudyClassification(mentions: results, mentionsWithoutGraph: withoutGraph)
  }

  /// Adds `mark` to every mention of `sentence` that lies within `span`.
  private mutating func spread(_ mark: MentionMark, within span: Range<Int>, sentence: Int) {
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

  /// A mark of a phase's rule `rule`, carrying the rule's origin.
  private func mark(
    _ kind: MarkKind, _ phase: ClassificationPhase, rule: Int, sentence: Int, node: Int?, source: Int
  ) -> MentionMark {
    MentionMark(
      kind: kind, phase: phase, rule: rule, sentence: sentence, node: node, source: source,
      origin: classifier.origin(phase: phase, index: rule))
  }

  /// Classifies the mentions of sentence `sentence` (call once per sentence, in order).
  ///
  /// - Parameters:
  ///   - sentence: the sentence's index.
  ///   - graph: its graph (already propagated), or nil where it has no parse.
  ///   - workspace: this thread's workspace.
  public mutating func classify(sentence: Int, graph: DependencyGraph?, workspace: RuleWorkspace) {
    let span = sentences[sentence]
    if classifier.usesSentenceShortcut && classifier.startsWithShortcut(text, span, workspace) {
      spread(
        MentionMark(kind: .negation, phase: .sentenceShortcut, rule: nil, sentence: sentence, node: nil, source: nil),
        within: span, sentence: sentence)
      return
    }
    var decidedByRegex = Set<Int>()
    if let regexRules = classifier.regexRules {
      let lower = min(max(span.lowerBound, 0), text.count)
      let upper = min(max(span.upperBound, lower), text.count)
      var hits: [(index: Int, kind: MarkKind, rule: Int)] = []
      text.withUnsafeBufferPointer { buffer in
        let sentenceBytes = UnsafeBufferPointer(rebasing: buffer[lower..<upper])
        for index in inOrder[sentence] {
          let mention = mentions[index]
          let relative = (mention.span.lowerBound - lower)..<(mention.span.upperBound - lower)
          guard let hit = regexRules.firstMatch(sentence: sentenceBytes, mention: relative, scratch: workspace.scratch)
          else { continue }
          hits.append((index, hit.kind, hit.index))
        }
      }
      for hit in hits {
        decidedByRegex.insert(hit.index)
        let phase: ClassificationPhase = hit.kind == .negation ? .negationRegex : .uncertaintyRegex
        spread(
          mark(hit.kind, phase, rule: hit.rule, sentence: sentence, node: nil, source: hit.index),
          within: mentions[hit.index].span, sentence: sentence)
      }
    }
    guard let graph else {
      withoutGraph += bySentence[sentence].lazy.filter { !decidedByRegex.contains($0) }.count
      return
    }
    let program = classifier.rules.program
    workspace.prepare(graph, for: program.table)
    let plain = PatternMatcher(program: program, graph: graph, workspace: workspace, vetoNegatedKey: false)
    let vetoing = PatternMatcher(program: program, graph: graph, workspace: workspace, vetoNegatedKey: true)
    let hasNewModifier = workspace.hasNewModifier
    let ordered = Classifier.tokensInOrder(graph)
    for index in inOrder[sentence] where !decidedByRegex.contains(index) {
      let mention = mentions[index]
      for node in Classifier.candidateNodes(graph, overlapping: mention.span, ordered: ordered)
      where Classifier.intersect(mention.span, graph.tokens[node].span) {
        // An amendment that keeps this word positive: no phase is tried at it.
        if let pattern = affirmations.first(where: { plain.matches(pattern: $0, head: node) }) {
          results[index].marks.append(
            mark(
              .affirmation, .affirmation, rule: pattern - affirmations.lowerBound, sentence: sentence, node: node,
              source: index))
          continue
        }
        var decided = false
        for (phase, kind, range) in phases {
          if phase == .negation && hasNewModifier[node] { continue }
          let matcher = phase == .negation ? vetoing : plain
          guard let pattern = range.first(where: { matcher.matches(pattern: $0, head: node) }) else { continue }
          spread(
            mark(kind, phase, rule: pattern - range.lowerBound, sentence: sentence, node: node, source: index),
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
            mark(
              .affirmation, .confirmation, rule: pattern - confirmations.lowerBound, sentence: sentence, node: node,
              source: index))
        }
      }
    }
  }

}
