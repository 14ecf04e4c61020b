import Foundation
import Testing

@testable import CXRLabel

/// Measures the rule-based parser against the original run's parses of the IU X-ray dev sentences.
///
/// The reference graphs are NegBio-propagated, so our graphs go through the same propagation (SPEC 3.2,
/// re-implemented in ``ParserPropagation`` for measurement only) before edges are compared.
@Suite(.enabled(if: TestPaths.hasDevDetails, "needs ../shared/data"))
struct ParserReferenceTests {
  struct RefToken {
    var span: Range<Int>
    var word: String
    var lemma: String
    var tag: String
  }
  struct RefSentence {
    var range: Range<Int>
    var tokens: [RefToken]
    /// (head span, dependent span, relation)
    var edges: [(Range<Int>, Range<Int>, String)]
  }
  struct Study {
    var clean: [UInt8]
    var sentences: [RefSentence]
  }

  static func load() throws -> [Study] {
    let path = TestPaths.shared + "/data/iu-xray/reference-details-dev.jsonl"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var studies: [Study] = []
    for line in text.split(separator: "\n") {
      guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let clean = object["clean"] as? String, let sentences = object["sentences"] as? [[String: Any]]
      else { continue }
      var parsed: [RefSentence] = []
      for sentence in sentences {
        guard let offset = sentence["offset"] as? Int, let text = sentence["text"] as? String,
          let tokens = sentence["tokens"] as? [[String: Any]], let edges = sentence["edges"] as? [[String: Any]]
        else { continue }
        var byID: [String: Range<Int>] = [:]
        var refTokens: [RefToken] = []
        for token in tokens {
          guard let id = token["id"] as? String, let start = token["start"] as? Int, let end = token["end"] as? Int
          else { continue }
          byID[id] = start..<end
          refTokens.append(
            RefToken(
              span: start..<end, word: token["word"] as? String ?? "", lemma: token["lemma"] as? String ?? "",
              tag: token["tag"] as? String ?? ""))
        }
        let refEdges = edges.compactMap { edge -> (Range<Int>, Range<Int>, String)? in
          guard let head = edge["head"] as? String, let dep = edge["dep"] as? String, let rel = edge["rel"] as? String,
            let headSpan = byID[head], let depSpan = byID[dep]
          else { return nil }
          return (headSpan, depSpan, rel)
        }
        parsed.append(RefSentence(range: offset..<(offset + text.utf8.count), tokens: refTokens, edges: refEdges))
      }
      studies.append(Study(clean: Array(clean.utf8), sentences: parsed))
    }
    return studies
  }

  static let keyRelations = [
    "neg", "nsubj", "nsubjpass", "cop", "amod", "compound", "nmod:of", "nmod:within", "nmod:without", "nmod:for",
    "conj:or", "conj:and", "dobj", "aux", "case", "det",
  ]

  struct Key: Hashable {
    var head: Range<Int>
    var dependent: Range<Int>
  }

