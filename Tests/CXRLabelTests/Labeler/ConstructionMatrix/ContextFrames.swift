/// The surroundings every construction is tried in (the CheckList method's "context frames"): a construction is
/// general only if it holds whatever comes before or after it.
struct ContextFrame: Sendable {
  /// A short name for failure reports.
  var name: String
  /// Whether the text keeps its punctuation (run-on frames drop it, as report-generation models write).
  var punctuated: Bool = true
  /// Whether the frame coordinates a clause with the construction (", and ...", ", but ..."): English does that
  /// with clauses only, so verbless fragments are not put in these frames.
  var coordinatesAClause = false
  /// Whether the frame runs a statement ending in "clear" into the construction without punctuation. Before a
  /// verbless fragment that is ambiguous: "the lungs are clear left basilar opacity" reads as "clear of the
  /// opacity" too, and the real original's output on run-on text takes it so (parsing a finding after a run-on
  /// "clear" as a statement of its own moved 11 punctuation-free cells away from it), so fragments skip it.
  var runsOnFromClear = false
  /// Builds the study: sentences before the construction's, then the construction's sentence around `core`
  /// (which appends the construction and returns its root).
  var build: @Sendable (_ core: Template) -> [GoldSentence]

  /// The frames, in a fixed order.
  static let all: [ContextFrame] = plain + introductions + clausesAfter + listsBefore + runOns

  static let plain: [ContextFrame] = [
    ContextFrame(name: "alone") { core in
      var sentence = GoldSentence()
      let root = core(&sentence, true)
      sentence.punctuation(".", to: root)
      return [sentence]
    }
  ]

  /// Introductory phrases, each with its edge to the clause's root.
  static let introductions: [ContextFrame] = [
    (
      "allowing for technical factors", "allowing/VBG for/IN/case@3 technical/JJ/amod@3 factors/NNS/nmod:for@0", "advcl"
    ),
    (
      "compared with the prior study", "compared/VBN with/IN/case@4 the/DT/det@4 prior/JJ/amod@4 study/NN/nmod:with@0",
      "advcl"
    ),
    ("on the frontal view", "on/IN/case the/DT/det frontal/JJ/amod view/NN", "nmod:on"),
    ("given differences in technique", "given/VBN differences/NNS/dobj@0 in/IN/case@3 technique/NN/nmod:in@1", "advcl"),
    ("again", "again/RB", "advmod"),
  ].map { intro in
    ContextFrame(name: "after '\(intro.0)'") { core in
      var sentence = GoldSentence()
      let head = sentence.phrase(Phrase(intro.1))
      if intro.0 != "again" { sentence.punctuation(",", to: head) }
      let root = core(&sentence, true)
      sentence.edge(root, intro.2, head)
      sentence.punctuation(".", to: root)
      return [sentence]
    }
  }

  /// A second clause after the construction.
  static let clausesAfter: [ContextFrame] = [
    ContextFrame(name: "+ ', and the lungs are clear'", coordinatesAClause: true) { core in
      var sentence = GoldSentence()
      let root = core(&sentence, true)
      sentence.punctuation(",", to: root)
      let and = sentence.word("and", "CC")
      let clear = clause(&sentence, "the/DT/det lungs/NNS", cop: "are", predicate: "clear/JJ")
      sentence.edge(root, "cc", and)
      sentence.edge(root, "conj:and", clear)
      sentence.punctuation(".", to: root)
      return [sentence]
    },
    ContextFrame(name: "+ '; no pneumothorax'") { core in
      var sentence = GoldSentence()
      let root = core(&sentence, true)
      sentence.punctuation(";", to: root)
      let noun = sentence.phrase(Phrase("no/DT/neg pneumothorax/NN"))
      sentence.edge(root, "parataxis", noun)
      sentence.punctuation(".", to: root)
      return [sentence]
    },
    ContextFrame(name: "+ ', but there is no pneumothorax'", coordinatesAClause: true) { core in
      var sentence = GoldSentence()
      let root = core(&sentence, true)
      sentence.punctuation(",", to: root)
      let but = sentence.word("but", "CC")
      let there = sentence.word("there", "EX")
      let verb = sentence.word("is", "VBZ")
      let noun = sentence.phrase(Phrase("no/DT/neg pneumothorax/NN"))
      sentence.edge(verb, "expl", there)
      sentence.edge(verb, "nsubj", noun)
      sentence.edge(root, "cc", but)
      sentence.edge(root, "conj:but", verb)
      sentence.punctuation(".", to: root)
      return [sentence]
    },
  ]

  /// Another statement before the construction: a list in a sentence of its own, or in the same sentence before a
  /// semicolon.
  static let listsBefore: [ContextFrame] = [
    ContextFrame(name: "after a sentence 'No pneumothorax or pleural effusion.'") { core in
      var first = GoldSentence()
      let list = negatedList(&first)
      first.punctuation(".", to: list)
      var sentence = GoldSentence()
      let root = core(&sentence, true)
      sentence.punctuation(".", to: root)
      return [first, sentence]
    },
    ContextFrame(name: "after 'no pneumothorax or pleural effusion;'") { core in
      var sentence = GoldSentence()
      let list = negatedList(&sentence)
      sentence.punctuation(";", to: list)
      let root = core(&sentence, true)
      sentence.edge(list, "parataxis", root)
      sentence.punctuation(".", to: list)
      return [sentence]
    },
  ]

  /// Run-on text without punctuation, lower case, as report-generation models write it: another statement before
  /// or after the construction.
  static let runOns: [ContextFrame] = [
    ContextFrame(name: "run-on after 'the lungs are clear'", punctuated: false, runsOnFromClear: true) { core in
      var sentence = GoldSentence()
      let clear = clause(&sentence, "the/DT/det lungs/NNS", cop: "are", predicate: "clear/JJ")
      let root = core(&sentence, false)
      sentence.edge(clear, "parataxis", root)
      return [sentence]
    },
    ContextFrame(name: "run-on before 'no pneumothorax'", punctuated: false) { core in
      var sentence = GoldSentence()
      let root = core(&sentence, false)
      let noun = sentence.phrase(Phrase("no/DT/neg pneumothorax/NN"))
      sentence.edge(root, "parataxis", noun)
      return [sentence]
    },
  ]

  /// "SUBJECT COPULA PREDICATE" with the predicate as the clause's head; returns the predicate.
  static func clause(_ sentence: inout GoldSentence, _ subject: String, cop: String, predicate: String) -> Int {
    let noun = sentence.phrase(Phrase(subject))
    let verb = sentence.word(cop, cop == "is" ? "VBZ" : "VBP")
    let head = sentence.phrase(Phrase(predicate))
    sentence.edge(head, "nsubj", noun)
    sentence.edge(head, "cop", verb)
    return head
  }

  /// "no pneumothorax or pleural effusion"; returns the first conjunct.
  static func negatedList(_ sentence: inout GoldSentence) -> Int {
    let first = sentence.phrase(Phrase("no/DT/neg pneumothorax/NN"))
    let or = sentence.word("or", "CC")
    let second = sentence.phrase(Phrase("pleural/JJ/amod effusion/NN"))
    sentence.coordinate(first, [second], coordinator: or)
    return first
  }
}
