/// Coordination, clause splitting and clause-level attachment (subjects, copulas, objects, prepositional phrases).
extension DependencyBuilder {
  struct Clause {
    var units: [ParseUnit]
    /// The coordinating conjunction joining this clause to the first one, if any.
    var coordinator: Int?
    /// For a complement clause ("note that X may not be seen"): the complementizer and the verb it completes.
    var complement: (mark: Int, governor: Int)? = nil
    /// For an absolute clause ("..., with a small effusion present"): the preposition that opens it.
    var absolute: Int? = nil
    /// An introductory phrase before the main clause ("compared with the prior study, ..."): its root modifies
    /// the main clause's root.
    var introductory = false
  }

  /// The position of the comma that closes an introductory phrase — a prepositional phrase or a bare participle
  /// ("on the frontal view,", "compared with the prior study,", "allowing for technical factors,") — when a
  /// statement follows it: a clause with a finite verb, a noun phrase opened by a determiner ("no pneumothorax",
  /// "the heart ..."), or after a participle any noun phrase. A list after "without X," is not a statement, so it
  /// stays with its phrase.
  func introductoryPhraseEnd(_ units: [ParseUnit]) -> Int? {
    guard let opening = units.firstIndex(where: { $0.kind != .punctuation }) else { return nil }
    let unit = units[opening]
    let bareParticiple = unit.kind == .verb && unit.end - unit.start == 1 && [.VBN, .VBG].contains(tag(unit.head))
    guard unit.kind == .preposition || bareParticiple,
      let comma = units[opening...].firstIndex(where: { $0.kind == .punctuation }),
      isComma(units[comma]), comma > opening + 1, comma + 1 < units.count,
      !units[opening..<comma].contains(where: { isFinite($0) || $0.kind == .coordinator })
    else { return nil }
    let next = units[comma + 1]
    // A participial phrase never continues as a list, so any noun phrase after its comma is the statement; so is a
    // verbless statement after any introductory phrase ("on the frontal view, heart and mediastinum normal").
    if next.kind == .noun,
      tag(next.start) == .DT || bareParticiple || endsWithVerblessPredicate(units[(comma + 1)...])
        || explainedByAlternatives(units, comma + 1)
    {
      return comma
    }
    var probe = comma + 1
    while probe < units.count, !(units[probe].kind == .punctuation && word(units[probe].head) == ";") {
      if isFinite(units[probe]) { return comma }
      probe += 1
    }
    return nil
  }

  func isComma(_ unit: ParseUnit) -> Bool { unit.kind == .punctuation && word(unit.head) == "," }

  /// Whether a clause opens with an imperative ("recommend followup ...", "please see ..."): a base-form verb,
  /// finite in mood though not in form, after at most an adverb or interjection.
  func opensWithImperative(_ units: [ParseUnit]) -> Bool {
    guard let first = units.first(where: { $0.kind != .adverb && $0.kind != .other }) else { return false }
    return first.kind == .verb && tag(first.start) == .VB
  }

  /// Whether a verb group contains a finite form (a modal, or a present or past tense verb).
  func isFinite(_ unit: ParseUnit) -> Bool {
    unit.kind == .verb && (unit.start..<unit.end).contains { [.MD, .VBZ, .VBP, .VBD].contains(tag($0)) }
  }

