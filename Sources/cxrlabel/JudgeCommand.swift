import ArgumentParser
import CXRLabel
import Foundation

/// `cxrlabel judge`: classification and aggregation on graphs from another parser.
struct JudgeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "judge",
    abstract: "Decide mentions and labels on dependency graphs you bring (JSON Lines).",
    discussion: """
      Each input line is one study: {"study_id", "clean", "sentences":
      [{"offset", "text", "tokens": [{"id", "word", "lemma", "tag", "start",
      "end"}], "edges": [{"head", "dep", "rel"}], "parse_ok"}], "mentions":
      [{"observation", "phrase", "start", "end"}]}; offsets count code points
      (Unicode scalars, as Python does) of "clean". A `label --explain FILE
      --explain-graphs` file is valid input. The output repeats each record byte
      for byte, with every mention's "result" (positive/negation/uncertainty),
      "phase", "rule", "rule_source", "rule_note" and "graph" (whether its
      sentence had a parse) set anew, and the study's "labels" (observation ->
      1, 0, -1 or null). Studies are judged on every core, in input order.
      Graphs are used as given; --propagate applies NegBio's propagation first
      (for graphs straight from a UD converter).
      """)

  @Argument(
    help: ArgumentHelp(
      "The studies with their graphs (.jsonl, gzip or not; - for standard input).", valueName: "graphs"))
  var input: String

  @OptionGroup var rules: RuleArguments

  @Option(name: .shortAndLong, help: ArgumentHelp("Output file (.jsonl); default: standard output.", valueName: "file"))
  var output: String?

  @Flag(help: "Apply NegBio's edge propagation before matching.")
  var propagate = false

  @Option(help: LabelerChoice.help)
  var labeler: LabelerChoice = .chexpert

  @OptionGroup var runOptions: RunArguments

  /// One input line's outcome, made on a worker thread and reported in input order.
  private enum Outcome: Sendable {
    /// A blank line: nothing to count.
    case blank
    /// A judged study: its output line, and the observation names outside the 14 that its mentions use.
    case judged(bytes: [UInt8], unknownObservations: [Observation], line: Int)
    /// A record that could not be judged.
    case failed(CXRLabelError)
    /// Reading the file failed here (a truncated gzip stream): counted as a failure; nothing follows it.
    case unreadable(CXRLabelError)
  }

  func run() throws {
    var settings = LabelerSettings()
    try rules.apply(to: &settings, labeler: labeler, readsReports: false)
    let judge = try reported {
      try labeler == .chexpert
        ? Judge.chexpert(settings, propagates: propagate) : Judge.negbio(settings, propagates: propagate)
    }
    try OutputPaths.check(
      [.init(option: "-o", path: output ?? "-", kinds: [.jsonLines])], inputs: [input])
    let reader = try reported { try LineReader(path: input) }
    let file = try reported { try OutputFile(path: output) }
    let path = reader.path
    var summary = RunSummary()
    let progress = Progress(enabled: !runOptions.quiet && isatty(2) == 1)
    // The 14 observations, plus every other name already warned about.
    var namedObservations = Set(Observation.mimicOrder)
    var lines = NumberedLines(reader)
    do {
      try forEachInOrder(
        &lines, jobs: runOptions.jobs ?? System.coreCount,
        transform: { line -> Outcome in
          switch line {
          case .failure(let error): return .unreadable(error)
          case .line(let text, let number):
            if text.allSatisfy({ $0 == " " || $0 == "\t" }) { return .blank }
            do throws(CXRLabelError) {
              let study = try GraphsReader.parse(line: text, file: path, lineNumber: number)
              let verdict = try judge.judge(study)
              return .judged(
                bytes: JudgeWriter.line(for: study, verdict: verdict),
                unknownObservations: study.mentions.map(\.observation).filter { !Observation.mimicOrder.contains($0) },
                line: number)
            } catch {
              return .failed(error)
            }
          }
        },
        consume: { outcome in
          switch outcome {
          case .blank: return
          case .failed(let error), .unreadable(let error):  // after .unreadable, the file has nothing more
            summary.read += 1
            summary.count(error)
            printError("cxrlabel: error: \(error)")
          case .judged(let bytes, let unknown, let line):
            summary.read += 1
            for observation in unknown where namedObservations.insert(observation).inserted {
              printError(
                "cxrlabel: warning: \(path):\(line): \"\(observation.name)\" is not one of the 14 CheXpert "
                  + "observations (names are case-sensitive); it gets a label of its own.")
            }
            try file.write(bytes)
            summary.written += 1
          }
          progress.tick(summary.read, total: nil)
        })
      try file.commit()
    } catch {
      file.discard()
      throw ValidationFailure(message: "\(error)")
    }
    progress.finish()
    try finish(summary)
  }
}
