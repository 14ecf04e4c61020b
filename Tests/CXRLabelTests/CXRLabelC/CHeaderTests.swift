import CXRLabel
import CXRLabelC
import CXRLabelCHeader
import Foundation
import Testing

/// `include/cxrlabel.h` is the C interface: the Swift implementation has exactly its signatures (a mismatch does
/// not compile: each pair below must have one type), and every function works when called through the header's
/// declarations, which link to the Swift `@_cdecl` functions.
@Suite("The C header")
struct CHeaderTests {
  /// Compiles only when both functions have the same type.
  func same<T>(_ header: T, _ swift: T) {}

  @Test func theSwiftSideHasTheHeadersSignatures() {
    same(cxrlabel_create, cxrlabelCreate)
    same(cxrlabel_destroy, cxrlabelDestroy)
    same(cxrlabel_columns, cxrlabelColumns)
    same(cxrlabel_label, cxrlabelLabel)
    same(cxrlabel_explain, cxrlabelExplain)
    same(cxrlabel_score, cxrlabelScore)
    same(cxrlabel_free_string, cxrlabelFreeString)
  }

  /// A string the library returned, freed.
  func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
    guard let pointer else { return nil }
    defer { cxrlabel_free_string(pointer) }
    return String(cString: pointer)
  }

  @Test func everyFunctionWorksThroughTheHeader() throws {
    var error: UnsafeMutablePointer<CChar>?
    #expect(cxrlabel_create("no-such-labeler", 0, nil, nil, &error) == nil)
    #expect(take(error)?.contains("Unknown labeler") == true)
    let handle = try #require(cxrlabel_create("chexpert", CXRLABEL_AMEND, nil, nil, &error))
    defer { cxrlabel_destroy(handle) }
    let columns = try #require(take(cxrlabel_columns(handle))).split(separator: "\n").map(String.init)
    #expect(columns.count == 14 && columns[12] == "Pneumothorax")
    let text = Array("Pneumothorax is not identified.".utf8)
    let offsets: [Int64] = [0, Int64(text.count)]
    var out = [Int8](repeating: 9, count: columns.count)
    #expect(cxrlabel_label(handle, text, offsets, nil, nil, 1, 1, -2, &out) == 0)
    #expect(out[12] == 0 && out[0] == -2)  // negated with CXRLABEL_AMEND; Atelectasis not mentioned
    let explanation = try #require(
      text.withUnsafeBufferPointer { take(cxrlabel_explain(handle, $0.baseAddress, Int64(text.count), nil, 0)) })
    #expect(explanation.contains("\"rule\":\"amend-neg-passive\""))
    let truth = [Int8](repeating: 1, count: 14)
    let names = Observation.mimicOrder.map(\.name).joined(separator: "\n")
    let json = try #require(take(cxrlabel_score(truth, truth, 1, 14, names, 0, &error)))
    #expect(json.contains("\"f1_micro\":1.0"))
    #expect(cxrlabel_score(truth, truth, 1, 14, "Edema", 0, &error) == nil && take(error) != nil)
  }
}
