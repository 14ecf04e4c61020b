internal import Foundation
import Synchronization

/// Where output goes: a file written atomically (a temporary file beside it, renamed at the end), or standard
/// output. Gzip-compressed when the name ends in `.gz`.
public final class OutputFile {
  private enum Sink {
    case plain(FileHandle)
    case gzip(GzipWriter)
  }

  private let sink: Sink
  private let finalPath: String?
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

  /// Opens `path` for writing (nil: standard output).
  public init(path: String?) throws(CXRLabelError) {
    guard let path else {
      sink = .plain(FileHandle.standardOutput)
      finalPath = nil
      temporaryPath = nil
      return
    }
    let directory = (path as NSString).deletingLastPathComponent
    let base = (path as NSString).lastPathComponent
    let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(base).tmp-\(getpid())"
    if path.hasSuffix(".gz") {
      sink = .gzip(try GzipWriter(path: temporary))
    } else {
      guard FileManager.default.createFile(atPath: temporary, contents: nil),
        let handle = FileHandle(forWritingAtPath: temporary)
      else {
        throw CXRLabelError(
          .unwritable, "Cannot create \(path).", hint: "Check that its directory exists and is writable.")
      }
      sink = .plain(handle)
    }
    finalPath = path
    temporaryPath = temporary
    _ = Self.unfinished.withLock { $0.insert(temporary) }
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
      do { try handle.write(contentsOf: pending) } catch {
        throw CXRLabelError(.unwritable, "Writing \(finalPath ?? "standard output") failed: \(error).")
      }
    case .gzip(let writer): try writer.write(pending)
    }
    pending.removeAll(keepingCapacity: true)
  }

  /// Flushes, closes, and moves the finished file into place.
  public func commit() throws(CXRLabelError) {
    try flush()
    switch sink {
    case .plain(let handle): if finalPath != nil { try? handle.close() }
    case .gzip(let writer): try writer.close()
    }
    if let finalPath, let temporaryPath {
      _ = Self.unfinished.withLock { $0.remove(temporaryPath) }
      guard rename(temporaryPath, finalPath) == 0 else {
        throw CXRLabelError(.unwritable, "Cannot move the finished output into place at \(finalPath).")
      }
    }
  }

  /// Removes the temporary file after a failure.
  public func discard() {
    guard let temporaryPath else { return }
    _ = Self.unfinished.withLock { $0.remove(temporaryPath) }
    unlink(temporaryPath)
  }
}
