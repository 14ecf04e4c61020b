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
  /// Participles that, right after a noun, report a finding ("no effusion identified") rather than modify.
  var reportingParticiples: Set<String> = []
  /// Present participles that, after a comma or an adverb, take the finding as their object.
  var reasoningParticiples: Set<String> = []
  /// Present participles that always head a verb phrase, never modify a noun.
  var verbalParticiples: Set<String> = []
  /// Participles that, after a noun and before a preposition, modify the noun ("fluid associated with").
  var reducedRelatives: Set<String> = []
  /// Adjectives that close a run-on first statement ("heart size normal lungs are clear").
  var runOnPredicates: Set<String> = []
  /// Verbs whose complement is an `xcomp` ("appear normal").
  var linkingVerbs: Set<String> = []
  /// Adjectives of side that, after a noun, start a location phrase of their own ("atelectasis right base").
  var sideAdjectives: Set<String> = []
  /// Adverbs of hedging that qualify a whole noun phrase ("*possibly* passive atelectasis"), never the adjective after them.
  var hedgeAdverbs: Set<String> = []
  /// Names of findings that head their noun phrase and never modify a noun after them ("consolidation").
  var findingNouns: Set<String> = []
  /// Prepositions whose phrase can be a verbless clause's predicate ("heart size *within* normal limits.").
  var predicativePrepositions: Set<String> = []
  /// Findings that a comma and alternatives after them explain ("opacity, scar or atelectasis").
  var explainedFindings: Set<String> = []
  /// De-identification placeholders (IU's `xxxx`, MIMIC-CXR's `___`), tagged by context as the word they hide.
  var placeholders: Set<String> = []

  /// The compiled-in lexicon. The file ships with the library and a test loads it, so it cannot be malformed in
  /// a release; should it ever be, the parser runs with an empty lexicon rather than stopping the run.
  static let shared: ParserLexicon = (try? DefaultResources.parserLexicon()) ?? ParserLexicon()

  /// The Penn Treebank tags a closed-class line may give.
  static let closedTags: Set<PennTag> = [
    .DT, .PRPPossessive, .PRP, .IN, .CC, .TO, .MD, .EX, .WDT, .WP, .WRB, .RB, .VBZ, .VBP, .VBD, .VB, .VBN,
    .VBG, .POS, .UH,
  ]

  /// Parses a lexicon file; throws `invalidModel` naming the file and line of the first problem.
  static func parse(_ text: String, file: String) throws(CXRLabelError) -> ParserLexicon {
    var lexicon = ParserLexicon()
    var section: String?
    for (number, rawLine) in text.universalLines.enumerated() {
      func bad(_ why: String, column: Int? = nil) -> CXRLabelError {
        CXRLabelError(
          .invalidModel, why, at: .init(file: file, line: number + 1, column: column),
          hint: "Fix the line; see Phrases/README.md for the parser lexicon's format.")
      }
      let fields: [String]
      do { fields = try LineFields.split(rawLine).fields } catch { throw bad(error.message, column: error.column) }
      guard let first = fields.first else { continue }
      if first.hasPrefix("["), first.hasSuffix("]"), fields.count == 1 {
        let name = String(first.dropFirst().dropLast())
        guard Self.sections.contains(name) else {
          throw bad("Unknown section [\(name)] (known: \(Self.sections.map { "[\($0)]" }.joined(separator: ", "))).")
        }
        section = name
        continue
      }
      switch section {
      case nil:
        throw bad("Words before the first [section] line.")
      case "closed":
        guard let tag = PennTag(rawValue: first), Self.closedTags.contains(tag), fields.count > 1 else {
          throw bad("Expected `TAG word ...` with TAG one of \(Self.closedTags.map(\.rawValue).sorted().joined(separator: " ")).")
        }
        for word in fields.dropFirst() where lexicon.closed[word] == nil { lexicon.closed[word] = tag }
      case "nouns": for word in fields { lexicon.open[word, default: []].insert(.noun) }
      case "adjectives": for word in fields { lexicon.open[word, default: []].insert(.adjective) }
      case "verbs": for word in fields { lexicon.open[word, default: []].insert(.verb) }
      case "noun-or-verb": for word in fields { lexicon.open[word, default: []].insert(.nounOrVerb) }
      case "irregular-plurals", "irregular-verbs":
        guard fields.count == 2 else { throw bad("Expected two words: the inflected form and its lemma.") }
        if section == "irregular-plurals" { lexicon.plurals[fields[0]] = fields[1] } else { lexicon.verbForms[fields[0]] = fields[1] }
      case "reporting-participles": lexicon.reportingParticiples.formUnion(fields)
      case "reasoning-participles": lexicon.reasoningParticiples.formUnion(fields)
      case "verbal-participles": lexicon.verbalParticiples.formUnion(fields)
      case "reduced-relatives": lexicon.reducedRelatives.formUnion(fields)
      case "run-on-predicates": lexicon.runOnPredicates.formUnion(fields)
      case "linking-verbs": lexicon.linkingVerbs.formUnion(fields)
      case "side-adjectives": lexicon.sideAdjectives.formUnion(fields)
      case "predicative-prepositions": lexicon.predicativePrepositions.formUnion(fields)
      case "hedge-adverbs": lexicon.hedgeAdverbs.formUnion(fields)
      case "finding-nouns": lexicon.findingNouns.formUnion(fields)
      case "placeholders": lexicon.placeholders.formUnion(fields)
      case "explained-findings": lexicon.explainedFindings.formUnion(fields)
      default: break
      }
    }
    return lexicon
  }

  /// The sections a lexicon file may have.
  static let sections: [String] = [
    "closed", "nouns", "adjectives", "verbs", "noun-or-verb", "irregular-plurals", "irregular-verbs",
    "reporting-participles", "reasoning-participles", "verbal-participles", "reduced-relatives", "run-on-predicates",
    "linking-verbs", "side-adjectives", "predicative-prepositions", "hedge-adverbs", "finding-nouns", "placeholders",
    "explained-findings",
  ]

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
