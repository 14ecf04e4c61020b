/// One row per image for training: MIMIC-CXR-JPG's split and metadata files joined with a label file, with the
/// CheXpert paper's policies for uncertain and blank labels.
package struct TrainingTable: Sendable {
  /// What −1 becomes (the CheXpert paper's U-Ones, U-Zeros, U-Ignore).
  public enum UncertainPolicy: String, Sendable, CaseIterable {
    /// −1 stays −1.
    case keep
    /// −1 becomes 1 (U-Ones).
    case ones
    /// −1 becomes 0 (U-Zeros).
    case zeros
    /// −1 becomes blank (U-Ignore).
    case ignore
  }

  /// What a blank (not mentioned) label becomes.
  public enum BlankPolicy: String, Sendable, CaseIterable {
    /// Blank stays blank.
    case keep
    /// Blank becomes 0.
    case zeros
  }

  /// The labels per study number (MIMIC-CXR-JPG's `study_id`, without `s`).
  public var labels: LabelFile
  /// What −1 becomes.
  public var uncertain: UncertainPolicy = .keep
  /// What blank becomes.
  public var blank: BlankPolicy = .keep
  /// The ViewPositions kept (nil: all; an empty string keeps images without one).
  public var views: Set<String>?
  /// The splits kept (nil: all).
  public var splits: Set<String>?

  /// Creates a table builder for `labels`.
  public init(labels: LabelFile) { self.labels = labels }

  /// The observation columns: MIMIC-CXR-JPG's 14 in their order, then any other the label file has.
  public var observations: [Observation] {
    Observation.mimicOrder + labels.observations.filter { !Observation.mimicOrder.contains($0) }
  }

  /// The header row.
  public var header: [UInt8] {
    Array(
      (["dicom_id", "subject_id", "study_id", "split", "ViewPosition", "path"] + observations.map(\.name))
        .joined(separator: ",").utf8) + [0x0A]
  }

  /// What a run found that the user should know: counts, and a few ids of each kind.
  public struct Report: Sendable, Hashable {
    /// Images written.
    public var images = 0
    /// Images of the split file left out by `--views` or `--splits`.
    public var filteredOut = 0
    /// Studies of the split file with no label row (kept with blank labels, whatever the blank policy).
    public var studiesWithoutLabels: [String] = []
    /// Label rows whose study has no image in the split file.
    public var labelsWithoutImages: [String] = []
    /// Images of the split file missing from the metadata file (kept, ViewPosition empty).
    public var imagesWithoutMetadata: [String] = []
  }

  /// The metadata file's ViewPosition per dicom_id (MIMIC-CXR-JPG's `mimic-cxr-2.0.0-metadata.csv(.gz)`).
  public static func readViewPositions(path: String) throws(CXRLabelError) -> [String: String] {
    let reader = CSVReader(try ByteFileReader(path: path))
    let (header, columns) = try Self.header(reader, path: path, needs: ["dicom_id", "ViewPosition"])
    var views: [String: String] = [:]
    while let record = try reader.next() {
      guard record.fields.count == header.count else {
        throw CXRLabelError(
          .malformedCSV, "This row has \(record.fields.count) fields; the header has \(header.count).",
          at: .init(file: path, line: record.line), hint: "Check that the file is MIMIC-CXR-JPG's metadata file, whole."
        )
      }
      let dicom = String(decoding: record.fields[columns[0]], as: UTF8.self)
      let view = String(decoding: record.fields[columns[1]], as: UTF8.self)
      if let earlier = views.updateValue(view, forKey: dicom), earlier != view {
        throw CXRLabelError(
          .invalidInput,
          "dicom_id \(dicom) is here a second time, with ViewPosition \"\(view)\" where its first row has \"\(earlier)\", "
            + "so which view the image has is unclear.", at: .init(file: path, line: record.line),
          hint: "Give MIMIC-CXR-JPG's metadata file, which has one row per image; remove the wrong row.")
      }
    }
    return views
  }

  /// What the split file holds, read and checked before any row is written.
  public struct SplitScan: Sendable {
    /// The study numbers that have images, of the splits kept.
    public var studies: Set<String> = []
    /// The split names the file uses.
    public var splitNames: Set<String> = []
  }

  /// Reads the split file once to check it before anything is written: every image's `dicom_id` is there once,
  /// and its `study_id` and `subject_id` are MIMIC-CXR numbers (digits, with or without `s` / `p`), since they
  /// make the image's path. Throws naming the file and line; returns the studies of the splits kept.
  public func scan(splitPath: String) throws(CXRLabelError) -> SplitScan {
    let reader = CSVReader(try ByteFileReader(path: splitPath))
    let (header, columns) = try Self.header(
      reader, path: splitPath, needs: ["dicom_id", "study_id", "subject_id", "split"])
    var result = SplitScan()
    var dicoms: [String: Int] = [:]
    while let record = try reader.next() {
      let location = CXRLabelError.Location(file: splitPath, line: record.line)
      guard record.fields.count == header.count else {
        throw CXRLabelError(
          .malformedCSV, "This row has \(record.fields.count) fields; the header has \(header.count).",
          at: location, hint: "Check that the file is MIMIC-CXR-JPG's split file, whole.")
      }
      func field(_ index: Int) -> String { String(decoding: record.fields[columns[index]], as: UTF8.self) }
      let dicom = field(0)
      guard !dicom.isEmpty else {
        throw CXRLabelError(
          .invalidInput, "This image has an empty dicom_id.", at: location,
          hint: "Give MIMIC-CXR-JPG's split file, whole.")
      }
      if let first = dicoms.updateValue(record.line, forKey: dicom) {
        throw CXRLabelError(
          .invalidInput,
          "dicom_id \(dicom) is here a second time (first on line \(first)); one image cannot have two rows.",
          at: location, hint: "Give MIMIC-CXR-JPG's split file, which has one row per image; remove the repeated row.")
      }
      for (index, name, prefix) in [(1, "study_id", "s"), (2, "subject_id", "p")] as [(Int, String, Character)] {
        let value = StudyID.stripPrefix(field(index), prefix)
        guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
          throw CXRLabelError(
            .invalidInput,
            "\(name) \"\(field(index))\" is not a MIMIC-CXR number (digits, e.g. \(prefix == "s" ? "50414267" : "10000032")), "
              + "so the image's path cannot be made.", at: location,
            hint: "Give MIMIC-CXR-JPG's split file, whole (a spreadsheet may have turned ids into 5.0e7).")
        }
      }
      result.splitNames.insert(field(3))
      if splits?.contains(field(3)) ?? true { result.studies.insert(StudyID.stripPrefix(field(1), "s")) }
    }
    return result
  }

  /// Writes one row per image of the split file (MIMIC-CXR-JPG's `mimic-cxr-2.0.0-split.csv(.gz)`), in its order,
  /// through `write`; returns what was found.
  public func build(
    splitPath: String, viewPositions: [String: String], write: ([UInt8]) throws(CXRLabelError) -> Void
  ) throws(CXRLabelError) -> Report {
    let reader = CSVReader(try ByteFileReader(path: splitPath))
    let (header, columns) = try Self.header(
      reader, path: splitPath, needs: ["dicom_id", "study_id", "subject_id", "split"])
    var report = Report()
    var studiesWithImages = Set<String>()
    var missingLabels = Set<String>()
    let observations = self.observations
    while let record = try reader.next() {
      guard record.fields.count == header.count else {
        throw CXRLabelError(
          .malformedCSV, "This row has \(record.fields.count) fields; the header has \(header.count).",
          at: .init(file: splitPath, line: record.line),
          hint: "Check that the file is MIMIC-CXR-JPG's split file, whole.")
      }
      func field(_ index: Int) -> String { String(decoding: record.fields[columns[index]], as: UTF8.self) }
      let dicom = field(0)
      let study = StudyID.stripPrefix(field(1), "s")
      let subject = StudyID.stripPrefix(field(2), "p")
      let split = field(3)
      studiesWithImages.insert(study)
      let view = viewPositions[dicom]
      if view == nil { report.imagesWithoutMetadata.append(dicom) }
      if let splits, !splits.contains(split) {
        report.filteredOut += 1
        continue
      }
      if let views, !views.contains(view ?? "") {
        report.filteredOut += 1
        continue
      }
      let labels = self.labels.rows[study]
      if labels == nil, missingLabels.insert(study).inserted { report.studiesWithoutLabels.append(study) }
      let path = "files/p\(subject.prefix(2))/p\(subject)/s\(study)/\(dicom).jpg"
      var fields = [dicom, subject, study, split, view ?? "", path].map(Self.csvField)
      // A study without a label row stays blank whatever --blank says: zeros would read as a normal study.
      for observation in observations { fields.append(labels.map { value($0[observation]) } ?? "") }
      try write(Array(fields.joined(separator: ",").utf8) + [0x0A])
      report.images += 1
    }
    report.labelsWithoutImages = labels.ids.filter { !studiesWithImages.contains($0) }
    return report
  }

  /// A label as MIMIC-CXR-JPG writes it, after the policies.
  func value(_ label: LabelValue?) -> String {
    var label = label
    if label == .uncertain {
      switch uncertain {
      case .keep: break
      case .ones: label = .positive
      case .zeros: label = .negative
      case .ignore: label = nil
      }
    }
    if label == nil, blank == .zeros { label = .negative }
    switch label {
    case .positive: return "1.0"
    case .negative: return "0.0"
    case .uncertain: return "-1.0"
    case nil: return ""
    }
  }

  /// A CSV field, quoted when it needs to be.
  static func csvField(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Reads a header and finds the columns `needs` names, or throws naming the file and the columns it has.
  static func header(_ reader: CSVReader, path: String, needs: [String]) throws(CXRLabelError) -> ([String], [Int]) {
    guard let record = try reader.next() else {
      throw CXRLabelError(
        .malformedCSV, "The file is empty.", at: .init(file: path), hint: "Check that it was copied whole.")
    }
    let names = record.fields.map { String(decoding: $0, as: UTF8.self).pythonStripped() }
    var columns: [Int] = []
    for name in needs {
      guard let index = names.firstIndex(of: name) else {
        throw CXRLabelError(
          .missingColumn, "The header has no column \"\(name)\" (its columns: \(names.joined(separator: ", "))).",
          at: .init(file: path, line: record.line),
          hint:
            "Give MIMIC-CXR-JPG's files: --split mimic-cxr-2.0.0-split.csv.gz, --metadata mimic-cxr-2.0.0-metadata.csv.gz."
        )
      }
      columns.append(index)
    }
    return (names, columns)
  }
}
