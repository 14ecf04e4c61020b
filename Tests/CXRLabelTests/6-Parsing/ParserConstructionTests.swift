import Testing

@testable import CXRLabel

/// Hand-written sentences for fragments, coordination chains and predicate shapes of telegraphic report language.
@Suite struct ParserConstructionTests: ParserSuite {
  @Test func noChangeFragmentBeforeNounPhrase() {
    expectEdges(
      "no change chronic interstitial lung disease.",
      ["change -neg-> no", "change -dep-> disease", "disease -amod-> chronic", "disease -compound-> lung"],
      absent: ["disease -neg-> no", "disease -compound-> change"])
  }

  /// An imperative ("recommend ...", "suggest ...") is its clause's verb: a subject with a finite verb after it
  /// starts the next statement of a run-on text, as after any other finite verb.
  @Test func imperativeClauseEndsBeforeTheNextSubject() {
    expectEdges(
      "suggest a repeat film after treatment the heart is normal in size",
      ["normal -nsubj-> heart", "normal -cop-> is"],
      absent: ["suggest -dep-> heart", "suggest -dep-> is"])
    expectEdges(
      "please compare with the prior films the heart and mediastinum are unremarkable",
      ["unremarkable -nsubj-> heart", "heart -conj:and-> mediastinum"],
      absent: ["compare -dep-> heart", "compare -dep-> unremarkable"])
  }

  @Test func otherwiseStartsANewFragment() {
    expectEdges(
      "left lower lobe atelectasis otherwise no acute disease.",
      ["atelectasis -parataxis-> disease", "disease -neg-> no", "disease -advmod-> otherwise"],
      absent: ["atelectasis -dep-> disease"])
    expectEdges(
      "minimal atelectasis left base, no acute abnormality.",
      ["atelectasis -parataxis-> abnormality", "abnormality -neg-> no", "atelectasis -dep-> base"],
      absent: ["atelectasis -appos-> abnormality", "base -appos-> abnormality"])
  }

  /// "X, favoring Y or Z": the participle modifies X and takes the alternatives as objects, so only they are
  /// coordinated (and uncertain); X is not a conjunct.
  @Test func participleAfterCommaModifiesTheNoun() {
    expectEdges(
      "right upper lobe opacity, favoring scarring or granulomas.",
      ["opacity -acl-> favoring", "favoring -dobj-> scarring", "scarring -conj:or-> granulomas"],
      absent: ["opacity -conj:or-> scarring", "favoring -nsubj-> opacity", "scarring -amod-> favoring"])
    expectEdges(
      "bibasilar opacity, suggesting atelectasis.",
      ["opacity -acl-> suggesting", "suggesting -dobj-> atelectasis"], absent: ["suggesting -nsubj-> opacity"])
  }

  /// A verbless "noun adjective." fragment: the adjective is the predicate of the whole subject, as if the copula
  /// were there ("heart and mediastinum normal." negates the mediastinum, as the original's labels show); inside a
  /// longer phrase a post-nominal adjective stays an `amod`.
  @Test func clauseFinalAdjectiveOfAVerblessFragment() {
    expectEdges(
      "heart size normal.", ["normal -nsubj-> size", "size -compound-> heart"], absent: ["size -amod-> normal"])
    expectEdges("mediastinal contour stable.", ["stable -nsubj-> contour"], absent: ["contour -amod-> stable"])
    expectEdges(
      "lungs and pleura clear.", ["clear -nsubj-> lungs", "clear -nsubj-> pleura", "lungs -conj:and-> pleura"])
    expectEdges(
      "mass in the lobe, suspicious for malignancy.", ["lobe -amod-> suspicious"], absent: ["suspicious -nsubj-> mass"])
  }

