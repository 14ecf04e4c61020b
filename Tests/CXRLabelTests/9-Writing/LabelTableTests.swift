import Testing

@testable import CXRLabel

@Suite("Label CSV layouts")
struct LabelTableTests {
  @Test func mimicLayout() {
    let table = LabelTable(layout: .mimic)
    #expect(
      String(decoding: table.header, as: UTF8.self)
        == "subject_id,study_id,Atelectasis,Cardiomegaly,Consolidation,Edema,Enlarged Cardiomediastinum,Fracture,"
        + "Lung Lesion,Lung Opacity,No Finding,Pleural Effusion,Pleural Other,Pneumonia,Pneumothorax,Support Devices\n")
    let row = table.row(
      id: StudyID(subject: "p10000032", study: "s50414267"), reportText: "",
      labels: [.cardiomegaly: .uncertain, .noFinding: .positive, .edema: .negative])
    #expect(String(decoding: row, as: UTF8.self) == "10000032,50414267,,-1.0,,0.0,,,,,1.0,,,,,\n")
  }

  @Test func chexpertLayoutQuotesTheReport() {
    let table = LabelTable(layout: .chexpert)
    #expect(String(decoding: table.header, as: UTF8.self).hasPrefix("Reports,No Finding,Enlarged Cardiomediastinum,"))
    let row = table.row(id: StudyID(study: "1"), reportText: "a, \"b\"\nc", labels: [.noFinding: .positive])
    #expect(String(decoding: row, as: UTF8.self) == "\"a, \"\"b\"\"\nc\",1.0,,,,,,,,,,,,,\n")
  }

  @Test func customObservationsFollowTheStandardColumns() {
    let table = LabelTable(layout: .mimic, vocabularyObservations: Observation.mimicOrder + [Observation("Ribs")])
    #expect(table.observations.last?.name == "Ribs")
    #expect(table.observations.count == 15)
  }

  @Test func idsThatAreNotMIMICStayAsTheyAre() {
    #expect(StudyID(study: "CXR12").studyNumber == "CXR12")
    #expect(StudyID(study: "s12a").studyNumber == "s12a")
    #expect(StudyID(study: "3").subjectNumber == "")
  }
}
