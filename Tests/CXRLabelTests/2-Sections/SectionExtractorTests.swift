import Testing

@testable import CXRLabel

@Suite("MIMIC-CXR section extraction (SPEC 6)")
struct SectionExtractorTests {
  let rules: SectionRules

  init() throws { rules = try DefaultResources.mimicSections() }

  func extract(_ text: String, id: String = "s1", choice: SectionChoice = .mimic) -> SectionExtractor.Extraction {
    SectionExtractor(rules: rules, choice: choice).extract(text, studyID: id)
  }

  @Test func impressionPreferredAndTrimmed() {
    let report = " FINAL REPORT\n FINDINGS:  Lungs clear.\n \n IMPRESSION:  \n No acute process.\n"
    #expect(extract(report) == .init(text: "No acute process.", source: "impression"))
  }

  @Test func lastImpressionWins() {
    let report = "x\n IMPRESSION: first.\n IMPRESSION: second.\n"
    #expect(extract(report).text == "second.")
  }

  @Test func findingsWhenNoImpression() {
    #expect(extract("x\n FINDINGS:  Small effusion.\n").text == "Small effusion.")
  }

  @Test func emptyImpressionIsRemovedSoFindingsIsUsed() {
    let report = "x\n FINDINGS:  Effusion.\n IMPRESSION:  \n \n"
    #expect(extract(report) == .init(text: "Effusion.", source: "findings"))
  }

  @Test func lastParagraphAfterTheFirstBlankLineOfTheFinalSection() {
    let report = "x\n HISTORY:  Cough.\n \n Heart normal.\n \n No effusion.\n"
    #expect(extract(report) == .init(text: "Heart normal.\n \n No effusion.", source: "last_paragraph"))
  }

  @Test func comparisonAsLastResort() {
    #expect(extract("x\n COMPARISON:  Prior film.").text == "Prior film.")
  }

  @Test func nothingUsable() {
    #expect(extract("x\n HISTORY:  Cough.") == .init(text: "", source: nil))
  }

  @Test func headerMustStartALineWithOneSpaceAndBeUppercase() {
    #expect(extract("IMPRESSION: no.\n").source == nil)
    #expect(extract("x\n Impression: no.\n").source == nil)
    #expect(extract("x\n IMPRESSION: no.\n").source == "impression")
  }

  @Test func headerNotRecognisedOnTheFirstLineOfASection() {
    // The search for the next header starts at the first newline after a header.
    let report = "x\n HISTORY: a\n FINDINGS: b\n IMPRESSION: c"
    #expect(
      SectionExtractor(rules: rules).sections(of: report).map(\.name) == [
        "preamble", "history", "findings", "impression",
      ])
    let skipped = "x\n HISTORY: \n IMPRESSION: c"
    #expect(SectionExtractor(rules: rules).sections(of: skipped).map(\.name) == ["preamble", "history", "impression"])
  }

  @Test func sectionNameNormalisation() {
    #expect(rules.normalize("IMPRESSON") == "impression")
    #expect(rules.normalize("Conclusion") == "impression")
    #expect(rules.normalize("ndication") == "impression")
    #expect(rules.normalize("FINDINGS/ IMPRESSION") == "impression")
    #expect(rules.normalize("COMPARISON/HISTORY") == "history")
    #expect(rules.normalize("PA AND LATERAL CHEST") == "findings")
    #expect(rules.normalize("REASON FOR EXAM") == "indication")
    #expect(rules.normalize("WET READ") == "wet read")
    #expect(rules.normalize("SOMETHING ELSE") == "something else")
  }

  @Test func perStudyCharacterRanges() {
    let report = String(repeating: "a", count: 300) + "THE TEXT" + String(repeating: "b", count: 100)
    // One of the original parser's fixed ranges: characters [201, 349).
    #expect(extract(report, id: "s50525523").text.count == 148)
    #expect(extract(" IMPRESSION: x", id: "s58235663") == .init(text: "", source: "characters"))
  }

  @Test func perStudySectionName() {
    let report = "x\n RECOMMENDATION(S):  Follow up.\n IMPRESSION:  Nodule."
    #expect(extract(report, id: "s50913680").text == "Follow up.")
    #expect(extract(report, id: "s1").text == "Nodule.")
  }

  @Test func universalNewlines() {
    #expect(extract("x\r\n IMPRESSION:  No effusion.\r\n").text == "No effusion.")
  }

  @Test func otherChoices() {
    let report = "x\n FINDINGS:  F.\n IMPRESSION:  I.\n"
    #expect(extract(report, choice: .findings).text == "F.")
    #expect(extract(report, choice: .impression).text == "I.")
    #expect(extract(report, choice: .all).text == report)
  }
}
