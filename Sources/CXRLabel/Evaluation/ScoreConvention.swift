/// How a report-generation lineage computes its clinical-efficacy (CE) figures from CheXpert-labeler labels, each
/// equal to that lineage's own evaluation code run on the same label matrices (tests compare them to the figures
/// the code printed):
///
/// - `standard` ("default"): ``ClinicalEfficacy``, scikit-learn's micro, macro and example-based P/R/F1.
/// - `r2gen`: zhjohnchan/R2Gen `compute_ce.py` with `modules/metrics.py` `compute_mlc` (R2GenCMN, M2KT and their
///   descendants): only 1 is positive (blank and −1 become 0); per-label ROC AUC on the 0/1 predictions and its
///   mean; macro and micro P/R/F1.
/// - `wcl`: zzxslp/WCL `chexpert-labeler/calculate_metric.py`: 1 and −1 are positive; per-label accuracy,
///   precision, recall and F1 averaged over the 14.
/// - `chexbert`: f1chexbert / RadEval / vilmedic: 1 and −1 are positive; micro, macro, weighted and example-based
///   (samples) P/R/F1 over the 14 and over the 5, and exact-match accuracy on the 5.
///
/// Every convention counts all 14 observations, No Finding included, as the lineages do.
public enum ScoreConvention: String, Sendable, CaseIterable {
  /// cxrlabel's default: scikit-learn's figures, with −1 counted as the caller says.
  case standard = "default"
  /// R2Gen's `compute_ce.py`.
  case r2gen
  /// WCL's `calculate_metric.py` (the WCL / ORGan / Recap lineage).
  case wcl
  /// f1chexbert / RadEval / vilmedic on labels.
  case chexbert

  /// Who computes figures this way, for help texts and the README.
  public var lineage: String {
    switch self {
    case .standard: return "cxrlabel's default (scikit-learn's averages)"
    case .r2gen: return "R2Gen compute_ce.py (R2GenCMN, M2KT and descendants)"
    case .wcl: return "WCL calculate_metric.py (WCL, ORGan, Recap)"
    case .chexbert: return "f1chexbert / RadEval / vilmedic"
    }
  }

  /// Whether the convention fixes how −1 counts (every preset does; the default follows `--uncertain`).
  public var fixesUncertain: Bool { self != .standard }

  /// Whether a label counts as positive under this convention.
  public func isPositive(_ value: LabelValue?, uncertainIsPositive: Bool) -> Bool {
    switch self {
    case .standard: return ClinicalEfficacy.isPositive(value, uncertainIsPositive: uncertainIsPositive)
    case .r2gen: return value == .positive
    case .wcl, .chexbert: return value == .positive || value == .uncertain
    }
  }

  /// The 0/1 matrix of labels (one row per study, the 14 observations in MIMIC-CXR-JPG order).
  public func binary(_ rows: [StudyLabels], uncertainIsPositive: Bool) -> BinaryMatrix {
    BinaryMatrix(
      rows.map { row in Observation.mimicOrder.map { isPositive(row[$0], uncertainIsPositive: uncertainIsPositive) } },
      columns: Observation.mimicOrder.count)
  }

  /// The 0/1 matrix of rows `rows` of compact labels (one matrix row per entry of `rows`).
  public func binary(_ labels: LabelColumns, rows: [Int32], uncertainIsPositive: Bool) -> BinaryMatrix {
    var matrix = BinaryMatrix(columns: LabelColumns.width)
    for row in rows {
      var mask: UInt32 = 0
      for column in 0..<LabelColumns.width
      where isPositive(labels.value(row: Int(row), column: column), uncertainIsPositive: uncertainIsPositive) {
        mask |= 1 << UInt32(column)
      }
      matrix.append(mask: mask)
    }
    return matrix
  }

