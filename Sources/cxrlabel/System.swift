import CXRLabel
import Foundation

/// Facts about the machine.
enum System {
  /// Active processor cores.
  static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// What an interrupted run does: Ctrl-C (SIGINT), SIGTERM (a cluster job's time limit) or SIGHUP removes the
/// half-written temporary files of the outputs, says so, and exits with 128 + the signal's number, as a shell
/// expects. Without this an interrupted run would leave `.NAME.tmp-PID` files beside the outputs.
enum Interruption {
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// Installs the handlers; call once, before any output is opened. A signal the process started with ignored
  /// (`nohup` ignores SIGHUP, a shell's background job SIGINT) stays ignored.
  static func removeUnfinishedOutputsOnSignal() {
    for number in [SIGINT, SIGTERM, SIGHUP] {
      guard !isIgnored(number) else { continue }
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        let removed = OutputFile.removeUnfinished()
        let files = removed == 1 ? "file" : "files"
        printError("\ncxrlabel: interrupted; \(removed) unfinished output \(files) removed.")
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

  /// Whether two paths name one file: the same device and inode if both exist, else the same absolute path.
  static func sameFile(_ a: String, _ b: String) -> Bool {
    var first = stat()
    var second = stat()
    if stat(a, &first) == 0, stat(b, &second) == 0 {
      return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
    return URL(fileURLWithPath: a).standardizedFileURL.path == URL(fileURLWithPath: b).standardizedFileURL.path
  }
}
