import Testing

@testable import CXRLabel

@Suite("Cleaning (SPEC 2.2)")
struct ReportCleanerTests {
  let cleaner = ReportCleaner()

  func clean(_ text: String) -> String { String(decoding: cleaner.clean(text), as: UTF8.self) }

  @Test func lowercasesAndCollapsesWhitespace() {
    #expect(clean("  Heart  SIZE\n\tnormal  ") == "heart size normal")
  }

  @Test func andOrBecomesOr() {
    #expect(clean("Atelectasis and/or consolidation") == "atelectasis or consolidation")
  }

  @Test func slashBetweenLettersBecomesOr() {
    #expect(clean("PA/lateral a/b/c") == "pa or lateral a or b or c")
    #expect(clean("5/10 and a / b") == "5/10 and a / b")
  }

  @Test func doublePeriodsCollapseOnceLeftToRight() {
    // `...` → `..` → (space after each) `. . ` → empty-sentence removal → `.`
    #expect(ReportCleaner.collapseDoublePeriods("a...b....c".bytes) == "a..b..c".bytes)
  }

  @Test func spaceAfterEveryPeriodAndComma() {
    #expect(clean("1.5 cm, p.m.,x") == "1. 5 cm, p. m. , x")
  }

  @Test func emptySentencesRemoved() {
    #expect(clean("effusion. . no pneumothorax") == "effusion. no pneumothorax")
    #expect(ReportCleaner(removesEmptySentences: false).clean("a. . b") == "a. . b".bytes)
  }

  @Test func unicodeWhitespaceSplitsLikePython() {
    #expect(clean("heart\u{00A0}size\u{2028}normal\u{1C}x") == "heart size normal x")
  }

  @Test func nonASCIIDeletedAfterCollapsingLeavesDoubleSpace() {
    #expect(clean("size \u{00B1} stable") == "size  stable")
    #expect(clean("caf\u{00E9}") == "caf")
  }

  @Test func unicodeLowercaseBeforeDeletion() {
    // U+0130 lowercases to "i" + combining dot; the combining dot is then deleted.
    #expect(clean("\u{0130}X") == "ix")
  }

  @Test func controlCharactersDeleted() {
    #expect(clean("a\u{07}b") == "ab")
  }
}
