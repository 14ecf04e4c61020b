/// A chunk of the sentence: a noun phrase, adjective phrase, verb group, preposition, coordinator, ...
struct ParseUnit {
  enum Kind { case noun, adjective, verb, preposition, coordinator, punctuation, adverb, marker, other }
  var kind: Kind
  var start: Int
  var end: Int
  /// The chunk's head token.
  var head: Int
  /// For coordinated noun phrases merged into one unit: the last conjunct's head.
  var lastConjunct: Int? = nil
}

extension DependencyBuilder {
  func isAdjectival(_ tag: PennTag) -> Bool { tag.isAdjective }
  func isNounTag(_ tag: PennTag) -> Bool { tag.isNominal }
  func isPunct(_ index: Int) -> Bool {
    tag(index).isPunctuation
  }

  /// Whether token `index` can sit inside a noun phrase before its head (adjectives, nouns, prenominal participles).
  func isPrenominal(_ index: Int) -> Bool {
    let tag = tag(index)
    if isListNumber(index) || isTrailingListNumber(index) { return false }
    if isAdjectival(tag) || isNounTag(tag) || tag == .DT || tag == .PRPPossessive { return true }
    guard index + 1 < tokens.count else { return false }
    let next = self.tag(index + 1)
    let nextIsNominal = next.isNoun || isAdjectival(next) || next == .VBN || next == .VBG
    if tag == .VBN || tag == .VBG || tag == .VBD {
      let previous = index > 0 ? self.tag(index - 1) : nil
      if index > 0 && (wordIs(index - 1, .beForms) || wordIs(index - 1, .haveForms))
        || previous == .RB && index > 1
          && wordIs(index - 2, .beForms)
      {
        return false
      }
      // "opacity, favoring scarring or granulomas": a participle of reasoning after a comma heads a clause.
      if tag == .VBG, previous == .comma || previous == .RB, wordIs(index, .reasoningParticiples) { return false }
      // "opacity likely representing atelectasis": these participles never modify a noun before it.
      if tag == .VBG, wordIs(index, .verbalParticiples) { return false }
      // "effusion identified status post ...": a reporting participle after its noun is predicative.
      if previous?.isNoun == true, wordIs(index, .reportingParticiples) { return false }
      // "no displaced, acute fractures", "the enlarged heart": a participle right after a determiner.
      if previous == .DT || previous == .PRPPossessive, nounFollows(index + 1) { return true }
      // "the previously seen left effusion", "previously noted small pneumothorax": after an adverb that opens the
      // phrase (at the start, or after a determiner, preposition, coordinator or punctuation).
      if previous?.isAdverb == true, nounFollows(index + 1),
        index < 2 || [.DT, .PRPPossessive, .IN, .CC, .comma, .colon].contains(self.tag(index - 2))
      {
        return true
      }
      // "resolving or developing pneumonia": coordinated participles before a noun.
      if next == .CC, index + 3 < tokens.count,
        isAdjectival(self.tag(index + 2)) || self.tag(index + 2) == .VBG
          || self.tag(index + 2) == .VBN, self.tag(index + 3).isNoun
      {
        return true
      }
      return next.isNoun || (nextIsNominal && index + 2 < tokens.count && self.tag(index + 2).isNoun)
    }
    // "possibly passive atelectasis": a hedge qualifies the whole phrase, not the adjective after it.
    if tag.isAdverb {
      return !wordIs(index, .sentenceAdverbs) && !wordIs(index, .hedgeAdverbs)
        && (isAdjectival(next) || next == .VBN)
    }
    return false
  }

  /// A list number such as `3.` after the start of the sentence ("... mediastinum 3. no pneumothorax").
  func isListNumber(_ index: Int) -> Bool {
    index > 0 && tag(index) == .CD && word(index).utf8.last == UInt8(ascii: ".") && word(index).utf8.count > 1
  }

  /// A bare number closing the sentence after a word ("... appear normal 3."): the next list item's number,
  /// cut off by the sentence splitter, not a noun the words before it modify.
  func isTrailingListNumber(_ index: Int) -> Bool {
    index > 0 && index + 2 == tokens.count && tag(index) == .CD && tag(index + 1) == .period
      && word(index).utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
      && (isAdjectival(tag(index - 1)) || tag(index - 1).isNoun || tag(index - 1).isVerb)
  }

