import CXRLabelCHeader
import Foundation
import Testing

@testable import CXRLabel
@testable import CXRLabelC

@Suite("The C interface the Python package loads")
struct CInterfaceTests {
  /// Takes a string the library returned, freeing it.
  func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
    guard let pointer else { return nil }
    defer { cxrlabelFreeString(pointer) }
    return String(cString: pointer)
  }

  /// A labeler made through the interface, or the interface's status and message.
  func create(_ name: String, _ flags: Int32 = 0, rules: String? = nil) -> (OpaquePointer?, Int32, String?) {
    var handle: OpaquePointer?
    var error: UnsafeMutablePointer<CChar>?
    let status = cxrlabelCreate(name, flags, nil, rules, &handle, &error)
    return (handle, status, take(error))
  }

  /// A string result of a call that follows the interface's convention (status, result slot, error slot).
  func string(_ call: (StringSlot?, StringSlot?) -> Int32) -> (String?, Int32, String?) {
    var result: UnsafeMutablePointer<CChar>?
    var error: UnsafeMutablePointer<CChar>?
    let status = call(&result, &error)
    return (take(result), status, take(error))
  }

  /// Packs strings as the interface takes them: one buffer and count + 1 offsets.
  func packed(_ strings: [String]) -> (bytes: [UInt8], offsets: [Int64]) {
    var bytes: [UInt8] = []
    var offsets: [Int64] = [0]
    for string in strings {
      bytes += Array(string.utf8)
      offsets.append(Int64(bytes.count))
    }
    return (bytes, offsets)
  }

  @Test func labelsLikeTheLibraryWithBlankCode() throws {
    let handle = try #require(create("chexpert").0)
    defer { cxrlabelDestroy(handle) }
    let columns = try #require(string { cxrlabelColumns(handle, $0, $1) }.0).split(separator: "\n").map(String.init)
    #expect(columns == Observation.mimicOrder.map(\.name))
    let texts = ["No pneumothorax. Mild cardiomegaly.", "", "Possible edema."]
    let (bytes, offsets) = packed(texts)
    var out = [Int8](repeating: 99, count: texts.count * columns.count)
    #expect(cxrlabelLabel(handle, bytes, offsets, nil, nil, Int64(texts.count), 2, -2, &out, nil) == 0)
    let labeler = try Labeler.chexpert()
    for (row, text) in texts.enumerated() {
      let expected = labeler.label(Report(id: StudyID(study: "x"), text: text)).labels
      for (column, observation) in Observation.mimicOrder.enumerated() {
        #expect(out[row * columns.count + column] == expected[observation]?.rawValue ?? -2, "\(row) \(observation)")
      }
    }
  }

  @Test func reportFilesUseTheirStudyIDs() throws {
    // s58235663 is one of MIMIC-CXR's per-study fixes: it has no section to label, so its row is blank.
    let text = try String(
      contentsOfFile: TestPaths.fixtures + "/reports/files/p11/p11000003/s58235663.txt", encoding: .utf8)
    let handle = try #require(create("chexpert", reportFilesFlag).0)
    defer { cxrlabelDestroy(handle) }
    let (bytes, offsets) = packed([text])
    var numbered = [Int8](repeating: 0, count: 14)
    var named = numbered
    let (idBytes, idOffsets) = packed(["s58235663"])
    #expect(cxrlabelLabel(handle, bytes, offsets, nil, nil, 1, 1, -2, &numbered, nil) == 0)
    #expect(cxrlabelLabel(handle, bytes, offsets, idBytes, idOffsets, 1, 1, -2, &named, nil) == 0)
    #expect(named.allSatisfy { $0 == -2 })
    #expect(numbered != named)
    // MIMIC-CXR-JPG writes the id without its "s": it names the same study.
    var digits = numbered
    let (digitBytes, digitOffsets) = packed(["58235663"])
    #expect(cxrlabelLabel(handle, bytes, offsets, digitBytes, digitOffsets, 1, 1, -2, &digits, nil) == 0)
    #expect(digits == named)
  }

  @Test func explanationsCarryTheCleanTextAndMentions() throws {
    let handle = try #require(create("chexpert").0)
    defer { cxrlabelDestroy(handle) }
    let text = Array("Écho: No pneumothorax.".utf8)
    let json = try #require(string { cxrlabelExplain(handle, text, Int64(text.count), nil, 0, $0, $1) }.0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let clean = try #require(object["clean"] as? String)
    let mention = try #require((object["mentions"] as? [[String: Any]])?.first)
    let start = try #require(mention["start"] as? Int)
    let end = try #require(mention["end"] as? Int)
    let scalars = Array(clean.unicodeScalars)
    #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "pneumothorax")
    #expect(mention["result"] as? String == "negation")
  }

  @Test func everyFailureIsAStatusAndAMessage() throws {
    let unknown = create("chexbert")
    #expect(unknown.0 == nil && unknown.1 == Status.invalidArgument.rawValue && unknown.2?.contains("chexpert") == true)
    let missing = create("negbio", rules: "/no/such/rules.rules")
    #expect(missing.0 == nil && missing.1 == Status.invalidFile.rawValue)
    #expect(missing.2?.contains("/no/such/rules.rules") == true)
    let cells = [Int8](repeating: 1, count: 13)
    let names = Observation.mimicOrder.dropLast().map(\.name).joined(separator: "\n")
    let scored = string { cxrlabelScore(cells, cells, 1, 13, names, 0, $0, $1) }
    #expect(scored.0 == nil && scored.1 == Status.invalidArgument.rawValue)
    #expect(scored.2?.contains("Support Devices") == true)
    let noLabeler = string { cxrlabelColumns(nil, $0, $1) }
    #expect(noLabeler.0 == nil && noLabeler.1 == Status.invalidArgument.rawValue && noLabeler.2 != nil)
    // A failed call leaves no stale result behind, and a caller may pass no error slot.
    var error: UnsafeMutablePointer<CChar>?
    let bytes = Array("Edema.".utf8)
    var out = [Int8](repeating: 0, count: 14)
    let handle = try #require(create("chexpert").0)
    defer { cxrlabelDestroy(handle) }
    #expect(cxrlabelLabel(handle, bytes, [5, 0], nil, nil, 1, 1, -2, &out, &error) == Status.invalidArgument.rawValue)
    #expect(take(error)?.contains("Text 0") == true)
    #expect(cxrlabelLabel(handle, bytes, [4, 2], nil, nil, 1, 1, -2, &out, nil) == Status.invalidArgument.rawValue)
    #expect(cxrlabelLabel(handle, bytes, nil, nil, nil, -1, 1, -2, &out, nil) == Status.invalidArgument.rawValue)
  }

  @Test func scoresMatchTheLibrary() throws {
    let truth: [Int8] = (0..<28).map { [1, 0, -1, -2][$0 % 4] }
    let predictions: [Int8] = (0..<28).map { [1, 1, -2, -1][$0 % 4] }
    let names = Observation.mimicOrder.map(\.name).joined(separator: "\n")
    let json = try #require(string { cxrlabelScore(truth, predictions, 2, 14, names, 1, $0, $1) }.0)
    let rows = { (cells: [Int8]) in
      (0..<2).map { row in
        Dictionary(
          uniqueKeysWithValues: Observation.mimicOrder.enumerated().compactMap { column, observation in
            LabelValue(rawValue: cells[row * 14 + column]).map { (observation, $0) }
          })
      }
    }
    let expected = try #require(
      ClinicalEfficacy(truth: rows(truth), predictions: rows(predictions), uncertainIsPositive: true))
    #expect(json == expected.json)
  }

  /// The Swift side's flags, statuses and modes are the header's macros (a compiler cannot check constants).
  @Test func constantsAreTheHeadersMacros() {
    #expect(emptyAsNormalFlag == CXRLABEL_EMPTY_AS_NORMAL && reportFilesFlag == CXRLABEL_REPORT_FILES)
    #expect(amendFlag == CXRLABEL_AMEND && everyCore == CXRLABEL_EVERY_CORE)
    #expect(Status.ok.rawValue == CXRLABEL_OK && Status.invalidArgument.rawValue == CXRLABEL_INVALID_ARGUMENT)
    #expect(Status.invalidFile.rawValue == CXRLABEL_INVALID_FILE)
    let modes = [
      CXRLABEL_SCORE_DEFAULT_UNCERTAIN_NEGATIVE, CXRLABEL_SCORE_DEFAULT_UNCERTAIN_POSITIVE, CXRLABEL_SCORE_R2GEN,
      CXRLABEL_SCORE_WCL, CXRLABEL_SCORE_CHEXBERT,
    ]
    #expect(modes == Array(0..<Int32(scoreModes.count)))
    #expect(scoreModes[Int(CXRLABEL_SCORE_R2GEN)].convention == .r2gen)
    #expect(scoreModes[Int(CXRLABEL_SCORE_WCL)].convention == .wcl)
    #expect(scoreModes[Int(CXRLABEL_SCORE_CHEXBERT)].convention == .chexbert)
    #expect(scoreModes[Int(CXRLABEL_SCORE_DEFAULT_UNCERTAIN_POSITIVE)] == (.standard, true))
  }
}
