import Synchronization

/// Rule workspaces kept for reuse, so their per-string caches survive from one study to the next; one is lent
/// to each labeling call and returned after it.
final class WorkspacePool: Sendable {
  private let free = Mutex<[RuleWorkspace]>([])

  /// Runs `body` with a workspace no other thread is using.
  func withWorkspace<Result, Failure: Error>(_ body: (RuleWorkspace) throws(Failure) -> Result) throws(Failure)
    -> Result
  {
    let workspace = free.withLock { $0.popLast() } ?? RuleWorkspace()
    defer { free.withLock { $0.append(workspace) } }
    return try body(workspace)
  }
}

// A workspace is used by one thread at a time; the pool hands it from one to the next under its lock.
extension RuleWorkspace: @unchecked Sendable {}
