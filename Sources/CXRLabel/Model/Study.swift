/// Identifies one study (one report): the study id and, for MIMIC-CXR trees, the subject (patient) id.
public struct StudyID: Sendable, Hashable, CustomStringConvertible {
  /// The subject id as found (`p10000032`), or nil when the input has none.
  public var subject: String?
  /// The study id as found (`s50414267`, or a CSV id, or a row number).
  public var study: String

  /// Creates an id.
  public init(subject: String? = nil, study: String) {
    self.subject = subject
    self.study = study
  }

  /// The study id as written out and joined: a MIMIC-CXR study id (`s` and 8 digits, as every file of a MIMIC-CXR
  /// tree is named) as MIMIC-CXR-JPG writes it, the number alone (`s50414267` → `50414267`); any other id exactly
  /// as given (`s1`, `CXR12`), so that it joins back to the table it came from.
  public var studyNumber: String { Self.stripPrefix(study, "s") }
  /// The subject id the same way: `p` and 8 digits becomes the number; any other as given; empty if none.
  public var subjectNumber: String { subject.map { Self.stripPrefix($0, "p") } ?? "" }

  /// `subject/study`, or the study alone.
  public var description: String { subject.map { "\($0)/\(study)" } ?? study }

  /// How many digits follow the letter in a MIMIC-CXR id (`s50414267`, `p10000032`).
  static let mimicDigits = 8

  /// `id` without its letter when it is a MIMIC-CXR id of that letter (either case, then 8 digits); else `id`.
  static func stripPrefix(_ id: String, _ prefix: Character) -> String {
    guard id.first == prefix || id.first == Character(prefix.uppercased()) else { return id }
    let rest = id.utf8.dropFirst()
    guard rest.count == mimicDigits, rest.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return id }
    return String(id.dropFirst())
  }
}

/// Where a report's text came from, for messages and for choosing section extraction.
public enum ReportOrigin: Sendable, Hashable {
  /// A whole report file (MIMIC-CXR style), whose sections still need choosing.
  case reportFile(path: String)
  /// A CSV field, already the text to label, at a 1-based line of a file.
  case csvRecord(file: String, line: Int)
  /// Text handed over directly (library callers, standard input).
  case text
}

/// One report to label: its id, its text, and where it came from.
public struct Report: Sendable, Hashable {
  /// Whether the report is a study file of a MIMIC-CXR tree (`…/pNN…/sNN….txt`, named and placed as MIMIC-CXR
  /// names them), whose section choice follows create_section_files.py exactly.
  public var isMIMICStudyFile: Bool {
    guard case .reportFile(let path) = origin else { return false }
    let parts = path.split(separator: "/")
    guard parts.count >= 2 else { return false }
    func letterThenDigits(_ part: Substring, _ letter: Character) -> Bool {
      part.count > 1 && part.first == letter && part.dropFirst().allSatisfy(\.isASCII)
        && part.dropFirst().allSatisfy(\.isNumber)
    }
    let file = parts[parts.count - 1]
    return file.lowercased().hasSuffix(".txt") && letterThenDigits(file.dropLast(4), "s")
      && letterThenDigits(parts[parts.count - 2], "p")
  }

  /// The study this report belongs to.
  public var id: StudyID
  /// The report text as read (already decoded from UTF-8).
  public var text: String
  /// Where it came from.
  public var origin: ReportOrigin
  /// Set when the input bytes were not valid UTF-8 and were decoded with replacement characters.
  public var hadInvalidUTF8: Bool
  /// Things about how the report was read that its user should check, as messages that name the file and line
  /// (a quoted CSV field that runs over what looks like the start of another row).
  public var readingWarnings: [String] = []

  /// Creates a report.
  public init(id: StudyID, text: String, origin: ReportOrigin = .text, hadInvalidUTF8: Bool = false) {
    self.id = id
    self.text = text
    self.origin = origin
    self.hadInvalidUTF8 = hadInvalidUTF8
  }
}
