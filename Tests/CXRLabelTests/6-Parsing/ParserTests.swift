import Testing

@testable import CXRLabel

/// Hand-written sentences for each construction the negation and uncertainty rules depend on.
@Suite struct ParserTests: ParserSuite {
  @Test func tokenizerSplitsPunctuationAndKeepsListNumbers() {
    let parsed = parser.parse("1. the patient's well-expanded lungs (x-xxxx) don't show effusion; see note.")
    #expect(
      parsed.tokens.map(\.word) == [
        "1.", "the", "patient", "'s", "well-expanded", "lungs", "(", "x-xxxx", ")", "do", "n't", "show", "effusion",
        ";", "see", "note", ".",
      ])
    let text = "no effusion."
    let spans = parser.parse(text).tokens.map(\.span)
    #expect(spans == [0..<2, 3..<11, 11..<12])
  }

  @Test func spansAreOffsetsIntoTheStudyText() {
    let study = Array("heart normal. no pneumothorax.".utf8)
    let parsed = study.withUnsafeBufferPointer { parser.parse($0, sentence: 14..<30) }
    #expect(parsed.tokens.map(\.span) == [14..<16, 17..<29, 29..<30])
  }

  @Test func tagsAndLemmas() {
    let parsed = parser.parse("opacities are seen and were identified, the diagnoses appears resolved.")
    let lemmas = parsed.tokens.map(\.lemma)
    #expect(
      lemmas == ["opacity", "be", "see", "and", "be", "identify", ",", "the", "diagnosis", "appear", "resolve", "."])
    #expect(parsed.tokens[0].tag == "NNS")
    #expect(parsed.tokens[1].tag == "VBP")
    #expect(parsed.tokens[2].tag == "VBN")
    #expect(ParserLemmatizer.lemma("findings", tag: .NNS) == "finding")
    #expect(ParserLemmatizer.lemma("lungs", tag: .NNS) == "lung")
    #expect(ParserLemmatizer.lemma("demonstrated", tag: .VBN) == "demonstrate")
    #expect(ParserLemmatizer.lemma("excluded", tag: .VBN) == "exclude")
    #expect(ParserLemmatizer.lemma("cleared", tag: .VBN) == "clear")
  }

  @Test func negatedNounList() {
    expectEdges(
      "no enlarged nodes, consolidation, or pleural fluid identified.",
      [
        "nodes -neg-> no", "nodes -amod-> enlarged", "nodes -conj:or-> consolidation", "nodes -conj:or-> fluid",
        "nodes -cc-> or", "fluid -amod-> pleural", "identified -nsubj-> nodes", "identified -nsubj-> consolidation",
        "identified -nsubj-> fluid",
      ])
  }

  @Test func noEvidenceOf() {
    expectEdges(
      "no evidence of focal airspace disease or pneumothorax.",
      [
        "evidence -neg-> no", "evidence -nmod:of-> disease", "evidence -nmod:of-> pneumothorax", "disease -case-> of",
        "disease -amod-> focal", "disease -compound-> airspace", "disease -conj:or-> pneumothorax",
      ])
  }

  @Test func copularNormal() {
    expectEdges(
      "the cardiac silhouette is normal.",
      ["normal -nsubj-> silhouette", "normal -cop-> is", "silhouette -det-> the", "silhouette -amod-> cardiac"])
    expectEdges(
      "heart size is unremarkable.", ["size -compound-> heart", "unremarkable -nsubj-> size", "unremarkable -cop-> is"])
    expectEdges("normal mediastinal contour.", ["contour -amod-> normal", "contour -amod-> mediastinal"])
  }

  @Test func withinNormalLimits() {
    expectEdges(
      "hilar contours within normal limits.",
      ["limits -nsubj-> contours", "limits -case-> within", "limits -amod-> normal"])
    expectEdges(
      "the hilar contours are within normal limits.",
      ["limits -nsubj-> contours", "limits -cop-> are", "limits -case-> within", "limits -amod-> normal"])
  }

  @Test func mayRepresent() {
    expectEdges(
      "streaky basilar density may represent scarring.",
      ["represent -aux-> may", "represent -dobj-> scarring", "represent -nsubj-> density"])
  }

  @Test func versusAndOr() {
    expectEdges(
      "atelectasis versus early infiltrate.", ["atelectasis -conj:versus-> infiltrate", "atelectasis -cc-> versus"])
    expectEdges("small effusion or thickening.", ["effusion -conj:or-> thickening", "effusion -amod-> small"])
  }

  @Test func withoutPhrase() {
    expectEdges(
      "mild cardiomegaly without pulmonary edema.",
      ["cardiomegaly -nmod:without-> edema", "edema -case-> without", "edema -amod-> pulmonary"])
  }

  @Test func passiveNegated() {
    expectEdges(
      "a pneumothorax is not seen.", ["seen -nsubjpass-> pneumothorax", "seen -auxpass-> is", "seen -neg-> not"])
    expectEdges(
      "focal consolidation is not identified.", ["identified -nsubjpass-> consolidation", "identified -neg-> not"])
  }

  @Test func thereIsNo() {
    expectEdges("there is no pleural effusion.", ["is -expl-> there", "is -nsubj-> effusion", "effusion -neg-> no"])
  }

  @Test func cannotExclude() {
    expectEdges("cannot exclude small effusion.", ["exclude -aux-> cannot", "exclude -dobj-> effusion"])
  }

  @Test func possibleAndSuspicious() {
    expectEdges("possible right lower lobe pneumonia.", ["pneumonia -amod-> possible", "pneumonia -compound-> lobe"])
    expectEdges("opacity suspicious for pneumonia.", ["suspicious -nmod:for-> pneumonia", "pneumonia -case-> for"])
  }

  @Test func hasResolved() {
    expectEdges("the left effusion has resolved.", ["resolved -nsubj-> effusion", "resolved -aux-> has"])
  }

  @Test func stableHeartSize() {
    expectEdges("stable heart size.", ["size -amod-> stable", "size -compound-> heart"])
    expectEdges("unchanged cardiomediastinal silhouette.", ["silhouette -amod-> unchanged"])
  }

  @Test func coordinatedClauses() {
    expectEdges(
      "heart size is normal and the lungs are clear.",
      [
        "normal -nsubj-> size", "normal -cop-> is", "normal -conj:and-> clear", "clear -nsubj-> lungs",
        "clear -cop-> are",
      ])
  }

  @Test func emptyAndPunctuationOnly() {
    #expect(parser.parse("").tokens.isEmpty)
    #expect(parser.parse(".").edges.isEmpty)
  }
}
