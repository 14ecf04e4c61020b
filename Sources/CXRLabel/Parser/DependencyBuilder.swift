/// Builds the dependency graph of one tagged sentence: chunks, coordination, clauses, then CoreNLP-style
/// propagation of a governor's relation from the first conjunct to the later ones.
struct DependencyBuilder {
  let tokens: [ParsedToken]
  /// The word sets the attachment heuristics consult.
  let lexicon: ParserLexicon
  /// Head of each token in the basic tree (-1: none yet).
  var head: [Int]
  /// Relation of each token to its head.
  var relation: [String]
  /// Conjunct lists: first conjunct → later conjuncts.
  var conjuncts: [(first: Int, rest: [Int])] = []
  /// Enhanced edges beyond the basic tree (a conjunct shared by nested coordinations).
  var extraEdges: [ParsedEdge] = []

  init(tokens: [ParsedToken], lexicon: ParserLexicon = .shared) {
    self.tokens = tokens
    self.lexicon = lexicon
    head = Array(repeating: -1, count: tokens.count)
    relation = Array(repeating: "", count: tokens.count)
  }

  @inline(__always) func tag(_ index: Int) -> String { tokens[index].tag }
  @inline(__always) func word(_ index: Int) -> String { tokens[index].word }
  @inline(__always) func lemma(_ index: Int) -> String { tokens[index].lemma }

  /// Attaches `dependent` under `governor` unless it already has a head or would attach to itself.
  mutating func attach(_ dependent: Int, to governor: Int, _ label: String) {
    guard dependent != governor, dependent >= 0, governor >= 0, head[dependent] < 0 else { return }
    // Refuse cycles.
    var probe = governor
    var steps = 0
    while probe >= 0, steps < tokens.count {
      if probe == dependent { return }
      probe = head[probe]
      steps += 1
    }
    head[dependent] = governor
    relation[dependent] = label
  }

  func build() -> [ParsedEdge] {
    var builder = self
    builder.run()
    return builder.edges()
  }

  mutating func run() {
    let units = chunk()
    var clauses: [Clause]
    if let comma = introductoryPhraseEnd(units) {
      // The introductory phrase and the rest are coordinated and split apart, so a list after the comma is never
      // taken for a continuation of the phrase ("on the frontal view, no pneumothorax or effusion").
      clauses = [Clause(units: coordinate(Array(units[...comma])), coordinator: nil, introductory: true)]
      clauses += splitClauses(coordinate(Array(units[(comma + 1)...])))
    } else {
      clauses = splitClauses(coordinate(units))
    }
    // One root per clause (nil for a clause with nothing to analyse), so roots stay aligned with clauses.
    var roots: [Int?] = []
    for clause in clauses { roots.append(analyseClause(clause.units)) }
    // Link clause roots: an introductory phrase under the main clause's root, complements under their verb,
    // coordinated clauses as conj, others as parataxis under the first root.
    let main = clauses.indices.first { !clauses[$0].introductory && roots[$0] != nil }
    guard let first = main.flatMap({ roots[$0] }) ?? roots.compactMap({ $0 }).first else { return }
    for (position, clause) in clauses.enumerated() {
      guard let root = roots[position], root != first else { continue }
      if clause.introductory {
        let opening = clause.units.first { $0.kind != .punctuation }
        let relation = opening?.kind == .preposition ? "nmod:" + lemma(opening!.head) : "advcl"
        attach(root, to: first, relation)
      } else if let complement = clause.complement {
        attach(complement.mark, to: root, "mark")
        attach(root, to: complement.governor, "ccomp")
      } else if let cc = clause.coordinator {
        attach(cc, to: first, "cc")
        attach(root, to: first, "conj:" + conjunctionName(cc))
        // Coordinated predicates share the first one's subject when they have none ("the silhouette is not
        // identified and not fully evaluated"), as in CoreNLP's CC-processed output.
        conjuncts.append((first: first, rest: [root]))
      } else {
        attach(root, to: first, "parataxis")
      }
    }
    for index in tokens.indices where head[index] < 0 && index != first {
      attach(index, to: first, tag(index).first.map { "(,.:-`'".contains($0) } == true ? "punct" : "dep")
    }
  }

  func conjunctionName(_ index: Int) -> String {
    switch word(index) {
    case "vs", "vs.": return "versus"
    default: return lemma(index)
    }
  }

  /// The final edge list: tree edges plus copies of a governor's relation to later conjuncts.
  func edges() -> [ParsedEdge] {
    var result: [ParsedEdge] = []
    var seen = Set<Int>()
    let count = tokens.count
    for index in tokens.indices where head[index] >= 0 {
      result.append(ParsedEdge(head: head[index], dependent: index, relation: relation[index]))
      seen.insert(head[index] * count + index)
    }
    for edge in extraEdges where seen.insert(edge.head * count + edge.dependent).inserted {
      result.append(edge)
    }
    for group in conjuncts {
      let governor = head[group.first]
      guard governor >= 0 else { continue }
      let label = relation[group.first]
      if label.hasPrefix("conj") || label == "cc" || label == "punct" || label == "parataxis" { continue }
      for other in group.rest where other != governor && seen.insert(governor * count + other).inserted {
        result.append(ParsedEdge(head: governor, dependent: other, relation: label))
      }
    }
    // Shared subjects of coordinated predicates ("heart is normal and lungs clear").
    for group in conjuncts {
      guard let subject = tokens.indices.first(where: { head[$0] == group.first && relation[$0].hasPrefix("nsubj") })
      else { continue }
      for other in group.rest where !tokens.indices.contains(where: { head[$0] == other && relation[$0].hasPrefix("nsubj") }) {
        if !tag(other).hasPrefix("N"), seen.insert(other * count + subject).inserted {
          result.append(ParsedEdge(head: other, dependent: subject, relation: relation[subject]))
        }
      }
    }
    // Controlled subjects: "structures appear to be unremarkable" gives `unremarkable -nsubj-> structures`.
    // (A small clause's predicate has a subject of its own: "views demonstrate the heart to be normal".)
    for index in tokens.indices where relation[index] == "xcomp" && head[index] >= 0 {
      guard tokens.indices.contains(where: { head[$0] == index && relation[$0] == "mark" && tag($0) == "TO" }),
        !tokens.indices.contains(where: { head[$0] == index && relation[$0].hasPrefix("nsubj") })
      else { continue }
      let subjects = result.filter { $0.head == head[index] && $0.relation.hasPrefix("nsubj") }.map(\.dependent)
      for subject in subjects where seen.insert(index * count + subject).inserted {
        result.append(ParsedEdge(head: index, dependent: subject, relation: "nsubj"))
      }
    }
    return result
  }
}