  /// "heart size normal lungs are clear": a predicate adjective right after a noun, followed by a noun phrase
  /// that has its own finite verb, ends a run-on first statement rather than modifying the next noun.
  /// The same holds after a copula ("the mediastinum is unremarkable | mild changes are noted") and after "of"
  /// ("heart size is upper limits of normal | lungs are clear").
  /// After a copula any adjective does ("the aorta is ectatic | heart size is normal").
  func isRunOnPredicate(_ index: Int) -> Bool {
    guard index > 0 else { return false }
    let afterCopula = wordIs(index - 1, .beForms) && isAdjectival(tag(index))
    guard
      afterCopula
        || (tag(index - 1).isNoun || wordIs(index - 1, .runOnPrepositions))
          && wordIs(index, .runOnPredicates)
    else { return false }
    return nounPhraseWithItsOwnVerb(from: index + 1) { isAdjectival(tag($0)) } || verblessStatementFollows(index + 1)
  }

  /// Whether a verbless statement starts at `start`: nouns (with their modifiers, "and" or commas between them)
  /// and then a predicate adjective that ends the sentence ("the lungs are clear | heart and mediastinum stable").
  func verblessStatementFollows(_ start: Int) -> Bool {
    var probe = start
    var nouns = 0
    while probe < tokens.count {
      let tag = tag(probe)
      if tag.isNoun {
        nouns += 1
      } else if tag.isAdjective || tag == .VBN || tag == .VBD, nouns > 0,
        probe + 1 == tokens.count || self.tag(probe + 1).isPunctuation
      {
        return true
      } else if !(tag.isAdjective || tag == .DT || tag == .CC || tag == .comma) {
        return false
      }
      probe += 1
    }
    return false
  }

  /// Whether a noun phrase starts at `start` (after words `modifier` accepts, then its nouns) and is followed
  /// right away by a finite verb of its own: the subject of a new statement.
  func nounPhraseWithItsOwnVerb(from start: Int, modifier: (Int) -> Bool) -> Bool {
    var probe = start
    while probe < tokens.count, !tag(probe).isNoun, modifier(probe) { probe += 1 }
    guard probe < tokens.count, tag(probe).isNoun else { return false }
    while probe < tokens.count, tag(probe).isNoun { probe += 1 }
    return probe < tokens.count && [.VBP, .VBZ, .VBD, .MD].contains(tag(probe))
  }

  /// Whether token `index` opens a noun phrase right after another noun: a list item whose comma was left out
  /// ("consolidation | pleural effusion or pneumothorax"). Two signs mark it:
  /// - an adjective before a noun: adjectives precede the noun they modify, so one after a noun starts the next
  ///   phrase. The noun before must be one the lexicon knows as a noun only: not a placeholder ("xxxx" often
  ///   stands for an adjective), a guess ("post primary"), or a word that is also a verb ("question small
  ///   effusion", "no change right lobe"); predicate adjectives ("heart size normal lungs clear") are left to the
  ///   run-on rules, and side adjectives start a location phrase ("atelectasis right base");
  /// - a noun after a plural noun or after a finding's name (`[finding-nouns]`): plurals and findings head their
  ///   phrase rather than modify the noun after them ("no nodules | masses", "no consolidation | pneumothorax").
  func startsJuxtaposedPhrase(_ index: Int) -> Bool {
    guard index > 0, tag(index - 1).isNoun, !wordIs(index - 1, .placeholders) else { return false }
    let plural = tag(index - 1) == .NNS
    let heads = plural || lemmaIs(index - 1, .findingNouns)
    if heads, tag(index).isNoun, plural || !wordIs(index, .placeholders),
      word(index).utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
    {
      return true
    }
    guard isAdjectival(tag(index)), nounFollows(index + 1) else { return false }
    return (heads || lexicon.classes(lemma(index - 1)) == .noun) && !wordIs(index, .runOnPredicates)
      && !wordIs(index, .sideAdjectives)
  }

  /// "the heart is normal and cardiomediastinal silhouette has ...": a coordinator after a predicate adjective
  /// (right after a form of be) joins two clauses, not two adjectives, when the noun phrase after it has its own
  /// finite verb.
  func joinsClauses(predicate start: Int, coordinator: Int) -> Bool {
    guard start > 0, wordIs(start - 1, .beForms) else { return false }
    return nounPhraseWithItsOwnVerb(from: coordinator + 1) { isPrenominal($0) }
  }

