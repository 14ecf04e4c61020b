import ArgumentParser
import CXRLabel

extension LabelLayout: ExpressibleByArgument {}

/// `cxrlabel label` (the default): the 14 labels per study.
struct LabelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "label",
    abstract: "Label each study (the default command).",
    discussion: """
      Values: 1 positive, 0 negative, -1 uncertain, blank not mentioned.
      --explain FILE writes, per study, every mention with the rule (id,
      file:line, note) that decided it, and flags mentions whose sentence had
      no parse; --explain-graphs adds each sentence's parse, which
      `cxrlabel judge` reads back (correct a parse, then re-judge it).
      """)

  // Titled groups are listed in declaration order: what most runs need first, the data-file options last.
  @OptionGroup(title: "Labels") var labelling: LabellingArguments
  @OptionGroup(title: "Inputs") var input: InputArguments
  @OptionGroup(title: "Running") var runOptions: RunArguments
  @OptionGroup(title: "Data files (default: the compiled-in ones)") var data: DataArguments
  @OptionGroup(title: "Rule files (default: the compiled-in ones)") var rules: RuleArguments

  var output: String? { labelling.output }
  var labeler: LabelerChoice { labelling.labeler }
  var format: LabelLayout? { labelling.format }
  var dropEmpty: Bool { labelling.dropEmpty }
  var emptyAsNormal: Bool { labelling.emptyAsNormal }
  var explain: String? { labelling.explain }
  var parseTokenLimit: Int { labelling.parseTokenLimit }
  var explainGraphs: Bool { labelling.explainGraphs }

  func run() throws {
    var settings = data.settings(input)
    try rules.apply(to: &settings, labeler: labeler, readsReports: true)
    guard parseTokenLimit >= 0 else { throw ValidationError("--parse-token-limit must be 0 (no limit) or more.") }
    var configured = try reported {
      try self.labeler == .chexpert ? Labeler.chexpert(settings) : Labeler.negbio(settings)
    }
    configured.parseTokenLimit = parseTokenLimit == 0 ? nil : parseTokenLimit
    configured.keepsGraphs = explainGraphs
    configured.emptyText = emptyAsNormal ? .noFinding : .blank
    let labeler = configured
    let dropEmpty = self.dropEmpty
    let emptyAsNormal = self.emptyAsNormal
    if dropEmpty && emptyAsNormal {
      throw ValidationError(
        "--drop-empty writes no row for an empty study and --empty-as-normal labels it; choose one.")
    }
    try OutputPaths.check(
      [.init(option: "-o", path: output ?? "-", kinds: [.csv, .jsonLines])]
        + (explain.map { [.init(option: "--explain", path: $0, kinds: [.jsonLines])] } ?? []),
      inputs: input.inputs)
    let source = try input.source()
    let table = LabelTable(layout: format ?? .mimic, vocabularyObservations: labeler.frontEnd.matcher.observations)
    let jsonl = output.map(FileEnding.jsonLines.matches) ?? false
    if jsonl, let format {
      throw ValidationError(
        "--format \(format.rawValue) is a CSV layout, and -o names a .jsonl file, which has a layout of its own. "
          + "Drop --format, or write a .csv or .csv.gz file.")
    }
    let explanations = try explain.map { path in try reported { try OutputFile(path: path) } }
    let explaining = explanations != nil
    if explainGraphs && !explaining { throw ValidationError("--explain-graphs needs --explain FILE.") }
    let explainGraphs = self.explainGraphs
    let runner = Runner(jobs: runOptions.jobs ?? System.coreCount, quiet: runOptions.quiet)
    var withoutGraph = 0
    // The explanations are a second output: removed like -o's temporary file when the run fails.
    var summary: RunSummary
    do {
      summary = try reported {
        try runner.run(
          source: source, output: output, header: jsonl ? [] : table.header,
          transform: { report in
            let result = labeler.label(report)
            if dropEmpty, result.analysis.notes.contains(.emptyText) {
              return Runner.StudyOutput(bytes: [], notes: result.analysis.notes, dropped: true)
            }
            let row =
              jsonl
              ? ExplanationWriter.labelsLine(id: report.id, labels: result.labels)
              : table.row(id: report.id, reportText: result.analysis.chosenText, labels: result.labels)
            return Runner.StudyOutput(
              bytes: row, notes: result.analysis.notes,
              extra: !explaining ? [] : ExplanationWriter.line(for: result, graphs: explainGraphs),
              mentionsWithoutGraph: result.classification.mentionsWithoutGraph)
          },
          extra: { bytes, count in
            withoutGraph += count
            try explanations?.write(bytes)
          })
      }
      if summary.written == 0, summary.hasFailures {
        explanations?.discard()
      } else {
        try reported { try explanations?.commit() }
      }
    } catch {
      explanations?.discard()
      throw error
    }
    if !dropEmpty, summary.notes[.emptyText, default: 0] > 0 {
      summary.emptyTextHint =
        emptyAsNormal
        ? "labelled No Finding 1 (--empty-as-normal), as the original labelers do"
        : "their rows are blank; --drop-empty leaves them out, --empty-as-normal labels them No Finding as the originals do"
    }
    if withoutGraph > 0 {
      printError(
        "cxrlabel: \(withoutGraph) mentions stayed positive because their sentence had no parse (see --explain).")
    }
    try finish(summary)
  }
}

