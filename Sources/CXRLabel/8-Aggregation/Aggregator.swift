/// One mention's vote for aggregation: its observation, its label and the text it matched.
public struct MentionVote: Sendable, Hashable {
  /// The observation the mention belongs to.
  public var observation: Observation
  /// The mention's label.
  public var label: LabelValue
  /// The matched text (the CHF rule looks at it).
  public var text: String

  /// Creates a vote.
  public init(observation: Observation, label: LabelValue, text: String) {
    self.observation = observation
    self.label = label
    self.text = text
  }
}

/// Turns a study's mention labels into one label per observation (SPEC 2.8), with the three settings in which
/// CheXpert and NegBio-MIMIC's label collector differ (SPEC 4.3 item 8).
public struct Aggregator: Sendable, Hashable {
  /// How the CHF rule compares a mention's text with `chf` and `heart failure`.
  public enum HeartFailureMatch: Sendable, Hashable {
    /// Exact comparison (CheXpert; its text is lowercase already).
    case exact
    /// The lowercased text is compared (NegBio-MIMIC: `CHF` counts).
    case lowercased
  }

  /// Whether a positive or uncertain No Finding-list mention (`emphysema`, `scoliosis`, …) cancels No Finding
  /// (CheXpert: yes; NegBio-MIMIC skips those mentions first, so no).
  public var noFindingMentionsCancelNoFinding: Bool
  /// How the CHF rule matches text.
  public var heartFailureMatch: HeartFailureMatch
  /// The result when an observation has both negative and uncertain votes (CheXpert: uncertain, whether or not
  /// a positive vote is also present; NegBio-MIMIC: negative).
  public var negativeAndUncertain: LabelValue

  /// Creates an aggregator.
  public init(
    noFindingMentionsCancelNoFinding: Bool, heartFailureMatch: HeartFailureMatch, negativeAndUncertain: LabelValue
  ) {
    self.noFindingMentionsCancelNoFinding = noFindingMentionsCancelNoFinding
    self.heartFailureMatch = heartFailureMatch
    self.negativeAndUncertain = negativeAndUncertain
  }

  /// The CheXpert labeler's aggregation.
  public static let chexpert = Aggregator(
    noFindingMentionsCancelNoFinding: true, heartFailureMatch: .exact, negativeAndUncertain: .uncertain)
  /// NegBio-MIMIC's `chexpert_collect_labels`.
  public static let negbioMIMIC = Aggregator(
    noFindingMentionsCancelNoFinding: false, heartFailureMatch: .lowercased, negativeAndUncertain: .negative)

  /// The labels for a study's votes (order does not matter).
  public func labels(_ votes: some Sequence<MentionVote>) -> StudyLabels {
    var tallies: [Observation: Tally] = [:]
    var findingSeen = false
    for vote in votes {
      let counts = vote.label != .negative
      if vote.observation == .noFinding {
        if noFindingMentionsCancelNoFinding && counts { findingSeen = true }
        continue
      }
      if vote.observation != .supportDevices && counts { findingSeen = true }
      if counts && isHeartFailure(vote.text) { tallies[.cardiomegaly, default: Tally()].add(.uncertain) }
      tallies[vote.observation, default: Tally()].add(vote.label)
    }
    if !findingSeen { tallies[.noFinding, default: Tally()].add(.positive) }
    return tallies.compactMapValues { $0.result(negativeAndUncertain: negativeAndUncertain) }
  }

  /// The labels for a study: `mentions` with their `mentionLabels` (same order); texts are read from `text`.
  public func labels(text: [UInt8], mentions: [Mention], mentionLabels: [LabelValue]) -> StudyLabels {
    labels(
      zip(mentions, mentionLabels).map { mention, label in
        let lower = min(max(mention.span.lowerBound, 0), text.count)
        let upper = min(max(mention.span.upperBound, lower), text.count)
        return MentionVote(
          observation: mention.observation, label: label, text: String(decoding: text[lower..<upper], as: UTF8.self))
      })
  }

  private func isHeartFailure(_ text: String) -> Bool {
    let compared = heartFailureMatch == .exact ? text : text.lowercased()
    return compared == "chf" || compared == "heart failure"
  }

  /// The votes one observation received.
  struct Tally: Hashable {
    var count = 0
    var first: LabelValue = .positive
    var positive = false
    var negative = false
    var uncertain = false

    mutating func add(_ label: LabelValue) {
      if count == 0 { first = label }
      count += 1
      switch label {
      case .positive: positive = true
      case .negative: negative = true
      case .uncertain: uncertain = true
      }
    }

    /// One vote: itself. Negative and uncertain: the configured value. Negative and positive, or uncertain and
    /// positive: positive. All equal: that value. None: blank.
    func result(negativeAndUncertain: LabelValue) -> LabelValue? {
      guard count > 0 else { return nil }
      if count == 1 { return first }
      if negative && uncertain { return negativeAndUncertain }
      if positive && (negative || uncertain) { return .positive }
      return first
    }
  }
}
