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

  /// The observations, in definition order.
  public var observations: [Observation] { entries.map(\.observation) }

  /// The number of mention phrases.
  public var mentionCount: Int { entries.reduce(0) { $0 + $1.mentions.count } }
  /// The number of unmention phrases (generated ones included).
  public var unmentionCount: Int { entries.reduce(0) { $0 + $1.unmentions.count } }
}
