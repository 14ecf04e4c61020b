/// Many studies' labels of the 14 observations held compactly: each study's id as 8 bytes (a decimal id as its
/// number) and its 14 labels as 4 bytes (MIMIC-CXR-JPG's column order), so a million studies take about 12 MB.
/// What `cxrlabel score` pairs and scores.
/// Observations outside the 14 are not held.
public struct LabelColumns: Sendable {
  /// Cells per study: the 14 observations.
  public static let width = Observation.mimicOrder.count

  /// Each row's id as a key: a decimal id (digits, no leading zero, at most 18) is its number; any other is
  /// `otherBit` plus its index in `otherIDs` (so two such ids are compared by their text, not their keys).
  private var keys: [UInt64] = []
  private var otherIDs: [String] = []
  private static let otherBit: UInt64 = 1 << 63
  /// Each row's 14 cells, two bits each (0 blank, 1 positive, 2 negative, 3 uncertain), column `c` at bit `2c`.
  private var packed: [UInt32] = []

  /// No study yet.
  public init() {}

  /// How many rows.
  public var count: Int { keys.count }

  /// Row `row`'s study id.
  public func id(row: Int) -> String {
    let key = keys[row]
    return key & Self.otherBit == 0 ? String(key) : otherIDs[Int(key & ~Self.otherBit)]
  }

  /// Adds a study's row.
  public mutating func append(id: String, labels: StudyLabels) {
    keys.append(Self.number(id) ?? (Self.otherBit | UInt64(otherIDs.count)))
    if keys[keys.count - 1] & Self.otherBit != 0 { otherIDs.append(id) }
    var cells: UInt32 = 0
    for (column, observation) in Observation.mimicOrder.enumerated() {
      let code: UInt32
      switch labels[observation] {
      case nil: code = 0
      case .positive: code = 1
      case .negative: code = 2
      case .uncertain: code = 3
      }
      cells |= code << UInt32(2 * column)
    }
    packed.append(cells)
  }

  /// A decimal id's number: digits only, no leading zero (so that "07" stays distinct from "7"), at most 18.
  private static func number(_ id: String) -> UInt64? {
    let utf8 = id.utf8
    guard !utf8.isEmpty, utf8.count <= 18, utf8.first != UInt8(ascii: "0") || utf8.count == 1 else { return nil }
    var value: UInt64 = 0
    for byte in utf8 {
      guard byte >= 0x30, byte <= 0x39 else { return nil }
      value = value * 10 + UInt64(byte - 0x30)
    }
    return value
  }

  /// The label in `row` of observation `column` (MIMIC-CXR-JPG's order); nil for blank.
  public func value(row: Int, column: Int) -> LabelValue? {
    switch packed[row] >> UInt32(2 * column) & 3 {
    case 1: return .positive
    case 2: return .negative
    case 3: return .uncertain
    default: return nil
    }
  }

  /// A row's labels as a dictionary (blank observations absent).
  public func labels(row: Int) -> StudyLabels {
    var labels = StudyLabels()
    for (column, observation) in Observation.mimicOrder.enumerated() {
      if let value = value(row: row, column: column) { labels[observation] = value }
    }
    return labels
  }

  /// Orders rows by id (a total order in which equal ids are adjacent; numbers before other ids).
  private func precedes(_ a: Int32, _ b: Int32) -> Bool {
    let order = compare(a, with: self, b)
    return order.equal ? a < b : order.before
  }

  /// Whether rows `a` of `self` and `b` of `other` have the same id; and if not, whether `a`'s comes first.
  private func compare(_ a: Int32, with other: LabelColumns, _ b: Int32) -> (equal: Bool, before: Bool) {
    let (x, y) = (keys[Int(a)], other.keys[Int(b)])
    let (xOther, yOther) = (x & Self.otherBit != 0, y & Self.otherBit != 0)
    if xOther != yOther { return (false, !xOther) }
    if !xOther { return (x == y, x < y) }
    let (first, second) = (otherIDs[Int(x & ~Self.otherBit)], other.otherIDs[Int(y & ~Self.otherBit)])
    return (first == second, first < second)
  }

  /// The rows of a label file (see ``LabelFile/scan(path:row:ignore:)``), with what it says about its columns.
  public static func read(path: String) throws(CXRLabelError) -> (labels: LabelColumns, layout: LabelFile.Layout) {
    var labels = LabelColumns()
    let layout = try LabelFile.scan(path: path) { id, row in labels.append(id: id, labels: row) }
    return (labels, layout)
  }

  /// Rows of several label sets that share a study id, found by sorting each set's ids (no dictionary, so memory
  /// stays at a few bytes per study).
  public struct Pairing: Sendable {
    /// For each set, the row of each paired study; entry `i` of every set is the same study, in the order of
    /// the first set's rows.
    public var rows: [[Int32]]
    /// For each set, its study ids that some other set lacks, in its row order.
    public var unpaired: [[String]]
    /// For each set, ids that more than one of its rows has, in row order (the last such row is the one paired).
    public var repeated: [[String]]
  }

  /// Pairs `sets` by study id: every id all of them have, once (a repeated id's last row).
  public static func pair(_ sets: [LabelColumns]) -> Pairing {
    // Each set's rows sorted by id (row order among equal ids), then one row per id: the last.
    var distinct: [[Int32]] = []
    var repeated: [[String]] = []
    for set in sets {
      var order = (0..<Int32(set.count)).map { $0 }
      order.sort(by: set.precedes)
      var rows: [Int32] = []
      var repeatedRows: [Int32] = []
      for row in order {
        if let last = rows.last, set.compare(last, with: set, row).equal {
          repeatedRows.append(last)
          rows[rows.count - 1] = row
        } else {
          rows.append(row)
        }
      }
      distinct.append(rows)
      repeated.append(repeatedRows.sorted().map { set.id(row: Int($0)) })
    }
    guard let first = distinct.first else { return Pairing(rows: [], unpaired: [], repeated: []) }
    // Merge the sorted lists: an id is paired when every set has it.
    var cursors = Array(repeating: 0, count: sets.count)
    var rows = Array(repeating: [Int32](), count: sets.count)
    var isPaired = sets.map { Array(repeating: false, count: $0.count) }
    for row in first {
      var found: [Int32] = [row]
      for set in 1..<sets.count {
        let list = distinct[set]
        while cursors[set] < list.count, sets[set].compare(list[cursors[set]], with: sets[0], row).before {
          cursors[set] += 1
        }
        guard cursors[set] < list.count, sets[set].compare(list[cursors[set]], with: sets[0], row).equal else { break }
        found.append(list[cursors[set]])
      }
      guard found.count == sets.count else { continue }
      for (set, match) in found.enumerated() {
        rows[set].append(match)
        isPaired[set][Int(match)] = true
      }
    }
    // In the first set's row order.
    let order = rows[0].indices.sorted { rows[0][$0] < rows[0][$1] }
    rows = rows.map { set in order.map { set[$0] } }
    let unpaired = sets.indices.map { set in
      distinct[set].filter { !isPaired[set][Int($0)] }.sorted().map { sets[set].id(row: Int($0)) }
    }
    return Pairing(rows: rows, unpaired: unpaired, repeated: repeated)
  }
}
