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

  /// Reads any of cxrlabel's CSV layouts (gzip or not): MIMIC-CXR-JPG (`subject_id,study_id,…`), a `study_id` or
  /// `id` column (NegBio), or the CheXpert labeler's `Reports` layout (ids are then row numbers from 1).
  /// Values `1`, `1.0`, `0`, `0.0`, `-1`, `-1.0` or blank. Study ids are read as MIMIC-CXR-JPG writes them, a
  /// leading `s` dropped when the rest is digits, so NegBio's `s50414267` joins MIMIC-CXR-JPG's `50414267`.
  public static func read(path: String) throws(CXRLabelError) -> LabelFile {
    let reader = CSVReader(try ByteFileReader(path: path))
    guard let header = try reader.next() else {
      throw CXRLabelError(
        .malformedCSV, "The file is empty; a label file starts with a header line naming its columns.",
        at: .init(file: path))
    }
    let names = header.fields.map { String(decoding: $0, as: UTF8.self).pythonStripped() }
    let idIndex = names.firstIndex(of: "study_id") ?? names.firstIndex(of: "id")
    let skipped: Set<String> = ["subject_id", "study_id", "id", "Reports", "dicom_id", "path"]
    let columns = names.indices.filter { !skipped.contains(names[$0]) }
    var file = LabelFile(ids: [], rows: [:], observations: columns.map { Observation(names[$0]) })
    var row = 0
    while let record = try reader.next() {
      row += 1
      let location = CXRLabelError.Location(file: path, line: record.line)
      guard record.fields.count == names.count else {
        throw CXRLabelError(
          .malformedCSV, "Row \(row) has \(record.fields.count) fields; the header has \(names.count).", at: location)
      }
      let id = idIndex.map { StudyID.stripPrefix(String(decoding: record.fields[$0], as: UTF8.self), "s") } ?? String(row)
      var labels: StudyLabels = [:]
      for column in columns {
        let text = String(decoding: record.fields[column], as: UTF8.self)
        guard let value = try parseValue(text, at: location) else { continue }
        labels[Observation(names[column])] = value
      }
      if file.rows[id] == nil { file.ids.append(id) } else { file.repeatedIDs.append(id) }
      file.rows[id] = labels
    }
    return file
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
