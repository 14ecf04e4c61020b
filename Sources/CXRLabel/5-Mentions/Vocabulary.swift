/// The phrases that make a mention of each observation, and the phrases that cancel an overlapping mention.
///
/// Phrases are PCRE2 regular expressions; nearly all are plain text (`pleural fluid`). An observation's
/// unmentions suppress any of its mentions they overlap ("massive" is not a "mass").
public struct Vocabulary: Sendable, Hashable {
  /// One phrase of an observation.
  public struct Phrase: Sendable, Hashable {
    /// The pattern text.
    public var pattern: String
    /// Where it was defined (file and line), for explanations and errors.
    public var source: CXRLabelError.Location?
    /// Whether the phrase names the organ rather than the finding ("the heart"): with `--amend`, its mention counts
    /// only when a rule decides it (negated, uncertain, or confirmed by a confirmation rule).
    public var isNeutral = false
    /// Creates a phrase.
    public init(_ pattern: String, source: CXRLabelError.Location? = nil) {
      self.pattern = pattern
      self.source = source
    }
  }

  /// An observation's phrases.
  public struct Entry: Sendable, Hashable {
    /// The observation.
    public var observation: Observation
    /// Phrases that mention it.
    public var mentions: [Phrase]
    /// Phrases that cancel overlapping mentions of it.
    public var unmentions: [Phrase]
    /// Mention patterns (of this entry or of the vocabulary this one is added to) that are neutral (`neutral` lines).
    public var neutral: [String] = []
    /// Creates an entry.
    public init(observation: Observation, mentions: [Phrase] = [], unmentions: [Phrase] = []) {
      self.observation = observation
      self.mentions = mentions
      self.unmentions = unmentions
    }
  }

  /// The observations in definition order, each with its phrases.
  public var entries: [Entry]

  /// Creates a vocabulary.
  public init(entries: [Entry]) { self.entries = entries }

  /// This vocabulary with `other`'s phrases added: an observation both have gets `other`'s mentions and
  /// unmentions after its own; a new one becomes a new entry (what `--amend` does with its vocabulary).
  public func adding(_ other: Vocabulary) -> Vocabulary {
    var result = self
    for entry in other.entries {
      if let index = result.entries.firstIndex(where: { $0.observation == entry.observation }) {
        result.entries[index].mentions += entry.mentions
        result.entries[index].unmentions += entry.unmentions
        result.entries[index].neutral += entry.neutral
      } else {
        result.entries.append(entry)
      }
    }
    return result.markingNeutral()
  }

  /// This vocabulary with every mention that a `neutral` line names marked neutral.
  func markingNeutral() -> Vocabulary {
    var result = self
    for index in result.entries.indices {
      let neutral = Set(result.entries[index].neutral)
      for phrase in result.entries[index].mentions.indices
      where neutral.contains(result.entries[index].mentions[phrase].pattern) {
        result.entries[index].mentions[phrase].isNeutral = true
      }
    }
    return result
  }

  /// The observations, in definition order.
  public var observations: [Observation] { entries.map(\.observation) }

  /// The number of mention phrases.
  public var mentionCount: Int { entries.reduce(0) { $0 + $1.mentions.count } }
  /// The number of unmention phrases (generated ones included).
  public var unmentionCount: Int { entries.reduce(0) { $0 + $1.unmentions.count } }
}
