import Dispatch

/// Runs `transform` over a stream on `jobs` threads, one batch at a time, and hands the results to `consume`
/// in input order. Memory is bounded by two batches, whatever the stream's length.
///
/// Reading and consuming overlap with the work: while the threads transform batch k, the calling thread hands
/// batch k-1's results to `consume` (e.g. compresses and writes them) and reads batch k+1.
///
/// - Parameters:
///   - source: The inputs, read on the calling thread.
///   - jobs: How many threads transform at once (1: no extra threads).
///   - batchSize: How many inputs a batch holds.
///   - transform: Pure work per input; must be safe to call concurrently.
///   - consume: Called on the calling thread with each result, in order.
public func forEachInOrder<Source: IteratorProtocol, Output>(
  _ source: inout Source, jobs: Int, batchSize: Int = 512,
  transform: @Sendable (Source.Element) -> Output,
  consume: (Output) throws -> Void
) rethrows where Source.Element: Sendable, Output: Sendable {
  let jobs = min(max(1, jobs), 4096)  // more threads than that only cost memory (and jobs * 4 must not overflow)
  func readBatch() -> [Source.Element] {
    var batch: [Source.Element] = []
    batch.reserveCapacity(batchSize)
    while batch.count < batchSize, let next = source.next() { batch.append(next) }
    return batch
  }
  if jobs == 1 {
    while true {
      let batch = readBatch()
      if batch.isEmpty { return }
      for input in batch { try consume(transform(input)) }
    }
  }
  try withoutActuallyEscaping(transform) { transform in
    // A batch being transformed in the background: its completion group and result slots.
    func start(_ inputs: [Source.Element]) -> (group: DispatchGroup, results: ResultSlots<Output>) {
      let running = (group: DispatchGroup(), results: ResultSlots<Output>(count: inputs.count))
      let results = running.results
      let chunks = min(jobs * 4, inputs.count)
      DispatchQueue.global().async(group: running.group) {
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
          var index = chunk
          while index < inputs.count {
            results.set(index, transform(inputs[index]))
            index += chunks
          }
        }
      }
      return running
    }
    let first = readBatch()
    if first.isEmpty { return }
    var pending: (group: DispatchGroup, results: ResultSlots<Output>)? = start(first)
    // Never leave work running past this call (transform does not escape), even when `consume` throws.
    defer { pending?.group.wait() }
    while let running = pending {
      let next = readBatch()
      running.group.wait()
      pending = next.isEmpty ? nil : start(next)
      for index in 0..<running.results.count { try consume(running.results.take(index)) }
    }
  }
}

/// Fixed slots written once each by different threads, then read by one thread.
final class ResultSlots<Value>: @unchecked Sendable {
  private let slots: UnsafeMutablePointer<Value?>
  let count: Int
  init(count: Int) {
    self.count = count
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil, count: count)
  }
  deinit {
    slots.deinitialize(count: count)
    slots.deallocate()
  }
  // Each index is written by exactly one thread and read only after concurrentPerform returns.
  func set(_ index: Int, _ value: Value) { slots[index] = value }
  func take(_ index: Int) -> Value {
    guard let value = slots[index].take() else { preconditionFailure("slot \(index) was never filled") }
    return value
  }
}
