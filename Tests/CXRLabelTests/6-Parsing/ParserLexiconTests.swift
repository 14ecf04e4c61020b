import CXRLabelData
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
    #expect(lexicon.has(.reportingParticiples, "identified"))
    #expect(lexicon.has(.reasoningParticiples, "favoring") && lexicon.has(.verbalParticiples, "representing"))
    #expect(lexicon.has(.reducedRelatives, "associated") && lexicon.has(.runOnPredicates, "normal"))
    #expect(
      lexicon.has(.linkingVerbs, "appear") && lexicon.members[WordClass.sideAdjectives.rawValue] == ["right", "left"])
    #expect(lexicon.closed["worse"] == .JJR && lexicon.twoWordPrepositions["post"] == ["status"])
    // Every word class has a section in the file, and every class has members.
    for wordClass in WordClass.allCases {
      #expect(!lexicon.members[wordClass.rawValue].isEmpty, "[\(wordClass.section)] is empty")
    }
    #expect(WordClass(section: "be-forms") == .beForms && WordClass.negationAdverbs.section == "negation-adverbs")
    // The parser uses exactly this lexicon.
    #expect(ParserLexicon.shared.closed == lexicon.closed && ParserLexicon.shared.open == lexicon.open)
  }

  @Test(arguments: [
    ("nouns heart\n", 1, "before the first [section]"),
    ("[nouns]\nheart\n[adverbs]\nslowly\n", 3, "Unknown section [adverbs]"),
    ("# note\n[closed]\nXX the a\n", 3, "Expected `TAG word ...`"),
    ("[closed]\nDT\n", 2, "Expected `TAG word ...`"),
    ("[irregular-plurals]\nhila hilum\nfoci\n", 3, "Expected two words"),
    ("[two-word-prepositions]\nstatus post\nstatus\n", 3, "Expected two words"),
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

  /// A lexicon for the parser (a user's `--lexicon`) must have every word class's section: one written for an
  /// older grammar is refused by name rather than parsed differently.
  @Test func aLexiconWithoutAWordClassIsRefused() throws {
    let full = DefaultData.parserLexicon.text
    _ = try DependencyParser(lexicon: full, file: "full.lexicon")
    let without = full.replacingOccurrences(of: "[be-forms]", with: "# [be-forms]")
    #expect {
      _ = try DependencyParser(lexicon: without, file: "old.lexicon")
    } throws: { error in
      guard let error = error as? CXRLabelError else { return false }
      return error.location?.file == "old.lexicon" && error.description.contains("[be-forms]")
    }
  }

  @Test func commentsAndBlankLinesAreIgnoredAndClassesCombine() throws {
    let lexicon = try ParserLexicon.parse(
      "[nouns]\nscar  # also a verb\n\n[noun-or-verb]\nscar\n[closed]\nDT the\nDT the\n", file: "t")
    #expect(lexicon.classes("scar") == [.noun, .nounOrVerb])
    #expect(lexicon.closed == ["the": .DT])
  }
}