/// What `cxrlabel label` writes, and how.
struct LabellingArguments: ParsableArguments {
  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Output: .csv, .csv.gz, .jsonl or .jsonl.gz; default: CSV on standard output.", valueName: "file"))
  var output: String?

  @Option(help: LabelerChoice.help)
  var labeler: LabelerChoice = .chexpert

  @Option(
    help: ArgumentHelp(
      "Column layout: mimic (subject_id, study_id, observations A-Z), chexpert (Reports, the labeler's order) or negbio (id, NegBio's order, 1/0/-1).",
      valueName: "mimic|chexpert|negbio"))
  var format: LabelLayout?

  @Flag(
    help:
      "Write no row for studies with no text to label (NegBio drops them; by default their row is blank and they are counted)."
  )
  var dropEmpty = false

  @Flag(
    help:
      "Label a study with no text to label as the original labelers do, No Finding 1 (by default every observation is blank: MIMIC-CXR-JPG has no row for such studies, and a 1 there reads as a normal study)."
  )
  var emptyAsNormal = false

  @Option(help: ArgumentHelp("Also write explanations (JSON Lines) to this file.", valueName: "file"))
  var explain: String?

  @Option(
    help: ArgumentHelp(
      "Leave sentences of at least N tokens unparsed, as BLLIP does (0: parse every sentence; the CheXpert labeler aborts the whole run on such a sentence, cxrlabel counts it in the summary instead).",
      valueName: "N"))
  var parseTokenLimit: Int = Labeler.bllipTokenLimit

  @Flag(
    help:
      "With --explain: also write each sentence's tokens, tags, lemmas and dependency edges, in the format `cxrlabel judge` reads (edit a parse, re-judge it)."
  )
  var explainGraphs = false
}

/// Which rules decide mentions.
struct RuleArguments: ParsableArguments {
  @Flag(help: amendHelp)
  var amend = false

  @Option(
    help: ArgumentHelp(
      "Rules in cxrlabel's notation (default: the compiled-in ones; see Phrases/README.md).", valueName: "file"))
  var rules: String?

  @Option(
    help: ArgumentHelp(
      "The original labeler's pre-negation uncertainty rule file (.txt or NegBio .yml); give all three.",
      valueName: "file"))
  var preNegationUncertainty: String?

  @Option(help: ArgumentHelp("The original labeler's negation rule file.", valueName: "file"))
  var negation: String?

  @Option(help: ArgumentHelp("The original labeler's post-negation uncertainty rule file.", valueName: "file"))
  var postNegationUncertainty: String?

  @Option(
    help: ArgumentHelp(
      "With --labeler negbio: NegBio's neg_regex_patterns.yml (with --uncertainty-regex).", valueName: "file"))
  var negationRegex: String?

  @Option(help: ArgumentHelp("With --labeler negbio: NegBio's uncertainty_regex_patterns.yml.", valueName: "file"))
  var uncertaintyRegex: String?

  @Option(
    help: ArgumentHelp(
      "With --labeler negbio: a section-title file (one pattern per line), e.g. NegBio's section_titles_cxr8.txt.",
      valueName: "file"))
  var sectionTitles: String?

  @Option(
    help: ArgumentHelp(
      "With --labeler negbio: its regular-expression rules in cxrlabel's format (as `cxrlabel data export` writes negbio.regex).",
      valueName: "file"))
  var regexRules: String?

  /// Sets the rule files; `readsReports` says whether the command has a front end (section titles apply).
  func apply(to settings: inout LabelerSettings, labeler: LabelerChoice, readsReports: Bool) throws {
    let negbioOnly =
      [("--negation-regex", negationRegex), ("--uncertainty-regex", uncertaintyRegex), ("--regex-rules", regexRules)]
      + (readsReports ? [("--section-titles", sectionTitles)] : [])
    if labeler != .negbio, let (option, _) = negbioOnly.first(where: { $0.1 != nil }) {
      throw ValidationError("\(option) is NegBio's; add --labeler negbio.")
    }
    if !readsReports, sectionTitles != nil {
      throw ValidationError("--section-titles splits report text, and judge reads graphs; leave it out.")
    }
    settings.rulesFile = rules
    let originals = [preNegationUncertainty, negation, postNegationUncertainty].compactMap { $0 }
    if !originals.isEmpty {
      guard originals.count == 3, rules == nil else {
        throw ValidationError(
          "Give all three of --pre-negation-uncertainty, --negation and --post-negation-uncertainty (and not --rules).")
      }
      settings.originalRuleFiles = originals
    }
    let regexes = [negationRegex, uncertaintyRegex].compactMap { $0 }
    if !regexes.isEmpty {
      guard regexes.count == 2 else { throw ValidationError("Give both --negation-regex and --uncertainty-regex.") }
      settings.originalRegexFiles = regexes
    }
    settings.sectionTitlesFile = sectionTitles
    settings.regexRulesFile = regexRules
    settings.amend = amend
  }
}
