/// cxrlabel's rule notation: a readable way to write dependency-graph rules, lowered to the pattern language
/// of NegBio (a Semgrex subset) that the rule engine runs.
///
/// A rule file has phase sections and one rule per line, `ID PATTERN # what it catches`:
///
///     [negation]
///     neg001  (. -*-> lemma(definite)) -neg-> .    # "no definite X"
///
/// Patterns are written from the mention's word (the leftmost node):
///
/// | notation | meaning |
/// | --- | --- |
/// | `.` | any word |
/// | `lemma(a\|b*)`, `word(…)`, `tag(N*)` | a word whose lemma (word, tag) is `a`, or starts with `b`; `&` joins tests |
/// | `…=key` | names the word `key` (a negation match through a `key` that is itself negated does not count) |
/// | `-rel-> T` | has a dependent T over relation `rel` (`*`: any relation; alternatives as above) |
/// | `<-rel- T` | is the dependent of T over `rel` |
/// | `( … )` | a group: relations after a bare target constrain the group's first word, so nest to chain |
///
/// Alternatives match the whole lemma or relation; a trailing `*` makes one match any that starts with it, and
/// `.` inside one matches any character.
enum RuleNotation {
  /// One rule read from a file.
  struct Rule: Sendable, Hashable {
    /// The phase section it is in (`pre-negation-uncertainty`, `negation`, `post-negation-uncertainty`, …).
    var phase: String
    /// Its stable id.
    var id: String
    /// The pattern as written.
    var notation: String
    /// The pattern in the engine's language.
    var lowered: String
    /// The comment after `#`.
    var comment: String
    /// Where it is.
    var location: CXRLabelError.Location
  }

  /// Reads a rule file; errors name the file, line and column.
  static func parseFile(_ text: String, file: String) throws(CXRLabelError) -> [Rule] {
    var rules: [Rule] = []
    var phase: String? = nil
    var ids: Set<String> = []
    for entry in DataFileLines(
      text, file: file, code: .invalidRules, hint: "See Phrases/README.md for the rule notation.")
    {
      let rawLine = entry.text
      let location = entry.location
      var line = Substring(rawLine)
      var comment = ""
      if let hash = line.firstIndex(of: "#") {
        comment = String(line[line.index(after: hash)...]).trimmingSpaces()
        line = line[..<hash]
      }
      let trimmed = String(line).trimmingSpaces()
      if trimmed.isEmpty { continue }
      if trimmed.hasPrefix("[") {
        guard trimmed.hasSuffix("]"), trimmed.count > 2 else { throw entry.error("A section is `[phase-name]`.") }
        phase = String(trimmed.dropFirst().dropLast())
        continue
      }
      guard let phase else { throw entry.error("A rule must follow a `[phase]` section header.") }
      let leading = line.prefix { $0 == " " || $0 == "\t" }.count
      let idText = trimmed.prefix { $0 != " " && $0 != "\t" }
      let pattern = String(trimmed.dropFirst(idText.count)).trimmingSpaces()
      guard !pattern.isEmpty else { throw entry.error("Expected `ID PATTERN`; the pattern is missing.") }
      let id = String(idText)
      guard ids.insert(id).inserted else { throw entry.error("The rule id \(id) is used twice; ids must be unique.") }
      let patternColumn = leading + (trimmed.count - pattern.count) + 1
      do {
        let lowered = try lower(pattern)
        rules.append(
          Rule(phase: phase, id: id, notation: pattern, lowered: lowered, comment: comment, location: location))
      } catch {
        throw entry.error(error.message, column: patternColumn + error.offset)
      }
    }
    return rules
  }

  /// A pattern error with the 0-based character offset in the pattern.
  struct NotationError: Error {
    var offset: Int
    var message: String
  }

  /// Lowers one pattern to the engine's language.
  static func lower(_ pattern: String) throws(NotationError) -> String {
    var parser = Parser(characters: Array(pattern))
    let lowered = try parser.group()
    parser.skipSpaces()
    guard parser.position == parser.characters.count else {
      throw parser.error("Unexpected text; a relation is `-rel-> target` or `<-rel- target`.")
    }
    return lowered
  }

