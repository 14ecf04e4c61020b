/// The constructions of the matrix: each one a template with its gold graph, and the fillers it is composed with.
///
/// A construction's `variants` are every combination of its fillers; the matrix puts each one in every
/// ``ContextFrame``. The fillers are ours: common phrases of the 14 observations from our vocabulary, modifiers,
/// adverbs and the de-identification placeholders (IU's `xxxx`, MIMIC-CXR's `___`) where a word of that role stands.
/// A template: appends the construction to a sentence and returns its root; the flag says whether punctuation
/// inside the construction is written.
typealias Template = @Sendable (inout GoldSentence, Bool) -> Int

struct MatrixConstruction: Sendable {
  /// Stable id (the parser's construction rule it exercises).
  var id: String
  /// Whether the construction is a verbless fragment (never coordinated with a clause by ", and").
  var isFragment = false
  /// One example sentence, as the README's table shows it.
  var example: String
  /// Each variant appends the construction to a sentence and returns its root; the flag says whether
  /// punctuation inside the construction is written.
  var variants: [Template]
}

/// Fillers shared by the templates.
enum Fillers {
  /// Subjects of normal-size and normal-contour statements, singular (heart and mediastinum observations).
  static let singularSubjects = [
    "the/DT/det cardiomediastinal/JJ/amod silhouette/NN", "the/DT/det mediastinal/JJ/amod silhouette/NN",
    "the/DT/det cardiac/JJ/amod silhouette/NN", "heart/NN/compound size/NN", "the/DT/det heart/NN/compound size/NN",
    "the/DT/det mediastinum/NN", "the/DT/det mediastinal/JJ/amod contour/NN", "cardiac/JJ/amod size/NN",
  ]
  /// Plural subjects of the same statements.
  static let pluralSubjects = [
    "the/DT/det mediastinal/JJ/amod contours/NNS", "the/DT/det hilar/JJ/amod contours/NNS",
    "cardiomediastinal/JJ/amod contours/NNS",
  ]
  /// Predicates after a copula (normal, enlarged, stable), in the template notation.
  static let predicates = [
    "normal/JJ", "unremarkable/JJ", "within/IN/case normal/JJ/amod limits/NNS",
    "normal/JJ in/IN/case@2 size/NN/nmod:in",
    "stable/JJ", "enlarged/JJ", "mildly/RB/advmod enlarged/JJ",
  ]
  /// Words between a copula and its predicate: none, an adverb, a placeholder standing for one.
  static let between = ["", "again/RB", "xxxx/RB", "___/RB"]
  /// Findings (singular), with modifiers.
  static let findings = [
    "pleural/JJ/amod effusion/NN", "left/JJ/amod pleural/JJ/amod effusion/NN", "right/JJ/amod pneumothorax/NN",
    "small/JJ/amod left/JJ/amod pneumothorax/NN", "left/JJ/amod basilar/JJ/amod opacity/NN",
    "right/JJ/amod lower/JJ/amod lobe/NN/compound consolidation/NN", "pulmonary/JJ/amod edema/NN",
    "right/JJ/amod upper/JJ/amod lobe/NN/compound pneumonia/NN",
  ]
  /// Findings in a list after "no".
  static let listItems = [
    "pneumothorax/NN", "pleural/JJ/amod effusion/NN", "focal/JJ/amod consolidation/NN", "pulmonary/JJ/amod edema/NN",
    "large/JJ/amod pleural/JJ/amod effusion/NN", "acute/JJ/amod fracture/NN",
  ]
}

extension MatrixConstruction {
  /// Every construction, in the order of the README's table.
  static let all: [MatrixConstruction] = [
    copulaPredicate, smallClause, sharedPredicate, verblessPredicate, withClause, missingCopulaWord, resolution,
    reducedRelative, passiveNegation, postNominalHedge, causeHedge, negatedList, runOnBoundary,
  ]

  /// "SUBJECT is [adverb] PREDICATE": the predicate heads the clause, the subject is its `nsubj`.
  static let copulaPredicate = MatrixConstruction(
    id: "copula-predicate", example: "The cardiomediastinal silhouette is xxxx within normal limits.",
    variants: subjects().flatMap { subject, plural in
      Fillers.predicates.flatMap { predicate in
        Fillers.between.map { adverb in
          { @Sendable (sentence: inout GoldSentence, _: Bool) -> Int in
            let noun = sentence.phrase(Phrase(subject))
            let verb = sentence.word(plural ? "are" : "is", plural ? "VBP" : "VBZ")
            let middle = sentence.optionalPhrase(adverb)
            let head = sentence.phrase(Phrase(predicate))
            sentence.predicate(head, subjects: [noun], verb: verb, adverb: middle)
            return head
          }
        }
      }
    })

