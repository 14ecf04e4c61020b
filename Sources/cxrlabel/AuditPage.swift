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
      before.insert(contentsOf: Array(" data-encoding=\"gzip-base64\"".utf8), at: tag + "id=\"cxrlabel-data\"".utf8.count)
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
      } else if byte == 0xE2, index + 2 < json.count, json[index + 1] == 0x80, json[index + 2] == 0xA8 || json[index + 2] == 0xA9 {
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

  /// A JSON string literal.
  static func quoted(_ text: String) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
    return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
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
        var light = object
        light["sentences"] = nil
        let data = try JSONSerialization.data(withJSONObject: light, options: [.withoutEscapingSlashes])
        records.append((id, String(decoding: data, as: UTF8.self)))
      } else {
        records.append((id, line))
      }
    }
    return records
  }

  /// The data of `cxrlabel view`: `{"kind":"explain","source":…,"studies":[records]}`.
  static func explainData(source: String, records: [(id: String, line: String)]) -> [UInt8] {
    var text = "{\"kind\":\"explain\",\"source\":\(quoted(source)),\"studies\":["
    text += records.map(\.line).joined(separator: ",")
    text += "]}"
    return Array(text.utf8)
  }

  /// The data of `cxrlabel eval --html`: per-observation agreement and confusion, and every study with a
  /// disagreement, with its `--explain` record when one is given.
  static func evalData(
    _ comparison: LabelComparison, reference: String, candidate: String, referenceFile: LabelFile,
    candidateFile: LabelFile, explain: [String: String]
  ) -> [UInt8] {
    let values: [LabelValue?] = [.positive, .negative, .uncertain, nil]
    func key(_ value: LabelValue?) -> String { value.map { String(Int($0.rawValue)) } ?? "" }
    func labels(_ row: StudyLabels?) -> String {
      "{" + comparison.observations.map { figures in
        quoted(figures.observation.name) + ":" + (row?[figures.observation].map { String(Int($0.rawValue)) } ?? "null")
      }.joined(separator: ",") + "}"
    }
    var text = "{\"kind\":\"eval\",\"reference\":\(quoted(reference)),\"candidate\":\(quoted(candidate)),"
    text += "\"studiesCompared\":\(comparison.studies),\"exactRows\":\(comparison.exactRows),"
    text += "\"observations\":[" + comparison.observations.map { quoted($0.observation.name) }.joined(separator: ",") + "],"
    text += "\"summary\":[" + comparison.observations.map { figures in
      let confusion = values.indices.map { row in
        quoted(key(values[row])) + ":{" + values.indices.map { column in
          quoted(key(values[column])) + ":\(figures.confusion[row][column])"
        }.joined(separator: ",") + "}"
      }.joined(separator: ",")
      return "{\"observation\":\(quoted(figures.observation.name)),\"cells\":\(figures.cells),\"agree\":\(figures.agreeing),"
        + "\"mentioned\":\(figures.mentioned),\"mentionedAgree\":\(figures.mentionedAgreeing),\"confusion\":{\(confusion)}}"
    }.joined(separator: ",") + "],"
    var order: [String] = []
    var differs: [String: [String]] = [:]
    for cell in comparison.disagreements {
      if differs[cell.id] == nil { order.append(cell.id) }
      differs[cell.id, default: []].append(cell.observation.name)
    }
    text += "\"studies\":[" + order.map { id in
      "{\"study_id\":\(quoted(id)),\"reference\":\(labels(referenceFile.rows[id])),\"candidate\":"
        + "\(labels(candidateFile.rows[id])),\"differs\":[" + (differs[id] ?? []).map(quoted).joined(separator: ",")
        + "],\"explain\":\(explain[id] ?? "null")}"
    }.joined(separator: ",") + "]}"
    return Array(text.utf8)
  }
}