  /// Merges coordinated noun phrases and adjective phrases ("X, Y, or Z", "X versus Y or Z", "X or possibly Y")
  /// into one unit headed by the first conjunct. Each later conjunct is labelled by the coordinator before it
  /// (members listed before the first coordinator take that coordinator's name).
  mutating func coordinate(_ units: [ParseUnit]) -> [ParseUnit] {
    var result: [ParseUnit] = []
    var index = 0
    var clauseHasVerb = false
    while index < units.count {
      let unit = units[index]
      if unit.kind == .verb { clauseHasVerb = true }
      if unit.kind == .punctuation, word(unit.head) == ";" { clauseHasVerb = false }
      // "... pleural effusion the heart and mediastinum are normal": a noun phrase opened by a determiner right
      // after another one starts a new statement (its period left out), so its list may take the verb after it.
      // So does one that starts a juxtaposed phrase ("... or pneumothorax | heart size and contour are normal").
      if unit.kind == .noun, index > 0, units[index - 1].kind == .noun || units[index - 1].kind == .adjective,
        tag(unit.start) == .DT || startsJuxtaposedPhrase(unit.start)
      {
        clauseHasVerb = false
      }
      // "A in X versus B in Y": parallel prepositional phrases coordinate A with B, not X with B.
      if unit.kind == .noun, index + 5 < units.count, units[index + 1].kind == .preposition,
        units[index + 2].kind == .noun, units[index + 3].kind == .coordinator, units[index + 4].kind == .noun,
        units[index + 5].kind == .preposition, word(units[index + 5].head) == word(units[index + 1].head)
      {
        let coordinator = units[index + 3].head
        attach(coordinator, to: unit.head, .cc, by: .parallelPrepositionalPhrases)
        attach(
          units[index + 4].head, to: unit.head, .conj(conjunctionName(coordinator)), by: .parallelPrepositionalPhrases)
        conjuncts.append((first: unit.head, rest: [units[index + 4].head]))
        result.append(contentsOf: units[index...(index + 4)])
        index += 5
        continue
      }
      // "left basilar opacity, atelectasis versus infiltrate": "versus" weighs two alternatives, so the noun before
      // the comma is what they explain (an apposition follows), not a third alternative.
      // (The comma may be left out: "basilar opacity atelectasis versus infiltrate".)
      let apposed = index + 3 < units.count && isComma(units[index + 1]) ? index + 2 : index + 1
      if unit.kind == .noun, apposed + 1 < units.count, units[apposed].kind == .noun,
        apposed == index + 2 || startsJuxtaposedPhrase(units[apposed].start),
        units[apposed + 1].kind == .coordinator, wordIs(units[apposed + 1].head, .versusCoordinators)
      {
        result.append(unit)
        index += 1
        continue
      }
      if explainedByAlternatives(units, index) {
        result.append(unit)
        index += 1
        continue
      }
      if unit.kind == .noun || unit.kind == .adjective {
        func member(_ position: Int) -> Bool {
          position < units.count && units[position].kind == unit.kind && !tag(units[position].start).isAdverb
        }
        // (member unit, coordinator or -1 while still before one, adverb between coordinator and member)
        var members: [(unit: ParseUnit, coordinator: Int, adverb: Int, end: Int, comma: Int, juxtaposed: Bool)] = []
        var commas: [Int] = []
        var coordinators: [Int] = []
        var next = index + 1
        var pendingCommas: [Int] = []
        while next < units.count {
          var position = next
          var comma = -1
          if isComma(units[position]) {
            comma = units[position].head
            position += 1
          }
          var coordinator = -1
          if position < units.count, units[position].kind == .coordinator {
            coordinator = units[position].head
            position += 1
          }
          // A juxtaposed noun phrase (see `startsJuxtaposedPhrase`) is a list item whose comma was left out.
          let juxtaposed =
            position < units.count && units[position].kind == .noun
            && startsJuxtaposedPhrase(units[position].start)
          if comma < 0, coordinator < 0, !juxtaposed { break }
          var adverb = -1
          if coordinator >= 0, position + 1 < units.count, units[position].kind == .adverb, member(position + 1) {
            adverb = units[position].head
            position += 1
          }
          // "are atelectatic or scar": alternatives may mix a predicate adjective (right after its verb) and a noun.
          // ("are xxxx atelectatic or scar": a one-word noun may stand between them, as in `npmodAdjective`.)
          let afterVerb =
            index > 0 && units[index - 1].kind == .verb
            || index > 1 && units[index - 2].kind == .verb && npmodAdjective(units, index - 1) == index
          let alternative =
            coordinator >= 0 && wordIs(coordinator, .alternativeCoordinators) && unit.kind == .adjective && afterVerb
            && position < units.count && units[position].kind == .noun
          guard member(position) || alternative else { break }
          // "disease, either atelectasis or infiltrate": a correlative "either" opens a coordination of its own, an
          // apposition to the phrase before the comma rather than another item of its list.
          if comma >= 0, coordinator < 0, wordIs(units[position].start, .correlatives) { break }
          // A member followed by a finite verb starts a new clause once the list or the clause is under way.
          if position + 1 < units.count, isFinite(units[position + 1]), clauseHasVerb || !coordinators.isEmpty { break }
          if comma >= 0 { pendingCommas.append(comma) }
          if coordinator >= 0 { coordinators.append(coordinator) }
          members.append((units[position], coordinator, adverb, position + 1, comma, comma < 0 && coordinator < 0))
          next = position + 1
          if coordinator >= 0 {
            commas.append(contentsOf: pendingCommas)
            pendingCommas = []
          }
        }
        // Comma-only members after the last coordinator are appositives, not list members.
        while let last = members.last, last.coordinator < 0 { members.removeLast() }
        next = members.last?.end ?? index + 1
        var blocked = clauseHasVerb && next < units.count && isFinite(units[next])
        // "no acute findings | small hernia | cardiac and mediastinal contours are normal": a list opened by "no"
        // is the subject of a verb only to report an absence ("no consolidation pleural effusion or pneumothorax is
        // seen"); before any other verb, an item without its comma starts the next statement instead.
        if next < units.count, isFinite(units[next]), lemmaIs(unit.start, .negationDeterminers),
          members.contains(where: \.juxtaposed),
          !wordIs(units[next].head, .reportingParticiples)
        {
          blocked = true
        }
        if !members.isEmpty, !blocked {
          let first = unit.head
          let outer: Relation = coordinators.first.map { .conj(conjunctionName($0)) } ?? .conj(nil)
          var rest: [Int] = []
          for (position, item) in members.enumerated() {
            let name: Relation = item.coordinator >= 0 ? .conj(conjunctionName(item.coordinator)) : outer
            if item.coordinator >= 0, name != outer, position > 0, item.comma < 0 {
              // "X and Y or Z", "X versus Y or Z": a different later coordinator joins its member to the one before,
              // and the member also counts as a conjunct of the first (as CCprocessed output shows).
              let previous = members[position - 1].unit.head
              attach(item.coordinator, to: previous, .cc, by: .coordinatedList)
              attach(item.unit.head, to: previous, name, by: .coordinatedList)
              extraEdges.append((head: first, dependent: item.unit.head, relation: outer))
            } else {
              if item.coordinator >= 0 { attach(item.coordinator, to: first, .cc, by: .coordinatedList) }
              attach(item.unit.head, to: first, name, by: .coordinatedList)
            }
            if item.adverb >= 0 { attach(item.adverb, to: item.unit.head, .advmod, by: .coordinatedList) }
            rest.append(item.unit.head)
          }
          for comma in commas { attach(comma, to: first, .punct, by: .coordinatedList) }
          conjuncts.append((first: first, rest: rest))
          let last = members[members.count - 1].unit
          result.append(
            ParseUnit(
              kind: unit.kind, start: unit.start, end: last.end, head: first,
              lastConjunct: last.head))
          index = next
          continue
        }
      }
      result.append(unit)
      index += 1
    }
    return result
  }

