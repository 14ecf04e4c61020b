import CXRLabel
import Foundation
import Synchronization

/// Facts about the machine.
enum System {
  /// Active processor cores.
  static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// What an interrupted run does: Ctrl-C (SIGINT), SIGTERM (a cluster job's time limit), SIGHUP, SIGQUIT (Ctrl-\\)
/// or SIGPIPE (a reader that went away) removes the half-written temporary files of the outputs, says so, and exits with 128 + the signal's number, as a shell
/// expects. Without this an interrupted run would leave `.NAME.tmp-PID` files beside the outputs.
enum Interruption {
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
  /// Folders of files being written (see `SectionsCommand`), removed whole on a signal.
  private static let stagingFolders = Mutex<[String]>([])

  /// Removes `folder` and everything in it if the run is interrupted before `forget(folder)`.
  static func removeOnSignal(folder: String) { stagingFolders.withLock { $0.append(folder) } }

  /// The run is done with `folder` (moved into place or removed).
  static func forget(folder: String) { stagingFolders.withLock { $0.removeAll { $0 == folder } } }

  /// Installs the handlers; call once, before any output is opened. A signal the process started with ignored
  /// (`nohup` ignores SIGHUP, a shell's background job SIGINT) stays ignored.
  static func removeUnfinishedOutputsOnSignal() {
    for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE] {
      guard !isIgnored(number) else { continue }
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        var removed = OutputFile.removeUnfinished()
        for folder in stagingFolders.withLock({ $0 }) {
          removed += (try? FileManager.default.contentsOfDirectory(atPath: folder).count) ?? 0
          try? FileManager.default.removeItem(atPath: folder)
        }
        let files = removed == 1 ? "file" : "files"
        // A reader that stops early (`| head`) is no news, unless something had to be cleaned up.
        if number != SIGPIPE || removed > 0 {
          printError("\ncxrlabel: interrupted; \(removed) unfinished output \(files) removed.")
        }
        exit(128 + number)
      }
      source.resume()
      sources.append(source)
    }
  }

  /// Whether the signal's disposition is "ignore".
  private static func isIgnored(_ number: Int32) -> Bool {
    var current = sigaction()
    guard sigaction(number, nil, &current) == 0 else { return false }
    return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
  }
}

/// Output paths, checked before any work is done, so that a run never replaces its own input, writes two outputs
/// to one file, or labels a whole corpus only to find that its output names a directory.
enum OutputPaths {
  /// One output of a command: its option, its path (`-` for standard output), and the kinds of file it may be
  /// (none: any name).
  struct Output {
    var option: String
    var path: String
    var kinds: [FileEnding]
  }

  /// Throws if an output is a directory, has an ending that does not say what is written into it, names the same
  /// file as an input, or names the same file as another output (two on standard output included). Devices and
  /// pipes (`/dev/null`, a FIFO) may have any name.
  static func check(_ outputs: [Output], inputs: [String]) throws {
    for (index, output) in outputs.enumerated() {
      if let other = outputs[..<index].first(where: { sameFile($0.path, output.path) }) {
        throw ValidationFailure(
          message: "\(other.option) and \(output.option) both name \(output.path); give each its own file.")
      }
      guard output.path != "-", !OutputFile.isSpecial(output.path) else { continue }
      let endings = output.kinds.flatMap(\.endings)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw ValidationFailure(
          message: "\(output.option) \(output.path) is a directory. Name a file inside it, e.g. "
            + "\((output.path as NSString).appendingPathComponent("labels" + (endings.last ?? ""))).")
      }
      if let input = inputs.first(where: { $0 != "-" && sameFile($0, output.path) }) {
        throw ValidationFailure(
          message: "\(output.option) \(output.path) is also an input (\(input)); writing it would replace "
            + "what is being read. Write to another file.")
      }
      guard output.kinds.isEmpty || output.kinds.contains(where: { $0.matches(output.path) }) else {
        throw ValidationFailure(
          message: "\(output.option) \(output.path): name the file \(endings.joined(separator: ", ")) to say "
            + "what is written into it.")
      }
      // A run killed with SIGKILL (or by a cluster's hard limit) cannot remove its temporary file: name it.
      for leftover in OutputFile.leftoverTemporaryFiles(for: output.path) {
        printError(
          "cxrlabel: warning: \(leftover) is left from an earlier run that was killed while writing \(output.path); "
            + "remove it (rm \(leftover)).")
      }
    }
  }

  /// Creates the folder an output goes into (and its parents); refuses a file of that name. `name` says it in
  /// messages (e.g. `--output-dir sections/`).
  static func createFolder(_ path: String, named name: String) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
      throw ValidationFailure(message: "\(name) is a file; name a folder.")
    }
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw ValidationFailure(message: "Cannot create \(name); check that its parent exists and is writable.")
    }
  }

  /// Whether two paths name one file: the same device and inode if both exist, else the same absolute path once
  /// symbolic links are followed (a dangling link names the file it would create). `-` is standard output, so
  /// `/dev/stdout` or `/proc/self/fd/1` beside it is one file.
  static func sameFile(_ a: String, _ b: String) -> Bool {
    let a = a == "-" ? "/dev/stdout" : a
    let b = b == "-" ? "/dev/stdout" : b
    var first = stat()
    var second = stat()
    if stat(a, &first) == 0, stat(b, &second) == 0 {
      return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
    let absolute = { (path: String) in URL(fileURLWithPath: OutputFile.followingLinks(path)).standardizedFileURL.path }
    return absolute(a) == absolute(b)
  }
}
