import Testing

@testable import CXRLabel

/// Edge assertions shared by the parser's hand-written construction tests.
enum ParserEdges {
  static let parser = DependencyParser()

  /// The edges as "head -relation-> dependent" strings (words; punctuation left out).
  static func edges(_ sentence: String) -> Set<String> {
    let parsed = parser.parse(sentence)
    return Set(
      parsed.edges.filter { $0.relation != "punct" }.map {
        "\(parsed.tokens[$0.head].word) -\($0.relation)-> \(parsed.tokens[$0.dependent].word)"
      })
  }

  /// Expects every edge of `expected` and none of `absent` in the parse of `sentence`.
  static func expect(
    _ sentence: String, _ expected: [String], absent: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let found = edges(sentence)
    for edge in expected {
      #expect(
        found.contains(edge), "\(sentence): missing \(edge); got \(found.sorted())", sourceLocation: sourceLocation)
    }
    for edge in absent {
      #expect(!found.contains(edge), "\(sentence): unexpected \(edge)", sourceLocation: sourceLocation)
    }
  }
}

/// What the hand-written parser suites share: the parser, and edge helpers that report at the caller's line.
protocol ParserSuite {}

extension ParserSuite {
  var parser: DependencyParser { ParserEdges.parser }

  func edges(_ sentence: String) -> Set<String> { ParserEdges.edges(sentence) }

  func expectEdges(
    _ sentence: String, _ expected: [String], absent: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    ParserEdges.expect(sentence, expected, absent: absent, sourceLocation: sourceLocation)
  }
}
