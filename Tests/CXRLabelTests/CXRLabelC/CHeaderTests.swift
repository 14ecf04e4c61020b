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
    same(cxrlabel_version, cxrlabelVersionString)
    same(cxrlabel_observations, cxrlabelObservations)
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
    var string: UnsafeMutablePointer<CChar>?
    #expect(cxrlabel_version(&string, &error) == CXRLABEL_OK && take(string) == cxrlabelVersion)
    #expect(cxrlabel_observations(&string, &error) == CXRLABEL_OK)
    #expect(take(string)?.split(separator: "\n").map(String.init) == Observation.mimicOrder.map(\.name))
    var handle: OpaquePointer?
    #expect(cxrlabel_create("no-such-labeler", 0, nil, nil, &handle, &error) == CXRLABEL_INVALID_ARGUMENT)
    #expect(handle == nil && take(error)?.contains("Unknown labeler") == true)
    #expect(cxrlabel_create("chexpert", 0, "/no/such.phrases", nil, &handle, &error) == CXRLABEL_INVALID_FILE)
    #expect(handle == nil && take(error)?.contains("/no/such.phrases") == true)
    #expect(cxrlabel_create("chexpert", CXRLABEL_AMEND, nil, nil, &handle, &error) == CXRLABEL_OK && error == nil)
    let labeler = try #require(handle)
    defer { cxrlabel_destroy(labeler) }
    #expect(cxrlabel_columns(labeler, &string, &error) == CXRLABEL_OK)
    let columns = try #require(take(string)).split(separator: "\n").map(String.init)
    #expect(columns.count == 14 && columns[12] == "Pneumothorax")
    let text = Array("Pneumothorax is not identified.".utf8)
    let offsets: [Int64] = [0, Int64(text.count)]
    var out = [Int8](repeating: 9, count: columns.count)
    #expect(cxrlabel_label(labeler, text, offsets, nil, nil, 1, 1, -2, &out, &error) == CXRLABEL_OK)
    #expect(out[12] == 0 && out[0] == -2)  // negated with CXRLABEL_AMEND; Atelectasis not mentioned
    #expect(cxrlabel_label(labeler, text, [5, 0], nil, nil, 1, 1, -2, &out, &error) == CXRLABEL_INVALID_ARGUMENT)
    #expect(take(error)?.contains("Text 0") == true)
    let explained = text.withUnsafeBufferPointer {
      cxrlabel_explain(labeler, $0.baseAddress, Int64(text.count), nil, 0, &string, &error)
    }
    #expect(explained == CXRLABEL_OK)
    #expect(take(string)?.contains("\"rule\":\"amend-neg-passive\"") == true)
    #expect(cxrlabel_explain(labeler, nil, 4, nil, 0, &string, &error) == CXRLABEL_INVALID_ARGUMENT && string == nil)
    #expect(take(error) != nil)
    let truth = [Int8](repeating: 1, count: 14)
    let names = Observation.mimicOrder.map(\.name).joined(separator: "\n")
    #expect(cxrlabel_score(truth, truth, 1, 14, names, 0, &string, &error) == CXRLABEL_OK)
    #expect(take(string)?.contains("\"f1_micro\":1.0") == true)
    #expect(cxrlabel_score(truth, truth, 1, 14, "Edema", 0, &string, &error) == CXRLABEL_INVALID_ARGUMENT)
    #expect(string == nil && take(error)?.contains("14 columns") == true)
  }
}
