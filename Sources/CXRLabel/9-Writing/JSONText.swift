/// Minimal JSON writing into a byte buffer: strings escaped per RFC 8259, numbers, and punctuation.
struct JSONText {
  /// The bytes written so far.
  var bytes: [UInt8] = []

  /// Appends raw ASCII (punctuation, keys already quoted).
  mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Appends a JSON string.
  mutating func string(_ text: String) { string(utf8: Array(text.utf8)) }

  /// Appends a JSON string from UTF-8 bytes.
  mutating func string<Bytes: Collection<UInt8>>(utf8 text: Bytes) {
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
  mutating func number(_ value: Int) { bytes.append(contentsOf: Array(String(value).utf8)) }

  /// Appends `null`.
  mutating func null() { raw("null") }

  /// `"study_id":"…"` (and `,"subject_id":"…"` when there is one), written as every output of cxrlabel writes
  /// ids: as MIMIC-CXR-JPG writes them, a leading `s` or `p` dropped when the rest is digits, other ids as found.
  mutating func ids(_ id: StudyID, subject: Bool = true) {
    raw("\"study_id\":")
    string(id.studyNumber)
    if subject, id.subject != nil {
      raw(",\"subject_id\":")
      string(id.subjectNumber)
    }
  }
}