  /// "left basilar opacity, (likely) scar or atelectasis": a finding that the words after it explain
  /// (`[explained-findings]`), then a comma and two alternatives joined by "or" that end the phrase. The
  /// alternatives are an apposition that explains the finding (its cause is hedged, the finding is not), not
  /// further items of a list with it. A list opened by "no" stays a list.
  func explainedByAlternatives(_ units: [ParseUnit], _ index: Int) -> Bool {
    guard explainsFinding(units, index), index + 1 < units.count else { return false }
    // (In run-on text the comma is left out: "left basilar opacity (likely) scar or atelectasis".)
    var first = isComma(units[index + 1]) ? index + 2 : index + 1
    while first < units.count, units[first].kind == .adverb { first += 1 }
    guard first + 2 < units.count, units[first].kind == .noun, units[first + 1].kind == .coordinator,
      wordIs(units[first + 1].head, .alternativeCoordinators), units[first + 2].kind == .noun
    else { return false }
    let after = first + 3
    return after == units.count || units[after].kind == .punctuation && !isComma(units[after])
      || units[after].kind == .noun && tag(units[after].start) == .DT
  }

  /// Whether unit `index` is a finding that words after it may explain (`[explained-findings]`), not in a list
  /// opened by "no".
  func explainsFinding(_ units: [ParseUnit], _ index: Int) -> Bool {
    units[index].kind == .noun && lemmaIs(units[index].head, .explainedFindings)
      && !lemmaIs(units[index].start, .negationDeterminers)
  }

