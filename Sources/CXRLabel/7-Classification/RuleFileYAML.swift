/// One item of a NegBio-MIMIC YAML rule file (`- id: 3` / `  pattern: '…'` / `  comment: …`).
public struct RuleFileItem: Sendable, Hashable {
  /// The item's `id` as written (NegBio records it with each mark), or its 0-based position when absent.
  public var id: String
  /// The `pattern` value: an ngrex pattern, or a regular expression in the regex rule files.
  public var pattern: String
  /// The `comment` value, if any.
  public var comment: String?
  /// Where the pattern value starts.
  public var location: CXRLabelError.Location
}

/// Reads the subset of YAML that NegBio-MIMIC's rule files use: a top-level list of flat mappings whose values
/// are plain, single-quoted or double-quoted scalars, possibly folded over several more-indented lines, with
/// `#` comments. Anything else is an `invalidRules` error naming the line.
enum RuleFileYAML {
  private struct Field {
    var key: String
    var value: String
    var line: Int
    var column: Int
  }

  /// A scalar that continues on following lines.
  private enum Open {
    case plain
    case quoted(Unicode.Scalar)
  }

  static func parse(_ text: String, file: String) throws(CXRLabelError) -> [RuleFileItem] {
    var items: [[Field]] = []
    var keyIndent = -1
    var open: Open? = nil
    /// The line a quoted value that is still open began on.
    var quoteLine = 0
    var pendingBreaks = 0
    let lines = DataFileLines(
      text, file: file, code: .invalidRules,
      hint: "NegBio rule files are a YAML list of `- id: N` items with `pattern:` and `comment:` values.")
    for entry in lines {
      let rawLine = String(entry.text)
      let lineNumber = entry.number
      func bad(_ why: String) -> CXRLabelError { entry.error(why) }
      let scalars = Array(rawLine.unicodeScalars)
      let indent = scalars.prefix { $0 == " " }.count
      let body = scalars[indent...]
      let isBlank = body.allSatisfy { $0 == " " || $0 == "\t" }

      // Continuation of a scalar begun on an earlier line.
      if let state = open {
        if isBlank {
          pendingBreaks += 1
          continue
        }
        let continues: Bool
        switch state {
        case .quoted: continues = true
        case .plain: continues = indent > keyIndent && body.first != "#"
        }
        if continues {
          guard !items.isEmpty, var field = items[items.count - 1].popLast() else {
            throw bad("Unexpected continuation line.")
          }
          let folded = pendingBreaks == 0 ? " " : String(repeating: "\n", count: pendingBreaks)
          pendingBreaks = 0
          let content = String(String.UnicodeScalarView(body.drop { $0 == " " || $0 == "\t" }))
          switch state {
          case .plain:
            field.value = trimTrailing(field.value) + folded + (try plainValue(content, bad: bad))
          case .quoted(let quote):
            let piece: String
            let closed: Bool
            do { (piece, closed) = try quotedValue(content, quote: quote, bad: bad) } catch {
              throw bad(error.message + " Is the quote opened on line \(quoteLine) missing its closing \(quote)?")
            }
            field.value = trimTrailing(field.value) + folded + piece
            if closed { open = nil }
          }
          items[items.count - 1].append(field)
          continue
        }
        if case .quoted = state { throw bad("A quoted value is never closed.") }
        open = nil
        pendingBreaks = 0
      }
      if isBlank || body.first == "#" { continue }
      if rawLine == "---" { continue }

      var entry = body
      var entryIndent = indent
      if body.first == "-" && (body.count == 1 || body.dropFirst().first == " ") {
        guard indent == 0 else { throw bad("Only a top-level list is supported.") }
        items.append([])
        entry = body.dropFirst().drop { $0 == " " }
        entryIndent = indent + (body.count - entry.count)
        keyIndent = entryIndent
        if entry.isEmpty { continue }
      } else {
        guard !items.isEmpty, indent == keyIndent else {
          throw bad("Expected `- key: value` or `  key: value` at the item's indentation.")
        }
      }
      guard let colon = entry.firstIndex(of: ":"),
        entry.index(after: colon) == entry.endIndex || entry[entry.index(after: colon)] == " "
      else { throw bad("Expected `key: value`.") }
      let key = String(String.UnicodeScalarView(entry[..<colon]))
      let rawValue = entry[entry.index(after: colon)...].drop { $0 == " " }
      let column = entryIndent + (entry.count - rawValue.count) + 1
      var field = Field(key: key, value: "", line: lineNumber, column: column)
      let valueText = String(String.UnicodeScalarView(rawValue))
      if let quote = rawValue.first, quote == "'" || quote == "\"" {
        let (piece, closed) = try quotedValue(String(valueText.unicodeScalars.dropFirst()), quote: quote, bad: bad)
        field.value = piece
        field.column += 1
        if !closed {
          open = .quoted(quote)
          quoteLine = lineNumber
        }
      } else {
        field.value = try plainValue(valueText, bad: bad)
        open = .plain
      }
      items[items.count - 1].append(field)
    }
    if case .quoted(let quote) = open {
      throw CXRLabelError(
        .invalidRules, "This quoted value is never closed.", at: .init(file: file, line: quoteLine),
        hint: "Add the closing \(quote) at the end of the value.")
    }
    var result: [RuleFileItem] = []
    for (position, fields) in items.enumerated() {
      guard let pattern = fields.last(where: { $0.key == "pattern" }) else {
        let line = fields.first?.line
        throw CXRLabelError(.invalidRules, "This rule has no `pattern`.", at: .init(file: file, line: line))
      }
      let id = fields.last { $0.key == "id" }?.value ?? String(position)
      let comment = fields.last { $0.key == "comment" }?.value
      result.append(
        RuleFileItem(
          id: id, pattern: pattern.value, comment: comment,
          location: .init(file: file, line: pattern.line, column: pattern.column)))
    }
    return result
  }

