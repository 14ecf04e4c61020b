/// How phrases are compiled and matched.
public struct MatchOptions: Sendable, Hashable {
  /// Letters match either case (NegBio) or only as written (CheXpert).
  public var caseInsensitive: Bool
  /// Each literal space in a phrase matches any run of whitespace (NegBio's `\s+`).
  public var spacesMatchAnyWhitespace: Bool

  /// Creates options.
  public init(caseInsensitive: Bool = false, spacesMatchAnyWhitespace: Bool = false) {
    self.caseInsensitive = caseInsensitive
    self.spacesMatchAnyWhitespace = spacesMatchAnyWhitespace
  }

  /// The CheXpert labeler's matching: case-sensitive, literal spaces.
  public static let chexpert = MatchOptions()
}

/// Finds the mentions of every observation in a study's sentences (SPEC 2.5).
///
/// Every phrase is compiled once as an unanchored PCRE2 pattern. In each sentence, every non-overlapping
/// occurrence of a phrase is a candidate; a candidate is dropped when any occurrence of any unmention of the same
/// observation overlaps it. Mentions never cross sentences.
public struct MentionMatcher: Sendable {
  struct CompiledPhrase: Sendable {
    let phrase: String
    let pattern: PhraseFinder
  }

  struct CompiledEntry: Sendable {
    let observation: Observation
    let mentions: [CompiledPhrase]
    let unmentions: [PhraseFinder]
  }

  let entries: [CompiledEntry]

  /// The observations the vocabulary defines, in its order.
  public var observations: [Observation] { entries.map(\.observation) }

  /// Compiles the vocabulary; throws `invalidRegex` naming the phrase's file and line.
  public init(vocabulary: Vocabulary, options: MatchOptions = .chexpert) throws(CXRLabelError) {
    var patternOptions: PatternOptions = []
    if options.caseInsensitive { patternOptions.insert([.caseless, .multiline, .utf]) }
    func compile(_ phrase: Vocabulary.Phrase) throws(CXRLabelError) -> PhraseFinder {
      let source = options.spacesMatchAnyWhitespace
        ? phrase.pattern.split(separator: " ", omittingEmptySubsequences: false).joined(separator: "\\s+")
        : phrase.pattern
      if patternOptions.isEmpty, let literal = PhraseFinder.literal(source) { return literal }
      do { return .regex(try PCRE2Pattern(source, options: patternOptions)) } catch {
        var located = error
        located.location = phrase.source
        throw located
      }
    }
    var compiled: [CompiledEntry] = []
    for entry in vocabulary.entries {
      var mentions: [CompiledPhrase] = []
      for phrase in entry.mentions { mentions.append(CompiledPhrase(phrase: phrase.pattern, pattern: try compile(phrase))) }
      var unmentions: [PhraseFinder] = []
      for phrase in entry.unmentions { unmentions.append(try compile(phrase)) }
      compiled.append(CompiledEntry(observation: entry.observation, mentions: mentions, unmentions: unmentions))
    }
    entries = compiled
  }

  /// The mentions in `text`, sentence by sentence, in vocabulary order within a sentence.
  public func mentions(in text: [UInt8], sentences: [Range<Int>]) -> [Mention] {
    let scratch = MatchScratch()
    return text.withUnsafeBufferPointer { buffer in
      var found: [Mention] = []
      for (index, sentence) in sentences.enumerated() {
        collect(in: UnsafeBufferPointer(rebasing: buffer[sentence]), offset: sentence.lowerBound, sentence: index,
          scratch: scratch, into: &found)
      }
      return found
    }
  }

  private func collect(
    in sentence: UnsafeBufferPointer<UInt8>, offset: Int, sentence index: Int, scratch: MatchScratch,
    into found: inout [Mention]
  ) {
    for entry in entries {
      var unmentionSpans: [Range<Int>]? = nil
      for phrase in entry.mentions {
        phrase.pattern.forEachMatch(in: sentence, scratch: scratch) { match in
          if !entry.unmentions.isEmpty {
            if unmentionSpans == nil {
              var spans: [Range<Int>] = []
              for unmention in entry.unmentions {
                unmention.forEachMatch(in: sentence, scratch: scratch) { spans.append($0) }
              }
              unmentionSpans = spans
            }
            if unmentionSpans!.contains(where: { $0.lowerBound < match.upperBound && match.lowerBound < $0.upperBound }) {
              return
            }
          }
          found.append(
            Mention(
              observation: entry.observation, phrase: phrase.phrase,
              span: (match.lowerBound + offset)..<(match.upperBound + offset), sentence: index))
        }
      }
    }
  }
}