  /// "VIEWS demonstrate SUBJECT to be PREDICATE": the predicate is the verb's `xcomp` and takes the object as its
  /// subject.
  static let smallClause = MatrixConstruction(
    id: "small-clause", example: "Views demonstrate the cardiomediastinal silhouette to be within normal limits.",
    variants: ["views/NNS", "the/DT/det radiographs/NNS", "frontal/JJ/amod images/NNS"].flatMap { agent in
      ["demonstrate/VBP", "show/VBP"].flatMap { verb in
        subjects().flatMap { subject, _ in
          Fillers.predicates.prefix(5).map { predicate in
            { @Sendable (sentence: inout GoldSentence, _: Bool) -> Int in
              let who = sentence.phrase(Phrase(agent))
              let main = sentence.phrase(Phrase(verb))
              let noun = sentence.phrase(Phrase(subject))
              let to = sentence.word("to", "TO")
              let be = sentence.word("be", "VB")
              let head = sentence.phrase(Phrase(predicate))
              sentence.edge(main, "nsubj", who)
              sentence.edge(main, "xcomp", head)
              sentence.edge(head, "nsubj", noun)
              sentence.edge(head, "mark", to)
              sentence.edge(head, "cop", be)
              return main
            }
          }
        }
      }
    })

  /// "SUBJECT and SUBJECT are PREDICATE": the predicate is shared by both conjuncts.
  static let sharedPredicate = MatrixConstruction(
    id: "shared-predicate", example: "The heart size and mediastinal contours are within normal limits.",
    variants: [
      ("the/DT/det heart/NN/compound size/NN", "mediastinal/JJ/amod contours/NNS"),
      ("the/DT/det heart/NN", "mediastinum/NN"), ("the/DT/det cardiac/JJ/amod silhouette/NN", "mediastinum/NN"),
      ("heart/NN/compound size/NN", "pulmonary/JJ/amod vascularity/NN"),
      ("the/DT/det mediastinal/JJ/amod contours/NNS", "heart/NN/compound size/NN"),
      ("the/DT/det hilar/JJ/amod contours/NNS", "the/DT/det cardiomediastinal/JJ/amod silhouette/NN"),
    ].flatMap { pair in
      Fillers.predicates.prefix(5).flatMap { predicate in
        Fillers.between.prefix(3).map { adverb in
          { @Sendable (sentence: inout GoldSentence, _: Bool) -> Int in
            let first = sentence.phrase(Phrase(pair.0))
            let and = sentence.word("and", "CC")
            let second = sentence.phrase(Phrase(pair.1))
            let verb = sentence.word("are", "VBP")
            let middle = sentence.optionalPhrase(adverb)
            let head = sentence.phrase(Phrase(predicate))
            sentence.coordinate(first, [second], coordinator: and)
            sentence.predicate(head, subjects: [first, second], verb: verb, adverb: middle)
            return head
          }
        }
      }
    })

  /// "SUBJECT and SUBJECT PREDICATE", "SUBJECT, SUBJECT PREDICATE" without a verb (dictated text): the predicate is
  /// shared by every subject, as if the copula were there.
  static let verblessPredicate = MatrixConstruction(
    id: "verbless-predicate", isFragment: true, example: "Heart size, mediastinal contours within normal limits.",
    variants: [
      ("heart/NN", "mediastinum/NN"), ("heart/NN/compound size/NN", "mediastinal/JJ/amod contours/NNS"),
      ("cardiac/JJ/amod silhouette/NN", "mediastinal/JJ/amod contour/NN"),
      ("heart/NN/compound size/NN", "pulmonary/JJ/amod vascularity/NN"),
      ("mediastinal/JJ/amod contours/NNS", "hilar/JJ/amod contours/NNS"),
    ].flatMap { pair in
      ["normal/JJ", "unremarkable/JJ", "within/IN/case normal/JJ/amod limits/NNS", "stable/JJ", "enlarged/JJ"].flatMap {
        predicate in
        ["and", ","].map { joiner in
          { @Sendable (sentence: inout GoldSentence, punctuated: Bool) -> Int in
            let first = sentence.phrase(Phrase(pair.0))
            var second: Int
            if joiner == "and" {
              let and = sentence.word("and", "CC")
              second = sentence.phrase(Phrase(pair.1))
              sentence.coordinate(first, [second], coordinator: and)
            } else {
              sentence.punctuation(",", to: first, when: punctuated)
              second = sentence.phrase(Phrase(pair.1))
            }
            let head = sentence.phrase(Phrase(predicate))
            sentence.edge(head, "nsubj", first)
            sentence.edge(head, "nsubj", second)
            return head
          }
        }
      }
    })

