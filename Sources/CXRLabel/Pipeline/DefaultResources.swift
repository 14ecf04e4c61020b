import CXRLabelData

/// The data files compiled into cxrlabel, parsed. Parsing happens once per process.
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
}
