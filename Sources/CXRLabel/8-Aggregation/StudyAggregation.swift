/// What the row of a study with no text to label holds.
public enum EmptyTextLabels: String, Sendable, CaseIterable {
  /// Every observation blank: no text is no evidence (cxrlabel's default; MIMIC-CXR-JPG has no row for such
  /// studies, and a 1 would read as a normal study).
  case blank
  /// No Finding 1, as the original labelers label an empty report.
  case noFinding
}

/// A study's row as aggregation decides it, and which mentions voted.
public struct AggregatedStudy: Sendable, Hashable {
  /// The study's labels.
  public var labels: StudyLabels
  /// For each mention (in the study's mention order), whether it voted: false only for a neutral mention
  /// (`--amend`'s "the heart") that no rule confirmed.
  public var counted: [Bool]
}

extension Aggregator {
  /// The one way a study's row is decided; the labeler and `judge` both call it. No text is no evidence: a study
  /// without text to label gets what `emptyText` says. A neutral mention (`--amend`) that stayed positive without a
  /// confirmation rule does not vote; every other mention votes with its label.
  ///
  /// - Parameters:
  ///   - text: the study text the mentions' spans refer to.
  ///   - mentions: the study's mentions.
  ///   - classification: their classification, in the same order.
  ///   - hasText: whether the study had any text to label.
  ///   - emptyText: what a study without text gets.
  public func aggregate(
    text: [UInt8], mentions: [Mention], classification: StudyClassification, hasText: Bool,
    emptyText: EmptyTextLabels
  ) -> AggregatedStudy {
    let counted = zip(mentions, classification.mentions).map { Self.counts($0, $1) }
    if !hasText && emptyText == .blank { return AggregatedStudy(labels: StudyLabels(), counted: counted) }
    guard counted.contains(false) else {
      return AggregatedStudy(
        labels: labels(text: text, mentions: mentions, mentionLabels: classification.labels), counted: counted)
    }
    let voting = mentions.indices.filter { counted[$0] }
    return AggregatedStudy(
      labels: labels(
        text: text, mentions: voting.map { mentions[$0] },
        mentionLabels: voting.map { classification.mentions[$0].label }),
      counted: counted)
  }

  /// Whether a mention votes in aggregation: every mention does, except a neutral one (`--amend`'s "the heart")
  /// that stayed positive without a confirmation rule saying it is the finding.
  static func counts(_ mention: Mention, _ classification: MentionClassification) -> Bool {
    !mention.isNeutral || classification.label != .positive || classification.marks.contains { $0.kind == .affirmation }
  }
}
