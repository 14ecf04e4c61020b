extension ClassificationRules {
  /// The phase sections of a rule file in cxrlabel's notation.
  static let notationPhases = [
    "pre-negation-uncertainty", "negation", "post-negation-uncertainty", "affirmation", "confirmation",
  ]

  /// Reads the three phases from a file in cxrlabel's rule notation (see `RuleNotation`); every rule is lowered
  /// to the pattern language and compiled. Errors name the file, line and column.
  public static func parseNotation(_ text: String, file: String) throws(CXRLabelError) -> ClassificationRules {
    let rules = try RuleNotation.parseFile(text, file: file)
    var phases: [String: [Rule]] = [:]
    for rule in rules {
      guard notationPhases.contains(rule.phase) else {
        throw CXRLabelError(
          .invalidRules,
          "Unknown phase [\(rule.phase)]; expected \(notationPhases.map { "[\($0)]" }.joined(separator: ", ")).",
          at: rule.location)
      }
      let pattern = try NgrexPattern(rule.lowered, location: rule.location)
      phases[rule.phase, default: []].append(
        Rule(id: rule.id, location: rule.location, pattern: pattern, comment: rule.comment.isEmpty ? nil : rule.comment)
      )
    }
    func set(_ name: String) -> RuleSet { RuleSet(name: name, rules: phases[name] ?? []) }
    return ClassificationRules(
      preNegationUncertainty: set("pre-negation-uncertainty"), negation: set("negation"),
      postNegationUncertainty: set("post-negation-uncertainty"), affirmation: set("affirmation"),
      confirmation: set("confirmation"))
  }
}
