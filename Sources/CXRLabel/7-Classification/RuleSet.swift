internal import Foundation

/// One rule: a pattern with a stable id and where it came from.
public struct Rule: Sendable {
  /// A stable id: `file:line` for the original `.txt` files (e.g. `negation.txt:154`), `file#id` for YAML items.
  public var id: String
  /// Where the pattern is written.
  public var location: CXRLabelError.Location
  /// The compiled pattern.
  public var pattern: NgrexPattern
  /// The comment that goes with the rule, if any (the `#` lines just above it, or the YAML `comment`).
  public var comment: String?

  /// Creates a rule.
  public init(id: String, location: CXRLabelError.Location, pattern: NgrexPattern, comment: String? = nil) {
    self.id = id
    self.location = location
    self.pattern = pattern
    self.comment = comment
  }
}

/// An ordered list of rules, tried in order (only whether some rule matches changes a label; which one is
/// recorded for explanations).
public struct RuleSet: Sendable {
  /// A name for messages (usually the file name).
  public let name: String
  /// The rules, in file order.
  public let rules: [Rule]
  let program: RuleProgram

  /// Creates a rule set from rules.
  public init(name: String, rules: [Rule]) {
    self.name = name
    self.rules = rules
    program = RuleProgram(patterns: rules.map(\.pattern.parts))
  }

  /// Parses the original `.txt` form: one pattern per line, surrounding whitespace stripped; empty lines and
  /// lines starting with `#` are skipped. Ids are `<file name>:<line>`; a rule's comment is the block of `#` lines
  /// above it (a blank line ends a block). Errors name the file, line and column.
  public static func parseText(_ text: String, file: String) throws(CXRLabelError) -> RuleSet {
    let fileName = baseName(file)
    var rules: [Rule] = []
    var comment: [String] = []
    var commentBlockEnded = false
    let lines = DataFileLines(
      text, file: file, code: .invalidRules, hint: "Each line of an original rule file is one Semgrex pattern.")
    for entry in lines {
      let line = String(entry.text)
      let leading = line.unicodeScalars.prefix { $0.properties.isWhitespace }.count
      let stripped = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if stripped.isEmpty {
        comment = []
        continue
      }
      if stripped.hasPrefix("#") {
        if commentBlockEnded { comment = [] }
        commentBlockEnded = false
        comment.append(String(stripped.dropFirst()).trimmingCharacters(in: .whitespaces))
        continue
      }
      commentBlockEnded = true
      let location = CXRLabelError.Location(file: file, line: entry.number, column: leading + 1)
      let pattern = try NgrexPattern(stripped, location: location)
      rules.append(
        Rule(
          id: "\(fileName):\(entry.number)", location: location, pattern: pattern,
          comment: comment.isEmpty ? nil : comment.joined(separator: "; ")))
    }
    return RuleSet(name: fileName, rules: rules)
  }

  /// Parses the NegBio-MIMIC `.yml` form (a list of `{id, pattern, comment}` items). Ids are `<file name>#<id>`.
  public static func parseYAML(_ text: String, file: String) throws(CXRLabelError) -> RuleSet {
    let fileName = baseName(file)
    var rules: [Rule] = []
    for item in try RuleFileYAML.parse(text, file: file) {
      let pattern = try NgrexPattern(item.pattern, location: item.location)
      rules.append(Rule(id: "\(fileName)#\(item.id)", location: item.location, pattern: pattern, comment: item.comment))
    }
    return RuleSet(name: fileName, rules: rules)
  }

  /// Reads the items of a YAML rule file without compiling them (for the regex rule files of NegBio-MIMIC).
  public static func yamlItems(_ text: String, file: String) throws(CXRLabelError) -> [RuleFileItem] {
    try RuleFileYAML.parse(text, file: file)
  }

  /// Loads a rule file: `.yml`/`.yaml` as YAML, anything else as the `.txt` form.
  public static func load(path: String) throws(CXRLabelError) -> RuleSet {
    guard let data = FileManager.default.contents(atPath: path) else {
      let cause = FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "there is no such file"
      throw CXRLabelError(
        .unreadable, "The rule file cannot be read: \(cause).", at: .init(file: path),
        hint: "Check the path; rule files are UTF-8 text (.txt notation, or NegBio's .yml).")
    }
    let text = try LabelerSettings.utf8Text(Array(data), path: path)
    if FileEnding.yaml.matches(path) { return try parseYAML(text, file: path) }
    return try parseText(text, file: path)
  }

  /// The index of the first rule that matches with its head at `head`, or nil. With `vetoNegatedKey` (the
  /// negation phase), a match whose `key` node has an outgoing `neg` edge does not count.
  public func firstMatch(
    in graph: DependencyGraph, head: Int, workspace: RuleWorkspace, vetoNegatedKey: Bool = false
  ) -> Int? {
    guard graph.tokens.indices.contains(head) else { return nil }
    workspace.prepare(graph, for: program.table)
    let matcher = PatternMatcher(program: program, graph: graph, workspace: workspace, vetoNegatedKey: vetoNegatedKey)
    return rules.indices.first { matcher.matches(pattern: $0, head: head) }
  }

  private static func baseName(_ path: String) -> String {
    path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
  }
}
