/// Splits text into sentences, reproducing the decisions of NLTK's Punkt sentence tokenizer (the version the
/// CheXpert labeler pinned, 3.3) given a `PunktModel` (SPEC 2.3).
///
/// Candidate breaks are the last `.`, `?` or `!` of a run of non-space characters that is followed by
/// punctuation or by whitespace and another token. Each candidate's context (the run plus what follows) is
/// tokenised and annotated in two passes: abbreviations, ellipses and sentence-final periods first, then the
/// collocation, orthographic and initial/number heuristics. Spans are byte ranges, without trailing space.
public struct SentenceSplitter: Sendable {
  /// The language facts.
  public let model: PunktModel

  /// Creates a splitter with a model.
  public init(model: PunktModel) { self.model = model }

  /// The sentence spans of `text`.
  public func split(_ text: [UInt8]) -> [Range<Int>] {
    text.withUnsafeBufferPointer { split($0) }
  }

  /// The sentence spans of `text`.
  public func split(_ text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    realign(text, slices(text))
  }

  // MARK: - Candidate breaks

  private func slices(_ text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var lastBreak = 0
    var position = 0
    let count = text.count
    while position < count {
      let space = PythonText.whitespaceWidth(text, at: position)
      if space > 0 {
        position += space
        continue
      }
      var runEnd = position
      while runEnd < count, PythonText.whitespaceWidth(text, at: runEnd) == 0 { runEnd += 1 }
      // Greedy `\S*[.?!]` then lookahead: the last end character in the run whose lookahead holds.
      var found: (end: Int, afterEnd: Int, nextToken: Int?)? = nil
      var index = runEnd - 1
      while index >= position {
        if Self.isSentenceEnd(text[index]), let after = lookahead(text, after: index + 1) {
          found = (index + 1, after.end, after.nextToken)
          break
        }
        index -= 1
      }
      guard let match = found else {
        position = runEnd
        continue
      }
      if containsSentenceBreak(text, position..<match.afterEnd) {
        result.append(lastBreak..<match.end)
        lastBreak = match.nextToken ?? match.end
      }
      position = match.end
    }
    var end = count
    while end > 0 {
      // Python's rstrip(): trailing whitespace, possibly multi-byte.
      var start = end - 1
      while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 }
      if PythonText.whitespaceWidth(text, at: start) == end - start { end = start } else { break }
    }
    result.append(lastBreak..<max(lastBreak, end))
    return result
  }

  /// Punkt's `after_tok`: one non-word punctuation character, or whitespace and the next run of non-space.
  private func lookahead(_ text: UnsafeBufferPointer<UInt8>, after index: Int) -> (end: Int, nextToken: Int?)? {
    guard index < text.count else { return nil }
    if Self.isNonWordPunctuation(text[index]) { return (index + 1, nil) }
    var cursor = index
    while cursor < text.count {
      let width = PythonText.whitespaceWidth(text, at: cursor)
      if width == 0 { break }
      cursor += width
    }
    guard cursor > index, cursor < text.count else { return nil }
    let tokenStart = cursor
    while cursor < text.count, PythonText.whitespaceWidth(text, at: cursor) == 0 { cursor += 1 }
    return (cursor, tokenStart)
  }

  // MARK: - Realignment

  /// Moves closing quotes and brackets that follow a break into the sentence before it.
  private func realign(_ text: UnsafeBufferPointer<UInt8>, _ slices: [Range<Int>]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var shift = 0
    for (index, slice) in slices.enumerated() {
      let current = (slice.lowerBound + shift)..<max(slice.lowerBound + shift, slice.upperBound)
      guard index + 1 < slices.count else {
        if !current.isEmpty { result.append(current) }
        continue
      }
      let next = slices[index + 1]
      if let closing = closingRun(text, in: next) {
        result.append(current.lowerBound..<(next.lowerBound + closing.kept))
        shift = closing.consumed
      } else {
        shift = 0
        if !current.isEmpty { result.append(current) }
      }
    }
    return result
  }

  /// Punkt's `["')\]}]+?(?:\s+|(?=--)|$)` at the start of `slice`: the closing characters to keep and the
  /// length consumed (with the whitespace after them).
  private func closingRun(_ text: UnsafeBufferPointer<UInt8>, in slice: Range<Int>) -> (kept: Int, consumed: Int)? {
    var cursor = slice.lowerBound
    while cursor < slice.upperBound, Self.isClosing(text[cursor]) {
      cursor += 1
      // Lazy `+?`: stop at the first point where `\s+`, `(?=--)` or `$` (tried in that order) matches.
      let kept = cursor - slice.lowerBound
      var end = cursor
      while end < slice.upperBound {
        let width = PythonText.whitespaceWidth(text, at: end)
        if width == 0 { break }
        end += width
      }
      if end > cursor { return (kept, end - slice.lowerBound) }
      if cursor + 1 < slice.upperBound, text[cursor] == 0x2D, text[cursor + 1] == 0x2D { return (kept, kept) }
      if cursor == slice.upperBound { return (kept, kept) }
    }
    return nil
  }

  // MARK: - Tokens and annotation

  private struct Token {
    var range: Range<Int>
    var sentenceBreak = false
    var abbreviation = false
    var ellipsis = false
  }

  /// Whether the context holds a sentence break that is followed by another token.
  private func containsSentenceBreak(_ text: UnsafeBufferPointer<UInt8>, _ context: Range<Int>) -> Bool {
    var tokens = words(text, context)
    for index in tokens.indices { annotateFirstPass(text, &tokens[index]) }
    guard tokens.count > 1 else { return false }
    for index in 0..<(tokens.count - 1) {
      annotateSecondPass(text, &tokens[index], tokens[index + 1])
      if tokens[index].sentenceBreak { return true }
    }
    return false
  }

  private func annotateFirstPass(_ text: UnsafeBufferPointer<UInt8>, _ token: inout Token) {
    let range = token.range
    if range.count == 1, Self.isSentenceEnd(text[range.lowerBound]) {
      token.sentenceBreak = true
    } else if range.count >= 2, text[range].allSatisfy({ $0 == 0x2E }) {
      token.ellipsis = true
    } else if text[range.upperBound - 1] == 0x2E,
      !(range.count >= 2 && text[range.upperBound - 2] == 0x2E)
    {
      let word = lowercased(text, range.lowerBound..<(range.upperBound - 1))
      let lastPart = word.split(separator: "-", omittingEmptySubsequences: false).last.map(String.init) ?? word
      if model.abbreviations.contains(word) || model.abbreviations.contains(lastPart) {
        token.abbreviation = true
      } else {
        token.sentenceBreak = true
      }
    }
  }

  private func annotateSecondPass(_ text: UnsafeBufferPointer<UInt8>, _ token: inout Token, _ next: Token) {
    let range = token.range
    guard text[range.upperBound - 1] == 0x2E else { return }
    let type = typeWithoutPeriod(text, range)
    let nextType = typeWithoutSentencePeriod(text, next)
    let isInitial = range.count == 2 && PythonText.isLetterOrUnderscore(text, at: range.lowerBound)

    if model.collocations.contains(type + "\t" + nextType) {
      token.sentenceBreak = false
      token.abbreviation = true
      return
    }
    if (token.abbreviation || token.ellipsis) && !isInitial {
      if orthographicHeuristic(text, next) == .yes {
        token.sentenceBreak = true
        return
      }
      if firstIsUpper(text, next.range), model.sentenceStarters.contains(nextType) {
        token.sentenceBreak = true
        return
      }
    }
    if isInitial || type == "##number##" {
      let starts = orthographicHeuristic(text, next)
      if starts == .no {
        token.sentenceBreak = false
        token.abbreviation = true
        return
      }
      if starts == .unknown, isInitial, firstIsUpper(text, next.range),
        (model.orthography[nextType] ?? []).isDisjoint(with: .lower)
      {
        token.sentenceBreak = false
        token.abbreviation = true
      }
    }
  }

  private enum Verdict { case yes, no, unknown }

  /// Punkt's orthographic heuristic: does `token` start a sentence?
  private func orthographicHeuristic(_ text: UnsafeBufferPointer<UInt8>, _ token: Token) -> Verdict {
    // `tok in ';:,.!?'` is a substring test in the original.
    if Self.isSubstringOfPunctuation(text[token.range]) { return .no }
    let ortho = model.orthography[typeWithoutSentencePeriod(text, token)] ?? []
    if firstIsUpper(text, token.range), !ortho.isDisjoint(with: .lower), !ortho.contains(.middleUpper) {
      return .yes
    }
    if firstIsLower(text, token.range), !ortho.isDisjoint(with: .upper) || !ortho.contains(.beginLower) {
      return .no
    }
    return .unknown
  }

  // MARK: - Word tokenizer (Punkt's `_word_tokenize_fmt`)

  private func words(_ text: UnsafeBufferPointer<UInt8>, _ context: Range<Int>) -> [Token] {
    var tokens: [Token] = []
    var index = context.lowerBound
    let end = context.upperBound
    while index < end {
      let space = PythonText.whitespaceWidth(text, at: index)
      if space > 0 {
        index += space
        continue
      }
      if let multi = multiCharacterPunctuation(text, at: index, end: end) {
        tokens.append(Token(range: index..<multi))
        index = multi
        continue
      }
      if Self.isWordStart(text[index]) {
        var cursor = index + 1
        while cursor < end, !endsWord(text, at: cursor, end: end) { cursor += 1 }
        tokens.append(Token(range: index..<cursor))
        index = cursor
        continue
      }
      // `\S`: one character (a whole UTF-8 sequence).
      var cursor = index + 1
      while cursor < end, text[cursor] & 0xC0 == 0x80 { cursor += 1 }
      tokens.append(Token(range: index..<cursor))
      index = cursor
    }
    return tokens
  }

  /// Whether a word that started earlier ends before `index`.
  private func endsWord(_ text: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
    let byte = text[index]
    if PythonText.whitespaceWidth(text, at: index) > 0 || Self.isNonWordPunctuation(byte) { return true }
    if multiCharacterPunctuation(text, at: index, end: end) != nil { return true }
    if byte == 0x2C {
      let next = index + 1
      return next == end || PythonText.whitespaceWidth(text, at: next) > 0
        || Self.isNonWordPunctuation(text[next]) || multiCharacterPunctuation(text, at: next, end: end) != nil
    }
    return false
  }

  /// `--+`, `..+` or `. . .` (period and one whitespace, twice or more, then a period) at `index`: its end.
  private func multiCharacterPunctuation(_ text: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int? {
    let byte = text[index]
    guard byte == 0x2D || byte == 0x2E, index + 1 < end else { return nil }
    if text[index + 1] == byte {
      var cursor = index + 2
      while cursor < end, text[cursor] == byte { cursor += 1 }
      return cursor
    }
    guard byte == 0x2E else { return nil }
    var cursor = index
    var pairs = 0
    while cursor + 1 < end, text[cursor] == 0x2E, Self.isSingleSpace(text[cursor + 1]) {
      cursor += 2
      pairs += 1
    }
    // Backtrack until a period follows the pairs.
    while pairs >= 2 {
      if cursor < end, text[cursor] == 0x2E { return cursor + 1 }
      cursor -= 2
      pairs -= 1
    }
    return nil
  }

  // MARK: - Token types

  private func lowercased(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    let slice = UnsafeBufferPointer(rebasing: text[range])
    if slice.allSatisfy({ $0 < 0x80 }) {
      return String(unsafeUninitializedCapacity: slice.count) { buffer in
        for (index, byte) in slice.enumerated() {
          buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        return slice.count
      }
    }
    return String(decoding: slice, as: UTF8.self).lowercased()
  }

  /// Punkt's token type: the lowercased token, or `##number##` for numbers.
  private func type(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    Self.isNumeric(text, range) ? "##number##" : lowercased(text, range)
  }

  private func typeWithoutPeriod(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    let full = type(text, range)
    if full.utf8.count > 1, full.utf8.last == 0x2E { return String(full.dropLast()) }
    return full
  }

  private func typeWithoutSentencePeriod(_ text: UnsafeBufferPointer<UInt8>, _ token: Token) -> String {
    token.sentenceBreak ? typeWithoutPeriod(text, token.range) : type(text, token.range)
  }

  /// `^-?[\.,]?\d[\d,\.-]*\.?$`
  static func isNumeric(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var index = range.lowerBound
    if index < range.upperBound, text[index] == 0x2D { index += 1 }
    if index < range.upperBound, text[index] == 0x2E || text[index] == 0x2C { index += 1 }
    guard index < range.upperBound, PythonText.isDigit(text[index]) else { return false }
    index += 1
    while index < range.upperBound {
      let byte = text[index]
      guard PythonText.isDigit(byte) || byte == 0x2C || byte == 0x2E || byte == 0x2D else { return false }
      index += 1
    }
    return true
  }

  private func firstIsUpper(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    let byte = text[range.lowerBound]
    if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A }
    return PythonText.scalar(text, at: range.lowerBound).properties.isUppercase
  }

  private func firstIsLower(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    let byte = text[range.lowerBound]
    if byte < 0x80 { return byte >= 0x61 && byte <= 0x7A }
    return PythonText.scalar(text, at: range.lowerBound).properties.isLowercase
  }

  // MARK: - Character classes

  static func isSentenceEnd(_ byte: UInt8) -> Bool { byte == 0x2E || byte == 0x3F || byte == 0x21 }

  /// `[?!)";}\]*:@'({[]`
  static func isNonWordPunctuation(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x3F, 0x21, 0x29, 0x22, 0x3B, 0x7D, 0x5D, 0x2A, 0x3A, 0x40, 0x27, 0x28, 0x7B, 0x5B: return true
    default: return false
    }
  }

  /// A word may not start with `(`, `"`, `` ` ``, `{`, `[`, `:`, `;`, `&`, `#`, `*`, `@`, `)`, `}`, `]`, `-`, `,`.
  static func isWordStart(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x28, 0x22, 0x60, 0x7B, 0x5B, 0x3A, 0x3B, 0x26, 0x23, 0x2A, 0x40, 0x29, 0x7D, 0x5D, 0x2D, 0x2C:
      return false
    default: return true
    }
  }

  static func isClosing(_ byte: UInt8) -> Bool {
    byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x5D || byte == 0x7D
  }

  /// One ASCII whitespace character other than a line break (lines are tokenised separately).
  static func isSingleSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x0D
  }

  /// Whether the token is a substring of `;:,.!?`.
  static func isSubstringOfPunctuation(_ token: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    let punctuation = punctuationRun
    guard !token.isEmpty, token.count <= punctuation.count else { return false }
    for start in 0...(punctuation.count - token.count)
    where punctuation[start..<(start + token.count)].elementsEqual(token) {
      return true
    }
    return false
  }

  private static let punctuationRun: [UInt8] = Array(";:,.!?".utf8)
}
