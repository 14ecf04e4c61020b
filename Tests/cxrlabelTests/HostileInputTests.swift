import Foundation
import Testing

/// End-to-end: what a hostile-input run still got through (issue 24, second list), each through the built binary.
@Suite("cxrlabel command line: hostile inputs", .serialized)
struct HostileInputTests {
  let scratch = ScratchDirectory()

  func run(_ arguments: [String], stdin: String? = nil) throws -> CommandLineTests.Result {
    try CommandLineTests.run(arguments, stdin: stdin)
  }

  /// Runs the binary through `/bin/sh -c` with `redirect` after its arguments (e.g. `> /dev/full`).
  func shell(_ arguments: [String], _ redirect: String) throws -> CommandLineTests.Result {
    let quoted = ([CommandLineTests.binary] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", quoted + " " + redirect]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return .init(status: process.terminationStatus, stdout: "", stderr: stderr)
  }

  func write(_ text: String, _ name: String) throws -> String {
    let path = scratch.path(name)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// `score` and `eval` exited 0 when their table could not be written.
  @Test func everyCommandFailsWhenStandardOutputCannotBeWritten() throws {
    let reports = try write("study_id,report\n1,No effusion.\n2,Mild edema.\n", "r.csv")
    let labels = scratch.path("l.csv")
    #expect(try run([reports, "-o", labels]).status == 0)
    for arguments in [["score", reports, reports], ["eval", labels, labels], [reports], ["mentions", reports]] {
      let result = try shell(arguments, "> /dev/full")
      #expect(result.status == 1, "\(arguments): \(result.stderr)")
      #expect(
        result.stderr.contains("cxrlabel: error:") && result.stderr.contains("No space left on device"),
        "\(arguments): \(result.stderr)")
    }
    #expect(try shell(["score", reports, reports], "> /dev/null").status == 0)
  }

  /// A gzip file with something after its compressed data is named, not read up to the end of the gzip stream.
  @Test func gzipWithTrailingDataIsNamed() throws {
    let csv = try write("study_id,report\n1,No effusion.\n", "r.csv")
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
    gzip.arguments = ["-c", "gzip -c \"$0\" > \"$0.gz\" && printf 'garbage' >> \"$0.gz\"", csv]
    try gzip.run()
    gzip.waitUntilExit()
    let result = try run([csv + ".gz"])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("r.csv.gz: The file has data after its compressed data that is not gzip data"),
      "\(result.stderr)")
  }

