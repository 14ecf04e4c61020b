/// Which part of a report file to label.
public enum SectionChoice: String, Sendable, CaseIterable {
  /// The MIMIC-CXR choice: per-study fixes, then the last impression, else findings, else the last paragraph,
  /// else comparison (SPEC 6.4).
  case mimic
  /// The last impression section only (empty text if there is none).
  case impression
  /// The last findings section only (empty text if there is none).
  case findings
  /// The last paragraph of the report's final section (the text after its first blank line), else that section.
  case last
  /// The whole report.
  case all
}

/// One section of a report: its normalised name and its text.
public struct ReportSection: Sendable, Hashable {
  /// The normalised name (`impression`, `findings`, `preamble`, `last_paragraph`, …).
  public var name: String
  /// The section text, untrimmed, with `\n` line ends.
  public var text: String
}

/// Splits MIMIC-CXR report files into sections and picks the text to label, as MIT-LCP/mimic-cxr's
/// `section_parser.py` and `create_section_files.py` do (SPEC 6).
public struct SectionExtractor: Sendable {
  /// The name rules and per-study fixes.
  public let rules: SectionRules
  /// Which text to pick.
  public let choice: SectionChoice

  /// Creates an extractor.
  public init(rules: SectionRules, choice: SectionChoice = .mimic) {
    self.rules = rules
    self.choice = choice
  }

  /// What was picked for one report, and why.
  public struct Extraction: Sendable, Hashable {
    /// The text to label.
    public var text: String
    /// The section it came from (`impression`, …), `characters` for a per-study range, or nil if none was usable.
    public var source: String?
  }

  /// Picks the text of `report` (raw file contents) for the study `studyID` (e.g. `s50414267`).
  public func extract(_ report: String, studyID: String) -> Extraction {
    let text = Self.universalNewlines(report)
    if choice == .all { return Extraction(text: text, source: "all") }
    if choice == .mimic, let range = rules.characterOverrides[studyID] {
      let scalars = Array(text.unicodeScalars)
      let lower = min(range.lowerBound, scalars.count)
      let upper = min(range.upperBound, scalars.count)
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[lower..<upper])
      return Extraction(text: String(view), source: "characters")
    }
    let sections = sections(of: text)
    func last(_ name: String) -> Extraction? {
      sections.last(where: { $0.name == name }).map { Extraction(text: $0.text.pythonStripped(), source: name) }
    }
    switch choice {
    case .impression: return last("impression") ?? Extraction(text: "", source: nil)
    case .findings: return last("findings") ?? Extraction(text: "", source: nil)
    case .last:
      return last("last_paragraph")
        ?? sections.last.map { Extraction(text: $0.text.pythonStripped(), source: $0.name) }
        ?? Extraction(text: "", source: nil)
    case .mimic, .all:
      if let name = rules.sectionOverrides[studyID], let picked = last(name) { return picked }
      for name in rules.preferred {
        if let picked = last(name) { return picked }
      }
      return Extraction(text: "", source: nil)
    }
  }

  /// Whether the report has a section header at all (`\n NAME:` as MIMIC-CXR writes them).
  public func hasHeader(_ report: String) -> Bool {
    Self.findHeader(Array(Self.universalNewlines(report).utf8), from: 0) != nil
  }

  /// The sections of a report (`\n` line ends), names normalised, empty impression/findings removed, and a
  /// `last_paragraph` split off when there is neither impression nor findings.
  public func sections(of text: String) -> [ReportSection] {
    let bytes = Array(text.utf8)
    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    var raw: [(name: String, text: String)] = []
    if var header = Self.findHeader(bytes, from: 0) {
      raw.append(("preamble", string(0..<header.nameStart)))
      while true {
        let name = string(header.nameStart..<header.nameEnd)
        let start = header.end
        let skip = bytes[start...].firstIndex(of: 0x0A) ?? start
        let next = Self.findHeader(bytes, from: skip)
        raw.append((name, string(start..<(next?.start ?? bytes.count))))
        guard let next else { break }
        header = next
      }
    } else {
      raw.append(("full report", text))
    }
    var sections = raw.map { ReportSection(name: rules.normalize($0.name), text: $0.text) }
    sections.removeAll { ($0.name == "impression" || $0.name == "findings") && $0.text.pythonStripped().isEmpty }
    if !sections.contains(where: { $0.name == "impression" || $0.name == "findings" }), let final = sections.last {
      let finalBytes = Array(final.text.utf8)
      if let blank = finalBytes.indices.first(where: {
        $0 + 2 < finalBytes.count && finalBytes[$0] == 0x0A && finalBytes[$0 + 1] == 0x20 && finalBytes[$0 + 2] == 0x0A
      }) {
        sections[sections.count - 1].text = String(decoding: finalBytes[..<blank], as: UTF8.self)
        sections.append(
          ReportSection(name: "last_paragraph", text: String(decoding: finalBytes[(blank + 3)...], as: UTF8.self)))
      }
    }
    return sections
  }

  /// A header match: `\n ([A-Z ()/,-]+):\s`.
  struct Header {
    var start: Int
    var nameStart: Int
    var nameEnd: Int
    var end: Int
  }

  static func findHeader(_ bytes: [UInt8], from position: Int) -> Header? {
    bytes.withUnsafeBufferPointer { buffer -> Header? in
      var index = position
      while index + 1 < buffer.count {
        if buffer[index] == 0x0A, buffer[index + 1] == 0x20 {
          var cursor = index + 2
          while cursor < buffer.count, isHeaderCharacter(buffer[cursor]) { cursor += 1 }
          if cursor > index + 2, cursor + 1 < buffer.count, buffer[cursor] == 0x3A {
            let width = PythonText.whitespaceWidth(buffer, at: cursor + 1)
            if width > 0 { return Header(start: index, nameStart: index + 2, nameEnd: cursor, end: cursor + 1 + width) }
          }
        }
        index += 1
      }
      return nil
    }
  }

  static func isHeaderCharacter(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || byte == 0x20 || byte == 0x28 || byte == 0x29 || byte == 0x2F || byte == 0x2C
      || byte == 0x2D
  }

  /// Python's universal newlines: `\r\n` and lone `\r` become `\n`.
  static func universalNewlines(_ text: String) -> String {
    let hasCarriageReturn = text.utf8.withContiguousStorageIfAvailable { $0.contains(0x0D) } ?? text.utf8.contains(0x0D)
    guard hasCarriageReturn else { return text }
    var out: [UInt8] = []
    let bytes = Array(text.utf8)
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0D {
        out.append(0x0A)
        if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
      } else {
        out.append(bytes[index])
      }
      index += 1
    }
    return String(decoding: out, as: UTF8.self)
  }
}
