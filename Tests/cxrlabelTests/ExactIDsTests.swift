import Foundation
import Testing

/// Exact ids from a MIMIC-CXR download to a label file (issue 14, item 3).
@Suite("Exact ids", .serialized)
struct ExactIDsTests {
  let scratch = ScratchDirectory()

  /// A PhysioNet download folder has LICENSE.txt and SHA256SUMS.txt beside files/: they were labelled as studies
  /// ("LICENSE"), which also turned the whole study_id column into text for pandas.
  @Test func aDownloadFolderLabelsOnlyItsStudies() throws {
    let download = scratch.path("mimic-cxr-reports")
    let patient = download + "/files/p10/p10000032"
    try FileManager.default.createDirectory(atPath: patient, withIntermediateDirectories: true)
    try " FINAL REPORT\n IMPRESSION:  No effusion.\n".write(
      toFile: patient + "/s50414267.txt", atomically: true, encoding: .utf8)
    try "Licence text.".write(toFile: download + "/LICENSE.txt", atomically: true, encoding: .utf8)
    try "abc  files/p10".write(toFile: download + "/SHA256SUMS.txt", atomically: true, encoding: .utf8)
    try "notes".write(toFile: patient + "/README.txt", atomically: true, encoding: .utf8)
    let result = try CommandLineTests.run([download])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = result.stdout.split(separator: "\n")
    #expect(rows.count == 2)
    #expect(rows[1].hasPrefix("10000032,50414267,"))
    #expect(
      result.stderr.contains(
        "note (not a MIMIC-CXR study file, so not read): 3 (LICENSE.txt, SHA256SUMS.txt, README.txt)"))
  }

  /// `--format chexpert` on a report tree wrote the whole file in `Reports`; the original's input held the
  /// chosen text.
  @Test func chexpertLayoutOnATreeWritesTheLabelledText() throws {
    let result = try CommandLineTests.run([CommandLineTests.fixtures + "/reports", "--format", "chexpert"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("No acute cardiopulmonary process.  No pneumonia."))
    #expect(!result.stdout.contains("FINAL REPORT") && !result.stdout.contains("COMPARISON:"))
  }

  /// `--subject-column` fills subject_id; MIT-LCP's section files are read as they are.
  @Test func subjectColumnAndSectionFilesAreRead() throws {
    let csv = scratch.path("subjects.csv")
    try "subject_id,study_id,report\n10000032,s50414267,No effusion.\np10000033,50414268,Edema.\n"
      .write(toFile: csv, atomically: true, encoding: .utf8)
    let subjects = try CommandLineTests.run([csv, "--subject-column", "subject_id"])
    #expect(
      subjects.stdout.split(separator: "\n").dropFirst().map { $0.prefix(18) } == [
        "10000032,50414267,", "10000033,50414268,",
      ])
    let sectioned = scratch.path("mimic_cxr_sectioned.csv")
    try "study,impression,findings,last_paragraph,comparison\r\ns1,,Mild edema.,,\r\ns2,No effusion.,Edema.,,\r\n"
      .write(toFile: sectioned, atomically: true, encoding: .utf8)
    let read = try CommandLineTests.run([sectioned, "--format", "chexpert"])
    #expect(read.status == 0, "\(read.stderr)")
    let rows = read.stdout.split(separator: "\n")
    #expect(rows.count == 3 && rows[1].hasPrefix("Mild edema.,") && rows[2].hasPrefix("No effusion.,"))
    let chosen = scratch.path("mimic_cxr_00.csv")
    try "s1,Mild edema.\r\ns2,\r\n".write(toFile: chosen, atomically: true, encoding: .utf8)
    let headerless = try CommandLineTests.run([chosen, "--no-header"])
    #expect(headerless.stdout.split(separator: "\n").dropFirst().map { $0.prefix(4) } == [",s1,", ",s2,"])
  }
}
