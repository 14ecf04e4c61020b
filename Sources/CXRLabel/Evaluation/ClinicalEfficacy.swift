/// The "clinical efficacy" (CE) metrics that report-generation papers give: the reference reports' labels are the
/// truth, the generated reports' labels the predictions, and precision, recall and F1 are computed over the 14
/// observations exactly as scikit-learn's `precision_recall_fscore_support` computes them on the 0/1 matrices
/// with `zero_division=0`.
///
/// A label counts as positive when it is 1; `uncertainIsPositive` also counts −1. 0 and blank are negative.
public struct ClinicalEfficacy: Sendable, Equatable {
  /// Precision, recall, F1 and support (positives in the truth) of one observation or one average.
  public struct Score: Sendable, Equatable {
    /// tp / (tp + fp), 0 when nothing is predicted positive.
    public var precision: Double
    /// tp / (tp + fn), 0 when nothing is truly positive.
    public var recall: Double
    /// 2 tp / (2 tp + fp + fn), 0 when both are empty.
    public var f1: Double
    /// How many truth cells are positive.
    public var support: Int
  }

  /// The observations scored, in column order.
  public let observations: [Observation]
  /// How many study pairs were scored.
  public let studies: Int
  /// Each observation's score, in `observations` order.
  public let perObservation: [Score]
  /// Micro average: true and false positives and negatives summed over every cell (`average="micro"`).
  public let micro: Score
  /// Macro average: the mean of the observations' scores (`average="macro"`).
  public let macro: Score
  /// Example-based average: each study's precision, recall and F1 over its observations, averaged over studies
  /// (`average="samples"`).
  public let example: Score
  /// Micro F1 over `fiveObservations` only.
  public let f1Micro5: Double
  /// Macro F1 over `fiveObservations` only.
  public let f1Macro5: Double

  /// The five observations most report-generation papers also score alone.
  public static let fiveObservations: [Observation] = [
    .atelectasis, .cardiomegaly, .consolidation, .edema, .pleuralEffusion,
  ]

  /// Whether a label counts as positive.
  public static func isPositive(_ value: LabelValue?, uncertainIsPositive: Bool) -> Bool {
    value == .positive || (uncertainIsPositive && value == .uncertain)
  }

  /// Scores paired label sets over the 14 observations (MIMIC-CXR-JPG order); pair `i` is `truth[i]` and
  /// `predictions[i]`. Nil when there is no pair (scikit-learn refuses an empty matrix too).
  public init?(truth: [StudyLabels], predictions: [StudyLabels], uncertainIsPositive: Bool) {
    let observations = Observation.mimicOrder
    guard !truth.isEmpty, truth.count == predictions.count else { return nil }
    let binary = { (rows: [StudyLabels]) in
      BinaryMatrix(
        rows.map { row in observations.map { Self.isPositive(row[$0], uncertainIsPositive: uncertainIsPositive) } },
        columns: observations.count)
    }
    self.init(truth: binary(truth), predictions: binary(predictions), observations: observations)
  }

  /// Scores 0/1 matrices (one row per study, one column per observation).
  ///
  /// - Precondition: both have the same, non-zero number of rows, and every row has `observations.count` cells.
  public init(truth: BinaryMatrix, predictions: BinaryMatrix, observations: [Observation]) {
    precondition(!truth.isEmpty && truth.rows == predictions.rows, "matrices must pair at least one row")
    self.observations = observations
    studies = truth.rows
    var counts = Array(repeating: Counts(), count: observations.count)
    var exampleSums = (precision: 0.0, recall: 0.0, f1: 0.0)
    for index in 0..<truth.rows {
      var row = Counts()
      for column in observations.indices {
        row.add(truth: truth[index, column], predicted: predictions[index, column])
        counts[column].add(truth: truth[index, column], predicted: predictions[index, column])
      }
      let score = row.score
      exampleSums.precision += score.precision
      exampleSums.recall += score.recall
      exampleSums.f1 += score.f1
    }
    let perObservation = counts.map(\.score)
    self.perObservation = perObservation
    micro = counts.reduce(Counts(), +).score
    macro = Self.mean(perObservation)
    let n = Double(studies)
    example = Score(
      precision: exampleSums.precision / n, recall: exampleSums.recall / n, f1: exampleSums.f1 / n,
      support: micro.support)
    let five = observations.indices.filter { Self.fiveObservations.contains(observations[$0]) }
    f1Micro5 = five.map { counts[$0] }.reduce(Counts(), +).score.f1
    f1Macro5 = five.isEmpty ? 0 : Self.mean(five.map { perObservation[$0] }).f1
  }