  /// A verbless fragment whose predicate is a prepositional phrase of normality: the phrase's object heads the
  /// clause and every conjunct of the subject is its `nsubj`.
  @Test func prepositionalPredicateOfAVerblessFragment() {
    expectEdges(
      "hilar and cardiac contours and the aorta within normal limits.",
      ["limits -nsubj-> contours", "limits -nsubj-> aorta", "limits -case-> within", "limits -amod-> normal"])
    expectEdges("aorta at upper limits of normal.", ["limits -nsubj-> aorta", "limits -case-> at"])
    expectEdges("effusion in the base.", ["effusion -nmod:in-> base"], absent: ["base -nsubj-> effusion"])
  }

  /// Participles of reasoning head a verb phrase even without a comma ("opacity most likely representing X").
  @Test func reasoningParticipleIsNeverPrenominal() {
    expectEdges(
      "basilar opacity likely representing atelectasis or scarring.",
      ["representing -dobj-> atelectasis", "atelectasis -conj:or-> scarring"],
      absent: ["atelectasis -amod-> representing", "scarring -amod-> representing"])
  }

  /// NegBio parses text in its original case: capitals do not change tags, lemmas or attachments, and the
  /// tokens keep their written form.
  @Test func originalCaseParsesLikeLowercase() {
    for (upper, lower) in [
      ("No typical findings of pulmonary edema.", "no typical findings of pulmonary edema."),
      ("Cardiomegaly without heart failure.", "cardiomegaly without heart failure."),
      ("XXXX opacities may represent atelectasis.", "xxxx opacities may represent atelectasis."),
    ] {
      let a = parser.parse(upper)
      let b = parser.parse(lower)
      #expect(a.edges == b.edges, "\(upper)")
      #expect(a.tokens.map(\.tag) == b.tokens.map(\.tag), "\(upper)")
      #expect(a.tokens.map(\.lemma) == b.tokens.map(\.lemma), "\(upper)")
      #expect(a.tokens.first?.word == String(upper.prefix { $0 != " " }))
    }
    expectEdges("No pleural effusion.", ["effusion -neg-> No"])
  }

  /// "note that X may not be demonstrated": "that" after a verb introduces a complement clause, whose subject
  /// is the finding (so the negated passive reaches it), not a determiner of the finding.
  @Test func complementClauseAfterThat() {
    expectEdges(
      "please note that fractures may not be demonstrated.",
      [
        "note -ccomp-> demonstrated", "demonstrated -mark-> that", "demonstrated -nsubjpass-> fractures",
        "demonstrated -neg-> not",
      ],
      absent: ["fractures -det-> that", "note -dobj-> fractures"])
    expectEdges("no mass that would suggest malignancy.", ["suggest -nsubj-> that"], absent: ["suggest -mark-> that"])
  }

  /// "... appear normal 3.": the next list item's number, left at the end by the sentence splitter, is not
  /// the head of the words before it.
  @Test func trailingListNumberIsNotANoun() {
    expectEdges(
      "mediastinal contours appear normal 7.", ["appear -xcomp-> normal", "appear -nsubj-> contours"],
      absent: ["7 -amod-> normal"])
    expectEdges("fractures of ribs 7.", ["fractures -nmod:of-> ribs"])
  }

  /// "X, likely postinfectious or postinflammatory": a coordinated adjective phrase is headed by its first
  /// conjunct (and no token is ever its own head).
  @Test func coordinatedAdjectivePhrase() {
    let sentence = "bronchiectasis, xxxx postinfectious or postinflammatory."
    expectEdges(sentence, ["postinfectious -conj:or-> postinflammatory", "postinfectious -cc-> or"])
    #expect(!parser.parse(sentence).edges.contains { $0.head == $0.dependent })
  }

  /// "atelectasis or fluid associated with the fissure": a participle before a preposition after a noun is a
  /// reduced relative (`acl`), not a past tense starting a clause of its own.
  @Test func reducedRelativeAfterANoun() {
    expectEdges(
      "discoid atelectasis or fluid associated with the fissure.",
      ["atelectasis -conj:or-> fluid", "atelectasis -acl-> associated", "associated -nmod:with-> fissure"],
      absent: ["associated -nsubj-> fluid"])
  }

