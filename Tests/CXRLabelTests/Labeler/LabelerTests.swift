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
    // Printed as the README shows it: MIMIC-CXR-JPG's column order, values 1, 0, -1.
    #expect("\(labels)" == "[Cardiomegaly: 1, Pleural Effusion: 0]")
    #expect(labels.map(\.observation) == [.cardiomegaly, .pleuralEffusion])
    let table = LabelTable(layout: .mimic)
    #expect(
      table.rowString(id: StudyID(subject: "p10000001", study: "s50000002"), reportText: "", labels: labels.values)
        == "10000001,50000002,,1.0,,,,,,,,0.0,,,,\n")
    // Ids that are not MIMIC-CXR's are written as given.
    #expect(table.rowString(id: StudyID(subject: "p1", study: "s2"), reportText: "", labels: [:]).hasPrefix("p1,s2,"))
    #expect("\(labels[.pleuralEffusion]!)" == "0" && "\(LabelValue.uncertain)" == "-1")
  }

  /// "scarring or atelectasis right midlung" weighs two findings at one place: with the location parsed as its own
  /// phrase, both labelers' "or" rules make the second finding uncertain, as they do without the location.
  @Test(arguments: ["chexpert", "negbio"])
  func alternativesBeforeASideLocationAreUncertain(labelerName: String) throws {
    let labeler = try labelerName == "chexpert" ? Labeler.chexpert() : Labeler.negbio()
    for text in ["Scarring or atelectasis right midlung.", "Scarring or atelectasis in the right midlung."] {
      #expect(labeler.label(text)[.atelectasis] == .uncertain, "\(text)")
    }
    #expect(labeler.label("Minimal atelectasis right base.")[.atelectasis] == .positive)
  }

  /// The README's library example for a whole corpus, as written there, on the fixture tree: every study, in
  /// path order, with the labels one call gives.
  @Test func readmeCorpusExampleLabelsEveryStudyInOrder() throws {
    let labeler = try Labeler.chexpert()
    var seen: [(StudyID, StudyLabels)] = []
    var records = try ReportSource(inputs: [TestPaths.fixtures + "/reports"])
    forEachInOrder(&records, jobs: 8) { record -> (StudyID?, StudyLabels?) in
      guard case .report(let report) = record else { return (nil, nil) }  // .failure(id, error): a named failure
      return (report.id, labeler.label(report).labels)
    } consume: { id, labels in
      if let id, let labels { seen.append((id, labels)) }
    }
    let expected = try ReportSource(inputs: [TestPaths.fixtures + "/reports"]).compactMap {
      record -> (StudyID, StudyLabels)? in
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
    #expect(atLimit.parsed == [false])
    #expect(atLimit.analysis.notes.contains(.sentenceTooLong))
    if labelerName == "chexpert" { #expect(atLimit.labels[.pleuralEffusion] == .positive) }

    let underLimit = labeler.label(Report(id: StudyID(study: "short"), text: longSentence(tokens: 398)))
    #expect(underLimit.parsed == [true])
    #expect(!underLimit.analysis.notes.contains(.sentenceTooLong))
    #expect(underLimit.labels[.pleuralEffusion] == .negative)

    labeler.parseTokenLimit = nil
    let unlimited = labeler.label(Report(id: StudyID(study: "long"), text: longSentence(tokens: 399)))
    #expect(unlimited.parsed == [true])
    #expect(unlimited.labels[.pleuralEffusion] == .negative)
  }

  /// A sentence without a mention is not parsed by default, since no rule reads its graph, and graphs are not
  /// kept; with `keepsGraphs` (`--explain-graphs`) every sentence is parsed and its graph kept. Either way the
  /// labels are the same, and a mentionless sentence over BLLIP's limit is still named in the study's notes.
  @Test(arguments: ["chexpert", "negbio"])
  func sentencesWithoutMentionsAreParsedOnlyWhenGraphsAreKept(labelerName: String) throws {
    var labeler = try labelerName == "chexpert" ? Labeler.chexpert() : Labeler.negbio()
    let report = Report(id: StudyID(study: "s"), text: "The patient is upright. No pleural effusion.")
    let skipping = labeler.label(report)
    #expect(skipping.analysis.sentences.count == 2)
    #expect(skipping.parsed == [false, true])
    #expect(skipping.graphs.isEmpty)
    #expect(skipping.labels[.pleuralEffusion] == .negative)

    labeler.keepsGraphs = true
    let keeping = labeler.label(report)
    #expect(keeping.parsed == [true, true])
    #expect(keeping.graphs.count == 2 && keeping.graphs.allSatisfy { $0 != nil })
    #expect(keeping.graphs[1]?.tokens.map { $0.word.lowercased() } == ["no", "pleural", "effusion", "."])
    #expect(keeping.labels == skipping.labels)
    #expect(keeping.classification == skipping.classification)

    labeler.keepsGraphs = false
    let words = "the patient is upright" + String(repeating: " and upright", count: 200) + "."
    let long = labeler.label(Report(id: StudyID(study: "long"), text: words + " No pleural effusion."))
    #expect(long.parsed == [false, true])
    #expect(long.analysis.notes.contains(.sentenceTooLong))
    #expect(long.labels[.pleuralEffusion] == .negative)
  }

  /// The whole text of a MIMIC-CXR report file, labelled from the library, chooses its section as the command
  /// line does: `label(_:)` labels every section (here the comparison's "pneumothorax" too).
  @Test func aReportFileFromTheLibraryChoosesItsSection() throws {
    let labeler = try Labeler.chexpert()
    let file = " FINAL REPORT\n FINDINGS:  Small left pneumothorax, resolved.\n \n IMPRESSION:  No effusion.\n"
    let chosen = labeler.label(reportFile: file, studyID: StudyID(subject: "p10000032", study: "s50414267"))
    #expect(chosen.labels[.pleuralEffusion] == .negative)
    #expect(chosen.labels[.pneumothorax] == nil)
    #expect(chosen.analysis.chosenText == "No effusion.")
    #expect(labeler.label(file)[.pneumothorax] != nil)
    // A per-study fix applies by study id: s58235663's text is empty.
    #expect(labeler.label(reportFile: file, studyID: StudyID(study: "s58235663")).analysis.chosenText.isEmpty)
  }
}
