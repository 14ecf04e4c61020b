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
  /// One mention phrase: the text reported for it, and how to find it.
  struct CompiledPhrase: Sendable {
    let phrase: String
    let finder: PhraseFinder
    var isNeutral = false
  }

  /// One observation's phrases, as ranges into the flat tables (no reference-counted fields, so the per-sentence
  /// loop copies nothing that needs retaining).
  struct CompiledEntry: Sendable {
    let mentions: Range<Int>
    let unmentions: Range<Int>
  }

  private let entries: [CompiledEntry]
  private let entryObservations: [Observation]
  private let mentionPhrases: [CompiledPhrase]
  private let mentionFinders: [PhraseFinder]
  private let unmentionFinders: [PhraseFinder]
  /// Every plain phrase's bytes, back to back.
  private let needles: [UInt8]
  /// Every phrase that needs a regular expression.
  private let patterns: [PCRE2Pattern]
  /// Whether any phrase carries a lowercase hint (then each ASCII sentence is lowercased once for the search).
  private let usesHints: Bool

  /// The observations the vocabulary defines, in its order.
  public var observations: [Observation] { entryObservations }

  /// Compiles the vocabulary; throws `invalidRegex` naming the phrase's file and line.
  public init(vocabulary: Vocabulary, options: MatchOptions = .chexpert) throws(CXRLabelError) {
    var patternOptions: PatternOptions = []
    if options.caseInsensitive { patternOptions.insert([.caseless, .multiline, .utf]) }
    var needles: [UInt8] = []
    var patterns: [PCRE2Pattern] = []
    func compile(_ phrase: Vocabulary.Phrase) throws(CXRLabelError) -> PhraseFinder {
      let source =
        options.spacesMatchAnyWhitespace
        ? phrase.pattern.split(separator: " ", omittingEmptySubsequences: false).joined(separator: "\\s+")
        : phrase.pattern
      if patternOptions.isEmpty, let literal = PhraseFinder.literalBytes(source) {
        let start = needles.count
        needles += literal
        return .plain(start: Int32(start), count: Int32(literal.count))
      }
      do {
        patterns.append(try PCRE2Pattern(source, options: patternOptions))
        let index = Int32(patterns.count - 1)
        if options.caseInsensitive, let hint = PhraseFinder.caselessHint(phrase.pattern) {
          let start = needles.count
          needles += hint
          return .hintedRegex(index, hintStart: Int32(start), hintCount: Int32(hint.count))
        }
        return .regex(index)
      } catch {
        var located = error
        located.location = phrase.source
        throw located
      }
    }
    var entries: [CompiledEntry] = []
    var observations: [Observation] = []
    var mentionPhrases: [CompiledPhrase] = []
    var unmentionFinders: [PhraseFinder] = []
    for entry in vocabulary.entries {
      let mentionStart = mentionPhrases.count
      for phrase in entry.mentions {
        mentionPhrases.append(
          CompiledPhrase(phrase: phrase.pattern, finder: try compile(phrase), isNeutral: phrase.isNeutral))
      }
      let unmentionStart = unmentionFinders.count
      for phrase in entry.unmentions { unmentionFinders.append(try compile(phrase)) }
      entries.append(
        CompiledEntry(
          mentions: mentionStart..<mentionPhrases.count, unmentions: unmentionStart..<unmentionFinders.count))
      observations.append(entry.observation)
    }
    self.entries = entries
    entryObservations = observations
    self.mentionPhrases = mentionPhrases
    mentionFinders = mentionPhrases.map(\.finder)
    self.unmentionFinders = unmentionFinders
    self.needles = needles
    self.patterns = patterns
    usesHints = (mentionPhrases.map(\.finder) + unmentionFinders).contains {
      if case .hintedRegex = $0 { return true }
      return false
    }
  }

  /// The mentions in `text`, sentence by sentence, in vocabulary order within a sentence.
  public func mentions(in text: [UInt8], sentences: [Range<Int>]) -> [Mention] {
    let scratch = MatchScratch()
    var found: [Mention] = []
    var unmentionSpans: [Range<Int>] = []
    var lowercase: [UInt8] = []
    text.withUnsafeBufferPointer { buffer in
      needles.withUnsafeBufferPointer { needles in
        for (index, range) in sentences.enumerated() {
          let sentence = UnsafeBufferPointer(rebasing: buffer[range])
          // The lowercased sentence for hinted phrases, only when it is all ASCII (Unicode case folding could let
          // a regular expression match where a byte search would not).
          let ascii = usesHints && !sentence.contains { $0 >= 0x80 }
          if ascii {
            lowercase.removeAll(keepingCapacity: true)
            lowercase.append(contentsOf: sentence.lazy.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 })
          }
          func search(_ lowered: UnsafeBufferPointer<UInt8>?) {
            let search = Search(
              sentence: sentence, lowered: lowered, needles: needles, patterns: patterns, scratch: scratch)
            collect(
              in: search, offset: range.lowerBound, sentence: index, unmentionSpans: &unmentionSpans, into: &found)
          }
          if ascii { lowercase.withUnsafeBufferPointer { search($0) } } else { search(nil) }
        }
      }
    }
    return found
  }

  /// One sentence being searched, with what every finder needs.
  private struct Search {
    let sentence: UnsafeBufferPointer<UInt8>
    let lowered: UnsafeBufferPointer<UInt8>?
    let needles: UnsafeBufferPointer<UInt8>
    let patterns: [PCRE2Pattern]
    let scratch: MatchScratch

    @inline(__always)
    func forEachMatch(_ finder: PhraseFinder, _ body: (Range<Int>) -> Void) {
      finder.forEachMatch(
        in: sentence, lowered: lowered, needles: needles, patterns: patterns, scratch: scratch, body)
    }
  }

  /// Appends one sentence's mentions: each observation in turn, each phrase's matches left to right, dropping a
  /// match that overlaps any of the observation's unmentions (found once, when first needed).
  private func collect(
    in search: Search, offset: Int, sentence index: Int, unmentionSpans: inout [Range<Int>], into found: inout [Mention]
  ) {
    for entryIndex in entries.indices {
      let entry = entries[entryIndex]
      var unmentionsFound = false
      for phraseIndex in entry.mentions {
        search.forEachMatch(mentionFinders[phraseIndex]) { match in
          if !entry.unmentions.isEmpty {
            if !unmentionsFound {
              unmentionsFound = true
              unmentionSpans.removeAll(keepingCapacity: true)
              for unmention in entry.unmentions {
                search.forEachMatch(unmentionFinders[unmention]) { unmentionSpans.append($0) }
              }
            }
            if unmentionSpans.contains(where: { $0.lowerBound < match.upperBound && match.lowerBound < $0.upperBound })
            {
              return
            }
          }
          var mention = Mention(
            observation: entryObservations[entryIndex], phrase: mentionPhrases[phraseIndex].phrase,
            span: (match.lowerBound + offset)..<(match.upperBound + offset), sentence: index)
          mention.isNeutral = mentionPhrases[phraseIndex].isNeutral
          found.append(mention)
        }
      }
    }
  }
}