  /// Whether `units` (a noun phrase first) end with the predicate of a verbless statement: an adjective, or the
  /// object of a predicative preposition ("... within normal limits"), with no verb anywhere.
  func endsWithVerblessPredicate(_ units: ArraySlice<ParseUnit>) -> Bool {
    guard !units.contains(where: { $0.kind == .verb }),
      let last = units.lastIndex(where: { $0.kind != .punctuation })
    else { return false }
    if units[last].kind == .adjective { return true }
    return units[last].kind == .noun && last > units.startIndex && units[last - 1].kind == .preposition
      && wordIs(units[last - 1].head, .predicativePrepositions)
  }

  /// Whether a noun phrase with a predicate of its own starts at unit `start`: an adjective or bare participle that
  /// ends the clause ("a small effusion present"), or, after a comma, a finite verb ("..., with a small effusion is
  /// present"; without the comma, "followup with chest ct | heart size is normal" is a run-on's next statement).
  func opensAbsoluteClause(_ units: [ParseUnit], _ start: Int, afterComma: Bool) -> Bool {
    guard start + 1 < units.count, units[start].kind == .noun else { return false }
    let next = units[start + 1]
    if isFinite(next) { return afterComma }
    let bare = next.kind == .adjective || next.kind == .verb && next.end - next.start == 1 && tag(next.head) == .VBN
    // (The predicate ends the clause: punctuation, the end, or a run-on's next statement, a noun phrase opened by a
    // determiner: "with a small effusion present | no pneumothorax".)
    guard bare else { return false }
    guard start + 2 < units.count else { return true }
    let after = units[start + 2]
    return after.kind == .punctuation || after.kind == .noun && tag(after.start) == .DT
  }

  /// Whether a finite verb group starts at unit `position`, after adverbs.
  func finiteVerbFollows(_ units: [ParseUnit], _ position: Int) -> Bool {
    var probe = position
    while probe < units.count, units[probe].kind == .adverb { probe += 1 }
    return probe < units.count && isFinite(units[probe])
  }

  /// Whether a bare participle with only its own modifiers and then a finite verb starts at unit `position`:
  /// the noun before it is the subject of that verb ("... | the effusion seen on the prior study is unchanged").
  func reducedRelativeThenFiniteVerb(_ units: [ParseUnit], _ position: Int) -> Bool {
    guard position < units.count, units[position].kind == .verb, tag(units[position].head) == .VBN,
      (units[position].start..<units[position].end).allSatisfy({ $0 == units[position].head || tag($0).isAdverb })
    else { return false }
    return ownModifiersThenFiniteVerb(units, after: position)
  }

