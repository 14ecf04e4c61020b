import Foundation
import Testing

/// `cxrlabel sections` against files written by hand from SPEC 6 (create_section_files.py's behaviour), on a tree
/// of our own reports that exercises header spellings, misspellings, blank sections, the last-paragraph fallback,
/// CRLF line ends and the per-study fixes.
@Suite("cxrlabel sections", .serialized)
struct SectionsCommandTests {
  let scratch = ScratchDirectory()

  /// Our reports, by path under files/: MIMIC-CXR's layout (each line after the first starts with a space).
  static let reports: [(path: String, text: String)] = [
    // (A header must start a line after a newline, as in MIMIC-CXR's files, whose first line is the title.)
    // Findings and impression: the impression is chosen; both fill the sectioned row.
    (
      "p10/p10000001/s50000001.txt",
      "                                 FINAL REPORT\n EXAMINATION:  CHEST (PA AND LAT)\n \n FINDINGS: \n \n Heart size is normal.  No effusion, no edema.\n \n IMPRESSION: \n \n No acute process.\n"
    ),
    // Misspelled headers: IMPRESSON is impression, FINDINS is findings; a quote inside the text.
    (
      "p10/p10000001/s50000002.txt",
      " FINAL REPORT\n FINDINS:  Small \"nodule\" at the left base.\n \n IMPRESSON:  Nodule, see findings.\n"
    ),
    // A blank impression is removed: findings are chosen.
    (
      "p10/p10000002/s50000003.txt",
      " FINAL REPORT\n INDICATION:  Fever.\n \n FINDINGS:  Mild cardiomegaly.\n \n IMPRESSION: \n \n"
    ),
    // Neither impression nor findings: the final section is cut at its first blank line; the rest is the last
    // paragraph, which is chosen.
    (
      "p10/p10000002/s50000004.txt",
      " FINAL REPORT\n WET READ:  ___ 2:15 PM\n   no pneumothorax\n \n Lungs are clear.\n \n Heart is normal.\n"
    ),
    // CRLF line ends, and CONCLUSION is impression.
    (
      "p11/p11000005/s50000005.txt",
      " FINAL REPORT\r\n COMPARISON:  None.\r\n \r\n CONCLUSION:  Right lower lobe pneumonia.\r\n"
    ),
    // Only a comparison: it is chosen. A header in the first line of a section's text is not a header.
    ("p11/p11000005/s50000006.txt", " FINAL REPORT\n COMPARISON:  Prior study. NOTE: see above.\n"),
    // No header at all: a full report, nothing to choose, an empty text.
    ("p11/p11000006/s50000007.txt", " FINAL REPORT\nPortable view of the chest.\n"),
    // Per-study fixes: a section fix (recommendations) and an empty character range; neither is in the
    // sectioned file.
    (
      "p11/p11000006/s50913680.txt",
      " FINAL REPORT\n IMPRESSION:  Not used.\n \n RECOMMENDATION(S):  Follow-up in 3 months.\n"
    ),
    ("p11/p11000006/s58235663.txt", " FINAL REPORT\n IMPRESSION:  Not used either.\n"),
    // A view header is findings; FINDINGS AND IMPRESSION is impression.
    (
      "p12/p12000007/s50000008.txt",
      " FINAL REPORT\n PA AND LATERAL CHEST:  Clear lungs.\n \n FINDINGS AND IMPRESSION:  Normal study.\n"
    ),
    // More of the table: NDICATION is (oddly) impression; FINDINGS/ IMPRESSION is impression and REFERENCE EXAM
    // comparison; CHEST, TWO VIEWS is findings and COMPARISION comparison; COMPARISON/HISTORY is history (the
    // substring rule tries history before comparison) and MPRESSION impression; PORTABLE AP CHEST is findings.
    ("p12/p12000007/s50000011.txt", " FINAL REPORT\n NDICATION:  Odd impression.\n"),
    (
      "p12/p12000007/s50000012.txt",
      " FINAL REPORT\n FINDINGS/ IMPRESSION:  Combined text.\n \n REFERENCE EXAM:  Old film.\n"
    ),
    ("p12/p12000007/s50000013.txt", " FINAL REPORT\n CHEST, TWO VIEWS:  Two views text.\n \n COMPARISION:  Prior.\n"),
    ("p12/p12000007/s50000014.txt", " FINAL REPORT\n COMPARISON/HISTORY:  Smoker.\n \n MPRESSION:  Mild edema.\n"),
    ("p12/p12000007/s50000015.txt", " FINAL REPORT\n PORTABLE AP CHEST:  Lines in place.\n"),
    // A per-study character range ([201, 349) of the raw text, not trimmed).
    ("p12/p12000008/s50525523.txt", " FINAL REPORT\n IMPRESSION:  " + String(repeating: "abcdefghi ", count: 40)),
  ]