  /// "heart size normal lungs are clear": a run-on of two statements; the adjective belongs to the first, the
  /// second is a clause of its own. Without a verb after the next noun, the adjective modifies that noun.
  @Test func runOnStatementsSplitAfterThePredicateAdjective() {
    expectEdges(
      "heart size normal lungs are clear.",
      ["normal -nsubj-> size", "clear -nsubj-> lungs", "normal -parataxis-> clear"], absent: ["lungs -amod-> normal"])
    expectEdges("normal lungs are clear.", ["lungs -amod-> normal", "clear -nsubj-> lungs"])
    expectEdges("heart size and normal lungs.", ["lungs -amod-> normal"])
  }

  /// "opacity, atelectasis versus infiltrate": "versus" weighs two alternatives; the noun before the comma is
  /// what they explain (apposition), not a third alternative. A list joined by "or" keeps all its members.
  @Test func versusJoinsOnlyTheTwoAlternatives() {
    expectEdges(
      "left basilar opacity, atelectasis versus infiltrate.",
      ["opacity -appos-> atelectasis", "atelectasis -conj:versus-> infiltrate"],
      absent: ["opacity -conj:versus-> atelectasis", "opacity -conj:versus-> infiltrate"])
    expectEdges(
      "no effusion, pneumothorax or consolidation.",
      ["effusion -conj:or-> pneumothorax", "effusion -conj:or-> consolidation"])
  }

  /// "scarring or atelectasis right midlung": adjectives precede their noun, so a side adjective after a noun
  /// starts the location's own phrase; the finding keeps its coordination instead of becoming a compound of the
  /// location.
  @Test func sideAdjectiveAfterANounStartsTheLocation() {
    expectEdges(
      "scarring or atelectasis right midlung.",
      ["scarring -conj:or-> atelectasis", "midlung -amod-> right"],
      absent: ["midlung -compound-> atelectasis", "midlung -conj:or-> scarring"])
    expectEdges(
      "minimal atelectasis right base.", ["atelectasis -amod-> minimal", "base -amod-> right"],
      absent: ["base -compound-> atelectasis"])
    expectEdges("right base atelectasis.", ["atelectasis -amod-> right", "atelectasis -compound-> base"])
  }

  @Test func sizeFollowedByLimitsOfNormal() {
    expectEdges(
      "heart size upper limits of normal.",
      [
        "size -compound-> heart", "size -dep-> limits", "limits -amod-> upper", "limits -nmod:of-> normal",
        "normal -case-> of",
      ])
  }

  @Test func reportingParticipleAndStatusPost() {
    expectEdges(
      "no residual effusion identified status post thoracentesis.",
      [
        "effusion -neg-> no", "identified -nsubj-> effusion", "status -nmod:post-> thoracentesis",
        "thoracentesis -case-> post",
      ])
  }

  @Test func coordinationChains() {
    expectEdges(
      "may represent atelectasis versus mild edema or an atypical infectious process.",
      [
        "represent -dobj-> atelectasis", "atelectasis -conj:versus-> edema", "edema -conj:or-> process",
        "atelectasis -conj:versus-> process", "represent -dobj-> process", "edema -cc-> or",
      ])
    expectEdges(
      "calcifications and ectasia or tortuosity.",
      ["calcifications -conj:and-> ectasia", "ectasia -conj:or-> tortuosity", "calcifications -conj:and-> tortuosity"],
      absent: ["calcifications -conj:or-> tortuosity"])
    expectEdges(
      "infiltrate or atelectasis, and small effusions.",
      ["infiltrate -conj:or-> atelectasis", "infiltrate -conj:and-> effusions"],
      absent: ["atelectasis -conj:and-> effusions"])
    expectEdges(
      "findings could be atelectasis or possibly pneumonia.",
      ["atelectasis -conj:or-> pneumonia", "pneumonia -advmod-> possibly", "atelectasis -aux-> could"])
  }

