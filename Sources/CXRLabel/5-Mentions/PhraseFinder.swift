#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How one phrase is searched: a byte search for plain text (the common case, same result as the regular
/// expression and much cheaper), PCRE2 otherwise. Plain needles live in one shared byte table and patterns in one
/// shared array, so a finder is a plain value the hot loop copies without reference counting.
enum PhraseFinder: Sendable {
  /// Plain text: `count` bytes at `start` in the needle table.
  case plain(start: Int32, count: Int32)
  /// A regular expression: its index in the pattern array.
  case regex(Int32)
  /// A case-insensitive regular expression (NegBio's phrases) every match of which contains a literal word: the
  /// word's lowercase bytes sit at `hintStart` in the needle table. On an ASCII sentence, lowercased, a byte
  /// search for the word rules most sentences out before PCRE2 runs (the result is the same either way).
  case hintedRegex(Int32, hintStart: Int32, hintCount: Int32)

  /// The bytes of `source` when it has no regular-expression syntax (a `-` outside brackets is literal).
  static func literalBytes(_ source: String) -> [UInt8]? {
    let special: Set<UInt8> = Set("\\^$.|?*+()[]{}".utf8)
    let bytes = Array(source.utf8)
    guard !bytes.isEmpty, !bytes.contains(where: special.contains) else { return nil }
    return bytes
  }

  /// The lowercase literal word of a caseless phrase (the longest of its space-separated words), if every word is
  /// plain ASCII text.
  static func caselessHint(_ phrase: String) -> [UInt8]? {
    var best: [UInt8] = []
    for word in phrase.split(separator: " ") {
      guard let bytes = literalBytes(String(word)), bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      if bytes.count > best.count { best = bytes }
    }
    guard !best.isEmpty else { return nil }
    return best.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
  }

  /// The first offset at or after `start` where the `count` bytes at `needle` occur in `haystack` (memchr for the
  /// first byte, then memcmp), or nil.
  static func firstOccurrence(
    in haystack: UnsafeBufferPointer<UInt8>, from start: Int, of needle: UnsafePointer<UInt8>, count: Int
  ) -> Int? {
    guard count > 0 else { return start }
    guard let base = haystack.baseAddress, count <= haystack.count else { return nil }
    let first = Int32(needle[0])
    let last = haystack.count - count
    var position = start
    while position <= last, let hit = memchr(base + position, first, last - position + 1) {
      let found = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if memcmp(base + found, needle, count) == 0 { return found }
      position = found + 1
    }
    return nil
  }

  /// Calls `body` with each non-overlapping match, left to right. `lowered` is the sentence with ASCII letters
  /// lowercased when the sentence is all ASCII (nil otherwise: hints are then not used).
  @inline(__always)
  func forEachMatch(
    in subject: UnsafeBufferPointer<UInt8>, lowered: UnsafeBufferPointer<UInt8>?, needles: UnsafeBufferPointer<UInt8>,
    patterns: [PCRE2Pattern], scratch: MatchScratch, _ body: (Range<Int>) -> Void
  ) {
    switch self {
    case .regex(let index):
      patterns[Int(index)].forEachMatch(in: subject, scratch: scratch, body)
    case .hintedRegex(let index, let hintStart, let hintCount):
      if let lowered, let needles = needles.baseAddress,
        Self.firstOccurrence(in: lowered, from: 0, of: needles + Int(hintStart), count: Int(hintCount)) == nil
      {
        return
      }
      patterns[Int(index)].forEachMatch(in: subject, scratch: scratch, body)
    case .plain(let start, let count):
      guard let needles = needles.baseAddress else { return }
      let length = Int(count)
      var position = 0
      while let found = Self.firstOccurrence(in: subject, from: position, of: needles + Int(start), count: length) {
        body(found..<(found + length))
        position = found + length
      }
    }
  }
}
