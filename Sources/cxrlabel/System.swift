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