  private static func trimTrailing(_ text: String) -> String {
    var scalars = Substring(text).unicodeScalars
    while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
    return String(scalars)
  }

  /// A plain scalar's text on one line: up to a ` #` comment, trailing blanks removed.
  private static func plainValue(_ text: String, bad: (String) -> CXRLabelError) throws(CXRLabelError) -> String {
    var result = String.UnicodeScalarView()
    var previous: Unicode.Scalar = " "
    var iterator = text.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      if scalar == "#" && (previous == " " || previous == "\t") { break }
      if previous == ":" && scalar == " " { throw bad("A plain value cannot contain `: `; quote it.") }
      result.append(scalar)
      previous = scalar
    }
    if result.last == ":" { throw bad("A plain value cannot end with `:`; quote it.") }
    return trimTrailing(String(result))
  }

  /// A quoted scalar's text from just after the opening quote (or from a continuation line): returns the text
  /// and whether the closing quote was found (then only blanks or a comment may follow).
  private static func quotedValue(_ text: String, quote: Unicode.Scalar, bad: (String) -> CXRLabelError)
    throws(CXRLabelError) -> (String, Bool)
  {
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if quote == "'" && scalar == "'" {
        if index + 1 < scalars.count && scalars[index + 1] == "'" {
          result.append("'")
          index += 2
          continue
        }
        return (String(result), try closeRest(scalars[(index + 1)...], bad: bad))
      }
      if quote == "\"" && scalar == "\"" {
        return (String(result), try closeRest(scalars[(index + 1)...], bad: bad))
      }
      if quote == "\"" && scalar == "\\" && index + 1 < scalars.count {
        let escaped = scalars[index + 1]
        switch escaped {
        case "n": result.append("\n")
        case "t": result.append("\t")
        case "\\", "\"", "/", " ": result.append(escaped)
        default: throw bad("Unsupported escape `\\\(escaped)` in a double-quoted value.")
        }
        index += 2
        continue
      }
      result.append(scalar)
      index += 1
    }
    return (String(result), false)
  }

  private static func closeRest(_ rest: ArraySlice<Unicode.Scalar>, bad: (String) -> CXRLabelError)
    throws(CXRLabelError) -> Bool
  {
    let trimmed = rest.drop { $0 == " " || $0 == "\t" }
    guard trimmed.isEmpty || (trimmed.first == "#" && trimmed.count < rest.count) else {
      throw bad("Unexpected text after a quoted value.")
    }
    return true
  }
}
