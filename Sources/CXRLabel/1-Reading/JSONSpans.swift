internal import Foundation

/// Where the members of a JSON object and the elements of a JSON array lie in its bytes, so a writer can copy
/// what it does not change byte for byte instead of decoding and re-encoding it. The text must already be valid
/// JSON (it has been decoded once); on anything else the results are unspecified but stay within the bytes.
package enum JSONSpans {
  /// One member of an object: its key (decoded), the whole `"key": value` range, and the value's range.
  package struct Member {
    package var key: String
    package var member: Range<Int>
    package var value: Range<Int>
  }

  /// The members of the object that starts at or after `start` (leading whitespace skipped).
  package static func members(of bytes: [UInt8], objectAt start: Int = 0) -> [Member] {
    var index = skipSpace(bytes, start)
    guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return [] }
    index += 1
    var members: [Member] = []
    while true {
      index = skipSpace(bytes, index)
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return members }
      let keyStart = index
      let keyEnd = valueEnd(bytes, keyStart)
      index = skipSpace(bytes, keyEnd)
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return members }
      let valueStart = skipSpace(bytes, index + 1)
      let end = valueEnd(bytes, valueStart)
      members.append(
        Member(key: decodedString(bytes[keyStart..<keyEnd]), member: keyStart..<end, value: valueStart..<end))
      index = skipSpace(bytes, end)
      guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return members }
      index += 1
    }
  }

  /// The elements of the array whose `[` is at `start`.
  static func elements(of bytes: [UInt8], arrayAt start: Int) -> [Range<Int>] {
    guard start < bytes.count, bytes[start] == UInt8(ascii: "[") else { return [] }
    var index = skipSpace(bytes, start + 1)
    var elements: [Range<Int>] = []
    guard index < bytes.count, bytes[index] != UInt8(ascii: "]") else { return [] }
    while index < bytes.count {
      let end = valueEnd(bytes, index)
      elements.append(index..<end)
      index = skipSpace(bytes, end)
      guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { break }
      index = skipSpace(bytes, index + 1)
    }
    return elements
  }

  /// The index just after the value that starts at `start`.
  static func valueEnd(_ bytes: [UInt8], _ start: Int) -> Int {
    guard start < bytes.count else { return bytes.count }
    var index = start
    switch bytes[index] {
    case UInt8(ascii: "\""):
      index += 1
      while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
        index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
      }
      return min(index + 1, bytes.count)
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      var depth = 0
      while index < bytes.count {
        switch bytes[index] {
        case UInt8(ascii: "\""):
          index = valueEnd(bytes, index)
          continue
        case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
          depth -= 1
          if depth == 0 { return index + 1 }
        default: break
        }
        index += 1
      }
      return bytes.count
    default:  // number, true, false, null
      while index < bytes.count, !isDelimiter(bytes[index]) { index += 1 }
      return index
    }
  }

  private static func isDelimiter(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || isSpace(byte)
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
  }

  private static func skipSpace(_ bytes: [UInt8], _ start: Int) -> Int {
    var index = start
    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    return index
  }

  /// A JSON string literal's value; escapes are rare in keys, so only then is Foundation asked.
  private static func decodedString(_ literal: ArraySlice<UInt8>) -> String {
    guard literal.count >= 2 else { return "" }
    let inner = literal.dropFirst().dropLast()
    guard inner.contains(UInt8(ascii: "\\")) else { return String(decoding: inner, as: UTF8.self) }
    let decoded = try? JSONSerialization.jsonObject(with: Data(literal), options: [.fragmentsAllowed]) as? String
    return decoded ?? String(decoding: inner, as: UTF8.self)
  }
}
