/// Punkt's word tokenizer, token types and character classes, for `SentenceSplitter`'s annotation passes.
extension SentenceSplitter {
  // MARK: - Word tokenizer (Punkt's `_word_tokenize_fmt`)

  /// The tokens of `context`, split as Punkt's word tokenizer splits them.
  func words(_ text: UnsafeBufferPointer<UInt8>, _ context: Range<Int>) -> [Token] {
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
  func endsWord(_ text: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
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
  func multiCharacterPunctuation(_ text: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int? {
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

  /// The bytes of `range`, lowercased (ASCII fast path; Unicode lowercasing otherwise).
  func lowercased(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
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
  func type(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    Self.isNumeric(text, range) ? "##number##" : lowercased(text, range)
  }

  /// The token's type with one final period removed.
  func typeWithoutPeriod(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    let full = type(text, range)
    if full.utf8.count > 1, full.utf8.last == 0x2E { return String(full.dropLast()) }
    return full
  }

  /// The token's type, without its final period when that period ends a sentence.
  func typeWithoutSentencePeriod(_ text: UnsafeBufferPointer<UInt8>, _ token: Token) -> String {
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

  /// Whether the first character of `range` is uppercase.
  func firstIsUpper(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    let byte = text[range.lowerBound]
    if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A }
    return PythonText.scalar(text, at: range.lowerBound).properties.isUppercase
  }

  /// Whether the first character of `range` is lowercase.
  func firstIsLower(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    let byte = text[range.lowerBound]
    if byte < 0x80 { return byte >= 0x61 && byte <= 0x7A }
    return PythonText.scalar(text, at: range.lowerBound).properties.isLowercase
  }

  // MARK: - Character classes

  /// `.`, `?` or `!`.
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

  /// A closing quote or bracket that may follow a sentence end.
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
