// C's `stdout` is a global the compiler cannot prove safe to share; it is touched only here, once, at the end.
@preconcurrency import Foundation

/// Standard output as C's stdio buffers it (where `print` goes).
enum StandardOutput {
  /// Writes out what is buffered; nil if everything printed so far reached standard output, else why not
  /// (a full disk, a closed pipe).
  static func flush() -> String? {
    let stream = stdout
    let flushed = fflush(stream) == 0
    let reason = errno
    guard !flushed || ferror(stream) != 0 else { return nil }
    return String(cString: strerror(flushed ? EIO : reason))
  }
}