  /// "SUBJECT is PREDICATE, with CLAUSE": "with" introduces a clause of its own (`advcl`, `mark`), whose subject is
  /// its own predicate's; "with FINDINGS" without a verb is a prepositional phrase of the predicate (`nmod:with`).
  static let withClause = MatrixConstruction(
    id: "with-clause", example: "The heart is normal in size, with a small left pleural effusion present.",
    variants: subjects().flatMap { subject, plural in
      ["normal/JJ", "enlarged/JJ", "normal/JJ in/IN/case@2 size/NN/nmod:in", "stable/JJ"].flatMap { predicate in
        [
          "the lungs are clear", "a small pleural effusion is present", "a small pleural effusion present",
          "small bilateral effusions", "no pleural effusion",
        ].map { written in
          { @Sendable (sentence: inout GoldSentence, punctuated: Bool) -> Int in
            // Without the comma, "with" before a clause with a finite verb is ambiguous in run-on text ("followup
            // with chest ct | heart size is normal" is two statements, and the real original reads it so), so
            // run-on frames use the verbless form.
            let after =
              punctuated || !written.contains(" are ") && !written.contains(" is ")
              ? written : "a small pleural effusion present"
            let noun = sentence.phrase(Phrase(subject))
            let verb = sentence.word(plural ? "are" : "is", plural ? "VBP" : "VBZ")
            let head = sentence.phrase(Phrase(predicate))
            sentence.predicate(head, subjects: [noun], verb: verb, adverb: nil)
            sentence.punctuation(",", to: head, when: punctuated)
            let with = sentence.word("with", "IN")
            switch after {
            case "the lungs are clear":
              let clear = ContextFrame.clause(&sentence, "the/DT/det lungs/NNS", cop: "are", predicate: "clear/JJ")
              sentence.edge(clear, "mark", with)
              sentence.edge(head, "advcl", clear)
            case "a small pleural effusion is present", "a small pleural effusion present":
              let effusion = sentence.phrase(Phrase("a/DT/det small/JJ/amod pleural/JJ/amod effusion/NN"))
              let cop = after.contains(" is ") ? sentence.word("is", "VBZ") : nil
              let present = sentence.word("present", "JJ")
              sentence.edge(present, "nsubj", effusion)
              if let cop { sentence.edge(present, "cop", cop) }
              sentence.edge(present, "mark", with)
              sentence.edge(head, "advcl", present)
            case "small bilateral effusions":
              let effusions = sentence.phrase(Phrase("small/JJ/amod bilateral/JJ/amod effusions/NNS"))
              sentence.edge(effusions, "case", with)
              sentence.edge(head, "nmod:with", effusions)
            default:
              let effusion = sentence.phrase(Phrase("no/DT/neg pleural/JJ/amod effusion/NN"))
              sentence.edge(effusion, "case", with)
              sentence.edge(head, "nmod:with", effusion)
            }
            return head
          }
        }
      }
    })

  /// "SUBJECT appear(s) normal limits", "SUBJECT is normal limits": a predicate with a word left out, as dictated
  /// text has it; the noun phrase is still the predicate (`xcomp` of a linking verb, or under the copula).
  static let missingCopulaWord = MatrixConstruction(
    id: "missing-word-predicate", example: "The cardiomediastinal contours appear normal limits.",
    variants: subjects().flatMap { subject, plural in
      ["appear", "are", "remain"].flatMap { verbWord in
        [
          "normal/JJ/amod limits/NNS", "upper/JJ/amod limits/NNS of/IN/case@3 normal/JJ/nmod:of@1",
          "within/IN/case normal/JJ/amod limits/NNS", "normal/JJ/amod size/NN",
        ].map { predicate in
          { @Sendable (sentence: inout GoldSentence, _: Bool) -> Int in
            let noun = sentence.phrase(Phrase(subject))
            let copula = verbWord == "are"
            let form = copula ? (plural ? "are" : "is") : (plural ? verbWord : verbWord + "s")
            let verb = sentence.word(form, plural ? "VBP" : "VBZ", lemma: copula ? "be" : verbWord)
            let head = sentence.phrase(Phrase(predicate))
            if copula {
              sentence.predicate(head, subjects: [noun], verb: verb, adverb: nil)
              return head
            }
            sentence.edge(verb, "nsubj", noun)
            // A prepositional phrase after a linking verb is its `nmod:<prep>`; a noun phrase its `xcomp`.
            sentence.edge(verb, predicate.hasPrefix("within") ? "nmod:within" : "xcomp", head)
            return verb
          }
        }
      }
    })

