/// A dependency relation the parser emits: early Universal Dependencies as CoreNLP 3.5.2 writes them, with
/// CC-processed (collapsed) prepositions and conjunctions.
///
/// The parser compares relations as values of this type; the relation's text (``description``) appears only where
/// a graph is written out.
enum Relation: Hashable, Sendable, CustomStringConvertible {
  case nsubj, nsubjpass, dobj, xcomp, ccomp, advcl, acl, aclRelcl, appos, amod, advmod, neg, det, compound
  case nummod, cop, aux, auxpass, mark, cc, punct, parataxis, dep, expl, discourse, caseMarker, nmodPoss, nmodNpmod
  /// `nmod:<preposition>`, collapsed ("nmod:of").
  case nmod(String)
  /// `conj:<coordinator>` ("conj:or"); `conj` alone when the coordinator is unknown.
  case conj(String?)

  /// The relation as CoreNLP writes it.
  var description: String {
    switch self {
    case .nsubj: return "nsubj"
    case .nsubjpass: return "nsubjpass"
    case .dobj: return "dobj"
    case .xcomp: return "xcomp"
    case .ccomp: return "ccomp"
    case .advcl: return "advcl"
    case .acl: return "acl"
    case .aclRelcl: return "acl:relcl"
    case .appos: return "appos"
    case .amod: return "amod"
    case .advmod: return "advmod"
    case .neg: return "neg"
    case .det: return "det"
    case .compound: return "compound"
    case .nummod: return "nummod"
    case .cop: return "cop"
    case .aux: return "aux"
    case .auxpass: return "auxpass"
    case .mark: return "mark"
    case .cc: return "cc"
    case .punct: return "punct"
    case .parataxis: return "parataxis"
    case .dep: return "dep"
    case .expl: return "expl"
    case .discourse: return "discourse"
    case .caseMarker: return "case"
    case .nmodPoss: return "nmod:poss"
    case .nmodNpmod: return "nmod:npmod"
    case .nmod(let preposition): return "nmod:" + preposition
    case .conj(let coordinator): return coordinator.map { "conj:" + $0 } ?? "conj"
    }
  }

  /// A nominal subject, active or passive.
  var isSubject: Bool { self == .nsubj || self == .nsubjpass }
  /// A conjunct (`conj`, `conj:<coordinator>`).
  var isConjunct: Bool {
    if case .conj = self { return true }
    return false
  }
}
