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
  /// The rule's id, `file:line` and note, carried so that whoever prints the mark needs nothing else (nil for the
  /// sentence shortcut).
  public var origin: RuleOrigin?

  /// Creates a mark.
  public init(
    kind: MarkKind, phase: ClassificationPhase, rule: Int?, sentence: Int, node: Int?, source: Int?,
    origin: RuleOrigin? = nil
  ) {
    self.kind = kind
    self.phase = phase
    self.rule = rule
    self.sentence = sentence
    self.node = node
    self.source = source
    self.origin = origin
  }
}

/// Which rule made a mark: its id, where it is written and its note.
public struct RuleOrigin: Sendable, Hashable {
  /// The rule's id (`negation.txt:154`, `amend-neg-passive`).
  public var id: String
  /// Its file and line.
  public var location: CXRLabelError.Location
  /// Its note, if the file gives one.
  public var comment: String?

  /// Creates an origin.
  public init(id: String, location: CXRLabelError.Location, comment: String? = nil) {
    self.id = id
    self.location = location
    self.comment = comment
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
