internal import Foundation

/// A label file read back: one row of labels per study id, in file order.
public struct LabelFile: Sendable {
  /// The study ids, in file order.
  public var ids: [String]
  /// Labels per study id.
  public var rows: [String: StudyLabels]
  /// The observation columns the file has.
  public var observations: [Observation]
  /// Ids that more than one row had, in file order; the last such row is the one kept.
  public var repeatedIDs: [String] = []

  /// Columns that were left out because they hold something other than labels (e.g. `ViewPosition`).
  public var ignoredColumns: [String] = []

  /// Whether the ids are row numbers, the file having no `study_id` or `id` column (the CheXpert layout).
  public var idsAreRowNumbers = false

  /// A label file made in memory: `rows` keyed by the ids in `ids`, with `observations` as its columns.
  public init(ids: [String], rows: [String: StudyLabels], observations: [Observation] = Observation.mimicOrder) {
    self.ids = ids
    self.rows = rows
    self.observations = observations
  }

  /// Whether `path` is a label file rather than reports: a `.jsonl` file, or a CSV file whose header names one
  /// of the 14 observations and has no `textColumn` (a CSV with the report text is reports, whatever else it
  /// holds). Folders, `.txt` reports, standard input and other CSV files are not.
  public static func holdsLabels(path: String, textColumn: String = "report") throws(CXRLabelError) -> Bool {
    if FileEnding.jsonLines.matches(path) { return true }
    guard let names = try csvHeader(path: path) else { return false }
    return !names.contains(textColumn) && Observation.mimicOrder.contains { names.contains($0.name) }
  }

  /// The column names of a CSV file's first line (gzip or not); nil for anything that is not a `.csv` or
  /// `.csv.gz` file, or an empty one.
  public static func csvHeader(path: String) throws(CXRLabelError) -> [String]? {
    guard path != "-", FileEnding.csv.matches(path) else { return nil }
    guard let header = try CSVReader(try ByteFileReader(path: path)).next() else { return nil }
    return header.fields.map { String(decoding: $0, as: UTF8.self).pythonStripped() }
  }

  /// Reads any of cxrlabel's layouts (gzip or not). CSV: MIMIC-CXR-JPG (`subject_id,study_id,…`), a `study_id`
  /// or `id` column (NegBio), or the CheXpert labeler's `Reports` layout (ids are then row numbers from 1); values
  /// `1`, `1.0`, `0`, `0.0`, `-1`, `-1.0` or blank. A column that is not one of the 14 observations and holds
  /// other values is left out (see `ignoredColumns`). JSON Lines (`.jsonl`): one object per study with
  /// `study_id` and `labels` (observation → 1, 0, -1 or null; an absent one is blank), as `label -o x.jsonl`, `--explain` and `judge`
  /// write them. Study ids are read as MIMIC-CXR-JPG writes them, the `s` of a MIMIC-CXR id (`s` and 8 digits) dropped,
  /// so NegBio's `s50414267` joins MIMIC-CXR-JPG's `50414267`.
  public static func read(path: String) throws(CXRLabelError) -> LabelFile {
    var file = LabelFile(ids: [], rows: [:], observations: [])
    let layout = try scan(
      path: path,
      row: { id, labels in
        if file.rows[id] == nil { file.ids.append(id) } else { file.repeatedIDs.append(id) }
        file.rows[id] = labels
      },
      ignore: { dropped in
        for key in file.rows.keys { file.rows[key]?[dropped] = nil }
      })
    file.observations = layout.observations
    file.ignoredColumns = layout.ignoredColumns
    file.idsAreRowNumbers = layout.idsAreRowNumbers
    return file
  }

  /// What a label file's header and values say about its columns.
  public struct Layout: Sendable, Equatable {
    /// The observation columns, in the file's order (JSON Lines: the 14, then any other it names).
    public var observations: [Observation] = []
    /// Columns left out because they hold something other than labels (e.g. `ViewPosition`).
    public var ignoredColumns: [String] = []
    /// Whether the ids are row numbers, the file having no `study_id` or `id` column (the CheXpert layout).
    public var idsAreRowNumbers = false
  }

