/// NegBio-MIMIC's regular-expression rules, tried on a sentence before its graph: the mention's characters are
/// replaced by `$X$`, runs of spaces collapsed, and the negation patterns, then the uncertainty patterns, are
/// searched case-insensitively in order (SPEC 4.3 step 7.1).
public struct RegexRules: Sendable {
  /// One pattern.
  public struct Rule: Sendable {
    /// Its stable id.
    public var id: String
    /// Where it is defined.
    public var location: CXRLabelError.Location
    /// The regular expression as written.
    public var source: String
    /// A note on what it catches.
    public var comment: String?
    let compiled: PCRE2Pattern
  }

  /// Negation patterns, in order.
  public var negation: [Rule]
  /// Uncertainty patterns, in order.
  public var uncertainty: [Rule]

  /// Compiles rules from (id, location, pattern, comment) items.
  public init(
    negation: [(id: String, location: CXRLabelError.Location, pattern: String, comment: String?)],
    uncertainty: [(id: String, location: CXRLabelError.Location, pattern: String, comment: String?)]
  ) throws(CXRLabelError) {
    func compile(_ items: [(id: String, location: CXRLabelError.Location, pattern: String, comment: String?)])
      throws(CXRLabelError) -> [Rule]
    {
      var rules: [Rule] = []
      for item in items {
        do {
          rules.append(
            Rule(
              id: item.id, location: item.location, source: item.pattern, comment: item.comment,
              compiled: try PCRE2Pattern(item.pattern, options: [.caseless, .utf])))
        } catch {
          throw CXRLabelError(.invalidRules, error.message, at: item.location)
        }
      }
      return rules
    }
    self.negation = try compile(negation)
    self.uncertainty = try compile(uncertainty)
  }

  /// NegBio's two YAML files (`neg_regex_patterns.yml`, `uncertainty_regex_patterns.yml`), loaded unchanged.
  public static func loadNegBio(negation: String, uncertainty: String) throws(CXRLabelError) -> RegexRules {
    func items(_ path: String) throws(CXRLabelError)
      -> [(id: String, location: CXRLabelError.Location, pattern: String, comment: String?)]
    {
      let name = path.split(separator: "/").last.map(String.init) ?? path
      return try RuleSet.yamlItems(try LabelerSettings.readText(path), file: path).map {
        (id: "\(name)#\($0.id)", location: $0.location, pattern: $0.pattern, comment: $0.comment)
      }
    }
    return try RegexRules(negation: try items(negation), uncertainty: try items(uncertainty))
  }

  /// cxrlabel's format: `[negation]` and `[uncertainty]` sections, one `ID REGEX  # note` per line (the regex
  /// runs to ` #` or the end of the line).
  public static func parse(_ text: String, file: String) throws(CXRLabelError) -> RegexRules {
    var sections: [String: [(id: String, location: CXRLabelError.Location, pattern: String, comment: String?)]] = [:]
    var section: String? = nil
    let lines = DataFileLines(
      text, file: file, code: .invalidRules, hint: "See Phrases/README.md for the regular-expression rules' format.")
    for entry in lines {
      var line = String(entry.text)
      var comment: String? = nil
      if line.trimmingSpaces().hasPrefix("#") { continue }
      if let hash = line.firstRange(of: " #") {
        comment = String(line[hash.upperBound...]).trimmingSpaces()
        line = String(line[..<hash.lowerBound])
      }
      let trimmed = line.trimmingSpaces()
      if trimmed.isEmpty { continue }
      if trimmed.hasPrefix("[") && trimmed.hasSuffix("]") {
        section = String(trimmed.dropFirst().dropLast())
        guard section == "negation" || section == "uncertainty" else {
          throw entry.error("Unknown section [\(section ?? "")]; expected [negation] or [uncertainty].")
        }
        continue
      }
      guard let section else {
        throw entry.error("A rule must follow a [negation] or [uncertainty] header.")
      }
      let id = trimmed.prefix { $0 != " " && $0 != "\t" }
      let pattern = String(trimmed.dropFirst(id.count)).trimmingSpaces()
      guard !pattern.isEmpty else { throw entry.error("Expected `ID REGEX`.") }
      sections[section, default: []].append(
        (id: String(id), location: entry.location, pattern: pattern, comment: comment))
    }
    return try RegexRules(negation: sections["negation"] ?? [], uncertainty: sections["uncertainty"] ?? [])
  }

  /// How much of a sentence on either side of the mention the patterns see, in bytes. NegBio searches the whole
  /// sentence; a window keeps a sentence of many mentions linear (one with 30,000 mentions in 256 KB took 18 s).
  /// Report sentences are far shorter, so the labels are the same: only a sentence longer than twice this could
  /// differ, for a pattern with an unbounded gap such as "no evidence of .* X".
  public static let window = 2048

  /// The first matching rule on `sentence` with `mention` (relative byte range) replaced by `$X$`, the search
  /// limited to `window` bytes on either side of the mention.
  func firstMatch(sentence: UnsafeBufferPointer<UInt8>, mention: Range<Int>, scratch: MatchScratch)
    -> (kind: MarkKind, index: Int)?
  {
    let from = Swift.max(0, Swift.min(mention.lowerBound, sentence.count) - Self.window)
    // Cut at spaces, so that the window never splits a word (or a UTF-8 sequence).
    var start = from
    if start > 0 { while start < mention.lowerBound, sentence[start - 1] != 0x20 { start += 1 } }
    var end = Swift.min(sentence.count, Swift.max(mention.upperBound, 0) + Self.window)
    while end < sentence.count, end > mention.upperBound, sentence[end] != 0x20 { end -= 1 }
    let sentence = UnsafeBufferPointer(rebasing: sentence[start..<end])
    let mention = (mention.lowerBound - start)..<(mention.upperBound - start)
    var text: [UInt8] = []
    text.reserveCapacity(sentence.count + 3)
    var index = 0
    let marker: [UInt8] = Array("$X$".utf8)
    while index < sentence.count {
      if index == mention.lowerBound {
        text.append(contentsOf: marker)
        index = max(mention.upperBound, index + 1)
        continue
      }
      // Runs of two or more spaces (not other whitespace) become one.
      if sentence[index] == 0x20, text.last == 0x20 {
        index += 1
        continue
      }
      text.append(sentence[index])
      index += 1
    }
    if mention.lowerBound >= sentence.count { text.append(contentsOf: marker) }
    return text.withUnsafeBufferPointer { buffer in
      if let hit = negation.firstIndex(where: { $0.compiled.matches(buffer, scratch: scratch) }) {
        return (.negation, hit)
      }
      if let hit = uncertainty.firstIndex(where: { $0.compiled.matches(buffer, scratch: scratch) }) {
        return (.uncertainty, hit)
      }
      return nil
    }
  }
}
