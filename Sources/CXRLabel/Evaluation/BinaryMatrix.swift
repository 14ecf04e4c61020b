/// A 0/1 matrix of paired label sets: one row per study, one column per observation (at most 32), each row held
/// as a bit mask, so a million studies take 4 MB. What the clinical-efficacy figures are computed on.
public struct BinaryMatrix: Sendable, Equatable {
  /// How many columns (observations).
  public let columns: Int
  /// Each row's cells, column `c` as bit `c`.
  public private(set) var masks: [UInt32]

  /// The most columns a matrix holds.
  public static let maximumColumns = 32

  /// An empty matrix of `columns` columns.
  ///
  /// - Precondition: `columns` is at most ``maximumColumns``.
  public init(columns: Int) {
    precondition(columns <= Self.maximumColumns, "a BinaryMatrix holds at most 32 columns")
    self.columns = columns
    masks = []
  }

  /// The matrix of `rows`, each of `columns` cells.
  public init(_ rows: [[Bool]], columns: Int) {
    self.init(columns: columns)
    masks.reserveCapacity(rows.count)
    for row in rows { append(row) }
  }

  /// How many rows.
  public var rows: Int { masks.count }

  /// Whether it has no row.
  public var isEmpty: Bool { masks.isEmpty }

  /// Cell (`row`, `column`).
  @inlinable public subscript(row: Int, column: Int) -> Bool { masks[row] >> UInt32(column) & 1 == 1 }

  /// Appends a row of `columns` cells.
  public mutating func append(_ row: [Bool]) {
    var mask: UInt32 = 0
    for (column, cell) in row.prefix(columns).enumerated() where cell { mask |= 1 << UInt32(column) }
    masks.append(mask)
  }

  /// Appends a row given as its bit mask.
  public mutating func append(mask: UInt32) { masks.append(mask) }

  /// The rows at `indices`, in that order (a bootstrap resample).
  public func selecting(_ indices: [Int]) -> BinaryMatrix {
    var result = BinaryMatrix(columns: columns)
    result.masks = indices.map { masks[$0] }
    return result
  }
}
