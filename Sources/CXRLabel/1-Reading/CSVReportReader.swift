/// Reads one CSV file of reports, row by row: with a header, the id and text columns it names; without one, the
/// CheXpert labeler's layouts (text only, or id and text). A row that cannot be read whole is a named failure.
struct CSVReportReader {
  private var reader: CSVReader
  /// The file's path, for messages and report origins.
  private let path: String
  /// The id column (nil: a headerless file).
  private var idIndex: Int?
  /// The text column.
  private var textIndex = 0
  /// The subject column, if asked for.
  private var subjectIndex: Int?
  /// For MIT-LCP's `mimic_cxr_sectioned.csv` (no report column): its section columns, in the order MIMIC-CXR
  /// chooses from them (impression, findings, last paragraph, comparison); the first non-empty one is labelled.
  private var sectionIndices: [Int]?
  /// The number of fields every row must have: set by the header, or by a headerless file's first row.
  private var columns: Int?
  /// Rows read so far.
  private var row = 0
  /// Whether the rest of the file was given up (after an unclosed quote).
  private var finished = false
  /// The shape of the first row's id (see `shape(_:)`), to recognise a row's start inside a quoted field.
  private var idShape: [UInt8]?

  /// Starts reading `reader`; with a header, finds the id and text columns or throws naming the file and line.
  init(_ reader: ByteFileReader, options: InputOptions) throws(CXRLabelError) {
    self.reader = CSVReader(reader)
    path = reader.path
    guard options.csvHasHeader else { return }
    guard let header = try self.reader.next() else {
      throw CXRLabelError(
        .malformedCSV,
        "The file is empty; a CSV needs a header line naming its columns (\(options.idColumn),\(options.textColumn)).",
        at: .init(file: reader.path),
        hint: "Check that the file was written completely, or pass --no-header for a file of reports without a header.")
    }
    let names = header.fields.map { String(decoding: $0, as: UTF8.self).pythonStripped() }
    func column(_ name: String, _ option: String) throws(CXRLabelError) -> Int {
      guard let index = names.firstIndex(of: name) else {
        throw CXRLabelError(
          .missingColumn,
          "The header has no column \"\(name)\" (its columns: \(names.map { "\"\($0)\"" }.joined(separator: ", "))).",
          at: .init(file: reader.path, line: header.line),
          hint: options.requiresStudyIDs
            ? "Name the column with \(option); rows are paired by their study ids, never by row number."
            : "Name the column with \(option), or pass --no-header for the CheXpert labeler's one-column file.")
      }
      return index
    }
    for (name, option) in [(options.textColumn, "--text-column"), (options.idColumn, "--id-column")]
    where names.filter({ $0 == name }).count > 1 {
      throw CXRLabelError(
        .missingColumn, "The header names \"\(name)\" more than once, so which column to read is unclear.",
        at: .init(file: reader.path, line: header.line), hint: "Rename one of them, or name another with \(option).")
    }
    // MIT-LCP's mimic_cxr_sectioned.csv: `study` for the id and a column per section instead of the report.
    let sectioned = SectionFiles.sectionedColumns.compactMap { names.firstIndex(of: $0) }
    if options.textColumn == InputOptions().textColumn, !names.contains(options.textColumn), sectioned.count == 4 {
      sectionIndices = sectioned
    } else {
      textIndex = try column(options.textColumn, "--text-column")
    }
    if options.idColumn == InputOptions().idColumn, !names.contains(options.idColumn), names.contains("study") {
      idIndex = try column("study", "--id-column")
    } else if options.idColumn == InputOptions().idColumn, names == [options.textColumn], !options.requiresStudyIDs {
      // A header naming only the report column: the rows are numbered from 1, as without a header.
      idIndex = nil
    } else {
      idIndex = try column(options.idColumn, "--id-column")
    }
    if let subject = options.subjectColumn { subjectIndex = try column(subject, "--subject-column") }
    columns = names.count
  }

  /// A stray quote can merge two rows into one field that looks like a multi-line report. When a line inside a
  /// quoted field starts like a row (an id of the first row's shape, then a comma), says so with both lines.
  func mergedRowWarning(_ field: [UInt8], line: Int) -> String? {
    guard let idShape, !idShape.isEmpty, field.contains(UInt8(ascii: "\n")) else { return nil }
    var inner = 0
    var index = 0
    while let newline = field[index...].firstIndex(of: UInt8(ascii: "\n")) {
      inner += 1
      index = newline + 1
      guard let comma = field[index...].firstIndex(of: UInt8(ascii: ",")), comma > index, comma - index <= 64 else {
        continue
      }
      let candidate = field[index..<comma]
      guard Self.shape(candidate) == idShape else { continue }
      return "\(path):\(line + inner): this line is inside a quoted field that starts on line \(line), but looks like "
        + "the start of a row (`\(String(decoding: candidate, as: UTF8.self)),`). If a quote was left open, rows "
        + "were merged into one report: check the quotes on line \(line)."
    }
    return nil
  }

  /// A subject column's value as a subject id: empty is none; anything else as given (`p10000032` is written
  /// `10000032` in the MIMIC-CXR-JPG layout, as MIMIC-CXR's own id).
  static func subjectID(_ value: String) -> String? {
    let trimmed = value.pythonStripped()
    return trimmed.isEmpty ? nil : trimmed
  }

  /// An id's shape: letters as `a`, digits as `9`, each run collapsed, other bytes as they are (`s50414267`
  /// and `s123` are `a9`; `CXR12_IM-0001` is `a9_a-9`).
  static func shape(_ id: ArraySlice<UInt8>) -> [UInt8] {
    var shape: [UInt8] = []
    for byte in id {
      let kind: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): kind = UInt8(ascii: "9")
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): kind = UInt8(ascii: "a")
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): return []
      default: kind = byte
      }
      if shape.last != kind || (kind != UInt8(ascii: "9") && kind != UInt8(ascii: "a")) { shape.append(kind) }
    }
    return shape
  }

  /// How much of the file has been read, from 0 to 1; nil when unknown.
  var fractionRead: Double? { reader.fractionRead }

  /// The next row as a record, or nil at the end of the file (or after an unreadable rest, already reported).
  mutating func next() -> ReportRecord? {
    guard !finished else { return nil }
    let record: CSVRecord
    do {
      guard let next = try reader.next() else { return nil }
      record = next
    } catch {
      // The rest of a file with an unclosed quote cannot be read reliably: report it and move on.
      finished = true
      return .failure(nil, error)
    }
    row += 1
    if columns == nil { columns = record.fields.count }
    let location = CXRLabelError.Location(file: path, line: record.line)
    let origin = ReportOrigin.csvRecord(file: path, line: record.line)
    // The row number as an id: the study of a headerless one-column file, and the name of a row that fails.
    let rowID = StudyID(study: String(row))
    if let idIndex = idIndex {
      guard record.fields.count == columns else {
        return .failure(
          rowID,
          CXRLabelError(
            .malformedCSV,
            "Row \(row) has \(record.fields.count) fields; the header names \(columns ?? 0). Its text is not "
              + "labelled, since part of it would be lost.",
            at: location, hint: "Quote fields that contain commas or line breaks (\"No effusion, no edema.\")."))
      }
      let id = String(decoding: record.fields[idIndex], as: UTF8.self)
      let textField =
        sectionIndices.flatMap { $0.lazy.map { record.fields[$0] }.first { !$0.isEmpty } }
        ?? (sectionIndices == nil ? record.fields[textIndex] : [])
      let (text, invalid) = ReportSource.decode(textField)
      let subject = subjectIndex.map { Self.subjectID(String(decoding: record.fields[$0], as: UTF8.self)) }
      var report = Report(
        id: StudyID(subject: subject ?? nil, study: id), text: text, origin: origin, hadInvalidUTF8: invalid)
      if idShape == nil { idShape = Self.shape(record.fields[idIndex][...]) }
      if let warning = mergedRowWarning(textField, line: record.line) { report.readingWarnings = [warning] }
      return .report(report)
    }
    // The original labeler's file: one column (id = row number), or two as pandas reads them (id, text). As in
    // pandas, the first row fixes the number of fields.
    guard record.fields.count == columns else {
      return .failure(
        rowID,
        CXRLabelError(
          .malformedCSV,
          "Row \(row) has \(record.fields.count) fields, the first row \(columns ?? 0) (which fixes the "
            + "number; an unquoted comma in row 1 makes it 2). Its text is not labelled, since part of it would be lost.",
          at: location, hint: "Quote reports that contain commas (\"No effusion, no edema.\")."))
    }
    switch record.fields.count {
    case 1:
      let (text, invalid) = ReportSource.decode(record.fields[0])
      return .report(Report(id: rowID, text: text, origin: origin, hadInvalidUTF8: invalid))
    case 2:
      let id = String(decoding: record.fields[0], as: UTF8.self)
      let (text, invalid) = ReportSource.decode(record.fields[1])
      return .report(Report(id: StudyID(study: id), text: text, origin: origin, hadInvalidUTF8: invalid))
    default:
      return .failure(
        rowID,
        CXRLabelError(
          .malformedCSV,
          "Row \(row) has \(record.fields.count) fields; a headerless file has 1 (text) or 2 (id, text).",
          at: location, hint: "Quote reports that contain commas."))
    }
  }
}
