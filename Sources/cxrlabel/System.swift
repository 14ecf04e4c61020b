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
  /// Throws if an output (its option and path; nil is standard output) is a directory, names the same file as an
  /// input, or names the same file as another output.
  static func check(_ outputs: [(option: String, path: String?)], inputs: [String]) throws {
    let named = outputs.compactMap { output in output.path.map { (option: output.option, path: $0) } }
    for (index, output) in named.enumerated() {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw ValidationFailure(
          message: "\(output.option) \(output.path) is a directory. Name a file inside it, e.g. "
            + "\((output.path as NSString).appendingPathComponent("labels.csv.gz")).")
      }
      if let input = inputs.first(where: { $0 != "-" && sameFile($0, output.path) }) {
        throw ValidationFailure(
          message: "\(output.option) \(output.path) is also an input (\(input)); writing it would replace "
            + "what is being read. Write to another file.")
      }
      if output.path.hasSuffix(".txt"), let tree = inputs.first(where: { isInside(output.path, directory: $0) }) {
        throw ValidationFailure(
          message: "\(output.option) \(output.path) is a .txt file inside the input tree \(tree), so it would be "
            + "read as a report or replace one. Write it outside the tree.")
      }
      if let other = named[..<index].first(where: { sameFile($0.path, output.path) }) {
        throw ValidationFailure(
          message: "\(other.option) and \(output.option) both name \(output.path); give each its own file.")
      }
    }
  }

  /// Whether `path` lies under the existing directory `directory` (both made absolute, links resolved).
  static func isInside(_ path: String, directory: String) -> Bool {
    var isDirectory: ObjCBool = false
    guard directory != "-", FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { return false }
    let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
    let parent = URL(fileURLWithPath: (path as NSString).deletingLastPathComponent).resolvingSymlinksInPath().path
    return parent == root || parent.hasPrefix(root.hasSuffix("/") ? root : root + "/")
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
