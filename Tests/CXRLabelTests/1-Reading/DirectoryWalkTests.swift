import Foundation
import Testing

@testable import CXRLabel

#if canImport(Glibc)
  import Glibc
#endif

/// The tree walk: it never leaves the root, and every report file under it is a study read or a named failure.
@Suite("Report trees: links, unreadable folders, long paths, non-UTF-8 names")
struct DirectoryWalkTests {
  let scratch = ScratchDirectory()

  func write(_ text: String, _ path: String) throws {
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  /// `ln -s ../.. tree/p10/up` and `ln -s / tree/p10/everything` once labelled files beside the tree and the
  /// whole filesystem. Links are followed only inside the root, and the others are named.
  @Test func linksLeadingOutsideTheTreeAreNotFollowedAndNamed() throws {
    let tree = scratch.path("tree")
    try write("FINDINGS: No effusion.\n", tree + "/p10/p1/s1.txt")
    try write("FINDINGS: Pneumothorax.\n", scratch.path("beside/s9.txt"))
    try FileManager.default.createSymbolicLink(atPath: tree + "/p10/up", withDestinationPath: "../..")
    try FileManager.default.createSymbolicLink(atPath: tree + "/p10/everything", withDestinationPath: "/")
    try FileManager.default.createSymbolicLink(
      atPath: tree + "/p10/p1/s5.txt", withDestinationPath: "../../../beside/s9.txt")
    // A link to a place inside the tree is followed (it is part of what was given).
    try FileManager.default.createSymbolicLink(atPath: tree + "/p10/again", withDestinationPath: "p1")
    let source = try ReportSource(inputs: [tree])
    let records = Array(source)
    let studies = records.compactMap { record -> String? in
      if case .report(let report) = record { return report.id.study }
      return nil
    }
    #expect(studies == ["s1", "s1"])
    #expect(records.count == 2)
    #expect(
      source.linksNotFollowed.sorted() == [
        tree + "/p10/again/s5.txt", tree + "/p10/everything", tree + "/p10/p1/s5.txt", tree + "/p10/up",
      ])
  }

  /// A path of 4,096 bytes or more cannot be opened by name: the walk opens each folder relative to its parent.
  @Test func reportsBelowThePathLengthLimitAreRead() throws {
    let root = scratch.path("deep")
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    var folder = open(root, O_RDONLY | O_DIRECTORY)
    #expect(folder >= 0)
    let name = String(repeating: "d", count: 200)
    for _ in 0..<25 {
      #expect(mkdirat(folder, name, 0o755) == 0)
      let next = openat(folder, name, O_RDONLY | O_DIRECTORY)
      close(folder)
      folder = next
    }
    let file = openat(folder, "s77.txt", O_WRONLY | O_CREAT, 0o644)
    let text = Array("FINDINGS: No pneumothorax.\n".utf8)
    #expect(Glibc.write(file, text, text.count) == text.count)
    close(file)
    close(folder)
    let records = Array(try ReportSource(inputs: [root]))
    #expect(records.count == 1)
    guard case .report(let report) = records.first else {
      Issue.record("expected the deep report, got \(records)")
      return
    }
    #expect(report.id.study == "s77" && report.text.contains("No pneumothorax"))
    if case .reportFile(let path) = report.origin { #expect(path.utf8.count > 5000) }
  }

  /// A Latin-1 file name was decoded lossily and the decoded path opened ("No such file or directory").
  @Test func aNameThatIsNotUTF8IsOpenedByItsBytes() throws {
    let folder = scratch.path("latin/p10000001")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let name = Array(folder.utf8) + [UInt8(ascii: "/"), UInt8(ascii: "s"), 0xE9] + Array(".txt".utf8) + [0]
    let file = name.withUnsafeBufferPointer {
      open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644)
    }
    let text = Array("FINDINGS: Edema.\n".utf8)
    #expect(Glibc.write(file, text, text.count) == text.count)
    close(file)
    let records = Array(try ReportSource(inputs: [scratch.path("latin")]))
    guard records.count == 1, case .report(let report) = records[0] else {
      Issue.record("expected one report, got \(records)")
      return
    }
    #expect(report.id.study == "s\\xE9")
    #expect(report.id.subject == "p10000001")
    #expect(report.text.contains("Edema"))
  }

  /// A named pipe called `s3.txt` was skipped without a word (and opening it would block).
  @Test func somethingNamedLikeAReportThatIsNoFileIsANamedFailure() throws {
    let folder = scratch.path("pipes/p10/p10000001")
    try write("FINDINGS: No effusion.\n", folder + "/s1.txt")
    #expect(mkfifo(folder + "/s3.txt", 0o644) == 0)
    let records = Array(try ReportSource(inputs: [scratch.path("pipes")]))
    #expect(records.count == 2)
    guard case .failure(let id, let error) = records.last else {
      Issue.record("expected a failure for the pipe, got \(records)")
      return
    }
    #expect(id?.study == "s3" && error.code == .unreadable)
    #expect(error.description.contains("not a regular file") && error.description.contains("s3.txt"))
  }

  /// A folder that cannot be listed (mode 000, for a user who is not root) is a named failure, not a silent gap.
  @Test(.enabled(if: geteuid() != 0, "root can list any folder; the command-line tests cover it with ulimit"))
  func anUnreadableFolderIsANamedFailure() throws {
    let tree = scratch.path("locked")
    try write("FINDINGS: No effusion.\n", tree + "/p10/p1/s1.txt")
    try write("FINDINGS: Effusion.\n", tree + "/p10/p2/s2.txt")
    chmod(tree + "/p10/p2", 0)
    defer { chmod(tree + "/p10/p2", 0o755) }
    let records = Array(try ReportSource(inputs: [tree]))
    #expect(records.count == 2)
    guard case .failure(_, let error) = records.last else {
      Issue.record("expected a failure for p2, got \(records)")
      return
    }
    #expect(error.description.contains("Cannot list this folder") && error.description.contains("p2"))
  }

  /// `--shard 3000000000000000/3000000000000000` trapped on `total * index` overflowing.
  @Test func shardBoundsDoNotOverflow() throws {
    #expect(ReportSource.sliceBound(7, 3_000_000_000_000_000, 3_000_000_000_000_000) == 7)
    #expect(ReportSource.sliceBound(Int.max, Int.max - 1, Int.max) == Int.max - 1)
    #expect(ReportSource.sliceBound(10, 1, 3) == 3)
    let csv = scratch.path("shard.csv")
    try "study_id,report\n1,No effusion.\n2,Edema.\n".write(toFile: csv, atomically: true, encoding: .utf8)
    let source = try ReportSource(inputs: [csv])
    try source.shard(3_000_000_000_000_000, of: 3_000_000_000_000_000)
    #expect(Array(source).count == 1)
  }
}
