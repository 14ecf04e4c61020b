/// A Penn Treebank part-of-speech tag, as the parser's tagger assigns it and CoreNLP writes it.
///
/// The parser compares tags as values of this type; the tag's text (``rawValue``) appears only where a graph is
/// written out (`--explain-graphs`, `judge`, the rule engine's `tag(...)` patterns).
enum PennTag: String, CaseIterable, Sendable {
  // Nouns, pronouns, numbers.
  case NN, NNS, NNP, NNPS, PRP, CD
  case PRPPossessive = "PRP$"
  // Adjectives and adverbs.
  case JJ, JJR, JJS, RB, RBR, RBS
  // Verbs and modals.
  case VB, VBD, VBG, VBN, VBP, VBZ, MD
  // Function words.
  case DT, PDT, IN, CC, TO, EX, WDT, WP, WRB, POS, RP, UH, FW, LS, SYM
  case WPPossessive = "WP$"
  // Punctuation.
  case comma = ",", period = ".", colon = ":", leftBracket = "-LRB-", rightBracket = "-RRB-"
  case openQuote = "``", closeQuote = "''", hash = "#", dollar = "$"

  /// A noun of any kind (`NN…`).
  var isNoun: Bool { self == .NN || self == .NNS || self == .NNP || self == .NNPS }
  /// A noun, a personal pronoun or a number: what can head a noun phrase.
  var isNominal: Bool { isNoun || self == .PRP || self == .CD }
  /// An adjective, comparative or superlative (`JJ…`).
  var isAdjective: Bool { self == .JJ || self == .JJR || self == .JJS }
  /// An adverb, comparative or superlative (`RB…`).
  var isAdverb: Bool { self == .RB || self == .RBR || self == .RBS }
  /// A verb form (`VB…`; not a modal).
  var isVerb: Bool {
    switch self {
    case .VB, .VBD, .VBG, .VBN, .VBP, .VBZ: return true
    default: return false
    }
  }
  /// A finite verb or a modal: present, past, or `MD`.
  var isFinite: Bool { self == .VBZ || self == .VBP || self == .VBD || self == .MD }
  /// A participle (`VBN`, `VBG`).
  var isParticiple: Bool { self == .VBN || self == .VBG }
  /// Punctuation.
  var isPunctuation: Bool {
    switch self {
    case .comma, .period, .colon, .leftBracket, .rightBracket, .openQuote, .closeQuote, .hash, .dollar: return true
    default: return false
    }
  }
}
