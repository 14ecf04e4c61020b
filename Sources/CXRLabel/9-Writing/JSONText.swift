/// The one JSON writer of cxrlabel (explanations, mentions, judge records, scores, the audit page's data): writing into a byte buffer: strings escaped per RFC 8259, numbers, and punctuation.
package struct JSONText {
  /// The bytes written so far.
  package var bytes: [UInt8] = []

  /// An empty buffer.
  package init() {}

  /// Appends raw ASCII (punctuation, keys already quoted).
  package mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Appends a JSON string.
  package mutating func string(_ text: String) { string(utf8: Array(text.utf8)) }

  /// Appends a JSON string from UTF-8 bytes.
  package mutating func string<Bytes: Collection<UInt8>>(utf8 text: Bytes) {
    bytes.append(0x22)
    for byte in text {
      switch byte {
      case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
      case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
      case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
      case 0..<0x20:
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
      default: bytes.append(byte)
      }
    }
    bytes.append(0x22)
  }

  /// Appends an integer.
  package mutating func number(_ value: Int) { bytes.append(contentsOf: Array(String(value).utf8)) }

  /// Appends `null`.
  package mutating func null() { raw("null") }

  /// `"study_id":"…"` (and `,"subject_id":"…"` when there is one), written as every output of cxrlabel writes
  /// ids: as MIMIC-CXR-JPG writes them, a leading `s` or `p` dropped when the rest is digits, other ids as found.
  package mutating func ids(_ id: StudyID, subject: Bool = true) {
    raw("\"study_id\":")
    string(id.studyNumber)
    if subject, id.subject != nil {
      raw(",\"subject_id\":")
      string(id.subjectNumber)
    }
  }

  /// A number, or `null` for nil or a value JSON cannot hold.
  package mutating func double(_ value: Double?) {
    guard let value, value.isFinite else { return null() }
    bytes.append(contentsOf: Array("\(value)".utf8))
  }

  /// `[first, second]`.
  package mutating func pair(_ first: Double?, _ second: Double?) {
    raw("[")
    double(first)
    raw(",")
    double(second)
    raw("]")
  }

  /// A number JSON can hold, or 0 for one it cannot (the scores, whose denominators are never zero).
  package mutating func finite(_ value: Double) {
    bytes.append(contentsOf: Array((value.isFinite ? "\(value)" : "0").utf8))
  }

  /// An array of `count` elements, each written by `element` (given its position).
  package mutating func array(_ count: Int, _ element: (inout JSONText, Int) -> Void) {
    raw("[")
    for index in 0..<count {
      if index > 0 { raw(",") }
      element(&self, index)
    }
    raw("]")
  }

  /// An object with `keys`, each value written by `value` (given the key's position).
  package mutating func object(_ keys: [String], _ value: (inout JSONText, Int) -> Void) {
    raw("{")
    for (index, key) in keys.enumerated() {
      if index > 0 { raw(",") }
      string(key)
      raw(":")
      value(&self, index)
    }
    raw("}")
  }

  /// `,"notes":[…]` with each note's name, when there is any (explanations and mentions write a study's notes
  /// alike).
  package mutating func notes(_ notes: [StudyNote]) {
    guard !notes.isEmpty else { return }
    raw(",\"notes\":")
    array(notes.count) { json, index in json.string(notes[index].rawValue) }
  }

  /// A study's labels as an object: every one of the 14 observations (and any other that has a label), `null` for
  /// blank; one shape in every JSON Lines output, so that `pandas.json_normalize` gives the same columns.
  package mutating func labels(_ labels: StudyLabels) {
    let extra = labels.keys.filter { !Observation.mimicOrder.contains($0) }.sorted()
    let observations = Observation.mimicOrder + extra
    object(observations.map(\.name)) { json, index in
      if let value = labels[observations[index]] { json.number(Int(value.rawValue)) } else { json.null() }
    }
  }

  /// `,"start":…,"end":…`: a byte span as the code-point offsets every JSON output gives (mentions, tokens).
  mutating func span(_ span: Range<Int>, _ offsets: CharacterOffsets) {
    raw(",\"start\":")
    number(offsets[span.lowerBound])
    raw(",\"end\":")
    number(offsets[span.upperBound])
  }
}
