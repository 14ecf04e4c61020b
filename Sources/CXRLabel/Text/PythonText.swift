/// Byte-level versions of the Python string predicates the original tools rely on.
enum PythonText {
  /// The byte length of the Python whitespace character at `index` (as `str.split()` and `re`'s `\s` see it),
  /// or 0. That is `\t\n\v\f\r`, `\x1c`–`\x1f`, space, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028,
  /// U+2029, U+202F, U+205F and U+3000.
  @inline(__always)
  static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = bytes[index]
    if byte < 0x80 {
      return (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x1C && byte <= 0x20) ? 1 : 0
    }
    return wideWhitespaceWidth(bytes, at: index)
  }

  static func wideWhitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    func at(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
    switch bytes[index] {
    case 0xC2: return at(1) == 0x85 || at(1) == 0xA0 ? 2 : 0
    case 0xE1: return at(1) == 0x9A && at(2) == 0x80 ? 3 : 0
    case 0xE2:
      if at(1) == 0x80 {
        let third = at(2)
        return (third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
      }
      return at(1) == 0x81 && at(2) == 0x9F ? 3 : 0
    case 0xE3: return at(1) == 0x80 && at(2) == 0x80 ? 3 : 0
    default: return 0
    }
  }

  /// Whether `byte` is in Python's `string.printable`.
  @inline(__always)
  static func isPrintable(_ byte: UInt8) -> Bool {
    (byte >= 0x20 && byte <= 0x7E) || (byte >= 0x09 && byte <= 0x0D)
  }

  /// Whether `byte` is an ASCII letter.
  @inline(__always)
  static func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  /// Whether `byte` is an ASCII digit.
  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// The Unicode scalar starting at `index` (invalid UTF-8 decodes to U+FFFD).
  static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar {
    let byte = bytes[index]
    if byte < 0x80 { return Unicode.Scalar(byte) }
    var iterator = bytes[index...].makeIterator()
    var decoder = UTF8()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
    return "\u{FFFD}"
  }

  /// Whether the scalar at `index` is a Unicode word character that is not a digit (`[^\W\d]`).
  static func isLetterOrUnderscore(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let byte = bytes[index]
    if byte < 0x80 { return isASCIILetter(byte) || byte == UInt8(ascii: "_") }
    let properties = scalar(bytes, at: index).properties
    return properties.isAlphabetic
  }
}

extension String {
  /// Python's `str.strip()`: leading and trailing Python whitespace removed.
  func pythonStripped() -> String {
    let bytes = Array(utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      var start = 0
      while start < buffer.count {
        let width = PythonText.whitespaceWidth(buffer, at: start)
        if width == 0 { break }
        start += width
      }
      var end = buffer.count
      while end > start {
        var back = end - 1
        while back > start, buffer[back] & 0xC0 == 0x80 { back -= 1 }
        if PythonText.whitespaceWidth(buffer, at: back) == end - back { end = back } else { break }
      }
      return String(decoding: buffer[start..<end], as: UTF8.self)
    }
  }
}
