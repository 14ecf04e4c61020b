import Foundation
import Testing

/// `cxrlabel data export`: the compiled-in data, written out, loads back with the same labels, and an edit to a
/// file changes what it governs (issue 15, item 5).
@Suite("cxrlabel data export", .serialized)
struct DataExportTests {
  let scratch = ScratchDirectory()

  func export() throws -> String {
    let folder = scratch.path("data")
    let result = try CommandLineTests.run(["data", "export", folder])
    #expect(result.status == 0, "\(result.stderr)")
    return folder
  }

  @Test func exportedFilesLoadBackWithTheSameLabels() throws {
    let data = try export()
    let names = try FileManager.default.contentsOfDirectory(atPath: data).sorted()
    #expect(
      names == [
        "amend.phrases", "amend.rules", "chexpert.phrases", "chexpert.rules", "mimic-cxr.sections",
        "negbio-section-titles.txt", "negbio.phrases", "negbio.regex", "negbio.rules", "parser.lexicon",
        "punkt-english.facts",
      ])
    let shared = [
      "--lexicon", data + "/parser.lexicon", "--punkt-facts", data + "/punkt-english.facts",
      "--section-rules", data + "/mimic-cxr.sections",
    ]
    for input in [CommandLineTests.fixtures + "/reports", CommandLineTests.fixtures + "/constructions.csv"] {
      let chexpert = try CommandLineTests.run([input])
      let chexpertBack = try CommandLineTests.run(
        [input, "--phrases", data + "/chexpert.phrases", "--rules", data + "/chexpert.rules"] + shared)
      #expect(chexpertBack.status == 0, "\(chexpertBack.stderr)")
      #expect(chexpertBack.stdout == chexpert.stdout && !chexpert.stdout.isEmpty)
      let negbio = try CommandLineTests.run([input, "--labeler", "negbio"])
      let negbioBack = try CommandLineTests.run(
        [
          input, "--labeler", "negbio", "--phrases", data + "/negbio.phrases", "--rules", data + "/negbio.rules",
          "--regex-rules", data + "/negbio.regex", "--section-titles", data + "/negbio-section-titles.txt",
        ] + shared)
      #expect(negbioBack.status == 0, "\(negbioBack.stderr)")
      #expect(negbioBack.stdout == negbio.stdout)
    }
  }

  /// An edited lexicon is the one the parser uses: without `pneumothorax` among the finding names, "no
  /// consolidation pneumothorax or effusion" reads "consolidation pneumothorax" as one noun phrase again.
  @Test func anEditedLexiconIsUsed() throws {
    let data = try export()
    let lexicon = data + "/parser.lexicon"
    let text = try String(contentsOfFile: lexicon, encoding: .utf8)
    try text.replacingOccurrences(of: "consolidation pneumothorax effusion edema", with: "effusion edema")
      .write(toFile: lexicon, atomically: true, encoding: .utf8)
    let sentence = "no consolidation pneumothorax or effusion"
    let plain = try CommandLineTests.run(
      ["-", "--explain", "-", "--explain-graphs", "-o", "/dev/null"], stdin: sentence)
    let edited = try CommandLineTests.run(
      ["-", "--explain", "-", "--explain-graphs", "-o", "/dev/null", "--lexicon", lexicon], stdin: sentence)
    #expect(edited.status == 0, "\(edited.stderr)")
    #expect(plain.stdout != edited.stdout)
    let broken = scratch.path("broken.lexicon")
    try "[nouns\nx\n".write(toFile: broken, atomically: true, encoding: .utf8)
    let refused = try CommandLineTests.run(["-", "--lexicon", broken], stdin: sentence)
    #expect(refused.status != 0 && refused.stderr.contains("broken.lexicon:1"))
  }
}
