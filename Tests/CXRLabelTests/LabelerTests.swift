import Testing

@testable import CXRLabel

/// The whole labeler as a library: one entry point, and the originals' parse-length limit as a named rule.
@Suite struct LabelerTests {
  /// A sentence of exactly `tokens` tokens (the final period included) that negates a pleural effusion.
  func longSentence(tokens: Int) -> String {
    "no pleural effusion" + String(repeating: " and", count: tokens - 4) + "."
  }

  @Test func labelsTextThroughTheOneEntryPoint() throws {
    let labels = try Labeler.chexpert().label("No pleural effusion. Mild cardiomegaly.")
    #expect(labels[.pleuralEffusion] == .negative)
    #expect(labels[.cardiomegaly] == .positive)
  }

  /// The README's library example for a whole corpus, as written there, on the fixture tree: every study, in
  /// path order, with the labels one call gives.
  @Test func readmeCorpusExampleLabelsEveryStudyInOrder() throws {
    let labeler = try Labeler.chexpert()
    var seen: [(StudyID, StudyLabels)] = []
    var records = try ReportSource(inputs: [TestPaths.fixtures + "/reports"])
    try forEachInOrder(&records, jobs: 8) { record -> (StudyID?, StudyLabels?) in
      guard case .report(let report) = record else { return (nil, nil) }  // .failure(id, error): a named failure
      return (report.id, labeler.label(report).labels)
    } consume: { id, labels in
      if let id, let labels { seen.append((id, labels)) }
    }
    let expected = try ReportSource(inputs: [TestPaths.fixtures + "/reports"]).compactMap { record -> (StudyID, StudyLabels)? in
      guard case .report(let report) = record else { return nil }
      return (report.id, labeler.label(report).labels)
    }
    #expect(seen.count == 7)
    #expect(seen.map(\.0) == expected.map(\.0))
    #expect(seen.map(\.1) == expected.map(\.1))
  }

  /// BLLIP refuses sentences of 399 tokens or more: such a sentence gets no graph, its mentions stay positive,
  /// and the study carries a note; one token fewer is parsed as usual. Without a limit, everything is parsed.
  /// (NegBio's regular expressions still run on an unparsed sentence, so only the CheXpert label turns positive.)
  @Test(arguments: ["chexpert", "negbio"])
  func sentencesOverBLLIPsLimitAreLeftUnparsed(labelerName: String) throws {
    var labeler = try labelerName == "chexpert" ? Labeler.chexpert() : Labeler.negbio()
    let atLimit = labeler.label(Report(id: StudyID(study: "long"), text: longSentence(tokens: 399)))
    #expect(atLimit.graphs.count == 1 && atLimit.graphs[0] == nil)
    #expect(atLimit.analysis.notes.contains(.sentenceTooLong))
    if labelerName == "chexpert" { #expect(atLimit.labels[.pleuralEffusion] == .positive) }

    let underLimit = labeler.label(Report(id: StudyID(study: "short"), text: longSentence(tokens: 398)))
    #expect(underLimit.graphs[0] != nil)
    #expect(!underLimit.analysis.notes.contains(.sentenceTooLong))
    #expect(underLimit.labels[.pleuralEffusion] == .negative)

    labeler.parseTokenLimit = nil
    let unlimited = labeler.label(Report(id: StudyID(study: "long"), text: longSentence(tokens: 399)))
    #expect(unlimited.graphs[0] != nil)
    #expect(unlimited.labels[.pleuralEffusion] == .negative)
  }
}
