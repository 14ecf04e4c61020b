import ArgumentParser
import CXRLabel
import Foundation

/// `cxrlabel sections`: MIT-LCP/mimic-cxr's `create_section_files.py`, on every core.
struct SectionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sections",
    abstract: "Write MIMIC-CXR's section files (create_section_files.py's output) from a report tree.",
    discussion: """
      Writes, in --output-dir:
        mimic_cxr_sectioned.csv   study,impression,findings,last_paragraph,comparison
                                  (studies without a per-study fix; the last section
                                  of each name, trimmed)
        mimic_cxr_00.csv, ...     no header: study id, the chosen text (impression,
                                  else findings, else last paragraph, else comparison,
                                  with MIMIC-CXR's per-study fixes), 10,000 studies each
        mimic_cxr_sections.csv    instead of the numbered files, with --no-split
      written as Python's csv module writes them (quotes only where needed, \\r\\n row
      ends, empty fields as nothing), so they equal create_section_files.py's files.

      One difference: the original lists the reports of a patient folder in
      directory order, which differs between file systems and copies; cxrlabel
      sorts them, so the same tree always gives the same files.

      Example:
        cxrlabel sections mimic-cxr-reports/files --output-dir sections/
        cxrlabel sections/mimic_cxr_sections.csv --no-header -o labels.csv.gz
            (after --no-split: label the chosen texts, ids as in the file)
      """)

  @Argument(help: ArgumentHelp("MIMIC-CXR report trees (the files/ folder of mimic-cxr-reports, or a folder above it).", valueName: "reports"))
  var inputs: [String] = []

  @Option(help: ArgumentHelp("The folder to write the section files into (created if missing).", valueName: "dir"))
  var outputDir: String

  @Flag(help: "Write one mimic_cxr_sections.csv instead of mimic_cxr_00.csv, mimic_cxr_01.csv, ... (10,000 studies each).")
  var noSplit = false

  @OptionGroup var runOptions: RunArguments

  func validate() throws {
    guard !inputs.isEmpty else { throw ValidationError("Name a report tree, e.g. mimic-cxr-reports/files.") }
    if let csv = inputs.first(where: { FileEnding.csv.matches($0) || $0 == "-" }) {
      throw ValidationError("\(csv): sections are made from report files (a tree of .txt reports), not from a CSV.")
    }
  }

  func run() throws {
    try OutputPaths.createFolder(outputDir, named: "--output-dir \(outputDir)")
    let files = try reported { SectionFiles(rules: try DefaultResources.mimicSections()) }
    let source = try reported { try ReportSource(inputs: inputs) }
    let folder = outputDir.hasSuffix("/") ? outputDir : outputDir + "/"
    var chosen: OutputFile? = nil
    var chosenIndex = 0
    var inChosen = 0
    var committed = 0
    let noSplit = self.noSplit
    let runner = Runner(jobs: runOptions.jobs ?? System.coreCount, quiet: runOptions.quiet)
    let summary: RunSummary
    do {
      // The sectioned rows are the run's output; the chosen-text rows ride along as its second output, in the same
      // order, and fill the numbered files.
      summary = try reported {
        try runner.run(
          source: source, output: folder + "mimic_cxr_sectioned.csv", header: SectionFiles.sectionedHeader,
          transform: { report in
            let rows = files.rows(studyID: report.id.study, report: report.text)
            return Runner.Outcome(
              bytes: rows.sectioned ?? [], notes: report.hadInvalidUTF8 ? [.invalidUTF8] : [], failure: nil,
              id: report.id, extra: rows.chosen)
          },
          extra: { row, _ in
            if chosen == nil || (!noSplit && inChosen == SectionFiles.studiesPerFile) {
              if let full = chosen {
                try full.commit()
                committed += 1
                chosenIndex += 1
              }
              chosen = try OutputFile(
                path: folder + (noSplit ? "mimic_cxr_sections.csv" : SectionFiles.chosenFileName(chosenIndex)))
              inChosen = 0
            }
            try chosen?.write(row)
            inChosen += 1
          })
      }
      try reported { try chosen?.commit() }
    } catch {
      chosen?.discard()
      throw error
    }
    let written = committed + (chosen == nil ? 0 : 1)
    printError(
      "cxrlabel: wrote \(folder)mimic_cxr_sectioned.csv and "
        + (noSplit ? "mimic_cxr_sections.csv" : "\(written) chosen-text file\(written == 1 ? "" : "s") (mimic_cxr_00.csv ...)") + ".")
    try finish(summary)
  }
}
