import CXRLabelData

/// The data files compiled into cxrlabel, parsed anew on each call (a labeler parses them once, when it is made).
public enum DefaultResources {
  /// cxrlabel's CheXpert vocabulary (`Phrases/data/chexpert.phrases`).
  public static func chexpertVocabulary() throws(CXRLabelError) -> Vocabulary {
    let file = DefaultData.chexpertPhrases
    return try Vocabulary.parse(file.text, file: file.path)
  }

  /// cxrlabel's English sentence-splitting facts (`Phrases/data/punkt-english.facts`).
  public static func punktEnglish() throws(CXRLabelError) -> PunktModel {
    let file = DefaultData.punktEnglish
    return try PunktModel.parse(facts: file.text, file: file.path)
  }

  /// The dependency parser's lexicon (`Phrases/data/parser.lexicon`).
  static func parserLexicon() throws(CXRLabelError) -> ParserLexicon {
    let file = DefaultData.parserLexicon
    return try ParserLexicon.parse(file.text, file: file.path, complete: true)
  }

  /// The MIMIC-CXR section rules (`Phrases/data/mimic-cxr.sections`).
  public static func mimicSections() throws(CXRLabelError) -> SectionRules {
    let file = DefaultData.mimicSections
    return try SectionRules.parse(file.text, file: file.path)
  }

  /// cxrlabel's CheXpert rules (`Phrases/data/chexpert.rules`).
  public static func chexpertRules() throws(CXRLabelError) -> ClassificationRules {
    let file = DefaultData.chexpertRules
    return try ClassificationRules.parseNotation(file.text, file: file.path)
  }

  /// cxrlabel's NegBio-MIMIC vocabulary (`Phrases/data/negbio.phrases`).
  public static func negbioVocabulary() throws(CXRLabelError) -> Vocabulary {
    let file = DefaultData.negbioPhrases
    return try Vocabulary.parse(file.text, file: file.path)
  }

  /// cxrlabel's NegBio-MIMIC graph rules (`Phrases/data/negbio.rules`).
  public static func negbioRules() throws(CXRLabelError) -> ClassificationRules {
    let file = DefaultData.negbioRules
    return try ClassificationRules.parseNotation(file.text, file: file.path)
  }

  /// The amendment layer's rules (`Phrases/data/amend.rules`), applied with `--amend`.
  public static func amendRules() throws(CXRLabelError) -> ClassificationRules {
    let file = DefaultData.amendRules
    return try ClassificationRules.parseNotation(file.text, file: file.path)
  }

  /// The amendment layer's vocabulary (`Phrases/data/amend.phrases`), added with `--amend`.
  public static func amendVocabulary() throws(CXRLabelError) -> Vocabulary {
    let file = DefaultData.amendPhrases
    return try Vocabulary.parse(file.text, file: file.path)
  }

  /// cxrlabel's NegBio-MIMIC regular-expression rules (`Phrases/data/negbio.regex`).
  public static func negbioRegexRules() throws(CXRLabelError) -> RegexRules {
    let file = DefaultData.negbioRegex
    return try RegexRules.parse(file.text, file: file.path)
  }

  /// NegBio-MIMIC's section titles (`Phrases/data/negbio-section-titles.txt`).
  public static func negbioSectionTitles() throws(CXRLabelError) -> PassageSplitter {
    let file = DefaultData.negbioSectionTitles
    return try PassageSplitter(titleLines: PassageSplitter.titleLines(file.text), file: file.path)
  }

  /// Every compiled-in data file, by its file name (`chexpert.phrases`, `parser.lexicon`, ...), with its text: what
  /// `cxrlabel data export` writes, so that the files can be edited and loaded back (`--phrases`, `--rules`,
  /// `--lexicon`, ...).
  public static var files: [(name: String, text: String)] {
    [
      DefaultData.chexpertPhrases, DefaultData.chexpertRules, DefaultData.negbioPhrases, DefaultData.negbioRules,
      DefaultData.negbioRegex, DefaultData.negbioSectionTitles, DefaultData.parserLexicon, DefaultData.punktEnglish,
      DefaultData.mimicSections, DefaultData.amendRules, DefaultData.amendPhrases,
    ].map { (name: String($0.path.split(separator: "/").last ?? Substring($0.path)), text: $0.text) }
  }
}
