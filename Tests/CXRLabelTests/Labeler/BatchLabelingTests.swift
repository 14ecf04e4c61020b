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
    let one = reports().map { labeler.label($0).labels }
    for jobs in [1, 2, 3, 16] {
      #expect(labeler.labels(of: reports(), jobs: jobs) == one, "jobs \(jobs)")
    }
    #expect(one[0] == [.pneumothorax: .negative, .cardiomegaly: .positive])
    #expect(labeler.labels(of: [], jobs: 4).isEmpty)
  }

  /// The labeler applies the empty-text policy itself, so every entry point (one report, one text, a batch) gives
  /// the row the command line writes.
  @Test func emptyTextIsBlankUnlessAskedForNoFinding() throws {
    var labeler = try Labeler.negbio()
    let blank = labeler.labels(of: reports())
    #expect(labeler.label("").values.isEmpty && labeler.label(reports()[5]).labels.isEmpty)
    labeler.emptyText = .noFinding
    let normal = labeler.labels(of: reports())
    #expect(labeler.label("  ") == [.noFinding: .positive])
    #expect(blank[2].isEmpty && blank[5].isEmpty)
    #expect(normal[2] == [.noFinding: .positive] && normal[5] == [.noFinding: .positive])
    #expect(blank[3] == normal[3] && !blank[3].isEmpty)
  }
}
