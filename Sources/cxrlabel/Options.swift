import ArgumentParser
import CXRLabel

/// `--amend`'s help, the same in every command that has it.
let amendHelp = ArgumentHelp(
  "Add cxrlabel's amendments to the labeler's rules and phrases: repairs of meanings the originals' rules miss "
    + "(\"X is not identified\", \"X: none\", \"likely X\", \"normal heart size with small effusions\", ...), each "
    + "named in --explain. Without it the labels are the original's.")

/// Which labeler to reproduce.
enum LabelerChoice: String, ExpressibleByArgument, CaseIterable {
  case chexpert, negbio

  /// The option's help, the same in every command.
  static let help = ArgumentHelp(
    "Which labeler to reproduce: chexpert (the CheXpert labeler) or negbio (NegBio's MIMIC-CXR pipeline: its "
      + "text handling, regular expressions before its graph rules, its label collection).",
    valueName: "chexpert|negbio")
}

extension SectionChoice: ExpressibleByArgument {}

/// Where reports come from and how CSV files are read.
struct InputArguments: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Report trees (folders of .txt files, e.g. MIMIC-CXR's files/), single .txt reports, CSV files (.csv or "
        + ".csv.gz), or - for standard input.", valueName: "input"))
  var inputs: [String] = []

  @Flag(
    name: .customLong("no-header"),
    help:
      "CSV files have no header: one column of reports (ids are row numbers from 1), or two (id, report), as the CheXpert labeler reads them."
  )
  var noHeader = false

  @Option(help: "With a CSV header: the column holding the study id.")
  var idColumn = "study_id"

  @Option(
    help:
      "With a CSV header: the column holding the report text. (MIT-LCP's mimic_cxr_sectioned.csv is read as it is: its study column, and the first of impression, findings, last_paragraph, comparison that is not empty.)"
  )
  var textColumn = "report"

  @Option(help: "With a CSV header: a column holding the subject id (p10000032 or 10000032), written as subject_id.")
  var subjectColumn: String?

  @Flag(help: "Standard input is CSV (otherwise it is the text of one report).")
  var stdinCSV = false

  @Option(
    help: ArgumentHelp(
      "Which part of report files to label (default: mimic, MIMIC-CXR's choice: impression, else findings, else the last paragraph, with its per-study fixes; a report with no section header is labelled whole).",
      valueName: "mimic|impression|findings|last|all"))
  var sections: SectionChoice?

  @Flag(
    help:
      "Also apply --sections to CSV rows (by default they are taken as the text to label). Sections are found as MIMIC-CXR's parser finds them: a header (FINDINGS:, IMPRESSION:) counts only on a new line that begins with one space, as MIMIC-CXR's report files are laid out."
  )
  var sectionCSV = false

  @Option(
    help: ArgumentHelp(
      "Label only the K-th of N contiguous slices of the input (e.g. 3/10), for array jobs; the slices' rows, concatenated in order, are the unsharded output.",
      valueName: "K/N"))
  var shard: String?

  /// The shard as (K, N), if given.
  func shardNumbers() throws -> (Int, Int)? {
    guard let shard else { return nil }
    let parts = shard.split(separator: "/")
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else {
      throw ValidationError("--shard is K/N with 1 <= K <= N, e.g. --shard 3/10.")
    }
    return (k, n)
  }

  /// The report source for these arguments, sharded if asked.
  func source() throws -> ReportSource {
    let source = try reported { try ReportSource(inputs: inputs, options: inputOptions) }
    if let (k, n) = try shardNumbers() { try reported { try source.shard(k, of: n) } }
    return source
  }

  func validate() throws {
    guard !inputs.isEmpty else {
      throw ValidationError("Name at least one input (a folder, a .txt report, a CSV file, or - for standard input).")
    }
    guard inputs.filter({ $0 == "-" }).count <= 1 else {
      throw ValidationError("Standard input (-) can be read only once; name it once.")
    }
    if stdinCSV, !inputs.contains("-") {
      throw ValidationError("--stdin-csv says how to read standard input; add - to the inputs, or leave it out.")
    }
    let anyCSV = inputs.contains { $0 == "-" ? stdinCSV : FileEnding.csv.matches($0) }
    let csvOptions = [
      ("--no-header", noHeader), ("--id-column", idColumn != "study_id"), ("--text-column", textColumn != "report"),
      ("--section-csv", sectionCSV), ("--subject-column", subjectColumn != nil),
    ]
    if !anyCSV, let (option, _) = csvOptions.first(where: { $0.1 }) {
      throw ValidationError(
        "\(option) is about CSV inputs, and none is given (report folders and .txt files have no columns).")
    }
    let allCSV = inputs.allSatisfy { $0 == "-" ? stdinCSV : FileEnding.csv.matches($0) }
    if sections != nil, !sectionCSV, allCSV {
      throw ValidationError(
        "--sections applies to report files, and every input here is CSV, whose rows are taken as the text to label. "
          + "Add --section-csv to choose sections in CSV rows too.")
    }
  }

  var inputOptions: InputOptions {
    var options = InputOptions()
    options.csvHasHeader = !noHeader
    options.idColumn = idColumn
    options.textColumn = textColumn
    options.standardInputIsCSV = stdinCSV
    options.subjectColumn = subjectColumn
    return options
  }
}

