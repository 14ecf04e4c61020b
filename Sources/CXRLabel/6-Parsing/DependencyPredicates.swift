/// Clause analysis: finds the predicate, its subject, copula, auxiliaries and objects, then attaches the rest.
extension DependencyBuilder {

  func isNegation(_ index: Int) -> Bool { wordIs(index, .negationAdverbs) }

  /// Whether token `index` is a form of "be".
  func isBe(_ index: Int) -> Bool { wordIs(index, .beForms) }

  /// "is xxxx unremarkable": a one-word noun directly before a clause-final adjective modifies the adjective.
  /// Returns the adjective's unit position.
  func npmodAdjective(_ units: [ParseUnit], _ position: Int) -> Int? {
    let unit = units[position]
    guard unit.kind == .noun, unit.end - unit.start == 1, position + 1 < units.count,
      units[position + 1].kind == .adjective
    else { return nil }
    let after = position + 2
    return after >= units.count || units[after].kind == .punctuation || units[after].kind == .coordinator
      ? position + 1 : nil
  }

  /// "opacity, favoring scarring": a lone present participle after a noun and a comma modifies that noun (`acl`)
  /// rather than heading the clause.
  func isCommaParticiple(_ units: [ParseUnit], _ position: Int) -> Bool {
    let unit = units[position]
    return unit.kind == .verb && unit.end - unit.start == 1 && tag(unit.head) == .VBG && position > 1
      && isComma(units[position - 1]) && units[position - 2].kind == .noun
  }

  /// The position of a verbless clause's predicate: the adjective, or the object of a predicative preposition
  /// ("within", "at"), right after the subject noun phrase and closing the clause ("heart size normal.", "heart
  /// and mediastinum normal.", "heart size and mediastinal contour within normal limits."). English puts
  /// attributive adjectives before their noun, so a clause-final one after it is predicated of it, copula left out.
  /// Juxtaposed noun phrases before it ("heart size, mediastinal contour within normal limits") are subjects too.
  func verblessPredicate(_ units: [ParseUnit], subject: Int) -> (predicate: Int, subjects: [Int])? {
    guard units[subject].kind == .noun else { return nil }
    var subjects = [subject]
    var predicate = subject + 1
    while predicate < units.count {
      if units[predicate].kind == .noun {
        subjects.append(predicate)
        predicate += 1
      } else if isComma(units[predicate]), predicate + 1 < units.count, units[predicate + 1].kind == .noun {
        subjects.append(predicate + 1)
        predicate += 2
      } else {
        break
      }
    }
    guard predicate < units.count else { return nil }
    if units[predicate].kind == .preposition,
      wordIs(units[predicate].head, .predicativePrepositions), predicate + 1 < units.count,
      units[predicate + 1].kind == .noun
    {
      predicate += 1
    } else if units[predicate].kind != .adjective {
      return nil
    }
    // Only punctuation may follow, and after a prepositional predicate its own phrases ("at upper limits of
    // normal"); an adjective with a phrase of its own ("opacity suspicious for pneumonia") stays a modifier.
    var rest = predicate + 1
    while units[predicate].kind == .noun, rest + 1 < units.count, units[rest].kind == .preposition,
      units[rest + 1].kind == .noun || units[rest + 1].kind == .adjective
    {
      rest += 2
    }
    guard units[rest...].allSatisfy({ $0.kind == .punctuation }) else { return nil }
    return (predicate, subjects)
  }

  /// Whether the units after a participle are only its own modifiers (prepositional phrases, adverbs) and then a
  /// finite verb: "seen on the prior study | has resolved", "noted previously | is unchanged". A noun phrase of
  /// its own in between means a new statement ("no effusion seen | dense nodule suggests ...").
  func ownModifiersThenFiniteVerb(_ units: [ParseUnit], after position: Int) -> Bool {
    var probe = position + 1
    while probe < units.count {
      let unit = units[probe]
      if isFinite(unit) { return true }
      if unit.kind == .adverb {
        probe += 1
      } else if unit.kind == .preposition, probe + 1 < units.count, units[probe + 1].kind == .noun {
        probe += 2
      } else {
        return false
      }
    }
    return false
  }

