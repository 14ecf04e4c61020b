import ArgumentParser
import CXRLabel

/// `cxrlabel label` (the default): the 14 labels per study.
struct LabelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "label",
    abstract: "Label each study (the default command).")

  @OptionGroup var input: InputArguments
  @OptionGroup var data: DataArguments
  @OptionGroup var runOptions: RunArguments

  @Option(help: "Which labeler to reproduce.")
  var labeler: LabelerChoice = .chexpert

  @Option(name: .shortAndLong, help: ArgumentHelp("Output: .csv.gz, .csv or .jsonl; default: CSV on standard output.", valueName: "file"))
  var output: String?

  func run() throws {
    throw ValidationFailure(
      message: "Labeling is not built yet: the rule engine and parser are still to come. "
        + "`cxrlabel mentions` shows what the front end finds today.")
  }
}
