internal import Foundation

/// Where a labeler's data comes from: cxrlabel's compiled-in defaults, or files the user names (including the
/// original tools' files, loaded unchanged).
public struct FrontEndSettings: Sendable, Hashable {
  /// A vocabulary in cxrlabel's format; nil uses the compiled-in one.
  public var phrasesFile: String?
  /// The original labeler's `phrases/mention` directory; with `unmentionDirectory`, replaces the vocabulary.
  public var mentionDirectory: String?
  /// The original labeler's `phrases/unmention` directory.
  public var unmentionDirectory: String?
  /// A directory with NLTK's four Punkt tables (`abbrev_types.txt`, `collocations.tsv`, `sent_starters.txt`,
  /// `ortho_context.tsv`); nil uses the compiled-in facts.
  public var punktDirectory: String?
  /// Which part of report files to label.
  public var sections: SectionChoice = .mimic
  /// Whether CSV rows also go through section extraction.
  public var sectionsForCSV: Bool = false
  /// Rules in cxrlabel's notation; nil uses the compiled-in ones.
  public var rulesFile: String?
  /// The original labeler's three rule files: pre-negation uncertainty, negation, post-negation uncertainty
  /// (`.txt` or NegBio's `.yml`); replaces `rulesFile`.
  public var originalRuleFiles: [String]?

  /// The defaults: everything compiled in, the MIMIC-CXR section choice.
  public init() {}

  /// Builds the CheXpert front end; throws file/line errors for bad data files.
  public func chexpertFrontEnd() throws(CXRLabelError) -> FrontEnd {
    let vocabulary = try loadVocabulary()
    let model = try loadPunkt()
    return FrontEnd(
      sections: SectionExtractor(rules: try DefaultResources.mimicSections(), choice: sections),
      sectionsForCSV: sectionsForCSV, cleaner: ReportCleaner(), splitter: SentenceSplitter(model: model),
      matcher: try MentionMatcher(vocabulary: vocabulary, options: .chexpert))
  }

  /// The classification rules the settings name (the compiled-in ones by default).
  public func loadRules() throws(CXRLabelError) -> ClassificationRules {
    if let files = originalRuleFiles {
      guard files.count == 3 else {
        throw CXRLabelError(
          .invalidArgument,
          "Give all three original rule files: --pre-negation-uncertainty, --negation and --post-negation-uncertainty.")
      }
      return ClassificationRules(
        preNegationUncertainty: try RuleSet.load(path: files[0]), negation: try RuleSet.load(path: files[1]),
        postNegationUncertainty: try RuleSet.load(path: files[2]))
    }
    if let rulesFile { return try ClassificationRules.parseNotation(try Self.readText(rulesFile), file: rulesFile) }
    return try DefaultResources.chexpertRules()
  }

  func loadVocabulary() throws(CXRLabelError) -> Vocabulary {
    switch (mentionDirectory, unmentionDirectory, phrasesFile) {
    case (let mention?, let unmention?, nil):
      return try Vocabulary.loadOriginal(mentionDirectory: mention, unmentionDirectory: unmention)
    case (nil, nil, let file?):
      return try Vocabulary.parse(try Self.readText(file), file: file)
    case (nil, nil, nil):
      return try DefaultResources.chexpertVocabulary()
    default:
      throw CXRLabelError(
        .invalidArgument, "Give either --phrases FILE, or both --mention-phrases DIR and --unmention-phrases DIR.")
    }
  }

  func loadPunkt() throws(CXRLabelError) -> PunktModel {
    guard let directory = punktDirectory else { return try DefaultResources.punktEnglish() }
    return try PunktModel.parse(
      abbreviations: try Self.readText(directory + "/abbrev_types.txt"),
      collocations: try Self.readText(directory + "/collocations.tsv"),
      sentenceStarters: try Self.readText(directory + "/sent_starters.txt"),
      orthography: try Self.readText(directory + "/ortho_context.tsv"),
      orthographyFile: directory + "/ortho_context.tsv")
  }

  static func readText(_ path: String) throws(CXRLabelError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CXRLabelError(.unreadable, "Cannot read \(path).", hint: "Check the path.")
    }
    return String(decoding: data, as: UTF8.self)
  }
}
