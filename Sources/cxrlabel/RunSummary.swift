import CXRLabel

/// Counts for the end-of-run summary: studies read and written, failures by kind, notes by kind.
struct RunSummary: Sendable, Hashable {
  /// Studies read (reports and failed records).
  public var read = 0
  /// Rows (or records) written.
  public var written = 0
  /// Studies deliberately not written (e.g. empty texts with --drop-empty).
  public var dropped = 0
  /// Failed records by error kind.
  public var failures: [String: Int] = [:]
  /// Studies with a note, by note.
  public var notes: [StudyNote: Int] = [:]
  /// Studies whose id an earlier study of the run already had (each still gets its own row).
  public var repeatedIDs = 0
  /// What became of the studies with no text to label, shown with their count.
  public var emptyTextHint: String?
  /// Symbolic links in report trees that were not followed (they lead outside the tree given).
  public var linksNotFollowed: [String] = []
  /// Files in MIMIC-CXR report trees that are not study reports, skipped.
  public var notStudies: [String] = []
  /// How many of those are named one by one.
  public static let namedLinks = 5

  /// An empty summary.
  public init() {}

  /// Whether any study failed.
  public var hasFailures: Bool { !failures.isEmpty }

  /// Counts a study's notes.
  public mutating func count(_ notes: [StudyNote]) {
    for note in notes { self.notes[note, default: 0] += 1 }
  }

  /// Counts a failure.
  public mutating func count(_ error: CXRLabelError) { failures[error.code.description, default: 0] += 1 }

  /// The summary as lines for standard error.
  public var lines: [String] {
    let studies = read == 1 ? "study" : "studies"
    var lines = [
      "cxrlabel: \(read) \(studies) read, \(written) written"
        + (dropped > 0 ? ", \(dropped) dropped (empty text)." : ".")
    ]
    for (kind, count) in failures.sorted(by: { $0.key < $1.key }) { lines.append("  failed (\(kind)): \(count)") }
    for note in StudyNote.allCases {
      guard let count = notes[note] else { continue }
      let hint =
        note == .noSection
        ? " (their text is empty; --sections all labels whole reports)"
        : note == .emptyText ? emptyTextHint.map { " (\($0))" } ?? "" : ""
      lines.append("  note (\(note.rawValue)): \(count)\(hint)")
    }
    if repeatedIDs > 0 { lines.append("  note (study id seen before in this run): \(repeatedIDs)") }
    if !notStudies.isEmpty {
      let names = notStudies.prefix(Self.namedLinks).map { $0.split(separator: "/").last.map(String.init) ?? $0 }
      lines.append(
        "  note (not a MIMIC-CXR study file, so not read): \(notStudies.count) (\(names.joined(separator: ", "))"
          + (notStudies.count > Self.namedLinks ? ", ..." : "") + ")")
    }
    if !linksNotFollowed.isEmpty {
      lines.append(
        "  note (symbolic link not followed: it leads outside the tree given, or back up to a folder it is in): \(linksNotFollowed.count); "
          + "give its target as an input of its own to label it")
      for link in linksNotFollowed.prefix(Self.namedLinks) { lines.append("    \(link)") }
      if linksNotFollowed.count > Self.namedLinks {
        lines.append("    ... and \(linksNotFollowed.count - Self.namedLinks) more")
      }
    }
    return lines
  }
}
