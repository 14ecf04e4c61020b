/// cxrlabel's default data files, compiled into the library so an installed binary needs no source tree.
///
/// Each property is the text of one file under `Phrases/data/`; `CXRLabel` parses and validates them.
public enum DefaultData {
  /// A named data file: its path relative to the package (for error messages) and its text.
  public struct File: Sendable {
    /// The file's path relative to the package root.
    public let path: String
    /// The file's contents.
    public let text: String
  }

  /// The CheXpert labeler's vocabulary in cxrlabel's format.
  public static var chexpertPhrases: File {
    File(
      path: "Phrases/data/chexpert.phrases", text: String(decoding: PackageResources.chexpert_phrases, as: UTF8.self))
  }

  /// English sentence-splitting facts for the Punkt-compatible splitter.
  public static var punktEnglish: File {
    File(
      path: "Phrases/data/punkt-english.facts",
      text: String(decoding: PackageResources.punkt_english_facts, as: UTF8.self))
  }

  /// MIMIC-CXR section names and per-study overrides.
  public static var mimicSections: File {
    File(
      path: "Phrases/data/mimic-cxr.sections",
      text: String(decoding: PackageResources.mimic_cxr_sections, as: UTF8.self))
  }
}

extension DefaultData {
  /// The dependency parser's lexicon: closed-class words, open-class word lists, irregular forms, and the word
  /// sets its attachment heuristics consult.
  public static var parserLexicon: File {
    File(path: "Phrases/data/parser.lexicon", text: String(decoding: PackageResources.parser_lexicon, as: UTF8.self))
  }
}

extension DefaultData {
  /// The CheXpert labeler's rules in cxrlabel's rule notation.
  public static var chexpertRules: File {
    File(path: "Phrases/data/chexpert.rules", text: String(decoding: PackageResources.chexpert_rules, as: UTF8.self))
  }
}

extension DefaultData {
  /// The vocabulary of NegBio's MIMIC-CXR pipeline in cxrlabel's format.
  public static var negbioPhrases: File {
    File(path: "Phrases/data/negbio.phrases", text: String(decoding: PackageResources.negbio_phrases, as: UTF8.self))
  }

  /// NegBio-MIMIC's graph rules in cxrlabel's rule notation.
  public static var negbioRules: File {
    File(path: "Phrases/data/negbio.rules", text: String(decoding: PackageResources.negbio_rules, as: UTF8.self))
  }

  /// NegBio-MIMIC's regular-expression rules in cxrlabel's format.
  public static var negbioRegex: File {
    File(path: "Phrases/data/negbio.regex", text: String(decoding: PackageResources.negbio_regex, as: UTF8.self))
  }

  /// NegBio-MIMIC's section titles, one pattern per line.
  public static var negbioSectionTitles: File {
    File(
      path: "Phrases/data/negbio-section-titles.txt",
      text: String(decoding: PackageResources.negbio_section_titles_txt, as: UTF8.self))
  }
}

extension DefaultData {
  /// The amendments (`--amend`): rules that repair the originals' rule flaws, in cxrlabel's rule notation.
  public static var amendRules: File {
    File(path: "Phrases/data/amend.rules", text: String(decoding: PackageResources.amend_rules, as: UTF8.self))
  }

  /// The amendments' vocabulary (`--amend`): phrases the originals' lists lack, in cxrlabel's format.
  public static var amendPhrases: File {
    File(path: "Phrases/data/amend.phrases", text: String(decoding: PackageResources.amend_phrases, as: UTF8.self))
  }
}
