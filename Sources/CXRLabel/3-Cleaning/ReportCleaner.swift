/// Cleans a report exactly as the CheXpert labeler does before anything else looks at it (SPEC 2.2).
///
/// In order: Unicode lowercase; `and/or` → `or`; a `/` between two ASCII letters → ` or `; each `..` → `.`;
/// a space after every `.` and `,`; whitespace runs (Python's definition, Unicode spaces included) collapsed to
/// one space and the ends trimmed; `. .` → `.`; then every byte outside Python's `string.printable` deleted. The
/// result is ASCII on one line, so byte offsets equal the original's character offsets.
public struct ReportCleaner: Sendable {
  /// Whether to apply the final `. .` → `.` step (the labeler at the commit used for MIMIC-CXR does; NegBio's
  /// CheXpert port does not).
  public var removesEmptySentences: Bool

  /// Creates a cleaner; the default matches the labeler that produced MIMIC-CXR-JPG's CheXpert labels.
  public init(removesEmptySentences: Bool = true) {
    self.removesEmptySentences = removesEmptySentences
  }

  /// The cleaned text as ASCII bytes.
  public func clean(_ report: String) -> [UInt8] {
    var bytes = Self.lowercasedUTF8(report)
    bytes = Self.replaceAndOr(bytes)
    bytes = Self.slashBetweenLettersToOr(bytes)
    bytes = Self.collapseDoublePeriods(bytes)
    bytes = Self.spaceAfterPeriodsAndCommas(bytes)
    bytes = Self.collapseWhitespace(bytes)
    if removesEmptySentences { bytes = Self.removeEmptySentences(bytes) }
    return Self.deleteNonPrintable(bytes)
  }

  /// Python's `str.lower()`: an ASCII fast path, else full Unicode lowercase mapping.
  static func lowercasedUTF8(_ text: String) -> [UInt8] {
    var bytes = Array(text.utf8)
    if bytes.allSatisfy({ $0 < 0x80 }) {
      for index in bytes.indices where bytes[index] >= 0x41 && bytes[index] <= 0x5A { bytes[index] |= 0x20 }
      return bytes
    }
    return Array(text.lowercased().utf8)
  }

  /// Every `and/or` becomes `or`.
  static func replaceAndOr(_ bytes: [UInt8]) -> [UInt8] {
    replacing(Array("and/or".utf8), with: Array("or".utf8), in: bytes)
  }

  /// A `/` with an ASCII letter immediately on both sides (in the text before any replacement) becomes ` or `.
  static func slashBetweenLettersToOr(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 8)
    for index in bytes.indices {
      let byte = bytes[index]
      if byte == UInt8(ascii: "/"), index > 0, index + 1 < bytes.count, isASCIILetter(bytes[index - 1]),
        isASCIILetter(bytes[index + 1])
      {
        out.append(contentsOf: [0x20, UInt8(ascii: "o"), UInt8(ascii: "r"), 0x20])
      } else {
        out.append(byte)
      }
    }
    return out
  }

  /// Each non-overlapping `..`, left to right, becomes `.` (so `...` → `..`).
  static func collapseDoublePeriods(_ bytes: [UInt8]) -> [UInt8] {
    replacing([0x2E, 0x2E], with: [0x2E], in: bytes)
  }

  /// A space after every `.` and every `,`.
  static func spaceAfterPeriodsAndCommas(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      out.append(byte)
      if byte == 0x2E || byte == 0x2C { out.append(0x20) }
    }
    return out
  }

  /// Python's `' '.join(text.split())`: runs of whitespace (ASCII and Unicode) become one space, ends trimmed.
  static func collapseWhitespace(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var pendingSpace = false
    var index = 0
    while index < bytes.count {
      let width = pythonWhitespaceWidth(bytes, at: index)
      if width > 0 {
        pendingSpace = !out.isEmpty
        index += width
        continue
      }
      if pendingSpace {
        out.append(0x20)
        pendingSpace = false
      }
      out.append(bytes[index])
      index += 1
    }
    return out
  }

  /// Each non-overlapping `.` + whitespace + `.` becomes `.` (after collapsing, the whitespace is one space).
  static func removeEmptySentences(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x2E {
        var next = index + 1
        while next < bytes.count, pythonWhitespaceWidth(bytes, at: next) > 0 {
          next += pythonWhitespaceWidth(bytes, at: next)
        }
        if next > index + 1, next < bytes.count, bytes[next] == 0x2E {
          out.append(0x2E)
          index = next + 1
          continue
        }
      }
      out.append(bytes[index])
      index += 1
    }
    return out
  }

  /// Deletes every byte that is not in Python's `string.printable` (so every non-ASCII character), then turns
  /// `\r\n` into `\n`, as NegBio does when it wraps text into a document.
  static func deleteNonPrintable(_ bytes: [UInt8]) -> [UInt8] {
    var out = bytes.filter(isPythonPrintable)
    if out.contains(0x0D) { out = replacing([0x0D, 0x0A], with: [0x0A], in: out) }
    return out
  }

  static func isASCIILetter(_ byte: UInt8) -> Bool { PythonText.isASCIILetter(byte) }

  static func isPythonPrintable(_ byte: UInt8) -> Bool { PythonText.isPrintable(byte) }

  static func pythonWhitespaceWidth(_ bytes: [UInt8], at index: Int) -> Int {
    bytes.withUnsafeBufferPointer { PythonText.whitespaceWidth($0, at: index) }
  }

  /// Non-overlapping left-to-right replacement of `needle` by `replacement`.
  static func replacing(_ needle: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
    guard let first = needle.first, bytes.count >= needle.count else { return bytes }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    outer: while index < bytes.count {
      if bytes[index] == first, index + needle.count <= bytes.count {
        var matched = true
        for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
          matched = false
          break
        }
        if matched {
          out.append(contentsOf: replacement)
          index += needle.count
          continue outer
        }
      }
      out.append(bytes[index])
      index += 1
    }
    return out
  }
}
