import Foundation
import Testing

@testable import CXRLabel

@Suite("Pattern language (SPEC 3.3)")
struct PatternLanguageTests {
  let workspace = RuleWorkspace()

  func matches(_ source: String, _ sentence: SketchedSentence, at word: String, veto: Bool = false) throws -> Bool {
    try pattern(source).matches(sentence.graph, head: sentence.node(word), workspace: workspace, vetoNegatedKey: veto)
  }

  func relationMatches(_ regex: String, _ relation: String) throws -> Bool {
    let sentence = try SketchedSentence("a b", [(0, relation, 1)])
    return try matches("{} > {dependency:/\(regex)/} {}", sentence, at: "a")
  }

  func lemmaMatches(_ regex: String, _ lemma: String) throws -> Bool {
    let sentence = try SketchedSentence("w/NN/\(lemma)")
    return try matches("{lemma:/\(regex)/}", sentence, at: "w")
  }

  // MARK: - Regex quirk

  @Test func onlyTheLastAlternativeIsAnchoredAtTheEnd() throws {
    #expect(try relationMatches("nsubj|dobj", "nsubjpass"))
    #expect(try relationMatches("nsubj|dobj", "nsubj:xsubj"))
    #expect(try relationMatches("nsubj|dobj", "dobj"))
    #expect(!(try relationMatches("nsubj|dobj", "dobjx")))
    #expect(!(try relationMatches("amod|nsubj", "nsubjpass")))
    #expect(try relationMatches("amod|nsubj", "amodx"))
    #expect(try relationMatches("nmod:of|nmod:for", "nmod:ofx"))
    #expect(!(try relationMatches("neg", "negcc")))
    #expect(try lemmaMatches("normal|unremarkable", "normally"))
    #expect(try lemmaMatches("normal|unremarkable", "normal-appearing"))
    #expect(try lemmaMatches("normal|unremarkable", "unremarkable"))
    #expect(!(try lemmaMatches("normal|unremarkable", "unremarkably")))
    #expect(try lemmaMatches("may|might|would|could", "maybe"))
    #expect(try lemmaMatches("limit.*", "limits"))
    #expect(try lemmaMatches("and.or", "andxor"))
  }

  @Test func everyAlternativeMustMatchFromTheStartLikePythonReMatch() throws {
    // `^normal|unremarkable$`: a search would find `unremarkable$` inside "subunremarkable"; re.match does not.
    #expect(!(try lemmaMatches("normal|unremarkable", "subunremarkable")))
    #expect(!(try lemmaMatches("normal", "abnormal")))
    #expect(!(try lemmaMatches("^abnormal", "abnormality")))  // `$` is still appended
    #expect(try lemmaMatches("abnormal.*$", "abnormality"))
    #expect(try lemmaMatches("", "anything"))
  }

  // MARK: - Attributes

  @Test func missingAttributesNeverMatch() throws {
    let sentence = try SketchedSentence("x/NN exclude/VB", [(1, "dobj", 0)])
    #expect(!(try matches("{} < {} {dependency:/exclude/}", sentence, at: "x")))
    #expect(!(try matches("{} < {lemma:/dobj/} {}", sentence, at: "x")))
    #expect(!(try matches("{word:/x/}", sentence, at: "x")))
    #expect(!(try matches("{start:/0/}", sentence, at: "x")))
    #expect(try matches("{text:/x/}", sentence, at: "x"))
    #expect(try matches("{tag:/N.*/}", sentence, at: "x"))
    #expect(try matches("{} < {dependency:/dobj/} {lemma:/exclude/}", sentence, at: "x"))
  }

  @Test func severalTestsOnOneNodeAllHoldAndARepeatedNameKeepsTheLast() throws {
    let sentence = try SketchedSentence("suspected/VBN/suspect")
    #expect(try matches("{lemma:/suspect/,tag:/VBN/}", sentence, at: "suspected"))
    #expect(!(try matches("{lemma:/suspect/,tag:/NN/}", sentence, at: "suspected")))
    #expect(try matches("{lemma:/nothing/,lemma:/suspect/}", sentence, at: "suspected"))
    #expect(!(try matches("{lemma:/suspect/,lemma:/nothing/}", sentence, at: "suspected")))
    #expect(try matches("{lemma:/suspect/,}", sentence, at: "suspected"))
  }

  // MARK: - Structure

  @Test func relationsAfterANodeAllConstrainIt() throws {
    // "no new effusion": effusion -amod-> new, effusion -neg-> no
    let sentence = try SketchedSentence(
      "no/DT new/JJ effusion/NN", [(2, "amod", 1), (2, "neg", 0)])
    let both = "{} > {} {lemma:/new/} & > {dependency:/neg/} {lemma:/no/}"
    #expect(try matches(both, sentence, at: "effusion"))
    #expect(try matches("{} > {} {lemma:/new/} > {dependency:/neg/} {lemma:/no/}", sentence, at: "effusion"))
    let without = try SketchedSentence("new/JJ effusion/NN", [(1, "amod", 0)])
    #expect(!(try matches(both, without, at: "effusion")))
    #expect(!(try matches(both, sentence, at: "new")))
  }

