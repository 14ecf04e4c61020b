import CXRLabel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The C interface of libCXRLabelC, the shared library the Python package loads. Its declarations are
// include/cxrlabel.h, the one statement of the interface: CHeaderTests checks that every function here has the
// header's signature (and calls each through it), and python/tests/test_header.py checks the Python bindings
// against it. Strings returned are allocated with malloc: free them with cxrlabel_free_string.

/// `cxrlabel_create` flag (`CXRLABEL_EMPTY_AS_NORMAL`): a study with no text to label gets No Finding 1, as the
/// originals label it (otherwise its row is blank).
let emptyAsNormalFlag: Int32 = 1
/// `cxrlabel_create` flag: each text is a whole MIMIC-CXR report file, whose section is chosen first
/// (impression, else findings, else the last paragraph), as `cxrlabel` does for report trees.
let reportFilesFlag: Int32 = 2
/// `cxrlabel_create` flag: add cxrlabel's amendments (`--amend`) to the labeler's rules and phrases.
let amendFlag: Int32 = 4
/// `cxrlabel_label`'s `jobs` for one thread per core (`CXRLABEL_EVERY_CORE`).
let everyCore: Int32 = 0

/// `cxrlabel_score`'s modes (`CXRLABEL_SCORE_*`), in the header's order: each mode's convention, and whether it
/// counts -1 positive where the convention lets the caller choose.
let scoreModes: [(convention: ScoreConvention, uncertainIsPositive: Bool)] = [
  (.standard, false), (.standard, true), (.r2gen, false), (.wcl, true), (.chexbert, true),
]

/// What a handle points to: a labeler and how texts become reports and rows.
final class LabelerBox: Sendable {
  let labeler: Labeler
  let columns: [Observation]
  let reportFiles: Bool

  init(labeler: Labeler, reportFiles: Bool) {
    self.labeler = labeler
    columns = LabelTable(layout: .mimic, vocabularyObservations: labeler.frontEnd.matcher.observations).observations
    self.reportFiles = reportFiles
  }

  /// Text `index` of a batch as a report; `study` is its study id (nil: its number from 1). An id of digits
  /// alone (`58235663`, as MIMIC-CXR-JPG writes it) is the report file's `s58235663`, the name MIMIC-CXR's
  /// per-study section fixes use.
  func report(_ text: String, index: Int, study: String? = nil) -> Report {
    var name = study ?? String(index + 1)
    if study != nil, !name.isEmpty, name.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
      name = "s" + name
    }
    let id = StudyID(study: name)
    return Report(id: id, text: text, origin: reportFiles ? .reportFile(path: id.study + ".txt") : .text)
  }
}

/// A copy of `text` made with malloc, for the caller to free with `cxrlabel_free_string`.
private func mallocString(_ text: String) -> UnsafeMutablePointer<CChar>? { strdup(text) }

/// A C string out-parameter (`char **`): where a call puts its result or its error message.
public typealias StringSlot = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

/// The header's statuses (`CXRLABEL_OK`, ...), and the one way every call reports a failure.
enum Status: Int32 {
  case ok = 0
  case invalidArgument = 1
  case invalidFile = 2

  /// Stores `message` in `error` (when the caller gave a place for it) and returns the status's code.
  func fail(_ message: String, _ error: StringSlot?) -> Int32 {
    error?.pointee = mallocString(message)
    return rawValue
  }
}

/// Clears the result and error slots a call was given, so that a failure never leaves stale pointers there.
private func clear(_ slots: StringSlot?...) {
  for slot in slots { slot?.pointee = nil }
}

private func box(_ handle: OpaquePointer) -> LabelerBox {
  Unmanaged<LabelerBox>.fromOpaque(UnsafeRawPointer(handle)).takeUnretainedValue()
}

/// The library's version (`cxrlabelVersion`), in `*version`.
@_cdecl("cxrlabel_version")
public func cxrlabelVersionString(_ version: StringSlot?, _ error: StringSlot?) -> Int32 {
  clear(version, error)
  guard let version else { return Status.invalidArgument.fail("No place for the version (NULL).", error) }
  version.pointee = mallocString(cxrlabelVersion)
  return Status.ok.rawValue
}

/// The 14 observations in MIMIC-CXR-JPG's column order, one name per line, in `*names`.
@_cdecl("cxrlabel_observations")
public func cxrlabelObservations(_ names: StringSlot?, _ error: StringSlot?) -> Int32 {
  clear(names, error)
  guard let names else { return Status.invalidArgument.fail("No place for the names (NULL).", error) }
  names.pointee = mallocString(Observation.mimicOrder.map(\.name).joined(separator: "\n"))
  return Status.ok.rawValue
}

