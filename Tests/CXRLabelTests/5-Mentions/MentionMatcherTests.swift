import Testing

@testable import CXRLabel

@Suite("Mention matching (SPEC 2.5)")
struct MentionMatcherTests {
  let matcher: MentionMatcher

  init() throws { matcher = try MentionMatcher(vocabulary: try DefaultResources.chexpertVocabulary()) }

  func mentions(_ text: String) -> [(String, String)] {
    let bytes = text.bytes
    return matcher.mentions(in: bytes, sentences: [0..<bytes.count]).map {
      ($0.observation.name, String(decoding: bytes[$0.span], as: UTF8.self))
    }
  }

  func has(_ found: [(String, String)], _ observation: String, _ text: String) -> Bool {
    found.contains { $0.0 == observation && $0.1 == text }
  }

  @Test func substringsWithoutWordBoundaries() {
    let found = mentions("bilateral opacities and scarring")
    #expect(has(found, "Lung Opacity", "opaci"))
    #expect(has(found, "Lung Opacity", "scar"))
  }

  @Test func unmentionSuppressesOverlappingMentionOfSameObservation() {
    #expect(!mentions("massive effusion").contains { $0.0 == "Lung Lesion" })
    #expect(mentions("a mass").contains { $0.0 == "Lung Lesion" })
    // "pericardial effusion" cancels Pleural Effusion but nothing else.
    #expect(!mentions("small pericardial effusion").contains { $0.0 == "Pleural Effusion" })
  }

  @Test func unmentionAnywhereInSentenceOnlyCancelsOverlap() {
    let found = mentions("pericardial effusion and left pleural effusion")
    #expect(found.filter { $0.0 == "Pleural Effusion" }.count == 1)
  }

  @Test func positionalUnmentions() {
    #expect(!mentions("projecting over the heart").contains { $0.0 == "Cardiomegaly" })
    #expect(!mentions("in the left cardiac silhouette").contains { $0.0 == "Cardiomegaly" })
    #expect(mentions("the heart is enlarged").contains { $0.0 == "Cardiomegaly" })
    // "cardiomegaly" is never positional.
    #expect(mentions("over the cardiomegaly").contains { $0.0 == "Cardiomegaly" })
  }

  @Test func oneSpanCanMentionSeveralObservations() {
    let found = mentions("defibrillator pads")
    #expect(has(found, "Support Devices", "defib"))
    #expect(has(found, "No Finding", "defib"))
  }

  @Test func spacesAreLiteral() {
    #expect(has(mentions("central line tip"), "Support Devices", " line "))
    #expect(!mentions("underlying").contains { $0.0 == "Support Devices" })
  }

  @Test func mentionsStayInsideTheirSentence() {
    let bytes = "pleural. fluid".bytes
    #expect(matcher.mentions(in: bytes, sentences: [0..<8, 9..<14]).isEmpty)
  }

  @Test func everyNonOverlappingOccurrence() {
    #expect(mentions("effusion, effusion").filter { $0.0 == "Pleural Effusion" }.count == 2)
  }

  @Test func caseSensitiveByDefault() {
    #expect(mentions("Effusion").isEmpty)
    let negbio = try? MentionMatcher(
      vocabulary: try DefaultResources.chexpertVocabulary(),
      options: MatchOptions(caseInsensitive: true, spacesMatchAnyWhitespace: true))
    let bytes = "Pleural\nFluid".bytes
    #expect(negbio?.mentions(in: bytes, sentences: [0..<bytes.count]).count == 1)
  }

  /// NegBio's caseless phrases carry a lowercase word that an ASCII sentence must contain before PCRE2 runs; the
  /// result is the same as without it, and a non-ASCII sentence skips the hint (PCRE2 folds the Kelvin sign "K" to
  /// "k", which a byte search would miss).
  @Test func caselessHintsNeverChangeMatches() throws {
    #expect(PhraseFinder.caselessHint("Pleural Effusion") == Array("effusion".utf8))
    #expect(PhraseFinder.caselessHint("\\btube\\b") == nil)
    #expect(PhraseFinder.caselessHint("café") == nil)
    let negbio = try MentionMatcher(
      vocabulary: try Vocabulary.parse("[Edema]\nmention kerley lines\n", file: "t.phrases"),
      options: MatchOptions(caseInsensitive: true, spacesMatchAnyWhitespace: true))
    func count(_ text: String) -> Int {
      let bytes = Array(text.utf8)
      return negbio.mentions(in: bytes, sentences: [0..<bytes.count]).count
    }
    #expect(count("KERLEY   LINES at both bases") == 1)
    #expect(count("kerley b-lines") == 0)
    #expect(count("\u{212A}erley lines, café") == 1)
    #expect(count("no lines") == 0)
  }
}
