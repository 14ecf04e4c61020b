#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A lazy walk over the files of a directory tree whose names end in a suffix, in byte order of their full paths,
/// with plain system calls.
///
/// Only the listings of the directories on the current path are held (MIMIC-CXR's 230,000 report files never
/// sit in memory at once), so memory stays flat as the corpus grows. Each listing is sorted with a directory's
/// name followed by `/`, which makes the depth-first order exactly the byte order of the full paths.
/// The suffix matches in any case (`.TXT` too). Unreadable subdirectories are skipped. Names starting with `.`
/// are skipped (`.git`, macOS's `._s1.txt` copies). Symbolic links are followed, except to a directory already on
/// the current path (a loop). A link that ends in the suffix but leads nowhere is still handed out, so that
/// reading it fails with a named error instead of the study silently going missing.
struct DirectoryWalk {
  /// One directory's entries, packed: each name (a directory's with `/` appended) in one byte buffer, listed in
  /// sorted order. No allocation per entry, so a directory of 100,000 patients costs about 2 MB.
  private struct Listing {
    var bytes: [UInt8] = []
    var starts: [Int32] = []
    var order: [Int32] = []

    var count: Int { order.count }

    /// The sorted `position`-th entry's name bytes (with a trailing `/` for directories).
    func entry(_ position: Int) -> ArraySlice<UInt8> { bytes[range(Int(order[position]))] }

    /// The byte range of the `index`-th entry in listing (unsorted) order.
    private func range(_ index: Int) -> Range<Int> {
      Int(starts[index])..<(index + 1 < starts.count ? Int(starts[index + 1]) : bytes.count)
    }

    mutating func append(_ name: UnsafeRawBufferPointer, isDirectory: Bool) {
      starts.append(Int32(bytes.count))
      bytes.append(contentsOf: name)
      if isDirectory { bytes.append(UInt8(ascii: "/")) }
    }

    mutating func sort() {
      var order = (0..<Int32(starts.count)).map { $0 }
      bytes.withUnsafeBufferPointer { buffer in
        order.sort { left, right in
          let a = range(Int(left))
          let b = range(Int(right))
          let common = Swift.min(a.count, b.count)
          let compared = common == 0 ? 0 : memcmp(buffer.baseAddress! + a.lowerBound, buffer.baseAddress! + b.lowerBound, common)
          return compared != 0 ? compared < 0 : a.count < b.count
        }
      }
      self.order = order
    }
  }

  private struct Frame {
    var path: [UInt8]
    var listing: Listing
    /// The directory's device and inode, to recognise a link back to it.
    var identity: FileIdentity
    var position = 0
  }

  /// A file's device and inode numbers.
  struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
  }

  private var stack: [Frame] = []
  private let suffix: [UInt8]

  /// Starts a walk at `root`; nil when `root` cannot be listed.
  init?(root: [UInt8], suffix: [UInt8]) {
    self.suffix = suffix
    var base = root
    while base.count > 1, base.last == UInt8(ascii: "/") { base.removeLast() }
    guard let (listing, identity) = Self.list(base, suffix: suffix) else { return nil }
    stack.append(Frame(path: base, listing: listing, identity: identity))
  }

  /// The next matching file's path, or nil when the walk is over.
  mutating func next() -> [UInt8]? {
    while let top = stack.indices.last {
      guard stack[top].position < stack[top].listing.count else {
        stack.removeLast()
        continue
      }
      let name = stack[top].listing.entry(stack[top].position)
      stack[top].position += 1
      var path = stack[top].path
      if path.last != UInt8(ascii: "/") { path.append(UInt8(ascii: "/")) }
      if name.last == UInt8(ascii: "/") {
        path.append(contentsOf: name.dropLast())
        if let (listing, identity) = Self.list(path, suffix: suffix), !stack.contains(where: { $0.identity == identity }) {
          stack.append(Frame(path: path, listing: listing, identity: identity))
        }
      } else if Self.endsWith(name, suffix) {
        path.append(contentsOf: name)
        return path
      }
    }
    return nil
  }

  /// The number of matching files still ahead (walks a copy; holds no paths).
  func remainingCount() -> Int {
    var copy = self
    var count = 0
    while copy.next() != nil { count += 1 }
    return count
  }

  /// Whether a name ends in `suffix` (lowercase ASCII), in any case.
  static func endsWith(_ name: some Collection<UInt8>, _ suffix: [UInt8]) -> Bool {
    name.count >= suffix.count && name.suffix(suffix.count).elementsEqual(suffix) { $0 | 0x20 == $1 }
  }

  /// The directory's regular files and subdirectories (symbolic links followed, dangling ones kept as files),
  /// sorted for path order, with the directory's identity; nil if it cannot be opened.
  private static func list(_ directory: [UInt8], suffix: [UInt8]) -> (Listing, FileIdentity)? {
    guard let stream = (directory + [0]).withUnsafeBufferPointer({ buffer in
      opendir(UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self))
    }) else { return nil }
    defer { closedir(stream) }
    var status = stat()
    guard fstat(dirfd(stream), &status) == 0 else { return nil }
    let identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    var listing = Listing()
    while let entry = readdir(stream) {
      withUnsafeBytes(of: entry.pointee.d_name) { raw in
        let name = UnsafeRawBufferPointer(rebasing: raw[..<(raw.firstIndex(of: 0) ?? raw.count)])
        if name.first == UInt8(ascii: ".") { return }
        var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
        var isFile = entry.pointee.d_type == UInt8(DT_REG)
        if entry.pointee.d_type == UInt8(DT_UNKNOWN) || entry.pointee.d_type == UInt8(DT_LNK) {
          var info = stat()
          let path = directory + [UInt8(ascii: "/")] + Array(name) + [0]
          let found = path.withUnsafeBufferPointer {
            stat(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), &info) == 0
          }
          isDirectory = found && (info.st_mode & S_IFMT) == S_IFDIR
          isFile = found ? (info.st_mode & S_IFMT) == S_IFREG : endsWith(name, suffix)
        }
        if isDirectory || isFile { listing.append(name, isDirectory: isDirectory) }
      }
    }
    listing.sort()
    return (listing, identity)
  }
}