/// Creates a labeler in `*labeler`: `name` is "chexpert" or "negbio"; `phrases` and `rules` name files in
/// cxrlabel's formats (NULL: the compiled-in ones). Fails with `CXRLABEL_INVALID_FILE` when a file is missing or
/// invalid.
@_cdecl("cxrlabel_create")
public func cxrlabelCreate(
  _ name: UnsafePointer<CChar>?, _ flags: Int32, _ phrases: UnsafePointer<CChar>?, _ rules: UnsafePointer<CChar>?,
  _ labeler: UnsafeMutablePointer<OpaquePointer?>?, _ error: StringSlot?
) -> Int32 {
  labeler?.pointee = nil
  clear(error)
  guard let labeler else { return Status.invalidArgument.fail("No place for the labeler (NULL).", error) }
  var settings = LabelerSettings()
  settings.phrasesFile = phrases.map { String(cString: $0) }
  settings.rulesFile = rules.map { String(cString: $0) }
  settings.amend = flags & amendFlag != 0
  let choice = name.map { String(cString: $0) } ?? "chexpert"
  var made: Labeler
  do {
    switch choice {
    case "chexpert": made = try Labeler.chexpert(settings)
    case "negbio": made = try Labeler.negbio(settings)
    default:
      return Status.invalidArgument.fail("Unknown labeler \"\(choice)\": choose \"chexpert\" or \"negbio\".", error)
    }
  } catch let failure {
    return Status.invalidFile.fail(failure.description, error)
  }
  made.emptyText = flags & emptyAsNormalFlag != 0 ? .noFinding : .blank
  let box = LabelerBox(labeler: made, reportFiles: flags & reportFilesFlag != 0)
  labeler.pointee = OpaquePointer(Unmanaged.passRetained(box).toOpaque())
  return Status.ok.rawValue
}

/// Frees a labeler made by `cxrlabel_create`.
@_cdecl("cxrlabel_destroy")
public func cxrlabelDestroy(_ handle: OpaquePointer?) {
  guard let handle else { return }
  Unmanaged<LabelerBox>.fromOpaque(UnsafeRawPointer(handle)).release()
}

/// The labeler's columns in `*names`, one per line: the 14 observations in MIMIC-CXR-JPG order, then any a custom
/// vocabulary defines, alphabetically.
@_cdecl("cxrlabel_columns")
public func cxrlabelColumns(_ handle: OpaquePointer?, _ names: StringSlot?, _ error: StringSlot?) -> Int32 {
  clear(names, error)
  guard let handle, let names else {
    return Status.invalidArgument.fail("No labeler or no place for the names (NULL).", error)
  }
  names.pointee = mallocString(box(handle).columns.map(\.name).joined(separator: "\n"))
  return Status.ok.rawValue
}

/// Labels `count` UTF-8 texts, text `i` being bytes `offsets[i]..<offsets[i + 1]` of `texts`, on `jobs` threads
/// (0: one per core). `ids` (or NULL) holds the study ids the same way (with report files, MIMIC-CXR's per-study
/// section fixes are looked up by them: `s58235663`). Writes `count × columns` cells row by row into `cells`: 1,
/// 0, -1, or `blank`.
@_cdecl("cxrlabel_label")
public func cxrlabelLabel(
  _ handle: OpaquePointer?, _ texts: UnsafePointer<UInt8>?, _ offsets: UnsafePointer<Int64>?,
  _ ids: UnsafePointer<UInt8>?, _ idOffsets: UnsafePointer<Int64>?,
  _ count: Int64, _ jobs: Int32, _ blank: Int8, _ cells: UnsafeMutablePointer<Int8>?, _ error: StringSlot?
) -> Int32 {
  clear(error)
  guard count >= 0 else { return Status.invalidArgument.fail("A negative count of texts (\(count)).", error) }
  guard let handle else { return Status.invalidArgument.fail("No labeler (NULL).", error) }
  guard count > 0 else { return Status.ok.rawValue }
  guard let offsets, let cells else {
    return Status.invalidArgument.fail("No offsets or no place for the cells (NULL).", error)
  }
  let box = box(handle)
  var reports: [Report] = []
  reports.reserveCapacity(Int(count))
  for index in 0..<Int(count) {
    guard let text = slice(texts, offsets, index) else {
      return Status.invalidArgument.fail(
        "Text \(index): offsets \(offsets[index]) to \(offsets[index + 1]) are not a slice of the texts.", error)
    }
    var study: String?
    if let idOffsets {
      guard let id = slice(ids, idOffsets, index) else {
        return Status.invalidArgument.fail(
          "Id \(index): offsets \(idOffsets[index]) to \(idOffsets[index + 1]) are not a slice of the ids.", error)
      }
      study = id
    }
    reports.append(box.report(text, index: index, study: study))
  }
  let rows = box.labeler.labels(of: reports, jobs: jobs == everyCore ? nil : Int(max(1, jobs)))
  let width = box.columns.count
  for (row, labels) in rows.enumerated() {
    for (column, observation) in box.columns.enumerated() {
      cells[row * width + column] = labels[observation]?.rawValue ?? blank
    }
  }
  return Status.ok.rawValue
}

/// Item `index` of a packed batch of UTF-8 strings (invalid bytes replaced); nil for bad offsets.
private func slice(_ bytes: UnsafePointer<UInt8>?, _ offsets: UnsafePointer<Int64>, _ index: Int) -> String? {
  let start = Int(offsets[index])
  let end = Int(offsets[index + 1])
  guard start >= 0, start <= end, end == start || bytes != nil else { return nil }
  return String(decoding: UnsafeBufferPointer(start: bytes.map { $0 + start }, count: end - start), as: UTF8.self)
}

