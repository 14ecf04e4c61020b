/// The rows of MIT-LCP/mimic-cxr's `create_section_files.py` for one study (SPEC 6.5): a row of
/// `mimic_cxr_sectioned.csv` (unless a per-study fix decides the study's text) and a row of the chosen-text files
/// (`mimic_cxr_00.csv`, ...), written the way Python's `csv` module writes them.
package struct SectionFiles: Sendable {
  /// The header of `mimic_cxr_sectioned.csv`.
  public static let sectionedHeader: [UInt8] = Array("study,impression,findings,last_paragraph,comparison\r\n".utf8)
  /// The sections `mimic_cxr_sectioned.csv` has a column for, in order.
  public static let sectionedColumns = ["impression", "findings", "last_paragraph", "comparison"]
  /// How many studies each chosen-text file holds.
  public static let studiesPerFile = 10_000

  /// The section choice (MIMIC-CXR's rules and per-study fixes).
  public let extractor: SectionExtractor

  /// Creates the writer with MIMIC-CXR's section choice.
  public init(rules: SectionRules) { extractor = SectionExtractor(rules: rules, choice: .mimic) }

  /// The two rows of one study: `sectioned` is nil for a study whose text a per-study fix decides.
  public func rows(studyID: String, report: String) -> (sectioned: [UInt8]?, chosen: [UInt8]) {
    let chosen = Self.row([studyID, extractor.extract(report, studyID: studyID).text])
    let rules = extractor.rules
    guard rules.characterOverrides[studyID] == nil, rules.sectionOverrides[studyID] == nil else { return (nil, chosen) }
    let sections = extractor.sections(of: SectionExtractor.universalNewlines(report))
    let texts = Self.sectionedColumns.map { name in
      sections.last(where: { $0.name == name }).map { $0.text.pythonStripped() } ?? ""
    }
    return (Self.row([studyID] + texts), chosen)
  }

  /// The name of the `index`-th (0-based) chosen-text file: `mimic_cxr_00.csv`, `mimic_cxr_01.csv`, ...
  public static func chosenFileName(_ index: Int) -> String {
    "mimic_cxr_" + (index < 10 ? "0" : "") + String(index) + ".csv"
  }

  /// Whether `name` is a chosen-text file's name (`mimic_cxr_` and two or more digits, `.csv`).
  public static func isChosenFileName(_ name: String) -> Bool {
    guard name.hasPrefix("mimic_cxr_"), name.hasSuffix(".csv") else { return false }
    let number = name.dropFirst("mimic_cxr_".count).dropLast(".csv".count)
    return number.count >= 2 && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
  }

  /// One CSV row as Python's `csv.writer` writes it: a field is quoted only when it holds a comma, a quote or a
  /// line break (quotes doubled inside), an empty field is written as nothing, and the row ends in `\r\n`.
  public static func row(_ fields: [String]) -> [UInt8] {
    var bytes: [UInt8] = []
    for (index, field) in fields.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      let utf8 = field.utf8
      let needsQuotes = utf8.contains {
        $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
      }
      if needsQuotes {
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
          bytes.append(byte)
          if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
      } else {
        bytes.append(contentsOf: utf8)
      }
    }
    // Python writes a row of one empty field as `""`, so that it is not read back as a blank line.
    if fields.count == 1, fields[0].isEmpty { bytes.append(contentsOf: Array("\"\"".utf8)) }
    bytes.append(contentsOf: [0x0D, 0x0A])
    return bytes
  }
}
