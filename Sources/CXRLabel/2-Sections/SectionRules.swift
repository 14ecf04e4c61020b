/// The rules for choosing the text of a MIMIC-CXR report file: section name normalisation, which section to
/// prefer, and the hand-made per-study fixes (SPEC 6). Loaded from `Phrases/data/mimic-cxr.sections`.
public struct SectionRules: Sendable, Hashable {
  /// Exact header (lowercased, trimmed) → normalised section name.
  public var aliases: [String: String]
  /// Words checked in order: a header containing one becomes that section.
  public var containedNames: [String]
  /// Texts that make a header a findings section when contained.
  public var findingsHints: [String]
  /// Section names in order of preference for the study text.
  public var preferred: [String]
  /// Study id → character range `[start, end)` of the raw report to use instead.
  public var characterOverrides: [String: Range<Int>]
  /// Study id → section name whose last occurrence to use instead.
  public var sectionOverrides: [String: String]

  /// Creates rules.
  public init(
    aliases: [String: String] = [:], containedNames: [String] = [], findingsHints: [String] = [],
    preferred: [String] = [], characterOverrides: [String: Range<Int>] = [:], sectionOverrides: [String: String] = [:]
  ) {
    self.aliases = aliases
    self.containedNames = containedNames
    self.findingsHints = findingsHints
    self.preferred = preferred
    self.characterOverrides = characterOverrides
    self.sectionOverrides = sectionOverrides
  }

  /// Parses the rules file format (one rule per line: `alias`, `contains`, `findings-if-contains`, `prefer`,
  /// `use-characters`, `use-section`; `#` comments). Errors name the file, line and column.
  public static func parse(_ text: String, file: String) throws(CXRLabelError) -> SectionRules {
    var rules = SectionRules()
    for entry in DataFileLines(text, file: file, code: .invalidModel, hint: "See Phrases/README.md for the format.") {
      let fields = try entry.fields().fields
      guard let keyword = fields.first else { continue }
      let values = Array(fields.dropFirst())
      switch keyword {
      case "alias":
        guard values.count >= 2 else {
          throw entry.error("`alias NAME VARIANT...` needs a name and at least one variant.")
        }
        for variant in values.dropFirst() { rules.aliases[variant] = values[0] }
      case "contains": rules.containedNames = values
      case "findings-if-contains": rules.findingsHints = values
      case "prefer": rules.preferred = values
      case "use-characters":
        guard values.count == 3, let start = Int(values[1]), let end = Int(values[2]), start >= 0, end >= start else {
          throw entry.error("`use-characters STUDY START END` needs a study id and 0 <= START <= END.")
        }
        rules.characterOverrides[values[0]] = start..<end
      case "use-section":
        guard values.count == 2 else {
          throw entry.error("`use-section STUDY NAME` needs a study id and a section name.")
        }
        rules.sectionOverrides[values[0]] = values[1]
      default:
        throw entry.error("Unknown keyword `\(keyword)`.")
      }
    }
    return rules
  }

  /// The normalised name of a raw section header.
  public func normalize(_ header: String) -> String {
    let name = String(decoding: ReportCleaner.lowercasedUTF8(header), as: UTF8.self).pythonStripped()
    if let alias = aliases[name] { return alias }
    if let contained = containedNames.first(where: { name.contains($0) }) { return contained }
    if findingsHints.contains(where: { name.contains($0) }) { return "findings" }
    return name
  }
}
