/// Where a mark on a mention came from.
public enum ClassificationPhase: String, Sendable, Hashable, CaseIterable {
  /// The `^(findings|impression): no ` sentence shortcut (CheXpert; not NegBio-MIMIC).
  case sentenceShortcut = "sentence_shortcut"
  /// NegBio-MIMIC's negation regular expressions (tried before the graph).
  case negationRegex = "negation_regex"
  /// NegBio-MIMIC's uncertainty regular expressions (tried before the graph).
  case uncertaintyRegex = "uncertainty_regex"
  /// Uncertainty rules tried before negation ("cannot exclude X", "no new X").
  case preNegationUncertainty = "pre_negation_uncertainty"
  /// Negation rules.
  case negation
  /// Uncertainty rules tried after negation.
  case postNegationUncertainty = "post_negation_uncertainty"
  /// `--amend` only: rules tried before all others at a mention's word; a match keeps the word positive (no
  /// phase marks it), where an original rule's scope reaches too far ("normal heart size with small effusions").
  case affirmation
  /// `--amend` only: rules tried at a neutral mention's word ("the heart") that no phase decided; a match counts it
  /// positive ("the heart is enlarged"), and without one the mention is not counted.
  case confirmation
}

/// The three rule phases of the CheXpert-style classifier, compiled together so that one prepared graph serves
/// all three.
public struct ClassificationRules: Sendable {
  /// Rules tried first; a match marks the mention uncertain.
  public let preNegationUncertainty: RuleSet
  /// Rules tried second, with the negation vetoes; a match marks the mention negative.
  public let negation: RuleSet
  /// Rules tried last; a match marks the mention uncertain.
  public let postNegationUncertainty: RuleSet
  /// Rules tried before the three phases; a match keeps the word positive (empty but for `--amend`).
  public let affirmation: RuleSet
  /// Rules tried at a neutral mention's word that no phase decided; a match counts it (empty but for `--amend`).
  public let confirmation: RuleSet
  /// All rules of the phases, in phase order, the affirmation rules last.
  let program: RuleProgram

  /// Combines the rule sets.
  public init(
    preNegationUncertainty: RuleSet, negation: RuleSet, postNegationUncertainty: RuleSet,
    affirmation: RuleSet = RuleSet(name: "affirmation", rules: []),
    confirmation: RuleSet = RuleSet(name: "confirmation", rules: [])
  ) {
    self.preNegationUncertainty = preNegationUncertainty
    self.negation = negation
    self.postNegationUncertainty = postNegationUncertainty
    self.affirmation = affirmation
    self.confirmation = confirmation
    let all =
      preNegationUncertainty.rules + negation.rules + postNegationUncertainty.rules + affirmation.rules
      + confirmation.rules
    program = RuleProgram(patterns: all.map(\.pattern.parts))
  }

  /// These rules with `amendments` in front: each phase's amendments are tried before its own rules, and the
  /// amendments' affirmation rules before every phase (what `--amend` runs).
  public func amended(by amendments: ClassificationRules) -> ClassificationRules {
    func joined(_ first: RuleSet, _ second: RuleSet) -> RuleSet {
      RuleSet(name: second.name, rules: first.rules + second.rules)
    }
    return ClassificationRules(
      preNegationUncertainty: joined(amendments.preNegationUncertainty, preNegationUncertainty),
      negation: joined(amendments.negation, negation),
      postNegationUncertainty: joined(amendments.postNegationUncertainty, postNegationUncertainty),
      affirmation: joined(amendments.affirmation, affirmation),
      confirmation: joined(amendments.confirmation, confirmation))
  }

  /// Loads the original CheXpert labeler's three rule files from a `patterns/` directory
  /// (`pre_negation_uncertainty.txt`, `negation.txt`, `post_negation_uncertainty.txt`).
  public static func chexpert(directory: String) throws(CXRLabelError) -> ClassificationRules {
    ClassificationRules(
      preNegationUncertainty: try RuleSet.load(path: directory + "/pre_negation_uncertainty.txt"),
      negation: try RuleSet.load(path: directory + "/negation.txt"),
      postNegationUncertainty: try RuleSet.load(path: directory + "/post_negation_uncertainty.txt"))
  }

  /// The rule set of a phase (nil for the sentence shortcut).
  public func ruleSet(for phase: ClassificationPhase) -> RuleSet? {
    switch phase {
    case .sentenceShortcut, .negationRegex, .uncertaintyRegex: return nil
    case .preNegationUncertainty: return preNegationUncertainty
    case .negation: return negation
    case .postNegationUncertainty: return postNegationUncertainty
    case .affirmation: return affirmation
    case .confirmation: return confirmation
    }
  }

  /// The program's pattern indices of a phase.
  func patternRange(for phase: ClassificationPhase) -> Range<Int> {
    let pre = preNegationUncertainty.rules.count
    let neg = negation.rules.count
    switch phase {
    case .sentenceShortcut, .negationRegex, .uncertaintyRegex: return 0..<0
    case .preNegationUncertainty: return 0..<pre
    case .negation: return pre..<(pre + neg)
    case .postNegationUncertainty: return (pre + neg)..<(pre + neg + postNegationUncertainty.rules.count)
    case .affirmation:
      let start = pre + neg + postNegationUncertainty.rules.count
      return start..<(start + affirmation.rules.count)
    case .confirmation:
      let start = pre + neg + postNegationUncertainty.rules.count + affirmation.rules.count
      return start..<(start + confirmation.rules.count)
    }
  }
}