  @Test func agreementWithReferenceParses() throws {
    let studies = try Self.load()
    let parser = DependencyParser()
    let debug = ProcessInfo.processInfo.environment["CXR_PARSER_DEBUG"]
    var refTokenCount = 0, ourTokenCount = 0, matchedTokens = 0, tagMatch = 0, lemmaMatch = 0
    var refEdgeCount = 0, unlabeled = 0, labeled = 0, ourEdgeCount = 0, ourCorrect = 0
    var relationTotal: [String: Int] = [:], relationFound: [String: Int] = [:]
    var tagConfusion: [String: Int] = [:]
    var misses: [String: [String]] = [:]
    var sentenceCount = 0
    for study in studies {
      study.clean.withUnsafeBufferPointer { buffer in
        for sentence in study.sentences where !sentence.tokens.isEmpty {
          sentenceCount += 1
          let ours = parser.parse(buffer, sentence: sentence.range)
          // Well-formed on every real sentence: no token its own head, at most one edge per pair.
          #expect(!ours.edges.contains { $0.head == $0.dependent })
          #expect(Set(ours.edges.map { [$0.head, $0.dependent] }).count == ours.edges.count)
          let graph = ParserPropagation.propagate(ours)
          var bySpan: [Range<Int>: ParsedToken] = [:]
          for token in ours.tokens { bySpan[token.span] = token }
          refTokenCount += sentence.tokens.count
          ourTokenCount += ours.tokens.count
          for token in sentence.tokens {
            guard let mine = bySpan[token.span] else { continue }
            matchedTokens += 1
            if mine.tag == token.tag {
              tagMatch += 1
            } else {
              tagConfusion["\(token.word) \(token.tag)->\(mine.tag)", default: 0] += 1
            }
            if mine.lemma == token.lemma { lemmaMatch += 1 }
          }
          var ourEdges: [Key: String] = [:]
          for edge in graph.edges {
            ourEdges[Key(head: ours.tokens[edge.head].span, dependent: ours.tokens[edge.dependent].span)] =
              edge.relation
          }
          var refKeys: [Key: String] = [:]
          for (head, dependent, relation) in sentence.edges where relation != "punct" {
            refKeys[Key(head: head, dependent: dependent)] = relation
            refEdgeCount += 1
            let found = ourEdges[Key(head: head, dependent: dependent)]
            if found != nil { unlabeled += 1 }
            if found == relation { labeled += 1 }
            if Self.keyRelations.contains(relation) {
              relationTotal[relation, default: 0] += 1
              if found == relation {
                relationFound[relation, default: 0] += 1
              } else if debug != nil {
                let text = String(decoding: study.clean[sentence.range], as: UTF8.self)
                let h = String(decoding: study.clean[head], as: UTF8.self)
                let d = String(decoding: study.clean[dependent], as: UTF8.self)
                misses[relation, default: []].append("\(h) -\(relation)-> \(d) [ours: \(found ?? "-")] | \(text)")
              }
            }
          }
          for (key, relation) in ourEdges where relation != "punct" {
            ourEdgeCount += 1
            if refKeys[key] == relation { ourCorrect += 1 }
          }
        }
      }
    }
    func percent(_ part: Int, _ whole: Int) -> String {
      whole == 0 ? "n/a" : String(format: "%.1f%%", 100 * Double(part) / Double(whole))
    }
    print("parser agreement over \(sentenceCount) dev sentences")
    print(
      "  tokens: recall \(percent(matchedTokens, refTokenCount)) precision \(percent(matchedTokens, ourTokenCount))")
    print(
      "  tags \(percent(tagMatch, matchedTokens)), lemmas \(percent(lemmaMatch, matchedTokens)) (of matched tokens)")
    print(
      "  edges (non-punct, propagated): unlabeled recall \(percent(unlabeled, refEdgeCount)), labeled recall \(percent(labeled, refEdgeCount)), labeled precision \(percent(ourCorrect, ourEdgeCount))"
    )
    for relation in Self.keyRelations {
      print(
        "  \(relation): \(percent(relationFound[relation] ?? 0, relationTotal[relation] ?? 0)) of \(relationTotal[relation] ?? 0)"
      )
    }
    if let debug {
      for (key, count) in tagConfusion.sorted(by: { $0.value > $1.value }).prefix(40) {
        print("  tag \(key): \(count)")
      }
      for relation in Self.keyRelations where debug.isEmpty || debug == relation {
        for line in (misses[relation] ?? []).prefix(25) { print("  miss \(line)") }
      }
    }
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      for study in studies {
        study.clean.withUnsafeBufferPointer { buffer in
          for sentence in study.sentences { _ = parser.parse(buffer, sentence: sentence.range) }
        }
      }
    }
    print("  parse time: \(elapsed / max(sentenceCount, 1)) per sentence (this build's optimisation level)")
    #expect(refTokenCount > 0)
    #expect(Double(matchedTokens) > 0.9 * Double(refTokenCount))
  }

  /// The measure that matters for labels: of the edges the original's rules actually went through when they
  /// decided a mention (on the reference graphs), how many our parser produces too (same head and dependent
  /// spans, same relation, after propagation).
  @Test func edgesUsedByFiredRules() throws {
    let path = TestPaths.shared + "/data/iu-xray/reference-details-dev.jsonl"
    let reader = try LineReader(path: path)
    let classifier = Classifier(rules: try LabelerSettings().loadRules())
    let workspace = RuleWorkspace()
    let parser = DependencyParser()
    var used = 0
    var labeled = 0
    var unlabeled = 0
    var byRelation: [String: (found: Int, total: Int)] = [:]
    while let line = try reader.next() {
      let study = try GraphsReader.parse(line: line, file: path, lineNumber: reader.lineNumber)
      let graphs = try Judge.graphs(of: study, propagating: false)
      let classification = classifier.classify(
        text: study.text, sentences: study.sentences.map(\.span), graphs: graphs, mentions: study.mentions,
        workspace: workspace)
      for decided in classification.mentions {
        guard let mark = decided.decidingMark, let node = mark.node, let rule = classifier.rule(for: mark),
          let graph = graphs[mark.sentence],
          let edges = rule.pattern.matchedEdges(
            graph, head: node, workspace: workspace, vetoNegatedKey: mark.phase == .negation)
        else { continue }
        let ours = study.text.withUnsafeBufferPointer { buffer in
          let parsed = parser.parse(buffer, sentence: study.sentences[mark.sentence].span)
          var graph = try? DependencyGraph(tokens: parsed.tokens, edges: parsed.edges)
          graph?.propagate()
          return graph
        }
        var spans: [Range<Int>: Int] = [:]
        for (index, token) in (ours?.tokens ?? []).enumerated() { spans[token.span] = index }
        for edge in edges {
          used += 1
          let found: Bool
          let foundUnlabeled: Bool
          if let ours, let head = spans[graph.tokens[edge.head].span],
            let dependent = spans[graph.tokens[edge.dependent].span],
            let index = ours.edgeIndex(from: head, to: dependent)
          {
            foundUnlabeled = true
            found = ours.edges[index].relation == edge.relation
          } else {
            foundUnlabeled = false
            found = false
          }
          if found { labeled += 1 }
          if !found, ProcessInfo.processInfo.environment["CXR_DEBUG_MISSES"] != nil {
            let sentence = study.sentences[mark.sentence].span
            print(
              "MISS \(edge.relation) \(graph.tokens[edge.head].word)->\(graph.tokens[edge.dependent].word) | \(String(decoding: study.text[sentence], as: UTF8.self))"
            )
          }
          if foundUnlabeled { unlabeled += 1 }
          byRelation[edge.relation, default: (0, 0)].total += 1
          if found { byRelation[edge.relation, default: (0, 0)].found += 1 }
        }
      }
    }
    let share = Double(labeled) / Double(max(used, 1))
    print(
      "edges used by the original's fired rules on dev: \(used); ours have \(labeled) with the same relation (\(String(format: "%.1f", 100 * share))%), \(unlabeled) attached the same way"
    )
    for (relation, counts) in byRelation.sorted(by: { $0.value.total > $1.value.total }).prefix(12) {
      print("  \(relation): \(counts.found)/\(counts.total)")
    }
    #expect(used > 1000)
    // 87.7% at this writing. Most misses are verbless fragments: the stand-in parsed "heart size normal." with
    // "size" as a verb taking `xcomp normal` and "contour within normal limits." with `nmod:within`; cxrlabel
    // reads both as a predicate of the subject (`nsubj`), which the real original's labels require for
    // coordinated subjects ("heart and mediastinum normal.") and which decides the same label for single ones.
    #expect(share >= 0.87)
  }
}
