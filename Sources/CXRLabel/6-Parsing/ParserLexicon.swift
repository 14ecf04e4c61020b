/// Word classes a lexicon entry can carry.
struct WordClasses: OptionSet, Sendable {
  let rawValue: UInt8
  static let noun = WordClasses(rawValue: 1)
  static let adjective = WordClasses(rawValue: 2)
  static let verb = WordClasses(rawValue: 4)
  static let nounOrVerb = WordClasses(rawValue: 8)
}

/// The parser's lexicon: the data file `Phrases/data/parser.lexicon` (format in `Phrases/README.md`), parsed and
/// validated once.
struct ParserLexicon: Sendable {
  /// Closed-class words and their single tag.
  var closed: [String: PennTag] = [:]
  /// Open-class words and their classes.
  var open: [String: WordClasses] = [:]
  /// Irregular plural → singular.
  var plurals: [String: String] = [:]
  /// Irregular verb form → lemma.
  var verbForms: [String: String] = [:]
  /// Two-word prepositions: the second word → the first words after which it is a preposition ("status *post*").
  var twoWordPrepositions: [String: Set<String>] = [:]
  /// The members of each word class, indexed by ``WordClass/rawValue``.
  var members: [Set<String>] = Array(repeating: [], count: WordClass.allCases.count)

  /// Each word's classes as bits of ``WordClass/rawValue``.
  var masks: [String: UInt64] = [:]

  /// Whether `word` belongs to `wordClass`.
  @inline(__always) func has(_ wordClass: WordClass, _ word: String) -> Bool {
    members[wordClass.rawValue].contains(word)
  }

  /// The classes of `word` (none for a word in no class).
  @inline(__always) func classMask(_ word: String) -> WordClassMask { WordClassMask(rawValue: masks[word] ?? 0) }

  /// The compiled-in lexicon. The file ships with the library and a test loads it, so it cannot be malformed in
  /// a release; should it ever be, the parser runs with an empty lexicon rather than stopping the run.
  static let shared: ParserLexicon = (try? DefaultResources.parserLexicon()) ?? ParserLexicon()

  /// The Penn Treebank tags a closed-class line may give.
  static let closedTags: Set<PennTag> = [
    .DT, .PRPPossessive, .PRP, .IN, .CC, .TO, .MD, .EX, .WDT, .WP, .WRB, .RB, .VBZ, .VBP, .VBD, .VB, .VBN,
    .VBG, .POS, .UH, .JJR, .JJS,
  ]

  /// Parses a lexicon file; throws `invalidModel` naming the file and line of the first problem.
  /// With `complete`, every word class's section must be there: a lexicon written for an older grammar would
  /// otherwise parse differently without a word.
  static func parse(_ text: String, file: String, complete: Bool = false) throws(CXRLabelError) -> ParserLexicon {
    var seen = Set<String>()
    var lexicon = ParserLexicon()
    var section: String?
    let lines = DataFileLines(
      text, file: file, code: .invalidModel,
      hint: "Fix the line; see Phrases/README.md for the parser lexicon's format.")
    for entry in lines {
      let fields = try entry.fields().fields
      guard let first = fields.first else { continue }
      if first.hasPrefix("["), first.hasSuffix("]"), fields.count == 1 {
        let name = String(first.dropFirst().dropLast())
        guard Self.sections.contains(name) else {
          throw entry.error(
            "Unknown section [\(name)] (known: \(Self.sections.map { "[\($0)]" }.joined(separator: ", "))).")
        }
        section = name
        seen.insert(name)
        continue
      }
      switch section {
      case nil:
        throw entry.error("Words before the first [section] line.")
      case "closed":
        guard let tag = PennTag(rawValue: first), Self.closedTags.contains(tag), fields.count > 1 else {
          throw entry.error(
            "Expected `TAG word ...` with TAG one of \(Self.closedTags.map(\.rawValue).sorted().joined(separator: " "))."
          )
        }
        for word in fields.dropFirst() where lexicon.closed[word] == nil { lexicon.closed[word] = tag }
      case "nouns": for word in fields { lexicon.open[word, default: []].insert(.noun) }
      case "adjectives": for word in fields { lexicon.open[word, default: []].insert(.adjective) }
      case "verbs": for word in fields { lexicon.open[word, default: []].insert(.verb) }
      case "noun-or-verb": for word in fields { lexicon.open[word, default: []].insert(.nounOrVerb) }
      case "irregular-plurals", "irregular-verbs":
        guard fields.count == 2 else { throw entry.error("Expected two words: the inflected form and its lemma.") }
        if section == "irregular-plurals" {
          lexicon.plurals[fields[0]] = fields[1]
        } else {
          lexicon.verbForms[fields[0]] = fields[1]
        }
      case "two-word-prepositions":
        guard fields.count == 2 else {
          throw entry.error("Expected two words: a preposition's first word and its second.")
        }
        lexicon.twoWordPrepositions[fields[1], default: []].insert(fields[0])
      case let name?:
        guard let wordClass = WordClass(section: name) else { break }
        lexicon.members[wordClass.rawValue].formUnion(fields)
        for word in fields { lexicon.masks[word, default: 0] |= 1 << UInt64(wordClass.rawValue) }
      default: break
      }
    }
    if complete, let missing = WordClass.allCases.map(\.section).first(where: { !seen.contains($0) }) {
      throw CXRLabelError(
        .invalidModel, "The lexicon has no [\(missing)] section, which this version's grammar needs.",
        at: lines.end,
        hint: "Start from the current lexicon (`cxrlabel data export`) and carry your words over.")
    }
    return lexicon
  }

  /// The sections a lexicon file may have: the word lists, then one per word class.
  static let sections: [String] =
    [
      "closed", "nouns", "adjectives", "verbs", "noun-or-verb", "irregular-plurals", "irregular-verbs",
      "two-word-prepositions",
    ]
    + WordClass.allCases.map(\.section)

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