  /// "the [previously seen] FINDING has [xxxx] resolved": the finding is `nsubj` of "resolved", whatever modifies it.
  static let resolution = MatrixConstruction(
    id: "resolution", example: "The previously seen left pleural effusion has resolved.",
    variants: ["", "previously/RB/advmod@1 seen/VBN/amod", "previously/RB/advmod@1 noted/VBN/amod", "xxxx/JJ/amod"]
      .flatMap { modifier in
        Fillers.findings.flatMap { finding in
          ["", "now/RB", "xxxx/RB"].map { adverb in
            { @Sendable (sentence: inout GoldSentence, _: Bool) -> Int in
              let the = sentence.word("the", "DT")
              let modifiers = modifier.isEmpty ? nil : Phrase(modifier)
              let base = sentence.words.count
              if let modifiers { for token in modifiers.tokens { sentence.word(token.text, token.tag) } }
              let noun = sentence.phrase(Phrase(finding))
              if let modifiers {
                for (offset, token) in modifiers.tokens.enumerated() {
                  let governor = token.governor.map { base + $0 } ?? noun
                  sentence.edge(governor, token.relation ?? "amod", base + offset)
                }
              }
              sentence.edge(noun, "det", the)
              let has = sentence.word("has", "VBZ")
              let middle = sentence.optionalPhrase(adverb)
              let verb = sentence.word("resolved", "VBN")
              sentence.predicate(verb, subjects: [noun], verb: has, verbRelation: "aux", adverb: middle)
              return verb
            }
          }
        }
      })

  /// "FINDING seen on the prior study has resolved / is unchanged": a participle after its noun with a phrase of
  /// its own modifies the noun (`acl`); the finite verb after it is the clause's.
  static let reducedRelative = MatrixConstruction(
    id: "reduced-relative", example: "The left basilar opacity seen on the prior study has resolved.",
    variants: ["seen", "noted", "described"].flatMap { participle in
      [
        "on/IN/case the/DT/det prior/JJ/amod study/NN", "on/IN/case the/DT/det xxxx/JJ/amod radiograph/NN",
        "previously/RB",
      ].flatMap { where_ in
        Fillers.findings.flatMap { finding in
          ["has resolved", "is unchanged"].map { predicate in
            { @Sendable (sentence: inout GoldSentence, _: Bool) -> Int in
              let the = sentence.word("the", "DT")
              let noun = sentence.phrase(Phrase(finding))
              sentence.edge(noun, "det", the)
              let verb = sentence.word(participle, "VBN")
              sentence.edge(noun, "acl", verb)
              let place = sentence.phrase(Phrase(where_))
              sentence.edge(verb, where_.hasPrefix("on") ? "nmod:on" : "advmod", place)
              if predicate == "has resolved" {
                let has = sentence.word("has", "VBZ")
                let head = sentence.word("resolved", "VBN")
                sentence.edge(head, "nsubj", noun)
                sentence.edge(head, "aux", has)
                return head
              }
              let cop = sentence.word("is", "VBZ")
              let head = sentence.word("unchanged", "JJ")
              sentence.edge(head, "nsubj", noun)
              sentence.edge(head, "cop", cop)
              return head
            }
          }
        }
      }
    })

