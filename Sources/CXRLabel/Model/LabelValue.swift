/// One label cell: positive, negative or uncertain. A missing value means "not mentioned" (blank).
public enum LabelValue: Int8, Sendable, Hashable, CaseIterable {
  /// The observation is present (1).
  case positive = 1
  /// The observation is explicitly absent (0).
  case negative = 0
  /// The observation is uncertain (−1).
  case uncertain = -1
}

/// The labels of one study: a value per mentioned observation; observations not in the dictionary are blank.
public typealias StudyLabels = [Observation: LabelValue]
