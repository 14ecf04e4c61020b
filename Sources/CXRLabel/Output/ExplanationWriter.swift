/// Writes explanations: per study, its labels and every mention with the rule that decided it, as JSON Lines.
///
///     {"study_id":"s1","labels":{"Pleural Effusion":0,"No Finding":1},"mentions":[{"observation":"Pleural Effusion",
///      "phrase":"effusion","text":"effusion","start":3,"end":11,"sentence":0,"result":"negation","phase":"negation",
///      "rule":"neg143","rule_source":"Phrases/data/chexpert.rules:160","rule_note":"X that has neg child a word",
///      "graph":true}]}
public enum ExplanationWriter {
  /// The JSON line for one study.
  public static func line(for result: StudyResult, classifier: Classifier) -> [UInt8] {
    var json = JSONText()
    json.raw("{\"study_id\":")
    json.string(result.analysis.id.study)
    if let subject = result.analysis.id.subject {
      json.raw(",\"subject_id\":")
      json.string(subject)
    }
    json.raw(",\"labels\":")
    writeLabels(result.labels, into: &json)
    if !result.analysis.notes.isEmpty {
      json.raw(",\"notes\":[")
      for (index, note) in result.analysis.notes.enumerated() {
        if index > 0 { json.raw(",") }
        json.string(note.rawValue)
      }
      json.raw("]")
    }
    json.raw(",\"mentions\":[")
    for (index, mention) in result.analysis.mentions.enumerated() {
      if index > 0 { json.raw(",") }
      let decided = result.classification.mentions[index]
      json.raw("{\"observation\":")
      json.string(mention.observation.name)
      json.raw(",\"phrase\":")
      json.string(mention.phrase)
      json.raw(",\"text\":")
      json.string(utf8: result.analysis.text[mention.span])
      json.raw(",\"start\":")
      json.number(mention.span.lowerBound)
      json.raw(",\"end\":")
      json.number(mention.span.upperBound)
      json.raw(",\"sentence\":")
      json.number(mention.sentence)
      json.raw(",\"result\":")
      json.string(resultName(decided.label))
      json.raw(",\"phase\":")
      if let mark = decided.decidingMark {
        json.string(mark.phase.rawValue)
        if let rule = classifier.ruleInfo(for: mark) {
          json.raw(",\"rule\":")
          json.string(rule.id)
          json.raw(",\"rule_source\":")
          json.string(rule.location.description)
          if let comment = rule.comment {
            json.raw(",\"rule_note\":")
            json.string(comment)
          }
        }
      } else {
        json.null()
      }
      let hasGraph = mention.sentence < result.graphs.count && result.graphs[mention.sentence] != nil
      json.raw(hasGraph ? ",\"graph\":true}" : ",\"graph\":false}")
    }
    json.raw("]}\n")
    return json.bytes
  }

  /// `positive`, `negation` or `uncertainty`, as the original's details name a mention's result.
  public static func resultName(_ label: LabelValue) -> String {
    switch label {
    case .positive: return "positive"
    case .negative: return "negation"
    case .uncertain: return "uncertainty"
    }
  }

  static func writeLabels(_ labels: StudyLabels, into json: inout JSONText) {
    json.raw("{")
    var first = true
    for observation in Observation.mimicOrder + labels.keys.filter({ !Observation.mimicOrder.contains($0) }).sorted() {
      guard let value = labels[observation] else { continue }
      if !first { json.raw(",") }
      first = false
      json.string(observation.name)
      json.raw(":")
      json.number(Int(value.rawValue))
    }
    json.raw("}")
  }

  /// A labels-only JSON line (the `.jsonl` label output).
  public static func labelsLine(id: StudyID, labels: StudyLabels) -> [UInt8] {
    var json = JSONText()
    json.raw("{\"study_id\":")
    json.string(id.study)
    if let subject = id.subject {
      json.raw(",\"subject_id\":")
      json.string(subject)
    }
    json.raw(",\"labels\":")
    writeLabels(labels, into: &json)
    json.raw("}\n")
    return json.bytes
  }
}