  /// The unweighted mean of scores; support is their sum, as scikit-learn reports it.
  private static func mean(_ scores: [Score]) -> Score {
    let n = Double(max(scores.count, 1))
    return Score(
      precision: scores.map(\.precision).reduce(0, +) / n, recall: scores.map(\.recall).reduce(0, +) / n,
      f1: scores.map(\.f1).reduce(0, +) / n, support: scores.map(\.support).reduce(0, +))
  }

  /// True positives, false positives and false negatives.
  private struct Counts {
    var truePositives = 0
    var falsePositives = 0
    var falseNegatives = 0

    mutating func add(truth: Bool, predicted: Bool) {
      if truth && predicted {
        truePositives += 1
      } else if predicted {
        falsePositives += 1
      } else if truth {
        falseNegatives += 1
      }
    }

    static func + (lhs: Counts, rhs: Counts) -> Counts {
      Counts(
        truePositives: lhs.truePositives + rhs.truePositives, falsePositives: lhs.falsePositives + rhs.falsePositives,
        falseNegatives: lhs.falseNegatives + rhs.falseNegatives)
    }

    /// scikit-learn's formulas, a zero denominator giving 0.
    var score: Score {
      let tp = Double(truePositives)
      let predicted = Double(truePositives + falsePositives)
      let actual = Double(truePositives + falseNegatives)
      return Score(
        precision: predicted == 0 ? 0 : tp / predicted, recall: actual == 0 ? 0 : tp / actual,
        f1: predicted + actual == 0 ? 0 : 2 * tp / (predicted + actual), support: truePositives + falseNegatives)
    }
  }

  /// Every figure as one JSON object, with the keys `cxrlabel score --json` writes (and `cxrlabel.score` returns):
  /// `precision_micro` … `f1_example`, `f1_micro_5`, `f1_macro_5`, and `per_observation` (observation →
  /// `precision`, `recall`, `f1`, `support`).
  public var json: String { json(intervals: nil) }

  /// ``json`` with `"ci95"` added: each flattened key's (``ScoreFigures/init(efficacy:)``) bootstrap interval.
  public func json(intervals: [ScoreBootstrap.Interval]?) -> String {
    var figures: [(key: String, value: Double)] = []
    for (suffix, score) in [("micro", micro), ("macro", macro), ("example", example)] {
      figures += [
        ("precision_" + suffix, score.precision), ("recall_" + suffix, score.recall), ("f1_" + suffix, score.f1),
      ]
    }
    figures += [("f1_micro_5", f1Micro5), ("f1_macro_5", f1Macro5)]
    let keys = figures.map(\.key) + ["per_observation"] + (intervals == nil ? [] : ["ci95"])
    var json = JSONText()
    json.object(keys) { json, index in
      if index < figures.count { return json.finite(figures[index].value) }
      if index > figures.count, let intervals { return json.intervals(intervals) }
      json.object(observations.map(\.name)) { json, row in
        let score = perObservation[row]
        json.object(["precision", "recall", "f1", "support"]) { json, field in
          switch field {
          case 0: json.finite(score.precision)
          case 1: json.finite(score.recall)
          case 2: json.finite(score.f1)
          default: json.number(score.support)
          }
        }
      }
    }
    json.raw("\n")
    return String(decoding: json.bytes, as: UTF8.self)
  }

  /// The figures as a table for people: per observation, then the averages (three decimals).
  public var report: String {
    func cell(_ value: Double) -> String {
      let thousandths = Int((value * 1000).rounded())
      let fraction = String(thousandths % 1000)
      return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
    func row(_ name: String, _ figures: [String]) -> String {
      name.padding(to: 26) + figures.map { String(repeating: " ", count: max(0, 10 - $0.count)) + $0 }.joined() + "\n"
    }
    func row(_ name: String, _ score: Score) -> String {
      row(name, [cell(score.precision), cell(score.recall), cell(score.f1), String(score.support)])
    }
    var text = row("observation", ["precision", "recall", "F1", "support"])
    for (index, observation) in observations.enumerated() { text += row(observation.name, perObservation[index]) }
    text += "\n" + row("micro average", micro) + row("macro average", macro) + row("example-based average", example)
    text += row("micro F1, 5 observations", ["", "", cell(f1Micro5), ""])
    text += row("macro F1, 5 observations", ["", "", cell(f1Macro5), ""])
    return text
  }
}
