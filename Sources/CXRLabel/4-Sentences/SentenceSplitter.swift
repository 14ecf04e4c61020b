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
  /// The model's collocations by first word type, so a lookup needs no joined key.
  private let collocationsByFirstType: [String: Set<String>]

  /// Creates a splitter with a model.
  public init(model: PunktModel) {
    self.model = model
    var byFirst: [String: Set<String>] = [:]
    for pair in model.collocations {
      guard let tab = pair.firstIndex(of: "\t") else { continue }
      byFirst[String(pair[..<tab]), default: []].insert(String(pair[pair.index(after: tab)...]))
    }
    collocationsByFirstType = byFirst
  }

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

  struct Token {
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

    if collocationsByFirstType[type]?.contains(nextType) == true {
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
}
