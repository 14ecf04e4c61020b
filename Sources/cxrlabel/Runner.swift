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

  /// One processed study: the bytes to write, and the notes or failure to count.
  struct Outcome: Sendable {
    var bytes: [UInt8]
    var notes: [StudyNote]
    var failure: CXRLabelError?
    var id: StudyID?
    /// Bytes for a second output (explanations), written in the same order.
    var extra: [UInt8] = []
    /// Mentions whose sentence had no graph (left positive, as the original does).
    var mentionsWithoutGraph = 0
    /// Whether the study was deliberately left out (counted, not written).
    var dropped = false
  }

  /// Runs the whole job; returns the summary. Throws only for problems that stop the run (output unwritable).
  func run(
    source: ReportSource, output: String?, header: [UInt8],
    transform: @escaping @Sendable (Report) -> Outcome,
    extra: (([UInt8], Int) throws -> Void)? = nil
  ) throws -> RunSummary {
    let file = try OutputFile(path: output)
    var summary = RunSummary()
    let progress = Progress(enabled: !quiet && isatty(2) == 1)
    var iterator = source
    var ids = RepeatedStudyIDs()
    do {
      try file.write(header)
      try forEachInOrder(
        &iterator, jobs: jobs,
        transform: { record -> Outcome in
          switch record {
          case .report(let report): return transform(report)
          case .failure(let id, let error): return Outcome(bytes: [], notes: [], failure: error, id: id)
          }
        },
        consume: { outcome in
          summary.read += 1
          if outcome.failure == nil, let id = outcome.id, ids.isRepeated(id) {
            summary.repeatedIDs += 1
            if summary.repeatedIDs <= Self.repeatedIDWarnings {
              printError("cxrlabel: warning: study id \(id) was seen before in this run; each occurrence gets its own row.")
            }
          }
          if let failure = outcome.failure {
            summary.count(failure)
            // A located error names its file and line; otherwise the study says which record failed.
            let name = failure.location != nil ? "" : outcome.id.map { "\($0): " } ?? ""
            FileHandle.standardError.write(Data("cxrlabel: error: \(name)\(failure)\n".utf8))
          } else if outcome.dropped {
            summary.dropped += 1
            summary.count(outcome.notes)
          } else {
            try file.write(outcome.bytes)
            try extra?(outcome.extra, outcome.mentionsWithoutGraph)
            summary.written += 1
            summary.count(outcome.notes)
            if outcome.notes.contains(.invalidUTF8), let id = outcome.id {
              FileHandle.standardError.write(Data("cxrlabel: warning: \(id): invalid UTF-8 replaced.\n".utf8))
            }
            if outcome.notes.contains(.noSection), let id = outcome.id,
              summary.notes[.noSection, default: 0] <= Self.noSectionWarnings
            {
              printError(
                "cxrlabel: warning: \(id): no impression, findings, last paragraph or comparison section, so it is "
                  + "labelled as empty text (as MIMIC-CXR's extraction leaves it). --sections all labels the whole report.")
            }
          }
          progress.tick(summary.read)
        })
      try file.commit()
    } catch {
      file.discard()
      throw error
    }
    progress.finish()
    return summary
  }
}

/// A progress line on standard error, redrawn at most a few times a second.
final class Progress {
  private let enabled: Bool
  private let start = Date()
  private var lastDraw = Date.distantPast

  init(enabled: Bool) { self.enabled = enabled }

  func tick(_ count: Int) {
    guard enabled else { return }
    let now = Date()
    guard now.timeIntervalSince(lastDraw) > 0.25 else { return }
    lastDraw = now
    let rate = Double(count) / max(now.timeIntervalSince(start), 0.001)
    FileHandle.standardError.write(Data("\r\u{1B}[K\(count) \(count == 1 ? "study" : "studies"), \(Int(rate)) reports/s".utf8))
  }

  func finish() {
    if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
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

import ArgumentParser
