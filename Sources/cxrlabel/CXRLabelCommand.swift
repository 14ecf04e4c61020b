import ArgumentParser

/// The `cxrlabel` command: label chest X-ray reports with the 14 CheXpert observations.
@main
struct CXRLabelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cxrlabel",
    abstract: "Label chest X-ray reports with the 14 CheXpert observations (1, 0, -1 or blank).",
    discussion: """
      Reimplements the CheXpert labeler and NegBio, the two rule-based labelers behind the MIMIC-CXR-JPG labels,
      with no Python, Java or parser model to install.

      Examples:
        cxrlabel files/ --labeler chexpert -o labels.csv.gz     # a MIMIC-CXR report tree
        cxrlabel reports.csv --text-column report -o out.csv    # a CSV with a header
        cxrlabel sample_reports.csv --no-header                 # the CheXpert labeler's one-column file
        cxrlabel mentions Fixtures/reports -o mentions.jsonl    # which phrases matched, where
      """,
    subcommands: [LabelCommand.self, MentionsCommand.self, JudgeCommand.self, EvalCommand.self],
    defaultSubcommand: LabelCommand.self)
}
