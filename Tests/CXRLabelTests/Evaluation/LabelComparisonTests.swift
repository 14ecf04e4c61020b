import Foundation
import Testing

@testable import CXRLabel

@Suite("Label file comparison (cxrlabel eval)")
struct LabelComparisonTests {
  let scratch = ScratchDirectory()

  func write(_ text: String) throws -> String {
    let path = scratch.path("labels-\(UUID()).csv")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func joinsOnStudyIdAcrossLayouts() throws {
    let reference = try LabelFile.read(
      path: try write("study_id,Edema,No Finding\n1,1.0,\n2,,1.0\n3,-1.0,\n4,0.0,\n"))
    let candidate = try LabelFile.read(
      path: try write("subject_id,study_id,Edema,No Finding\n9,2,,1.0\n9,1,1.0,\n9,3,0.0,\n9,5,1.0,\n"))
    let comparison = LabelComparison(reference: reference, candidate: candidate, uncertain: .positive)
    #expect(comparison.studies == 3)
    #expect(comparison.onlyInReference == ["4"])
    #expect(comparison.onlyInCandidate == ["5"])
    #expect(comparison.exactRows == 2)
    let edema = try #require(comparison.observations.first { $0.observation == .edema })
    #expect(edema.mentioned == 2 && edema.mentionedAgreeing == 1)
    #expect(edema.confusion[2][1] == 1)  // reference -1, candidate 0
    #expect(edema.truePositives == 1 && edema.falseNegatives == 1 && edema.falsePositives == 0)
    #expect(comparison.mentioned == 3 && comparison.mentionedAgreeing == 2)
    #expect(
      comparison.disagreements == [
        LabelComparison.Disagreement(id: "3", observation: .edema, reference: .uncertain, candidate: .negative)
      ])
    #expect(comparison.disagreementsCSV == "study_id,observation,reference,candidate\n3,Edema,-1,0\n")
  }

  /// cxrlabel's NegBio layout names studies as NegBio does (`s50000001`), MIMIC-CXR-JPG's without the `s`.
  @Test func negbioIdsJoinMimicIds() throws {
    let mimic = try LabelFile.read(
      path: try write("subject_id,study_id,Edema\n10000001,50000001,1.0\n10000001,5,0.0\n"))
    let negbio = try LabelFile.read(path: try write("id,Edema\ns50000001,1\nsx5,0\n"))
    #expect(mimic.ids == ["50000001", "5"])
    #expect(negbio.ids == ["50000001", "sx5"])
    let repeated = try LabelFile.read(path: try write("id,Edema\na,1\nb,0\na,0\n"))
    #expect(repeated.ids == ["a", "b"] && repeated.repeatedIDs == ["a"] && repeated.rows["a"]?[.edema] == .negative)
    let comparison = LabelComparison(reference: mimic, candidate: negbio, uncertain: .positive)
    #expect(comparison.studies == 1 && comparison.exactRows == 1)
  }

  /// cxrlabel's own JSON Lines (label -o x.jsonl, --explain, judge) read back; an absent observation is blank.
  @Test func jsonLinesLabels() throws {
    let path = scratch.path("labels.jsonl")
    try #"{"study_id":"s50000007","subject_id":"p1","labels":{"Edema":1,"Pneumonia":null,"Pleural Effusion":-1}}"#
      .appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
    let file = try LabelFile.read(path: path)
    #expect(file.ids == ["50000007"])
    #expect(file.rows["50000007"] == [.edema: .positive, .pleuralEffusion: .uncertain])
    #expect(file.observations == Observation.mimicOrder)
  }

  /// A column that is not an observation and holds other values (e.g. MIMIC-CXR-JPG metadata) is left out and
  /// named; a bad value in one of the 14 observations is still an error.
  @Test func nonLabelColumnsAreLeftOut() throws {
    let file = try LabelFile.read(path: try write("id,Edema,ViewPosition,Score\na,1,PA,1\nb,0,AP,0\n"))
    #expect(file.ignoredColumns == ["ViewPosition"])
    #expect(file.observations == [.edema, Observation("Score")])
    #expect(file.rows["a"] == [.edema: .positive, Observation("Score"): .positive])
    #expect(throws: CXRLabelError.self) { try LabelFile.read(path: try write("id,Edema\na,PA\n")) }
  }

  @Test func uncertainPolicies() throws {
    let reference = try LabelFile.read(path: try write("id,Edema\na,-1\nb,1\n"))
    let candidate = try LabelFile.read(path: try write("id,Edema\na,1\nb,1\n"))
    #expect(LabelComparison(reference: reference, candidate: candidate, uncertain: .positive).observations[0].f1 == 1)
    let zeros = LabelComparison(reference: reference, candidate: candidate, uncertain: .negative).observations[0]
    #expect(zeros.falsePositives == 1 && zeros.truePositives == 1)
    let ignored = LabelComparison(reference: reference, candidate: candidate, uncertain: .ignore).observations[0]
    #expect(ignored.truePositives == 1 && ignored.falsePositives == 0)
  }

  @Test func chexpertLayoutJoinsOnRowNumberAndBadValuesAreErrors() throws {
    let file = try LabelFile.read(path: try write("Reports,No Finding\n\"a, b\",1.0\nc,\n"))
    #expect(file.ids == ["1", "2"])
    #expect(file.rows["1"]?[.noFinding] == .positive)
    let bad = try write("id,Edema\na,yes\n")
    do {
      _ = try LabelFile.read(path: bad)
      Issue.record("expected an error")
    } catch {
      #expect(error.location?.line == 2)
    }
  }

  @Test(.enabled(if: TestPaths.hasShared, "needs ../shared/data"))
  func theTwoReferenceFilesDisagreeAsDocumented() throws {
    let data = TestPaths.shared + "/data/iu-xray/"
    let comparison = LabelComparison(
      reference: try LabelFile.read(path: data + "reference-chexpert-dev.csv"),
      candidate: try LabelFile.read(path: data + "reference-negbio-dev.csv"))
    #expect(comparison.studies == 1867)
    #expect(comparison.exactRows == 1673)
    #expect(comparison.mentionedAgreeing == 2746 && comparison.mentioned == 2976)
  }
}
