/// Word classes a lexicon entry can carry.
struct WordClasses: OptionSet, Sendable {
  let rawValue: UInt8
  static let noun = WordClasses(rawValue: 1)
  static let adjective = WordClasses(rawValue: 2)
  static let verb = WordClasses(rawValue: 4)
  static let nounOrVerb = WordClasses(rawValue: 8)
}

/// The parser's lexicon, built once from ``ParserLexiconWords``.
struct ParserLexicon: Sendable {
  /// Closed-class words and their single tag.
  var closed: [String: String] = [:]
  /// Open-class words and their classes.
  var open: [String: WordClasses] = [:]
  /// Irregular plural → singular.
  var plurals: [String: String] = [:]
  /// Irregular verb form → lemma.
  var verbForms: [String: String] = [:]

  /// The shared lexicon.
  static let shared = ParserLexicon()

  init() {
    for line in ParserLexiconWords.closed.split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard let tag = fields.first else { continue }
      for word in fields.dropFirst() where closed[String(word)] == nil { closed[String(word)] = String(tag) }
    }
    func add(_ list: String, _ wordClass: WordClasses) {
      for word in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
        open[String(word), default: []].insert(wordClass)
      }
    }
    add(ParserLexiconWords.nouns, .noun)
    add(ParserLexiconWords.adjectives, .adjective)
    add(ParserLexiconWords.verbs, .verb)
    add(ParserLexiconWords.nounOrVerb, .nounOrVerb)
    func pairs(_ list: String, into table: inout [String: String]) {
      let words = list.split(whereSeparator: { $0 == " " || $0 == "\n" })
      var index = 0
      while index + 1 < words.count {
        table[String(words[index])] = String(words[index + 1])
        index += 2
      }
    }
    pairs(ParserLexiconWords.irregularPlurals, into: &plurals)
    pairs(ParserLexiconWords.irregularVerbs, into: &verbForms)
  }

  /// The classes of an open-class word (empty if unknown).
  @inline(__always) func classes(_ word: String) -> WordClasses { open[word] ?? [] }

  /// Whether `word` is a known verb base form.
  @inline(__always) func isVerb(_ word: String) -> Bool {
    let found = classes(word)
    return found.contains(.verb) || found.contains(.nounOrVerb)
  }

  /// Whether `word` is a known noun (singular).
  @inline(__always) func isNoun(_ word: String) -> Bool {
    let found = classes(word)
    return found.contains(.noun) || found.contains(.nounOrVerb)
  }
}
