import Testing

@testable import CXRLabel

@Suite("Punkt facts files")
struct PunktModelTests {
  @Test func parsesEachKindOfFact() throws {
    let model = try PunktModel.parse(
      facts:
        "# c\nabbreviation dr\nabbreviation \". . \"\ncollocation ##number## review\nstarter however\nseen x begin-lower middle-upper\n",
      file: "f")
    #expect(model.abbreviations == ["dr", ". . "])
    #expect(model.collocations == ["##number##\treview"])
    #expect(model.sentenceStarters == ["however"])
    #expect(model.orthography["x"] == [.beginLower, .middleUpper])
  }

  @Test func rejectsUnknownLinesWithTheirLine() {
    do {
      _ = try PunktModel.parse(facts: "abbreviation dr\nseen x sideways\n", file: "f")
      Issue.record("expected an error")
    } catch {
      #expect(error.location?.line == 2)
      #expect(error.code == .invalidModel)
    }
  }

  @Test func defaultFactsLoad() throws {
    let model = try DefaultResources.punktEnglish()
    #expect(model.abbreviations.contains("dr"))
    #expect(model.abbreviations.count == 156)
  }
}