  /// Analyses one clause and returns its root token.
  mutating func analyseClause(_ units: [ParseUnit]) -> Int? {
    guard !units.isEmpty else { return nil }
    let content = units.filter { $0.kind != .punctuation }
    guard !content.isEmpty else { return units.first?.head }
    var consumed = Set<Int>()  // unit positions already attached
    var verbPosition: Int?
    for (position, unit) in units.enumerated() where unit.kind == .verb {
      if position > 0, units[position - 1].kind == .marker, tag(units[position - 1].head) != .EX { continue }
      if position > 0, units[position - 1].kind == .preposition { continue }
      if isCommaParticiple(units, position) { continue }
      // "fluid associated with the fissure": a lone past participle after its noun is a reduced relative.
      // (Reporting participles, "no effusion identified", keep their subject.)
      // So is a reporting participle when the clause's own finite verb follows ("the effusion seen on the prior
      // study | has resolved").
      if tag(unit.head) == .VBN, (unit.start..<unit.end).allSatisfy({ $0 == unit.head || tag($0).isAdverb }),
        position > 0, units[position - 1].kind == .noun,
        !wordIs(unit.head, .reportingParticiples) || ownModifiersThenFiniteVerb(units, after: position)
      {
        continue
      }
      verbPosition = position
      break
    }
    guard let v = verbPosition else {
      let first =
        units.firstIndex { ($0.kind == .noun || $0.kind == .adjective) } ?? units.firstIndex {
          $0.kind != .punctuation
        }!
      consumed.insert(first)
      // "without focal consolidation or effusion.": a fragment that opens with a preposition is headed by its object.
      if first > 0, units[first - 1].kind == .preposition, units[..<(first - 1)].allSatisfy({ $0.kind == .punctuation })
      {
        consumed.insert(first - 1)
        attach(units[first - 1].head, to: units[first].head, .caseMarker, by: .prepositionalFragment)
      }
      if let (predicate, subjects) = verblessPredicate(units, subject: first) {
        // "heart and mediastinum normal.", "heart size and mediastinal contour within normal limits.": the adjective
        // or prepositional phrase is the predicate of the whole (coordinated) subject, as in "... are normal" with
        // the copula left out; every conjunct inherits the `nsubj` through coordination.
        consumed.insert(predicate)
        let root = units[predicate].head
        if units[predicate - 1].kind == .preposition {
          consumed.insert(predicate - 1)
          attach(units[predicate - 1].head, to: root, .caseMarker, by: .verblessPredicate)
        }
        for subject in subjects {
          consumed.insert(subject)
          attach(units[subject].head, to: root, .nsubj, by: .verblessPredicate)
        }
        attachRest(units, root: root, consumed: &consumed)
        return root
      }
      attachRest(units, root: units[first].head, consumed: &consumed)
      return units[first].head
    }
    let group = units[v]
    let main = group.head
    consumed.insert(v)
    var subjectPosition: Int?
    var probe = v - 1
    while probe >= 0 {
      let unit = units[probe]
      if unit.kind == .noun, probe == 0 || units[probe - 1].kind != .preposition { subjectPosition = probe }
      probe -= 1
      if subjectPosition != nil, units[probe + 1].kind == .noun { break }
    }
    let expletive = units[..<v].firstIndex { tag($0.head) == .EX }
    var predicate = main
    var copula = false
    // "is again within normal limits", "is xxxx normal": adverbs between a copula and its predicate modify the
    // predicate, so the predicate is the first unit after them.
    var firstAfter = v + 1
    if isBe(main) {
      while firstAfter + 1 < units.count, units[firstAfter].kind == .adverb { firstAfter += 1 }
    }
    let after = firstAfter < units.count ? firstAfter : nil
    let modalExistential = expletive != nil && (group.start..<group.end).contains { tag($0) == .MD }
    if isBe(main), expletive == nil || modalExistential, let after {
      let unit = units[after]
      if let adjective = npmodAdjective(units, after) {
        predicate = units[adjective].head
        attach(unit.head, to: predicate, .nmodNpmod, by: .copulaPredicate)
        consumed.insert(after)
        consumed.insert(adjective)
        copula = true
      } else if unit.kind == .adjective || unit.kind == .noun {
        predicate = unit.head
        consumed.insert(after)
        copula = true
      } else if unit.kind == .preposition, after + 1 < units.count, units[after + 1].kind == .noun {
        predicate = units[after + 1].head
        attach(unit.head, to: predicate, .caseMarker, by: .copulaPredicate)
        consumed.insert(after)
        consumed.insert(after + 1)
        copula = true
      }
    }
    let passive =
      !copula && tag(main) == .VBN && (group.start..<group.end).contains { $0 != main && isBe($0) }
    for index in group.start..<group.end where index != main {
      if tag(index) == .MD {
        attach(index, to: predicate, .aux, by: .verbGroup)
      } else if tag(index).isAdverb {
        attach(index, to: predicate, isNegation(index) ? .neg : .advmod, by: .verbGroup)
      } else if isBe(index), passive {
        attach(index, to: predicate, .auxpass, by: .verbGroup)
      } else {
        attach(index, to: predicate, .aux, by: .verbGroup)
      }
    }
    if copula {
      attach(main, to: predicate, .cop, by: .copulaPredicate)
      for position in (v + 1)..<firstAfter {
        attach(
          units[position].head, to: predicate, isNegation(units[position].head) ? .neg : .advmod, by: .copulaPredicate)
        consumed.insert(position)
      }
    }
    if let expletive, copula {
      // "there may be some infection": the noun heads the clause, as in CoreNLP's copula treatment.
      attach(units[expletive].head, to: predicate, .expl, by: .existential)
      consumed.insert(expletive)
    } else if let expletive {
      attach(units[expletive].head, to: main, .expl, by: .existential)
      consumed.insert(expletive)
      if let after, units[after].kind == .noun {
        attach(units[after].head, to: main, .nsubj, by: .existential)
        consumed.insert(after)
      }
    } else if let subjectPosition {
      attach(units[subjectPosition].head, to: predicate, passive ? .nsubjpass : .nsubj, by: .subject)
      consumed.insert(subjectPosition)
    }
    if !copula, expletive == nil, let after {
      let unit = units[after]
      if unit.kind == .noun {
        attach(unit.head, to: main, lemmaIs(main, .linkingVerbs) ? .xcomp : .dobj, by: .object)
        consumed.insert(after)
      } else if unit.kind == .adjective {
        attach(unit.head, to: main, .xcomp, by: .object)
        consumed.insert(after)
      }
    }
    attachRest(units, root: predicate, consumed: &consumed)
    return predicate
  }

