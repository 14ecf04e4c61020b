import Foundation
import Testing

/// End-to-end: what a new user tripped on (issue 24, first list), each through the built binary.
@Suite("cxrlabel command line: a new user's surprises", .serialized)
struct NewUserTests {
  let scratch = ScratchDirectory()

  func run(_ arguments: [String], stdin: String? = nil) throws -> CommandLineTests.Result {
    try CommandLineTests.run(arguments, stdin: stdin)
  }

  /// The (study_id, row) pairs of a label CSV, by the header's column names.
  func rows(_ csv: String) -> [String: [String: String]] {
    let lines = csv.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    guard let header = lines.first else { return [:] }
    var result: [String: [String: String]] = [:]
    for line in lines.dropFirst() { result[line[1]] = Dictionary(uniqueKeysWithValues: zip(header, line)) }
    return result
  }

  /// A CSV id `s1` came back as `1` while `p2` stayed `p2`: ids are written as given, except MIMIC-CXR ids.
  @Test func idsComeBackAsGivenExceptMIMICIDs() throws {
    let csv = scratch.path("ids.csv")
    try "study_id,subject,report\ns1,p7,No effusion.\np2,p10000032,Edema.\nCXR12,10000033,x\ns50414267,,y\n"
      .write(toFile: csv, atomically: true, encoding: .utf8)
    let result = try run([csv, "--subject-column", "subject"])
    #expect(result.status == 0, "\(result.stderr)")
    let ids = result.stdout.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).prefix(2).joined(separator: ",")
    }
    #expect(ids == ["p7,s1", "10000032,p2", "10000033,CXR12", ",50414267"])
    let jsonl = scratch.path("ids.jsonl")
    #expect(try run([csv, "-o", jsonl]).status == 0)
    let lines = try String(contentsOfFile: jsonl, encoding: .utf8)
    #expect(lines.contains("\"study_id\":\"s1\"") && lines.contains("\"study_id\":\"50414267\""))
  }

  /// `mimic_cxr_00.csv` labels as the tree does; `mimic_cxr_sectioned.csv` differs exactly where the README says:
  /// no row for a study a per-study fix decides, and the next section where the chosen one is present but empty.
  @Test func theSectionFilesLabelAsTheReadmeSays() throws {
    let tree = scratch.path("tree/files")
    for folder in ["p10/p10000001", "p11/p11000003"] {
      try FileManager.default.createDirectory(atPath: tree + "/" + folder, withIntermediateDirectories: true)
    }
    try " FINAL REPORT\n FINDINGS:  Small left effusion.\n IMPRESSION:  Mild edema.\n"
      .write(toFile: tree + "/p10/p10000001/s50000001.txt", atomically: true, encoding: .utf8)
    // The chosen section is the last paragraph, empty after the trailing blank line; the comparison is not.
    try " FINAL REPORT\n COMPARISON:  Small left pleural effusion.\n \n"
      .write(toFile: tree + "/p10/p10000001/s50000002.txt", atomically: true, encoding: .utf8)
    // A study whose text MIMIC-CXR's script fixes by character offsets.
    try FileManager.default.copyItem(
      atPath: CommandLineTests.fixtures + "/reports/files/p11/p11000003/s58235663.txt",
      toPath: tree + "/p11/p11000003/s58235663.txt")
    let sections = scratch.path("sections")
    #expect(try run(["sections", tree, "--output-dir", sections]).status == 0)
    let fromTree = rows(try run([tree]).stdout)
    let fromChosen = rows(try run([sections + "/mimic_cxr_00.csv", "--no-header"]).stdout)
    let fromSectioned = rows(try run([sections + "/mimic_cxr_sectioned.csv"]).stdout)
    #expect(fromTree.count == 3)
    let drop = { (row: [String: String]?) in row?.filter { $0.key != "subject_id" } }
    for id in fromTree.keys { #expect(drop(fromChosen[id]) == drop(fromTree[id]), "\(id)") }
    #expect(drop(fromSectioned["50000001"]) == drop(fromTree["50000001"]))
    #expect(fromSectioned["58235663"] == nil)
    #expect(fromTree["50000002"]?["Pleural Effusion"] == "" && fromSectioned["50000002"]?["Pleural Effusion"] == "1.0")
  }

  /// The summary counted 9 studies without a usable section and named 5: it says how many more there were.
  @Test func warningsSayHowManyWereNotNamed() throws {
    let folder = scratch.path("tree/files/p10/p10000001")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for study in 0..<7 {
      try "x\n HISTORY:  Cough.\n".write(toFile: folder + "/s5000000\(study).txt", atomically: true, encoding: .utf8)
    }
    let result = try run([scratch.path("tree"), "-o", scratch.path("out.csv")])
    #expect(result.status == 0, "\(result.stderr)")
    let named = result.stderr.components(separatedBy: "none of the sections --sections chooses is there").count - 1
    #expect(named == 5)
    #expect(result.stderr.contains("... and 2 more studies without a usable section, not named (7 in all"))
  }

  /// `label --help` lists what most runs need first and the data-file options last; `--sections` shows its default.
  @Test func helpListsCommonOptionsFirst() throws {
    let help = try run(["label", "--help"]).stdout
    let position = { (text: String) in help.range(of: text)?.lowerBound ?? help.endIndex }
    #expect(position("-o, --output") < position("--phrases"))
    #expect(position("--labeler") < position("--punkt-dir"))
    #expect(position("--labeler") < position("--id-column"))
    #expect(help.contains("(default: mimic"))
  }

  /// Errors from argument checking and from the run itself share one prefix.
  @Test func everyErrorHasOnePrefix() throws {
    for arguments in [
      ["--jobs", "0", "x.csv"], ["no-such-file.csv"], ["score", "a.csv"], ["eval", "a.csv", "b.csv"],
    ] {
      let result = try run(arguments)
      #expect(result.status != 0)
      #expect(result.stderr.hasPrefix("cxrlabel: error: "), "\(arguments): \(result.stderr)")
      #expect(!result.stderr.contains("\nError: ") && !result.stderr.hasPrefix("Error: "), "\(arguments)")
    }
  }

  /// A workbook was met with advice to rename it, and a renamed one printed binary garbage: both are named.
  @Test func spreadsheetsAreNamedNotPrinted() throws {
    var zip = Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])
    zip.append(Data((0..<200).map { UInt8(truncatingIfNeeded: $0 &* 37) }))
    for name in ["reports.xlsx", "reports.csv"] {
      try zip.write(to: URL(fileURLWithPath: scratch.path(name)))
      let result = try run([scratch.path(name)])
      #expect(result.status != 0)
      #expect(result.stderr.contains(name.hasSuffix("xlsx") ? "Excel workbook" : "zip archive"), "\(result.stderr)")
      #expect(result.stderr.contains("Save") && result.stderr.contains("CSV"))
      #expect(!result.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no control bytes printed")
    }
  }

  /// `--explain` says why: a mention no rule decided, why No Finding is blank or 1, and the cleaned text its
  /// offsets count in, without --explain-graphs.
  @Test func explainSaysWhy() throws {
    let csv = scratch.path("why.csv")
    try "study_id,report\na,Small right pleural effusion. No pneumothorax.\nb,The lungs are clear.\n"
      .write(toFile: csv, atomically: true, encoding: .utf8)
    let explain = scratch.path("why.jsonl")
    #expect(try run([csv, "--explain", explain, "-o", scratch.path("l.csv")]).status == 0)
    let lines = try String(contentsOfFile: explain, encoding: .utf8).split(separator: "\n")
    let first = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    let clean = try #require(first["clean"] as? String)
    let mentions = try #require(first["mentions"] as? [[String: Any]])
    let effusion = try #require(mentions.first { $0["observation"] as? String == "Pleural Effusion" })
    #expect(effusion["why"] as? String == "no rule matched: positive by default")
    let start = try #require(effusion["start"] as? Int)
    let end = try #require(effusion["end"] as? Int)
    let scalars = Array(clean.unicodeScalars)
    #expect(String(String.UnicodeScalarView(scalars[start..<end])) == effusion["text"] as? String)
    #expect((effusion["sentence_text"] as? String)?.contains("pleural effusion") == true)
    let pneumothorax = try #require(mentions.first { $0["observation"] as? String == "Pneumothorax" })
    #expect((pneumothorax["why"] as? String)?.hasPrefix("negation: negation rule ") == true)
    #expect(
      (first["no_finding"] as? String)?.hasPrefix("blank: Pleural Effusion (\"") == true, "\(first["no_finding"] ?? "")"
    )
    let second = try #require(JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
    #expect((second["no_finding"] as? String)?.hasPrefix("1: ") == true)
  }
}
