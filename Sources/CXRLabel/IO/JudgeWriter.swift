internal import Foundation

/// Writes a judged study: the input record with each mention's `result`, `phase`, `rule`, `rule_source`,
/// `rule_note` and `graph` (whether its sentence had a parse) set anew, whatever the input held, and the study's
/// `labels` (observation → 1, 0, -1 or null) filled in.
public enum JudgeWriter {
  /// The output JSON line.
  public static func line(for study: ParsedStudy, verdict: Judge.Verdict, classifier: Classifier) -> [UInt8] {
    let graphs = verdict.graphs
    guard let data = study.json.data(using: .utf8),
      var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    else { return [] }
    var mentions = object["mentions"] as? [[String: Any]] ?? []
    for index in mentions.indices where index < verdict.classification.mentions.count {
      let decided = verdict.classification.mentions[index]
      mentions[index]["result"] = ExplanationWriter.resultName(decided.label)
      mentions[index]["phase"] = decided.decidingMark.map { $0.phase.rawValue as Any } ?? NSNull()
      if let mark = decided.decidingMark, let rule = classifier.ruleInfo(for: mark) {
        mentions[index]["rule"] = rule.id
        mentions[index]["rule_source"] = rule.location.description
        mentions[index]["rule_note"] = rule.comment.map { $0 as Any } ?? NSNull()
      } else {
        mentions[index]["rule"] = NSNull()
        mentions[index]["rule_source"] = NSNull()
        mentions[index]["rule_note"] = NSNull()
      }
      let sentence = study.mentions[index].sentence
      mentions[index]["graph"] = sentence >= 0 && sentence < graphs.count && graphs[sentence] != nil
    }
    object["mentions"] = mentions
    var labels: [String: Any] = [:]
    for observation in Observation.mimicOrder { labels[observation.name] = NSNull() }
    for (observation, value) in verdict.labels { labels[observation.name] = Int(value.rawValue) }
    object["labels"] = labels
    guard let out = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    else { return [] }
    return Array(out) + [0x0A]
  }
}
