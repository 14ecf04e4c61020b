import CZlib

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file in chunks, gunzipping it on the fly when it is gzip-compressed (plain files pass through).
///
/// This and `GzipWriter` are the only code that imports `CZlib`.
final class ByteFileReader {
  private let file: gzFile
  /// The path, for messages.
  let path: String
  /// The file's size in bytes when it is a regular file (for progress), else nil.
  private(set) var size: Int64?
  /// The open descriptor of a regular file (zlib owns it), to see at the end whether the file shrank meanwhile.
  private var descriptor: Int32?
  /// How many bytes were read out, mod 2^32 (as a gzip file records its size).
  private var decompressed: UInt32 = 0

  /// Opens `path`; throws `unreadable` if it cannot.
  convenience init(path: String) throws(CXRLabelError) {
    try self.init(descriptor: open(path, O_RDONLY | O_CLOEXEC), path: path)
  }

  /// Reads the file open as `descriptor` (taken over and closed here; -1 with errno set when it could not be
  /// opened); `path` names it in messages.
  init(descriptor: Int32, path: String) throws(CXRLabelError) {
    guard descriptor >= 0, let file = gzdopen(descriptor, "rb") else {
      let reason = errno
      if descriptor >= 0 { close(descriptor) }
      throw CXRLabelError(
        .unreadable, "Cannot open it: \(String(cString: strerror(reason))).",
        at: .init(file: path), hint: "Check the path and its permissions.")
    }
    // A 128 KB buffer for real files; a small file (a one-row CSV) gets a buffer of its size.
    var status = stat()
    let size = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : 1 << 17
    _ = gzbuffer(file, UInt32(Swift.min(1 << 17, Swift.max(8192, size))))
    self.file = file
    self.path = path
    if (status.st_mode & S_IFMT) == S_IFREG {
      self.size = Int64(status.st_size)
      self.descriptor = descriptor
    }
  }

  /// How much of the file has been read, from 0 to 1 (by its bytes on disk, compressed or not); nil when its size
  /// is unknown (standard input, a pipe).
  var fractionRead: Double? {
    guard let size, size > 0 else { return nil }
    return Swift.min(1, Double(gzoffset(file)) / Double(size))
  }

  /// Opens standard input (gzip or plain).
  init(standardInput: Void) throws(CXRLabelError) {
    guard let file = gzdopen(dup(0), "rb") else {
      throw CXRLabelError(.unreadable, "Cannot read standard input.")
    }
    self.file = file
    self.path = "<stdin>"
  }

  deinit { gzclose(file) }

  /// Appends up to `count` bytes to `buffer`; returns how many were read (0 at the end).
  func read(into buffer: inout [UInt8], count: Int = 1 << 16) throws(CXRLabelError) -> Int {
    let start = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: count))
    let got = buffer.withUnsafeMutableBufferPointer { pointer in
      gzread(file, pointer.baseAddress! + start, UInt32(count))
    }
    guard got >= 0 else {
      buffer.removeLast(count)
      throw CXRLabelError(
        .unreadable, "The compressed data is corrupt or truncated.", at: .init(file: path),
        hint: "Check that it is a gzip file (gzip -t FILE), or copy or download it again.")
    }
    buffer.removeLast(count - Int(got))
    decompressed &+= UInt32(truncatingIfNeeded: got)
    if got == 0 {
      var code: Int32 = Z_OK
      _ = gzerror(file, &code)
      // zlib reports a gzip stream that stops before its end as Z_BUF_ERROR once all its data is read.
      guard code != Z_BUF_ERROR else {
        throw CXRLabelError(
          .unreadable, "The file is truncated: its compressed data stops before the end.", at: .init(file: path),
          hint: "Nothing after the cut was read; copy or download the file again.")
      }
      // A file cut shorter while it was read (another program rewriting it) ends early, with a record cut
      // mid-word: what was read is not the file that was named.
      var status = stat()
      let offset = gzoffset(file)
      if let size, let descriptor, fstat(descriptor, &status) == 0, Int64(status.st_size) < size {
        throw CXRLabelError(
          .unreadable,
          "The file shrank while it was read: it was \(size) bytes when opened and ended after \(offset), so the last "
            + "record read may be cut and the rest is lost.", at: .init(file: path),
          hint: "Something else was writing it; run again once it is complete.")
      }
      // zlib stops at the end of the last gzip stream and ignores whatever follows it.
      if let trailing = trailingBytes() {
        throw CXRLabelError(
          .unreadable,
          "The file has data after its compressed data that is not gzip data (\(trailing)), so it is not one whole "
            + "gzip file (a download with something appended?).", at: .init(file: path),
          hint: "Check it with gzip -t; copy or download it again.")
      }
    }
    return Int(got)
  }

  /// What follows the last gzip stream of a compressed regular file, described; nil when nothing does. A gzip
  /// file ends with its uncompressed size (mod 2^32): when the last four bytes are not that, something was
  /// appended, unless the file is several gzip streams joined (`cat a.gz b.gz`), whose last size is only its own
  /// stream's (another gzip header after the first then shows it).
  private func trailingBytes() -> String? {
    guard let descriptor, let size, size >= 18, gzdirect(file) == 0 else { return nil }
    var tail = [UInt8](repeating: 0, count: 4)
    guard pread(descriptor, &tail, 4, off_t(size - 4)) == 4 else { return nil }
    let recorded = UInt32(tail[0]) | UInt32(tail[1]) << 8 | UInt32(tail[2]) << 16 | UInt32(tail[3]) << 24
    guard recorded != decompressed else { return nil }
    // Several streams: look for another gzip header (1f 8b 08) after the first.
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var position: Int64 = 10
    var carry: [UInt8] = []
    while position < size {
      let got = pread(descriptor, &chunk, chunk.count, off_t(position))
      guard got > 0 else { break }
      let window = carry + chunk[..<got]
      if window.indices.dropLast(2).contains(where: {
        window[$0] == 0x1F && window[$0 + 1] == 0x8B && window[$0 + 2] == 0x08
      }) {
        return nil
      }
      carry = Array(window.suffix(2))
      position += Int64(got)
    }
    return "its last four bytes do not give the size of what it holds"
  }

  /// The whole remaining contents.
  func readAll() throws(CXRLabelError) -> [UInt8] {
    var buffer: [UInt8] = []
    while try read(into: &buffer) > 0 {}
    return buffer
  }
}