  /// "FINDING is not seen / identified / visualized": the subject of a negated passive (`nsubjpass`, `neg`).
  static let passiveNegation = MatrixConstruction(
    id: "passive-negation", example: "A left pleural effusion is not xxxx identified.",
    variants: ["seen", "identified", "visualized", "demonstrated", "detected"].flatMap { participle in
      Fillers.findings.flatMap { finding in
        ["", "a/DT/det"].flatMap { determiner in
          ["", "xxxx/RB", "definitely/RB"].map { adverb in
            { @Sendable (sentence: inout GoldSentence, _: Bool) -> Int in
              let det = determiner.isEmpty ? nil : sentence.phrase(Phrase(determiner))
              let noun = sentence.phrase(Phrase(finding))
              if let det { sentence.edge(noun, "det", det) }
              let verb = sentence.word("is", "VBZ")
              let not = sentence.word("not", "RB")
              let middle = sentence.optionalPhrase(adverb)
              let head = sentence.word(participle, "VBN")
              sentence.predicate(
                head, subjects: [noun], subjectRelation: "nsubjpass", verb: verb, verbRelation: "auxpass",
                adverb: middle)
              sentence.edge(head, "neg", not)
              return head
            }
          }
        }
      }
    })

  /// "[small] FINDINGS are suspected / questioned / possible / not excluded": the hedge after the noun.
  static let postNominalHedge = MatrixConstruction(
    id: "post-nominal-hedge", example: "Small bilateral pleural effusions are suspected.",
    variants: [
      "small/JJ/amod bilateral/JJ/amod pleural/JJ/amod effusions/NNS", "bilateral/JJ/amod effusions/NNS",
      "small/JJ/amod effusions/NNS", "bibasilar/JJ/amod opacities/NNS", "pulmonary/JJ/amod nodules/NNS",
      "rib/NN/compound fractures/NNS", "small/JJ/amod pneumothoraces/NNS",
    ].flatMap { finding in
      [
        "suspected/VBN", "questioned/VBN", "possible/JJ", "not/RB/neg@1 excluded/VBN", "also/RB/advmod@1 suspected/VBN",
        "xxxx/RB/advmod@1 suspected/VBN",
      ].flatMap { hedge in
        ["", "again/RB"].map { adverb in
          { @Sendable (sentence: inout GoldSentence, _: Bool) -> Int in
            let noun = sentence.phrase(Phrase(finding))
            let verb = sentence.word("are", "VBP")
            let middle = sentence.optionalPhrase(adverb)
            let head = sentence.phrase(Phrase(hedge))
            let passive = sentence.words[head].tag == "VBN"
            sentence.predicate(
              head, subjects: [noun], subjectRelation: passive ? "nsubjpass" : "nsubj", verb: verb,
              verbRelation: passive ? "auxpass" : "cop", adverb: middle)
            return head
          }
        }
      }
    })

  /// "OPACITY, [likely] CAUSE [or CAUSE]": the opacity is stated outright; its cause, an apposition, is hedged.
  static let causeHedge = MatrixConstruction(
    id: "cause-hedge", isFragment: true, example: "Left basilar opacity, scar or atelectasis.",
    variants: [
      "left/JJ/amod basilar/JJ/amod opacity/NN", "right/JJ/amod lower/JJ/amod lobe/NN/compound opacity/NN",
      "bibasilar/JJ/amod opacities/NNS", "patchy/JJ/amod opacity/NN", "streaky/JJ/amod xxxx/JJ/amod opacity/NN",
    ].flatMap { opacity in
      ["", "likely/RB", "possibly/RB", "probably/RB", "most/RBS/advmod likely/RB"].flatMap { hedge in
        [
          ["atelectasis/NN"], ["scar/NN", "atelectasis/NN"], ["atelectasis/NN", "pneumonia/NN"], ["pneumonia/NN"],
          ["subsegmental/JJ/amod atelectasis/NN"],
        ].map { causes in
          { @Sendable (sentence: inout GoldSentence, punctuated: Bool) -> Int in
            let noun = sentence.phrase(Phrase(opacity))
            sentence.punctuation(",", to: noun, when: punctuated)
            let adverb = hedge.isEmpty ? nil : sentence.phrase(Phrase(hedge))
            let first = sentence.phrase(Phrase(causes[0]))
            if let adverb { sentence.edge(first, "advmod", adverb) }
            sentence.edge(noun, "appos", first)
            if causes.count > 1 {
              let or = sentence.word("or", "CC")
              let second = sentence.phrase(Phrase(causes[1]))
              sentence.coordinate(first, [second], coordinator: or)
            }
            return noun
          }
        }
      }
    })

