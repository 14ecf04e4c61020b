/// Coordination, clause splitting and clause-level attachment (subjects, copulas, objects, prepositional phrases).
extension DependencyBuilder {
  struct Clause {
    var units: [ParseUnit]
    /// The coordinating conjunction joining this clause to the first one, if any.
    var coordinator: Int?
  }

  func isComma(_ unit: ParseUnit) -> Bool { unit.kind == .punctuation && word(unit.head) == "," }

  /// Merges coordinated noun phrases and adjective phrases ("X, Y, or Z") into one unit headed by the first conjunct.
  mutating func coordinate(_ units: [ParseUnit]) -> [ParseUnit] {
    var result: [ParseUnit] = []
    var index = 0
    var clauseHasVerb = false
    while index < units.count {
      let unit = units[index]
      if unit.kind == .verb { clauseHasVerb = true }
      if unit.kind == .punctuation, word(unit.head) == ";" { clauseHasVerb = false }
      if unit.kind == .noun || unit.kind == .adjective {
        var members = [unit]
        var commas: [Int] = []
        var coordinator = -1
        var next = index + 1
        while next < units.count {
          if isComma(units[next]), next + 1 < units.count, units[next + 1].kind == unit.kind,
            !tag(units[next + 1].start).hasPrefix("RB")
          {
            commas.append(units[next].head)
            members.append(units[next + 1])
            next += 2
          } else if isComma(units[next]), next + 2 < units.count, units[next + 1].kind == .coordinator,
            !tag(units[next + 2].start).hasPrefix("RB"),
            units[next + 2].kind == unit.kind
          {
            commas.append(units[next].head)
            coordinator = units[next + 1].head
            members.append(units[next + 2])
            next += 3
            break
          } else if units[next].kind == .coordinator, next + 1 < units.count, units[next + 1].kind == unit.kind {
            coordinator = units[next].head
            members.append(units[next + 1])
            next += 2
            break
          } else {
            break
          }
        }
        let blocked = clauseHasVerb && next < units.count && units[next].kind == .verb
        if coordinator >= 0, !blocked {
          let first = unit.head
          let name = "conj:" + conjunctionName(coordinator)
          for member in members.dropFirst() { attach(member.head, to: first, name) }
          attach(coordinator, to: first, "cc")
          for comma in commas { attach(comma, to: first, "punct") }
          conjuncts.append((first: first, rest: members.dropFirst().map(\.head)))
          result.append(ParseUnit(kind: unit.kind, start: unit.start, end: members.last!.end, head: first))
          index = next
          continue
        }
      }
      result.append(unit)
      index += 1
    }
    return result
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
        if unit.kind == .verb { return true }
        probe += 1
      }
      return false
    }
    for (position, unit) in units.enumerated() {
      let hasVerb = current.contains { $0.kind == .verb }
      let hasContent = current.contains { $0.kind == .noun || $0.kind == .adjective || $0.kind == .verb }
      var split = false
      if unit.kind == .punctuation, word(unit.head) == ";", hasContent {
        current.append(unit)
        clauses.append(Clause(units: current, coordinator: coordinator))
        current = []
        coordinator = nil
        continue
      }
      if unit.kind == .coordinator, hasVerb, segmentHasVerb(position + 1) { split = true }
      if isComma(unit), hasContent, position + 1 < units.count, units[position + 1].kind == .noun,
        segmentHasVerb(position + 1)
      {
        split = true
      }
      if split {
        clauses.append(Clause(units: current, coordinator: coordinator))
        current = []
        coordinator = unit.kind == .coordinator ? unit.head : nil
        if unit.kind != .coordinator { current.append(unit) }
        continue
      }
      current.append(unit)
    }
    if !current.isEmpty { clauses.append(Clause(units: current, coordinator: coordinator)) }
    return clauses
  }
}
