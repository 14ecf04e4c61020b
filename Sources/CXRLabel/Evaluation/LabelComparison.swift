/// How an uncertain (−1) label counts when scoring against a gold file.
public enum UncertainPolicy: String, Sendable, CaseIterable {
  /// −1 counts as positive (U-Ones).
  case positive
  /// −1 counts as negative (U-Zeros).
  case negative
  /// Cells where either side is −1 are left out.
  case ignore
}

/// Agreement between a reference and a candidate label file, joined on study id.
public struct LabelComparison: Sendable {
  /// Per-observation figures.
  public struct ObservationFigures: Sendable {
    /// The observation.
    public var observation: Observation
    /// Cells compared (studies in both files).
    public var cells = 0
    /// Cells with equal values (blank = blank counts).
    public var agreeing = 0
    /// Cells where either side is non-blank.
    public var mentioned = 0
    /// Mentioned cells with equal values.
    public var mentionedAgreeing = 0
    /// Confusion counts: `confusion[reference][candidate]`, index 0: 1, 1: 0, 2: −1, 3: blank.
    public var confusion = [[Int]](repeating: [Int](repeating: 0, count: 4), count: 4)
    /// True positives, false positives, false negatives for the positive class under the uncertain policy.
    public var truePositives = 0
    /// False positives.
    public var falsePositives = 0
    /// False negatives.
    public var falseNegatives = 0

    /// Precision, or nil when nothing was predicted positive.
    public var precision: Double? {
      truePositives + falsePositives == 0 ? nil : Double(truePositives) / Double(truePositives + falsePositives)
    }
    /// Recall, or nil when the reference has no positives.
    public var recall: Double? {
      truePositives + falseNegatives == 0 ? nil : Double(truePositives) / Double(truePositives + falseNegatives)
    }
    /// F1, or nil when undefined.
    public var f1: Double? {
      guard let precision, let recall, precision + recall > 0 else { return nil }
      return 2 * precision * recall / (precision + recall)
    }
  }

  /// The observations compared (those both files have), each with its figures.
  public var observations: [ObservationFigures]
  /// Studies in both files.
  public var studies = 0
  /// Studies whose compared labels are all equal.
  public var exactRows = 0
  /// Study ids only the reference has.
  public var onlyInReference: [String] = []
  /// Study ids only the candidate has.
  public var onlyInCandidate: [String] = []

  /// One cell on which the two files differ.
  public struct Disagreement: Sendable, Hashable {
    /// The study.
    public var id: String
    /// The observation.
    public var observation: Observation
    /// The reference's value (nil: blank).
    public var reference: LabelValue?
    /// The candidate's value (nil: blank).
    public var candidate: LabelValue?
  }

  /// Every differing cell, study by study in the reference's order, observations in column order.
  public var disagreements: [Disagreement] = []

  /// The disagreements as CSV (`study_id,observation,reference,candidate`, values `1`, `0`, `-1` or empty), to
  /// look each one up with `--explain`.
  public var disagreementsCSV: String {
    func value(_ label: LabelValue?) -> String { label.map { String(Int($0.rawValue)) } ?? "" }
    var lines = ["study_id,observation,reference,candidate"]
    for cell in disagreements {
      lines.append("\(cell.id),\(cell.observation.name),\(value(cell.reference)),\(value(cell.candidate))")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// All mentioned cells over all observations.
  public var mentioned: Int { observations.reduce(0) { $0 + $1.mentioned } }
  /// Agreeing mentioned cells over all observations.
  public var mentionedAgreeing: Int { observations.reduce(0) { $0 + $1.mentionedAgreeing } }

  /// Compares `candidate` with `reference`.
  public init(reference: LabelFile, candidate: LabelFile, uncertain: UncertainPolicy = .positive) {
    let candidateSet = Set(candidate.observations)
    observations = reference.observations.filter { candidateSet.contains($0) }.map {
      ObservationFigures(observation: $0)
    }
    onlyInReference = reference.ids.filter { candidate.rows[$0] == nil }
    onlyInCandidate = candidate.ids.filter { reference.rows[$0] == nil }
    func slot(_ value: LabelValue?) -> Int {
      switch value {
      case .positive?: return 0
      case .negative?: return 1
      case .uncertain?: return 2
      case nil: return 3
      }
    }
    func isPositive(_ value: LabelValue?) -> Bool {
      value == .positive || (value == .uncertain && uncertain == .positive)
    }
    for id in reference.ids {
      guard let expected = reference.rows[id], let actual = candidate.rows[id] else { continue }
      studies += 1
      var exact = true
      for index in observations.indices {
        let observation = observations[index].observation
        let left = expected[observation]
        let right = actual[observation]
        observations[index].cells += 1
        observations[index].confusion[slot(left)][slot(right)] += 1
        if left == right {
          observations[index].agreeing += 1
        } else {
          exact = false
          disagreements.append(Disagreement(id: id, observation: observation, reference: left, candidate: right))
        }
        if left != nil || right != nil {
          observations[index].mentioned += 1
          if left == right { observations[index].mentionedAgreeing += 1 }
        }
        if uncertain == .ignore && (left == .uncertain || right == .uncertain) { continue }
        switch (isPositive(left), isPositive(right)) {
        case (true, true): observations[index].truePositives += 1
        case (false, true): observations[index].falsePositives += 1
        case (true, false): observations[index].falseNegatives += 1
        case (false, false): break
        }
      }
      if exact { exactRows += 1 }
    }
  }

  /// A plain-text report: overall agreement, then a line per observation, then the confusion tables.
  public var report: String {
    func percent(_ part: Int, _ whole: Int) -> String {
      whole == 0 ? "-" : String(Double(Int((Double(part) / Double(whole) * 1000).rounded())) / 10) + "%"
    }
    func number(_ value: Double?) -> String {
      value.map { String(Double(Int(($0 * 1000).rounded())) / 1000) } ?? "-"
    }
    var lines: [String] = []
    lines.append(
      "studies compared: \(studies)  (only in reference: \(onlyInReference.count), only in candidate: \(onlyInCandidate.count))"
    )
    lines.append(
      "mentioned-cell agreement: \(percent(mentionedAgreeing, mentioned)) (\(mentionedAgreeing)/\(mentioned))")
    lines.append("exact rows: \(percent(exactRows, studies)) (\(exactRows)/\(studies))")
    lines.append("")
    lines.append("observation                 cells  agree  mentioned  agree     P      R      F1")
    for figures in observations {
      let name = figures.observation.name.padding(to: 26)
      lines.append(
        "\(name)  \(String(figures.cells).padding(to: 5))  \(percent(figures.agreeing, figures.cells).padding(to: 6))"
          + " \(String(figures.mentioned).padding(to: 9))  \(percent(figures.mentionedAgreeing, figures.mentioned).padding(to: 7))"
          + "  \(number(figures.precision).padding(to: 5))  \(number(figures.recall).padding(to: 5))  \(number(figures.f1))"
      )
    }
    lines.append("")
    lines.append("confusion (rows: reference, columns: candidate; 1, 0, -1, blank)")
    for figures in observations where figures.mentioned > figures.mentionedAgreeing {
      lines.append("  \(figures.observation.name)")
      for (row, label) in ["1", "0", "-1", "blank"].enumerated() {
        lines.append("    \(label.padding(to: 6))" + figures.confusion[row].map { String($0).padding(to: 7) }.joined())
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension String {
  /// The string padded with spaces on the right to `width`.
  func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