  /// The convention's figures on 0/1 matrices (rows paired, 14 columns in MIMIC-CXR-JPG order); nil for no row.
  public func figures(truth: BinaryMatrix, predictions: BinaryMatrix) -> ScoreFigures? {
    guard !truth.isEmpty, truth.rows == predictions.rows else { return nil }
    let observations = Observation.mimicOrder
    switch self {
    case .standard:
      return ScoreFigures(
        efficacy: ClinicalEfficacy(truth: truth, predictions: predictions, observations: observations))
    case .r2gen: return Self.r2genFigures(truth, predictions, observations)
    case .wcl: return Self.wclFigures(truth, predictions, observations)
    case .chexbert: return Self.chexbertFigures(truth, predictions, observations)
    }
  }

  /// The figures of label sets (pairs `i` of `truth` and `predictions`); nil for no pair.
  public func figures(truth: [StudyLabels], predictions: [StudyLabels], uncertainIsPositive: Bool) -> ScoreFigures? {
    figures(
      truth: binary(truth, uncertainIsPositive: uncertainIsPositive),
      predictions: binary(predictions, uncertainIsPositive: uncertainIsPositive))
  }

  // MARK: The lineages

  private static func r2genFigures(_ truth: BinaryMatrix, _ predictions: BinaryMatrix, _ observations: [Observation])
    -> ScoreFigures
  {
    let columns = ColumnCounts.of(truth, predictions, columns: observations.count)
    var figures = ScoreFigures()
    var sum = 0.0
    var undefined: [String] = []
    for (index, observation) in observations.enumerated() {
      // roc_auc_score on 0/1 predictions is (TPR + TNR) / 2; undefined when the truth has one class.
      let auc = columns[index].balancedAccuracy
      if auc == nil { undefined.append(observation.name) }
      sum += auc ?? 0
      figures.append("AUCROC_" + observation.name, auc)
    }
    figures.append("AVG_AUCROC", undefined.isEmpty ? sum / Double(observations.count) : nil)
    if !undefined.isEmpty {
      figures.notes.append(
        "ROC AUC is undefined for \(undefined.joined(separator: ", ")): the reference has one class there. R2Gen's "
          + "script stops with a ValueError on it (scikit-learn before 1.6) or prints NaN (1.6 and later), and so "
          + "AVG_AUCROC is undefined too; the other figures are as it computes them.")
    }
    let efficacy = ClinicalEfficacy(truth: truth, predictions: predictions, observations: observations)
    figures.append("F1_MACRO", efficacy.macro.f1)
    figures.append("F1_MICRO", efficacy.micro.f1)
    figures.append("RECALL_MACRO", efficacy.macro.recall)
    figures.append("RECALL_MICRO", efficacy.micro.recall)
    figures.append("PRECISION_MACRO", efficacy.macro.precision)
    figures.append("PRECISION_MICRO", efficacy.micro.precision)
    return figures
  }

  private static func wclFigures(_ truth: BinaryMatrix, _ predictions: BinaryMatrix, _ observations: [Observation])
    -> ScoreFigures
  {
    let columns = ColumnCounts.of(truth, predictions, columns: observations.count)
    let n = Double(columns.count)
    let efficacy = ClinicalEfficacy(truth: truth, predictions: predictions, observations: observations)
    var figures = ScoreFigures()
    figures.append("Accuracy", columns.map(\.accuracy).reduce(0, +) / n)
    figures.append("Precision", efficacy.perObservation.map(\.precision).reduce(0, +) / n)
    figures.append("Recall", efficacy.perObservation.map(\.recall).reduce(0, +) / n)
    figures.append("F-1", efficacy.perObservation.map(\.f1).reduce(0, +) / n)
    return figures
  }

