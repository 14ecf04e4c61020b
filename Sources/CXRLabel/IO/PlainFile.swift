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
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw CXRLabelError(
        .unreadable, "Cannot open \(path): \(String(cString: strerror(errno))).", at: .init(file: path),
        hint: "Check the path and its permissions.")
    }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16_384)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw CXRLabelError(.unreadable, "Cannot read \(path): \(String(cString: strerror(errno))).", at: .init(file: path))
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }
}
