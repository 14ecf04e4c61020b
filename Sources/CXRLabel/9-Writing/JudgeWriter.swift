/// Writes a judged study: the input record with each mention's `result`, `phase`, `rule`, `rule_source`,
/// `rule_note` and `graph` (whether its sentence had a parse) set anew, whatever the input held, and the study's
/// `labels` (observation → 1, 0, -1 or null) set. Everything else is copied byte for byte, in its order.
package enum JudgeWriter {
  /// The mention fields judge decides; input values of these are replaced.
  static let decidedMentionFields: Set<String> = ["result", "phase", "rule", "rule_source", "rule_note", "graph"]

  /// The output JSON line.
  public static func line(for study: ParsedStudy, verdict: Judge.Verdict) -> [UInt8] {
    let bytes = Array(study.json.utf8)
    var json = JSONText()
    json.raw("{")
    var first = true
    var mentionElements: [Range<Int>] = []
    for member in JSONSpans.members(of: bytes) {
      if member.key == "mentions" {
        mentionElements = JSONSpans.elements(of: bytes, arrayAt: member.value.lowerBound)
        continue
      }
      if member.key == "labels" { continue }
      if !first { json.raw(",") }
      first = false
      json.bytes.append(contentsOf: bytes[member.member])
    }
    if !first { json.raw(",") }
    json.raw("\"mentions\":[")
    for (index, element) in mentionElements.enumerated() {
      if index > 0 { json.raw(",") }
      guard index < verdict.classification.mentions.count, index < study.mentions.count else {
        json.bytes.append(contentsOf: bytes[element])
        continue
      }
      writeMention(
        keeping: JSONSpans.members(of: bytes, objectAt: element.lowerBound), of: bytes,
        decided: verdict.classification.mentions[index], sentence: study.mentions[index].sentence,
        graphs: verdict.graphs, into: &json)
    }
    json.raw("],\"labels\":")
    json.labels(verdict.labels)
    json.raw("}\n")
    return json.bytes
  }

  /// One mention: the input's own fields except the decided ones, then the decided ones.
  private static func writeMention(
    keeping members: [JSONSpans.Member], of bytes: [UInt8], decided: MentionClassification, sentence: Int,
    graphs: [DependencyGraph?], into json: inout JSONText
  ) {
    json.raw("{")
    for member in members where !decidedMentionFields.contains(member.key) {
      json.bytes.append(contentsOf: bytes[member.member])
      json.raw(",")
    }
    json.raw("\"result\":")
    json.string(ExplanationWriter.resultName(decided.label))
    json.raw(",\"phase\":")
    if let mark = decided.decidingMark { json.string(mark.phase.rawValue) } else { json.null() }
    let rule = decided.decidingMark?.origin
    json.raw(",\"rule\":")
    if let rule { json.string(rule.id) } else { json.null() }
    json.raw(",\"rule_source\":")
    if let rule { json.string(rule.location.description) } else { json.null() }
    json.raw(",\"rule_note\":")
    if let comment = rule?.comment { json.string(comment) } else { json.null() }
    let hasGraph = graphs.indices.contains(sentence) && graphs[sentence] != nil
    json.raw(hasGraph ? ",\"graph\":true}" : ",\"graph\":false}")
  }
}
