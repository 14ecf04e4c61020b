import Testing

@testable import CXRLabel

/// The compact label store `cxrlabel score` pairs a million studies with, and the bit-mask matrix it scores.
@Suite("Compact labels and their pairing")
struct LabelColumnsTests {
  func columns(_ rows: [(String, StudyLabels)]) -> LabelColumns {
    var labels = LabelColumns()
    for (id, row) in rows { labels.append(id: id, labels: row) }
    return labels
  }

  @Test func cellsAndIDsRoundTrip() {
    let row: StudyLabels = [.atelectasis: .positive, .noFinding: .negative, .supportDevices: .uncertain]
    let labels = columns([("50414267", row), ("CXR12", [:]), ("007", [.edema: .negative]), ("7", [:])])
    #expect(labels.count == 4)
    #expect((0..<4).map { labels.id(row: $0) } == ["50414267", "CXR12", "007", "7"])
    #expect(labels.labels(row: 0) == row && labels.labels(row: 1).isEmpty)
    #expect(labels.value(row: 2, column: 3) == .negative && labels.value(row: 2, column: 4) == nil)
  }

  /// Pairs follow the first set's rows; a repeated id pairs by its last row and is named; ids only one set has
  /// are named per set; "007" and "7" are different studies.
  @Test func pairingBySortedIDs() {
    let reference = columns([("b", [:]), ("a", [:]), ("7", [:]), ("b", [.edema: .positive]), ("only-ref", [:])])
    let generated = columns([("007", [:]), ("a", [:]), ("b", [:]), ("7", [:]), ("only-gen", [:])])
    let pairing = LabelColumns.pair([reference, generated])
    #expect(pairing.rows[0] == [1, 2, 3])  // a, 7, then b's last row
    #expect(pairing.rows[1] == [1, 3, 2])
    #expect(reference.labels(row: Int(pairing.rows[0][2])) == [.edema: .positive])
    #expect(pairing.repeated == [["b"], []])
    #expect(pairing.unpaired == [["only-ref"], ["007", "only-gen"]])
    let three = LabelColumns.pair([reference, generated, columns([("7", [:]), ("a", [:])])])
    #expect(three.rows[0] == [1, 2] && three.unpaired[0] == ["b", "only-ref"])
  }

  @Test func binaryMatrixRowsAndResamples() {
    let matrix = BinaryMatrix([[true, false, true], [false, false, false]], columns: 3)
    #expect(matrix.rows == 2 && matrix[0, 0] && !matrix[0, 1] && matrix[0, 2] && !matrix[1, 2])
    let resampled = matrix.selecting([1, 1, 0])
    #expect(resampled.rows == 3 && !resampled[0, 0] && resampled[2, 2])
    let labels = columns([("1", [.atelectasis: .uncertain, .cardiomegaly: .positive])])
    let strict = ScoreConvention.r2gen.binary(labels, rows: [0], uncertainIsPositive: false)
    let lenient = ScoreConvention.wcl.binary(labels, rows: [0], uncertainIsPositive: false)
    #expect(!strict[0, 0] && strict[0, 1] && lenient[0, 0] && lenient[0, 1])
  }
}