  private static func chexbertFigures(_ truth: BinaryMatrix, _ predictions: BinaryMatrix, _ observations: [Observation])
    -> ScoreFigures
  {
    // One pass: each column's counts, and each study's counts over the 5 and over all 14 (for the example-based
    // average and the exact-match accuracy).
    let five = observations.indices.filter { ClinicalEfficacy.fiveObservations.contains(observations[$0]) }
    let isFive = observations.indices.map { five.contains($0) }
    let columns = ColumnCounts.of(truth, predictions, columns: observations.count)
    var exact = 0
    var samples = (five: Score.zero, all: Score.zero)
    for row in 0..<truth.rows {
      var all = ColumnCounts()
      var fiveCounts = ColumnCounts()
      for column in 0..<truth.columns {
        let cell = ColumnCounts.cell(truth[row, column], predictions[row, column])
        all.add(cell)
        if isFive[column] { fiveCounts.add(cell) }
      }
      if fiveCounts.falsePositives == 0, fiveCounts.falseNegatives == 0 { exact += 1 }
      samples.all.add(all.score)
      samples.five.add(fiveCounts.score)
    }
    let n = Double(truth.rows)
    var figures = ScoreFigures()
    figures.append("accuracy", Double(exact) / n)
    for (name, indices, sampleSums) in [("5", five, samples.five), ("all", Array(observations.indices), samples.all)] {
      let scores = indices.map { columns[$0].score }
      let supports = indices.map { Double(columns[$0].truePositives + columns[$0].falseNegatives) }
      let support = supports.reduce(0, +)
      var micro = ColumnCounts()
      for index in indices { micro.add(columns[index]) }
      let count = Double(indices.count)
      let macro = Score(
        precision: scores.map(\.precision).reduce(0, +) / count, recall: scores.map(\.recall).reduce(0, +) / count,
        f1: scores.map(\.f1).reduce(0, +) / count)
      func weighted(_ value: (Score) -> Double) -> Double {
        support == 0 ? 0 : zip(scores, supports).map { value($0) * $1 }.reduce(0, +) / support
      }
      let averages = [
        ("micro", micro.score), ("macro", macro),
        ("weighted", Score(precision: weighted(\.precision), recall: weighted(\.recall), f1: weighted(\.f1))),
        ("samples", Score(precision: sampleSums.precision / n, recall: sampleSums.recall / n, f1: sampleSums.f1 / n)),
      ]
      for (average, score) in averages {
        figures.append("f1chexbert_\(name)_\(average)_f1", score.f1)
        figures.append("f1chexbert_\(name)_\(average)_precision", score.precision)
        figures.append("f1chexbert_\(name)_\(average)_recall", score.recall)
      }
    }
    return figures
  }

  /// Precision, recall and F1 (sums of them, while averaging).
  struct Score {
    var precision: Double
    var recall: Double
    var f1: Double
    static let zero = Score(precision: 0, recall: 0, f1: 0)

    mutating func add(_ other: Score) {
      precision += other.precision
      recall += other.recall
      f1 += other.f1
    }
  }
}

/// A convention's figures, in the order its lineage reports them, with the lineage's own key names; a figure the
/// lineage's code cannot compute is nil, and a note says why.
public struct ScoreFigures: Sendable, Equatable {
  /// The figures: key and value (nil: undefined).
  public var values: [(key: String, value: Double?)] = []
  /// Why a figure is undefined, for people.
  public var notes: [String] = []

  /// Creates an empty set of figures.
  public init() {}

  /// The default convention's figures, flattened: `precision_micro` … `f1_macro_5`, then
  /// `per_observation.<name>.<figure>`.
  public init(efficacy: ClinicalEfficacy) {
    for (suffix, score) in [("micro", efficacy.micro), ("macro", efficacy.macro), ("example", efficacy.example)] {
      append("precision_" + suffix, score.precision)
      append("recall_" + suffix, score.recall)
      append("f1_" + suffix, score.f1)
    }
    append("f1_micro_5", efficacy.f1Micro5)
    append("f1_macro_5", efficacy.f1Macro5)
    for (index, observation) in efficacy.observations.enumerated() {
      let score = efficacy.perObservation[index]
      append("per_observation.\(observation.name).precision", score.precision)
      append("per_observation.\(observation.name).recall", score.recall)
      append("per_observation.\(observation.name).f1", score.f1)
    }
  }

  /// Appends a figure.
  public mutating func append(_ key: String, _ value: Double?) { values.append((key, value)) }

  /// The value of `key` (nil when absent or undefined).
  public subscript(key: String) -> Double? { values.first { $0.key == key }?.value ?? nil }

