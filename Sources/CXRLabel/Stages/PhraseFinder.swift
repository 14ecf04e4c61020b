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

  /// The bytes of `source` when it has no regular-expression syntax (a `-` outside brackets is literal).
  static func literalBytes(_ source: String) -> [UInt8]? {
    let special: Set<UInt8> = Set("\\^$.|?*+()[]{}".utf8)
    let bytes = Array(source.utf8)
    guard !bytes.isEmpty, !bytes.contains(where: special.contains) else { return nil }
    return bytes
  }

  /// Calls `body` with each non-overlapping match, left to right.
  @inline(__always)
  func forEachMatch(
    in subject: UnsafeBufferPointer<UInt8>, needles: UnsafeBufferPointer<UInt8>, patterns: [PCRE2Pattern],
    scratch: MatchScratch, _ body: (Range<Int>) -> Void
  ) {
    switch self {
    case .regex(let index):
      patterns[Int(index)].forEachMatch(in: subject, scratch: scratch, body)
    case .plain(let start, let count):
      let length = Int(count)
      guard let base = subject.baseAddress, let needles = needles.baseAddress, length <= subject.count else { return }
      let needle = needles + Int(start)
      let first = Int32(needle[0])
      let last = subject.count - length
      var position = 0
      while position <= last, let hit = memchr(base + position, first, last - position + 1) {
        let found = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if memcmp(base + found, needle, length) == 0 {
          body(found..<(found + length))
          position = found + length
        } else {
          position = found + 1
        }
      }
    }
  }
}
