import CXRLabel
import Foundation

/// The self-contained audit page of `cxrlabel view` and `cxrlabel eval --html`: the page (`Resources/audit.html`,
/// HTML, CSS and JavaScript of ours, compiled into the binary) with the data put into its script element.
enum AuditPage {
  /// Where the data goes in the page.
  static let placeholder = "/*CXRLABEL_DATA*/null"

  /// Data larger than this is embedded gzip-compressed (base64), which the page decompresses with the browser's
  /// `DecompressionStream`: a page of 50,000 studies is then a fifth to a tenth of the size, and opens that much
  /// sooner. Smaller data stays plain JSON, readable by any browser and by eye.
  static let compressAbove = 4 << 20

  /// The page with `data` (a JSON document) in place of the placeholder.
  static func page(data: [UInt8]) -> [UInt8] {
    let template = Array(PackageResources.audit_html)
    let marker = Array(placeholder.utf8)
    guard let start = firstRange(of: marker, in: template) else { return template }
    var before = Array(template[..<start])
    var embedded = scriptSafe(data)
    if data.count > compressAbove, let compressed = Gzip.compress(data),
      let tag = lastRange(of: Array("id=\"cxrlabel-data\"".utf8), in: before)
    {
      // The data element says how its text is encoded.
      before.insert(
        contentsOf: Array(" data-encoding=\"gzip-base64\"".utf8), at: tag + "id=\"cxrlabel-data\"".utf8.count)
      embedded = Array(Data(compressed).base64EncodedString().utf8)
    }
    return before + embedded + Array(template[(start + marker.count)...])
  }

  /// The last position of `needle` in `haystack`.
  static func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
    for start in stride(from: haystack.count - needle.count, through: 0, by: -1) where haystack[start] == needle[0] {
      if Array(haystack[start..<(start + needle.count)]) == needle { return start }
    }
    return nil
  }

  /// JSON that cannot end its script element: "<" becomes \u003c (so no "</script>" or "<!--" can appear), and
  /// the line separators U+2028 and U+2029 become escapes, as older JavaScript needs.
  static func scriptSafe(_ json: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(json.count)
    var index = 0
    while index < json.count {
      let byte = json[index]
      if byte == UInt8(ascii: "<") {
        result += Array("\\u003c".utf8)
      } else if byte == 0xE2, index + 2 < json.count, json[index + 1] == 0x80,
        json[index + 2] == 0xA8 || json[index + 2] == 0xA9
      {
        result += Array((json[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
        index += 2
      } else {
        result.append(byte)
      }
      index += 1
    }
    return result
  }

  /// The first position of `needle` in `haystack`.
  static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
      if Array(haystack[start..<(start + needle.count)]) == needle { return start }
    }
    return nil
  }

  /// The records of a `label --explain` file (gzip or not), each line kept as written (or, `withoutGraphs`, without
  /// its sentences' tokens and edges), keyed by study id; every line must be a JSON object with a `study_id` (an
  /// error names the file and line otherwise).
  static func explainRecords(path: String, withoutGraphs: Bool = false) throws -> [(id: String, line: String)] {
    let reader = try reported { try LineReader(path: path) }
    var records: [(id: String, line: String)] = []
    while let line = try reported({ try reader.next() }) {
      if line.allSatisfy(\.isWhitespace) { continue }
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let id = (object["study_id"] as? String) ?? (object["study_id"] as? NSNumber)?.stringValue
      else {
        throw ValidationFailure(
          message: "\(path):\(reader.lineNumber): not a record of `cxrlabel label --explain` (a JSON object with a "
            + "study_id). Give the file that --explain wrote (--explain-graphs adds the dependency arcs).")
      }
      if withoutGraphs, object["sentences"] != nil {
        // The record without its parses, every other member kept byte for byte in its order.
        let bytes = Array(line.utf8)
        let kept = JSONSpans.members(of: bytes).filter { $0.key != "sentences" }
        var json = JSONText()
        json.object(kept.map(\.key)) { json, index in json.bytes.append(contentsOf: bytes[kept[index].value]) }
        records.append((id, String(decoding: json.bytes, as: UTF8.self)))
      } else {
        records.append((id, line))
      }
    }
    return records
  }

  /// The data of `cxrlabel view`: `{"kind":"explain","source":…,"studies":[records]}`.
  static func explainData(source: String, records: [(id: String, line: String)]) -> [UInt8] {
    var json = JSONText()
    json.object(["kind", "source", "studies"]) { json, field in
      switch field {
      case 0: json.string("explain")
      case 1: json.string(source)
      default: json.array(records.count) { json, index in json.bytes.append(contentsOf: records[index].line.utf8) }
      }
    }
    return json.bytes
  }

  /// The data of `cxrlabel eval --html`: per-observation agreement and confusion, and every study with a
  /// disagreement, with its `--explain` record when one is given.
  static func evalData(
    _ comparison: LabelComparison, reference: String, candidate: String, referenceFile: LabelFile,
    candidateFile: LabelFile, explain: [String: String]
  ) -> [UInt8] {
    let values: [LabelValue?] = [.positive, .negative, .uncertain, nil]
    let keys = values.map { value in value.map { String(Int($0.rawValue)) } ?? "" }
    let names = comparison.observations.map(\.observation.name)
    func labels(_ row: StudyLabels?, into json: inout JSONText) {
      json.object(names) { json, column in
        if let value = row?[comparison.observations[column].observation] {
          json.number(Int(value.rawValue))
        } else {
          json.null()
        }
      }
    }
    var order: [String] = []
    var differs: [String: [String]] = [:]
    for cell in comparison.disagreements {
      if differs[cell.id] == nil { order.append(cell.id) }
      differs[cell.id, default: []].append(cell.observation.name)
    }
    let summaryKeys = ["observation", "cells", "agree", "mentioned", "mentionedAgree", "confusion"]
    var json = JSONText()
    json.object([
      "kind", "reference", "candidate", "studiesCompared", "exactRows", "observations", "summary", "studies",
    ]) {
      json, field in
      switch field {
      case 0: json.string("eval")
      case 1: json.string(reference)
      case 2: json.string(candidate)
      case 3: json.number(comparison.studies)
      case 4: json.number(comparison.exactRows)
      case 5: json.array(names.count) { json, index in json.string(names[index]) }
      case 6:
        json.array(comparison.observations.count) { json, index in
          let figures = comparison.observations[index]
          json.object(summaryKeys) { json, key in
            switch key {
            case 0: json.string(figures.observation.name)
            case 1: json.number(figures.cells)
            case 2: json.number(figures.agreeing)
            case 3: json.number(figures.mentioned)
            case 4: json.number(figures.mentionedAgreeing)
            default:
              json.object(keys) { json, row in
                json.object(keys) { json, column in json.number(figures.confusion[row][column]) }
              }
            }
          }
        }
      default:
        json.array(order.count) { json, index in
          let id = order[index]
          json.object(["study_id", "reference", "candidate", "differs", "explain"]) { json, key in
            switch key {
            case 0: json.string(id)
            case 1: labels(referenceFile.rows[id], into: &json)
            case 2: labels(candidateFile.rows[id], into: &json)
            case 3:
              let names = differs[id] ?? []
              json.array(names.count) { json, index in json.string(names[index]) }
            default:
              if let record = explain[id] { json.bytes.append(contentsOf: record.utf8) } else { json.null() }
            }
          }
        }
      }
    }
    return json.bytes
  }
}
