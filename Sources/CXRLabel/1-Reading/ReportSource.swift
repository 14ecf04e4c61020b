internal import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// How inputs are read.
public struct InputOptions: Sendable, Hashable {
  /// Whether CSV inputs start with a header row naming their columns.
  public var csvHasHeader: Bool = true
  /// With a header: the column holding the study id.
  public var idColumn: String = "study_id"
  /// With a header: the column holding the report text.
  public var textColumn: String = "report"
  /// Whether standard input (`-`) is CSV (otherwise it is one report's text).
  public var standardInputIsCSV: Bool = false
  /// With a header: the column holding the subject id (`p10000032` or `10000032`), if any.
  public var subjectColumn: String?
  /// Whether every CSV row must carry its own study id: a header naming only the report column (rows numbered
  /// from 1) is then refused, for a join (such as `cxrlabel score`'s pairing) that row numbers would make silently.
  public var requiresStudyIDs: Bool = false

  /// Creates the default options.
  public init() {}
}

/// One input record: a report to label, or a named failure for a study that could not be read.
public enum ReportRecord: Sendable {
  /// A report that was read.
  case report(Report)
  /// A record that could not be read; the run reports it and goes on.
  case failure(StudyID?, CXRLabelError)
}

/// Streams reports from MIMIC-CXR-style trees, single `.txt` files, CSV files (gzip or not) and standard input,
/// in a stable order: inputs as given; files in a tree sorted by path; CSV rows in file order.
///
/// Trees are walked lazily, one directory listing per level in memory, so memory does not grow with the corpus.
public final class ReportSource: Sequence, IteratorProtocol {
  enum Item {
    /// A single report file.
    case reportFile(String)
    /// A directory tree of `*.txt` report files.
    case tree(String)
    case csv(path: String)
    case standardInput
  }

  private var items: [Item]
  /// The walk through the tree being read, if any.
  private var walk: DirectoryWalk?
  /// Report files of the walk already read (several at a time, see `readReportFiles`), not yet handed out.
  private var readAhead: [ReportRecord] = []
  /// Symbolic links in report trees that were not followed because they lead outside the tree given (or
  /// nowhere resolvable), as display paths; a run names them in its summary.
  public private(set) var linksNotFollowed: [String] = []
  /// Files in a MIMIC-CXR report tree that are not study reports (`LICENSE.txt`, `SHA256SUMS.txt` beside
  /// `files/`), as display paths: not read, named in a run's summary.
  public private(set) var notStudies: [String] = []
  private var readAheadIndex = 0
  private var itemIndex = 0
  private var produced = 0
  private var selected: Range<Int>? = nil
  private let options: InputOptions
  /// The CSV file being read, if any.
  private var csv: CSVReportReader?