  /// Streams a label file (any layout ``read(path:)`` reads) row by row, in file order, without holding it:
  /// `row` gets each study's id and labels. A column outside the 14 that turns out to hold other values than
  /// labels is left out from then on, and `ignore` is told, so that rows already handed out can drop it.
  public static func scan(
    path: String, row: (String, StudyLabels) -> Void, ignore: (Observation) -> Void = { _ in }
  ) throws(CXRLabelError) -> Layout {
    if FileEnding.jsonLines.matches(path) { return try scanJSONLines(path: path, row: row) }
    let reader = CSVReader(try ByteFileReader(path: path))
    guard let header = try reader.next() else {
      throw CXRLabelError(
        .malformedCSV, "The file is empty; a label file starts with a header line naming its columns.",
        at: .init(file: path))
    }
    let names = header.fields.map { String(decoding: $0, as: UTF8.self).pythonStripped() }
    let idIndex = names.firstIndex(of: "study_id") ?? names.firstIndex(of: "id")
    let skipped: Set<String> = ["subject_id", "study_id", "id", "Reports", "dicom_id", "path"]
    var columns = names.indices.filter { !skipped.contains(names[$0]) }
    let standard = Set(Observation.mimicOrder.map(\.name))
    var layout = Layout()
    var number = 0
    while let record = try reader.next() {
      number += 1
      let location = CXRLabelError.Location(file: path, line: record.line)
      guard record.fields.count == names.count else {
        throw CXRLabelError(
          .malformedCSV, "Row \(number) has \(record.fields.count) fields; the header has \(names.count).", at: location
        )
      }
      let id =
        idIndex.map { StudyID.stripPrefix(String(decoding: record.fields[$0], as: UTF8.self), "s") } ?? String(number)
      var labels: StudyLabels = [:]
      var ignored: [Int] = []
      for column in columns {
        let text = String(decoding: record.fields[column], as: UTF8.self)
        let value: LabelValue?
        do { value = try parseValue(text, at: location) } catch {
          guard !standard.contains(names[column]) else { throw error }
          ignored.append(column)
          continue
        }
        if let value { labels[Observation(names[column])] = value }
      }
      for column in ignored {
        let dropped = Observation(names[column])
        columns.removeAll { $0 == column }
        labels[dropped] = nil
        layout.ignoredColumns.append(names[column])
        ignore(dropped)
      }
      row(id, labels)
    }
    layout.observations = columns.map { Observation(names[$0]) }
    layout.idsAreRowNumbers = idIndex == nil
    return layout
  }

  /// Streams JSON Lines with `study_id` and `labels` per line.
  static func scanJSONLines(path: String, row: (String, StudyLabels) -> Void) throws(CXRLabelError) -> Layout {
    let reader = try LineReader(path: path)
    var seen = Set<Observation>()
    while let line = try reader.next() {
      if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
      let location = CXRLabelError.Location(file: reader.path, line: reader.lineNumber)
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let rawID = (object["study_id"] as? String) ?? (object["study_id"] as? Int).map(String.init),
        let values = object["labels"] as? [String: Any]
      else {
        throw CXRLabelError(
          .invalidInput, "Not a labels line: each line needs \"study_id\" and \"labels\".", at: location,
          hint: "Give a file written by `cxrlabel label -o x.jsonl`, `--explain` or `cxrlabel judge`.")
      }
      var labels: StudyLabels = [:]
      for (name, raw) in values {
        try checkObservationKey(name, at: location)
        let observation = Observation(name)
        seen.insert(observation)
        guard !(raw is NSNull) else { continue }
        guard let number = raw as? Int, let value = LabelValue(rawValue: Int8(clamping: number)) else {
          throw CXRLabelError(.invalidInput, "\(name): \(raw) is not a label (1, 0, -1 or null).", at: location)
        }
        labels[observation] = value
      }
      row(StudyID.stripPrefix(rawID, "s"), labels)
    }
    // A labels object may leave out observations nobody mentioned: all 14 are columns, blank where absent.
    return Layout(
      observations: Observation.mimicOrder
        + seen.filter { !Observation.mimicOrder.contains($0) }.sorted { $0.name < $1.name })
  }

  /// Refuses a labels key that is not an observation's name as cxrlabel writes it: one of the 14 in another
  /// spelling (`pneumothorax`, `pleural_effusion`), or a name a phrase file could not give (not in title case).
  /// A vocabulary's own categories (`Foo Bar`) pass. Scoring such a key as a blank column would lose it.
  static func checkObservationKey(_ name: String, at location: CXRLabelError.Location) throws(CXRLabelError) {
    let standard = Observation.mimicOrder.map(\.name)
    if standard.contains(name) { return }
    let folded = name.replacingUnderscores().lowercased()
    let near = standard.first { $0.lowercased() == folded }
    guard near != nil || Observation(fileStem: name).name != name else { return }
    throw CXRLabelError(
      .invalidInput,
      "\"\(name)\" is not an observation's name\(near.map { " (did you mean \"\($0)\"?)" } ?? "").", at: location,
      hint: "Label keys are the 14 names, spelt and capitalised as cxrlabel writes them: "
        + standard.joined(separator: ", ") + ".")
  }

  static func parseValue(_ text: String, at location: CXRLabelError.Location) throws(CXRLabelError) -> LabelValue? {
    switch text.pythonStripped() {
    case "": return nil
    case "1", "1.0": return .positive
    case "0", "0.0": return .negative
    case "-1", "-1.0": return .uncertain
    default:
      throw CXRLabelError(
        .invalidInput, "\"\(text)\" is not a label (1, 0, -1 or blank).", at: location)
    }
  }
}
