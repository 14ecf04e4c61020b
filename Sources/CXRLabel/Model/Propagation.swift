extension DependencyGraph {
  /// Adds the edges NegBio's propagator adds before matching (SPEC 3.2), so that negation and other modifiers
  /// reach the words they logically apply to ("no evidence of X" gives X a `neg` child; "no X or Y" gives Y the
  /// `neg` and `amod` children of X).
  ///
  /// Up to two rounds. Each round computes candidate edges from the graph as it is at the start of the round,
  /// then adds each candidate whose (head, dependent) pair has no edge yet, so the first candidate for a pair
  /// wins. It stops early when a round adds nothing. Returns the number of edges added.
  @discardableResult
  public mutating func propagate() -> Int {
    var added = 0
    for _ in 0..<2 {
      let candidates = propagationCandidates()
      var addedThisRound = 0
      for candidate in candidates
      where addIfAbsent(head: candidate.head, dependent: candidate.dependent, relation: candidate.relation) {
        addedThisRound += 1
      }
      added += addedThisRound
      if addedThisRound == 0 { break }
    }
    return added
  }

  /// The candidate edges of one round, in the order the original generates them: the "hypoinflated but clear
  /// of" rule for every node first, then the edge rules for every edge (heads in token order, each head's edges
  /// in insertion order).
  func propagationCandidates() -> [Edge] {
    var candidates: [Edge] = []
    func add(_ head: Int, _ dependent: Int, _ relation: String) {
      candidates.append(Edge(head: head, dependent: dependent, relation: relation))
    }
    func isNoun(_ node: Int) -> Bool { tokens[node].tag.utf8.first == UInt8(ascii: "N") }

    // 7. "hypoinflated but clear of X": clear -nmod:of-> X, for the first `clear` conj:but child only.
    for node in tokens.indices where tokens[node].lemma == "hypoinflated" {
      for edge in outgoingEdges(of: node) {
        let child = edges[edge].dependent
        guard tokens[child].lemma == "clear", edges[edge].relation == "conj:but" else { continue }
        for ofEdge in outgoingEdges(of: node) where edges[ofEdge].relation == "nmod:of" {
          add(child, edges[ofEdge].dependent, "nmod:of")
        }
        break
      }
    }

    for parent in tokens.indices {
      for edge in outgoingEdges(of: parent) {
        let child = edges[edge].dependent
        let relation = edges[edge].relation
        // 1. appos: grandparents adopt the apposition; the apposition inherits the head's negation.
        if relation == "appos" {
          for up in incomingEdges(of: parent) { add(edges[up].head, child, edges[up].relation) }
          for down in outgoingEdges(of: parent) where edges[down].relation == "neg" {
            add(child, edges[down].dependent, "neg")
          }
        }
        // 2. dep between nouns: the head inherits the dependent's negation.
        if relation == "dep" && isNoun(parent) && isNoun(child) {
          for down in outgoingEdges(of: child) where edges[down].relation == "neg" {
            add(parent, edges[down].dependent, "neg")
          }
        }
        // 3. conjunction of nouns: the conjunct inherits aux/cop/neg/amod, a `no` dep/compound, a `without` case.
        if relation.utf8.starts(with: "conj".utf8) && isNoun(parent) && isNoun(child) {
          for down in outgoingEdges(of: parent) {
            let label = edges[down].relation
            let grandchild = edges[down].dependent
            if label == "aux" || label == "cop" || label == "neg" || label == "amod" {
              add(child, grandchild, label)
            }
            if (label == "dep" || label == "compound") && tokens[grandchild].lemma == "no" {
              add(child, grandchild, label)
            }
            if label == "case" && tokens[grandchild].lemma == "without" { add(child, grandchild, label) }
          }
        }
        if relation == "nmod:of" {
          let lemma = tokens[parent].lemma
          // 4. "area/amount of X", and "combination of X": X takes the place of the head.
          if lemma == "area" || lemma == "amount" {
            for up in incomingEdges(of: parent) { add(edges[up].head, child, edges[up].relation) }
          }
          if lemma == "combination" {
            for up in incomingEdges(of: parent) { add(edges[up].head, child, edges[up].relation) }
          }
          // 5. "no Y of X": X inherits Y's negation. (The original's companion clause for `case without`
          // compares a whole node to a string and so never fires.)
          for down in outgoingEdges(of: parent) where edges[down].relation == "neg" {
            add(child, edges[down].dependent, "neg")
          }
        }
        // 6. "no X and Y" parsed as compounds: every noun compound of the head gets the negation.
        if relation == "neg" && hasChild(of: parent, withLemmaIn: ["or", "and"]) {
          for down in outgoingEdges(of: parent) where edges[down].relation == "compound" {
            let compound = edges[down].dependent
            if isNoun(compound) { add(compound, child, "neg") }
          }
        }
      }
    }
    return candidates
  }

  /// Whether `node` has a child whose lemma is one of `lemmas`.
  func hasChild(of node: Int, withLemmaIn lemmas: [String]) -> Bool {
    outgoingEdges(of: node).contains { lemmas.contains(tokens[edges[$0].dependent].lemma) }
  }
}
