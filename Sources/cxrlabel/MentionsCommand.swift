import ArgumentParser
import CXRLabel

/// `cxrlabel mentions`: which phrases matched where, as JSON Lines.
struct MentionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mentions",
    abstract: "Show the cleaned text, sentences and phrase matches of each study, as JSON Lines.",
    discussion: """
      For each study, one object {"study_id", "clean", "sentences": [[start,
      end], ...]}, then one object per mention {"study_id", "sentence", "start",
      "end", "observation", "phrase", "text"}. Offsets count code points of
      "clean" (Python: clean[start:end] is the match).
      """)

  @OptionGroup var input: InputArguments
  @OptionGroup var data: DataArguments
  @OptionGroup var runOptions: RunArguments

  @Option(name: .shortAndLong, help: ArgumentHelp("Output file (.jsonl); default: standard output.", valueName: "file"))
  var output: String?

  @Option(help: LabelerChoice.help)
  var labeler: LabelerChoice = .chexpert

  @Flag(help: amendHelp)
  var amend = false

  func run() throws {
    var settings = data.settings(input)
    settings.amend = amend
    let frontEnd = try reported {
      try labeler == .chexpert ? settings.chexpertFrontEnd() : settings.negbioFrontEnd()
    }
    try OutputPaths.check(
      [.init(option: "-o", path: output ?? "-", kinds: [.jsonLines])], inputs: input.inputs)
    let source = try input.source()
    let runner = Runner(jobs: runOptions.jobs ?? System.coreCount, quiet: runOptions.quiet)
    let summary = try reported {
      try runner.run(source: source, output: output, header: []) { report in
        let analysis = frontEnd.analyze(report)
        return Runner.StudyOutput(bytes: MentionsWriter.lines(for: analysis), notes: analysis.notes)
      }
    }
    try finish(summary)
  }
}