  /// Splits at semicolons, at a coordinator between two clauses that each have a verb, and at a comma before a
  /// new subject-and-verb clause.
  func splitClauses(_ units: [ParseUnit]) -> [Clause] {
    var clauses: [Clause] = []
    var current: [ParseUnit] = []
    var coordinator: Int?
    func segmentHasVerb(_ from: Int) -> Bool {
      var probe = from
      while probe < units.count {
        let unit = units[probe]
        if unit.kind == .punctuation, word(unit.head) == ";" || word(unit.head) == ":" { return false }
        if unit.kind == .coordinator { return false }
        // A bare gerund or participle ("allowing for rotation") does not make a clause.
        if unit.kind == .verb, unit.end - unit.start > 1 || ![.VBG, .VBN].contains(tag(unit.head)) { return true }
        probe += 1
      }
      return false
    }
    var complement: (mark: Int, governor: Int)?
    var absolute: Int?
    for (position, unit) in units.enumerated() {
      // "the heart is normal, with a small effusion (is) present": before a noun phrase with a predicate of its own,
      // "with" opens an adverbial clause rather than a prepositional phrase.
      if unit.kind == .preposition, wordIs(unit.head, .absolutePrepositions),
        current.contains(where: { $0.kind == .verb }),
        opensAbsoluteClause(units, position + 1, afterComma: position > 0 && isComma(units[position - 1]))
      {
        clauses.append(Clause(units: current, coordinator: coordinator, complement: complement, absolute: absolute))
        current = []
        coordinator = nil
        complement = nil
        absolute = unit.head
        continue
      }
      // "note that fractures may not be demonstrated": a complement clause of the verb before "that".
      if unit.kind == .preposition, wordIs(unit.head, .complementizers), position > 0,
        units[position - 1].kind == .verb,
        segmentHasVerb(position + 1)
      {
        clauses.append(Clause(units: current, coordinator: coordinator, complement: complement, absolute: absolute))
        current = []
        coordinator = nil
        absolute = nil
        complement = (mark: unit.head, governor: units[position - 1].head)
        continue
      }
      let hasVerb = current.contains { $0.kind == .verb }
      let hasContent = current.contains { $0.kind == .noun || $0.kind == .adjective || $0.kind == .verb }
      var split = false
      if unit.kind == .punctuation, word(unit.head) == ";", hasContent {
        current.append(unit)
        clauses.append(Clause(units: current, coordinator: coordinator, complement: complement, absolute: absolute))
        current = []
        coordinator = nil
        complement = nil
        absolute = nil
        continue
      }
      // (An absolute clause has its predicate even without a verb: "with a small effusion present, and ...".)
      if unit.kind == .coordinator, hasVerb || absolute != nil, segmentHasVerb(position + 1) { split = true }
      if isComma(unit), hasContent, position + 1 < units.count, units[position + 1].kind == .noun,
        segmentHasVerb(position + 1) || lemmaIs(units[position + 1].start, .negationDeterminers)
      {
        split = true
      }
      // "X otherwise no Y", "X however Y includes Z": these adverbs before a noun phrase start a new fragment.
      if unit.kind == .adverb, wordIs(unit.head, .fragmentAdverbs), hasContent,
        position + 1 < units.count, units[position + 1].kind == .noun
      {
        split = true
      }
      // "heart size normal | lungs are clear": a run-on's second statement starts after the first's adjective.
      if unit.kind == .noun, position > 0, units[position - 1].kind == .adjective,
        isRunOnPredicate(units[position - 1].head), hasContent
      {
        split = true
      }
      // "cardiomegaly no pneumothorax or effusion": a noun phrase opened by "no" right after another noun phrase
      // is a new statement whose comma or period was left out (a determiner cannot continue a noun phrase).
      if unit.kind == .noun, position > 0, units[position - 1].kind == .noun || units[position - 1].kind == .adjective,
        lemmaIs(unit.start, .negationDeterminers), hasContent
      {
        split = true
      }
      // "the lungs are clear the heart is normal", "... clear there is no effusion": once a clause has its finite
      // verb and something after it (or a passive participle, which takes no object), a subject (or "there")
      // followed by a finite verb of its own starts the next statement, whose period was left out.
      if unit.kind == .noun || unit.kind == .marker && tag(unit.head) == .EX, let last = current.last,
        last.kind != .verb || tag(last.head) == .VBN, last.kind != .preposition,
        current.contains(where: isFinite) || opensWithImperative(current),
        finiteVerbFollows(units, position + 1) || reducedRelativeThenFiniteVerb(units, position + 1)
      {
        split = true
      }
      // "... mediastinum 3. no pneumothorax": a list number inside the sentence starts a new item.
      if unit.kind == .other, isListNumber(unit.head), hasContent { split = true }
      if split {
        clauses.append(Clause(units: current, coordinator: coordinator, complement: complement, absolute: absolute))
        complement = nil
        absolute = nil
        current = []
        coordinator = unit.kind == .coordinator ? unit.head : nil
        if unit.kind != .coordinator { current.append(unit) }
        if unit.kind == .adverb || unit.kind == .other { coordinator = nil }
        continue
      }
      current.append(unit)
    }
    if !current.isEmpty {
      clauses.append(Clause(units: current, coordinator: coordinator, complement: complement, absolute: absolute))
    }
    return clauses
  }
}
