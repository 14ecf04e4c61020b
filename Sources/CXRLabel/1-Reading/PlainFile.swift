#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole small file with plain system calls (report files are a few KB; no buffer set-up per file).
enum PlainFile {
  /// The file's bytes; throws `unreadable` naming the file and the system's reason.
  static func contents(of path: String) throws(CXRLabelError) -> [UInt8] {
    try contents(descriptor: open(path, O_RDONLY), path: path)
  }

  /// The bytes of a file opened as `descriptor` (closed here; -1 with errno set when it could not be opened);
  /// `path` names it in messages.
  static func contents(descriptor: Int32, path: String) throws(CXRLabelError) -> [UInt8] {
    guard descriptor >= 0 else {
      throw CXRLabelError(
        .unreadable, "Cannot open it: \(String(cString: strerror(errno))).", at: .init(file: path),
        hint: "Check the path and its permissions.")
    }
    defer { close(descriptor) }
    // Read straight into an array sized from fstat (one allocation, no zero-filling); a file that grows while
    // being read continues in chunks.
    var info = stat()
    let expected = fstat(descriptor, &info) == 0 ? max(Int(info.st_size), 0) : 0
    var failure: Int32 = 0
    var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, initialized in
      initialized = 0
      while initialized < buffer.count {
        let count = read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
        if count < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        if count == 0 { return }
        initialized += count
      }
    }
    if failure == 0 && bytes.count <= expected { return bytes }
    var chunk = [UInt8](repeating: 0, count: 16_384)
    while failure == 0 {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        failure = errno
      } else if count == 0 {
        return bytes
      } else {
        bytes.append(contentsOf: chunk[0..<count])
      }
    }
    throw CXRLabelError(
      .unreadable, "Cannot read it: \(String(cString: strerror(failure))).", at: .init(file: path),
      hint: "Check that it is a readable file, not a directory.")
  }
}
