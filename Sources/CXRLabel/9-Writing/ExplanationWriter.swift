/// Writes explanations: per study, its labels and every mention with the rule that decided it, as JSON Lines.
///
/// Offsets count code points (Unicode scalars) of the cleaned text, `clean`, as in the original's details and in
/// `cxrlabel judge` input; each mention also carries its sentence's text, and `why` says in words what decided it
/// (`no rule matched: positive by default` where no rule did), and `no_finding` why No Finding is 1 or blank. With
/// `graphs`, each line also carries `sentences` (tokens, tags, lemmas and the propagated edges the rules were
/// matched against), so the line can be edited and fed back to `judge`.
///
///     {"study_id":"1","labels":{"No Finding":1,"Pleural Effusion":0},"no_finding":"1: no mention of a finding is
///      positive or uncertain (Support Devices does not count)","clean":"no effusion.","mentions":[{"observation":
///      "Pleural Effusion","phrase":"effusion","text":"effusion","start":3,"end":11,"sentence":0,"sentence_text":
///      "no effusion.","result":"negation","phase":"negation","rule":"neg143","rule_source":
///      "Phrases/data/chexpert.rules:160","rule_note":"X that has neg child a word","why":"negation: negation rule
///      neg143 (Phrases/data/chexpert.rules:160)","graph":true}]}
public enum ExplanationWriter {
  /// The JSON line for one study.
  public static func line(for result: StudyResult, graphs: Bool = false) -> [UInt8] {
    let offsets = CharacterOffsets(result.analysis.text)
    var json = JSONText()
    json.raw("{")
    json.ids(result.analysis.id)
    json.raw(",\"labels\":")
    json.labels(result.labels)
    json.raw(",\"no_finding\":")
    json.string(noFindingReason(result))
    json.notes(result.analysis.notes)
    // The cleaned text the offsets count in, always: without it a mention's start and end point nowhere.
    json.raw(",\"clean\":")
    json.string(utf8: result.analysis.text)
    if graphs { writeSentences(result, offsets: offsets, into: &json) }
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
      json.span(mention.span, offsets)
      json.raw(",\"sentence\":")
      json.number(mention.sentence)
      if result.analysis.sentences.indices.contains(mention.sentence) {
        json.raw(",\"sentence_text\":")
        json.string(utf8: result.analysis.text[result.analysis.sentences[mention.sentence]])
      }
      json.raw(",\"result\":")
      json.string(resultName(decided.label))
      json.raw(",\"phase\":")
      let rule = decided.decidingMark?.origin
      if let mark = decided.decidingMark {
        json.string(mark.phase.rawValue)
        if let rule {
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
      let hasGraph = result.parsed.indices.contains(mention.sentence) && result.parsed[mention.sentence]
      json.raw(",\"why\":")
      if result.counted[index] {
        json.string(
          reason(
            decided.decidingMark.map { ($0.phase.rawValue, rule.map { "\($0.id) (\($0.location))" }) },
            label: decided.label, hasGraph: hasGraph))
      } else {
        json.string(
          "not counted: a neutral phrase (it names the organ, not the finding) that no rule decided, and no "
            + "confirmation rule says it is the finding (--amend)")
        json.raw(",\"counted\":false")
      }
      json.raw(hasGraph ? ",\"graph\":true}" : ",\"graph\":false}")
    }
    json.raw("]}\n")
    return json.bytes
  }

  /// Why a mention has its result, in words: the phase of the rule that decided it, or why none did.
  static func reason(_ decided: (phase: String, rule: String?)?, label: LabelValue, hasGraph: Bool) -> String {
    if let decided { return "\(resultName(label)): \(decided.phase) rule " + (decided.rule ?? "(unnamed)") }
    if label != .positive { return resultName(label) }
    return hasGraph
      ? "no rule matched: positive by default"
      : "no rule matched, the sentence having no parse: positive by default, as the originals leave it"
  }

  /// Why No Finding is 1 or blank, in words: the mention that made it blank, or that none did.
  static func noFindingReason(_ result: StudyResult) -> String {
    if result.labels.isEmpty, result.analysis.notes.contains(.emptyText) {
      return "blank: the study has no text to label, so every observation is blank"
    }
    if result.labels[.noFinding] == .positive {
      return "1: no mention of a finding is positive or uncertain (Support Devices does not count)"
    }
    let counted = result.analysis.mentions.indices.filter {
      result.counted[$0] && result.classification.mentions[$0].label != .negative
        && result.analysis.mentions[$0].observation != .supportDevices
    }.map { (result.analysis.mentions[$0], result.classification.mentions[$0].label) }
    // A finding of the 13 first; a No Finding-list mention ("emphysema") cancels No Finding only in the CheXpert labeler.
    guard let (mention, label) = counted.first(where: { $0.0.observation != .noFinding }) ?? counted.first else {
      return "blank"
    }
    let words = String(decoding: result.analysis.text[mention.span], as: UTF8.self)
    let what =
      mention.observation == .noFinding
      ? "a finding outside the 14 (\"\(words)\")" : "\(mention.observation.name) (\"\(words)\")"
    return "blank: \(what) is \(label == .positive ? "positive" : "uncertain") in sentence \(mention.sentence)"
  }

  /// `"sentences"` in the judge input format: offset, text, tokens, edges, parse_ok.
  static func writeSentences(_ result: StudyResult, offsets: CharacterOffsets, into json: inout JSONText) {
    let text = result.analysis.text
    json.raw(",\"sentences\":[")
    for (index, sentence) in result.analysis.sentences.enumerated() {
      if index > 0 { json.raw(",") }
      json.raw("{\"offset\":")
      json.number(offsets[sentence.lowerBound])
      json.raw(",\"text\":")
      json.string(utf8: text[sentence])
      let graph = index < result.graphs.count ? result.graphs[index] : nil
      json.raw(",\"tokens\":[")
      for (tokenIndex, token) in (graph?.tokens ?? []).enumerated() {
        if tokenIndex > 0 { json.raw(",") }
        json.raw("{\"id\":")
        json.string("T\(tokenIndex)")
        json.raw(",\"word\":")
        json.string(token.word)
        json.raw(",\"lemma\":")
        json.string(token.lemma)
        json.raw(",\"tag\":")
        json.string(token.tag)
        json.span(token.span, offsets)
        json.raw("}")
      }
      json.raw("],\"edges\":[")
      for (edgeIndex, edge) in (graph?.edges ?? []).enumerated() {
        if edgeIndex > 0 { json.raw(",") }
        json.raw("{\"head\":")
        json.string("T\(edge.head)")
        json.raw(",\"dep\":")
        json.string("T\(edge.dependent)")
        json.raw(",\"rel\":")
        json.string(edge.relation)
        json.raw("}")
      }
      json.raw(graph == nil ? "],\"parse_ok\":false}" : "],\"parse_ok\":true}")
    }
    json.raw("]")
  }

  /// `positive`, `negation` or `uncertainty`, as the original's details name a mention's result.
  public static func resultName(_ label: LabelValue) -> String {
    switch label {
    case .positive: return "positive"
    case .negative: return "negation"
    case .uncertain: return "uncertainty"
    }
  }

  /// A labels-only JSON line (the `.jsonl` label output).
  public static func labelsLine(id: StudyID, labels: StudyLabels) -> [UInt8] {
    var json = JSONText()
    json.raw("{")
    json.ids(id)
    json.raw(",\"labels\":")
    json.labels(labels)
    json.raw("}\n")
    return json.bytes
  }
}

/// Character (Unicode scalar) offset of every byte offset of a UTF-8 text, and of its end.
struct CharacterOffsets {
  private let table: [Int]?

  /// Builds the table; for ASCII text (the common case) none is needed.
  init(_ text: [UInt8]) {
    guard text.contains(where: { $0 >= 0x80 }) else {
      table = nil
      return
    }
    var offsets: [Int] = []
    offsets.reserveCapacity(text.count + 1)
    var characters = 0
    for byte in text {
      offsets.append(characters)
      if byte & 0xC0 != 0x80 { characters += 1 }
    }
    offsets.append(characters)
    table = offsets
  }

  /// The character offset of byte offset `byte`.
  subscript(byte: Int) -> Int { table?[byte] ?? byte }
}