  /// Attaches prepositional phrases, post-nominal adjectives, adverbs and secondary verbs of a clause.
  mutating func attachRest(_ units: [ParseUnit], root: Int, consumed: inout Set<Int>) {
    func governor(before position: Int) -> Int {
      var probe = position - 1
      while probe >= 0 {
        let unit = units[probe]
        switch unit.kind {
        case .noun:
          // "crowding but no evidence of edema", "extubation and removal of the line": a prepositional phrase after
          // a coordination attaches to the nearest conjunct (a bare conjunct shares the first one's modifiers, so
          // "normal size and configuration of the heart" still reads as normal).
          return unit.lastConjunct ?? unit.head
        case .adjective: return unit.head
        case .verb: return head[unit.head] >= 0 && relation[unit.head] == .cop ? head[unit.head] : unit.head
        case .adverb: probe -= 1
        default: return root
        }
      }
      return root
    }
    for (position, unit) in units.enumerated() where !consumed.contains(position) {
      switch unit.kind {
      case .preposition:
        let next = position + 1
        if next < units.count, units[next].kind == .noun || units[next].kind == .adjective, !consumed.contains(next) {
          let object = units[next].head
          attach(unit.head, to: object, .caseMarker, by: .prepositionalPhrase)
          attach(object, to: governor(before: position), .nmod(lemma(unit.head)), by: .prepositionalPhrase)
          consumed.insert(next)
        } else if next < units.count, units[next].kind == .verb {
          attach(unit.head, to: units[next].head, .mark, by: .prepositionalPhrase)
        }
      case .adjective:
        if position > 0, units[position - 1].kind == .noun {
          attach(unit.head, to: units[position - 1].head, .amod, by: .postnominalAdjective)
        } else if position > 1, isComma(units[position - 1]), units[position - 2].kind == .noun {
          // "mass in the lobe, suspicious for malignancy": the nearest noun.
          attach(unit.head, to: units[position - 2].head, .amod, by: .postnominalAdjective)
        } else {
          attach(unit.head, to: root, .dep, by: .unattached)
        }
      case .adverb:
        let following = position + 1 < units.count ? units[position + 1].kind : .punctuation
        if position > 0, units[position - 1].kind == .verb, following != .adjective, following != .verb {
          // "correlate clinically for ...": an adverb after its verb.
          let verb = units[position - 1].head
          attach(unit.head, to: relation[verb] == .cop && head[verb] >= 0 ? head[verb] : verb, .advmod, by: .adverb)
          continue
        }
        let target =
          position + 1 < units.count && units[position + 1].kind != .punctuation ? units[position + 1].head : root
        attach(unit.head, to: target == unit.head ? root : target, .advmod, by: .adverb)
      case .verb:
        attachSecondaryVerb(units, position, root: root, consumed: &consumed)
      case .coordinator:
        // "stable and within normal limits": CoreNLP hangs the `cc` on the prepositional object.
        if position + 2 < units.count, units[position + 1].kind == .preposition, units[position + 2].kind == .noun {
          attach(unit.head, to: units[position + 2].head, .cc, by: .coordinatedPrepositionalPhrase)
        }
      case .noun:
        if position > 0, isComma(units[position - 1]), position > 1, units[position - 2].kind == .noun {
          attach(unit.head, to: units[position - 2].head, .appos, by: .apposition)
        } else if position > 0, explainsFinding(units, position - 1) {
          // "opacity likely atelectasis": a noun phrase right after a finding that can be explained, its comma
          // left out, explains it as an apposition does.
          attach(unit.head, to: units[position - 1].head, .appos, by: .apposition)
        } else {
          attach(unit.head, to: root, .dep, by: .unattached)
        }
      case .other where tag(unit.head) == .UH:
        attach(unit.head, to: root, .discourse, by: .discourse)
      default:
        break
      }
    }
  }

