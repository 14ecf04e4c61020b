/// One token of a parsed sentence: the graph's token type (word, lemma, Penn Treebank tag, byte span).
public typealias ParsedToken = DependencyGraph.Token

/// One labelled dependency edge between two tokens of a ``ParsedSentence`` (token indices, head to dependent).
public typealias ParsedEdge = DependencyGraph.Edge

/// The result of parsing one sentence: tokens in order and dependency edges (at most one per head-dependent pair).
///
/// The edges are the collapsed, CC-processed graph CoreNLP would produce (prepositions folded into `nmod:<prep>`,
/// conjunctions into `conj:<cc>`, a governor's relation to the first conjunct copied to the later ones), without
/// NegBio's own propagation and without a root edge.
public struct ParsedSentence: Sendable, Hashable {
  /// The tokens, in sentence order.
  public var tokens: [ParsedToken]
  /// The dependency edges, head to dependent.
  public var edges: [ParsedEdge]

  /// Creates a parsed sentence.
  public init(tokens: [ParsedToken], edges: [ParsedEdge]) {
    self.tokens = tokens
    self.edges = edges
  }
}

/// A small deterministic rule-based parser for chest X-ray report sentences.
///
/// It replaces the BLLIP parser plus Stanford CoreNLP conversion of the original labeler: Penn-Treebank-style
/// tokenization, lexicon-and-suffix tagging, CoreNLP-like lemmas, and a chunk-and-attach grammar that emits
/// Universal Dependencies relations for the constructions the negation and uncertainty rules test.
public struct DependencyParser: Sendable {
  /// Its words: closed classes, open-class lexicon and the word sets the attachment heuristics consult.
  let lexicon: ParserLexicon

  /// Creates a parser with the compiled-in lexicon (shared, built once on first use).
  public init() { lexicon = .shared }

  /// Creates a parser with the lexicon in `text` (the format of `Phrases/data/parser.lexicon`); throws
  /// `invalidModel` naming `file` and the line of the first problem.
  public init(lexicon text: String, file: String) throws(CXRLabelError) {
    lexicon = try ParserLexicon.parse(text, file: file, complete: true)
  }

  /// Parses the sentence occupying the byte range `sentence` of `text`.
  ///
  /// - Parameters:
  ///   - text: the whole study text as UTF-8 bytes.
  ///   - sentence: the sentence's byte range in `text`.
  /// - Returns: tokens with spans into `text`, and the dependency edges between them.
  public func parse(_ text: UnsafeBufferPointer<UInt8>, sentence: Range<Int>) -> ParsedSentence {
    parse(text, tokens: tokens(text, sentence: sentence))
  }

  /// The token spans of the sentence occupying the byte range `sentence` of `text`, as ``parse(_:tokens:)`` takes
  /// them (the labeler counts them against the parser's limit before parsing).
  public func tokens(_ text: UnsafeBufferPointer<UInt8>, sentence: Range<Int>) -> [Range<Int>] {
    ParserTokenizer.tokenize(text, sentence: sentence)
  }

  /// Parses a sentence already tokenized by ``tokens(_:sentence:)``.
  ///
  /// - Parameters:
  ///   - text: the whole study text as UTF-8 bytes.
  ///   - spans: the sentence's token spans in `text`.
  /// - Returns: tokens with spans into `text`, and the dependency edges between them.
  public func parse(_ text: UnsafeBufferPointer<UInt8>, tokens spans: [Range<Int>]) -> ParsedSentence {
    guard let (builder, written) = builder(text, spans: spans) else { return ParsedSentence(tokens: [], edges: []) }
    var tokens = builder.tokens
    let edges = builder.build()
    for index in tokens.indices where written[index] != tokens[index].word { tokens[index].word = written[index] }
    return ParsedSentence(tokens: tokens, edges: edges)
  }

  /// The tagged, lemmatised tokens of a sentence, ready to attach, and the words as written; nil for no tokens.
  func builder(_ text: UnsafeBufferPointer<UInt8>, spans: [Range<Int>]) -> (DependencyBuilder, [String])? {
    if spans.isEmpty { return nil }
    let written = spans.map { String(decoding: UnsafeBufferPointer(rebasing: text[$0]), as: UTF8.self) }
    // NegBio parses text in its original case: tag, lemmatise and attach the lowercased words ("No" is the
    // determiner "no"), and give the tokens their written form back at the end.
    let words = written.map(Self.lowercased)
    let classes = words.map(lexicon.classMask)
    let tags = ParserTagger.tag(words, classes: classes, lexicon: lexicon)
    var tokens: [ParsedToken] = []
    tokens.reserveCapacity(words.count)
    for index in words.indices {
      let lemma = ParserLemmatizer.lemma(words[index], tag: tags[index], lexicon: lexicon)
      tokens.append(ParsedToken(word: words[index], lemma: lemma, tag: tags[index].rawValue, span: spans[index]))
    }
    return (DependencyBuilder(tokens: tokens, tags: tags, wordClasses: classes, lexicon: lexicon), written)
  }

  /// For tests and audits: the words of `sentence` (lowercased) and its tree edges with the rule that made each.
  func traceRules(_ sentence: String) -> (words: [String], edges: [(edge: ParsedEdge, rule: ConstructionRule)]) {
    var copy = Array(sentence.utf8)
    return copy.withUnsafeMutableBufferPointer { buffer in
      let text = UnsafeBufferPointer(buffer)
      guard let (builder, _) = builder(text, spans: tokens(text, sentence: 0..<buffer.count)) else { return ([], []) }
      return (builder.tokens.map(\.word), builder.buildTracingRules())
    }
  }

  /// `word` with ASCII capitals lowered (the same string when it has none, the CheXpert labeler's case).
  static func lowercased(_ word: String) -> String {
    guard word.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return word }
    return String(
      decoding: word.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  /// Checks a parser lexicon (the format of `Phrases/data/parser.lexicon`, documented in `Phrases/README.md`);
  /// throws `invalidModel` naming the file and line of the first problem.
  public static func validateLexicon(_ text: String, file: String) throws(CXRLabelError) {
    _ = try ParserLexicon.parse(text, file: file, complete: true)
  }

  /// Convenience for tests and tools: parses a whole string as one sentence (spans are offsets into `sentence`).
  public func parse(_ sentence: String) -> ParsedSentence {
    var copy = Array(sentence.utf8)
    return copy.withUnsafeMutableBufferPointer { buffer in
      parse(UnsafeBufferPointer(buffer), sentence: 0..<buffer.count)
    }
  }
}
