import ArgumentParser
import CXRLabel

extension LabelLayout: ExpressibleByArgument {}

/// `cxrlabel label` (the default): the 14 labels per study.
struct LabelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "label",
    abstract: "Label each study (the default command).",
    discussion: """
      Values: 1 positive, 0 negative, -1 uncertain, blank not mentioned. --explain FILE writes, per study, every
      mention with the rule (id, file:line, note) that decided it, and flags mentions whose sentence had no parse.
      """)

  @OptionGroup var input: InputArguments
  @OptionGroup var data: DataArguments
  @OptionGroup var rules: RuleArguments
  @OptionGroup var runOptions: RunArguments

  @Option(help: "Which labeler to reproduce.")
  var labeler: LabelerChoice = .chexpert

  @Option(name: .shortAndLong, help: ArgumentHelp("Output: .csv.gz, .csv or .jsonl; default: CSV on standard output.", valueName: "file"))
  var output: String?

  @Option(help: ArgumentHelp("Column layout: mimic (subject_id, study_id, observations A-Z) or chexpert (Reports, the labeler's order).", valueName: "mimic|chexpert"))
  var format: LabelLayout = .mimic

  @Option(help: ArgumentHelp("Also write explanations (JSON Lines) to this file.", valueName: "file"))
  var explain: String?

  func run() throws {
    guard labeler == .chexpert else {
      throw ValidationFailure(message: "--labeler negbio is not built yet; use --labeler chexpert.")
    }
    var settings = data.settings(input)
    try rules.apply(to: &settings)
    let labeler = try reported { try Labeler.chexpert(settings) }
    let source = try reported { try ReportSource(inputs: input.inputs, options: input.inputOptions) }
    let table = LabelTable(layout: format, vocabularyObservations: labeler.frontEnd.matcher.observations)
    let jsonl = output?.hasSuffix(".jsonl") ?? false
    let explanations = try explain.map { path in try reported { try OutputFile(path: path) } }
    let classifier = labeler.classifier
    let explaining = explanations != nil
    let runner = Runner(jobs: runOptions.jobs ?? System.coreCount, quiet: runOptions.quiet)
    var withoutGraph = 0
    let summary = try reported {
      try runner.run(
        source: source, output: output, header: jsonl ? [] : table.header,
        transform: { report in
          let result = labeler.label(report)
          let row =
            jsonl
            ? ExplanationWriter.labelsLine(id: report.id, labels: result.labels)
            : table.row(id: report.id, reportText: report.text, labels: result.labels)
          return Runner.Outcome(
            bytes: row, notes: result.analysis.notes, failure: nil, id: report.id,
            extra: !explaining ? [] : ExplanationWriter.line(for: result, classifier: classifier),
            mentionsWithoutGraph: result.classification.mentionsWithoutGraph)
        },
        extra: { bytes, count in
          withoutGraph += count
          try explanations?.write(bytes)
        })
    }
    try reported { try explanations?.commit() }
    if withoutGraph > 0 {
      printError("cxrlabel: \(withoutGraph) mentions stayed positive because their sentence had no parse (see --explain).")
    }
    try finish(summary)
  }
}

/// Which rules decide mentions.
struct RuleArguments: ParsableArguments {
  @Option(help: ArgumentHelp("Rules in cxrlabel's notation (default: the compiled-in ones; see Phrases/README.md).", valueName: "file"))
  var rules: String?

  @Option(help: ArgumentHelp("The original labeler's pre-negation uncertainty rule file (.txt or NegBio .yml); give all three.", valueName: "file"))
  var preNegationUncertainty: String?

  @Option(help: ArgumentHelp("The original labeler's negation rule file.", valueName: "file"))
  var negation: String?

  @Option(help: ArgumentHelp("The original labeler's post-negation uncertainty rule file.", valueName: "file"))
  var postNegationUncertainty: String?

  func apply(to settings: inout FrontEndSettings) throws {
    settings.rulesFile = rules
    let originals = [preNegationUncertainty, negation, postNegationUncertainty].compactMap { $0 }
    if !originals.isEmpty {
      guard originals.count == 3, rules == nil else {
        throw ValidationError(
          "Give all three of --pre-negation-uncertainty, --negation and --post-negation-uncertainty (and not --rules).")
      }
      settings.originalRuleFiles = originals
    }
  }
}
