/// A sentence written together with its gold dependency graph: the edges CoreNLP 3.5.2's converter (early
/// Universal Dependencies, CC-processed; SPEC.md 2.6) gives for a correct constituency parse of it.
///
/// Templates build one by appending words and phrases and naming the edges between them, so the graph is never
/// parsed from the text: it is what the template says the sentence means.
struct GoldSentence: Sendable {
  struct Word: Sendable {
    var text: String
    var tag: String
    var lemma: String
  }

  var words: [Word] = []
  /// (head, relation, dependent), word indices.
  var edges: [(head: Int, relation: String, dependent: Int)] = []

  /// Appends a word and returns its index; the lemma defaults to the lexicon below, else the word itself.
  @discardableResult
  mutating func word(_ text: String, _ tag: String, lemma: String? = nil) -> Int {
    words.append(Word(text: text, tag: tag, lemma: lemma ?? GoldLemmas.lemma(text)))
    return words.count - 1
  }

  /// Adds the edge `head -relation-> dependent`.
  mutating func edge(_ head: Int, _ relation: String, _ dependent: Int) {
    edges.append((head, relation, dependent))
  }

  /// Appends a phrase written in the template notation (see ``Phrase``) and returns its head.
  @discardableResult
  mutating func phrase(_ phrase: Phrase) -> Int {
    let base = words.count
    for token in phrase.tokens { word(token.text, token.tag, lemma: token.lemma) }
    for (offset, token) in phrase.tokens.enumerated() {
      guard let relation = token.relation else { continue }
      edge(base + (token.governor ?? phrase.head), relation, base + offset)
    }
    return base + phrase.head
  }

  /// Appends the phrase in `notation`, or nothing for an empty one ("no adverb here").
  mutating func optionalPhrase(_ notation: String) -> Int? {
    notation.isEmpty ? nil : phrase(Phrase(notation))
  }

  /// Makes `head` a clause's predicate: `subjects` its subjects, `verb` its copula or auxiliary, `adverb` its
  /// `advmod`.
  mutating func predicate(
    _ head: Int, subjects: [Int], subjectRelation: String = "nsubj", verb: Int, verbRelation: String = "cop",
    adverb: Int?
  ) {
    for subject in subjects { edge(head, subjectRelation, subject) }
    edge(head, verbRelation, verb)
    if let adverb { edge(head, "advmod", adverb) }
  }

  /// Appends punctuation attached to `governor`, unless punctuation is switched off.
  mutating func punctuation(_ mark: String, to governor: Int, when present: Bool = true) {
    guard present else { return }
    edge(governor, "punct", word(mark, mark == "." ? "." : mark == ";" ? ":" : ","))
  }

  /// Words joined as text: a space between words, none before punctuation.
  var text: String {
    var result = ""
    for word in words {
      if !result.isEmpty, ![",", ".", ";", ":"].contains(word.text) { result += " " }
      result += word.text
    }
    return result
  }

  /// Coordinates `first` with `rest` under `coordinator` ("and", "or"), as CC-processing writes it: `cc` and
  /// `conj:<coordinator>` edges from the first conjunct, and every edge that names the first conjunct as
  /// dependent copied to the others by ``propagateConjuncts()``.
  mutating func coordinate(_ first: Int, _ rest: [Int], coordinator: Int) {
    edge(first, "cc", coordinator)
    for other in rest { edge(first, "conj:" + words[coordinator].text, other) }
  }

  /// Copies each governor's relation to a first conjunct onto the later conjuncts (CoreNLP's CC-processing), for
  /// the edges added so far.
  mutating func propagateConjuncts() {
    let conjuncts = edges.filter { $0.relation.hasPrefix("conj:") }
    for link in conjuncts {
      for edge in edges
      where edge.dependent == link.head && !edge.relation.hasPrefix("conj") && edge.relation != "cc"
        && edge.relation != "punct"
      {
        if !edges.contains(where: { $0.head == edge.head && $0.dependent == link.dependent }) {
          edges.append((edge.head, edge.relation, link.dependent))
        }
      }
    }
  }
}

/// A phrase in the template notation: space-separated `word/TAG`, `word/TAG/relation` or `word/TAG/relation@k`
/// (attached to the phrase's k-th word instead of its head), with an optional `=lemma` at the end of a token.
/// The one token without a relation is the head: "the/DT/det left/JJ/amod pleural/JJ/amod effusion/NN".
struct Phrase: CustomStringConvertible {
  struct Token {
    var text: String
    var tag: String
    var lemma: String?
    var relation: String?
    var governor: Int?
  }

  var tokens: [Token]
  var head: Int
  var description: String { tokens.map(\.text).joined(separator: " ") }

  init(_ notation: String) {
    tokens = []
    head = 0
    for (offset, field) in notation.split(separator: " ").enumerated() {
      var body = Substring(field)
      var lemma: String?
      if let equals = body.firstIndex(of: "=") {
        lemma = String(body[body.index(after: equals)...])
        body = body[..<equals]
      }
      let parts = body.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
      var relation: String? = parts.count > 2 ? parts[2] : nil
      var governor: Int?
      if let rel = relation, let at = rel.firstIndex(of: "@") {
        governor = Int(rel[rel.index(after: at)...])
        relation = String(rel[..<at])
      }
      tokens.append(Token(text: parts[0], tag: parts[1], lemma: lemma, relation: relation, governor: governor))
      if relation == nil { head = offset }
    }
  }
}

/// Lemmas of the inflected words the templates use (everything else is its own lemma).
enum GoldLemmas {
  static let table: [String: String] = [
    "is": "be", "are": "be", "was": "be", "were": "be", "has": "have", "have": "have", "resolved": "resolve",
    "seen": "see", "noted": "note", "identified": "identify", "visualized": "visualize", "demonstrated": "demonstrate",
    "detected": "detect", "suspected": "suspect", "questioned": "question", "excluded": "exclude", "limits": "limit",
    "contours": "contour", "views": "view", "effusions": "effusion", "opacities": "opacity",
    "demonstrate": "demonstrate",
    "demonstrates": "demonstrate", "shows": "show", "show": "show", "lungs": "lung", "radiographs": "radiograph",
    "images": "image", "differences": "difference", "factors": "factor", "allowing": "allow", "compared": "compare",
    "appear": "appear", "appears": "appear", "nodules": "nodule", "markings": "marking", "fractures": "fracture",
    "pneumothoraces": "pneumothorax", "resolving": "resolve", "improved": "improve", "cleared": "clear",
  ]

  static func lemma(_ word: String) -> String { table[word] ?? word }
}
