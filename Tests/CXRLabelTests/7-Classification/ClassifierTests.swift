import Testing

@testable import CXRLabel

@Suite("Classifying mentions (SPEC 2.7)")
struct ClassifierTests {
  let workspace = RuleWorkspace()

  /// Small rule sets in the shape of the originals.
  static func rules(
    pre: [String] = ["{} > {} {lemma:/new/} & > {dependency:/neg/} {lemma:/no/}"],
    negation: [String] = [
      "{} <{dependency:/nsubj/} ({lemma:/resolve/}=key >{dependency:/aux/} {})", "{} >{dependency:/neg/} {}",
    ],
    post: [String] = ["{} > {dependency:/conj:or/} {}", "{} < {dependency:/conj:or/} {}"]
  ) throws -> ClassificationRules {
    ClassificationRules(
      preNegationUncertainty: try RuleSet.parseText(pre.joined(separator: "\n"), file: "pre.txt"),
      negation: try RuleSet.parseText(negation.joined(separator: "\n"), file: "neg.txt"),
      postNegationUncertainty: try RuleSet.parseText(post.joined(separator: "\n"), file: "post.txt"))
  }

  /// Classifies mentions (observation, words) of one or more sentences.
  func classify(
    _ sentences: [SketchedSentence?], texts: [String]? = nil, mentions: [(Observation, String, Int)],
    classifier: Classifier? = nil
  ) throws -> (StudyClassification, [Mention]) {
    var text = ""
    var spans: [Range<Int>] = []
    for (index, sentence) in sentences.enumerated() {
      let sentenceText = texts?[index] ?? sentence?.text ?? ""
      spans.append(text.utf8.count..<(text.utf8.count + sentenceText.utf8.count))
      text += sentenceText + " "
    }
    var list: [Mention] = []
    let bytes = Array(text.utf8)
    for (observation, phrase, sentence) in mentions {
      let base = spans[sentence].lowerBound
      let local: [UInt8] = Array(bytes[spans[sentence]])
      let needle: [UInt8] = Array(phrase.utf8)
      var offset = 0
      while offset + needle.count <= local.count, Array(local[offset..<(offset + needle.count)]) != needle {
        offset += 1
      }
      list.append(
        Mention(
          observation: observation, phrase: phrase, span: (base + offset)..<(base + offset + needle.count),
          sentence: sentence))
    }
    let used = try classifier ?? Classifier(rules: Self.rules())
    let result = used.classify(
      text: Array(text.utf8), sentences: spans, graphs: sentences.map { $0?.graph }, mentions: list,
      workspace: workspace)
    return (result, list)
  }

  @Test func negationAndTheRuleThatFound() throws {
    let sentence = try SketchedSentence("no/DT pneumothorax/NN", [(1, "neg", 0)])
    let classifier = Classifier(rules: try Self.rules())
    let (result, _) = try classify([sentence], mentions: [(.pneumothorax, "pneumothorax", 0)], classifier: classifier)
    #expect(result.labels == [.negative])
    let mark = try #require(result.mentions[0].decidingMark)
    #expect(mark.phase == .negation && mark.node == 1 && mark.source == 0)
    #expect(classifier.rule(for: mark)?.id == "neg.txt:2")
  }

  @Test func preNegationUncertaintyComesFirstAndTheNewVetoBlocksNegation() throws {
    // "no new effusion": pre-negation uncertainty catches it.
    let sentence = try SketchedSentence("no/DT new/JJ effusion/NN", [(2, "neg", 0), (2, "amod", 1)])
    let (result, _) = try classify([sentence], mentions: [(.pleuralEffusion, "effusion", 0)])
    #expect(result.labels == [.uncertain])
    #expect(result.mentions[0].decidingMark?.phase == .preNegationUncertainty)
    // Without the pre-negation rule, the `new` veto stops every negation rule: the mention stays positive.
    let (vetoed, _) = try classify(
      [sentence], mentions: [(.pleuralEffusion, "effusion", 0)],
      classifier: Classifier(rules: try Self.rules(pre: [])))
    #expect(vetoed.labels == [.positive])
    // The veto needs the lemma to be exactly `new`.
    let newer = try SketchedSentence("no/DT newer/JJ effusion/NN", [(2, "neg", 0), (2, "amod", 1)])
    let (notVetoed, _) = try classify(
      [newer], mentions: [(.pleuralEffusion, "effusion", 0)], classifier: Classifier(rules: try Self.rules(pre: [])))
    #expect(notVetoed.labels == [.negative])
  }

  @Test func aNegatedKeyDoesNotCountButLaterRulesStillMay() throws {
    // "effusion has not resolved": the key rule is vetoed; no other negation rule matches; positive.
    let sentence = try SketchedSentence(
      "effusion/NN has/VBZ/have not/RB resolved/VBN/resolve", [(3, "nsubj", 0), (3, "aux", 1), (3, "neg", 2)])
    let (result, _) = try classify([sentence], mentions: [(.pleuralEffusion, "effusion", 0)])
    #expect(result.labels == [.positive])
    let resolved = try SketchedSentence(
      "effusion/NN has/VBZ/have resolved/VBN/resolve", [(2, "nsubj", 0), (2, "aux", 1)])
    let (negated, _) = try classify([resolved], mentions: [(.pleuralEffusion, "effusion", 0)])
    #expect(negated.labels == [.negative])
  }

