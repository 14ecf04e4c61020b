internal import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Where output goes: a file written atomically (a temporary file beside it, renamed at the end), or standard
/// output (`nil` or `-`). Gzip-compressed when the name ends in `.gz` (any case).
///
/// A symbolic link is written through: its target is replaced atomically, the link stays. A path that is not a
/// regular file (a device such as `/dev/stdout` or `/dev/null`, a named pipe) or lies under `/dev/` or `/proc/`
/// is written directly, never replaced.
package final class OutputFile {
  private enum Sink {
    case plain(FileHandle)
    case gzip(GzipWriter)
  }

  private let sink: Sink
  private let finalPath: String?
  /// The output's name in messages.
  private let name: String
  private let temporaryPath: String?
  private var pending: [UInt8] = []
  /// Temporary files of outputs opened and not yet committed or discarded, in this process.
  private static let unfinished = Mutex<Set<String>>([])

  /// Removes the temporary file of every output of this process that is not yet committed or discarded, and
  /// returns how many there were. For a program that is being interrupted, so that no half-written
  /// `.NAME.tmp-PID` file stays beside the outputs.
  public static func removeUnfinished() -> Int {
    unfinished.withLock { paths in
      for path in paths { unlink(path) }
      defer { paths.removeAll() }
      return paths.count
    }
  }

  /// Opens `path` for writing (nil or `-`: standard output).
  public init(path: String?) throws(CXRLabelError) {
    guard let path, path != "-" else {
      name = "standard output"
      sink = .plain(FileHandle.standardOutput)
      finalPath = nil
      temporaryPath = nil
      return
    }
    name = path
    let compressed = FileEnding.gzip.matches(path)
    if (path.hasPrefix("/dev/") || path.hasPrefix("/proc/")) && !FileManager.default.fileExists(atPath: path) {
      throw CXRLabelError(
        .unwritable,
        "There is no \(path) to write to; cxrlabel writes only to devices that exist under /dev and /proc.",
        hint: "Name a file in a folder of your own, or an existing device such as /dev/stdout.")
    }
    if Self.isSpecial(path) {
      sink = try Self.openDirectly(path, compressed: compressed)
      finalPath = nil
      temporaryPath = nil
      return
    }
    let target = Self.followingLinks(path)
    let directory = (target as NSString).deletingLastPathComponent
    let base = (target as NSString).lastPathComponent
    let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(base).tmp-\(getpid())"
    if compressed {
      sink = .gzip(try GzipWriter(path: temporary, name: path))
    } else {
      guard FileManager.default.createFile(atPath: temporary, contents: nil),
        let handle = FileHandle(forWritingAtPath: temporary)
      else {
        throw CXRLabelError(
          .unwritable, "Cannot create \(path).", hint: "Check that its directory exists and is writable.")
      }
      sink = .plain(handle)
    }
    finalPath = target
    temporaryPath = temporary
    _ = Self.unfinished.withLock { $0.insert(temporary) }
  }

  /// Temporary files beside `path` left by an earlier run of cxrlabel that was killed before it could remove them
  /// (`.NAME.tmp-PID` whose process is gone), for a warning.
  public static func leftoverTemporaryFiles(for path: String) -> [String] {
    guard path != "-", !isSpecial(path) else { return [] }
    let target = followingLinks(path)
    let directory = (target as NSString).deletingLastPathComponent
    let prefix = ".\((target as NSString).lastPathComponent).tmp-"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
    return names.sorted().compactMap { name in
      guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { return nil }
      guard kill(pid, 0) != 0, errno == ESRCH else { return nil }
      return directory.isEmpty ? name : directory + "/" + name
    }
  }

  /// Whether `path` is written in place, never replaced: it exists and is neither a regular file nor a directory
  /// (a device, a named pipe), or it lies under /dev or /proc.
  public static func isSpecial(_ path: String) -> Bool {
    if path.hasPrefix("/dev/") || path.hasPrefix("/proc/") { return true }
    var status = stat()
    guard stat(path, &status) == 0 else { return false }
    return (status.st_mode & S_IFMT) != S_IFREG && (status.st_mode & S_IFMT) != S_IFDIR
  }

  /// The file a chain of symbolic links ends at (which need not exist yet); `path` itself if it is no link.
  public static func followingLinks(_ path: String) -> String {
    var current = path
    for _ in 0..<40 {
      guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
      current =
        target.hasPrefix("/")
        ? target : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
    }
    return current
  }

  private static func openDirectly(_ path: String, compressed: Bool) throws(CXRLabelError) -> Sink {
    if compressed { return .gzip(try GzipWriter(path: path, name: path)) }
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw CXRLabelError(.unwritable, "Cannot write to \(path).", hint: "Check that it exists and is writable.")
    }
    return .plain(handle)
  }

  /// Writes bytes (buffered).
  public func write(_ bytes: [UInt8]) throws(CXRLabelError) {
    pending.append(contentsOf: bytes)
    if pending.count >= 1 << 16 { try flush() }
  }

  /// Writes a string's UTF-8 bytes (buffered).
  public func write(_ text: String) throws(CXRLabelError) { try write(Array(text.utf8)) }

  private func flush() throws(CXRLabelError) {
    guard !pending.isEmpty else { return }
    switch sink {
    case .plain(let handle):
      // Plain write(2), so that a full disk or a closed pipe is named by the system's reason (Foundation's
      // error is an NSError dump).
      let descriptor = handle.fileDescriptor
      var offset = 0
      while offset < pending.count {
        let count = pending.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
        if count < 0 {
          if errno == EINTR { continue }
          let reason = errno
          throw CXRLabelError(
            .unwritable, "Writing \(name) failed: \(String(cString: strerror(reason))).",
            hint: reason == ENOSPC
              ? "Free some disk space, or write to another disk."
              : name == "standard output"
                ? "Standard output is closed or gone; give -o FILE, or keep it open to the end." : nil)
        }
        offset += count
      }
    case .gzip(let writer): try writer.write(pending)
    }
    pending.removeAll(keepingCapacity: true)
  }

  /// Flushes, closes, and moves the finished file into place.
  public func commit() throws(CXRLabelError) {
    try flush()
    switch sink {
    case .plain(let handle): if handle !== FileHandle.standardOutput { try? handle.close() }
    case .gzip(let writer): try writer.close()
    }
    if let finalPath, let temporaryPath {
      _ = Self.unfinished.withLock { $0.remove(temporaryPath) }
      guard rename(temporaryPath, finalPath) == 0 else {
        throw CXRLabelError(.unwritable, "Cannot move the finished output into place at \(finalPath).")
      }
    }
  }

  /// Writes a whole output at once: it appears complete at `path`, or not at all (the temporary file is removed
  /// when writing fails).
  public static func write(_ bytes: [UInt8], to path: String) throws(CXRLabelError) {
    let file = try OutputFile(path: path)
    do {
      try file.write(bytes)
      try file.commit()
    } catch {
      file.discard()
      throw error
    }
  }

  /// Removes the temporary file after a failure.
  public func discard() {
    guard let temporaryPath else { return }
    _ = Self.unfinished.withLock { $0.remove(temporaryPath) }
    unlink(temporaryPath)
  }
}
