#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A recursive directory listing with plain system calls (MIMIC-CXR has about 230,000 report files).
enum DirectoryWalk {
  /// Appends the paths of all regular files under `directory` whose names end in `suffix`; false if
  /// `directory` itself cannot be opened. Unreadable subdirectories are skipped.
  static func collect(_ directory: [UInt8], suffix: [UInt8], into files: inout PathTable) -> Bool {
    guard let stream = directory.withUnsafeBufferPointer({ buffer -> OpaquePointer? in
      var path = Array(buffer)
      path.append(0)
      return path.withUnsafeBufferPointer { opendir(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) }
    }) else { return false }
    defer { closedir(stream) }
    while let entry = readdir(stream) {
      var name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
      if name == [0x2E] || name == [0x2E, 0x2E] { continue }
      var path = directory
      path.append(0x2F)
      path.append(contentsOf: name)
      var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
      var isFile = entry.pointee.d_type == UInt8(DT_REG)
      if entry.pointee.d_type == UInt8(DT_UNKNOWN) || entry.pointee.d_type == UInt8(DT_LNK) {
        var info = stat()
        let found = (path + [0]).withUnsafeBufferPointer {
          stat(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), &info) == 0
        }
        isDirectory = found && (info.st_mode & S_IFMT) == S_IFDIR
        isFile = found && (info.st_mode & S_IFMT) == S_IFREG
      }
      if isDirectory {
        _ = collect(path, suffix: suffix, into: &files)
      } else if isFile, name.count >= suffix.count, Array(name.suffix(suffix.count)) == suffix {
        _ = files.append(path)
      }
      name.removeAll()
    }
    return true
  }
}
