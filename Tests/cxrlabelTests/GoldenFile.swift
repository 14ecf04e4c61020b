import Foundation
import Testing

/// A golden file of `Fixtures/expected/`, compared with what a test produced, or re-recorded from it when the
/// environment has `RECORD_GOLDEN_FILES=1` (as swift-argument-parser's `RECORD_SNAPSHOTS`). A recording run
/// still fails, saying what it wrote, so that it never passes unseen: review the diff, then run again without it.
struct GoldenFile {
  /// The file's name in `folder`.
  var name: String
  /// Where golden files live.
  var folder = CommandLineTests.fixtures + "/expected"
  /// Whether this run re-records instead of comparing.
  var recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN_FILES"] == "1"

  /// Nil when `actual` is the golden file's text; otherwise what differs (the first differing line), or what was
  /// re-recorded.
  func check(_ actual: String) throws -> String? {
    let path = folder + "/" + name
    if recording {
      try actual.write(toFile: path, atomically: true, encoding: .utf8)
      return "re-recorded \(path) (RECORD_GOLDEN_FILES=1): review `git diff`, then run the tests without it."
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    if expected == actual { return nil }
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let line = (0..<min(want.count, got.count)).first { want[$0] != got[$0] } ?? min(want.count, got.count)
    return "\(path):\(line + 1) differs:\n  expected: \(line < want.count ? String(want[line]) : "(end of file)")\n"
      + "  actual:   \(line < got.count ? String(got[line]) : "(end of file)")\n"
      + "If the change is intended, re-record with RECORD_GOLDEN_FILES=1 swift test."
  }

  /// Checks the file at `path` against the golden file, as a test expectation.
  func expectMatches(path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let difference = try check(String(contentsOfFile: path, encoding: .utf8))
    #expect(difference == nil, "\(difference ?? "")", sourceLocation: sourceLocation)
  }
}

@Suite("Golden files and their re-record switch")
struct GoldenFileTests {
  let scratch = ScratchDirectory()

  @Test func comparingNamesTheFirstDifferingLine() throws {
    try "a\nb\nc\n".write(toFile: scratch.path("g.csv"), atomically: true, encoding: .utf8)
    let golden = GoldenFile(name: "g.csv", folder: scratch.root, recording: false)
    #expect(try golden.check("a\nb\nc\n") == nil)
    let difference = try #require(try golden.check("a\nB\nc\n"))
    #expect(
      difference.contains("g.csv:2 differs") && difference.contains("expected: b") && difference.contains("actual:   B")
    )
    #expect(try golden.check("a\nb\n")?.contains("g.csv:3 differs") == true)
  }

  @Test func recordingRewritesTheFileAndStillFails() throws {
    try "old\n".write(toFile: scratch.path("g.csv"), atomically: true, encoding: .utf8)
    let golden = GoldenFile(name: "g.csv", folder: scratch.root, recording: true)
    let message = try #require(try golden.check("new\n"))
    #expect(message.contains("re-recorded"))
    #expect(try String(contentsOfFile: scratch.path("g.csv"), encoding: .utf8) == "new\n")
  }
}