  /// Whether a noun follows within the next few prenominal words (adjectives, participles, commas).
  func nounFollows(_ start: Int) -> Bool {
    var probe = start
    while probe < tokens.count, probe < start + 5 {
      let tag = tag(probe)
      if tag.isNoun { return true }
      // ("cardiac and mediastinal contours": coordinated adjectives too.)
      let coordinated =
        tag == .CC && probe > 0 && isAdjectival(self.tag(probe - 1)) && probe + 1 < tokens.count
        && isAdjectival(self.tag(probe + 1))
      if !(isAdjectival(tag) || tag == .VBN || tag == .VBG || tag == .comma || tag.isAdverb || coordinated) {
        return false
      }
      probe += 1
    }
    return false
  }

  /// Whether a noun phrase being chunked from `start` must end before token `end` ("no change | chronic
  /// disease", "heart size | upper limits of normal", "scarring or atelectasis | right midlung").
  func phraseBreaks(_ start: Int, before end: Int) -> Bool {
    guard end > start else { return false }
    let nextTag = tag(end)
    if lemmaIs(end - 1, .noChangeNouns), wordIs(start, .negationDeterminers), nextTag != .POS {
      return true
    }
    if wordIs(end - 1, .measureNouns), isAdjectival(nextTag) { return true }
    // "consolidation | pleural effusion or pneumothorax": adjectives precede the noun they modify, so an
    // adjective after a noun and before another noun starts a juxtaposed noun phrase (a list item whose comma was
    // left out). Predicate adjectives ("heart size normal lungs clear") are left to the run-on rules, and the
    // de-identification placeholder "xxxx" often stands for an adjective itself ("no xxxx focal consolidation").
    if startsJuxtaposedPhrase(end) { return true }
    // "atelectasis right base": an adjective of side after a noun starts the location's own phrase; adjectives
    // precede the nouns they modify, so the finding is not a compound of the location.
    if tag(end - 1).isNoun, wordIs(end, .sideAdjectives), end + 1 < tokens.count,
      tag(end + 1).isNoun
    {
      return true
    }
    return false
  }

  /// Splits the sentence into chunks and attaches the words inside each noun and adjective phrase.
  mutating func chunk() -> [ParseUnit] {
    var units: [ParseUnit] = []
    var index = 0
    let count = tokens.count
    while index < count {
      let tag = tag(index)
      if isPunct(index) {
        units.append(ParseUnit(kind: .punctuation, start: index, end: index + 1, head: index))
        index += 1
      } else if tag == .CC {
        units.append(ParseUnit(kind: .coordinator, start: index, end: index + 1, head: index))
        index += 1
      } else if tag == .IN || (tag == .TO && index + 1 < count && self.tag(index + 1) != .VB) {
        units.append(ParseUnit(kind: .preposition, start: index, end: index + 1, head: index))
        index += 1
      } else if tag == .TO || tag == .WDT || tag == .WP || tag == .WRB || tag == .EX {
        units.append(ParseUnit(kind: .marker, start: index, end: index + 1, head: index))
        index += 1
      } else if tag == .MD || (tag.isVerb && !isPrenominal(index))
        || (tag.isAdverb && verbFollows(index))
      {
        var end = index
        var main = -1
        while end < count {
          let t = self.tag(end)
          if t == .MD || t.isVerb {
            if main >= 0, !isAuxiliary(main) { break }
            main = end
            end += 1
          } else if t.isAdverb, verbFollows(end) || wordIs(end, .negationAdverbs) {
            end += 1
          } else {
            break
          }
        }
        if main < 0 { main = index }
        units.append(ParseUnit(kind: .verb, start: index, end: end, head: main))
        index = end
      } else if isRunOnPredicate(index) {
        // "heart size normal lungs are clear": the adjective closes the first statement on its own.
        units.append(ParseUnit(kind: .adjective, start: index, end: index + 1, head: index))
        index += 1
      } else if isPrenominal(index) {
        var end = index
        while end < count {
          let t = self.tag(end)
          if end > index, t == .DT { break }
          if phraseBreaks(index, before: end) { break }
          if t == .comma, end > index, self.tag(index) == .DT,
            isAdjectival(self.tag(end - 1)) || self.tag(end - 1) == .VBN,
            end + 1 < count, isAdjectival(self.tag(end + 1)) || self.tag(end + 1) == .VBN, nounFollows(end + 1)
          {
            end += 1
          } else if isPrenominal(end) || t == .POS {
            end += 1
          } else if t == .CC, end > index,
            isAdjectival(self.tag(end - 1)) || self.tag(end - 1) == .VBG || self.tag(end - 1) == .VBN, end + 1 < count,
            isAdjectival(self.tag(end + 1)) || self.tag(end + 1) == .VBN || self.tag(end + 1) == .VBG,
            !joinsClauses(predicate: index, coordinator: end)
          {
            end += 1
          } else {
            break
          }
        }
        // Trailing adjectives after the last noun are not part of this phrase.
        var last = end - 1
        while last > index, !isNounTag(self.tag(last)) { last -= 1 }
        if isNounTag(self.tag(last)) {
          end = last + 1
          attachNounPhrase(index, end, head: last)
          units.append(ParseUnit(kind: .noun, start: index, end: end, head: last))
        } else {
          var headIndex = end - 1
          // "postinfectious or postinflammatory": a coordinated adjective phrase is headed by its first conjunct.
          if end - index >= 3, self.tag(end - 2) == .CC { headIndex = end - 3 }
          attachNounPhrase(index, end, head: headIndex)
          let kind: ParseUnit.Kind = self.tag(headIndex) == .DT ? .noun : .adjective
          units.append(ParseUnit(kind: kind, start: index, end: end, head: headIndex))
        }
        index = end
      } else if tag.isAdverb {
        units.append(ParseUnit(kind: .adverb, start: index, end: index + 1, head: index))
        index += 1
      } else {
        units.append(ParseUnit(kind: .other, start: index, end: index + 1, head: index))
        index += 1
      }
    }
    return units
  }

