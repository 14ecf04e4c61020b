/// Penn-Treebank-style tokenizer working on bytes, close to the BLLIP parser's own tokenizer on cleaned text.
///
/// Splits off `, ; : ( ) [ ] { } " ? !`, a sentence-final `.`, and the clitics `'s`, `n't` and a trailing `'`;
/// keeps hyphenated words and list numbers such as `1.` whole.
enum ParserTokenizer {
  @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
  }

  /// Bytes that always form a token of their own.
  @inline(__always) static func isSplitPunct(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"),
      UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\""),
      UInt8(ascii: "?"), UInt8(ascii: "!"):
      return true
    default:
      return false
    }
  }

  /// Token byte ranges (offsets into `text`) for the sentence at `sentence`.
  static func tokenize(_ text: UnsafeBufferPointer<UInt8>, sentence: Range<Int>) -> [Range<Int>] {
    var runs: [Range<Int>] = []
    var index = sentence.lowerBound
    let end = min(sentence.upperBound, text.count)
    while index < end {
      let byte = text[index]
      if isSpace(byte) {
        index += 1
      } else if isSplitPunct(byte) {
        runs.append(index..<(index + 1))
        index += 1
      } else {
        let start = index
        while index < end, !isSpace(text[index]), !isSplitPunct(text[index]) { index += 1 }
        runs.append(start..<index)
      }
    }
    var tokens: [Range<Int>] = []
    tokens.reserveCapacity(runs.count + 4)
    // The last run that is a word (not split punctuation) carries the sentence-final period.
    var lastWord = runs.count - 1
    while lastWord >= 0, runs[lastWord].count == 1, isSplitPunct(text[runs[lastWord].lowerBound]) { lastWord -= 1 }
    for (position, run) in runs.enumerated() {
      var run = run
      var tail: [Range<Int>] = []
      if position == lastWord, run.count > 1, text[run.upperBound - 1] == UInt8(ascii: ".") {
        // "..." stays one token; otherwise the final period is split off.
        var dots = 0
        var probe = run.upperBound - 1
        while probe >= run.lowerBound, text[probe] == UInt8(ascii: ".") {
          dots += 1
          probe -= 1
        }
        if dots == run.count {
          // A run of only periods stays as it is.
        } else if dots >= 3 {
          tail.append((run.upperBound - dots)..<run.upperBound)
          run = run.lowerBound..<(run.upperBound - dots)
        } else {
          tail.append((run.upperBound - 1)..<run.upperBound)
          run = run.lowerBound..<(run.upperBound - 1)
        }
      }
      splitClitics(text, run, into: &tokens)
      tokens.append(contentsOf: tail)
    }
    return tokens
  }

  /// Splits `'s`, `n't` and a final `'` off a word.
  static func splitClitics(_ text: UnsafeBufferPointer<UInt8>, _ run: Range<Int>, into tokens: inout [Range<Int>]) {
    let count = run.count
    let last = run.upperBound
    let apostrophe = UInt8(ascii: "'")
    if count > 3, text[last - 3] == UInt8(ascii: "n"), text[last - 2] == apostrophe, text[last - 1] == UInt8(ascii: "t")
    {
      tokens.append(run.lowerBound..<(last - 3))
      tokens.append((last - 3)..<last)
    } else if count > 2, text[last - 2] == apostrophe, text[last - 1] == UInt8(ascii: "s") {
      tokens.append(run.lowerBound..<(last - 2))
      tokens.append((last - 2)..<last)
    } else if count > 1, text[last - 1] == apostrophe {
      tokens.append(run.lowerBound..<(last - 1))
      tokens.append((last - 1)..<last)
    } else {
      tokens.append(run)
    }
  }
}