  @Test func parallelPrepositionalPhrasesUnderVersus() {
    expectEdges(
      "atelectasis in the left base versus scarring in the fissure.",
      ["atelectasis -conj:versus-> scarring", "atelectasis -nmod:in-> base", "scarring -nmod:in-> fissure"],
      absent: ["base -conj:versus-> scarring"])
  }

  @Test func prenominalParticiples() {
    // A participle opening a coordination at the start of the phrase is converted as a nominal premodifier
    // (`compound`); an adjective in the same place stays an `amod`, as does a lone participle.
    expectEdges(
      "this may represent resolving or developing pneumonia given the history.",
      [
        "represent -dobj-> pneumonia", "pneumonia -compound-> resolving", "resolving -conj:or-> developing",
        "pneumonia -compound-> developing", "pneumonia -nmod:given-> history",
      ],
      absent: ["pneumonia -amod-> resolving"])
    expectEdges(
      "this may represent residual or recurrent pneumonia.",
      ["pneumonia -amod-> residual", "residual -conj:or-> recurrent", "pneumonia -amod-> recurrent"])
    expectEdges("this may represent resolving pneumonia.", ["pneumonia -amod-> resolving"])
    expectEdges(
      "prominence may be secondary to enlarging thyroid mass.",
      ["secondary -nmod:to-> mass", "mass -case-> to", "mass -amod-> enlarging"])
    expectEdges(
      "no displaced, acute rib fractures are identified.",
      [
        "fractures -neg-> no", "fractures -amod-> displaced", "fractures -amod-> acute",
        "identified -nsubjpass-> fractures",
      ])
    expectEdges(
      "no active infectious or tuberculous process.",
      [
        "process -neg-> no", "process -amod-> infectious", "infectious -conj:or-> tuberculous",
        "process -amod-> tuberculous",
      ])
  }

  @Test func adverbsAndDiscourse() {
    expectEdges(
      "please correlate clinically for pneumonia.",
      ["correlate -discourse-> please", "correlate -advmod-> clinically", "correlate -nmod:for-> pneumonia"])
  }

  @Test func adjectivePhraseAfterComma() {
    expectEdges(
      "enlargement of the mass, highly suspicious for malignancy.",
      ["mass -amod-> suspicious", "suspicious -advmod-> highly", "suspicious -nmod:for-> malignancy"])
  }

  /// Small clause: the verb's object is the subject of the infinitive's predicate, which is the verb's `xcomp`.
  @Test func smallClauseTakesTheObjectAsItsSubject() {
    expectEdges(
      "frontal images show the mediastinum to be within normal limits.",
      ["show -xcomp-> limits", "limits -nsubj-> mediastinum", "limits -cop-> be", "limits -case-> within"],
      absent: ["show -dobj-> mediastinum", "limits -nsubj-> images"])
    expectEdges(
      "views demonstrate the heart size to be xxxx normal.",
      ["demonstrate -xcomp-> normal", "normal -nsubj-> size", "normal -advmod-> xxxx"])
  }

  /// A participle after its noun, with only its own modifiers before the clause's finite verb, is a reduced
  /// relative (`acl`); the noun is the finite verb's subject. A participle after a phrase-opening adverb is
  /// prenominal.
  @Test func reducedRelativeAndPrenominalParticiple() {
    expectEdges(
      "the small right pneumothorax seen on the prior radiograph has resolved.",
      ["resolved -nsubj-> pneumothorax", "pneumothorax -acl-> seen", "seen -nmod:on-> radiograph"])
    expectEdges(
      "the effusion described previously is unchanged.",
      ["unchanged -nsubj-> effusion", "effusion -acl-> described"])
    expectEdges(
      "the previously noted left pleural effusion has xxxx resolved.",
      ["resolved -nsubj-> effusion", "effusion -amod-> noted", "resolved -advmod-> xxxx"])
    // A noun phrase of its own after the participle: a new statement, not a reduced relative.
    expectEdges("no effusion seen dense nodule suggests granuloma.", [], absent: ["effusion -acl-> seen"])
  }

