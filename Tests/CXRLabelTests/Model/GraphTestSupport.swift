@testable import CXRLabel

/// A hand-built sentence for rule tests: its text and graph.
struct SketchedSentence {
  var text: String
  var graph: DependencyGraph

  /// Builds a sentence from tokens written `word/TAG` or `word/TAG/lemma` (lemma defaults to the word), joined
  /// by single spaces starting at `offset`, and edges `(head, relation, dependent)` by token index.
  init(_ tokens: String, offset: Int = 0, _ edges: [(Int, String, Int)] = []) throws {
    var list: [DependencyGraph.Token] = []
    var position = offset
    var words: [String] = []
    for piece in tokens.split(separator: " ") {
      let parts = piece.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
      let word = parts[0]
      let tag = parts.count > 1 ? parts[1] : "NN"
      let lemma = parts.count > 2 ? parts[2] : word
      list.append(
        DependencyGraph.Token(word: word, lemma: lemma, tag: tag, span: position..<(position + word.utf8.count)))
      position += word.utf8.count + 1
      words.append(word)
    }
    text = words.joined(separator: " ")
    graph = try DependencyGraph(
      tokens: list, edges: edges.map { DependencyGraph.Edge(head: $0.0, dependent: $0.2, relation: $0.1) })
  }

  /// The index of the first token with this word.
  func node(_ word: String) -> Int { graph.tokens.firstIndex { $0.word == word } ?? -1 }

  /// The edges as `head -rel-> dependent` strings with words, in graph order.
  var edgeDescriptions: [String] {
    graph.edges.map { "\(graph.tokens[$0.head].word) -\($0.relation)-> \(graph.tokens[$0.dependent].word)" }
  }
}

/// Compiles a pattern, failing the test with the error's text if it does not compile.
func pattern(_ source: String) throws -> NgrexPattern { try NgrexPattern(source) }
