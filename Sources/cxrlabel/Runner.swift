import ArgumentParser
import CXRLabel
import Foundation

/// Wires a report source to a per-study transform and an ordered writer, with progress and a summary.
struct Runner {
  var jobs: Int
  var quiet: Bool
  /// How many repeated study ids are named on standard error; the summary counts all of them.
  static let repeatedIDWarnings = 5
  /// How many studies without a usable section are named on standard error.
  static let noSectionWarnings = 5

  /// What a command makes of one study: the bytes to write and what to count. The runner adds what it knows
  /// of the record (its id, where it was read, how it was read); the command never patches those.
  struct StudyOutput: Sendable {
    var bytes: [UInt8]
    var notes: [StudyNote]
    /// Bytes for a second output (explanations), written in the same order.
    var extra: [UInt8] = []
    /// Mentions whose sentence had no graph (left positive, as the original does).
    var mentionsWithoutGraph = 0
    /// Whether the study was deliberately left out (counted, not written).
    var dropped = false
  }

  /// One record's way through the run: what the source said of it, and what the command made of it (or why it
  /// could not be read).
  private struct Outcome: Sendable {
    var id: StudyID?
    /// Where the study's text is: `file:line` for a CSV row, the path of a report file.
    var location: String?
    /// How its input was read, when the user should check it (file:line messages).
    var warnings: [String]
    var output: Result<StudyOutput, CXRLabelError>

    init(_ record: ReportRecord, transform: (Report) -> StudyOutput) {
      switch record {
      case .report(let report):
        id = report.id
        warnings = report.readingWarnings
        switch report.origin {
        case .csvRecord(let file, let line): location = "\(file):\(line)"
        case .reportFile(let path): location = path
        case .text: location = nil
        }
        output = .success(transform(report))
      case .failure(let id, let error):
        self.id = id
        warnings = []
        location = nil
        output = .failure(error)
      }
    }
  }

  /// Names a study whose text was not what the user may expect: invalid UTF-8, or no section to label.
  private func warnAboutNotes(_ outcome: Outcome, _ output: StudyOutput, summary: RunSummary) {
    guard let id = outcome.id else { return }
    // Name the file (and line) where there is one, then the study.
    let place = outcome.location.map { "\($0): \(id)" } ?? "\(id)"
    if output.notes.contains(.invalidUTF8) {
      printError(
        "cxrlabel: warning: \(place): invalid UTF-8 replaced; save the input as UTF-8 to keep every character.")
    }
    if output.notes.contains(.noSection), summary.notes[.noSection, default: 0] <= Self.noSectionWarnings {
      let fate = output.dropped ? "dropped (--drop-empty)" : "labelled as empty text"
      printError(
        "cxrlabel: warning: \(place): none of the sections --sections chooses is there (by default MIMIC-CXR's "
          + "impression, findings, last paragraph or comparison), so it is \(fate). --sections all labels the whole report."
      )
    }
  }

