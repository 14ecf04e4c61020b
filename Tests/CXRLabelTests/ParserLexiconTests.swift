import Testing

@testable import CXRLabel

/// The parser's lexicon file: the compiled-in one loads, and a malformed one is refused with its file and line.
@Suite struct ParserLexiconTests {
  @Test func defaultLexiconLoadsWithEverySection() throws {
    let lexicon = try DefaultResources.parserLexicon()
    #expect(lexicon.closed["no"] == .DT)
    #expect(lexicon.closed["that"] == .IN)
    #expect(lexicon.isNoun("effusion") && lexicon.classes("normal").contains(.adjective))
    #expect(lexicon.isVerb("represent") && lexicon.isVerb("infiltrate") && lexicon.isNoun("infiltrate"))
    #expect(lexicon.plurals["hila"] == "hilum" && lexicon.verbForms["seen"] == "see")
    #expect(lexicon.reportingParticiples.contains("identified"))
    #expect(lexicon.reasoningParticiples.contains("favoring") && lexicon.verbalParticiples.contains("representing"))
    #expect(lexicon.reducedRelatives.contains("associated") && lexicon.runOnPredicates.contains("normal"))
    #expect(lexicon.linkingVerbs.contains("appear") && lexicon.sideAdjectives == ["right", "left"])
    // The parser uses exactly this lexicon.
    #expect(ParserLexicon.shared.closed == lexicon.closed && ParserLexicon.shared.open == lexicon.open)
  }

  @Test(arguments: [
    ("nouns heart\n", 1, "before the first [section]"),
    ("[nouns]\nheart\n[adverbs]\nslowly\n", 3, "Unknown section [adverbs]"),
    ("# note\n[closed]\nXX the a\n", 3, "Expected `TAG word ...`"),
    ("[closed]\nDT\n", 2, "Expected `TAG word ...`"),
    ("[irregular-plurals]\nhila hilum\nfoci\n", 3, "Expected two words"),
    ("[nouns]\n\"heart\n", 2, "quote"),
  ])
  func malformedFilesNameTheLine(text: String, line: Int, message: String) {
    #expect {
      _ = try ParserLexicon.parse(text, file: "test.lexicon")
    } throws: { error in
      guard let error = error as? CXRLabelError else { return false }
      return error.location?.file == "test.lexicon" && error.location?.line == line
        && error.description.contains(message)
    }
  }

  @Test func commentsAndBlankLinesAreIgnoredAndClassesCombine() throws {
    let lexicon = try ParserLexicon.parse(
      "[nouns]\nscar  # also a verb\n\n[noun-or-verb]\nscar\n[closed]\nDT the\nDT the\n", file: "t")
    #expect(lexicon.classes("scar") == [.noun, .nounOrVerb])
    #expect(lexicon.closed == ["the": .DT])
  }
}