  /// Whether token `index` is a modal or a form of be, have or do (so another verb may follow in its group).
  func isAuxiliary(_ index: Int) -> Bool {
    tag(index) == .MD || wordIs(index, .beForms) || wordIs(index, .haveForms) || wordIs(index, .doForms)
  }

  /// Whether a verb or modal follows after adverbs starting at `index`.
  func verbFollows(_ index: Int) -> Bool {
    var probe = index
    while probe < tokens.count, tag(probe).isAdverb { probe += 1 }
    guard probe < tokens.count else { return false }
    return tag(probe) == .MD || (tag(probe).isVerb && !isPrenominal(probe))
  }

  /// Attaches the modifiers inside a noun or adjective phrase to its head.
  mutating func attachNounPhrase(_ start: Int, _ end: Int, head phraseHead: Int) {
    var index = start
    while index < end {
      defer { index += 1 }
      if index == phraseHead { continue }
      let tag = tag(index)
      if tag == .CC, index > start, index + 1 < end {
        attach(index, to: index - 1, .cc, by: .innerCoordination)
        attach(index + 1, to: index - 1, .conj(conjunctionName(index)), by: .innerCoordination)
        conjuncts.append((first: index - 1, rest: [index + 1]))
        continue
      }
      if tag.isAdverb {
        attach(index, to: index + 1 < end ? index + 1 : phraseHead, .advmod, by: .nounPhrase)
        continue
      }
      if tag == .comma {
        attach(index, to: phraseHead, .punct, by: .nounPhrase)
        continue
      }
      let label: Relation
      switch tag {
      case .DT: label = lemmaIs(index, .negationDeterminers) ? .neg : .det
      case .PRPPossessive: label = .nmodPoss
      case .CD: label = .nummod
      case .POS: label = .caseMarker
      default:
        label = tag.isNoun || opensParticipleCoordination(index, start, end) ? .compound : .amod
      }
      attach(index, to: phraseHead, label, by: .nounPhrase)
    }
  }

  /// "resolving or developing pneumonia": the original's dependency conversion first groups a flat noun phrase's
  /// leading "a CC b" (or "DT a CC b head") into a phrase of its own, labelled adjectival only when `a` is an
  /// adjective and nominal otherwise. A participle that opens such a coordination therefore modifies the head as
  /// a `compound`, not an `amod` (its conjunct inherits the same relation).
  func opensParticipleCoordination(_ index: Int, _ start: Int, _ end: Int) -> Bool {
    let tag = tag(index)
    guard tag == .VBG || tag == .VBN, index + 1 < end, self.tag(index + 1) == .CC else { return false }
    return index == start || (index == start + 1 && self.tag(start) == .DT && end - start == 5)
  }
}