  /// An introductory phrase closed by a comma modifies the main clause's root; the list after it is the
  /// statement's own.
  @Test func introductoryPhraseModifiesTheMainClause() {
    expectEdges(
      "on the frontal view, no pneumothorax or pleural effusion.",
      ["pneumothorax -nmod:on-> view", "pneumothorax -conj:or-> effusion"],
      absent: ["view -conj:or-> pneumothorax"])
    expectEdges(
      "compared with the prior study, the heart size is again normal.",
      ["normal -advcl-> compared", "normal -nsubj-> size", "normal -advmod-> again"])
    expectEdges(
      "given differences in technique, the mediastinum is unremarkable.",
      ["unremarkable -nmod:given-> differences", "unremarkable -nsubj-> mediastinum"])
  }

  /// A finding that alternatives explain: "opacity, (likely) scar or atelectasis" is an apposition of
  /// alternatives, so the opacity is not one of them.
  @Test func alternativesExplainAFinding() {
    expectEdges(
      "patchy opacity, likely scar or atelectasis.",
      ["opacity -appos-> scar", "scar -conj:or-> atelectasis"],
      absent: ["opacity -conj:or-> scar", "opacity -conj:or-> atelectasis"])
    expectEdges(
      "no opacity, effusion or pneumothorax.", ["opacity -conj:or-> effusion", "opacity -conj:or-> pneumothorax"])
  }

  /// A placeholder inside a predicate stands for the adverb it hides ("to be xxxx unremarkable").
  @Test func copulaVariants() {
    expectEdges(
      "the bones appear to be xxxx unremarkable.",
      [
        "appear -xcomp-> unremarkable", "unremarkable -cop-> be", "unremarkable -mark-> to",
        "unremarkable -advmod-> xxxx", "unremarkable -nsubj-> bones",
      ])
    expectEdges(
      "heart size and contour are stable and within normal limits allowing for rotation.",
      ["stable -nsubj-> size", "stable -nsubj-> contour", "stable -nmod:within-> limits", "limits -cc-> and"])
    expectEdges(
      "there may be some infection here.", ["infection -expl-> there", "infection -aux-> may", "infection -cop-> be"])
    expectEdges("this is essentially unchanged.", ["unchanged -nsubj-> this", "unchanged -cop-> is"])
  }

  @Test func clauseBoundaries() {
    expectEdges(
      "1. stable widened mediastinum 2. no pneumothorax.",
      ["mediastinum -amod-> stable", "mediastinum -amod-> widened", "pneumothorax -neg-> no"],
      absent: ["mediastinum -neg-> no"])
    expectEdges(
      "mild crowding however differential diagnosis includes edema, infection.",
      ["includes -nsubj-> diagnosis", "diagnosis -amod-> differential", "includes -dobj-> edema"])
  }

  /// "probably small effusion": a hedge adverb qualifies the whole noun phrase, not the adjective after it.
  @Test func hedgeAdverbModifiesTheNounPhrase() {
    expectEdges(
      "there is opacity, possibly early pneumonia.", ["pneumonia -advmod-> possibly", "pneumonia -amod-> early"],
      absent: ["early -advmod-> possibly"])
    expectEdges("mildly low lung volumes.", ["low -advmod-> mildly"])
  }

  /// "X, either Y or Z": the correlative coordination is an apposition of its own, not more items of X's list.
  @Test func correlativeEitherOpensItsOwnCoordination() {
    expectEdges(
      "there is basilar opacity, either scarring or effusion.",
      ["opacity -appos-> scarring", "scarring -conj:or-> effusion"], absent: ["opacity -conj:or-> scarring"])
  }

  /// "the aorta is not seen and not assessed": a coordinated predicate without a subject shares the first one's.
  @Test func coordinatedPredicatesShareTheSubject() {
    expectEdges(
      "the aorta is not clearly seen and not fully assessed.",
      ["seen -nsubjpass-> aorta", "seen -conj:and-> assessed", "assessed -nsubjpass-> aorta", "assessed -neg-> not"],
      absent: ["assessed -nsubj-> aorta"])
  }

