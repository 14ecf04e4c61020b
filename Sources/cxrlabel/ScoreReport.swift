import CXRLabel

/// What `cxrlabel score` prints and writes beyond the default table: a convention's figures with their intervals,
/// a paired comparison, and the per-study file.
enum ScoreReport {
  /// A number with four decimals, or "undefined".
  static func cell(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "undefined" }
    let scaled = Int((value * 10_000).rounded())
    let sign = scaled < 0 ? "-" : ""
    let fraction = String(abs(scaled) % 10_000)
    return sign + "\(abs(scaled) / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
  }

  /// A figure's key as people read it ("AUCROC_Edema" → "ROC AUC, Edema"; `--json` keeps the lineage's keys).
  static func readable(_ key: String) -> String {
    let averages = ["MACRO": "macro", "MICRO": "micro"]
    let figures = ["F1": "F1", "RECALL": "recall", "PRECISION": "precision"]
    if key.hasPrefix("AUCROC_") { return "ROC AUC, " + key.dropFirst(7) }
    if key == "AVG_AUCROC" { return "ROC AUC, mean of the 14" }
    let parts = key.split(separator: "_").map(String.init)
    if parts.count == 2, let figure = figures[parts[0]], let average = averages[parts[1]] {
      return "\(figure), \(average)"
    }
    switch key {
    case "Accuracy", "Precision", "Recall": return key.lowercased() + ", mean of the 14"
    case "F-1": return "F1, mean of the 14"
    case "accuracy": return "exact match, 5 observations"
    default: break
    }
    if parts.count == 4, parts[0] == "f1chexbert" {
      let set = parts[1] == "5" ? "5 observations" : "14 observations"
      let average = parts[2] == "samples" ? "example-based" : parts[2]
      return "\(parts[3] == "f1" ? "F1" : parts[3]), \(average), \(set)"
    }
    if key.hasPrefix("per_observation.") {
      let rest = key.dropFirst("per_observation.".count)
      if let dot = rest.lastIndex(of: ".") { return "\(rest[..<dot]): \(rest[rest.index(after: dot)...])" }
    }
    return key.replacingOccurrences(of: "_", with: " ")
  }

  /// One figure a line: its readable name, value and, with a bootstrap, its 95% interval.
  static func figures(_ figures: ScoreFigures, intervals: [ScoreBootstrap.Interval]?, resamples: Int) -> String {
    let width = max(30, (figures.values.map { readable($0.key).count }.max() ?? 0) + 2)
    var text = "figure".padding(toLength: width, withPad: " ", startingAt: 0) + "value"
    if intervals != nil { text += "      95% interval (\(resamples) resamples)" }
    text += "\n"
    for (index, figure) in figures.values.enumerated() {
      text += readable(figure.key).padding(toLength: width, withPad: " ", startingAt: 0) + cell(figure.value)
      if let interval = intervals?[index] { text += "    [\(cell(interval.low)), \(cell(interval.high))]" }
      text += "\n"
    }
    return text
  }

  /// A paired comparison, one figure a line.
  static func comparison(_ comparisons: [ScoreBootstrap.Comparison], a: String, b: String, resamples: Int) -> String {
    let width = max(30, (comparisons.map { readable($0.key).count }.max() ?? 0) + 2)
    var text =
      "A: \(a)\nB: \(b)\n(A − B, its 95% interval and a two-sided paired-bootstrap p-value, \(resamples) resamples)\n\n"
    text +=
      "figure".padding(toLength: width, withPad: " ", startingAt: 0)
      + ["A", "B", "A − B"].map { $0.padding(toLength: 11, withPad: " ", startingAt: 0) }.joined()
      + "95% interval".padding(toLength: 21, withPad: " ", startingAt: 0) + "p\n"
    for comparison in comparisons {
      text += readable(comparison.key).padding(toLength: width, withPad: " ", startingAt: 0)
      text += [cell(comparison.a), cell(comparison.b), cell(comparison.difference)]
        .map { $0.padding(toLength: 11, withPad: " ", startingAt: 0) }.joined()
      text +=
        "[\(cell(comparison.low)), \(cell(comparison.high))]".padding(toLength: 21, withPad: " ", startingAt: 0)
        + cell(comparison.p) + "\n"
    }
    return text
  }

  /// The JSON of a comparison.
  static func comparisonJSON(_ comparisons: [ScoreBootstrap.Comparison]) -> String {
    ScoreBootstrap.Comparison.json(comparisons)
  }

  /// Writes one row per pair to `path`, row by row (a million pairs are never one string): study_id, both label
  /// sets (`generated_<observation>`, `reference_<observation>`), and with `matrices` the pair's true and false
  /// positives, false negatives and its own precision, recall and F1 over the 14 observations (as the convention
  /// counts positives).
  static func writePairs(
    to path: String, generated: (LabelColumns, [Int32]), reference: (LabelColumns, [Int32]),
    matrices: (truth: BinaryMatrix, predicted: BinaryMatrix)?
  ) throws(CXRLabelError) {
    let observations = Observation.mimicOrder
    let file = try OutputFile(path: path)
    do {
      var header =
        ["study_id"] + observations.map { "generated_" + $0.name } + observations.map { "reference_" + $0.name }
      if matrices != nil {
        header += ["true_positives", "false_positives", "false_negatives", "precision", "recall", "f1"]
      }
      try file.write(header.map(LabelTable.quoted).joined(separator: ",") + "\n")
      for pair in reference.1.indices {
        let left = Int(generated.1[pair])
        let right = Int(reference.1[pair])
        var fields = [LabelTable.quoted(reference.0.id(row: right))]
        for column in observations.indices {
          fields.append(LabelTable.cell(generated.0.value(row: left, column: column)))
        }
        for column in observations.indices {
          fields.append(LabelTable.cell(reference.0.value(row: right, column: column)))
        }
        if let matrices {
          var tp = 0
          var fp = 0
          var fn = 0
          for column in 0..<matrices.truth.columns {
            let (truth, predicted) = (matrices.truth[pair, column], matrices.predicted[pair, column])
            if truth && predicted { tp += 1 } else if predicted { fp += 1 } else if truth { fn += 1 }
          }
          let precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
          let recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
          let f1 = 2 * tp + fp + fn == 0 ? 0 : 2 * Double(tp) / Double(2 * tp + fp + fn)
          fields += [String(tp), String(fp), String(fn), "\(precision)", "\(recall)", "\(f1)"]
        }
        try file.write(fields.joined(separator: ",") + "\n")
      }
      try file.commit()
    } catch {
      file.discard()
      throw error
    }
  }
}
