import Dispatch

/// Runs `transform` over a stream on `jobs` threads, one batch at a time, and hands the results to `consume`
/// in input order. Memory is bounded by the batch size, whatever the stream's length.
///
/// - Parameters:
///   - source: The inputs, read on the calling thread.
///   - jobs: How many threads transform at once (1: no extra threads).
///   - batchSize: How many inputs are in flight at once.
///   - transform: Pure work per input; must be safe to call concurrently.
///   - consume: Called on the calling thread with each result, in order.
public func forEachInOrder<Source: IteratorProtocol, Output>(
  _ source: inout Source, jobs: Int, batchSize: Int = 512,
  transform: @Sendable (Source.Element) -> Output,
  consume: (Output) throws -> Void
) rethrows where Source.Element: Sendable, Output: Sendable {
  let jobs = max(1, jobs)
  var batch: [Source.Element] = []
  batch.reserveCapacity(batchSize)
  while true {
    batch.removeAll(keepingCapacity: true)
    while batch.count < batchSize, let next = source.next() { batch.append(next) }
    if batch.isEmpty { return }
    if jobs == 1 {
      for input in batch { try consume(transform(input)) }
      continue
    }
    let results = ResultSlots<Output>(count: batch.count)
    let inputs = batch
    let chunks = min(jobs * 4, inputs.count)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      var index = chunk
      while index < inputs.count {
        results.set(index, transform(inputs[index]))
        index += chunks
      }
    }
    for index in 0..<inputs.count { try consume(results.take(index)) }
  }
}

/// Fixed slots written once each by different threads, then read by one thread.
private final class ResultSlots<Value>: @unchecked Sendable {
  private let slots: UnsafeMutablePointer<Value?>
  private let count: Int
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
