import Foundation
import Testing

@testable import CXRLabel

/// Inputs that used to be misread without a word: regular expressions with many groups, title files with CRLF
/// line ends or no pattern, very long lines, and graph files with a byte-order mark or absurd offsets.
@Suite struct InputRobustnessTests {
  let scratch = ScratchDirectory()

  /// PCRE2 returns 0 when a match has more groups than the scratch vector holds; that is still a match.
  @Test func patternsWithManyGroupsStillMatch() throws {
    let groups = (1...20).map { "(\(Character(UnicodeScalar(UInt8(96 + $0)))))" }.joined()
    let pattern = try PCRE2Pattern(groups)
    let subject = Array("--abcdefghijklmnopqrst--".utf8)
    let match = subject.withUnsafeBufferPointer { pattern.firstMatch(in: $0, scratch: MatchScratch()) }
    #expect(match == 2..<22)
  }

  /// A CRLF title file is one pattern per line, as with LF; line k of the file is named for a bad pattern.
  @Test func titleFilesReadAnyLineEndAndNameTheBadLine() throws {
    let crlf = PassageSplitter.titleLines("# titles\r\nFINDINGS:\r\nIMPRESSION:\r\n")
    let splitter = try PassageSplitter(titleLines: crlf, file: "t.txt")
    let text = Array("FINDINGS: clear. IMPRESSION: no effusion.".utf8)
    #expect(
      splitter.passages(text).map { String(decoding: text[$0], as: UTF8.self) } == [
        "FINDINGS:", "clear.", "IMPRESSION:", "no effusion.",
      ])
    #expect {
      try PassageSplitter(titleLines: PassageSplitter.titleLines("FINDINGS:\n\nIMPRESSION(:\n"), file: "t.txt")
    } throws: { error in
      (error as? CXRLabelError)?.description.hasPrefix("t.txt:3:") == true
    }
  }

  /// A title file with only comments would match the empty string at every byte; it is refused instead.
  @Test func titleFileWithoutPatternsIsRefused() {
    #expect {
      try PassageSplitter(titleLines: PassageSplitter.titleLines("# nothing yet\n\n"), file: "t.txt")
    } throws: { error in
      (error as? CXRLabelError)?.description.contains("has no title pattern") == true
    }
  }

  /// A line far longer than one read (3 MB) comes back whole, and the lines around it too.
  @Test func veryLongLinesAreReadWhole() throws {
    let path = scratch.path("long.jsonl")
    let long = String(repeating: "x", count: 3_000_000)
    try "first\r\n\(long)\nlast".write(toFile: path, atomically: true, encoding: .utf8)
    let reader = try LineReader(path: path)
    #expect(try reader.next() == "first")
    #expect(try reader.next()?.count == 3_000_000)
    #expect(try reader.next() == "last" && reader.lineNumber == 3)
    #expect(try reader.next() == nil)
  }

  /// A byte-order mark before a graph record does not hide its fields; an offset beyond any text is named
  /// (it used to overflow and crash).
  @Test func graphRecordsWithABOMOrAbsurdOffsets() throws {
    let record =
      #"{"study_id":"a","clean":"no effusion.","sentences":[{"offset":0,"text":"no effusion."}],"mentions":[]}"#
    let study = try GraphsReader.parse(line: "\u{FEFF}" + record, file: "g.jsonl", lineNumber: 1)
    #expect(study.id.study == "a")
    #expect(JSONSpans.members(of: Array(study.json.utf8)).map(\.key) == ["study_id", "clean", "sentences", "mentions"])
    let huge = record.replacingOccurrences(of: #""offset":0"#, with: #""offset":9223372036854775807"#)
    #expect {
      try GraphsReader.parse(line: huge, file: "g.jsonl", lineNumber: 2)
    } throws: { error in
      (error as? CXRLabelError)?.description.contains("outside the text") == true
    }
  }

  /// More threads than inputs, or an absurd number, still gives every result in order.
  @Test func absurdJobCountsAreClamped() throws {
    var numbers = (1...50).makeIterator()
    var seen: [Int] = []
    forEachInOrder(&numbers, jobs: Int.max, batchSize: 7, transform: { $0 * 2 }, consume: { seen.append($0) })
    #expect(seen == (1...50).map { $0 * 2 })
  }
}
