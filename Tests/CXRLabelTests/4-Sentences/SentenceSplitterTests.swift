import Testing

@testable import CXRLabel

@Suite("Sentence splitting (SPEC 2.3)")
struct SentenceSplitterTests {
  let splitter: SentenceSplitter

  init() throws { splitter = SentenceSplitter(model: try DefaultResources.punktEnglish()) }

  func sentences(_ text: String) -> [String] {
    let bytes = text.bytes
    return splitter.split(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
  }

  @Test func splitsOnPeriods() {
    #expect(sentences("no effusion. no pneumothorax.") == ["no effusion.", "no pneumothorax."])
  }

  @Test func numberThenDigitBreaks() {
    #expect(sentences("a 1. 5 cm nodule") == ["a 1.", "5 cm nodule"])
  }

  @Test func numberedListBreaksOnTheWordBeforeTheNumber() {
    #expect(
      sentences("1. stable mild cardiomegaly. 2. hyperexpanded lungs.")
        == ["1. stable mild cardiomegaly.", "2. hyperexpanded lungs."])
  }

  @Test func initialsFollowedByLowercaseDoNotBreak() {
    #expect(sentences("seen at 7:34 p. m. heart is normal.") == ["seen at 7:34 p. m. heart is normal."])
  }

  @Test func abbreviationsDoNotBreak() {
    #expect(sentences("seen by dr. smith today. no change.") == ["seen by dr. smith today.", "no change."])
  }

  @Test func questionAndExclamationMarksBreak() {
    #expect(sentences("pneumonia? no effusion!") == ["pneumonia?", "no effusion!"])
  }

  @Test func closingBracketsStayWithTheSentence() {
    #expect(sentences("(no effusion.) clear lungs.") == ["(no effusion.)", "clear lungs."])
  }

  @Test func trailingSpaceAndEmptyText() {
    #expect(sentences("no effusion.   ") == ["no effusion."])
    #expect(sentences("").isEmpty)
  }

  @Test func lowercaseStarterAfterANumberKeepsTheBreak() {
    // One of the few words Punkt saw starting sentences in lowercase and never capitalised.
    #expect(sentences("count 2. administrators left") == ["count 2.", "administrators left"])
  }

  @Test(.enabled(if: TestPaths.hasShared, "needs ../shared"))
  func originalTablesLoadAndAgree() throws {
    let directory = TestPaths.shared + "/reference/punkt-english"
    var settings = LabelerSettings()
    settings.punktDirectory = directory
    let original = SentenceSplitter(model: try settings.loadPunkt())
    let text = "1. stable mild cardiomegaly. 2. a 1. 5 cm nodule at 7:34 p. m. dr. smith. ok? yes!".bytes
    #expect(original.split(text) == splitter.split(text))
  }
}
