import ArgumentParser
import CXRLabel
import Foundation

/// How −1 counts in `cxrlabel score`.
enum ScoredUncertain: String, ExpressibleByArgument, CaseIterable {
  case negative, positive
}

extension ScoreConvention: ExpressibleByArgument {}

/// `cxrlabel score`: the clinical-efficacy metrics of generated reports against reference reports.
struct ScoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Score generated reports against reference reports: the clinical-efficacy (CE) P/R/F1.",
    discussion: """
      Labels both inputs (or reads them, if they are label files), pairs the
      studies by study id, and computes precision, recall and F1 with the
      reference reports' labels as the truth, exactly as scikit-learn does on
      the 0/1 matrices (zero_division=0): micro, macro and example-based
      averages over the 14 observations, each observation's figures, and micro
      and macro F1 over Atelectasis, Cardiomegaly, Consolidation, Edema and
      Pleural Effusion. A label is positive when it is 1 (--uncertain positive:
      1 or -1); 0, -1 and blank are negative.

      Inputs: anything `cxrlabel label` reads (a CSV with study_id and report
      columns, a report tree, a .txt report) or a label file (a CSV whose
      header names observations, or JSON Lines, as `label` writes them). A
      report with no text counts as all negative. Studies that only one side
      has are named and left out.

      --convention computes the figures as a report-generation lineage's own
      code does, with its key names in --json: r2gen (R2Gen compute_ce.py:
      only 1 is positive; per-label ROC AUC, macro and micro P/R/F1), wcl
      (WCL calculate_metric.py: 1 and -1 positive; accuracy and P/R/F1 averaged
      over the 14), chexbert (f1chexbert / RadEval: 1 and -1 positive; micro,
      macro, weighted and example-based averages over the 14 and the 5, and
      exact-match accuracy on the 5). --bootstrap N adds a 95% interval to
      every figure (studies resampled with replacement, --seed for the same
      intervals again); --compare OTHER scores a second generated set against
      the same reference and gives each difference, its interval and a paired
      bootstrap p-value.

      Examples:
        cxrlabel score generated.csv reference.csv
        cxrlabel score generated.csv reference-labels.csv.gz --json ce.json
        cxrlabel score gen.csv ref.csv --uncertain positive --labels-out both.csv
        cxrlabel score gen.csv ref.csv --convention r2gen --json r2gen.json
        cxrlabel score gen.csv ref.csv --convention chexbert --bootstrap 1000 --seed 7
        cxrlabel score a.csv ref.csv --compare b.csv --bootstrap 1000
        cxrlabel score gen.csv ref.csv --per-study costs.csv
      """)

  @Argument(help: "The generated reports (the predictions), or their labels.")
  var generated: String

  @Argument(help: "The reference reports (the truth), or their labels.")
  var reference: String

  @Option(help: LabelerChoice.help)
  var labeler: LabelerChoice = .chexpert

  @Flag(help: amendHelp)
  var amend = false

  @Option(
    help: ArgumentHelp(
      "Compute the figures as a lineage's code does (default: cxrlabel's scikit-learn figures).",
      valueName: "default|r2gen|wcl|chexbert"))
  var convention: ScoreConvention = .standard

  @Option(
    help: ArgumentHelp(
      "With the default convention, how -1 counts: negative (the default, as most papers count it) or positive. Each other convention fixes it.",
      valueName: "negative|positive"))
  var uncertain: ScoredUncertain?

  @Option(
    help: ArgumentHelp(
      "Resample the studies N times (1000 is usual) and give every figure a 95% interval.", valueName: "N"))
  var bootstrap: Int?

  @Option(help: ArgumentHelp("The bootstrap's seed: the same seed gives the same intervals.", valueName: "S"))
  var seed: UInt64 = 0

  @Option(
    help: ArgumentHelp(
      "A second generated set to compare with the first against the same reference: each figure's difference, its 95% interval and a paired bootstrap p-value (1000 resamples unless --bootstrap says).",
      valueName: "other"))
  var compare: String?

  @Option(
    help: ArgumentHelp(
      "Also write each pair's labels and its own precision, recall and F1 (as the convention counts positives), to find the reports that cost the most.",
      valueName: "file"))
  var perStudy: String?

  @Option(
    help: ArgumentHelp(
      "Also write every figure as JSON (precision_micro … f1_macro_5, per_observation).", valueName: "file"))
  var json: String?

  @Option(
    help: ArgumentHelp(
      "Also write both label sets side by side, one row per pair: study_id, then generated_<observation> and reference_<observation> for the 14 observations (1.0, 0.0, -1.0 or blank).",
      valueName: "file"))
  var labelsOut: String?

  @Option(help: "With CSV inputs of reports: the column holding the study id.")
  var idColumn = "study_id"

  @Option(help: "With CSV inputs of reports: the column holding the report text.")
  var textColumn = "report"

  @OptionGroup var runOptions: RunArguments

  func run() throws {
    if convention.fixesUncertain, uncertain != nil {
      throw ValidationError(
        "--convention \(convention.rawValue) fixes how -1 counts, as its lineage's code does; leave out --uncertain.")
    }
    if let bootstrap, bootstrap < 1 { throw ValidationError("--bootstrap takes a number of resamples of at least 1.") }
    try OutputPaths.check(
      [.init(option: "the scores", path: "-", kinds: [])]
        + (json.map { [.init(option: "--json", path: $0, kinds: [.json])] } ?? [])
        + (labelsOut.map { [.init(option: "--labels-out", path: $0, kinds: [.csv])] } ?? [])
        + (perStudy.map { [.init(option: "--per-study", path: $0, kinds: [.csv])] } ?? []),
      inputs: [generated, reference] + (compare.map { [$0] } ?? []))
    guard !(generated == "-" && reference == "-") else {
      throw ValidationError("Standard input (-) can be read only once; name a file for one of the two inputs.")
    }
    // Both inputs are checked before either is labelled: a wrong second path should not wait for the first.
    let generatedIsLabelFile = try inputHoldsLabels(generated)
    let referenceIsLabelFile = try inputHoldsLabels(reference)
    let compareIsLabelFile = try compare.map(inputHoldsLabels)
    // The labeler is built only when some input is reports.
    var built: Labeler?
    let labeler = { () throws -> Labeler in
      if let built { return built }
      var settings = LabelerSettings()
      settings.amend = amend
      let made = try reported { try self.labeler == .chexpert ? Labeler.chexpert(settings) : Labeler.negbio(settings) }
      built = made
      return made
    }
    let predictions = try labels(of: generated, role: "generated", labeler: labeler, isLabelFile: generatedIsLabelFile)
    let truth = try labels(of: reference, role: "reference", labeler: labeler, isLabelFile: referenceIsLabelFile)
    let other = try compare.map {
      try labels(of: $0, role: "compared", labeler: labeler, isLabelFile: compareIsLabelFile ?? false)
    }
    // Pairs in the reference's order; each set's rows of them.
    var sides = [(reference, truth), (generated, predictions)]
    if let compare, let other { sides.append((compare, other)) }
    let pairing = LabelColumns.pair(sides.map(\.1))
    for (index, (path, file)) in sides.enumerated() {
      let repeated = pairing.repeated[index]
      if !repeated.isEmpty {
        printError(
          "cxrlabel: warning: \(path): \(repeated.count) studies repeat an earlier study id (first: \(repeated[0])); "
            + "the last of each is scored.")
      }
      let unpaired = pairing.unpaired[index]
      if !unpaired.isEmpty {
        printError(
          "cxrlabel: warning: \(path): \(unpaired.count) of \(file.count - repeated.count) studies have no pair in the "
            + "other input\(sides.count > 2 ? "s" : "") and are left out: " + unpaired.joined(separator: ", "))
      }
    }
    let truthRows = pairing.rows[0]
    let predictedRows = pairing.rows[1]
    guard !truthRows.isEmpty else {
      throw ValidationFailure(
        message: "\(generated) and \(reference) have no study id in common, so there is nothing to score. Check that "
          + "both name the same studies (ids are compared as MIMIC-CXR-JPG writes them: s50414267 is 50414267).")
    }
    let uncertainIsPositive = uncertain == .positive
    let counted =
      convention.isPositive(.uncertain, uncertainIsPositive: uncertainIsPositive)
      ? "1 and -1 count as positive" : "1 counts as positive; 0, -1 and blank as negative"
    let labelling = self.labeler.rawValue + (amend ? " --amend" : "")
    let origin = { (isLabelFile: Bool) in isLabelFile ? "labels read from the file" : "\(labelling) labels" }
    print(
      "convention: \(convention.rawValue), \(convention.lineage)\n\(truthRows.count) pairs scored (generated: "
        + "\(origin(generatedIsLabelFile)); reference: \(origin(referenceIsLabelFile)); labeler: \(labelling); "
        + "\(counted))\n")
    let truthMatrix = convention.binary(truth, rows: truthRows, uncertainIsPositive: uncertainIsPositive)
    let predictedMatrix = convention.binary(predictions, rows: predictedRows, uncertainIsPositive: uncertainIsPositive)
    let figures = convention.figures(truth: truthMatrix, predictions: predictedMatrix) ?? ScoreFigures()
    for note in figures.notes { printError("cxrlabel: note: \(note)") }
    let bootstrapping = bootstrap.map { ScoreBootstrap(resamples: $0, seed: seed) }
    var output: String
    if let other {
      let otherMatrix = convention.binary(other, rows: pairing.rows[2], uncertainIsPositive: uncertainIsPositive)
      let comparing = bootstrapping ?? ScoreBootstrap(resamples: 1000, seed: seed)
      let comparison = comparing.compare(convention, truth: truthMatrix, a: predictedMatrix, b: otherMatrix) ?? []
      print(
        ScoreReport.comparison(comparison, a: generated, b: compare ?? "", resamples: comparing.resamples),
        terminator: "")
      output = ScoreReport.comparisonJSON(comparison)
    } else {
      let intervals = bootstrapping?.intervals(convention, truth: truthMatrix, predictions: predictedMatrix)
      if convention == .standard {
        let scores = ClinicalEfficacy(
          truth: truthMatrix, predictions: predictedMatrix, observations: Observation.mimicOrder)
        print(scores.report, terminator: "")
        if let intervals {
          print("\n" + ScoreReport.figures(figures, intervals: intervals, resamples: bootstrap ?? 0), terminator: "")
        }
        output = intervals.map { scores.json(intervals: $0) } ?? scores.json
      } else {
        print(ScoreReport.figures(figures, intervals: intervals, resamples: bootstrap ?? 0), terminator: "")
        output = figures.json(intervals: intervals)
      }
    }
    if let json { try reported { try OutputFile.write(Array(output.utf8), to: json) } }
    if let labelsOut {
      try reported {
        try ScoreReport.writePairs(
          to: labelsOut, generated: (predictions, predictedRows), reference: (truth, truthRows), matrices: nil)
      }
    }
    if let perStudy {
      try reported {
        try ScoreReport.writePairs(
          to: perStudy, generated: (predictions, predictedRows), reference: (truth, truthRows),
          matrices: (truthMatrix, predictedMatrix))
      }
    }
  }

  /// Whether an input is a label file (see `LabelFile.holdsLabels`); throws for a missing path, or a CSV that is
  /// neither reports nor labels.
  private func inputHoldsLabels(_ path: String) throws -> Bool {
    if path != "-", !FileManager.default.fileExists(atPath: path) {
      throw ValidationFailure(message: "No such file or directory: \(path). Check the path.")
    }
    if try reported({ try LabelFile.holdsLabels(path: path, textColumn: textColumn) }) { return true }
    if let names = try reported({ try LabelFile.csvHeader(path: path) }), !names.contains(textColumn) {
      throw ValidationFailure(
        message: "\(path) has no \"\(textColumn)\" column (its header: \(names.joined(separator: ", "))) and names no "
          + "observation, so it is neither reports nor labels. Name the report column with --text-column, or give a "
          + "label file (a header naming the observations, as `cxrlabel label` writes it).")
    }
    return false
  }

  /// The labels of one input: read from a label file, or made by labelling its reports; `labeler` builds the
  /// labeler when first asked.
  private func labels(of path: String, role: String, labeler: () throws -> Labeler, isLabelFile: Bool) throws
    -> LabelColumns
  {
    if isLabelFile {
      let (file, layout) = try reported { try LabelColumns.read(path: path) }
      if layout.idsAreRowNumbers {
        throw ValidationFailure(
          message: "\(path) has no study_id or id column (as in the CheXpert labeler's layout), so its rows cannot be "
            + "paired with the other input's studies. Write the labels with their ids (`cxrlabel label -o x.csv`, "
            + "the default layout), or give the reports.")
      }
      let missing = Observation.mimicOrder.filter { !layout.observations.contains($0) }
      guard missing.isEmpty else {
        throw ValidationFailure(
          message:
            "\(path) reads as a label file, but has no column for \(missing.map(\.name).joined(separator: ", ")); "
            + "scores need all 14 observations. Give the reports instead, or a file `cxrlabel label` wrote.")
      }
      let extra = layout.observations.filter { !Observation.mimicOrder.contains($0) }.map(\.name)
      if !layout.ignoredColumns.isEmpty || !extra.isEmpty {
        printError(
          "cxrlabel: note: \(path): columns not scored (only the 14 observations are): "
            + (layout.ignoredColumns + extra).joined(separator: ", ") + ".")
      }
      return file
    }
    let labeler = try labeler()
    var options = InputOptions()
    options.idColumn = idColumn
    options.textColumn = textColumn
    options.standardInputIsCSV = true
    options.requiresStudyIDs = true
    let source = try reported { try ReportSource(inputs: [path], options: options) }
    var records = source
    var file = LabelColumns()
    var failures = 0
    var empty = 0
    let progress = Progress(enabled: !runOptions.quiet && isatty(2) == 1)
    var read = 0
    forEachInOrder(
      &records, jobs: runOptions.jobs ?? System.coreCount,
      transform: { record -> Result<(StudyID, StudyResult), CXRLabelError> in
        switch record {
        case .report(let report): return .success((report.id, labeler.label(report)))
        case .failure(_, let error): return .failure(error)
        }
      },
      consume: { outcome in
        read += 1
        progress.tick(read, total: source.estimatedRecords)
        switch outcome {
        case .failure(let error):
          failures += 1
          printError("cxrlabel: error: \(error)")
        case .success(let (id, result)):
          if result.analysis.notes.contains(.emptyText) { empty += 1 }
          file.append(id: id.studyNumber, labels: result.labels)
        }
      })
    progress.finish()
    if failures > 0 {
      throw ValidationFailure(
        message: "\(failures) of \(read) \(role) studies in \(path) could not be read (see above); no scores are "
          + "printed, since they would leave those studies out. Fix or remove them, then score again.")
    }
    if empty > 0 {
      printError(
        "cxrlabel: note: \(path): \(empty) \(role) reports have no text to label; every observation counts as negative for them."
      )
    }
    return file
  }
}