  /// "without effusion or edema.": a fragment that opens with a preposition is headed by its object.
  @Test func fragmentOpeningWithAPreposition() {
    expectEdges("without effusion or edema.", ["effusion -case-> without", "effusion -conj:or-> edema"])
  }

  /// A reporting participle after a list keeps the list together ("no A, B, or C seen"), where a past tense would
  /// have started a clause at "or".
  @Test func reportingParticipleAfterAList() {
    expectEdges(
      "volumes are low without nodule, mass, or effusion seen.",
      ["nodule -conj:or-> effusion", "nodule -conj:or-> mass"], absent: ["seen -nsubj-> effusion"])
  }

  /// "near normal": before an adjective, `near` is an adverb; "views show": `show` is a verb.
  @Test func nearBeforeAnAdjectiveAndShowAfterANoun() {
    expectEdges("the aorta is near normal in caliber.", ["normal -nsubj-> aorta", "normal -advmod-> near"])
    expectEdges("two views show a normal heart.", ["show -nsubj-> views", "show -dobj-> heart"])
  }

  /// A prepositional phrase after a coordination attaches to the nearest conjunct ("A and removal of B").
  @Test func prepositionalPhraseAfterACoordination() {
    expectEdges(
      "there is edema but no sign of effusion.", ["sign -nmod:of-> effusion"], absent: ["edema -nmod:of-> effusion"])
  }

  /// Alternatives may mix a predicate adjective and a noun; a coordinator after a predicate adjective joins two
  /// clauses when a finite verb follows the next noun phrase.
  @Test func mixedAlternativesAndCoordinatedClauses() {
    expectEdges("the bands are atelectatic or scar.", ["atelectatic -conj:or-> scar", "atelectatic -nsubj-> bands"])
    expectEdges(
      "the aorta is normal and hilar contour has a lobulated margin.",
      ["normal -nsubj-> aorta", "has -nsubj-> contour"], absent: ["contour -amod-> normal"])
  }

  /// "no old, healed fractures": a participle after a comma stays inside the noun phrase.
  @Test func participleAfterACommaInsideANounPhrase() {
    expectEdges(
      "no old, healed fractures.", ["fractures -amod-> healed", "fractures -amod-> old", "fractures -neg-> no"])
  }

  /// Text without punctuation: a statement ends where the next one visibly starts. A noun phrase opened by "no"
  /// or by a determiner after another noun phrase, or a subject with its own finite verb once the clause has its
  /// verb and a complement, starts a new clause; the negation does not reach back over it.
  @Test func runOnStatementBoundaries() {
    expectEdges(
      "mild cardiomegaly no pleural effusion", ["effusion -neg-> no"],
      absent: ["cardiomegaly -neg-> no", "cardiomegaly -dep-> effusion"])
    expectEdges(
      "the lungs are expanded the heart size is normal there is no effusion",
      ["normal -nsubj-> size", "expanded -parataxis-> normal", "is -nsubj-> effusion"],
      absent: ["expanded -nsubj-> size"])
    expectEdges(
      "there is no pneumothorax the heart and mediastinum are normal",
      ["normal -nsubj-> heart", "normal -nsubj-> mediastinum"])
  }

  /// Text without punctuation: list commas left out. An adjective after a noun and before another noun, or a noun
  /// after a plural noun, opens the next item ("consolidation | pleural effusion or pneumothorax").
  @Test func juxtaposedListItems() {
    expectEdges(
      "negative for focal consolidation pleural effusion or pneumothorax",
      [
        "negative -nmod:for-> consolidation", "consolidation -conj:or-> effusion",
        "consolidation -conj:or-> pneumothorax",
      ],
      absent: ["effusion -compound-> consolidation"])
    expectEdges("no nodules masses or effusions", ["nodules -conj:or-> masses", "nodules -conj:or-> effusions"])
    expectEdges("no xxxx focal consolidation", ["consolidation -compound-> xxxx", "consolidation -neg-> no"])
  }
}
