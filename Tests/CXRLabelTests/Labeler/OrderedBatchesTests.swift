import Synchronization
import Testing

@testable import CXRLabel

/// The ordered parallel map that every run goes through: results in input order for any thread count and batch
/// size, and a consumer's error stops the run with no work left behind.
@Suite struct OrderedBatchesTests {
  struct Failure: Error {}

  @Test(arguments: [(1, 7), (2, 1), (2, 7), (3, 512), (8, 3)])
  func resultsComeInInputOrder(jobs: Int, batchSize: Int) throws {
    var source = (0..<1_000).makeIterator()
    var seen: [Int] = []
    forEachInOrder(&source, jobs: jobs, batchSize: batchSize, transform: { $0 * $0 }, consume: { seen.append($0) })
    #expect(seen == (0..<1_000).map { $0 * $0 })
  }

  @Test func emptyInputConsumesNothing() throws {
    var source = EmptyCollection<Int>().makeIterator()
    var calls = 0
    forEachInOrder(&source, jobs: 2, transform: { $0 }, consume: { _ in calls += 1 })
    #expect(calls == 0)
  }

  @Test func aConsumerErrorStopsTheRunAfterTheRunningBatch() throws {
    var source = (0..<10_000).makeIterator()
    let transformed = Atomic<Int>(0)
    var consumed = 0
    #expect(throws: Failure.self) {
      try forEachInOrder(
        &source, jobs: 2, batchSize: 100,
        transform: { value in
          transformed.add(1, ordering: .relaxed)
          return value
        },
        consume: { value in
          consumed += 1
          if value == 150 { throw Failure() }
        })
    }
    #expect(consumed == 151)
    // Batches 0 and 1 were consumed or running, batch 2 was started before batch 1 was consumed; nothing more,
    // and all of it finished before the call returned (the count no longer moves).
    let settled = transformed.load(ordering: .relaxed)
    #expect(settled == 300)
    #expect(source.next() == 300)
  }
}