/// One text's explanation in `*json`: a JSON object with `labels`, `clean` (the text the rules read), `sentences`
/// (with their parses) and `mentions` (each with observation, phrase, span in `clean`, sentence, result, phase,
/// rule and its file:line), as `cxrlabel label --explain --explain-graphs` writes a line. `id` (or NULL) is the
/// study id, as in `cxrlabel_label`.
@_cdecl("cxrlabel_explain")
public func cxrlabelExplain(
  _ handle: OpaquePointer?, _ text: UnsafePointer<UInt8>?, _ length: Int64,
  _ id: UnsafePointer<UInt8>?, _ idLength: Int64, _ json: StringSlot?, _ error: StringSlot?
) -> Int32 {
  clear(json, error)
  guard let handle, let json else {
    return Status.invalidArgument.fail("No labeler or no place for the JSON (NULL).", error)
  }
  guard length >= 0, idLength >= 0, length == 0 || text != nil, idLength == 0 || id != nil else {
    return Status.invalidArgument.fail("A negative length, or a length without bytes.", error)
  }
  let box = box(handle)
  let string = String(decoding: UnsafeBufferPointer(start: text, count: Int(length)), as: UTF8.self)
  let study = id.map { String(decoding: UnsafeBufferPointer(start: $0, count: Int(idLength)), as: UTF8.self) }
  var labeler = box.labeler
  labeler.keepsGraphs = true
  let result = labeler.label(box.report(string, index: 0, study: study))
  let line = ExplanationWriter.line(for: result, graphs: true)
  json.pointee = mallocString(String(decoding: line, as: UTF8.self))
  return Status.ok.rawValue
}

/// The clinical-efficacy scores of two label matrices (`rows × columns` cells, row by row; 1, 0, -1, anything else
/// blank) whose columns `names` lists one per line, as JSON in `*json` (the keys `cxrlabel score --json` writes). `truth`
/// holds the reference reports' labels. `mode`: 0 the default convention with -1 negative, 1 the default with -1
/// positive, 2 `r2gen`, 3 `wcl`, 4 `chexbert` (`cxrlabel score --convention`). Fails with `CXRLABEL_INVALID_ARGUMENT` when
/// a column of the 14 is missing, there is no row, or the mode is unknown.
@_cdecl("cxrlabel_score")
public func cxrlabelScore(
  _ truth: UnsafePointer<Int8>?, _ predictions: UnsafePointer<Int8>?, _ rows: Int64, _ columns: Int32,
  _ names: UnsafePointer<CChar>?, _ mode: Int32, _ json: StringSlot?, _ error: StringSlot?
) -> Int32 {
  clear(json, error)
  guard let json else { return Status.invalidArgument.fail("No place for the JSON (NULL).", error) }
  let columnNames =
    names.map { String(cString: $0).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } ?? []
  guard columnNames.count == Int(columns) else {
    return Status.invalidArgument.fail("\(columns) columns, but \(columnNames.count) column names.", error)
  }
  let missing = Observation.mimicOrder.filter { !columnNames.contains($0.name) }
  guard missing.isEmpty else {
    return Status.invalidArgument.fail(
      "No column for \(missing.map(\.name).joined(separator: ", ")); scores need all 14 observations.", error)
  }
  guard rows > 0, let truth, let predictions else {
    return Status.invalidArgument.fail("There is no pair of reports to score.", error)
  }
  guard scoreModes.indices.contains(Int(mode)) else {
    return Status.invalidArgument.fail(
      "Unknown scoring mode \(mode) (CXRLABEL_SCORE_*: 0-\(scoreModes.count - 1)).", error)
  }
  let (convention, positive) = scoreModes[Int(mode)]
  let indices = Observation.mimicOrder.map { observation in columnNames.firstIndex(of: observation.name) ?? 0 }
  func matrix(_ cells: UnsafePointer<Int8>) -> BinaryMatrix {
    var matrix = BinaryMatrix(columns: indices.count)
    for row in 0..<Int(rows) {
      var mask: UInt32 = 0
      for (bit, column) in indices.enumerated()
      where convention.isPositive(
        LabelValue(rawValue: cells[row * Int(columns) + column]), uncertainIsPositive: positive)
      {
        mask |= 1 << UInt32(bit)
      }
      matrix.append(mask: mask)
    }
    return matrix
  }
  if convention != .standard {
    guard let figures = convention.figures(truth: matrix(truth), predictions: matrix(predictions)) else {
      return Status.invalidArgument.fail("The \(convention) convention gives no figures for these rows.", error)
    }
    json.pointee = mallocString(figures.json())
    return Status.ok.rawValue
  }
  let scores = ClinicalEfficacy(
    truth: matrix(truth), predictions: matrix(predictions), observations: Observation.mimicOrder)
  json.pointee = mallocString(scores.json)
  return Status.ok.rawValue
}

/// Frees a string this library returned.
@_cdecl("cxrlabel_free_string")
public func cxrlabelFreeString(_ string: UnsafeMutablePointer<CChar>?) { free(string) }
