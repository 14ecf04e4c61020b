/// Splits one line of a cxrlabel data file into fields.
///
/// Fields are separated by spaces or tabs. A field in double quotes keeps its spaces (`" mediastinum"`), with
/// `\"` and `\\` as escapes. A `#` that starts the line, or stands alone as a word (space or end after it), starts a
/// comment that runs to the end of the line (so `##number##` is a field); the comment text is returned separately
/// so files can carry notes.
struct LineFields: Sendable, Equatable {
  /// The fields, quotes removed.
  var fields: [String]
  /// Whether each field was quoted (a quoted field is always literal text).
  var quoted: [Bool]
  /// The comment after `#`, trimmed, or empty.
  var comment: String

  /// Splits `line`; throws a message and 1-based column on an unterminated quote.
  static func split(_ line: Substring) throws(LineFieldsError) -> LineFields {
    var fields: [String] = []
    var quoted: [Bool] = []
    var current = ""
    var inField = false
    var inQuotes = false
    var escaping = false
    var wasQuoted = false
    var quoteColumn = 0
    var comment = ""
    var column = 0
    var index = line.startIndex
    func finish() {
      if inField {
        fields.append(current)
        quoted.append(wasQuoted)
      }
      current = ""
      inField = false
      wasQuoted = false
    }
    while index < line.endIndex {
      let character = line[index]
      column += 1
      if inQuotes {
        if escaping {
          current.append(character)
          escaping = false
        } else if character == "\\" {
          escaping = true
        } else if character == "\"" {
          inQuotes = false
        } else {
          current.append(character)
        }
      } else if character == "#" && !inField && (fields.isEmpty || Self.isSpaceOrEnd(line, after: index)) {
        comment = String(line[line.index(after: index)...]).trimmingSpaces()
        break
      } else if character == " " || character == "\t" || character == "\r" {
        finish()
      } else if character == "\"" && !inField {
        inField = true
        inQuotes = true
        wasQuoted = true
        quoteColumn = column
      } else {
        inField = true
        current.append(character)
      }
      index = line.index(after: index)
    }
    if inQuotes { throw LineFieldsError(column: quoteColumn, message: "This quote is never closed.") }
    finish()
    return LineFields(fields: fields, quoted: quoted, comment: comment)
  }

  private static func isSpaceOrEnd(_ line: Substring, after index: Substring.Index) -> Bool {
    let next = line.index(after: index)
    return next == line.endIndex || line[next] == " " || line[next] == "\t" || line[next] == "\r"
  }
}

/// A line that could not be split, with the 1-based column of the problem.
struct LineFieldsError: Error {
  var column: Int
  var message: String
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    var view = Substring(self)
    while let first = view.first, first == " " || first == "\t" || first == "\r" { view = view.dropFirst() }
    while let last = view.last, last == " " || last == "\t" || last == "\r" { view = view.dropLast() }
    return String(view)
  }
}

extension String {
  /// The lines of a data file; `\n`, `\r\n` and `\r` all end a line (files edited on any system load alike).
  var universalLines: [Substring] { DataFileLines.lines(of: self).map { Substring($0) } }
}
