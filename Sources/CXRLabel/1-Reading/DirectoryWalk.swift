#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A lazy walk over the files of a directory tree whose names end in a suffix, in byte order of their full paths,
/// with plain system calls, never leaving the tree.
///
/// Only the listings of the directories on the current path are held (MIMIC-CXR's 230,000 report files never
/// sit in memory at once), so memory stays flat as the corpus grows. Each listing is sorted with a directory's
/// name followed by `/`, which makes the depth-first order exactly the byte order of the full paths.
///
/// - Each directory is opened relative to its parent's descriptor (`openat`), so depth is not limited by the
///   system's path length (4,096 bytes); a file below that length is handed out with a descriptor of its folder.
/// - Names are bytes: a name that is not UTF-8 is opened as it is found.
/// - The suffix matches in any case (`.TXT` too). Names starting with `.` are skipped (`.git`, macOS's `._s1.txt`).
/// - Symbolic links are followed only to places inside the root (by real path), and never to a directory already
///   on the current path (a loop); every other link is handed out as ``Entry/linkNotFollowed(_:)``. A link that
///   ends in the suffix but leads nowhere is handed out as a file, so that reading it fails with a named error.
/// - A folder that cannot be listed and anything named like a report that is not a regular file (a named pipe,
///   a socket, a device) are handed out too, so that no study goes missing without a word.
struct DirectoryWalk {
  /// What the walk finds.
  enum Entry {
    /// A report file.
    case file(WalkedFile)
    /// A folder that could not be opened or listed, with the system's reason.
    case unlistable(path: [UInt8], reason: Int32)
    /// Something named like a report that is not a regular file.
    case notRegular(path: [UInt8])
    /// A symbolic link that leads outside the root (or whose target could not be resolved): not followed.
    case linkNotFollowed([UInt8])
    /// In a MIMIC-CXR layout, a file that is not a study report (`LICENSE.txt` beside `files/`): not read.
    case notAStudy([UInt8])
  }

  /// One directory's entries, packed: each name (a directory's with `/` appended) in one byte buffer, listed in
  /// sorted order. No allocation per entry, so a directory of 100,000 patients costs about 2 MB.
  private struct Listing {
    /// What an entry is.
    enum Kind: UInt8 { case file, directory, notRegular, outsideLink }
    var bytes: [UInt8] = []
    var starts: [Int32] = []
    var kinds: [Kind] = []
    var order: [Int32] = []

    var count: Int { order.count }

    /// The sorted `position`-th entry's name bytes (with a trailing `/` for directories) and kind.
    func entry(_ position: Int) -> (name: ArraySlice<UInt8>, kind: Kind) {
      (bytes[range(Int(order[position]))], kinds[Int(order[position])])
    }

    /// The byte range of the `index`-th entry in listing (unsorted) order.
    private func range(_ index: Int) -> Range<Int> {
      Int(starts[index])..<(index + 1 < starts.count ? Int(starts[index + 1]) : bytes.count)
    }

    mutating func append(_ name: UnsafeRawBufferPointer, kind: Kind) {
      starts.append(Int32(bytes.count))
      bytes.append(contentsOf: name)
      if kind == .directory { bytes.append(UInt8(ascii: "/")) }
      kinds.append(kind)
    }

    mutating func sort() {
      var order = (0..<Int32(starts.count)).map { $0 }
      bytes.withUnsafeBufferPointer { buffer in
        order.sort { left, right in
          let a = range(Int(left))
          let b = range(Int(right))
          let common = Swift.min(a.count, b.count)
          let compared =
            common == 0 ? 0 : memcmp(buffer.baseAddress! + a.lowerBound, buffer.baseAddress! + b.lowerBound, common)
          return compared != 0 ? compared < 0 : a.count < b.count
        }
      }
      self.order = order
    }
  }

  /// A directory being walked: its open descriptor, listing and identity.
  private final class Frame {
    let path: [UInt8]
    let descriptor: Int32
    let listing: Listing
    /// The directory's device and inode, to recognise a link back to it.
    let identity: FileIdentity
    var position = 0

    init(path: [UInt8], descriptor: Int32, listing: Listing, identity: FileIdentity) {
      self.path = path
      self.descriptor = descriptor
      self.listing = listing
      self.identity = identity
    }

