import ArgumentParser
import CXRLabel
import Foundation

/// The `cxrlabel` command: label chest X-ray reports with the 14 CheXpert observations.
@main
struct CXRLabelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cxrlabel",
    abstract: "Label chest X-ray reports with the 14 CheXpert observations (1, 0, -1 or blank).",
    discussion: """
      Reimplements the CheXpert labeler and NegBio, the two rule-based labelers
      behind the MIMIC-CXR-JPG labels, with no Python, Java or parser model.

      Examples:
        cxrlabel files/ -o labels.csv.gz
            a MIMIC-CXR report tree, CheXpert labeler, MIMIC-CXR-JPG columns
        cxrlabel files/ --labeler negbio -o negbio.csv.gz
            the same with NegBio's MIMIC-CXR pipeline
        cxrlabel reports.csv --text-column report -o out.csv
            a CSV with a header (study_id, report)
        cxrlabel sample_reports.csv --no-header --format chexpert
            the CheXpert labeler's own one-column file and column layout
        cxrlabel files/ -o labels.csv.gz --explain why.jsonl
            also the rule (id, file:line) that decided every mention
        cxrlabel eval reference.csv labels.csv.gz
            agreement between two label files, per observation
        cxrlabel score generated.csv reference.csv --json ce.json
            clinical-efficacy P/R/F1 of generated reports (scikit-learn's)
        cxrlabel view why.jsonl -o audit.html
            a page to audit the labels: mentions, rules and parses
      """,
    version:
      "cxrlabel \(cxrlabelVersion) (CheXpert labeler and NegBio MIMIC-CXR branch behaviour; data files compiled in)",
    subcommands: [
      LabelCommand.self, MentionsCommand.self, JudgeCommand.self, EvalCommand.self, ScoreCommand.self, ViewCommand.self,
      SectionsCommand.self, DatasetCommand.self, DataCommand.self,
    ],
    defaultSubcommand: LabelCommand.self)

  /// Installs the interruption handling, parses the arguments and runs the command, then checks that standard
  /// output took everything printed to it: a table printed into a full disk or a closed pipe fails the run.
  /// Every error is printed as `cxrlabel: error: …`, whichever layer raised it.
  static func main() {
    Interruption.removeUnfinishedOutputsOnSignal()
    do {
      var command = try parseAsRoot(nil)
      try command.run()
    } catch {
      let code = exitCode(for: error)
      guard code != .success else { exit(withError: error) }
      var message = fullMessage(for: error)
      if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
      if !message.isEmpty { printError("cxrlabel: error: " + message) }
      _ = StandardOutput.flush()
      Foundation.exit(code.rawValue)
    }
    if let failure = StandardOutput.flush() {
      printError(
        "cxrlabel: error: standard output could not be written (\(failure)), so what was printed is incomplete. "
          + "Free space or redirect it elsewhere, or name a file with -o / --json.")
      Foundation.exit(1)
    }
  }
}