  static let expectedSectioned = """
    study,impression,findings,last_paragraph,comparison\r
    s50000001,No acute process.,"Heart size is normal.  No effusion, no edema.",,\r
    s50000002,"Nodule, see findings.","Small ""nodule"" at the left base.",,\r
    s50000003,,Mild cardiomegaly.,,\r
    s50000004,,,"Lungs are clear.\n \n Heart is normal.",\r
    s50000005,Right lower lobe pneumonia.,,,None.\r
    s50000006,,,,Prior study. NOTE: see above.\r
    s50000007,,,,\r
    s50000008,Normal study.,Clear lungs.,,\r
    s50000011,Odd impression.,,,\r
    s50000012,Combined text.,,,Old film.\r
    s50000013,,Two views text.,,Prior.\r
    s50000014,Mild edema.,,,\r
    s50000015,,Lines in place.,,\r

    """

  static let expectedChosen = """
    s50000001,No acute process.\r
    s50000002,"Nodule, see findings."\r
    s50000003,Mild cardiomegaly.\r
    s50000004,"Lungs are clear.\n \n Heart is normal."\r
    s50000005,Right lower lobe pneumonia.\r
    s50000006,Prior study. NOTE: see above.\r
    s50000007,\r
    s50913680,Follow-up in 3 months.\r
    s58235663,\r
    s50000008,Normal study.\r
    s50000011,Odd impression.\r
    s50000012,Combined text.\r
    s50000013,Two views text.\r
    s50000014,Mild edema.\r
    s50000015,Lines in place.\r
    s50525523,\(characterRange)\r

    """

  /// s50525523's per-study range of its raw text.
  static var characterRange: String {
    let raw = Array(reports.last!.text.unicodeScalars)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: raw[201..<349])
    return String(view)
  }

  func makeTree() throws -> String {
    let root = scratch.path("mimic-cxr-reports/files")
    for report in Self.reports {
      let path = root + "/" + report.path
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try report.text.write(toFile: path, atomically: true, encoding: .utf8)
    }
    return root
  }

  @Test func writesCreateSectionFilesOutputs() throws {
    let tree = try makeTree()
    let out = scratch.path("sections")
    let result = try CommandLineTests.run(["sections", tree, "--output-dir", out, "--jobs", "3"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try String(contentsOfFile: out + "/mimic_cxr_sectioned.csv", encoding: .utf8) == Self.expectedSectioned)
    #expect(try String(contentsOfFile: out + "/mimic_cxr_00.csv", encoding: .utf8) == Self.expectedChosen)
    #expect(!FileManager.default.fileExists(atPath: out + "/mimic_cxr_01.csv"))
    let single = scratch.path("single")
    let unsplit = try CommandLineTests.run(["sections", tree, "--output-dir", single, "--no-split"])
    #expect(unsplit.status == 0)
    #expect(try String(contentsOfFile: single + "/mimic_cxr_sections.csv", encoding: .utf8) == Self.expectedChosen)
    #expect(!FileManager.default.fileExists(atPath: single + "/mimic_cxr_00.csv"))
  }

  @Test func helpTeachesWithAnExampleAndSaysWhyOrderIsSorted() throws {
    let help = try CommandLineTests.run(["sections", "--help"])
    #expect(help.stdout.contains("cxrlabel sections mimic-cxr-reports/files --output-dir sections/"))
    #expect(help.stdout.contains("directory order"))
    let csv = try CommandLineTests.run(["sections", "x.csv", "--output-dir", scratch.path("o")])
    #expect(csv.status != 0 && csv.stderr.contains("not from a CSV"))
  }
}