  @Test func parenthesesNestAndOnTheLeftConstrainTheFirstNode() throws {
    // "cannot exclude pneumonia": exclude -dobj-> pneumonia, exclude -aux-> cannot
    let sentence = try SketchedSentence(
      "cannot/MD exclude/VB pneumonia/NN", [(1, "aux", 0), (1, "dobj", 2)])
    #expect(try matches("{} < {} ({lemma:/exclude/} >{} {lemma:/cannot/})", sentence, at: "pneumonia"))
    #expect(!(try matches("{} < {} ({lemma:/exclude/} >{} {lemma:/can/})", sentence, at: "pneumonia")))
    #expect(try matches("(({} < {} {lemma:/exclude/}))", sentence, at: "pneumonia"))
    // "no definite effusion": effusion -amod-> definite, effusion -neg-> no
    let definite = try SketchedSentence(
      "no/DT definite/JJ effusion/NN", [(2, "amod", 1), (2, "neg", 0)])
    let rule = "({} > {} {lemma:/definite/}) > {dependency:/neg/} {}"
    #expect(try matches(rule, definite, at: "effusion"))
    #expect(!(try matches(rule, definite, at: "definite")))
    let noNeg = try SketchedSentence("definite/JJ effusion/NN", [(1, "amod", 0)])
    #expect(!(try matches(rule, noNeg, at: "effusion")))
  }

  @Test func differentPatternNodesMayTakeTheSameGraphNode() throws {
    let sentence = try SketchedSentence("x a/NN/ab", [(0, "dep", 1)])
    #expect(try matches("{} > {} {lemma:/ab/} & > {dependency:/dep/} {lemma:/a.*/}", sentence, at: "x"))
    let loop = try SketchedSentence("x", [(0, "dep", 0)])
    #expect(try matches("{} > {} ({} < {} {})", loop, at: "x"))
  }

  @Test func disjunctionBetweenRelationGroups() throws {
    let source = "{} > {dependency:/neg/} {} | > {dependency:/case/} {lemma:/without/}"
    let negated = try SketchedSentence("no/DT x/NN", [(1, "neg", 0)])
    let without = try SketchedSentence("without/IN x/NN", [(1, "case", 0)])
    let plain = try SketchedSentence("with/IN x/NN", [(1, "case", 0)])
    #expect(try matches(source, negated, at: "x"))
    #expect(try matches(source, without, at: "x"))
    #expect(!(try matches(source, plain, at: "x")))
  }

  @Test func headsAndNamedMatches() throws {
    // "effusion has resolved"
    let sentence = try SketchedSentence(
      "effusion/NN has/VBZ/have resolved/VBN/resolve", [(2, "nsubj", 0), (2, "aux", 1)])
    let rule = try pattern("{} <{dependency:/nsubj/} ({lemma:/resolve/}=key >{dependency:/aux/} {})")
    #expect(rule.heads(in: sentence.graph, workspace: workspace) == [0])
    let match = rule.match(sentence.graph, head: 0, workspace: workspace)
    #expect(match?.key == 2)
    #expect(match?.named == ["key": 2])
    #expect(rule.names == ["key"])
  }

  // MARK: - The key veto

  @Test func aNegatedKeyVetoesTheMatchInTheNegationPhase() throws {
    // "effusion has not resolved": the key `resolve` has a `neg` child.
    let negated = try SketchedSentence(
      "effusion/NN has/VBZ/have not/RB resolved/VBN/resolve", [(3, "nsubj", 0), (3, "aux", 1), (3, "neg", 2)])
    let rule = "{} <{dependency:/nsubj/} ({lemma:/resolve/}=key >{dependency:/aux/} {})"
    #expect(try matches(rule, negated, at: "effusion"))
    #expect(!(try matches(rule, negated, at: "effusion", veto: true)))
    let resolved = try SketchedSentence(
      "effusion/NN has/VBZ/have resolved/VBN/resolve", [(2, "nsubj", 0), (2, "aux", 1)])
    #expect(try matches(rule, resolved, at: "effusion", veto: true))
  }

  @Test func theOriginalLosesAKeyInAConjunctionOfTwoNodeParts() throws {
    // The original's conjunction keeps the second part's nodes only when it has more than two, and conjunctions
    // fold from the last relation: in `A > B=key > C` the part `A > B=key` comes second and is dropped.
    let sentence = try SketchedSentence("x k/NN y no/DT", [(0, "dep", 1), (0, "dep", 2), (1, "neg", 3)])
    let hidden = "{} > {} {lemma:/k/}=key > {} {lemma:/y/}"
    let visible = "{} > {} {lemma:/y/} > {} {lemma:/k/}=key"
    #expect(try matches(hidden, sentence, at: "x", veto: true))
    #expect(!(try matches(visible, sentence, at: "x", veto: true)))
    #expect(try pattern(hidden).match(sentence.graph, head: 0, workspace: workspace)?.key == nil)
    #expect(try pattern(visible).match(sentence.graph, head: 0, workspace: workspace)?.key == 1)
  }

  // MARK: - Errors

  @Test func syntaxErrorsNameTheColumn() throws {
    func column(_ source: String) -> Int? {
      do {
        _ = try NgrexPattern(source, location: .init(file: "rules.txt", line: 4, column: 3))
        return nil
      } catch {
        #expect(error.code == .invalidRules || error.code == .invalidRegex)
        #expect(error.location?.file == "rules.txt" && error.location?.line == 4)
        return error.location?.column
      }
    }
    #expect(column("{lemma:/a/") == 13)
    #expect(column("{} > {}") == 10)
    #expect(column("{} >> {}") == 7)
    #expect(column("{lemma:/abc}") == 10)
    #expect(column("{} ! {}") == 6)
    #expect(column("{} & > {} {}") == 6)
    #expect(column("{}=key > {} {} > {} {}") == 3)
    #expect(column("{lemma:/a(/}") == 4)
    #expect(column("{} > {} {lemma:/b/}\n") == 22)
    #expect(column("{} < {} {}=key") == nil)
  }

  @Test func regexErrorsAreInvalidRegex() {
    #expect(throws: CXRLabelError.self) { try NgrexPattern("{lemma:/a(/}") }
    do {
      _ = try NgrexPattern("{lemma:/a(/}")
    } catch {
      #expect(error.code == .invalidRegex)
    }
  }
}