/// Writes gzip-compressed bytes to a file.
final class GzipWriter {
  private let file: gzFile
  private let path: String
  private var closed = false

  /// Creates (truncates) `path` for writing with compression `level` (1–9); `name` is the output's name in
  /// messages (the file the user asked for, not a temporary one).
  init(path: String, name: String? = nil, level: Int32 = 6) throws(CXRLabelError) {
    let name = name ?? path
    guard let file = gzopen(path, "wb\(level)") else {
      throw CXRLabelError(
        .unwritable, "Cannot create \(name): \(String(cString: strerror(errno))).",
        hint: "Check that its folder exists and is writable.")
    }
    _ = gzbuffer(file, 1 << 17)
    self.file = file
    self.path = name
  }

  /// Compresses and writes `bytes`.
  func write(_ bytes: [UInt8]) throws(CXRLabelError) {
    guard !bytes.isEmpty else { return }
    errno = 0
    let written = bytes.withUnsafeBufferPointer { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
    guard written == Int32(bytes.count) else { throw failure("Writing") }
  }

  /// Flushes and closes the file.
  func close() throws(CXRLabelError) {
    guard !closed else { return }
    closed = true
    errno = 0
    guard gzclose(file) == Z_OK else { throw failure("Finishing") }
  }

  /// The error for a failed write, with the system's reason when there is one.
  private func failure(_ what: String) -> CXRLabelError {
    let reason = errno != 0 ? String(cString: strerror(errno)) : "the compressor failed"
    return CXRLabelError(
      .unwritable, "\(what) \(path) failed: \(reason).",
      hint: errno == ENOSPC ? "Free some disk space, or write to another disk." : "Check the disk and the folder.")
  }

  deinit { if !closed { gzclose(file) } }
}

/// Gzip compression in memory (for data embedded in a page, which a browser's `DecompressionStream` reads back).
package enum Gzip {
  /// `bytes` compressed as one gzip member; nil if zlib fails.
  public static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8]? {
    var stream = z_stream()
    // windowBits 15 + 16: a gzip header and trailer rather than zlib's.
    guard
      deflateInit2_(
        &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        == Z_OK
    else { return nil }
    defer { deflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
    var input = bytes
    let status = input.withUnsafeMutableBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target -> Int32 in
        stream.next_in = source.baseAddress
        stream.avail_in = UInt32(source.count)
        stream.next_out = target.baseAddress
        stream.avail_out = UInt32(target.count)
        return deflate(&stream, Z_FINISH)
      }
    }
    guard status == Z_STREAM_END else { return nil }
    return Array(output[..<Int(stream.total_out)])
  }
}