  /// A verb group that is not the clause's main predicate: relative clause, `to`-infinitive, participle.
  mutating func attachSecondaryVerb(_ units: [ParseUnit], _ position: Int, root: Int, consumed: inout Set<Int>) {
    let group = units[position]
    var main = group.head
    // "which may be compatible with ...": the adjective or noun after a form of be is the predicate.
    if isBe(main), position + 1 < units.count, !consumed.contains(position + 1),
      let adjective = npmodAdjective(units, position + 1)
    {
      let predicate = units[adjective].head
      attach(units[position + 1].head, to: predicate, .nmodNpmod, by: .secondaryPredicate)
      consumed.insert(position + 1)
      consumed.insert(adjective)
      attach(main, to: predicate, .cop, by: .secondaryPredicate)
      main = predicate
    } else if isBe(main), position + 1 < units.count, !consumed.contains(position + 1),
      units[position + 1].kind == .adjective || units[position + 1].kind == .noun
    {
      let predicate = units[position + 1].head
      consumed.insert(position + 1)
      attach(main, to: predicate, .cop, by: .secondaryPredicate)
      main = predicate
    } else if isBe(main), position + 2 < units.count, !consumed.contains(position + 1),
      units[position + 1].kind == .preposition, units[position + 2].kind == .noun, !consumed.contains(position + 2)
    {
      // "to be within normal limits": the prepositional phrase's object is the predicate.
      let predicate = units[position + 2].head
      attach(units[position + 1].head, to: predicate, .caseMarker, by: .secondaryPredicate)
      consumed.insert(position + 1)
      consumed.insert(position + 2)
      attach(main, to: predicate, .cop, by: .secondaryPredicate)
      main = predicate
    }
    for index in group.start..<group.end where index != main && head[index] < 0 {
      attach(index, to: main, tag(index).isAdverb ? (isNegation(index) ? .neg : .advmod) : .aux, by: .verbGroup)
    }
    let previous = position > 0 ? units[position - 1] : nil
    if let previous, previous.kind == .marker {
      if tag(previous.head) == .TO {
        attach(previous.head, to: main, .mark, by: .infinitive)
        let before = position > 1 ? units[position - 2] : nil
        if let before, before.kind == .noun, main != group.head, relation[before.head] == .dobj, head[before.head] >= 0
        {
          // Small clause: "views demonstrate the silhouette to be normal" — the object of the verb is the subject
          // of the infinitive's predicate, which is the verb's `xcomp` (a correct constituency parse has
          // [VP demonstrate [S the silhouette [VP to be normal]]]).
          let verb = head[before.head]
          attach(before.head, to: main, .nsubj, by: .smallClause)
          attach(main, to: verb, .xcomp, by: .smallClause)
        } else {
          attach(main, to: before?.head ?? root, before?.kind == .noun ? .acl : .xcomp, by: .infinitive)
        }
      } else {
        attach(previous.head, to: main, .nsubj, by: .relativeClause)
        if position > 1, units[position - 2].kind == .noun {
          attach(main, to: units[position - 2].head, .aclRelcl, by: .relativeClause)
        } else if position > 2, isComma(units[position - 2]), units[position - 3].kind == .noun {
          attach(main, to: units[position - 3].head, .aclRelcl, by: .relativeClause)
        }
      }
    } else if let previous, previous.kind == .noun, tag(main) == .VBN || tag(main) == .VBG || tag(main) == .VBD {
      attach(main, to: previous.head, .acl, by: .participleModifier)
    } else if let previous, previous.kind == .preposition {
      attach(main, to: position > 1 ? units[position - 2].head : root, .advcl, by: .participleModifier)
    } else if isCommaParticiple(units, position) {
      attach(main, to: units[position - 2].head, .acl, by: .participleModifier)
    }
    attach(main, to: root, .dep, by: .unattached)
    let next = position + 1
    if next < units.count, !consumed.contains(next), units[next].kind == .noun {
      attach(units[next].head, to: main, .dobj, by: .secondaryObject)
      consumed.insert(next)
    }
  }
}
