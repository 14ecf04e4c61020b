/// The kinds of file cxrlabel reads and writes, told apart by how their names end (in any case): the one place
/// that decides what `.csv.gz`, `.JSONL` or `.txt` mean, for inputs and outputs alike.
package struct FileEnding: Sendable, Hashable {
  /// The endings, lowercase, each with its dot (`.csv`, `.csv.gz`).
  public let endings: [String]

  /// CSV, gzip or not.
  public static let csv = FileEnding(endings: [".csv", ".csv.gz"])
  /// JSON Lines, gzip or not.
  public static let jsonLines = FileEnding(endings: [".jsonl", ".jsonl.gz"])
  /// One JSON document.
  public static let json = FileEnding(endings: [".json"])
  /// One report's text, gzip or not.
  public static let report = FileEnding(endings: [".txt", ".txt.gz"])
  /// Gzip-compressed, whatever the content.
  public static let gzip = FileEnding(endings: [".gz"])
  /// An HTML page.
  public static let html = FileEnding(endings: [".html", ".htm"])
  /// NegBio's YAML rule and phrase files.
  public static let yaml = FileEnding(endings: [".yml", ".yaml"])

  /// Whether `path` ends in one of the endings, in any case.
  public func matches(_ path: String) -> Bool {
    let lower = path.lowercased()
    return endings.contains { lower.hasSuffix($0) }
  }
}