  @Test func postNegationUncertaintyOnlyWhenNotNegated() throws {
    // "no effusion or pneumothorax" after propagation: both negated; "effusion or pneumothorax": both uncertain.
    var negated = try SketchedSentence(
      "no/DT effusion/NN or/CC pneumothorax/NN", [(1, "neg", 0), (1, "cc", 2), (1, "conj:or", 3)])
    negated.graph.propagate()
    let mentions: [(Observation, String, Int)] = [
      (.pleuralEffusion, "effusion", 0), (.pneumothorax, "pneumothorax", 0),
    ]
    #expect(try classify([negated], mentions: mentions).0.labels == [.negative, .negative])
    let plain = try SketchedSentence("effusion/NN or/CC pneumothorax/NN", [(0, "cc", 1), (0, "conj:or", 2)])
    let (uncertain, _) = try classify([plain], mentions: mentions)
    #expect(uncertain.labels == [.uncertain, .uncertain])
    #expect(uncertain.mentions.map { $0.decidingMark?.phase } == [.postNegationUncertainty, .postNegationUncertainty])
  }

  @Test func marksSpreadToContainedMentionsAndNegationBeatsUncertainty() throws {
    // "cardiac silhouette and vascularity": the long mention's `vascularity` token is negated, its `cardiac`
    // token uncertain; both marks spread to the contained `cardiac silhouette` mention.
    let sentence = try SketchedSentence(
      "cardiac/JJ silhouette/NN and/CC vascularity/NN maybe/RB no/DT",
      [(1, "amod", 0), (1, "conj:and", 3), (0, "conj:or", 4), (3, "neg", 5)])
    let (result, _) = try classify(
      [sentence],
      mentions: [
        (.enlargedCardiomediastinum, "cardiac silhouette and vascularity", 0), (.cardiomegaly, "cardiac silhouette", 0),
        (.pneumothorax, "maybe", 0),
      ])
    #expect(result.labels == [.negative, .negative, .uncertain])
    let marks = result.mentions[1].marks
    #expect(marks.map(\.kind) == [.uncertainty, .negation, .uncertainty])
    #expect(marks.map(\.source) == [0, 0, 1])
    #expect(result.mentions[1].decidingMark?.node == 3)
    #expect(result.mentions[0].marks.count == 2)
    // The contained mention's own classification is not spread outward.
    let (inner, _) = try classify(
      [sentence],
      mentions: [
        (.cardiomegaly, "cardiac silhouette", 0), (.enlargedCardiomediastinum, "cardiac silhouette and vascularity", 0),
      ])
    #expect(inner.mentions[0].marks.map(\.source) == [0, 1, 1])
    #expect(inner.mentions[1].marks.map(\.source) == [1, 1])
  }

  @Test func partialTokenOverlapSelectsTheToken() throws {
    let sentence = try SketchedSentence("no/DT opacities/NNS/opacity", [(1, "neg", 0)])
    let (result, _) = try classify([sentence], mentions: [(.lungOpacity, "opaci", 0)])
    #expect(result.labels == [.negative])
    #expect(Classifier.intersect(0..<5, 2..<2))
    #expect(!Classifier.intersect(0..<5, 5..<9))
  }

  @Test func aSentenceWithoutAGraphLeavesItsMentionsPositive() throws {
    let first = try SketchedSentence("no/DT pneumothorax/NN", offset: 13, [(1, "neg", 0)])
    let (result, _) = try classify(
      [nil, first], texts: ["no effusion.", "no pneumothorax"],
      mentions: [(.pleuralEffusion, "effusion", 0), (.pneumothorax, "pneumothorax", 1)])
    #expect(result.labels == [.positive, .negative])
    #expect(result.mentionsWithoutGraph == 1)
  }

  @Test func theFindingsImpressionShortcut() throws {
    let sentence = try SketchedSentence("IMPRESSION:/NN no/DT acute/JJ process/NN ,/, effusion/NN")
    let mentions: [(Observation, String, Int)] = [(.pleuralEffusion, "effusion", 0)]
    let (result, _) = try classify([sentence], mentions: mentions)
    #expect(result.labels == [.negative])
    #expect(result.mentions[0].decidingMark?.phase == .sentenceShortcut)
    let off = Classifier(rules: try Self.rules(), usesSentenceShortcut: false)
    #expect(try classify([sentence], mentions: mentions, classifier: off).0.labels == [.positive])
    // Also for a sentence without a graph; and only at the very start, with the space after `no`.
    #expect(try classify([nil], texts: ["findings: no effusion"], mentions: mentions).0.labels == [.negative])
    #expect(try classify([nil], texts: [" findings: no effusion"], mentions: mentions).0.labels == [.positive])
    #expect(try classify([nil], texts: ["findings: none effusion"], mentions: mentions).0.labels == [.positive])
  }

  /// The window of tokens searched for a mention is exactly the set the full scan with `intersect` finds, also for
  /// empty tokens and mentions at the edges; tokens out of order fall back to the full scan.
  @Test func candidateWindowMatchesTheFullScan() throws {
    let spans = [0..<3, 4..<9, 9..<9, 10..<15, 16..<16, 17..<20]
    let tokens = spans.map { DependencyGraph.Token(word: "w", lemma: "w", tag: "NN", span: $0) }
    let graph = DependencyGraph(tokens: tokens)
    #expect(Classifier.tokensInOrder(graph))
    for start in 0...21 {
      for end in start...21 {
        let mention = start..<end
        let full = tokens.indices.filter { Classifier.intersect(mention, tokens[$0].span) }
        let window = Classifier.candidateNodes(graph, overlapping: mention, ordered: true).filter {
          Classifier.intersect(mention, tokens[$0].span)
        }
        #expect(window == full, "mention \(mention)")
      }
    }
    let shuffled = DependencyGraph(tokens: [tokens[3], tokens[0], tokens[1]])
    #expect(!Classifier.tokensInOrder(shuffled))
    #expect(Classifier.candidateNodes(shuffled, overlapping: 0..<2, ordered: false) == 0..<3)
  }
}
