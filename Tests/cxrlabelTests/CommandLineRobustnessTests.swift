import Foundation
import Testing

/// End-to-end: the defects a hostile-input run found (issue 17), each through the built binary.
@Suite("cxrlabel command line: nothing lost, nothing falsely normal", .serialized)
struct CommandLineRobustnessTests {
  let scratch = ScratchDirectory()

  func run(_ arguments: [String], stdin: String? = nil) throws -> CommandLineTests.Result {
    try CommandLineTests.run(arguments, stdin: stdin)
  }

  /// A study with no text to label was written with No Finding 1.0, which reads as a normal study.
  @Test func aStudyWithoutTextIsBlankByDefault() throws {
    let input = scratch.path("empty.csv")
    try "study_id,report\n1,No pneumothorax.\n2,\n".write(toFile: input, atomically: true, encoding: .utf8)
    let plain = try run([input])
    #expect(plain.status == 0, "\(plain.stderr)")
    let rows = plain.stdout.split(separator: "\n")
    #expect(rows.count == 3)
    #expect(rows[2] == ",2" + String(repeating: ",", count: 14))
    #expect(rows[1].contains("1.0"))
    #expect(plain.stderr.contains("note (empty text): 1 (their rows are blank; --drop-empty leaves them out"))
    let original = try run([input, "--empty-as-normal"])
    #expect(original.stdout.split(separator: "\n")[2] == ",2,,,,,,,,,1.0,,,,,")
    let dropped = try run([input, "--drop-empty"])
    #expect(dropped.stdout.split(separator: "\n").count == 2)
    let both = try run([input, "--drop-empty", "--empty-as-normal"])
    #expect(both.status != 0 && both.stderr.contains("choose one"))
  }

  /// A folder that cannot be listed gave "1 study read, 1 written", exit 0. Run as root, a mode-000 folder is
  /// readable, so this runs out of file descriptors instead: the walk holds one per folder level.
  @Test func aFolderThatCannotBeListedFailsTheRun() throws {
    var folder = scratch.path("tree/p10")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try "FINDINGS: No effusion.\n".write(toFile: folder + "/s1.txt", atomically: true, encoding: .utf8)
    for level in 0..<40 { folder += "/d\(level)" }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try "FINDINGS: Effusion.\n".write(toFile: folder + "/s2.txt", atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c", "ulimit -n 24 && exec \"$0\" \"$1\" --quiet -o \"$2\"", CommandLineTests.binary, scratch.path("tree"),
      scratch.path("out.csv"),
    ]
    let err = Pipe()
    process.standardError = err
    try process.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1, "\(message)")
    #expect(message.contains("Cannot list this folder: Too many open files"))
    // The hint says why (the walk holds a folder per level) instead of blaming permissions.
    #expect(message.contains("open-file limit (ulimit -n)") && !message.contains("check its permissions"))
    #expect(message.contains("failed (unreadable input): 1"))
  }

  /// Links that lead outside the tree are named in the summary.
  @Test func linksNotFollowedAreNamed() throws {
    let tree = scratch.path("linked")
    try FileManager.default.createDirectory(atPath: tree + "/p10/p1", withIntermediateDirectories: true)
    try "FINDINGS: No effusion.\n".write(toFile: tree + "/p10/p1/s1.txt", atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: tree + "/p10/everything", withDestinationPath: "/")
    let result = try run([tree, "-o", scratch.path("linked.csv")])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("1 study read, 1 written"))
    #expect(
      result.stderr.contains(
        "symbolic link not followed: it leads outside the tree given, or back up to a folder it is in): 1"))
    #expect(result.stderr.contains(tree + "/p10/everything"))
  }

  /// `-o /dev/x.csv.gz` created a regular file under /dev; a full disk printed an NSError dump.
  @Test func outputsUnderDevMustExistAndWriteErrorsSayWhy() throws {
    let missing = try run(["-", "-o", "/dev/cxrlabel-\(UUID()).csv.gz"], stdin: "Edema.")
    #expect(missing.status != 0 && missing.stderr.contains("There is no /dev/cxrlabel-"))
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    let full = try run(["-", "-o", "/dev/full"], stdin: "Edema.")
    #expect(full.status != 0)
    #expect(full.stderr.contains("Writing /dev/full failed: No space left on device"))
    #expect(!full.stderr.contains("NSCocoaErrorDomain") && !full.stderr.contains("Error Domain"))
  }

  /// A temporary file left by a run killed with SIGKILL is named by the next run writing the same output.
  @Test func temporaryFilesOfAKilledRunAreNamed() throws {
    let output = scratch.path("labels.csv")
    let leftover = scratch.path(".labels.csv.tmp-999999")
    try "partial".write(toFile: leftover, atomically: true, encoding: .utf8)
    let result = try run(["-", "-o", output], stdin: "Edema.")
    #expect(result.status == 0)
    #expect(result.stderr.contains("warning: \(leftover) is left from an earlier run"))
  }

  /// A phrase file with a byte that is not UTF-8 was accepted (the phrase would never match); a YAML rule file
  /// whose quote never closes was refused without a line.
  @Test func dataFilesInAnotherEncodingOrWithAnOpenQuoteNameTheLine() throws {
    let phrases = scratch.path("latin1.phrases")
    try Data("[Edema]\nmention ed".utf8 + [0xE9] + Data("ma\n".utf8)).write(to: URL(fileURLWithPath: phrases))
    let bad = try run(["-", "--phrases", phrases], stdin: "Edema.")
    #expect(bad.status != 0)
    #expect(bad.stderr.contains("latin1.phrases:2:11: Byte 0xE9 is not UTF-8"))
    let yaml = scratch.path("open.yml")
    try "- id: 0\n  pattern: '{} >{dependency:/neg/} {}\n".write(toFile: yaml, atomically: true, encoding: .utf8)
    let open = try run(
      ["-", "--pre-negation-uncertainty", yaml, "--negation", yaml, "--post-negation-uncertainty", yaml],
      stdin: "Edema.")
    #expect(open.status != 0)
    #expect(open.stderr.contains("open.yml:2: This quoted value is never closed"))
  }
}

/// The fuzz targets' seed corpus and every input that once found a bug, replayed through the targets (a plain
/// build of `cxrlabel-fuzz` replays files; `Sources/cxrlabel-fuzz/fuzz.sh` fuzzes).
@Suite("Fuzz inputs replayed")
struct FuzzReplayTests {
  static let seeds = CommandLineTests.packageRoot + "/Sources/cxrlabel-fuzz/seeds"

  static var replayer: String { (CommandLineTests.binary as NSString).deletingLastPathComponent + "/cxrlabel-fuzz" }

  @Test(arguments: ["csv", "sections", "sentences", "phrases", "rules", "lexicon", "judge"])
  func seedsAndRegressionsRunClean(target: String) throws {
    let folder = Self.seeds + "/" + target
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
    #expect(!files.isEmpty)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.replayer)
    process.arguments = [target] + files
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(output.contains("\(files.count) inputs through \(target), no crash"))
  }
}
