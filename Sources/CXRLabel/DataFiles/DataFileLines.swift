/// The lines of one of cxrlabel's data files (vocabulary, rules, sentence facts, section rules, parser lexicon,
/// regular-expression rules), each able to say where it is and to report a problem there. Every loader reads its
/// file through this one reader, so every loader's errors name the file, the 1-based line (and column) and what to
/// read, the same way.
struct DataFileLines: Sequence {
  private let lines: [Substring]
  private let file: String
  private let code: CXRLabelError.Code
  private let hint: String

  /// The lines of `text`, read from `file`; a problem on a line is a `code` error with `hint`. `\n`, `\r\n` and
  /// `\r` all end a line (files edited on any system load alike).
  init(_ text: String, file: String, code: CXRLabelError.Code, hint: String) {
    lines = text.universalLines
    self.file = file
    self.code = code
    self.hint = hint
  }

  /// The lines of a text as Python's universal-newline reading gives them (`\n`, `\r\n` or `\r` end a line).
  static func lines(of text: String) -> [String] {
    var lines: [String] = []
    var current = String.UnicodeScalarView()
    var afterCR = false
    for scalar in text.unicodeScalars {
      if afterCR && scalar == "\n" {
        afterCR = false
        continue
      }
      afterCR = scalar == "\r"
      if scalar == "\n" || scalar == "\r" {
        lines.append(String(current))
        current = String.UnicodeScalarView()
      } else {
        current.append(scalar)
      }
    }
    if !current.isEmpty { lines.append(String(current)) }
    return lines
  }

  /// The place just after the last line (for a problem only the end of the file shows: a missing section).
  var end: CXRLabelError.Location { CXRLabelError.Location(file: file, line: Swift.max(1, lines.count)) }

  func makeIterator() -> Iterator { Iterator(lines: self, index: 0) }

  /// Walks the lines in order.
  struct Iterator: IteratorProtocol {
    let lines: DataFileLines
    var index: Int

    mutating func next() -> DataFileLine? {
      guard index < lines.lines.count else { return nil }
      defer { index += 1 }
      return DataFileLine(
        text: lines.lines[index], number: index + 1,
        location: CXRLabelError.Location(file: lines.file, line: index + 1), code: lines.code, hint: lines.hint)
    }
  }
}

/// One line of a data file: its text, its place, and the one way its loader reports a problem on it.
struct DataFileLine {
  /// The line, without its line break.
  let text: Substring
  /// Its 1-based line number.
  let number: Int
  /// Its file and 1-based line.
  let location: CXRLabelError.Location
  fileprivate let code: CXRLabelError.Code
  fileprivate let hint: String

  /// An error on this line (at `column`, 1-based, when given), with the file's hint.
  func error(_ why: String, column: Int? = nil) -> CXRLabelError {
    var at = location
    at.column = column
    return CXRLabelError(code, why, at: at, hint: hint)
  }

  /// The line split into fields (``LineFields``); an unterminated quote is an error at its column.
  func fields() throws(CXRLabelError) -> LineFields {
    do { return try LineFields.split(text) } catch { throw self.error(error.message, column: error.column) }
  }
}
