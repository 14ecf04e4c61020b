import Dispatch
internal import Foundation

/// What the row of a study with no text to label holds.
public enum EmptyTextLabels: String, Sendable, CaseIterable {
  /// Every observation blank: no text is no evidence (cxrlabel's default; MIMIC-CXR-JPG has no row for such
  /// studies, and a 1 would read as a normal study).
  case blank
  /// No Finding 1, as the original labelers label an empty report.
  case noFinding
}

extension Labeler {
  /// The labels a study's row gets: its labels, or, when it had no text to label, what `emptyText` says.
  public func rowLabels(_ result: StudyResult, emptyText: EmptyTextLabels) -> StudyLabels {
    guard emptyText == .blank, result.analysis.notes.contains(.emptyText) else { return result.labels }
    return StudyLabels()
  }

  /// Labels many reports on `jobs` threads (nil: one per core); element `i` of the result is `reports[i]`'s row
  /// labels (see ``rowLabels(_:emptyText:)``). For in-process callers (the Python package); the command line
  /// streams its inputs through ``forEachInOrder(_:jobs:batchSize:transform:consume:)`` instead.
  public func rowLabels(of reports: [Report], emptyText: EmptyTextLabels = .blank, jobs: Int? = nil) -> [StudyLabels] {
    let jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    if jobs == 1 { return reports.map { rowLabels(label($0), emptyText: emptyText) } }
    let slots = ResultSlots<StudyLabels>(count: reports.count)
    // One strided share per thread (concurrentPerform runs at most one iteration per core at a time): shares
    // take every jobs-th report, so a run of long reports is spread over all of them.
    let chunks = min(jobs, reports.count)
    if chunks > 0 {
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        var index = chunk
        while index < reports.count {
          slots.set(index, rowLabels(label(reports[index]), emptyText: emptyText))
          index += chunks
        }
      }
    }
    return (0..<reports.count).map(slots.take)
  }
}
