import ArgumentParser
import CXRLabel

extension TrainingTable.UncertainPolicy: ExpressibleByArgument {}
extension TrainingTable.BlankPolicy: ExpressibleByArgument {}

/// `cxrlabel dataset`: one row per image, labels joined to MIMIC-CXR-JPG's split and metadata files.
struct DatasetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dataset",
    abstract: "Join a label file with MIMIC-CXR-JPG's split and metadata files: one row per image, ready to train on.",
    discussion: """
      Columns: dicom_id, subject_id, study_id, split, ViewPosition, path
      (files/p10/p10000032/s50414267/<dicom_id>.jpg), then the 14 observations in
      MIMIC-CXR-JPG's order (and any other the label file has), values 1.0, 0.0,
      -1.0 or empty. Rows follow the split file's order.

      LABELS is any label file cxrlabel writes (.csv, .csv.gz, .jsonl) or
      MIMIC-CXR-JPG's own mimic-cxr-2.0.0-chexpert.csv.gz / -negbio.csv.gz; study
      ids join with or without their s. A study of the split file without a label
      row keeps its images, with blank labels (never zeros, whatever --blank
      says), and above 5% of the studies the run warns; a label row without
      images, and an image missing from the metadata file, are counted and named.
      A label file that matches no study, repeats a study, or has no id column is
      refused, and so is a split file that repeats a dicom_id or has ids that are
      not MIMIC-CXR numbers.

      Examples:
        cxrlabel dataset labels.csv.gz --split mimic-cxr-2.0.0-split.csv.gz \\
          --metadata mimic-cxr-2.0.0-metadata.csv.gz -o images.csv.gz
        cxrlabel dataset labels.csv.gz --split ... --metadata ... --views PA,AP \\
          --splits train --uncertain ones --blank zeros -o train-uones.csv.gz
      """)

  @Argument(help: ArgumentHelp("The label file.", valueName: "labels"))
  var labels: String

  @Option(help: ArgumentHelp("MIMIC-CXR-JPG's split file (dicom_id, study_id, subject_id, split).", valueName: "file"))
  var split: String

  @Option(help: ArgumentHelp("MIMIC-CXR-JPG's metadata file (dicom_id, ..., ViewPosition, ...).", valueName: "file"))
  var metadata: String

  @Option(
    name: .shortAndLong, help: ArgumentHelp("Output: .csv or .csv.gz; default: standard output.", valueName: "file"))
  var output: String?

  @Option(
    help: ArgumentHelp(
      "What -1 becomes: keep, ones (U-Ones), zeros (U-Zeros) or ignore (blank, U-Ignore).",
      valueName: "keep|ones|zeros|ignore"))
  var uncertain: TrainingTable.UncertainPolicy = .keep

  @Option(help: ArgumentHelp("What a blank label becomes: keep or zeros.", valueName: "keep|zeros"))
  var blank: TrainingTable.BlankPolicy = .keep

  @Option(
    help: ArgumentHelp(
      "Keep only images with these ViewPositions, comma-separated (e.g. PA,AP; '' keeps images without one).",
      valueName: "list"))
  var views: String?

  @Option(help: ArgumentHelp("Keep only these splits, comma-separated (train, validate, test).", valueName: "list"))
  var splits: String?

  /// How many ids of each kind are named.
  static let named = 5
  /// Above this share of the split's studies without a label row, the run warns loudly.
  static let unlabelledWarningShare = 0.05
  /// The split names MIMIC-CXR-JPG's split file uses.
  static let knownSplits = ["train", "validate", "test"]

  /// A few ids, for a message.
  func some(_ ids: [String]) -> String {
    ids.prefix(Self.named).joined(separator: ", ") + (ids.count > Self.named ? ", ..." : "")
  }

  /// `--splits` as a set; refuses a name MIMIC-CXR-JPG does not use (a typo would keep no image).
  func splitNames() throws -> Set<String>? {
    guard let splits else { return nil }
    let names = Set(splits.split(separator: ",").map(String.init))
    if let unknown = names.sorted().first(where: { !Self.knownSplits.contains($0) }) {
      throw ValidationError(
        "--splits: \"\(unknown)\" is not a split of MIMIC-CXR-JPG; name some of \(Self.knownSplits.joined(separator: ", "))."
      )
    }
    return names
  }

  /// Refuses a label file whose rows cannot be joined to studies one to one.
  func check(_ file: LabelFile) throws {
    if file.idsAreRowNumbers {
      throw ValidationFailure(
        message: "\(labels) has no study_id or id column (as in the CheXpert labeler's layout), so its rows cannot be "
          + "joined to the split file's studies. Write the labels with their ids (`cxrlabel label -o x.csv`).")
    }
    if !file.repeatedIDs.isEmpty {
      throw ValidationFailure(
        message:
          "\(labels) has \(file.repeatedIDs.count) rows that repeat an earlier study id (\(some(file.repeatedIDs))), "
          + "so which labels their images get is unclear. Keep one row per study.")
    }
  }

  func run() throws {
    try OutputPaths.check(
      [.init(option: "-o", path: output ?? "-", kinds: [.csv])], inputs: [labels, split, metadata])
    let labelFile = try reported { try LabelFile.read(path: labels) }
    try check(labelFile)
    var table = TrainingTable(labels: labelFile)
    table.uncertain = uncertain
    table.blank = blank
    table.views = views.map { Set($0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)) }
    table.splits = try splitNames()
    let scan = try reported { try table.scan(splitPath: split) }
    let matched = labelFile.ids.lazy.filter { scan.studies.contains($0) }.count
    guard matched > 0 else {
      throw ValidationFailure(
        message: "None of the \(labelFile.ids.count) studies of \(labels) has an image in \(split)"
          + (splits.map { " (splits \($0))" } ?? "") + " (first ids: \(some(labelFile.ids))), so every row would be "
          + "blank. Check that the label file is for these studies: ids join as 50414267 or s50414267.")
    }
    let viewPositions = try reported { try TrainingTable.readViewPositions(path: metadata) }
    let file = try reported { try OutputFile(path: output) }
    let report: TrainingTable.Report
    do {
      try reported { try file.write(table.header) }
      report = try reported {
        try table.build(splitPath: split, viewPositions: viewPositions) { row throws(CXRLabelError) in
          try file.write(row)
        }
      }
      try reported { try file.commit() }
    } catch {
      file.discard()
      throw error
    }
    printError(
      "cxrlabel: \(report.images) images written"
        + (report.filteredOut > 0 ? ", \(report.filteredOut) left out by --views/--splits." : "."))
    let unlabelled = Double(report.studiesWithoutLabels.count) / Double(max(scan.studies.count, 1))
    if unlabelled > Self.unlabelledWarningShare {
      printError(
        "cxrlabel: warning: \(report.studiesWithoutLabels.count) of \(scan.studies.count) studies "
          + "(\(Int((unlabelled * 100).rounded()))%) have no row in \(labels); their images are written with blank "
          + "labels (never zeros). If the label file should cover them, check that it is the right one.")
    }
    if !report.studiesWithoutLabels.isEmpty {
      printError(
        "  note (study of the split file without a label row, kept with blank labels): \(report.studiesWithoutLabels.count) (\(some(report.studiesWithoutLabels)))"
      )
    }
    if !report.labelsWithoutImages.isEmpty {
      printError(
        "  note (label row whose study has no image in the split file, not written): \(report.labelsWithoutImages.count) (\(some(report.labelsWithoutImages)))"
      )
    }
    if !report.imagesWithoutMetadata.isEmpty {
      printError(
        "  note (image missing from the metadata file, ViewPosition empty): \(report.imagesWithoutMetadata.count) (\(some(report.imagesWithoutMetadata)))"
      )
    }
  }
}