  /// Resolves `inputs` (paths, or `-` for standard input); throws for a missing path or an empty directory.
  public init(inputs: [String], options: InputOptions = InputOptions()) throws(CXRLabelError) {
    self.options = options
    var items: [Item] = []
    for input in inputs {
      if input == "-" {
        items.append(.standardInput)
        continue
      }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
        throw CXRLabelError(.unreadable, "No such file or directory: \(input).", hint: "Check the path.")
      }
      if isDirectory.boolValue {
        guard var walk = Self.walk(input) else {
          throw CXRLabelError(.unreadable, "Cannot list \(input).", hint: "Check its permissions.")
        }
        var hasRecords = false
        while let entry = walk.next() {
          if DirectoryWalk.isRecord(entry) {
            hasRecords = true
            break
          }
        }
        guard hasRecords else {
          throw CXRLabelError(
            .noReports, "No report files (*.txt) under \(input).",
            hint: "Point at a MIMIC-CXR `files/` tree or a folder of .txt reports; CSV files are given by name.")
        }
        items.append(.tree(input))
      } else if FileEnding.csv.matches(input) {
        items.append(.csv(path: input))
      } else if FileEnding.report.matches(input) {
        items.append(.reportFile(input))
      } else if let kind = Self.spreadsheetKind(input) {
        throw CXRLabelError(
          .invalidArgument, "\(input) is \(kind), not text; cxrlabel reads CSV.",
          hint: "Save it as CSV (UTF-8) from the spreadsheet program, or in Python: "
            + "pandas.read_excel(\"\(input)\").to_csv(\"reports.csv\", index=False). Renaming it would not convert it.")
      } else {
        throw CXRLabelError(
          .invalidArgument,
          "Cannot tell how to read \(input): an input is a folder of reports, a .csv or .csv.gz file, or a .txt report.",
          hint: "If it is text, rename it to say what it is (e.g. reports.csv for a CSV of reports).")
      }
    }
    self.items = items
  }

  /// What kind of spreadsheet or archive a file is, by its name or its first bytes (a zip: `.xlsx`, `.ods`); nil
  /// for anything else.
  static func spreadsheetKind(_ path: String) -> String? {
    let lower = path.lowercased()
    for (ending, kind) in [
      (".xlsx", "an Excel workbook"), (".xls", "an Excel workbook"), (".ods", "an OpenDocument spreadsheet"),
      (".numbers", "a Numbers spreadsheet"), (".zip", "a zip archive"), (".parquet", "a Parquet file"),
    ]
    where lower.hasSuffix(ending) {
      return kind
    }
    return nil
  }

  /// A walk over the `*.txt` files under `root`, or nil if it cannot be listed. In a MIMIC-CXR layout only study
  /// files (`pNN/pNNNNNNNN/sNNNNNNNN.txt`) are reports; the others are counted in `notStudies`.
  static func walk(_ root: String) -> DirectoryWalk? {
    DirectoryWalk(root: Array(root.utf8), suffix: Array(".txt".utf8), studiesOnly: DirectoryWalk.isMIMICLayout(root))
  }

  /// How far through its inputs the stream has read, from 0 to 1, for progress: CSV files by bytes, trees by
  /// their folders; nil while it cannot tell (standard input). Reading runs ahead of labelling by a few batches.
  public var fractionRead: Double? {
    // A shard knows its number of records.
    if let selected {
      return selected.isEmpty
        ? 1 : Swift.min(1, Double(Swift.max(produced - selected.lowerBound, 0)) / Double(selected.count))
    }
    guard !items.isEmpty else { return nil }
    if itemIndex >= items.count, csv == nil, walk == nil { return 1 }
    let within: Double?
    if let csv { within = csv.fractionRead } else if let walk { within = walk.fractionDone } else { within = 0 }
    guard let within else { return nil }
    return (Double(Swift.max(itemIndex - 1, 0)) + within) / Double(items.count)
  }

  /// Restricts the stream to the `index`-th (1-based) of `count` contiguous, near-equal slices of the records,
  /// so that the slices, concatenated in order, are the whole stream. Needs one counting pass over CSV inputs.
  public func shard(_ index: Int, of count: Int) throws(CXRLabelError) {
    guard count >= 1, (1...count).contains(index) else {
      throw CXRLabelError(.invalidArgument, "A shard is K/N with 1 <= K <= N (got \(index)/\(count)).")
    }
    var total = 0
    for item in items {
      switch item {
      case .reportFile: total += 1
      case .tree(let root):
        var walk = Self.walk(root)
        total += walk?.countRecords() ?? 0
      case .csv(let path):
        let counter = try ReportSource(inputs: [path], options: options)
        while counter.nextRecord() != nil { total += 1 }
      case .standardInput:
        throw CXRLabelError(.invalidArgument, "Standard input cannot be sharded; save it to a file first.")
      }
    }
    selected = Self.sliceBound(total, index - 1, count)..<Self.sliceBound(total, index, count)
  }

  /// `total * part / count` without overflow for any `0 <= part <= count` (the product needs twice the bits).
  static func sliceBound(_ total: Int, _ part: Int, _ count: Int) -> Int {
    let product = total.multipliedFullWidth(by: part)
    return count.dividingFullWidth((high: product.high, low: product.low)).quotient
  }

  /// The records handed out so far (with `fractionRead`, an estimate of the whole input's size).
  public private(set) var recordsRead = 0

  /// The next record, or nil when every input is exhausted.
  public func next() -> ReportRecord? {
    guard let selected else {
      let record = nextRecord()
      if record != nil { recordsRead += 1 }
      return record
    }
    while produced < selected.lowerBound {
      guard skipRecord() else { return nil }
      produced += 1
    }
    guard produced < selected.upperBound, let record = nextRecord() else { return nil }
    produced += 1
    recordsRead += 1
    return record
  }

  /// The number of records the input holds, estimated from how far it has read; nil while it cannot tell.
  public var estimatedRecords: Int? {
    if let selected { return selected.count }
    guard let fraction = fractionRead, fraction > 0.001, recordsRead > 0 else { return nil }
    return Int((Double(recordsRead) / fraction).rounded())
  }

  /// Moves past one record without reading report files; false at the end.
  private func skipRecord() -> Bool {
    guard csv == nil else { return nextRecord() != nil }
    if readAheadIndex < readAhead.count {
      readAheadIndex += 1
      return true
    }
    while walk != nil {
      guard let entry = walk?.next() else {
        walk = nil
        break
      }
      if DirectoryWalk.isRecord(entry) { return true }
    }
    guard itemIndex < items.count else { return false }
    switch items[itemIndex] {
    case .reportFile:
      itemIndex += 1
      return true
    case .tree(let root):
      itemIndex += 1
      walk = Self.walk(root)
      return skipRecord()
    case .csv, .standardInput:
      return nextRecord() != nil
    }
  }

  func nextRecord() -> ReportRecord? {
    while true {
      if csv != nil {
        if let record = csv?.next() { return record }
        csv = nil
        continue
      }
      if readAheadIndex < readAhead.count {
        readAheadIndex += 1
        return readAhead[readAheadIndex - 1]
      }
      if walk != nil {
        var batch: [WalkedRecord] = []
        while batch.count < Self.readAheadCount, let entry = walk?.next() {
          switch entry {
          case .file(let file): batch.append(.file(file))
          case .unlistable(let path, let reason):
            batch.append(
              .ready(
                .failure(
                  nil,
                  CXRLabelError(
                    .unreadable, "Cannot list this folder: \(String(cString: strerror(reason))).",
                    at: .init(file: WalkedFile.display(path)),
                    hint: reason == EMFILE || reason == ENFILE
                      ? "The reports under it are not labelled: the walk holds one open folder per level, and the "
                        + "tree is nested deeper than the open-file limit (ulimit -n) allows. Raise the limit "
                        + "(ulimit -n 65536) or label the deep folder on its own."
                      : "The reports under it are not labelled; check its permissions."))))
          case .notRegular(let path):
            let display = WalkedFile.display(path)
            batch.append(
              .ready(
                .failure(
                  Self.studyID(forPath: display),
                  CXRLabelError(
                    .unreadable,
                    "It is named like a report but is not a regular file (a named pipe, socket or device).",
                    at: .init(file: display), hint: "Move it out of the tree or rename it."))))
          case .linkNotFollowed(let path):
            linksNotFollowed.append(WalkedFile.display(path))
          case .notAStudy(let path):
            notStudies.append(WalkedFile.display(path))
          }
        }
        if batch.isEmpty {
          walk = nil
        } else {
          readAhead = Self.readReportFiles(batch)
          readAheadIndex = 0
        }
        continue
      }
      guard itemIndex < items.count else { return nil }
      let item = items[itemIndex]
      itemIndex += 1
      switch item {
      case .reportFile(let path):
        return Self.readReportFile(path)
      case .tree(let root):
        walk = Self.walk(root)
        if walk == nil {
          return .failure(nil, CXRLabelError(.unreadable, "Cannot list \(root).", hint: "Check its permissions."))
        }
      case .csv(let path):
        do { csv = try CSVReportReader(try ByteFileReader(path: path), options: options) } catch {
          return .failure(nil, error)
        }
      case .standardInput:
        do {
          let reader = try ByteFileReader(standardInput: ())
          if options.standardInputIsCSV {
            csv = try CSVReportReader(reader, options: options)
          } else {
            let (text, invalid) = Self.decode(try reader.readAll())
            if text.hasPrefix(options.idColumn + "," + options.textColumn) {
              return .failure(
                StudyID(study: "stdin"),
                CXRLabelError(
                  .invalidInput,
                  "Standard input starts with a CSV header (\(options.idColumn),\(options.textColumn)), "
                    + "but is read as the text of one report.", hint: "Add --stdin-csv to read it as CSV rows."))
            }
            // The text of one report, as a file's: it goes through the same section choice (--sections).
            return .report(
              Report(id: StudyID(study: "stdin"), text: text, origin: .reportFile(path: "-"), hadInvalidUTF8: invalid))
          }
        } catch {
          return .failure(nil, error)
        }
      }
    }
  }

  /// How many files of a tree are read at once.
  static let readAheadCount = 256
  /// How many reads are in flight at once: storage that is not yet cached (a first pass over MIMIC-CXR on disk
  /// or a network file system) answers many small reads in parallel much faster than one after another.
  static let readWidth = 32
  private static let readQueue = DispatchQueue(label: "cxrlabel.read", attributes: .concurrent)

  /// An entry of a tree walk on its way to a record: a file still to read, or a failure already known.
  enum WalkedRecord: Sendable {
    case file(WalkedFile)
    case ready(ReportRecord)
  }

  /// Report files as records, in the order given, read by several threads at once.
  static func readReportFiles(_ items: [WalkedRecord]) -> [ReportRecord] {
    @Sendable func record(_ item: WalkedRecord) -> ReportRecord {
      switch item {
      case .file(let file): return readReportFile(file)
      case .ready(let record): return record
      }
    }
    let width = Swift.min(readWidth, items.count)
    guard width > 1 else { return items.map(record) }
    let slots = ResultSlots<ReportRecord>(count: items.count)
    let group = DispatchGroup()
    for lane in 0..<width {
      readQueue.async(group: group) {
        var index = lane
        while index < items.count {
          slots.set(index, record(items[index]))
          index += width
        }
      }
    }
    group.wait()
    return (0..<items.count).map { slots.take($0) }
  }

  /// One report file given by name as a record (a named failure if it cannot be read).
  static func readReportFile(_ path: String) -> ReportRecord {
    readReport(path: path, descriptor: open(path, O_RDONLY | O_CLOEXEC))
  }

  /// One report file of a tree walk as a record, opened by the bytes of its name (which need not be UTF-8).
  static func readReportFile(_ file: WalkedFile) -> ReportRecord {
    readReport(path: file.displayPath, descriptor: file.open())
  }

  /// The report in the file open as `descriptor` (-1 with errno set if it could not be opened); `path` names it.
  private static func readReport(path: String, descriptor: Int32) -> ReportRecord {
    let id = studyID(forPath: path)
    do {
      let bytes =
        FileEnding.gzip.matches(path)
        ? try ByteFileReader(descriptor: descriptor, path: path).readAll()
        : try PlainFile.contents(descriptor: descriptor, path: path)
      let (text, invalid) = decode(bytes)
      return .report(Report(id: id, text: text, origin: .reportFile(path: path), hadInvalidUTF8: invalid))
    } catch {
      return .failure(id, error)
    }
  }

  /// Decodes UTF-8, replacing invalid sequences; the flag says whether any were replaced.
  static func decode(_ bytes: [UInt8]) -> (String, Bool) {
    if let text = String(validating: bytes, as: UTF8.self) { return (text, false) }
    return (String(decoding: bytes, as: UTF8.self), true)
  }

  /// The study id of a report file: its name without `.txt`, with the subject from a `p…` parent folder.
  static func studyID(forPath path: String) -> StudyID {
    let bytes = Array(path.utf8)
    let slash = UInt8(ascii: "/")
    var end = bytes.count
    while end > 1, bytes[end - 1] == slash { end -= 1 }
    let nameStart = (bytes[..<end].lastIndex(of: slash) ?? -1) + 1
    var stemEnd = end
    func drop(_ suffix: String) {
      if DirectoryWalk.endsWith(bytes[nameStart..<stemEnd], Array(suffix.utf8)) { stemEnd -= suffix.utf8.count }
    }
    drop(".gz")
    drop(".txt")
    let stem = String(decoding: bytes[nameStart..<stemEnd], as: UTF8.self)
    guard nameStart > 1 else { return StudyID(subject: nil, study: stem) }
    var parentEnd = nameStart - 1
    while parentEnd > 0, bytes[parentEnd - 1] == slash { parentEnd -= 1 }
    let parentStart = (bytes[..<parentEnd].lastIndex(of: slash) ?? -1) + 1
    let parent = bytes[parentStart..<parentEnd]
    let isSubject =
      parent.count > 1 && parent.first == UInt8(ascii: "p")
      && parent.dropFirst().allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    return StudyID(subject: isSubject ? String(decoding: parent, as: UTF8.self) : nil, study: stem)
  }
}
