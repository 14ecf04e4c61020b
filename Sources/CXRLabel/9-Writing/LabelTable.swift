/// The column layouts cxrlabel writes labels in.
public enum LabelLayout: String, Sendable, CaseIterable {
  /// MIMIC-CXR-JPG: `subject_id,study_id` as integers, the 14 observations alphabetically, `1.0`/`0.0`/`-1.0`/blank.
  case mimic
  /// The CheXpert labeler's `labeled_reports.csv`: `Reports` (the original text), then its column order.
  case chexpert
  /// NegBio's MIMIC-CXR collector: `id` (the study id as given), its column order, `1`/`0`/`-1`/blank.
  case negbio
}

/// Writes label rows as CSV in a `LabelLayout`. Observations beyond the 14 (custom vocabularies) follow the
/// standard columns in alphabetical order.
public struct LabelTable: Sendable {
  /// The layout.
  public let layout: LabelLayout
  /// The observation columns, in order.
  public let observations: [Observation]

  /// Creates a table for a layout and the observations a vocabulary defines.
  public init(layout: LabelLayout, vocabularyObservations: [Observation] = Observation.mimicOrder) {
    self.layout = layout
    let standard: [Observation]
    switch layout {
    case .mimic: standard = Observation.mimicOrder
    case .chexpert: standard = Observation.chexpertOrder
    case .negbio: standard = Observation.negbioOrder
    }
    let extra = Set(vocabularyObservations).subtracting(standard).sorted()
    observations = standard + extra
  }

  /// The header line.
  public var header: [UInt8] {
    var fields: [String]
    switch layout {
    case .mimic: fields = ["subject_id", "study_id"]
    case .chexpert: fields = ["Reports"]
    case .negbio: fields = ["id"]
    }
    fields += observations.map(\.name)
    return Array((fields.map(Self.quoted).joined(separator: ",") + "\n").utf8)
  }

  /// One row: the study's ids (or its original text) and its labels.
  public func row(id: StudyID, reportText: String, labels: StudyLabels) -> [UInt8] {
    var line: String
    switch layout {
    case .mimic: line = Self.quoted(id.subjectNumber) + "," + Self.quoted(id.studyNumber)
    case .chexpert: line = Self.quoted(reportText)
    case .negbio: line = Self.quoted(id.study)
    }
    let integers = layout == .negbio
    for observation in observations { line += "," + Self.cell(labels[observation], integers: integers) }
    line += "\n"
    return Array(line.utf8)
  }

  /// One label cell: `1.0`, `0.0`, `-1.0` (MIMIC-CXR-JPG's format), or `1`, `0`, `-1` with `integers`; empty for
  /// blank.
  public static func cell(_ value: LabelValue?, integers: Bool = false) -> String {
    switch value {
    case .positive?: return integers ? "1" : "1.0"
    case .negative?: return integers ? "0" : "0.0"
    case .uncertain?: return integers ? "-1" : "-1.0"
    case nil: return ""
    }
  }

  /// One row as text (the same bytes as `row(id:reportText:labels:)`, ending in a line break).
  public func rowString(id: StudyID, reportText: String, labels: StudyLabels) -> String {
    String(decoding: row(id: id, reportText: reportText, labels: labels), as: UTF8.self)
  }

  /// The header line as text.
  public var headerString: String { String(decoding: header, as: UTF8.self) }

  /// A CSV field quoted only when needed (a comma, quote, or line break inside), as pandas and Python's `csv` do.
  public static func quoted(_ field: String) -> String {
    guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
    var escaped = "\""
    for character in field.unicodeScalars {
      if character == "\"" { escaped += "\"\"" } else { escaped.unicodeScalars.append(character) }
    }
    return escaped + "\""
  }
}
