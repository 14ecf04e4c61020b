import ArgumentParser
import CXRLabel

extension UncertainPolicy: ExpressibleByArgument {}

/// `cxrlabel eval`: agreement between two label files.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Compare two label files: agreement per observation, on mentioned cells, exact rows, confusion, P/R/F1.",
    discussion: """
      Files may be in any of cxrlabel's layouts (MIMIC-CXR-JPG, CheXpert,
      NegBio), gzip or not. Rows are joined on study_id (or id; the CheXpert
      layout, which has no id, is joined on row number). Mentioned cells are
      those where either side is non-blank. P/R/F1 treat REFERENCE as gold and 1
      as positive; --uncertain says how -1 counts. --disagreements FILE lists
      every differing cell, to look each study up in a label --explain file.
      --html FILE writes a self-contained page: agreement per observation as a
      chart, the confusion counts, and every disagreement with both labels; with
      --explain (what `label --explain --explain-graphs` wrote for CANDIDATE),
      each links to the report with its mentions, rules and dependency arcs.

      Examples:
        cxrlabel eval reference.csv labels.csv
        cxrlabel eval reference.csv labels.csv --disagreements diff.csv
        cxrlabel eval reference.csv labels.csv --html report.html --explain why.jsonl
      """)

  @Argument(help: "The reference (gold) label file.")
  var reference: String

  @Argument(help: "The label file to score.")
  var candidate: String

  @Option(help: "How -1 counts for P/R/F1: positive, negative, or ignore (leave those cells out).")
  var uncertain: UncertainPolicy = .positive

  @Option(
    help: ArgumentHelp(
      "Also write every differing cell as CSV (study_id, observation, reference, candidate).", valueName: "file"))
  var disagreements: String?

  @Option(
    help: ArgumentHelp(
      "Also write a self-contained HTML page of the agreement and every disagreement.", valueName: "file"))
  var html: String?

  @Option(
    help: ArgumentHelp(
      "With --html: the `label --explain` file of CANDIDATE, so the page shows each report with its mentions and rules.",
      valueName: "file"))
  var explain: String?

  func run() throws {
    try OutputPaths.check(
      [.init(option: "the report", path: "-", kinds: [])]
        + (disagreements.map { [.init(option: "--disagreements", path: $0, kinds: [.csv])] } ?? [])
        + (html.map { [.init(option: "--html", path: $0, kinds: [.html])] } ?? []),
      inputs: [reference, candidate] + (explain.map { [$0] } ?? []))
    if explain != nil, html == nil {
      throw ValidationError("--explain goes with --html (the page it adds reports to).")
    }
    let records = try explain.map { try AuditPage.explainRecords(path: $0) } ?? []
    let files = try reported { (try LabelFile.read(path: reference), try LabelFile.read(path: candidate)) }
    for (path, file) in [(reference, files.0), (candidate, files.1)] {
      if !file.repeatedIDs.isEmpty {
        printError(
          "cxrlabel: warning: \(path): \(file.repeatedIDs.count) rows repeat an earlier study id (first: "
            + "\(file.repeatedIDs[0])); the last row of each id is compared.")
      }
      if !file.ignoredColumns.isEmpty {
        printError(
          "cxrlabel: note: \(path): columns left out as they hold other values than labels: "
            + file.ignoredColumns.joined(separator: ", ") + ".")
      }
    }
    let names = { (file: LabelFile) in file.observations.map(\.name).joined(separator: ", ") }
    let shared = Set(files.0.observations).intersection(files.1.observations)
    guard !shared.isEmpty else {
      throw ValidationFailure(
        message: "The two files have no observation column in common (\(reference): \(names(files.0)); "
          + "\(candidate): \(names(files.1))). Column names are case-sensitive.")
    }
    for (path, other) in [(candidate, files.0), (reference, files.1)] {
      let missing = other.observations.filter { !shared.contains($0) }
      if !missing.isEmpty {
        printError(
          "cxrlabel: warning: \(path) has no column for \(missing.map(\.name).joined(separator: ", ")); "
            + "only the \(shared.count) observations both files have are compared.")
      }
    }
    let comparison = LabelComparison(reference: files.0, candidate: files.1, uncertain: uncertain)
    if comparison.studies == 0 {
      throw ValidationFailure(
        message: "The two files have no study id in common; check that they label the same studies.")
    }
    print(comparison.report, terminator: "")
    if let disagreements {
      try reported { try OutputFile.write(Array(comparison.disagreementsCSV.utf8), to: disagreements) }
    }
    if let html {
      var byID: [String: String] = [:]
      for record in records { byID[StudyID(study: record.id).studyNumber] = record.line }
      let data = AuditPage.evalData(
        comparison, reference: reference, candidate: candidate, referenceFile: files.0, candidateFile: files.1,
        explain: byID)
      try reported { try OutputFile.write(AuditPage.page(data: data), to: html) }
    }
  }
}
