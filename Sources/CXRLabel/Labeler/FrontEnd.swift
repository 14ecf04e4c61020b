/// A note about one study that the run summary counts and explanations show.
public enum StudyNote: String, Sendable, Hashable, CaseIterable {
  /// The text to label was empty (nothing chosen, or an empty report).
  case emptyText = "empty text"
  /// The input was not valid UTF-8; invalid bytes were replaced.
  case invalidUTF8 = "invalid UTF-8 (decoded lossily)"
  /// A report file had no section to label (no impression, findings, last paragraph or comparison).
  case noSection = "no usable section"
  /// A report file outside a MIMIC-CXR tree had no section headers at all, so the whole report was labelled (as one
  /// section: the final one).
  case wholeReport = "no section headers (the whole report was labelled)"
  /// A sentence had at least ``Labeler/parseTokenLimit`` tokens and was left unparsed, as BLLIP leaves it (its
  /// mentions stay positive unless a regular-expression rule decides them).
  case sentenceTooLong = "sentence too long to parse (BLLIP's 399-token limit)"
}

/// What the front end found in one study: the text it worked on, its sentences, and its mentions.
public struct StudyAnalysis: Sendable {
  /// The study.
  public var id: StudyID
  /// The text the rules see (for CheXpert: cleaned, lowercase ASCII on one line).
  public var text: [UInt8]
  /// The text chosen to be labelled, before cleaning: a report file's chosen section, or the text as given.
  public var chosenText: String = ""
  /// Sentence spans (byte ranges into `text`).
  public var sentences: [Range<Int>]
  /// Mentions, sentence by sentence.
  public var mentions: [Mention]
  /// Notes for the run summary.
  public var notes: [StudyNote]

  /// `text` as a string.
  public var textString: String { String(decoding: text, as: UTF8.self) }
}

/// The stages up to mention matching: section choice (report files only), cleaning, sentence splitting and
/// phrase matching. A value: safe to share between threads.
public struct FrontEnd: Sendable {
  /// Picks the text of report files; nil leaves every text as given.
  public var sections: SectionExtractor?
  /// Whether CSV and direct texts also go through section extraction.
  public var sectionsForCSV: Bool
  /// Cleans text; nil keeps it as written (NegBio: case, line breaks and non-ASCII kept).
  public var cleaner: ReportCleaner?
  /// Splits text into passages at section titles before sentence splitting (NegBio); nil: one passage.
  public var passages: PassageSplitter?
  /// Removes double quotes that wrap the whole text (NegBio's CSV reader does).
  public var stripsWrappingQuotes = false
  /// Splits sentences.
  public var splitter: SentenceSplitter
  /// Finds mentions.
  public var matcher: MentionMatcher

  /// Creates a front end from its stages.
  public init(
    sections: SectionExtractor?, sectionsForCSV: Bool = false, cleaner: ReportCleaner?, splitter: SentenceSplitter,
    matcher: MentionMatcher, passages: PassageSplitter? = nil, stripsWrappingQuotes: Bool = false
  ) {
    self.passages = passages
    self.stripsWrappingQuotes = stripsWrappingQuotes
    self.sections = sections
    self.sectionsForCSV = sectionsForCSV
    self.cleaner = cleaner
    self.splitter = splitter
    self.matcher = matcher
  }

  /// Runs the stages on one report.
  public func analyze(_ report: Report) -> StudyAnalysis {
    var notes: [StudyNote] = []
    if report.hadInvalidUTF8 { notes.append(.invalidUTF8) }
    var text = report.text
    let isFile: Bool
    if case .reportFile = report.origin { isFile = true } else { isFile = false }
    if let sections, isFile || sectionsForCSV {
      let extraction = sections.extract(report.text, studyID: report.id.study)
      if extraction.source == nil, sections.choice == .mimic, !report.isMIMICStudyFile, !sections.hasHeader(report.text)
      {
        // A plain report (a .txt of one's own, standard input) is one section, and so the final one: label it.
        // Inside a MIMIC-CXR tree such a report gets no text, as create_section_files.py gives it none.
        text = report.text
        notes.append(.wholeReport)
      } else {
        if extraction.source == nil { notes.append(.noSection) }
        text = extraction.text
      }
    }
    if stripsWrappingQuotes, text.utf8.count >= 2, text.utf8.first == 0x22, text.utf8.last == 0x22 {
      text = String(decoding: text.utf8.dropFirst().dropLast(), as: UTF8.self)
    }
    let clean = cleaner?.clean(text) ?? Array(text.utf8)
    if clean.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) { notes.append(.emptyText) }
    var sentences: [Range<Int>] = []
    if let passages {
      clean.withUnsafeBufferPointer { buffer in
        for passage in passages.passages(clean) {
          let offset = passage.lowerBound
          sentences += splitter.split(UnsafeBufferPointer(rebasing: buffer[passage])).map {
            ($0.lowerBound + offset)..<($0.upperBound + offset)
          }
        }
      }
    } else {
      sentences = splitter.split(clean)
    }
    let mentions = matcher.mentions(in: clean, sentences: sentences)
    var analysis = StudyAnalysis(id: report.id, text: clean, sentences: sentences, mentions: mentions, notes: notes)
    analysis.chosenText = text
    return analysis
  }
}
