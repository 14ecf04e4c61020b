internal import Foundation

/// Where a labeler's data comes from: cxrlabel's compiled-in defaults, or files the user names (including the
/// original tools' files, loaded unchanged).
public struct LabelerSettings: Sendable, Hashable {
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
  /// Whether the amendment layer (`Phrases/data/amend.rules` and `amend.phrases`) is added to whichever rules and
  /// vocabulary the labeler uses, to repair the originals' rule flaws (`--amend`). Off: the originals' labels.
  public var amend = false
  /// The original labeler's three rule files: pre-negation uncertainty, negation, post-negation uncertainty
  /// (`.txt` or NegBio's `.yml`); replaces `rulesFile`.
  public var originalRuleFiles: [String]?

  /// NegBio's two regular-expression rule files (negation, uncertainty), replacing the compiled-in ones.
  public var originalRegexFiles: [String]?
  /// A NegBio section-title file (one pattern per line), replacing the compiled-in titles.
  public var sectionTitlesFile: String?
  /// Sentence facts in cxrlabel's format (`Phrases/data/punkt-english.facts`), replacing the compiled-in ones.
  public var punktFactsFile: String?
  /// Section-choice rules in cxrlabel's format (`Phrases/data/mimic-cxr.sections`), replacing the compiled-in ones.
  public var sectionRulesFile: String?
  /// NegBio's regular-expression rules in cxrlabel's format (`Phrases/data/negbio.regex`).
  public var regexRulesFile: String?
  /// The parser's lexicon (`Phrases/data/parser.lexicon`), replacing the compiled-in one.
  public var lexiconFile: String?

  /// The defaults: everything compiled in, the MIMIC-CXR section choice.
  public init() {}

  /// Builds NegBio-MIMIC's front end: no cleaning, passages at section titles, sentences per passage in
  /// original case, case-insensitive matching with spaces as any whitespace.
  public func negbioFrontEnd() throws(CXRLabelError) -> FrontEnd {
    let vocabulary: Vocabulary
    switch (mentionDirectory, unmentionDirectory, phrasesFile) {
    case (nil, nil, let file?) where FileEnding.yaml.matches(file):
      vocabulary = try Vocabulary.loadNegBioYAML(try Self.readText(file), file: file)
    case (nil, nil, nil):
      vocabulary = try DefaultResources.negbioVocabulary()
    default:
      vocabulary = try loadVocabulary()
    }
    let amended = amend ? vocabulary.adding(try DefaultResources.amendVocabulary()) : vocabulary
    let passages: PassageSplitter
    if let file = sectionTitlesFile {
      passages = try PassageSplitter(titleLines: PassageSplitter.titleLines(try Self.readText(file)), file: file)
    } else {
      passages = try DefaultResources.negbioSectionTitles()
    }
    return FrontEnd(
      sections: SectionExtractor(rules: try loadSectionRules(), choice: sections),
      sectionsForCSV: sectionsForCSV, cleaner: nil, splitter: SentenceSplitter(model: try loadPunkt()),
      matcher: try MentionMatcher(
        vocabulary: amended, options: MatchOptions(caseInsensitive: true, spacesMatchAnyWhitespace: true)),
      passages: passages, stripsWrappingQuotes: true)
  }

  /// NegBio-MIMIC's graph rules: the compiled-in ones, or the files the settings name.
  public func loadNegBioRules() throws(CXRLabelError) -> ClassificationRules {
    if originalRuleFiles != nil || rulesFile != nil { return try loadRules() }
    let rules = try DefaultResources.negbioRules()
    return amend ? rules.amended(by: try DefaultResources.amendRules()) : rules
  }

  /// NegBio-MIMIC's regular-expression rules: the compiled-in ones, or NegBio's two YAML files.
  public func loadNegBioRegexRules() throws(CXRLabelError) -> RegexRules {
    if let regexRulesFile { return try RegexRules.parse(try Self.readText(regexRulesFile), file: regexRulesFile) }
    guard let files = originalRegexFiles else { return try DefaultResources.negbioRegexRules() }
    guard files.count == 2 else {
      throw CXRLabelError(.invalidArgument, "Give both --negation-regex and --uncertainty-regex.")
    }
    return try RegexRules.loadNegBio(negation: files[0], uncertainty: files[1])
  }

  /// Builds the CheXpert front end; throws file/line errors for bad data files.
  public func chexpertFrontEnd() throws(CXRLabelError) -> FrontEnd {
    let base = try loadVocabulary()
    let vocabulary = amend ? base.adding(try DefaultResources.amendVocabulary()) : base
    let model = try loadPunkt()
    return FrontEnd(
      sections: SectionExtractor(rules: try loadSectionRules(), choice: sections),
      sectionsForCSV: sectionsForCSV, cleaner: ReportCleaner(), splitter: SentenceSplitter(model: model),
      matcher: try MentionMatcher(vocabulary: vocabulary, options: .chexpert))
  }

  /// The classification rules the settings name (the compiled-in ones by default).
  public func loadRules() throws(CXRLabelError) -> ClassificationRules {
    let rules = try loadBaseRules()
    return amend ? rules.amended(by: try DefaultResources.amendRules()) : rules
  }

  /// The rules before any amendment.
  private func loadBaseRules() throws(CXRLabelError) -> ClassificationRules {
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

  /// The section-choice rules the settings name (the compiled-in MIMIC-CXR ones by default).
  public func loadSectionRules() throws(CXRLabelError) -> SectionRules {
    guard let file = sectionRulesFile else { return try DefaultResources.mimicSections() }
    return try SectionRules.parse(try Self.readText(file), file: file)
  }

  /// The dependency parser, with the lexicon the settings name (the compiled-in one by default).
  public func parser() throws(CXRLabelError) -> DependencyParser {
    guard let file = lexiconFile else { return DependencyParser() }
    return try DependencyParser(lexicon: try Self.readText(file), file: file)
  }

  func loadPunkt() throws(CXRLabelError) -> PunktModel {
    if let file = punktFactsFile { return try PunktModel.parse(facts: try Self.readText(file), file: file) }
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
      throw CXRLabelError(
        .unreadable, "Cannot read the file.", at: .init(file: path), hint: "Check the path and its permissions.")
    }
    return try utf8Text(Array(data), path: path)
  }

  /// The bytes of a data file as text; throws `invalidInput` naming the line and column of the first byte that
  /// is not UTF-8 (a phrase or rule in another encoding would silently never match).
  static func utf8Text(_ bytes: [UInt8], path: String) throws(CXRLabelError) -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    var line = 1
    var lineStart = 0
    var index = 0
    while index < bytes.count {
      var length = 0
      for candidate in 1...4 where index + candidate <= bytes.count {
        if String(validating: bytes[index..<(index + candidate)], as: UTF8.self) != nil {
          length = candidate
          break
        }
      }
      guard length > 0 else { break }
      if bytes[index] == UInt8(ascii: "\n") {
        line += 1
        lineStart = index + 1
      }
      index += length
    }
    let byte = index < bytes.count ? String(bytes[index], radix: 16, uppercase: true) : "?"
    throw CXRLabelError(
      .invalidInput, "Byte 0x\(byte) is not UTF-8.", at: .init(file: path, line: line, column: index - lineStart + 1),
      hint: "Save the file as UTF-8 (iconv -f LATIN1 -t UTF-8 FILE > FILE.utf8).")
  }
}
