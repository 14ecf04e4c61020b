/// Lemmas in the manner of CoreNLP's `Morphology` given word and tag: plural nouns to the singular, verb forms to
/// the base form, everything else unchanged (lowercase).
enum ParserLemmatizer {
  static func lemma(_ word: String, tag: PennTag, lexicon: ParserLexicon = .shared) -> String {
    // ("n't" → "not": the irregular forms list it as it lists verb forms.)
    if tag.isAdverb, let lemma = lexicon.verbForms[word] { return lemma }
    if tag.isVerb || tag == .MD || tag == .POS {
      if tag == .POS { return word }
      if let lemma = lexicon.verbForms[word] { return lemma }
      switch tag {
      case .VBZ: return thirdPersonStem(word)
      case .VBD, .VBN: return suffixStem(word, suffix: "ed", lexicon: lexicon)
      case .VBG: return suffixStem(word, suffix: "ing", lexicon: lexicon)
      default: return word
      }
    }
    if tag == .NNS || tag == .NNPS { return singular(word, lexicon: lexicon) }
    return word
  }

  /// `opacities` → `opacity`, `masses` → `mass`, `lungs` → `lung`.
  static func singular(_ word: String, lexicon: ParserLexicon = .shared) -> String {
    if let singular = lexicon.plurals[word] { return singular }
    let bytes = Array(word.utf8)
    let count = bytes.count
    guard count > 2, bytes[count - 1] == UInt8(ascii: "s") else { return word }
    if word.hasSuffix("ies"), count > 4 { return String(word.dropLast(3)) + "y" }
    if word.hasSuffix("sses") || word.hasSuffix("xes") || word.hasSuffix("ches") || word.hasSuffix("shes")
      || word.hasSuffix("zzes")
    {
      return String(word.dropLast(2))
    }
    if bytes[count - 2] == UInt8(ascii: "s") || bytes[count - 2] == UInt8(ascii: "u") { return word }
    if word.hasSuffix("ses"), lexicon.isNoun(String(word.dropLast(2))) { return String(word.dropLast(2)) }
    return String(word.dropLast())
  }

  /// `appears` → `appear`, `identifies` → `identify`, `focuses` → `focus`.
  static func thirdPersonStem(_ word: String) -> String {
    if word.hasSuffix("ies"), word.utf8.count > 4 { return String(word.dropLast(3)) + "y" }
    if word.hasSuffix("sses") || word.hasSuffix("xes") || word.hasSuffix("ches") || word.hasSuffix("shes")
      || word.hasSuffix("zes") || word.hasSuffix("oes") || word.hasSuffix("uses")
    {
      return String(word.dropLast(2))
    }
    if word.hasSuffix("s"), !word.hasSuffix("ss") { return String(word.dropLast()) }
    return word
  }

  /// Undoes `-ed` / `-ing`: `identified` → `identify`, `resolved` → `resolve`, `cleared` → `clear`.
  static func suffixStem(_ word: String, suffix: String, lexicon: ParserLexicon = .shared) -> String {
    guard word.hasSuffix(suffix), word.utf8.count > suffix.utf8.count + 2 else { return word }
    if suffix == "ed", word.hasSuffix("ied") { return String(word.dropLast(3)) + "y" }
    if suffix == "ing", word.hasSuffix("ying"), word.utf8.count == 5 { return String(word.dropLast(4)) + "ie" }
    let stem = String(word.dropLast(suffix.utf8.count))
    if lexicon.isVerb(stem) { return stem }
    if lexicon.isVerb(stem + "e") { return stem + "e" }
    let bytes = Array(stem.utf8)
    let count = bytes.count
    let last = bytes[count - 1]
    let before = bytes[count - 2]
    if last == before, "bdgkmnprtz".utf8.contains(last) {
      let undoubled = String(stem.dropLast())
      return undoubled
    }
    if needsFinalE(bytes) { return stem + "e" }
    return stem
  }

  /// Whether a stripped stem most likely lost a silent `e` (`enlarg`, `increas`, `elevat`, `obscur`).
  static func needsFinalE(_ bytes: [UInt8]) -> Bool {
    let count = bytes.count
    guard count >= 3 else { return false }
    let last = bytes[count - 1]
    let before = bytes[count - 2]
    let vowels = "aeiou".utf8
    if last == UInt8(ascii: "v") || last == UInt8(ascii: "z") || last == UInt8(ascii: "c") { return true }
    if last == UInt8(ascii: "g"),
      before == UInt8(ascii: "r") || before == UInt8(ascii: "n") || before == UInt8(ascii: "d")
    {
      return true
    }
    if last == UInt8(ascii: "u") { return true }
    // Single vowel before s, t, r, d, b, k, l, m, n, p after a consonant: "increas", "elevat", "obscur", "exclud".
    if vowels.contains(before), !vowels.contains(bytes[count - 3]), "strdbklmnp".utf8.contains(last) {
      // Short verbs like "limit", "visit", "open", "edit" keep their stems; most of these end in -it, -en, -er, -el, -on.
      if before == UInt8(ascii: "e")
        && (last == UInt8(ascii: "n") || last == UInt8(ascii: "r") || last == UInt8(ascii: "l"))
      {
        return false
      }
      if before == UInt8(ascii: "i") && last == UInt8(ascii: "t") { return false }
      if before == UInt8(ascii: "o") && last == UInt8(ascii: "n") { return false }
      return true
    }
    return false
  }
}
