import CXRLabel

/// Spots a study id that an earlier study of the run had, comparing ids as every output writes (and `eval` joins)
/// them: by ``StudyID/studyNumber``, so `s50414267` and `50414267`, or `p1/s9` and `p2/s9`, are one id. It keeps one 64-bit hash per id, not the id's text: a
/// sorted array plus a small buffer of recent hashes, merged into the array when full. That is 8 bytes per study
/// (about 2 MB for MIMIC-CXR's 227,000), where a hash set needs several times that. Two different ids with equal
/// hashes would be reported as a repeat; at MIMIC-CXR's size the chance is about one in 10^8.
struct RepeatedStudyIDs: Sendable {
  /// How many hashes wait in `recent` before they are merged into `sorted`.
  static let bufferSize = 4096
  private var sorted: [UInt64] = []
  private var recent = Set<UInt64>()

  /// An empty record.
  public init() {}

  /// Whether `id`'s study number was seen before; remembers it.
  public mutating func isRepeated(_ id: StudyID) -> Bool {
    let hash = UInt64(bitPattern: Int64(id.studyNumber.hashValue))
    if contains(hash) { return true }
    recent.insert(hash)
    if recent.count >= Self.bufferSize { merge() }
    return false
  }

  private func contains(_ hash: UInt64) -> Bool {
    if recent.contains(hash) { return true }
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < hash { low = middle + 1 } else { high = middle }
    }
    return low < sorted.count && sorted[low] == hash
  }

  /// Merges the buffer into the sorted array from the back, in place.
  private mutating func merge() {
    let incoming = recent.sorted()
    recent.removeAll(keepingCapacity: true)
    var source = sorted.count - 1
    var other = incoming.count - 1
    sorted.append(contentsOf: repeatElement(0, count: incoming.count))
    var target = sorted.count - 1
    while other >= 0 {
      if source >= 0, sorted[source] > incoming[other] {
        sorted[target] = sorted[source]
        source -= 1
      } else {
        sorted[target] = incoming[other]
        other -= 1
      }
      target -= 1
    }
  }
}
