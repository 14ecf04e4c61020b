import Foundation
import Testing

@testable import CXRLabel

@Suite("Inputs: report trees, CSV, text files")
struct ReportSourceTests {
  let scratch = ScratchDirectory()

  func temporaryFile(_ contents: String, name: String = "in.csv") throws -> String {
    let directory = scratch.path("src-\(UUID())")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = directory + "/" + name
    try contents.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func reports(_ inputs: [String], _ options: InputOptions = InputOptions()) throws -> [ReportRecord] {
    Array(try ReportSource(inputs: inputs, options: options))
  }

  @Test func reportTreeSortedWithIdsFromThePath() throws {
    let records = try reports([TestPaths.fixtures + "/reports"])
    let ids = records.compactMap { record -> StudyID? in
      if case .report(let report) = record { return report.id }
      return nil
    }
    #expect(ids.count == 7)
    #expect(ids.first == StudyID(subject: "p10000001", study: "s50000001"))
    #expect(ids.map(\.study) == ids.map(\.study).sorted())
    #expect(ids.first?.subjectNumber == "10000001")
    #expect(ids.first?.studyNumber == "50000001")
  }

  /// A tree is walked lazily, directory by directory, yet in exactly the byte order of the full paths, also
  /// where one name is a prefix of another ("p1" before "p1-x" and "p1.x" in path order, since '/' sorts after
  /// '-' and '.'); non-report files are skipped and symbolic links followed.
  @Test func treeWalkFollowsFullPathByteOrder() throws {
    let root = scratch.path("tree")
    let files = [
      "p1/s3.txt", "p1/s10.txt", "p1-x/s1.txt", "p1.x/s2.txt", "p10/s1.txt", "p1x.txt", "B/s.txt", "a/b/c/d.txt",
      "a/b.txt", "a/notes.md", "empty/",
    ]
    for file in files {
      let path = root + "/" + file
      if file.hasSuffix("/") {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        continue
      }
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try file.write(toFile: path, atomically: true, encoding: .utf8)
    }
    try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/p10")
    let paths = try reports([root]).compactMap { record -> String? in
      guard case .report(let report) = record, case .reportFile(let path) = report.origin else { return nil }
      return path
    }
    let expected = (files.filter { $0.hasSuffix(".txt") } + ["link/s1.txt"]).map { root + "/" + $0 }
    #expect(paths == expected.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    #expect(paths.count == 10)
    let source = try ReportSource(inputs: [root + "/"])
    try source.shard(2, of: 3)
    #expect(Array(source).count == 3)
  }

  /// The study id is the file name without `.txt`; the subject comes from a `p<digits>` parent folder only.
  @Test(
    arguments: [
      ("files/p10/p10000032/s50414267.txt", "p10000032", "s50414267"),
      ("/data/p10000032/s50414267.txt", "p10000032", "s50414267"),
      ("p10000032//s50414267.txt", "p10000032", "s50414267"),
      ("reports/patient7/s1.txt", nil, "s1"),
      ("reports/p/s1.txt", nil, "s1"),
      ("reports/p12a/s1.txt", nil, "s1"),
      ("s50414267.txt", nil, "s50414267"),
      ("/s2.txt", nil, "s2"),
      ("notes/report.text", nil, "report.text"),
    ] as [(String, String?, String)])
  func studyIDFromPath(path: String, subject: String?, study: String) {
    #expect(ReportSource.studyID(forPath: path) == StudyID(subject: subject, study: study))
  }

  /// Files are read whole whatever their size (empty, exactly a power of two, larger than one read chunk).
  @Test(arguments: [0, 1, 4096, 16_384, 70_001])
  func plainFilesReadWhole(size: Int) throws {
    let letters = Array("abcdefghijklmnopqrstuvwxyz\n".utf8)
    let text = String(decoding: (0..<size).map { letters[$0 % letters.count] }, as: UTF8.self)
    let path = try temporaryFile(text, name: "r.txt")
    #expect(try PlainFile.contents(of: path) == Array(text.utf8))
  }

  /// A link back up the tree is not followed round and round; a `.txt` link that leads nowhere is a named
  /// failure rather than a study gone missing; hidden names (`.git`, macOS's `._s1.txt`) are not reports.
  @Test func treeWalkSkipsLoopsAndHiddenNamesAndNamesDanglingLinks() throws {
    let patient = scratch.path("files/p10/p10000001")
    try FileManager.default.createDirectory(atPath: patient + "/.git", withIntermediateDirectories: true)
    try "FINDINGS: No effusion.\n".write(toFile: patient + "/s1.txt", atomically: true, encoding: .utf8)
    try "x".write(toFile: patient + "/._s1.txt", atomically: true, encoding: .utf8)
    try "x".write(toFile: patient + "/.git/s9.txt", atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: patient + "/back", withDestinationPath: "..")
    try FileManager.default.createSymbolicLink(atPath: patient + "/s2.txt", withDestinationPath: "nowhere.txt")
    let records = try reports([scratch.path("files")])
    #expect(records.count == 2)
    guard case .report(let report) = records.first, case .failure(let id, let error) = records.last else {
      Issue.record("expected s1, then a failure for s2")
      return
    }
    #expect(report.id.study == "s1")
    #expect(id?.study == "s2" && error.code == .unreadable)
  }

  @Test func csvWithHeaderAndMultiLineQuotedFields() throws {
    let path = try temporaryFile("study_id,report\na,\"one, two\"\n\nb,\"line1\n\nline3 \"\"q\"\"\"\n")
    let records = try reports([path])
    guard case .report(let first) = records[0], case .report(let second) = records[1] else {
      Issue.record("expected two reports")
      return
    }
    #expect(records.count == 2)
    #expect(first.id.study == "a" && first.text == "one, two")
    #expect(second.text == "line1\n\nline3 \"q\"")
    #expect(second.origin == .csvRecord(file: path, line: 4))
  }

  /// A stray quote that merges rows was indistinguishable from a multi-line report; a line inside a quoted
  /// field that starts like a row (an id of the first row's shape, a comma) is now named with its line.
  @Test func aQuotedFieldOverARowStartIsNamed() throws {
    let path = try temporaryFile(
      "study_id,report\ns101,\"No effusion.\ns102,Edema.\ns103,Mild cardiomegaly.\"\ns104,\"Line one\nline two.\"\n")
    let records = try reports([path])
    #expect(records.count == 2)
    guard case .report(let merged) = records[0], case .report(let multiLine) = records[1] else {
      Issue.record("expected two reports")
      return
    }
    #expect(merged.readingWarnings.count == 1)
    #expect(merged.readingWarnings.first?.hasPrefix(path + ":3: ") == true)
    #expect(merged.readingWarnings.first?.contains("`s102,`") == true)
    #expect(multiLine.readingWarnings.isEmpty)
    #expect(CSVReportReader.shape(Array("CXR12_IM-0001".utf8)[...]) == Array("a9_a-9".utf8))
  }

  @Test func namedColumns() throws {
    let path = try temporaryFile("text,id\nhello,7\n")
    var options = InputOptions()
    options.idColumn = "id"
    options.textColumn = "text"
    guard case .report(let report) = try reports([path], options)[0] else { return }
    #expect(report.id.study == "7" && report.text == "hello")
  }

  @Test func missingColumnNamesTheColumnsAndSuggestsNoHeader() throws {
    let path = try temporaryFile("No acute process.\n")
    let records = try reports([path])
    guard case .failure(_, let error) = records[0] else {
      Issue.record("expected a failure")
      return
    }
    #expect(error.code == .missingColumn)
    #expect(error.description.contains("--no-header"))
    #expect(error.location?.line == 1)
  }

  @Test func headerlessOneOrTwoColumns() throws {
    let path = try temporaryFile("\"a, b\"\n\ns5,two\n")
    var options = InputOptions()
    options.csvHasHeader = false
    let records = try reports([path], options)
    guard case .report(let first) = records[0], case .report(let second) = records[1] else { return }
    #expect(first.id.study == "1" && first.text == "a, b")
    #expect(second.id.study == "s5" && second.text == "two")
  }

  @Test func unclosedQuoteNamesTheLine() throws {
    let path = try temporaryFile("study_id,report\na,ok\nb,\"never\nclosed\n")
    let records = try reports([path])
    #expect(records.count == 2)
    guard case .failure(_, let error) = records[1] else {
      Issue.record("expected a failure")
      return
    }
    #expect(error.code == .malformedCSV)
    #expect(error.location == .init(file: path, line: 3))
  }

  @Test func invalidUTF8IsDecodedLossilyAndFlagged() throws {
    let path = try temporaryFile("", name: "s9.txt")
    try Data([0x41, 0xFF, 0x42]).write(to: URL(fileURLWithPath: path))
    guard case .report(let report) = try reports([path])[0] else { return }
    #expect(report.hadInvalidUTF8)
    #expect(report.text == "A\u{FFFD}B")
    #expect(report.id.study == "s9")
  }

  @Test func missingPathsAndEmptyDirectoriesAreErrors() throws {
    #expect(throws: CXRLabelError.self) { try ReportSource(inputs: ["/no/such/place"]) }
    let empty = scratch.path("empty")
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    do {
      _ = try ReportSource(inputs: [empty])
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .noReports)
    }
  }

