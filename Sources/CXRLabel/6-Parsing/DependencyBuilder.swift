/// Builds the dependency graph of one tagged sentence: chunks, coordination, clauses, then CoreNLP-style
/// propagation of a governor's relation from the first conjunct to the later ones.
struct DependencyBuilder {
  let tokens: [ParsedToken]
  /// Each token's tag.
  let tags: [PennTag]
  /// Each token's word classes, and its lemma's, as bits of ``WordClass/rawValue`` (looked up once per token).
  let wordClasses: [WordClassMask]
  let lemmaClasses: [WordClassMask]
  /// The word sets the attachment heuristics consult.
  let lexicon: ParserLexicon
  /// Head of each token in the basic tree (-1: none yet).
  var head: [Int]
  /// Relation of each token to its head (nil: none yet).
  var relation: [Relation?]
  /// The rule that attached each token (nil: none yet).
  var attachedBy: [ConstructionRule?]
  /// Conjunct lists: first conjunct → later conjuncts.
  var conjuncts: [(first: Int, rest: [Int])] = []
  /// Enhanced edges beyond the basic tree (a conjunct shared by nested coordinations).
  var extraEdges: [(head: Int, dependent: Int, relation: Relation)] = []

  init(tokens: [ParsedToken], tags: [PennTag], wordClasses: [WordClassMask]? = nil, lexicon: ParserLexicon = .shared) {
    self.tokens = tokens
    self.tags = tags
    self.lexicon = lexicon
    let wordClasses = wordClasses ?? tokens.map { lexicon.classMask($0.word) }
    self.wordClasses = wordClasses
    lemmaClasses = tokens.indices.map {
      tokens[$0].lemma == tokens[$0].word ? wordClasses[$0] : lexicon.classMask(tokens[$0].lemma)
    }
    head = Array(repeating: -1, count: tokens.count)
    relation = Array(repeating: nil, count: tokens.count)
    attachedBy = Array(repeating: nil, count: tokens.count)
  }

  @inline(__always) func tag(_ index: Int) -> PennTag { tags[index] }
  /// Whether token `index`'s word belongs to `wordClass`.
  @inline(__always) func wordIs(_ index: Int, _ wordClass: WordClass) -> Bool {
    wordClasses[index].contains(wordClass)
  }
  /// Whether token `index`'s lemma belongs to `wordClass`.
  @inline(__always) func lemmaIs(_ index: Int, _ wordClass: WordClass) -> Bool {
    lemmaClasses[index].contains(wordClass)
  }
  @inline(__always) func word(_ index: Int) -> String { tokens[index].word }
  @inline(__always) func lemma(_ index: Int) -> String { tokens[index].lemma }

  /// Attaches `dependent` under `governor` as `rule` says, unless that would attach it to itself or make a cycle.
  /// A word attached already keeps its head unless `rule` comes before the rule that attached it in
  /// ``ConstructionRule``'s declared order: precedence is the table's, not the order the rules run in.
  mutating func attach(_ dependent: Int, to governor: Int, _ label: Relation, by rule: ConstructionRule) {
    guard dependent != governor, dependent >= 0, governor >= 0 else { return }
    if head[dependent] >= 0, let earlier = attachedBy[dependent], earlier.rawValue <= rule.rawValue { return }
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
    attachedBy[dependent] = rule
  }

  func build() -> [ParsedEdge] {
    var builder = self
    builder.run()
    return builder.edges()
  }

  /// The tree edges with the construction rule that made each one (for tests and audits; CC-processing's copies
  /// are left out).
  func buildTracingRules() -> [(edge: ParsedEdge, rule: ConstructionRule)] {
    var builder = self
    builder.run()
    return builder.tokens.indices.compactMap { index in
      guard builder.head[index] >= 0, let relation = builder.relation[index], let rule = builder.attachedBy[index]
      else { return nil }
      return (ParsedEdge(head: builder.head[index], dependent: index, relation: relation.description), rule)
    }
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
        let relation: Relation = opening.map { $0.kind == .preposition ? .nmod(lemma($0.head)) : .advcl } ?? .advcl
        attach(root, to: first, relation, by: .introductoryPhrase)
      } else if let mark = clause.absolute {
        attach(mark, to: root, .mark, by: .absoluteClause)
        attach(root, to: first, .advcl, by: .absoluteClause)
      } else if let complement = clause.complement {
        attach(complement.mark, to: root, .mark, by: .complementClause)
        attach(root, to: complement.governor, .ccomp, by: .complementClause)
      } else if let cc = clause.coordinator {
        attach(cc, to: first, .cc, by: .coordinatedClauses)
        attach(root, to: first, .conj(conjunctionName(cc)), by: .coordinatedClauses)
        // Coordinated predicates share the first one's subject when they have none ("the silhouette is not
        // identified and not fully evaluated"), as in CoreNLP's CC-processed output.
        conjuncts.append((first: first, rest: [root]))
      } else {
        attach(root, to: first, .parataxis, by: .parataxis)
      }
    }
    for index in tokens.indices where head[index] < 0 && index != first {
      attach(index, to: first, tag(index).isPunctuation ? .punct : .dep, by: .unattached)
    }
  }

  func conjunctionName(_ index: Int) -> String {
    wordIs(index, .versusCoordinators) ? "versus" : lemma(index)
  }

  /// The final edge list: tree edges plus copies of a governor's relation to later conjuncts.
  func edges() -> [ParsedEdge] {
    var result: [(head: Int, dependent: Int, relation: Relation)] = []
    var seen = Set<Int>()
    let count = tokens.count
    for index in tokens.indices where head[index] >= 0 {
      guard let label = relation[index] else { continue }
      result.append((head[index], index, label))
      seen.insert(head[index] * count + index)
    }
    for edge in extraEdges where seen.insert(edge.head * count + edge.dependent).inserted {
      result.append(edge)
    }
    for group in conjuncts {
      let governor = head[group.first]
      guard governor >= 0, let label = relation[group.first] else { continue }
      if label.isConjunct || label == .cc || label == .punct || label == .parataxis { continue }
      for other in group.rest where other != governor && seen.insert(governor * count + other).inserted {
        result.append((governor, other, label))
      }
    }
    // Shared subjects of coordinated predicates ("heart is normal and lungs clear").
    func hasSubject(_ node: Int) -> Bool {
      tokens.indices.contains { head[$0] == node && relation[$0]?.isSubject == true }
    }
    for group in conjuncts {
      guard let subject = tokens.indices.first(where: { head[$0] == group.first && relation[$0]?.isSubject == true }),
        let label = relation[subject]
      else { continue }
      for other in group.rest where !hasSubject(other) {
        if !tag(other).isNoun, seen.insert(other * count + subject).inserted {
          result.append((other, subject, label))
        }
      }
    }
    // Controlled subjects: "structures appear to be unremarkable" gives `unremarkable -nsubj-> structures`.
    // (A small clause's predicate has a subject of its own: "views demonstrate the heart to be normal".)
    for index in tokens.indices where relation[index] == .xcomp && head[index] >= 0 {
      guard tokens.indices.contains(where: { head[$0] == index && relation[$0] == .mark && tag($0) == .TO }),
        !hasSubject(index)
      else { continue }
      let subjects = result.filter { $0.head == head[index] && $0.relation.isSubject }.map(\.dependent)
      for subject in subjects where seen.insert(index * count + subject).inserted {
        result.append((index, subject, .nsubj))
      }
    }
    return result.map { ParsedEdge(head: $0.head, dependent: $0.dependent, relation: $0.relation.description) }
  }
}
