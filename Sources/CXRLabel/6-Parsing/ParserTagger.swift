/// Part-of-speech tagger: closed-class and radiology lexicons, suffix heuristics, then a few contextual fixes.
enum ParserTagger {
  static func tag(_ words: [String], classes: [WordClassMask]? = nil, lexicon: ParserLexicon = .shared) -> [PennTag] {
    let classes = classes ?? words.map(lexicon.classMask)
    var tags = words.map { initialTag($0, lexicon: lexicon) }
    tagPlaceholders(classes, &tags)
    fixContext(words, classes, &tags, lexicon: lexicon)
    return tags
  }

  /// A placeholder inside a predicate — after an auxiliary, a copula, a modal or "not", before an adjective,
  /// participle, preposition or adverb — stands for an adverb ("is xxxx normal", "has xxxx resolved", "are not
  /// xxxx seen"); elsewhere it keeps the noun tag its lexicon class gives.
  static func tagPlaceholders(_ classes: [WordClassMask], _ tags: inout [PennTag]) {
    for index in classes.indices.dropFirst() where index + 1 < classes.count && classes[index].contains(.placeholders) {
      let previous = classes[index - 1]
      let afterAuxiliary =
        previous.contains(.beForms) || previous.contains(.haveForms) || tags[index - 1] == .MD
        || previous.contains(.negationAdverbs)
        || tags[index - 1] == .RB && index > 1
          && (classes[index - 2].contains(.beForms) || classes[index - 2].contains(.haveForms))
      let next = tags[index + 1]
      if afterAuxiliary, next == .JJ || next == .VBN || next == .IN || next.isAdverb || next == .VBG {
        tags[index] = .RB
      }
    }
  }

  /// The tag a word gets on its own.
  static func initialTag(_ word: String, lexicon: ParserLexicon = .shared) -> PennTag {
    let bytes = word.utf8
    guard let first = bytes.first else { return .NN }
    if bytes.count == 1 || bytes.allSatisfy({ $0 == UInt8(ascii: ".") }), let tag = punctuationTag(word) {
      return tag
    }
    if let tag = lexicon.closed[word] { return tag }
    if isNumber(bytes) { return .CD }
    if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first), bytes.last == UInt8(ascii: ".") { return .CD }
    let classes = lexicon.classes(word)
    if !classes.isEmpty {
      if classes.contains(.adjective) { return .JJ }
      if classes.contains(.noun) || classes.contains(.nounOrVerb) { return .NN }
      return .VB
    }
    if word.hasSuffix("ing") {
      return .VBG
    }
    if word.hasSuffix("ed") { return .VBN }
    if word.hasSuffix("ly"), bytes.count > 4 { return .RB }
    if word.hasSuffix("s"), bytes.count > 3, !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") {
      let singular = ParserLemmatizer.singular(word, lexicon: lexicon)
      if lexicon.isNoun(singular) { return .NNS }
      let stem = ParserLemmatizer.thirdPersonStem(word)
      if lexicon.classes(stem).contains(.verb) { return .VBZ }
      if lexicon.classes(singular).contains(.adjective) { return .NNS }
      return suffixTag(singular) == .JJ ? .JJ : .NNS
    }
    if let comparative = comparativeTag(word, lexicon: lexicon) { return comparative }
    if let hyphen = word.utf8.lastIndex(of: UInt8(ascii: "-")), hyphen != word.utf8.startIndex {
      let last = String(word[word.utf8.index(after: hyphen)...])
      if last.isEmpty { return .JJ }
      let lastTag = initialTag(last, lexicon: lexicon)
      if lastTag == .JJ || lastTag == .VBN || lastTag == .VBG { return .JJ }
      if lastTag.isNoun { return lastTag }
      return .JJ
    }
    return suffixTag(word)
  }

  static func punctuationTag(_ word: String) -> PennTag? {
    switch word {
    case ",": return .comma
    case ".", "?", "!": return .period
    case ":", ";", "...", "-", "--": return .colon
    case "(", "[", "{": return .leftBracket
    case ")", "]", "}": return .rightBracket
    case "\"": return .openQuote
    case "'": return .closeQuote
    case "/": return .CC
    case "&": return .CC
    case "%": return .NN
    case "#": return .hash
    case "$": return .dollar
    default: return nil
    }
  }

  static func isNumber(_ bytes: String.UTF8View) -> Bool {
    var digits = 0
    for byte in bytes {
      if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
        digits += 1
      } else if byte != UInt8(ascii: ".") && byte != UInt8(ascii: ",") && byte != UInt8(ascii: "/")
        && byte != UInt8(ascii: "-") && byte != UInt8(ascii: ":")
      {
        return false
      }
    }
    return digits > 0 && bytes.last.map { $0 != UInt8(ascii: ".") } ?? false
  }

  /// `larger` → JJR, `largest` → JJS when the base is a known adjective.
  static func comparativeTag(_ word: String, lexicon: ParserLexicon = .shared) -> PennTag? {
    for (suffix, tag) in [("er", PennTag.JJR), ("est", PennTag.JJS)] where word.hasSuffix(suffix) {
      let stem = String(word.dropLast(suffix.utf8.count))
      let candidates = [
        stem, stem + "e", String(stem.dropLast()), stem.hasSuffix("i") ? String(stem.dropLast()) + "y" : "",
      ]
      if candidates.contains(where: { !$0.isEmpty && lexicon.classes($0).contains(.adjective) }) { return tag }
    }
    return nil
  }

  /// The tag suggested by an unknown word's ending.
  static func suffixTag(_ word: String) -> PennTag {
    if word.hasSuffix("ous") || word.hasSuffix("atory") { return .JJ }
    if nounEndings.contains(where: { word.hasSuffix($0) }) { return .NN }
    if adjectiveEndings.contains(where: { word.hasSuffix($0) }) { return .JJ }
    return .NN
  }

  private static let adjectiveEndings = [
    "al", "ous", "ic", "ive", "ar", "ary", "able", "ible", "ful", "less", "oid", "ent", "ant", "ile", "ine",
  ]
  private static let nounEndings = [
    "tion", "sion", "ment", "ness", "ity", "ism", "ure", "ance", "ence", "osis", "itis", "oma", "emia", "ema",
    "age", "ist", "ectomy", "otomy", "ostomy", "plasty", "gram", "graphy", "scopy", "ia", "um", "us", "is",
  ]
}