    deinit { close(descriptor) }
  }

  /// A file's device and inode numbers.
  struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
  }

  private var stack: [Frame] = []
  private let suffix: [UInt8]
  /// The root's real path, with a trailing `/`.
  private let rootPrefix: [UInt8]
  /// Whether only MIMIC-CXR study files (`pNN/pNNNNNNNN/sNNNNNNNN.txt`) are handed out as files.
  let studiesOnly: Bool

  /// Starts a walk at `root`; nil when `root` cannot be listed. With `studiesOnly`, a file that is not
  /// `sNNN.txt` in a `pNNN` folder is handed out as ``Entry/notAStudy(_:)``.
  init?(root: [UInt8], suffix: [UInt8], studiesOnly: Bool = false) {
    self.suffix = suffix
    self.studiesOnly = studiesOnly
    var base = root
    while base.count > 1, base.last == UInt8(ascii: "/") { base.removeLast() }
    guard let real = Self.realPath(base) else { return nil }
    rootPrefix = real.last == UInt8(ascii: "/") ? real : real + [UInt8(ascii: "/")]
    let descriptor = Self.cString(base) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
    guard descriptor >= 0 else { return nil }
    guard let frame = Self.frame(path: base, descriptor: descriptor, suffix: suffix, rootPrefix: rootPrefix) else {
      return nil
    }
    stack.append(frame)
  }

  /// The next entry, or nil when the walk is over.
  mutating func next() -> Entry? {
    while let top = stack.last {
      guard top.position < top.listing.count else {
        stack.removeLast()
        continue
      }
      let (name, kind) = top.listing.entry(top.position)
      top.position += 1
      var path = top.path
      if path.last != UInt8(ascii: "/") { path.append(UInt8(ascii: "/")) }
      switch kind {
      case .directory:
        let child = Array(name.dropLast())
        path.append(contentsOf: child)
        let descriptor = Self.cString(child) { openat(top.descriptor, $0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else { return .unlistable(path: path, reason: errno) }
        guard let frame = Self.frame(path: path, descriptor: descriptor, suffix: suffix, rootPrefix: rootPrefix) else {
          return .unlistable(path: path, reason: errno)
        }
        // A link back to a directory on the current path would loop; its files are walked once already. It is
        // named like any other link not followed.
        if stack.contains(where: { $0.identity == frame.identity }) { return .linkNotFollowed(path) }
        stack.append(frame)
      case .file:
        path.append(contentsOf: name)
        if studiesOnly, !Self.isStudyFile(name: name, folder: top.path) { return .notAStudy(path) }
        return .file(WalkedFile(path: path, directory: top.descriptor, name: Array(name)))
      case .notRegular:
        path.append(contentsOf: name)
        return .notRegular(path: path)
      case .outsideLink:
        path.append(contentsOf: name.last == UInt8(ascii: "/") ? name.dropLast() : name)
        return .linkNotFollowed(path)
      }
    }
    return nil
  }

  /// How far the walk has got, from 0 to 1, estimated from its position in each listing on the current path (the
  /// first level counts most): the folders of a MIMIC-CXR tree hold similar numbers of reports.
  var fractionDone: Double {
    var fraction = 0.0
    var weight = 1.0
    for frame in stack {
      let count = Swift.max(frame.listing.count, 1)
      // The entry being walked is position - 1 (its subtree is partly done).
      fraction += weight * Double(Swift.max(frame.position - 1, 0)) / Double(count)
      weight /= Double(count)
    }
    return Swift.min(1, fraction)
  }

  /// Walks to the end and returns how many entries become records (files, and folders or special files that
  /// fail); links not followed are not counted.
  mutating func countRecords() -> Int {
    var count = 0
    while let entry = next() { if Self.isRecord(entry) { count += 1 } }
    return count
  }

  /// Whether an entry becomes a record of the run (a report or a named failure), rather than a note.
  static func isRecord(_ entry: Entry) -> Bool {
    switch entry {
    case .linkNotFollowed, .notAStudy: return false
    case .file, .unlistable, .notRegular: return true
    }
  }

  /// Whether `name` in `folder` is a MIMIC-CXR study report: `s` and digits, then `.txt` (any case), in a folder
  /// named `p` and digits.
  static func isStudyFile(name: some Collection<UInt8>, folder: [UInt8]) -> Bool {
    let stem = name.dropLast(4)
    guard endsWith(name, Array(".txt".utf8)), isLetterThenDigits(stem, UInt8(ascii: "s")) else { return false }
    let parentStart = folder.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
    return isLetterThenDigits(folder[parentStart...], UInt8(ascii: "p"))
  }

  /// Whether `bytes` is `letter` followed by at least one digit and nothing else.
  static func isLetterThenDigits(_ bytes: some Collection<UInt8>, _ letter: UInt8) -> Bool {
    bytes.count > 1 && bytes.first == letter
      && bytes.dropFirst().allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
  }

  /// Whether the tree at `root` is laid out as MIMIC-CXR's reports (`pNN/pNNNNNNNN/`): it is such a part or
  /// patient folder, holds part folders, or holds a `files` folder that does (a PhysioNet download, with
  /// `LICENSE.txt` beside it).
  static func isMIMICLayout(_ root: String) -> Bool {
    var path = Array(root.utf8)
    while path.count > 1, path.last == UInt8(ascii: "/") { path.removeLast() }
    /// The names of `folder`'s entries that `accept` takes.
    func children(_ folder: [UInt8], _ accept: (ArraySlice<UInt8>) -> Bool) -> [[UInt8]] {
      guard let stream = cString(folder, { opendir($0) }) else { return [] }
      defer { closedir(stream) }
      var found: [[UInt8]] = []
      while let entry = readdir(stream) {
        withUnsafeBytes(of: entry.pointee.d_name) { raw in
          let child = raw[..<(raw.firstIndex(of: 0) ?? raw.count)]
          let bytes = Array(child)
          if accept(bytes[...]) { found.append(bytes) }
        }
      }
      return found
    }
    let isPatient = { (name: ArraySlice<UInt8>) in name.count == 9 && isLetterThenDigits(name, UInt8(ascii: "p")) }
    let isPart = { (name: ArraySlice<UInt8>) in name.count == 3 && isLetterThenDigits(name, UInt8(ascii: "p")) }
    func isPartFolder(_ folder: [UInt8]) -> Bool { !children(folder, isPatient).isEmpty }
    func holdsParts(_ folder: [UInt8]) -> Bool {
      children(folder, isPart).contains { isPartFolder(folder + [UInt8(ascii: "/")] + $0) }
    }
    let name = path.split(separator: UInt8(ascii: "/")).last ?? []
    if isPatient(name) { return true }
    if isPart(name), isPartFolder(path) { return true }
    return holdsParts(path) || holdsParts(path + Array("/files".utf8))
  }

  /// Whether a name ends in `suffix` (lowercase ASCII), in any case.
  static func endsWith(_ name: some Collection<UInt8>, _ suffix: [UInt8]) -> Bool {
    name.count >= suffix.count && name.suffix(suffix.count).elementsEqual(suffix) { $0 | 0x20 == $1 }
  }

  /// Calls `body` with `bytes` as a C string.
  static func cString<T>(_ bytes: some Collection<UInt8>, _ body: (UnsafePointer<CChar>) -> T) -> T {
    var buffer = Array(bytes)
    buffer.append(0)
    return buffer.withUnsafeBufferPointer {
      body(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self))
    }
  }

  /// The real path of `path` (links resolved), nil if it cannot be resolved (missing, too long).
  static func realPath(_ path: some Collection<UInt8>) -> [UInt8]? {
    cString(path) { pointer in
      guard let resolved = realpath(pointer, nil) else { return nil }
      defer { free(resolved) }
      return Array(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
    }
  }

  /// Lists the directory open at `descriptor` into a frame; nil if it cannot be read (errno says why).
  private static func frame(path: [UInt8], descriptor: Int32, suffix: [UInt8], rootPrefix: [UInt8]) -> Frame? {
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let reason = errno
      close(descriptor)
      errno = reason
      return nil
    }
    let identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    let copy = dup(descriptor)
    guard copy >= 0, let stream = fdopendir(copy) else {
      let reason = errno
      if copy >= 0 { close(copy) }
      close(descriptor)
      errno = reason
      return nil
    }
    defer { closedir(stream) }
    var listing = Listing()
    while let entry = readdir(stream) {
      withUnsafeBytes(of: entry.pointee.d_name) { raw in
        let name = UnsafeRawBufferPointer(rebasing: raw[..<(raw.firstIndex(of: 0) ?? raw.count)])
        if name.first == UInt8(ascii: ".") { return }
        let matches = endsWith(name, suffix)
        switch entry.pointee.d_type {
        case UInt8(DT_DIR): listing.append(name, kind: .directory)
        case UInt8(DT_REG): if matches { listing.append(name, kind: .file) }
        case UInt8(DT_LNK), UInt8(DT_UNKNOWN):
          var info = stat()
          let found = cString(name) { fstatat(descriptor, $0, &info, 0) } == 0
          var link = stat()
          let isLink =
            cString(name) { fstatat(descriptor, $0, &link, AT_SYMLINK_NOFOLLOW) } == 0
            && (link.st_mode & S_IFMT) == S_IFLNK
          let isDirectory = found && (info.st_mode & S_IFMT) == S_IFDIR
          guard isDirectory || matches else { return }
          if isLink, found, !inside(path + [UInt8(ascii: "/")] + Array(name), rootPrefix) {
            listing.append(name, kind: .outsideLink)
          } else if isDirectory {
            listing.append(name, kind: .directory)
          } else if !found || (info.st_mode & S_IFMT) == S_IFREG {
            listing.append(name, kind: .file)
          } else {
            listing.append(name, kind: .notRegular)
          }
        default:
          if matches { listing.append(name, kind: .notRegular) }
        }
      }
    }
    listing.sort()
    return Frame(path: path, descriptor: descriptor, listing: listing, identity: identity)
  }

  /// Whether the link at `path` resolves to a place inside the root (its real path starts with `rootPrefix`).
  private static func inside(_ path: [UInt8], _ rootPrefix: [UInt8]) -> Bool {
    guard let real = realPath(path) else { return false }
    return (real + [UInt8(ascii: "/")]).starts(with: rootPrefix)
  }
}

