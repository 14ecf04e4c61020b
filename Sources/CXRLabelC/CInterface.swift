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

private func box(_ handle: UnsafeMutableRawPointer) -> LabelerBox {
  Unmanaged<LabelerBox>.fromOpaque(handle).takeUnretainedValue()
}

/// Creates a labeler: `labeler` is "chexpert" or "negbio"; `phrases` and `rules` name files in cxrlabel's formats
/// (NULL: the compiled-in ones). Returns NULL and sets `*error` (free it) when a file is missing or invalid.
@_cdecl("cxrlabel_create")
public func cxrlabelCreate(
  _ name: UnsafePointer<CChar>?, _ flags: Int32, _ phrases: UnsafePointer<CChar>?, _ rules: UnsafePointer<CChar>?,
  _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> UnsafeMutableRawPointer? {
  var settings = FrontEndSettings()
  settings.phrasesFile = phrases.map { String(cString: $0) }
  settings.rulesFile = rules.map { String(cString: $0) }
  settings.amend = flags & amendFlag != 0
  let choice = name.map { String(cString: $0) } ?? "chexpert"
  do {
    var labeler: Labeler
    switch choice {
    case "chexpert": labeler = try Labeler.chexpert(settings)
    case "negbio": labeler = try Labeler.negbio(settings)
    default:
      error?.pointee = mallocString("Unknown labeler \"\(choice)\": choose \"chexpert\" or \"negbio\".")
      return nil
    }
    labeler.emptyText = flags & emptyAsNormalFlag != 0 ? .noFinding : .blank
    let box = LabelerBox(labeler: labeler, reportFiles: flags & reportFilesFlag != 0)
    return Unmanaged.passRetained(box).toOpaque()
  } catch let failure {
    error?.pointee = mallocString(failure.description)
    return nil
  }
}

/// Frees a labeler made by `cxrlabel_create`.
@_cdecl("cxrlabel_destroy")
public func cxrlabelDestroy(_ handle: UnsafeMutableRawPointer?) {
  guard let handle else { return }
  Unmanaged<LabelerBox>.fromOpaque(handle).release()
}

/// The labeler's columns, one name per line: the 14 observations in MIMIC-CXR-JPG order, then any a custom
/// vocabulary defines, alphabetically.
@_cdecl("cxrlabel_columns")
public func cxrlabelColumns(_ handle: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<CChar>? {
  guard let handle else { return nil }
  return mallocString(box(handle).columns.map(\.name).joined(separator: "\n"))
}

/// Labels `count` UTF-8 texts, text `i` being bytes `offsets[i]..<offsets[i + 1]` of `texts`, on `jobs` threads
/// (0: one per core). `ids` (or NULL) holds the study ids the same way (with report files, MIMIC-CXR's per-study
/// section fixes are looked up by them: `s58235663`). Writes `count × columns` cells row by row into `out`: 1, 0,
/// -1, or `blank`. Returns 0, or -1 for a NULL handle or bad offsets.
@_cdecl("cxrlabel_label")
public func cxrlabelLabel(
  _ handle: UnsafeMutableRawPointer?, _ texts: UnsafePointer<UInt8>?, _ offsets: UnsafePointer<Int64>?,
  _ ids: UnsafePointer<UInt8>?, _ idOffsets: UnsafePointer<Int64>?,
  _ count: Int64, _ jobs: Int32, _ blank: Int8, _ out: UnsafeMutablePointer<Int8>?
) -> Int32 {
  guard count > 0 else { return count == 0 ? 0 : -1 }
  guard let handle, let offsets, let out else { return -1 }
  let box = box(handle)
  var reports: [Report] = []
  reports.reserveCapacity(Int(count))
  for index in 0..<Int(count) {
    guard let text = slice(texts, offsets, index) else { return -1 }
    var study: String?
    if let idOffsets {
      guard let id = slice(ids, idOffsets, index) else { return -1 }
      study = id
    }
    reports.append(box.report(text, index: index, study: study))
  }
  let rows = box.labeler.labels(of: reports, jobs: jobs > 0 ? Int(jobs) : nil)
  let width = box.columns.count
  for (row, labels) in rows.enumerated() {
    for (column, observation) in box.columns.enumerated() {
      out[row * width + column] = labels[observation]?.rawValue ?? blank
    }
  }
  return 0
}

/// Item `index` of a packed batch of UTF-8 strings (invalid bytes replaced); nil for bad offsets.
private func slice(_ bytes: UnsafePointer<UInt8>?, _ offsets: UnsafePointer<Int64>, _ index: Int) -> String? {
  let start = Int(offsets[index])
  let end = Int(offsets[index + 1])
  guard start >= 0, start <= end, end == start || bytes != nil else { return nil }
  return String(decoding: UnsafeBufferPointer(start: bytes.map { $0 + start }, count: end - start), as: UTF8.self)
}

/// One text's explanation: a JSON object with `labels`, `clean` (the text the rules read), `sentences` (with
/// their parses) and `mentions` (each with observation, phrase, span in `clean`, sentence, result, phase, rule and
/// its file:line), as `cxrlabel label --explain --explain-graphs` writes a line. `id` (or NULL) is the study id,
/// as in `cxrlabel_label`.
@_cdecl("cxrlabel_explain")
public func cxrlabelExplain(
  _ handle: UnsafeMutableRawPointer?, _ text: UnsafePointer<UInt8>?, _ length: Int64,
  _ id: UnsafePointer<UInt8>?, _ idLength: Int64
) -> UnsafeMutablePointer<CChar>? {
  guard let handle, length >= 0, idLength >= 0 else { return nil }
  let box = box(handle)
  let string = String(decoding: UnsafeBufferPointer(start: text, count: text == nil ? 0 : Int(length)), as: UTF8.self)
  let study = id.map { String(decoding: UnsafeBufferPointer(start: $0, count: Int(idLength)), as: UTF8.self) }
  var labeler = box.labeler
  labeler.keepsGraphs = true
  let result = labeler.label(box.report(string, index: 0, study: study))
  let line = ExplanationWriter.line(for: result, classifier: labeler.classifier, graphs: true)
  return mallocString(String(decoding: line, as: UTF8.self))
}

/// The clinical-efficacy scores of two label matrices (`rows × columns` cells, row by row; 1, 0, -1, anything else
/// blank) whose columns `names` lists one per line, as JSON (the keys `cxrlabel score --json` writes). `truth`
/// holds the reference reports' labels. `mode`: 0 the default convention with -1 negative, 1 the default with -1
/// positive, 2 `r2gen`, 3 `wcl`, 4 `chexbert` (`cxrlabel score --convention`). Returns NULL and sets `*error` when
/// a column of the 14 is missing, there is no row, or the mode is unknown.
@_cdecl("cxrlabel_score")
public func cxrlabelScore(
  _ truth: UnsafePointer<Int8>?, _ predictions: UnsafePointer<Int8>?, _ rows: Int64, _ columns: Int32,
  _ names: UnsafePointer<CChar>?, _ mode: Int32,
  _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> UnsafeMutablePointer<CChar>? {
  let columnNames = names.map { String(cString: $0).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } ?? []
  guard columnNames.count == Int(columns) else {
    error?.pointee = mallocString("\(columns) columns, but \(columnNames.count) column names.")
    return nil
  }
  let missing = Observation.mimicOrder.filter { !columnNames.contains($0.name) }
  guard missing.isEmpty else {
    error?.pointee = mallocString("No column for \(missing.map(\.name).joined(separator: ", ")); scores need all 14 observations.")
    return nil
  }
  guard rows > 0, let truth, let predictions else {
    error?.pointee = mallocString("There is no pair of reports to score.")
    return nil
  }
  let conventions: [ScoreConvention] = [.standard, .standard, .r2gen, .wcl, .chexbert]
  guard (0..<Int32(conventions.count)).contains(mode) else {
    error?.pointee = mallocString("Unknown scoring mode \(mode) (0-4).")
    return nil
  }
  let convention = conventions[Int(mode)]
  let indices = Observation.mimicOrder.map { observation in columnNames.firstIndex(of: observation.name) ?? 0 }
  let positive = mode == 1
  func matrix(_ cells: UnsafePointer<Int8>) -> BinaryMatrix {
    var matrix = BinaryMatrix(columns: indices.count)
    for row in 0..<Int(rows) {
      var mask: UInt32 = 0
      for (bit, column) in indices.enumerated()
      where convention.isPositive(LabelValue(rawValue: cells[row * Int(columns) + column]), uncertainIsPositive: positive) {
        mask |= 1 << UInt32(bit)
      }
      matrix.append(mask: mask)
    }
    return matrix
  }
  if convention != .standard {
    return mallocString(convention.figures(truth: matrix(truth), predictions: matrix(predictions))?.json() ?? "{}")
  }
  let scores = ClinicalEfficacy(truth: matrix(truth), predictions: matrix(predictions), observations: Observation.mimicOrder)
  return mallocString(scores.json)
}

/// Frees a string this library returned.
@_cdecl("cxrlabel_free_string")
public func cxrlabelFreeString(_ string: UnsafeMutablePointer<CChar>?) { free(string) }