  /// Runs the whole job; returns the summary. Throws only for problems that stop the run (output unwritable).
  func run(
    source: ReportSource, output: String?, header: [UInt8],
    transform: @escaping @Sendable (Report) -> StudyOutput,
    extra: (([UInt8], Int) throws -> Void)? = nil
  ) throws -> RunSummary {
    let file = try OutputFile(path: output)
    var summary = RunSummary()
    // No progress line when the output itself goes to the same terminal: it would share lines with the rows.
    let toTerminal = (output == nil || output == "-") && isatty(1) == 1
    let progress = Progress(enabled: !quiet && isatty(2) == 1 && !toTerminal)
    var iterator = source
    var ids = RepeatedStudyIDs()
    do {
      try file.write(header)
      try forEachInOrder(
        &iterator, jobs: jobs,
        transform: { record in Outcome(record, transform: transform) },
        consume: { outcome in
          summary.read += 1
          for warning in outcome.warnings { printError("cxrlabel: warning: \(warning)") }
          switch outcome.output {
          case .failure(let failure):
            summary.count(failure)
            // A located error names its file and line; otherwise the study says which record failed.
            let name = failure.location != nil ? "" : outcome.id.map { "\($0): " } ?? ""
            FileHandle.standardError.write(Data("cxrlabel: error: \(name)\(failure)\n".utf8))
          case .success(let output):
            if let id = outcome.id, ids.isRepeated(id) {
              summary.repeatedIDs += 1
              if summary.repeatedIDs <= Self.repeatedIDWarnings {
                printError(
                  "cxrlabel: warning: \(outcome.location.map { "\($0): " } ?? "")\(id) has study id \(id.studyNumber), which an earlier study of this run had; "
                    + "each gets its own row.")
              }
            }
            if output.dropped {
              summary.dropped += 1
            } else {
              try file.write(output.bytes)
              try extra?(output.extra, output.mentionsWithoutGraph)
              summary.written += 1
            }
            summary.count(output.notes)
            warnAboutNotes(outcome, output, summary: summary)
          }
          progress.tick(summary.read, total: source.estimatedRecords)
        })
      // A run that failed before writing any row (a missing --text-column, an unreadable file) leaves no file that
      // holds only a header and looks like an empty result.
      if summary.written == 0, summary.hasFailures {
        file.discard()
        if let output, output != "-", !OutputFile.isSpecial(output), FileManager.default.fileExists(atPath: output) {
          printError(
            "cxrlabel: warning: \(output) was not replaced, since no study could be read: the file there is an "
              + "earlier run's, not this run's.")
        }
      } else {
        try file.commit()
      }
      summary.linksNotFollowed = source.linksNotFollowed
      summary.notStudies = source.notStudies
    } catch {
      file.discard()
      throw error
    }
    progress.finish()
    // Only the first few of each kind are named: say how many more there were, so the counts below add up.
    for (count, shown, kind) in [
      (summary.notes[.noSection, default: 0], Self.noSectionWarnings, "studies without a usable section"),
      (summary.repeatedIDs, Self.repeatedIDWarnings, "repeated study ids"),
    ] where count > shown {
      printError(
        "cxrlabel: warning: ... and \(count - shown) more \(kind), not named (\(count) in all; the first \(shown) are above)."
      )
    }
    return summary
  }
}

/// A progress line on standard error, redrawn at most a few times a second: studies done, and once the input can
/// tell how far it has read, the share done, the total it implies, the rate and the time left. Nothing in the first
/// second (a short run shows none).
final class Progress {
  private let enabled: Bool
  private let start = Date()
  private var lastDraw = Date.distantPast
  private var drawn = false

  init(enabled: Bool) { self.enabled = enabled }

  func tick(_ count: Int, total: Int?) {
    guard enabled else { return }
    let now = Date()
    let elapsed = now.timeIntervalSince(start)
    guard elapsed >= 1, now.timeIntervalSince(lastDraw) > 0.25 else { return }
    lastDraw = now
    drawn = true
    let rate = Double(count) / elapsed
    var line = "\(count) \(count == 1 ? "study" : "studies")"
    if let total, total >= count, count > 0 {
      let fraction = Double(count) / Double(max(total, 1))
      let left = Double(total - count) / max(rate, 0.001)
      line += " of about \(total) (\(Int(fraction * 100))%), \(Int(rate)) reports/s, \(Self.duration(left)) left"
    } else {
      line += ", \(Int(rate)) reports/s"
    }
    FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
  }

  /// `1h 02m`, `3m 05s` or `12s`.
  static func duration(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded())
    if whole >= 3600 { return "\(whole / 3600)h \(String(format: "%02d", (whole % 3600) / 60))m" }
    if whole >= 60 { return "\(whole / 60)m \(String(format: "%02d", whole % 60))s" }
    return "\(whole)s"
  }

  func finish() {
    if enabled && drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}

/// Writes one line to standard error.
func printError(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Prints a summary and turns failures into the exit status.
func finish(_ summary: RunSummary) throws {
  for line in summary.lines { FileHandle.standardError.write(Data((line + "\n").utf8)) }
  if summary.hasFailures { throw ExitCode(1) }
}

/// Reports a library error as the CLI's error (the message, without a stack of wrappers).
func reported<T>(_ body: () throws -> T) throws -> T {
  do { return try body() } catch let error as CXRLabelError {
    throw ValidationFailure(message: error.description)
  }
}

/// An error whose description is printed as is.
struct ValidationFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
