/// The word classes of the parser's lexicon (`Phrases/data/parser.lexicon`, one `[section]` each): every word the
/// grammar treats specially belongs to one, so no rule tests a word in code.
enum WordClass: Int, CaseIterable, Sendable {
  /// Participles that, right after a noun, report a finding ("no effusion *identified*") rather than modify it.
  case reportingParticiples
  /// Present participles that, after a comma or an adverb, take the finding as their object ("opacity, *favoring*
  /// scarring").
  case reasoningParticiples
  /// Present participles that always head a verb phrase, never modify a noun ("likely *representing*").
  case verbalParticiples
  /// Participles that, after a noun and before a preposition, modify the noun ("fluid *associated* with").
  case reducedRelatives
  /// Adjectives that close a run-on first statement ("heart size *normal* lungs are clear").
  case runOnPredicates
  /// Verbs whose adjective or noun complement is an `xcomp` ("*appear* normal").
  case linkingVerbs
  /// Adjectives of side that, after a noun, start a location phrase of their own ("atelectasis *right* base").
  case sideAdjectives
  /// Prepositions whose phrase can be a verbless clause's predicate ("heart size *within* normal limits.").
  case predicativePrepositions
  /// Adverbs of hedging that qualify a whole noun phrase ("*possibly* passive atelectasis").
  case hedgeAdverbs
  /// Findings that head their noun phrase; a noun after one starts the next list item ("no *consolidation* |
  /// pneumothorax").
  case findingNouns
  /// De-identification placeholders, tagged by context as the word they hide (`xxxx`, `___`).
  case placeholders
  /// Findings that a comma and two alternatives after them explain ("*opacity*, scar or atelectasis").
  case explainedFindings
  /// Forms of "be".
  case beForms
  /// Forms of "have".
  case haveForms
  /// Forms of "do", after which a verb is in its base form.
  case doForms
  /// Verbs that, like "be", make a following -ed word a passive participle ("*got* displaced").
  case passiveAuxiliaries
  /// Adverbs of negation ("not", "n't", "never"): `neg`, not `advmod`.
  case negationAdverbs
  /// Determiners of negation ("no"): `neg` on their noun, and they open a new statement after a noun phrase.
  case negationDeterminers
  /// Adverbs that never modify the adjective after them ("*however*").
  case sentenceAdverbs
  /// Adverbs that open a new fragment before a noun phrase and never modify an adjective ("*otherwise* no
  /// effusion", "*however*").
  case fragmentAdverbs
  /// Coordinators that weigh alternatives ("versus", "vs"): written `conj:versus`.
  case versusCoordinators
  /// Coordinators of alternatives ("or").
  case alternativeCoordinators
  /// Correlatives that open a coordination of their own ("*either* atelectasis or infiltrate").
  case correlatives
  /// Prepositions that open an absolute clause before a noun phrase with its own predicate ("*with* a small
  /// effusion present").
  case absolutePrepositions
  /// Complementizers after a verb ("note *that* ...").
  case complementizers
  /// Prepositions that close a run-on predicate like a noun does ("upper limits *of* normal | lungs are clear").
  case runOnPrepositions
  /// Nouns that, after "no", end their noun phrase ("no *change* | chronic disease").
  case noChangeNouns
  /// Measure nouns that end their noun phrase before an adjective ("heart *size* | upper limits of normal").
  case measureNouns
  /// Participles that are prepositions before a noun phrase ("*given* differences in technique, ...").
  case prepositionalParticiples
  /// Prepositions that are adverbs before an adjective ("*near* top normal").
  case adverbialPrepositions

  /// The class as a one-bit mask.
  var mask: WordClassMask { WordClassMask(rawValue: 1 << UInt64(rawValue)) }

  /// The section's name in the lexicon file.
  var section: String {
    var name = ""
    for character in String(describing: self) {
      if character.isUppercase { name += "-" + character.lowercased() } else { name.append(character) }
    }
    return name
  }

  /// The class a section name stands for, if any.
  init?(section: String) {
    guard let found = Self.allCases.first(where: { $0.section == section }) else { return nil }
    self = found
  }
}

/// A set of word classes as bits, looked up once per word so that the grammar's tests are bit tests.
struct WordClassMask: Sendable, Equatable {
  var rawValue: UInt64

  /// Whether the set holds `wordClass`.
  @inline(__always) func contains(_ wordClass: WordClass) -> Bool { rawValue & wordClass.mask.rawValue != 0 }
}