/// Which vocabulary and sentence facts to use.
struct DataArguments: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A vocabulary in cxrlabel's format (default: the compiled-in one; see Phrases/README.md).", valueName: "file"))
  var phrases: String?

  @Option(
    help: ArgumentHelp(
      "The CheXpert labeler's phrases/mention directory, to run original or customised phrase files unchanged (with --unmention-phrases).",
      valueName: "dir"))
  var mentionPhrases: String?

  @Option(help: ArgumentHelp("The CheXpert labeler's phrases/unmention directory.", valueName: "dir"))
  var unmentionPhrases: String?

  @Option(
    help: ArgumentHelp(
      "A directory with NLTK's Punkt English tables (abbrev_types.txt, collocations.tsv, sent_starters.txt, ortho_context.tsv) instead of the compiled-in facts.",
      valueName: "dir"))
  var punktDir: String?

  @Option(
    help: ArgumentHelp(
      "Sentence facts in cxrlabel's format (as `cxrlabel data export` writes punkt-english.facts).", valueName: "file"))
  var punktFacts: String?

  @Option(
    help: ArgumentHelp(
      "Section-choice rules in cxrlabel's format (as `cxrlabel data export` writes mimic-cxr.sections).",
      valueName: "file"))
  var sectionRules: String?

  @Option(
    help: ArgumentHelp("The parser's lexicon (as `cxrlabel data export` writes parser.lexicon).", valueName: "file"))
  var lexicon: String?

  func settings(_ input: InputArguments) -> LabelerSettings {
    var settings = LabelerSettings()
    settings.punktFactsFile = punktFacts
    settings.sectionRulesFile = sectionRules
    settings.lexiconFile = lexicon
    settings.phrasesFile = phrases
    settings.mentionDirectory = mentionPhrases
    settings.unmentionDirectory = unmentionPhrases
    settings.punktDirectory = punktDir
    settings.sections = input.sections ?? .mimic
    settings.sectionsForCSV = input.sectionCSV
    return settings
  }
}

/// How much work runs at once.
struct RunArguments: ParsableArguments {
  @Option(name: .shortAndLong, help: "Worker threads (default: all cores).")
  var jobs: Int?

  @Flag(help: "No progress line on standard error (the end-of-run summary is still printed).")
  var quiet = false

  func validate() throws {
    if let jobs, jobs < 1 || jobs > 4096 {
      throw ValidationError("--jobs must be between 1 and 4096 (default: every core).")
    }
  }
}
