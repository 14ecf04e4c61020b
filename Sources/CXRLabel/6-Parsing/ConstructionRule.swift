/// The constructions the parser knows, in one ordered table: each is a named rule that attaches words with the
/// edges it names. The order of the cases is the rules' precedence: when two rules attach the same word, the one
/// declared first keeps it, whichever ran first (`DependencyBuilder.attach(_:to:_:by:)`). Every rule has example
/// sentences of ours; a test parses each and checks that the rule made an edge in it.
enum ConstructionRule: Int, CaseIterable, Sendable {
  /// A coordination inside one phrase ("cardiac *and* mediastinal contours"): `cc`, `conj:<cc>`. It comes before
  /// the phrase's other modifiers, so the later conjunct stays a conjunct.
  case innerCoordination
  /// Modifiers inside a noun or adjective phrase: `det`, `amod`, `compound`, `nmod:poss`, `nummod`, `neg` ("no").
  case nounPhrase
  /// "A in X versus B in Y": parallel prepositional phrases coordinate A with B.
  case parallelPrepositionalPhrases
  /// A list of noun or adjective phrases ("X, Y, or Z"): later items `conj:<cc>` of the first.
  case coordinatedList
  /// "views demonstrate X to be normal": X is the `nsubj` of the infinitive's predicate, the predicate the verb's
  /// `xcomp`.
  case smallClause
  /// "without focal consolidation": a fragment that opens with a preposition is headed by its object (`case`).
  case prepositionalFragment
  /// "heart and mediastinum normal.", "heart size within normal limits.": a verbless clause's predicate, with every
  /// subject its `nsubj`.
  case verblessPredicate
  /// "X is [adverb] normal / within normal limits": the predicate heads the clause (`cop`, `case`, `advmod`,
  /// `nmod:npmod`).
  case copulaPredicate
  /// The words of a verb group around its main verb: `aux`, `auxpass`, `neg`, `advmod`.
  case verbGroup
  /// "there is no X": `expl`, and the noun after the verb its `nsubj`.
  case existential
  /// The subject before the clause's verb: `nsubj`, `nsubjpass` ("X is not seen").
  case subject
  /// The object or complement after the verb: `dobj`, `xcomp` ("appear normal").
  case object
  /// A prepositional phrase: `case`, and `nmod:<prep>` under the nearest noun, adjective or verb.
  case prepositionalPhrase
  /// An adjective after a noun (or after its comma): `amod` ("mass, suspicious for malignancy").
  case postnominalAdjective
  /// An adverb: `advmod` on the verb before it or the word after it.
  case adverb
  /// "which may be normal", "to be within normal limits": a secondary verb's copula and predicate.
  case secondaryPredicate
  /// A `to`-infinitive: `mark`, and `acl` under a noun or `xcomp` under a verb.
  case infinitive
  /// A relative clause ("which is ..."): `nsubj` of the relative pronoun, `acl:relcl` under the noun.
  case relativeClause
  /// A participle that modifies a noun: `acl` ("the effusion *seen* on the prior study", "opacity, *favoring*
  /// scarring"), or `advcl` after a preposition.
  case participleModifier
  /// The object of a secondary verb: `dobj`.
  case secondaryObject
  /// "stable and within normal limits": the `cc` hangs on the prepositional object.
  case coordinatedPrepositionalPhrase
  /// A noun phrase after a comma: `appos` of the noun before it.
  case apposition
  /// An interjection ("please"): `discourse`.
  case discourse
  /// "compared with the prior study, ...": the introductory phrase modifies the main clause's root (`advcl`,
  /// `nmod:<prep>`).
  case introductoryPhrase
  /// "note that X ...": `mark`, and the clause the verb's `ccomp`.
  case complementClause
  /// "..., with a small effusion present": an absolute clause, `advcl` of the main clause's root with its `mark`.
  case absoluteClause
  /// Two clauses joined by a coordinator: `cc`, `conj:<cc>`.
  case coordinatedClauses
  /// Statements side by side (a semicolon, a run-on without punctuation): `parataxis` under the first.
  case parataxis
  /// Whatever no rule attached: `dep` (or `punct`) under the clause's or sentence's root.
  case unattached

  /// The rule's id, as tests and documentation name it.
  var id: String {
    var name = ""
    for character in String(describing: self) {
      if character.isUppercase { name += "-" + character.lowercased() } else { name.append(character) }
    }
    return name
  }

  /// Sentences of ours in which the rule attaches a word.
  var examples: [String] {
    switch self {
    case .nounPhrase: return ["no acute osseous abnormality.", "the enlarged cardiac silhouette."]
    case .innerCoordination: return ["cardiac and mediastinal contours.", "resolving or developing pneumonia."]
    case .parallelPrepositionalPhrases:
      return [
        "atelectasis in the left base versus pneumonia in the right base.", "scar in the apex or nodule in the base.",
      ]
    case .coordinatedList: return ["no pneumothorax, pleural effusion, or consolidation.", "atelectasis or pneumonia."]
    case .smallClause:
      return [
        "views demonstrate the mediastinum to be normal.", "the films show the heart size to be within normal limits.",
      ]
    case .prepositionalFragment: return ["without focal consolidation.", "with small bilateral effusions."]
    case .verblessPredicate: return ["heart and mediastinum normal.", "heart size within normal limits."]
    case .copulaPredicate: return ["the heart is xxxx normal in size.", "the lungs are again clear."]
    case .verbGroup: return ["pneumothorax is not seen.", "the effusion may have increased."]
    case .existential: return ["there is no pneumothorax.", "there are small effusions."]
    case .subject: return ["the effusion has resolved.", "small effusions are suspected."]
    case .object: return ["the lungs appear clear.", "the film shows atelectasis."]
    case .prepositionalPhrase: return ["no evidence of pneumonia.", "opacity in the left base."]
    case .postnominalAdjective:
      return ["a mass in the lobe, suspicious for malignancy.", "nodule in the right apex, suspicious for neoplasm."]
    case .adverb: return ["correlate clinically for pneumonia.", "left basilar opacity, possibly atelectasis."]
    case .secondaryPredicate:
      return ["opacity which may be atelectasis.", "the bones appear to be unremarkable."]
    case .infinitive: return ["recommend followup to assess resolution.", "the lungs appear to be clear."]
    case .relativeClause: return ["opacity which may represent atelectasis.", "a nodule, which is stable."]
    case .participleModifier:
      return ["the effusion seen on the prior study has resolved.", "right upper lobe opacity, favoring scarring."]
    case .secondaryObject:
      return ["right upper lobe opacity, favoring scarring.", "basilar opacity, suggesting atelectasis."]
    case .coordinatedPrepositionalPhrase:
      return ["heart size is stable and within normal limits.", "contours are normal and within normal limits."]
    case .apposition: return ["left basilar opacity, likely atelectasis.", "patchy opacity, scar or atelectasis."]
    case .discourse: return ["please correlate clinically.", "please see the ct."]
    case .introductoryPhrase:
      return ["compared with the prior study, the heart is normal.", "on the frontal view, no pneumothorax."]
    case .complementClause: return ["note that fractures may not be seen.", "note that the heart is enlarged."]
    case .absoluteClause:
      return [
        "the heart is normal, with a small left effusion present.", "the heart is enlarged, with the lungs clear.",
      ]
    case .coordinatedClauses:
      return ["the heart is normal and the lungs are clear.", "the heart is enlarged but the lungs are clear."]
    case .parataxis: return ["the heart is normal; the lungs are clear.", "heart size normal lungs are clear."]
    case .unattached: return ["cardiomegaly.", "views of the chest."]
    }
  }
}
