import ArgumentParser
import CXRLabel

/// `cxrlabel judge`: classification and aggregation on graphs from another parser.
struct JudgeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "judge",
    abstract: "Decide mentions and labels on dependency graphs you bring (JSON Lines).",
    discussion: """
      Each input line is one study: {"study_id", "clean", "sentences":
      [{"offset", "text", "tokens": [{"id", "word", "lemma", "tag", "start",
      "end"}], "edges": [{"head", "dep", "rel"}], "parse_ok"}], "mentions":
      [{"observation", "phrase", "start", "end"}]}; offsets count characters of
      "clean". A `label --explain FILE --explain-graphs` file is valid input.
      The output repeats each record with every mention's "result"
      (positive/negation/uncertainty), "phase", "rule" and "rule_source", and
      the study's "labels" (observation -> 1, 0, -1 or null). Graphs are used as
      given; --propagate applies NegBio's propagation first (for graphs straight
      from a UD converter).
      """)

  @Argument(help: ArgumentHelp("The studies with their graphs (.jsonl, gzip or not; - for standard input).", valueName: "graphs"))
  var input: String

  @OptionGroup var rules: RuleArguments

  @Option(name: .shortAndLong, help: ArgumentHelp("Output file (.jsonl); default: standard output.", valueName: "file"))
  var output: String?

  @Flag(help: "Apply NegBio's edge propagation before matching.")
  var propagate = false

  @Option(help: "Whose rules and label collection to apply (negbio: its regular expressions first, no sentence shortcut).")
  var labeler: LabelerChoice = .chexpert

  func run() throws {
    var settings = FrontEndSettings()
    try rules.apply(to: &settings, labeler: labeler, readsReports: false)
    let judge = try reported {
      try labeler == .chexpert
        ? Judge.chexpert(settings, propagates: propagate) : Judge.negbio(settings, propagates: propagate)
    }
    let classifier = judge.classifier
    try OutputPaths.check(
      [.init(option: "-o", path: output ?? "-", kinds: [.jsonLines])], inputs: [input])
    let reader = try reported { try LineReader(path: input) }
    let file = try reported { try OutputFile(path: output) }
    let workspace = RuleWorkspace()
    var summary = RunSummary()
    // The 14 observations, plus every other name already warned about.
    var namedObservations = Set(Observation.mimicOrder)
    do {
      while let line = try reader.next() {
        if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
        summary.read += 1
        do {
          let study = try GraphsReader.parse(line: line, file: reader.path, lineNumber: reader.lineNumber)
          for mention in study.mentions where namedObservations.insert(mention.observation).inserted {
            printError(
              "cxrlabel: warning: \(reader.path):\(reader.lineNumber): \"\(mention.observation.name)\" is not one of the 14 "
                + "CheXpert observations (names are case-sensitive); it gets a label of its own.")
          }
          let verdict = try judge.judge(study, workspace: workspace)
          try file.write(JudgeWriter.line(for: study, verdict: verdict, classifier: classifier))
          summary.written += 1
        } catch {
          summary.count(error)
          printError("cxrlabel: error: \(error)")
        }
      }
      try file.commit()
    } catch {
      file.discard()
      throw ValidationFailure(message: error.description)
    }
    try finish(summary)
  }
}
