/// Contextual corrections applied after lexical tagging.
extension ParserTagger {
  static func isNominal(_ tag: PennTag?) -> Bool { tag?.isNominal == true }

  /// Whether a finite auxiliary or modal ("has", "is", "may") follows later in the same clause (before a comma,
  /// semicolon or period): then an -ed word right after a noun is a participle modifying it ("the effusion
  /// described previously | has resolved"), not the clause's past tense.
  static func auxiliaryFollows(_ classes: [WordClassMask], _ tags: [PennTag], after index: Int) -> Bool {
    for probe in (index + 1)..<classes.count {
      let tag = tags[probe]
      if tag == .comma || tag == .colon || tag == .period || tag == .CC { return false }
      if tag == .MD
        || (tag == .VBZ || tag == .VBP || tag == .VBD)
          && (classes[probe].contains(.beForms) || classes[probe].contains(.haveForms))
      {
        return true
      }
    }
    return false
  }

  static func fixContext(
    _ words: [String], _ classes: [WordClassMask], _ tags: inout [PennTag], lexicon: ParserLexicon = .shared
  ) {
    let count = words.count
    for index in 0..<count {
      let word = words[index]
      let previous = index > 0 ? tags[index - 1] : nil
      let next = index + 1 < count ? tags[index + 1] : nil
      // The nearest earlier non-adverb token (skips "not", "also", "well").
      var back = index - 1
      while back >= 0, tags[back].isAdverb { back -= 1 }
      let verbal = back >= 0 ? classes[back] : WordClassMask(rawValue: 0)
      let own = classes[index]
      let verbalTag = back >= 0 ? tags[back] : nil
      let afterModal = verbalTag == .MD || verbalTag == .TO || verbal.contains(.doForms)
      switch tags[index] {
      case .NN, .JJ, .VB, .VBP:
        if afterModal, lexicon.isVerb(word) || tags[index] == .VB || tags[index] == .VBP {
          tags[index] = .VB
        } else if tags[index] == .VB {
          if isNominal(previous) { tags[index] = .VBP }
        } else if tags[index] == .NN, previous == .PRP, lexicon.isVerb(word) {
          tags[index] = .VBP
        }
      case .VBN:
        // Irregular participles and -ed words: passive/perfect after be/have, prenominal modifier, or past tense
        // right after a subject.
        if verbal.contains(.beForms) || verbal.contains(.haveForms) || verbal.contains(.passiveAuxiliaries) {
          tags[index] = .VBN
        } else if isNominal(previous), next == .IN, own.contains(.reducedRelatives) {
          // "fluid associated with the fissure": a reduced relative clause, not a past tense.
          tags[index] = .VBN
        } else if isNominal(previous), !(next?.isNoun == true || next == .JJ || next == .DT),
          !own.contains(.reportingParticiples), !auxiliaryFollows(classes, tags, after: index)
        {
          // (A reporting participle after its noun, "no effusion identified", stays a participle: "is" left out.)
          tags[index] = .VBD
        }
      case .NNS:
        let stem = ParserLemmatizer.thirdPersonStem(word)
        if isNominal(previous), lexicon.isVerb(stem), !lexicon.isNoun(ParserLemmatizer.singular(word, lexicon: lexicon))
        {
          tags[index] = .VBZ
        }
      case .VBZ:
        if previous == .DT || previous == .JJ || previous == .CD, lexicon.closed[word] == nil { tags[index] = .NNS }
      case .IN:
        if own.contains(.complementizers) {
          if previous?.isVerb == true {
            // "note that fractures may not be demonstrated": a complementizer after a verb.
            break
          } else if next?.isNoun == true || next == .JJ {
            tags[index] = .DT
          } else if isNominal(previous), next?.isVerb == true || next == .MD {
            tags[index] = .WDT
          }
        }
      default:
        break
      }
      // "given the history": a preposition; "status post surgery": `post` is a preposition.
      // "given differences in technique, ...": before a noun phrase and not after a noun, a preposition too.
      if own.contains(.prepositionalParticiples),
        next == .DT || next == .PRPPossessive || (next?.isNoun == true || next == .JJ) && !isNominal(previous)
      {
        tags[index] = .IN
      }
      if index > 0, lexicon.twoWordPrepositions[word]?.contains(words[index - 1]) == true { tags[index] = .IN }
      // "near top normal": before an adjective, `near` is the adverb "nearly".
      if own.contains(.adverbialPrepositions), next == .JJ { tags[index] = .RB }
      if own.contains(.complementizers), tags[index] == .DT, index + 1 < count,
        tags[index + 1].isVerb || tags[index + 1] == .MD
      {
        tags[index] = isNominal(previous) ? .WDT : .IN
      }
    }
  }
}
