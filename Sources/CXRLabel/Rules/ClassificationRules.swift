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
  /// All rules of the three phases, in phase order.
  let program: RuleProgram

  /// Combines three rule sets.
  public init(preNegationUncertainty: RuleSet, negation: RuleSet, postNegationUncertainty: RuleSet) {
    self.preNegationUncertainty = preNegationUncertainty
    self.negation = negation
    self.postNegationUncertainty = postNegationUncertainty
    let all = preNegationUncertainty.rules + negation.rules + postNegationUncertainty.rules
    program = RuleProgram(patterns: all.map(\.pattern.parts))
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
    }
  }
}
