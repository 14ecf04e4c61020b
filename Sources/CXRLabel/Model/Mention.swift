/// One occurrence of a phrase in a sentence: a candidate finding to be judged by the rules.
public struct Mention: Sendable, Hashable {
  /// The observation the phrase belongs to.
  public var observation: Observation
  /// The phrase (pattern) that matched, as written in the vocabulary.
  public var phrase: String
  /// The matched bytes in the study's text.
  public var span: Range<Int>
  /// The index of the sentence the mention lies in.
  public var sentence: Int
  /// Whether its phrase names the organ rather than the finding (`--amend`'s `neutral` phrases): it counts only
  /// when a rule decides it.
  public var isNeutral = false

  /// Creates a mention.
  public init(observation: Observation, phrase: String, span: Range<Int>, sentence: Int) {
    self.observation = observation
    self.phrase = phrase
    self.span = span
    self.sentence = sentence
  }
}
