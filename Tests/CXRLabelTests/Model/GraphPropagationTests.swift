import Testing

@testable import CXRLabel

@Suite("Dependency graph and propagation (SPEC 3.1-3.2)")
struct GraphPropagationTests {
  @Test func oneEdgePerPairAndALaterAddReplacesTheLabelInPlace() throws {
    var sentence = try SketchedSentence("a/NN b/NN c/NN", [(0, "dep", 1), (0, "amod", 2), (0, "nsubj", 1)])
    #expect(sentence.edgeDescriptions == ["a -nsubj-> b", "a -amod-> c"])
    #expect(sentence.graph.children(of: 0) == [1, 2])
    #expect(sentence.graph.parents(of: 2) == [0])
    #expect(try sentence.graph.addEdgeIfAbsent(head: 0, dependent: 1, relation: "neg") == false)
    #expect(sentence.graph.relation(from: 0, to: 1) == "nsubj")
    #expect(throws: CXRLabelError.self) { try sentence.graph.addEdge(head: 0, dependent: 7, relation: "x") }
  }

  @Test func lemmasAreLowercased() {
    #expect(DependencyGraph.Token(word: "Findings", lemma: "Finding", tag: "NNS", span: 0..<8).lemma == "finding")
  }

  @Test func noEvidenceOfXGivesXANegChild() throws {
    // no evidence of pneumothorax
    var sentence = try SketchedSentence(
      "no/DT evidence/NN of/IN pneumothorax/NN", [(1, "neg", 0), (1, "nmod:of", 3), (3, "case", 2)])
    #expect(sentence.graph.propagate() == 1)
    #expect(sentence.graph.relation(from: 3, to: 0) == "neg")
  }

  @Test func noXOrYGivesYTheNegAndAmodOfX() throws {
    // no focal effusion or pneumothorax
    var sentence = try SketchedSentence(
      "no/DT focal/JJ effusion/NN or/CC pneumothorax/NN",
      [(2, "neg", 0), (2, "amod", 1), (2, "cc", 3), (2, "conj:or", 4)])
    sentence.graph.propagate()
    #expect(sentence.graph.relation(from: 4, to: 0) == "neg")
    #expect(sentence.graph.relation(from: 4, to: 1) == "amod")
    #expect(sentence.graph.relation(from: 4, to: 3) == nil)
  }

  @Test func conjunctionCopiesOnlyBetweenNounsAndOnlyTheListedChildren() throws {
    var sentence = try SketchedSentence(
      "no/DT x/NN y/VB without/IN z/NN w/NN",
      [(1, "neg", 0), (1, "conj:and", 2), (5, "compound", 0), (5, "case", 3), (5, "conj:or", 4), (5, "dep", 1)])
    sentence.graph.propagate()
    #expect(sentence.graph.relation(from: 2, to: 0) == nil)  // y is a verb
    #expect(sentence.graph.relation(from: 4, to: 0) == "compound")  // lemma `no` over compound
    #expect(sentence.graph.relation(from: 4, to: 3) == "case")  // `without` over case
    #expect(sentence.graph.relation(from: 4, to: 1) == nil)  // a `dep` child whose lemma is not `no`
  }

  @Test func apposAndDepAndCompoundRules() throws {
    // appos: g -nsubj-> p -appos-> c, p -neg-> n  ⇒  g -nsubj-> c, c -neg-> n
    var appos = try SketchedSentence(
      "g/VB p/NN c/NN n/DT", [(0, "nsubj", 1), (1, "appos", 2), (1, "neg", 3)])
    appos.graph.propagate()
    #expect(appos.graph.relation(from: 0, to: 2) == "nsubj")
    #expect(appos.graph.relation(from: 2, to: 3) == "neg")
    // dep between nouns: p -dep-> c, c -neg-> n  ⇒  p -neg-> n
    var dep = try SketchedSentence("p/NN c/NNS n/DT", [(0, "dep", 1), (1, "neg", 2)])
    dep.graph.propagate()
    #expect(dep.graph.relation(from: 0, to: 2) == "neg")
    // "no x and y" parsed as compounds: p -neg-> no, p -cc-> and, p -compound-> x  ⇒  x -neg-> no
    var compound = try SketchedSentence(
      "no/DT x/NN and/CC y/NN", [(3, "neg", 0), (3, "cc", 2), (3, "compound", 1)])
    compound.graph.propagate()
    #expect(compound.graph.relation(from: 1, to: 0) == "neg")
  }

  @Test func areaOfAndCombinationOfHandTheirParentToTheObject() throws {
    var area = try SketchedSentence(
      "see/VB area/NN of/IN consolidation/NN", [(0, "dobj", 1), (1, "nmod:of", 3), (3, "case", 2)])
    area.graph.propagate()
    #expect(area.graph.relation(from: 0, to: 3) == "dobj")
    var combination = try SketchedSentence("see/VB combination/NN x/NN", [(0, "dobj", 1), (1, "nmod:of", 2)])
    combination.graph.propagate()
    #expect(combination.graph.relation(from: 0, to: 2) == "dobj")
  }

  @Test func hypoinflatedButClearOf() throws {
    var sentence = try SketchedSentence(
      "hypoinflated/JJ clear/JJ consolidation/NN", [(0, "conj:but", 1), (0, "nmod:of", 2)])
    sentence.graph.propagate()
    #expect(sentence.graph.relation(from: 1, to: 2) == "nmod:of")
  }

  @Test func theFirstCandidateForAPairWins() throws {
    // Two candidates for (g, c): appos gives `dobj` (from p's edge), area-of gives `nsubj` (from a's edge). Edges
    // are scanned by head in token order, so whichever head comes first wins.
    let edges: [(Int, String, Int)] = [(0, "dobj", 1), (0, "nsubj", 2), (1, "appos", 3), (2, "nmod:of", 3)]
    var apposFirst = try SketchedSentence("g/VB p/NN area/NN c/NN", edges)
    apposFirst.graph.propagate()
    #expect(apposFirst.graph.relation(from: 0, to: 3) == "dobj")
    let swapped: [(Int, String, Int)] = [(0, "dobj", 2), (0, "nsubj", 1), (2, "appos", 3), (1, "nmod:of", 3)]
    var areaFirst = try SketchedSentence("g/VB area/NN p/NN c/NN", swapped)
    areaFirst.graph.propagate()
    #expect(areaFirst.graph.relation(from: 0, to: 3) == "nsubj")
  }

  @Test func existingEdgesAreNeverRelabelled() throws {
    var sentence = try SketchedSentence(
      "no/DT evidence/NN of/IN x/NN", [(1, "neg", 0), (1, "nmod:of", 3), (3, "det", 0)])
    #expect(sentence.graph.propagate() == 0)
    #expect(sentence.graph.relation(from: 3, to: 0) == "det")
  }

  @Test func atMostTwoRounds() throws {
    // a -conj-> b -conj-> c -conj-> d with a -neg-> no: round 1 reaches b, round 2 reaches c, d is not reached.
    var sentence = try SketchedSentence(
      "no/DT a/NN b/NN c/NN d/NN", [(1, "neg", 0), (1, "conj:or", 2), (2, "conj:or", 3), (3, "conj:or", 4)])
    #expect(sentence.graph.propagate() == 2)
    #expect(sentence.graph.relation(from: 2, to: 0) == "neg")
    #expect(sentence.graph.relation(from: 3, to: 0) == "neg")
    #expect(sentence.graph.relation(from: 4, to: 0) == nil)
  }
}
