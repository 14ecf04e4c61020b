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

  @Argument(
    help: ArgumentHelp(
      "MIMIC-CXR report trees (the files/ folder of mimic-cxr-reports, or a folder above it).", valueName: "reports"))
  var inputs: [String] = []

  @Option(help: ArgumentHelp("The folder to write the section files into (created if missing).", valueName: "dir"))
  var outputDir: String

  @Flag(
    help: "Write one mimic_cxr_sections.csv instead of mimic_cxr_00.csv, mimic_cxr_01.csv, ... (10,000 studies each).")
  var noSplit = false

  @OptionGroup var runOptions: RunArguments

  func validate() throws {
    guard !inputs.isEmpty else { throw ValidationError("Name a report tree, e.g. mimic-cxr-reports/files.") }
    if let csv = inputs.first(where: { FileEnding.csv.matches($0) || $0 == "-" }) {
      throw ValidationError("\(csv): sections are made from report files (a tree of .txt reports), not from a CSV.")
    }
  }

  func run() throws {
    let files = try reported { SectionFiles(rules: try DefaultResources.mimicSections()) }
    let source = try reported { try ReportSource(inputs: inputs) }
    try OutputPaths.createFolder(outputDir, named: "--output-dir \(outputDir)")
    let folder = outputDir.hasSuffix("/") ? outputDir : outputDir + "/"
    // Everything is written into a staging folder beside the final files and moved into place only when the run
    // is complete, so an interrupted or failed run leaves the folder as it was.
    let staging = folder + ".cxrlabel-sections.tmp-\(getpid())/"
    try? FileManager.default.removeItem(atPath: staging)
    try OutputPaths.createFolder(staging, named: "a staging folder in --output-dir \(outputDir)")
    Interruption.removeOnSignal(folder: staging)
    defer {
      try? FileManager.default.removeItem(atPath: staging)
      Interruption.forget(folder: staging)
    }
    var chosen: OutputFile? = nil
    var written: [String] = ["mimic_cxr_sectioned.csv"]
    var inChosen = 0
    let noSplit = self.noSplit
    let runner = Runner(jobs: runOptions.jobs ?? System.coreCount, quiet: runOptions.quiet)
    let summary: RunSummary
    do {
      // The sectioned rows are the run's output; the chosen-text rows ride along as its second output, in the same
      // order, and fill the numbered files.
      summary = try reported {
        try runner.run(
          source: source, output: staging + "mimic_cxr_sectioned.csv", header: SectionFiles.sectionedHeader,
          transform: { report in
            let rows = files.rows(studyID: report.id.study, report: report.text)
            return Runner.StudyOutput(
              bytes: rows.sectioned ?? [], notes: report.hadInvalidUTF8 ? [.invalidUTF8] : [], extra: rows.chosen)
          },
          extra: { row, _ in
            if chosen == nil || (!noSplit && inChosen == SectionFiles.studiesPerFile) {
              try chosen?.commit()
              let name = noSplit ? "mimic_cxr_sections.csv" : SectionFiles.chosenFileName(written.count - 1)
              chosen = try OutputFile(path: staging + name)
              written.append(name)
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
    if summary.written == 0, summary.hasFailures {
      printError("cxrlabel: error: no study could be read, so \(folder) is left as it was.")
      try finish(summary)
    }
    let stale = try replace(in: folder, with: written, from: staging)
    let count = written.count - 1
    printError(
      "cxrlabel: wrote \(folder)mimic_cxr_sectioned.csv and "
        + (noSplit
          ? "mimic_cxr_sections.csv" : "\(count) chosen-text file\(count == 1 ? "" : "s") (mimic_cxr_00.csv ...)")
        + (stale.isEmpty ? "." : "; removed \(stale.joined(separator: ", ")), left from an earlier run."))
    try finish(summary)
  }

  /// Moves the staged files into `folder`, after removing the section files there that this run did not write (an
  /// earlier, larger run's `mimic_cxr_07.csv` would otherwise read as part of this one). Returns the removed names.
  private func replace(in folder: String, with written: [String], from staging: String) throws -> [String] {
    let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let stale = existing.filter { name in
      !written.contains(name) && (name == "mimic_cxr_sections.csv" || SectionFiles.isChosenFileName(name))
    }.sorted()
    for name in stale { try? FileManager.default.removeItem(atPath: folder + name) }
    for name in written where rename(staging + name, folder + name) != 0 {
      throw ValidationFailure(
        message: "Cannot move \(name) into \(folder): \(String(cString: strerror(errno))). The files written so far "
          + "are in \(staging) until this run ends; check that the folder is writable.")
    }
    return stale
  }
}
