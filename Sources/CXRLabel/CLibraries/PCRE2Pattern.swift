import CPCRE2

/// Options for compiling a pattern.
struct PatternOptions: OptionSet, Sendable, Hashable {
  let rawValue: UInt32
  /// Letters match either case.
  static let caseless = PatternOptions(rawValue: 1)
  /// `^` and `$` match at line breaks too.
  static let multiline = PatternOptions(rawValue: 2)
  /// Treat the subject as UTF-8 (code points, not bytes); invalid UTF-8 is tolerated.
  static let utf = PatternOptions(rawValue: 4)
}

/// A PCRE2 pattern compiled once (JIT where available) and matched against UTF-8 bytes.
///
/// The compiled code is immutable and shared between threads; each thread brings its own `MatchScratch`.
/// This is the only file that imports `CPCRE2`.
final class PCRE2Pattern: @unchecked Sendable {
  /// The pattern as written.
  let source: String
  private let code: OpaquePointer

  /// Compiles `source`; throws `invalidRegex` with the PCRE2 message and the offending offset.
  init(_ source: String, options: PatternOptions = []) throws(CXRLabelError) {
    self.source = source
    var flags: UInt32 = 0
    if options.contains(.caseless) { flags |= cxr_pcre2_caseless() }
    if options.contains(.multiline) { flags |= cxr_pcre2_multiline() }
    if options.contains(.utf) { flags |= cxr_pcre2_utf() | cxr_pcre2_match_invalid_utf() }
    var errorCode: Int32 = 0
    var errorOffset = 0
    let bytes = Array(source.utf8)
    let compiled = bytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
      // A zero-length pattern still needs a valid pointer.
      let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
      return cxr_pcre2_compile(base, buffer.count, flags, &errorCode, &errorOffset)
    }
    guard let compiled else {
      var message = [UInt8](repeating: 0, count: 256)
      let length = message.withUnsafeMutableBufferPointer {
        cxr_pcre2_error_message(errorCode, $0.baseAddress!, $0.count)
      }
      let text = String(decoding: message.prefix(max(0, Int(length))), as: UTF8.self)
      throw CXRLabelError(
        .invalidRegex, "The pattern \"\(source)\" does not compile: \(text) (at offset \(errorOffset)).")
    }
    code = compiled
    // JIT failure is not fatal: the interpreter gives the same results, only slower.
    _ = cxr_pcre2_jit_compile(compiled)
  }

  deinit { cxr_pcre2_code_free(code) }

  /// The first match in `subject` at or after byte `start`, as a byte range, or nil.
  func firstMatch(in subject: UnsafeBufferPointer<UInt8>, from start: Int = 0, scratch: MatchScratch)
    -> Range<Int>?
  {
    guard start <= subject.count else { return nil }
    let base = subject.baseAddress ?? UnsafePointer(bitPattern: 1)!
    let result = cxr_pcre2_match(code, base, subject.count, start, 0, scratch.data)
    // 0: a match whose groups did not all fit the scratch vector; the whole match (pair 0) is still there.
    guard result >= 0 else { return nil }
    let ovector = cxr_pcre2_ovector(scratch.data)
    return ovector[0]..<ovector[1]
  }

  /// Calls `body` with every non-overlapping match in `subject`, left to right, as Python's `finditer` does
  /// (an empty match advances one byte).
  func forEachMatch(
    in subject: UnsafeBufferPointer<UInt8>, scratch: MatchScratch, _ body: (Range<Int>) -> Void
  ) {
    var position = 0
    while position <= subject.count, let range = firstMatch(in: subject, from: position, scratch: scratch) {
      body(range)
      position = range.isEmpty ? range.upperBound + 1 : range.upperBound
    }
  }

  /// Whether the pattern matches anywhere in `subject`.
  func matches(_ subject: UnsafeBufferPointer<UInt8>, scratch: MatchScratch) -> Bool {
    firstMatch(in: subject, scratch: scratch) != nil
  }
}

/// Per-thread match state for `PCRE2Pattern`. Not shared between threads.
final class MatchScratch {
  fileprivate let data: OpaquePointer

  /// Creates scratch space for patterns with up to 15 capture groups.
  init() {
    // Allocation failure of a few hundred bytes leaves nothing sensible to do but stop.
    guard let data = cxr_pcre2_match_data_create(16) else {
      preconditionFailure("PCRE2 could not allocate match data")
    }
    self.data = data
  }

  deinit { cxr_pcre2_match_data_free(data) }
}
