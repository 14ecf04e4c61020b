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
  /// Labels many reports on `jobs` threads (nil: one per core); element `i` of the result is `reports[i]`'s
  /// labels (``StudyResult/labels``, with ``emptyText`` applied). For in-process callers (the Python package);
  /// the command line streams its inputs through ``forEachInOrder(_:jobs:batchSize:transform:consume:)`` instead.
  public func labels(of reports: [Report], jobs: Int? = nil) -> [StudyLabels] {
    let jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    if jobs == 1 { return reports.map { label($0).labels } }
    let slots = ResultSlots<StudyLabels>(count: reports.count)
    // One strided share per thread (concurrentPerform runs at most one iteration per core at a time): shares
    // take every jobs-th report, so a run of long reports is spread over all of them.
    let chunks = min(jobs, reports.count)
    if chunks > 0 {
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        var index = chunk
        while index < reports.count {
          slots.set(index, label(reports[index]).labels)
          index += chunks
        }
      }
    }
    return (0..<reports.count).map(slots.take)
  }
}