  /// Every row has the header's number of fields (a headerless file: the first row's), as pandas requires; an
  /// unquoted comma would otherwise cut the report short without a word.
  @Test func rowsWithAnotherNumberOfFieldsAreNamedFailures() throws {
    let headed = try reports([try temporaryFile("study_id,report\na,No effusion, mild cardiomegaly.\nb,\"x, y\"\n")])
    guard case .failure(let id, let error) = headed[0], case .report(let report) = headed[1] else {
      Issue.record("expected a failure, then a report")
      return
    }
    #expect(id?.study == "1" && error.code == .malformedCSV && error.location?.line == 2)
    #expect(error.description.contains("has 3 fields; the header names 2"))
    #expect(report.text == "x, y")
    var options = InputOptions()
    options.csvHasHeader = false
    let headerless = try reports(
      [try temporaryFile("No effusion.\nNo effusion, mild cardiomegaly.\n\"a, b\"\n")], options)
    #expect(headerless.count == 3)
    guard case .failure(_, let second) = headerless[1], case .report(let third) = headerless[2] else {
      Issue.record("expected the second row to fail")
      return
    }
    #expect(second.description.contains("has 2 fields, the first row 1"))
    #expect(third.text == "a, b" && third.id.study == "3")
  }

  /// A gzip file cut short is a named failure after the rows before the cut, not a silently shorter input.
  @Test func truncatedGzipIsANamedFailure() throws {
    let gz = try temporaryFile("", name: "cut.csv.gz")
    let writer = try OutputFile(path: gz)
    try writer.write("study_id,report\n" + (1...2000).map { "s\($0),Report number \($0) with no effusion.\n" }.joined())
    try writer.commit()
    let whole = try PlainFile.contents(of: gz)
    try Data(whole.prefix(whole.count / 2)).write(to: URL(fileURLWithPath: gz))
    let records = try reports([gz])
    guard case .failure(nil, let error) = records.last else {
      Issue.record("expected a failure at the end")
      return
    }
    #expect(error.description.contains("is truncated"))
    #expect(records.count > 1 && records.count < 2000)
  }

