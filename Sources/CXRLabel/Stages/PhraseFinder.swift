#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds every non-overlapping occurrence of a phrase: a byte search for plain text (the common case, same
/// result as the regular expression and much cheaper), PCRE2 otherwise.
enum PhraseFinder: Sendable {
  /// Plain text, searched byte for byte.
  case plain([UInt8])
  /// A regular expression.
  case regex(PCRE2Pattern)

  /// A plain-text finder when `source` has no regular-expression syntax (a `-` outside brackets is literal).
  static func literal(_ source: String) -> PhraseFinder? {
    let special: Set<UInt8> = Set("\\\\^$.|?*+()[]{}".utf8)
    let bytes = Array(source.utf8)
    guard !bytes.isEmpty, !bytes.contains(where: special.contains) else { return nil }
    return .plain(bytes)
  }

  /// Calls `body` with each non-overlapping match, left to right.
  func forEachMatch(in subject: UnsafeBufferPointer<UInt8>, scratch: MatchScratch, _ body: (Range<Int>) -> Void) {
    switch self {
    case .regex(let pattern):
      pattern.forEachMatch(in: subject, scratch: scratch, body)
    case .plain(let needle):
      guard let base = subject.baseAddress, needle.count <= subject.count else { return }
      needle.withUnsafeBufferPointer { needleBuffer in
        guard let needleBase = needleBuffer.baseAddress else { return }
        let first = Int32(needleBuffer[0])
        let last = subject.count - needleBuffer.count
        var position = 0
        while position <= last, let hit = memchr(base + position, first, last - position + 1) {
          let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
          if memcmp(base + start, needleBase, needleBuffer.count) == 0 {
            body(start..<(start + needleBuffer.count))
            position = start + needleBuffer.count
          } else {
            position = start + 1
          }
        }
      }
    }
  }
}
