import ArgumentParser
import CXRLabel

/// `cxrlabel view`: an audit page of a `label --explain` file.
struct ViewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "view",
    abstract: "Write a self-contained HTML page to audit labels: each report with its mentions and rules.",
    discussion: """
      Reads what `cxrlabel label --explain FILE` writes (with --explain-graphs,
      the page also draws each sentence's dependency arcs) and writes one HTML
      file that opens from disk in any browser, with no network: a study list
      with filters (observation, value, rule id, text), and a study view with
      the text, each mention highlighted by its result (positive, negative,
      uncertain), the rule that decided it on hover or focus, the 14 labels and
      the arcs. The page's address keeps the filters (audit.html#observation=
      Edema&value=1&study=50414267), so a view can be shared or bookmarked.

      Examples:
        cxrlabel files/ -o labels.csv --explain why.jsonl --explain-graphs
        cxrlabel view why.jsonl -o audit.html
        cxrlabel eval reference.csv labels.csv --html disagreements.html --explain why.jsonl
      """)

  @Argument(help: "A `label --explain` file (JSON Lines, gzip or not).")
  var explain: String

  @Option(name: .shortAndLong, help: ArgumentHelp("The page to write (.html).", valueName: "file"))
  var output: String

  @Flag(help: "Leave the dependency arcs out: a page of tens of thousands of studies then opens several times faster.")
  var noGraphs = false

  func run() throws {
    try OutputPaths.check([.init(option: "--output", path: output, kinds: [.html])], inputs: [explain])
    let records = try AuditPage.explainRecords(path: explain, withoutGraphs: noGraphs)
    guard !records.isEmpty else {
      throw ValidationFailure(message: "\(explain) holds no study. Give the file `cxrlabel label --explain` wrote.")
    }
    try reported {
      try OutputFile.write(AuditPage.page(data: AuditPage.explainData(source: explain, records: records)), to: output)
    }
    printError("cxrlabel: \(records.count) studies written to \(output); open it in a browser.")
    if !noGraphs, records.count > 20_000, records.contains(where: { $0.line.contains("\"sentences\"") }) {
      printError(
        "cxrlabel: note: the dependency arcs make up most of this page, which will take several seconds to open; "
          + "--no-graphs leaves them out.")
    }
  }
}