  /// A CSV that shrinks while it is read (another program rewriting it) was labelled up to the cut: the end of the
  /// file is now a named failure saying so.
  @Test func aFileThatShrinksWhileItIsReadIsANamedFailure() throws {
    let path = try temporaryFile(
      "study_id,report\n" + (1...40_000).map { "s\($0),Report number \($0) with no effusion.\n" }.joined(),
      name: "shrinks.csv")
    let source = try ReportSource(inputs: [path])
    guard case .report = source.next() else {
      Issue.record("expected a first report")
      return
    }
    // Well past what the first read buffered, well short of the end.
    #expect(truncate(path, 1_000_000) == 0)
    var records: [ReportRecord] = []
    while let record = source.next() { records.append(record) }
    guard case .failure(_, let error) = records.last else {
      Issue.record("expected a failure at the end")
      return
    }
    #expect(error.description.contains("shrank while it was read"), "\(error)")
    #expect(error.description.contains("shrinks.csv"))
  }

  /// A file's kind comes from its name in any case; a name that says neither CSV nor report is refused rather
  /// than labelled as one report (a TSV of 10,000 reports used to become one study).
  @Test func inputKindFromTheNameInAnyCase() throws {
    let upper = try temporaryFile("study_id,report\na,No effusion.\n", name: "REPORTS.CSV")
    guard case .report(let report) = try reports([upper])[0] else { return }
    #expect(report.id.study == "a")
    let tsv = try temporaryFile("study_id\treport\n", name: "reports.tsv")
    #expect(throws: CXRLabelError.self) { try ReportSource(inputs: [tsv]) }
    #expect(
      FileEnding.report.matches("s1.TXT") && FileEnding.report.matches("s1.txt.gz") && !FileEnding.csv.matches("a.gz"))
    #expect(ReportSource.studyID(forPath: "files/p10/p1/s50.TXT.gz") == StudyID(subject: "p1", study: "s50"))
    let tree = scratch.path("upper/p10/p2")
    try FileManager.default.createDirectory(atPath: tree, withIntermediateDirectories: true)
    try "FINDINGS: No effusion.\n".write(toFile: tree + "/S9.TXT", atomically: true, encoding: .utf8)
    #expect(try reports([scratch.path("upper")]).count == 1)
  }

  /// A UTF-16 CSV (Excel's "Unicode text") is named, with the command that converts it.
  @Test func utf16CSVIsNamed() throws {
    let path = try temporaryFile("", name: "u16.csv")
    try Data([0xFF, 0xFE] + Array("study_id,report\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
      .write(to: URL(fileURLWithPath: path))
    for header in [true, false] {
      var options = InputOptions()
      options.csvHasHeader = header
      guard case .failure(_, let error) = try reports([path], options).first else {
        Issue.record("expected a failure")
        return
      }
      #expect(error.description.contains("UTF-16") && error.description.contains("iconv"))
    }
  }

  @Test func gzipCSVInput() throws {
    let path = try temporaryFile("study_id,report\nz,No effusion.\n", name: "plain.csv")
    let gz = path + ".gz"
    let writer = try OutputFile(path: gz)
    try writer.write(try String(contentsOfFile: path, encoding: .utf8))
    try writer.commit()
    guard case .report(let report) = try reports([gz])[0] else { return }
    #expect(report.text == "No effusion.")
  }
}