  /// Compares keys and values.
  public static func == (lhs: ScoreFigures, rhs: ScoreFigures) -> Bool {
    lhs.notes == rhs.notes && lhs.values.map(\.key) == rhs.values.map(\.key)
      && zip(lhs.values, rhs.values).allSatisfy { $0.value == $1.value }
  }
}

/// A column's confusion counts.
struct ColumnCounts {
  var truePositives = 0
  var falsePositives = 0
  var falseNegatives = 0
  var trueNegatives = 0

  /// Which count a pair of cells adds to: 0 true positive, 1 false positive, 2 false negative, 3 true negative.
  @inline(__always) static func cell(_ truth: Bool, _ predicted: Bool) -> Int {
    truth ? (predicted ? 0 : 2) : (predicted ? 1 : 3)
  }

  /// Adds one cell (see ``cell(_:_:)``).
  @inline(__always) mutating func add(_ cell: Int) {
    switch cell {
    case 0: truePositives += 1
    case 1: falsePositives += 1
    case 2: falseNegatives += 1
    default: trueNegatives += 1
    }
  }

  /// Adds another column's counts.
  mutating func add(_ other: ColumnCounts) {
    truePositives += other.truePositives
    falsePositives += other.falsePositives
    falseNegatives += other.falseNegatives
    trueNegatives += other.trueNegatives
  }

  /// scikit-learn's precision, recall and F1, a zero denominator giving 0.
  var score: ScoreConvention.Score {
    let tp = Double(truePositives)
    let predicted = Double(truePositives + falsePositives)
    let actual = Double(truePositives + falseNegatives)
    return ScoreConvention.Score(
      precision: predicted == 0 ? 0 : tp / predicted, recall: actual == 0 ? 0 : tp / actual,
      f1: predicted + actual == 0 ? 0 : 2 * tp / (predicted + actual))
  }

  /// Counts every column of paired 0/1 matrices.
  static func of(_ truth: BinaryMatrix, _ predictions: BinaryMatrix, columns: Int) -> [ColumnCounts] {
    var counts = Array(repeating: ColumnCounts(), count: columns)
    for row in 0..<truth.rows {
      for column in 0..<columns {
        switch (truth[row, column], predictions[row, column]) {
        case (true, true): counts[column].truePositives += 1
        case (false, true): counts[column].falsePositives += 1
        case (true, false): counts[column].falseNegatives += 1
        case (false, false): counts[column].trueNegatives += 1
        }
      }
    }
    return counts
  }

  /// (TP + TN) / all.
  var accuracy: Double {
    let all = truePositives + falsePositives + falseNegatives + trueNegatives
    return all == 0 ? 0 : Double(truePositives + trueNegatives) / Double(all)
  }

  /// (TPR + TNR) / 2, the ROC AUC of 0/1 predictions; nil when the truth has one class.
  var balancedAccuracy: Double? {
    let positives = truePositives + falseNegatives
    let negatives = trueNegatives + falsePositives
    guard positives > 0, negatives > 0 else { return nil }
    return (Double(truePositives) / Double(positives) + Double(trueNegatives) / Double(negatives)) / 2
  }
}

extension ScoreFigures {
  /// The figures as one JSON object with the lineage's key names (`null` for an undefined figure), followed, when
  /// `intervals` are given, by `"ci95"`: each key's `[low, high]`.
  public func json(intervals: [ScoreBootstrap.Interval]? = nil) -> String {
    var json = JSONText()
    let keys = values.map(\.key) + (intervals == nil ? [] : ["ci95"])
    json.object(keys) { json, index in
      if index < values.count { json.double(values[index].value) } else if let intervals { json.intervals(intervals) }
    }
    json.raw("\n")
    return String(decoding: json.bytes, as: UTF8.self)
  }
}

extension JSONText {
  /// Each interval's key → `[low, high]`, as an object.
  mutating func intervals(_ intervals: [ScoreBootstrap.Interval]) {
    object(intervals.map(\.key)) { json, index in json.pair(intervals[index].low, intervals[index].high) }
  }
}