/// A report file found by a ``DirectoryWalk``: its path as bytes, and its folder's descriptor and its own name for
/// opening it when the path is too long for the system.
struct WalkedFile: @unchecked Sendable {
  /// The full path, as the walk found it (not necessarily UTF-8).
  var path: [UInt8]
  /// The descriptor of the folder it was found in, duplicated only for a path too long to open by name.
  var directory: Int32?
  /// Its name in that folder.
  var name: [UInt8]

  /// Records the file; a path of `PATH_MAX` bytes or more keeps a duplicate of its folder's descriptor.
  init(path: [UInt8], directory: Int32, name: [UInt8]) {
    self.path = path
    self.name = name
    self.directory = path.count >= Int(PATH_MAX) - 1 ? dup(directory) : nil
  }

  /// Opens the file for reading; -1 with errno set if it cannot. Gives up the folder descriptor it held.
  func open() -> Int32 {
    if let directory {
      defer { close(directory) }
      return DirectoryWalk.cString(name) { openat(directory, $0, O_RDONLY | O_CLOEXEC) }
    }
    return DirectoryWalk.cString(path) { Glibc.open($0, O_RDONLY | O_CLOEXEC) }
  }

  /// The path for messages: UTF-8 as it is, any other byte written `\xNN`.
  var displayPath: String { Self.display(path) }

  /// `bytes` for messages: valid UTF-8 as it is, every invalid byte as `\xNN`.
  static func display(_ bytes: [UInt8]) -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    var result = ""
    var index = 0
    while index < bytes.count {
      // The longest valid UTF-8 sequence starting here (1 to 4 bytes), or one escaped byte.
      var length = 0
      for candidate in (1...4).reversed() where index + candidate <= bytes.count {
        if String(validating: bytes[index..<(index + candidate)], as: UTF8.self) != nil {
          length = candidate
          break
        }
      }
      if length > 0 {
        result += String(decoding: bytes[index..<(index + length)], as: UTF8.self)
        index += length
      } else {
        result += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 2)
        index += 1
      }
    }
    return result
  }
}

extension String {
  /// The string with `0`s in front up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: Swift.max(0, width - count)) + self
  }
}
