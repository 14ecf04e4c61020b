import Foundation
import Testing

/// `--amend` on the commands that label text: label, mentions and score.
@Suite("cxrlabel --amend", .serialized)
struct AmendCommandTests {
  let scratch = ScratchDirectory()

  /// The cell of `observation` in a label CSV's first row.
  func cell(_ csv: String, _ observation: String) -> String? {
    let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    guard lines.count > 1, let column = lines[0].firstIndex(where: { $0 == observation }) else { return nil }
    return String(lines[1][column])
  }

  @Test func labelMentionsAndScoreTakeTheLayer() throws {
    let text = "Pneumothorax is not identified. ECG leads overlie the chest."
    let original = try CommandLineTests.run(["-"], stdin: text)
    let amended = try CommandLineTests.run(["-", "--amend"], stdin: text)
    #expect(original.status == 0 && amended.status == 0, "\(amended.stderr)")
    #expect(cell(original.stdout, "Pneumothorax") == "1.0" && cell(amended.stdout, "Pneumothorax") == "0.0")
    #expect(cell(original.stdout, "Support Devices") == "" && cell(amended.stdout, "Support Devices") == "1.0")
    let explain = scratch.path("why.jsonl")
    #expect(
      try CommandLineTests.run(["-", "--amend", "--explain", explain, "-o", scratch.path("l.csv")], stdin: text).status
        == 0)
    #expect(try String(contentsOfFile: explain, encoding: .utf8).contains("\"rule\":\"amend-neg-passive\""))
    let mentions = try CommandLineTests.run(["mentions", "-", "--amend"], stdin: text)
    #expect(mentions.stdout.contains("\"phrase\":\"ecg lead\""))
    let reports = scratch.path("r.csv")
    try "study_id,report\n1,\(text)\n".write(toFile: reports, atomically: true, encoding: .utf8)
    let score = try CommandLineTests.run(["score", reports, reports, "--amend"])
    #expect(score.status == 0 && score.stdout.contains("labeler: chexpert --amend"), "\(score.stderr)")
  }
}