  /// JSON Lines label keys that are not observation names were scored as blank.
  @Test func unknownLabelKeysAreRefused() throws {
    let jsonl = try write("{\"study_id\":\"1\",\"labels\":{\"pneumothorax\":1}}\n", "k.jsonl")
    let good = try write("{\"study_id\":\"1\",\"labels\":{\"Pneumothorax\":1}}\n", "g.jsonl")
    for arguments in [["score", jsonl, good], ["eval", good, jsonl]] {
      let result = try run(arguments)
      #expect(result.status != 0)
      #expect(
        result.stderr.contains(
          "k.jsonl:1: \"pneumothorax\" is not an observation's name (did you mean \"Pneumothorax\"?)"),
        "\(result.stderr)")
      #expect(result.stderr.contains("Atelectasis, Cardiomegaly"))
    }
    // A vocabulary's own category (title case, as a phrase file names it) still reads.
    let custom = try write("{\"study_id\":\"1\",\"labels\":{\"Pneumothorax\":1,\"Rib Lesion\":0}}\n", "c.jsonl")
    #expect(try run(["eval", good, custom]).status == 0)
  }

  /// `score` paired two report CSVs without id columns by row number.
  @Test func scoreRefusesReportsWithoutIDs() throws {
    let reports = try write("report\nNo effusion.\nEdema.\n", "noid.csv")
    let result = try run(["score", reports, reports])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains("no column \"study_id\"") && result.stderr.contains("never by row number"),
      "\(result.stderr)")
  }

  /// `score` did not say which columns of a label file it left out.
  @Test func scoreNamesTheColumnsItIgnores() throws {
    let reports = try write("study_id,report\n1,No effusion.\n", "r.csv")
    let labels = scratch.path("l.csv")
    #expect(try run([reports, "-o", labels]).status == 0)
    let text = try String(contentsOfFile: labels, encoding: .utf8).split(separator: "\n")
    let extended = try write(text[0] + ",ViewPosition\n" + text[1] + ",PA\n", "x.csv")
    let result = try run(["score", extended, reports])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("columns not scored (only the 14 observations are): ViewPosition"))
  }

  /// A MIMIC-CXR-style tree of `count` studies under `root/files`.
  func tree(_ root: String, count: Int) throws -> String {
    let folder = root + "/files/p10/p10000001"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for study in 0..<count {
      try " FINAL REPORT\n IMPRESSION:  No effusion.\n".write(
        toFile: folder + "/s5\(String(format: "%07d", study)).txt", atomically: false, encoding: .utf8)
    }
    return root + "/files"
  }

  /// `sections` left an earlier, larger run's `mimic_cxr_01.csv` beside the new files, and created its output
  /// folder before failing on an empty tree.
  @Test func sectionsReplacesItsFilesWhole() throws {
    let files = try tree(scratch.path("t"), count: 3)
    let output = scratch.path("sections")
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    for stale in ["mimic_cxr_01.csv", "mimic_cxr_sections.csv"] { _ = try write("old", "sections/" + stale) }
    _ = try write("keep", "sections/notes.txt")
    let result = try run(["sections", files, "--output-dir", output])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("removed mimic_cxr_01.csv, mimic_cxr_sections.csv, left from an earlier run"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: output).sorted() == [
        "mimic_cxr_00.csv", "mimic_cxr_sectioned.csv", "notes.txt",
      ])
    let empty = scratch.path("empty")
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    let failed = try run(["sections", empty, "--output-dir", scratch.path("never")])
    #expect(failed.status != 0)
    #expect(!FileManager.default.fileExists(atPath: scratch.path("never")))
  }

  /// Interrupted, `sections` leaves nothing under the final names (and no staging folder).
  @Test func interruptedSectionsLeaveTheFolderAsItWas() throws {
    // Enough studies that the run is still going when the test has seen it start.
    let files = try tree(scratch.path("t"), count: 20_000)
    let output = scratch.path("sections")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
    process.arguments = ["sections", files, "--output-dir", output, "--jobs", "1"]
    let err = Pipe()
    process.standardError = err
    try process.run()
    let staging = output + "/.cxrlabel-sections.tmp-\(process.processIdentifier)"
    for _ in 0..<500 where !FileManager.default.fileExists(atPath: staging) { usleep(10_000) }
    #expect(FileManager.default.fileExists(atPath: staging))
    kill(process.processIdentifier, SIGINT)
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 128 + SIGINT, "\(stderr)")
    #expect(stderr.contains("interrupted;"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: output).isEmpty)
  }

  /// A reader that goes away (`| head`) killed the run with SIGPIPE and left its temporary output behind.
  @Test func aClosedPipeLeavesNoTemporaryFiles() throws {
    let rows = (1...3000).map { "s\($0),Small right pleural effusion. No pneumothorax. Mild cardiomegaly.\n" }.joined()
    let reports = try write("study_id,report\n" + rows, "many.csv")
    let output = scratch.path("out.csv")
    _ = try shell([reports, "-o", output, "--explain", "-", "--jobs", "1"], "| head -c 100 > /dev/null")
    let names = try FileManager.default.contentsOfDirectory(atPath: scratch.root)
    #expect(!names.contains { $0.contains(".tmp-") }, "\(names)")
    #expect(!names.contains("out.csv"), "a run cut short leaves no output that looks whole")
  }

  /// A gzip file cut short said its records "were written" in score, which writes nothing.
  @Test func aTruncatedGzipSaysNothingWasWrittenWhereNothingWas() throws {
    let csv = try write(
      "study_id,report\n" + (1...2000).map { "s\($0),Report \($0) with no effusion.\n" }.joined(), "r.csv")
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
    gzip.arguments = ["-c", "gzip -c \"$0\" | head -c 2000 > \"$0.gz\"", csv]
    try gzip.run()
    gzip.waitUntilExit()
    let result = try run(["score", csv + ".gz", csv])
    #expect(result.status != 0)
    #expect(result.stderr.contains("is truncated") && !result.stderr.contains("written"), "\(result.stderr)")
  }

  /// `-o - --explain /dev/stdout` interleaved CSV and JSON; an output aliased to another through a dangling link
  /// failed only after the work.
  @Test func aliasedOutputsAreRefusedBeforeAnyWork() throws {
    let reports = try write("study_id,report\n1,No effusion.\n", "r.csv")
    let stdout = try run([reports, "-o", "-", "--explain", "/dev/stdout"])
    #expect(stdout.status != 0 && stdout.stderr.contains("both name /dev/stdout"), "\(stdout.stderr)")
    try FileManager.default.createSymbolicLink(
      atPath: scratch.path("b.jsonl"), withDestinationPath: scratch.path("a.jsonl"))
    let aliased = try run([reports, "-o", scratch.path("a.jsonl"), "--explain", scratch.path("b.jsonl")])
    #expect(aliased.status != 0 && aliased.stderr.contains("both name"), "\(aliased.stderr)")
    #expect(!FileManager.default.fileExists(atPath: scratch.path("a.jsonl")))
  }

  /// A run where every study failed kept an earlier run's output without saying so.
  @Test func anOldOutputThatWasNotReplacedIsNamed() throws {
    let output = try write("old labels\n", "out.csv")
    let broken = try write("study_id,report\n1,\"unclosed\n", "broken.csv")
    let result = try run([broken, "-o", output])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "out.csv was not replaced, since no study could be read: the file there is an earlier run's"),
      "\(result.stderr)")
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "old labels\n")
  }

  /// A link back up the walk was skipped without being named, as the README promises.
  @Test func aLinkBackUpTheWalkIsNamed() throws {
    let files = try tree(scratch.path("t"), count: 1)
    try FileManager.default.createSymbolicLink(atPath: files + "/p10/p10000001/loop", withDestinationPath: "..")
    let result = try run([files, "-o", scratch.path("out.csv")])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "symbolic link not followed: it leads outside the tree given, or back up to a folder it is in): 1"),
      "\(result.stderr)")
    #expect(result.stderr.contains("p10000001/loop"))
  }
}
