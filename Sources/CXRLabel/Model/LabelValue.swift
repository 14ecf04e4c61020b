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

extension LabelValue: CustomStringConvertible {
  /// `1`, `0` or `-1`, as the label files write it.
  public var description: String {
    switch self {
    case .positive: return "1"
    case .negative: return "0"
    case .uncertain: return "-1"
    }
  }
}

/// A study's labels as people read them: the mentioned observations in MIMIC-CXR-JPG's column order (then any
/// other, alphabetically), each with `1`, `0` or `-1`. What `Labeler.label(_:)` returns for a text.
///
///     print(labeler.label("No pleural effusion. Mild cardiomegaly."))
///     // [Cardiomegaly: 1, Pleural Effusion: 0]
public struct ReadableLabels: Sendable, Hashable, CustomStringConvertible, Sequence {
  /// The labels by observation (blank observations are absent).
  public var values: StudyLabels

  /// Wraps `values`.
  public init(_ values: StudyLabels) { self.values = values }

  /// The label of `observation`, nil when it is blank.
  public subscript(_ observation: Observation) -> LabelValue? { values[observation] }

  /// The mentioned observations with their labels, in MIMIC-CXR-JPG's column order.
  public var ordered: [(observation: Observation, value: LabelValue)] {
    let extra = values.keys.filter { !Observation.mimicOrder.contains($0) }.sorted()
    return (Observation.mimicOrder + extra).compactMap { observation in values[observation].map { (observation, $0) } }
  }

  /// Iterates `ordered`.
  public func makeIterator() -> IndexingIterator<[(observation: Observation, value: LabelValue)]> {
    ordered.makeIterator()
  }

  /// `[Cardiomegaly: 1, Pleural Effusion: 0]`.
  public var description: String {
    "[" + ordered.map { "\($0.observation.name): \($0.value)" }.joined(separator: ", ") + "]"
  }

  /// Readable labels compare with the plain dictionary they wrap.
  public static func == (labels: ReadableLabels, values: StudyLabels) -> Bool { labels.values == values }
}
