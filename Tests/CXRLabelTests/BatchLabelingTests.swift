import Testing

@testable import CXRLabel

@Suite("Labelling a batch in-process")
struct BatchLabelingTests {
  let texts = [
    "No pneumothorax. Mild cardiomegaly.", "Possible left lower lobe pneumonia.", "", "Lines and tubes unchanged.",
    "No focal consolidation, pleural effusion or pneumothorax.", "   ", "Small right effusion, likely atelectasis.",
  ]

  func reports() -> [Report] {
    texts.enumerated().map { Report(id: StudyID(study: String($0.offset + 1)), text: $0.element) }
  }

  @Test func equalsLabellingOneByOneOnAnyNumberOfThreads() throws {
    let labeler = try Labeler.chexpert()
    let one = reports().map { labeler.rowLabels(labeler.label($0), emptyText: .blank) }
    for jobs in [1, 2, 3, 16] {
      #expect(labeler.rowLabels(of: reports(), jobs: jobs) == one, "jobs \(jobs)")
    }
    #expect(one[0] == [.pneumothorax: .negative, .cardiomegaly: .positive])
    #expect(labeler.rowLabels(of: [], jobs: 4).isEmpty)
  }

  @Test func emptyTextIsBlankUnlessAskedForNoFinding() throws {
    let labeler = try Labeler.negbio()
    let blank = labeler.rowLabels(of: reports(), emptyText: .blank)
    let normal = labeler.rowLabels(of: reports(), emptyText: .noFinding)
    #expect(blank[2].isEmpty && blank[5].isEmpty)
    #expect(normal[2] == [.noFinding: .positive] && normal[5] == [.noFinding: .positive])
    #expect(blank[3] == normal[3] && !blank[3].isEmpty)
  }
}