  /// "no X, Y, or Z" with or without commas or a conjunction: every item is in the scope of "no".
  static let negatedList = MatrixConstruction(
    id: "negated-list", isFragment: true, example: "No pneumothorax, large pleural effusion, or acute fracture.",
    variants: listShapes.flatMap { shape in
      Fillers.listItems.indices.flatMap { first in
        Fillers.listItems.indices.compactMap { second -> Template? in
          guard first != second else { return nil }
          let third =
            (second + 1) % Fillers.listItems.count == first
            ? (second + 2) % Fillers.listItems.count
            : (second + 1) % Fillers.listItems.count
          let items = [first, second, third].prefix(shape.items).map { Fillers.listItems[$0] }
          return { @Sendable (sentence: inout GoldSentence, punctuated: Bool) -> Int in
            let no = sentence.word("no", "DT")
            let head = sentence.phrase(Phrase(items[0]))
            sentence.edge(head, "neg", no)
            var rest: [Int] = []
            var coordinator: Int?
            for (position, item) in items.enumerated().dropFirst() {
              if shape.commas { sentence.punctuation(",", to: head, when: punctuated) }
              if position == items.count - 1, let word = shape.coordinator { coordinator = sentence.word(word, "CC") }
              rest.append(sentence.phrase(Phrase(item)))
            }
            if let coordinator {
              sentence.coordinate(head, rest, coordinator: coordinator)
            } else if punctuated {
              // Without a coordinator, CoreNLP writes the later items as appositions of the first.
              for other in rest { sentence.edge(head, "appos", other) }
            } else {
              // With neither commas nor a coordinator the items are statements run together ("no pneumothorax
              // large pleural effusion"), as in `runOnBoundary`: the real original's output on such text
              // negates the later ones less often than not.
              for other in rest { sentence.edge(head, "parataxis", other) }
            }
            return head
          }
        }
      }
    })

  /// List shapes: items, commas between them, the coordinator before the last.
  static let listShapes: [(items: Int, commas: Bool, coordinator: String?)] = [
    (2, false, "or"), (3, true, "or"), (3, false, "or"), (2, true, nil), (3, true, nil), (2, false, "and"),
  ]

  /// Statements run together without punctuation: each one is its own clause (`parataxis` under the first).
  static let runOnBoundary = MatrixConstruction(
    id: "run-on-boundary", isFragment: true, example: "heart size is normal lungs are clear no pneumothorax",
    variants: runOnStatements.indices.flatMap { first in
      runOnStatements.indices.compactMap { second -> Template? in
        guard first != second else { return nil }
        return { @Sendable (sentence: inout GoldSentence, _: Bool) -> Int in
          let root = runOnStatements[first](&sentence)
          let next = runOnStatements[second](&sentence)
          sentence.edge(root, "parataxis", next)
          return root
        }
      }
    })

  /// Statements that run-on text strings together.
  static let runOnStatements: [@Sendable (inout GoldSentence) -> Int] = [
    { ContextFrame.clause(&$0, "heart/NN/compound size/NN", cop: "is", predicate: "normal/JJ") },
    { ContextFrame.clause(&$0, "the/DT/det heart/NN", cop: "is", predicate: "enlarged/JJ") },
    { ContextFrame.clause(&$0, "lungs/NNS", cop: "are", predicate: "clear/JJ") },
    {
      ContextFrame.clause(&$0, "the/DT/det mediastinal/JJ/amod contours/NNS", cop: "are", predicate: "unremarkable/JJ")
    },
    { $0.phrase(Phrase("no/DT/neg pneumothorax/NN")) },
    { $0.phrase(Phrase("mild/JJ/amod cardiomegaly/NN")) },
    { sentence in
      let there = sentence.word("there", "EX")
      let verb = sentence.word("is", "VBZ")
      let noun = sentence.phrase(Phrase("no/DT/neg focal/JJ/amod consolidation/NN"))
      sentence.edge(verb, "expl", there)
      sentence.edge(verb, "nsubj", noun)
      return verb
    },
    { $0.phrase(Phrase("small/JJ/amod left/JJ/amod pleural/JJ/amod effusion/NN")) },
    {
      ContextFrame.clause(
        &$0, "the/DT/det cardiomediastinal/JJ/amod silhouette/NN", cop: "is",
        predicate: "within/IN/case normal/JJ/amod limits/NNS")
    },
  ]

  /// Singular and plural subjects with their number.
  static func subjects() -> [(String, Bool)] {
    Fillers.singularSubjects.map { ($0, false) } + Fillers.pluralSubjects.map { ($0, true) }
  }
}