  private struct Parser {
    let characters: [Character]
    var position = 0

    func error(_ message: String) -> NotationError { NotationError(offset: position, message: message) }

    mutating func skipSpaces() {
      while position < characters.count, characters[position] == " " || characters[position] == "\t" { position += 1 }
    }

    func peek(_ text: String) -> Bool {
      let needle = Array(text)
      guard position + needle.count <= characters.count else { return false }
      return Array(characters[position..<(position + needle.count)]) == needle
    }

    mutating func expect(_ text: String) throws(NotationError) {
      guard peek(text) else { throw error("Expected `\(text)`.") }
      position += text.count
    }

    /// group := term relation*
    mutating func group() throws(NotationError) -> String {
      skipSpaces()
      var result = try term()
      while true {
        skipSpaces()
        if peek("<-") {
          position += 2
          let edge = try edgeTest()
          try expect("-")
          skipSpaces()
          result += " < \(edge) " + (try term())
        } else if peek("-") {
          position += 1
          let edge = try edgeTest()
          try expect("->")
          skipSpaces()
          result += " > \(edge) " + (try term())
        } else {
          return result
        }
      }
    }

    /// term := '(' group ')' | node
    mutating func term() throws(NotationError) -> String {
      if peek("(") {
        position += 1
        let inner = try group()
        skipSpaces()
        try expect(")")
        return "(" + inner + ")"
      }
      return try node()
    }

    /// node := '.' | test ('&' test)*, then optional '=name'
    mutating func node() throws(NotationError) -> String {
      var tests: [String] = []
      if peek(".") {
        position += 1
      } else {
        repeat {
          if !tests.isEmpty { position += 1 }
          let start = position
          while position < characters.count, characters[position].isLetter { position += 1 }
          let attribute = String(characters[start..<position])
          guard ["lemma", "word", "tag"].contains(attribute) else {
            position = start
            throw error("Expected a word: `.`, `lemma(…)`, `word(…)` or `tag(…)`, or a `(` group.")
          }
          try expect("(")
          let alternatives = try self.alternatives(allowHyphen: true)
          try expect(")")
          tests.append("\(attribute == "word" ? "text" : attribute):/\(alternatives)/")
        } while peek("&")
      }
      var name = ""
      if peek("=") {
        position += 1
        let start = position
        while position < characters.count, characters[position].isLetter || characters[position].isNumber {
          position += 1
        }
        guard position > start else { throw error("Expected a name after `=`.") }
        name = "=" + String(characters[start..<position])
      }
      return "{" + tests.joined(separator: ",") + "}" + name
    }

    /// edge := '*' | alternatives
    mutating func edgeTest() throws(NotationError) -> String {
      if peek("*") {
        position += 1
        return "{}"
      }
      return "{dependency:/\(try alternatives(allowHyphen: false))/}"
    }

    /// alternatives := alt ('|' alt)*, lowered to a fully anchored regex.
    mutating func alternatives(allowHyphen: Bool) throws(NotationError) -> String {
      var parts: [String] = []
      repeat {
        if !parts.isEmpty { position += 1 }
        var part = ""
        let start = position
        while position < characters.count {
          let character = characters[position]
          if character.isLetter || character.isNumber || character == ":" || character == "_"
            || (allowHyphen && character == "-")
          {
            part.append(character)
          } else if character == "." {
            part.append(".")
          } else {
            break
          }
          position += 1
        }
        guard position > start else { throw error("Expected a name (letters, digits, `:`, `_`).") }
        if peek("*") {
          position += 1
          part += ".*"
        }
        parts.append(part.replacingHyphens())
      } while peek("|")
      return "^(?:" + parts.joined(separator: "|") + ")$"
    }
  }
}

extension String {
  /// The text with `-` escaped for a regular expression.
  fileprivate func replacingHyphens() -> String {
    var result = ""
    for character in self { result += character == "-" ? "\\-" : String(character) }
    return result
  }
}
