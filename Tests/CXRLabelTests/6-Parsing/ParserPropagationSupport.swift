@testable import CXRLabel

/// NegBio's propagation (SPEC 3.2) over a ``ParsedSentence``, for comparing with the propagated reference graphs.
enum ParserPropagation {
  static func propagate(_ sentence: ParsedSentence) -> ParsedSentence {
    var edges = sentence.edges
    var pairs = Set(edges.map { [$0.head, $0.dependent] })
    let tokens = sentence.tokens
    func isNoun(_ index: Int) -> Bool { tokens[index].tag.hasPrefix("N") }
    for _ in 0..<2 {
      var candidates: [ParsedEdge] = []
      func children(_ node: Int) -> [ParsedEdge] { edges.filter { $0.head == node } }
      func parents(_ node: Int) -> [ParsedEdge] { edges.filter { $0.dependent == node } }
      for edge in edges {
        let p = edge.head, c = edge.dependent, r = edge.relation
        if r == "appos" {
          for g in parents(p) { candidates.append(ParsedEdge(head: g.head, dependent: c, relation: g.relation)) }
          for n in children(p) where n.relation == "neg" {
            candidates.append(ParsedEdge(head: c, dependent: n.dependent, relation: "neg"))
          }
        }
        if r == "dep", isNoun(p), isNoun(c) {
          for n in children(c) where n.relation == "neg" {
            candidates.append(ParsedEdge(head: p, dependent: n.dependent, relation: "neg"))
          }
        }
        if r.hasPrefix("conj"), isNoun(p), isNoun(c) {
          for k in children(p) {
            let lemma = tokens[k.dependent].lemma
            if ["aux", "cop", "neg", "amod"].contains(k.relation)
              || ((k.relation == "dep" || k.relation == "compound") && lemma == "no")
              || (k.relation == "case" && lemma == "without")
            {
              candidates.append(ParsedEdge(head: c, dependent: k.dependent, relation: k.relation))
            }
          }
        }
        if r == "nmod:of", ["area", "amount", "combination"].contains(tokens[p].lemma) {
          for g in parents(p) { candidates.append(ParsedEdge(head: g.head, dependent: c, relation: g.relation)) }
        }
        if r == "nmod:of" {
          for n in children(p) where n.relation == "neg" {
            candidates.append(ParsedEdge(head: c, dependent: n.dependent, relation: "neg"))
          }
        }
        if r == "neg", children(p).contains(where: { ["or", "and"].contains(tokens[$0.dependent].lemma) }) {
          for k in children(p) where k.relation == "compound" && isNoun(k.dependent) {
            candidates.append(ParsedEdge(head: k.dependent, dependent: c, relation: "neg"))
          }
        }
      }
      var added = false
      for candidate in candidates where candidate.head != candidate.dependent {
        if pairs.insert([candidate.head, candidate.dependent]).inserted {
          edges.append(candidate)
          added = true
        }
      }
      if !added { break }
    }
    return ParsedSentence(tokens: tokens, edges: edges)
  }
}
