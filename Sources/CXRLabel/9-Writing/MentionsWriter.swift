/// Writes the `mentions` view: JSON Lines with, per study, one object describing its text and sentences, then
/// one object per mention.
///
///     {"study_id":"1","clean":"no effusion.","sentences":[[0,12]]}
///     {"study_id":"1","sentence":0,"start":3,"end":11,"observation":"Pleural Effusion","phrase":"effusion","text":"effusion"}
///
/// Offsets count Unicode code points of `clean`, as Python's `str` slicing does (`clean[start:end]`), like every
/// other output of cxrlabel.
package enum MentionsWriter {
  /// The JSON Lines bytes for one study.
  public static func lines(for analysis: StudyAnalysis) -> [UInt8] {
    let offsets = CharacterOffsets(analysis.text)
    var json = JSONText()
    json.raw("{")
    json.ids(analysis.id)
    json.raw(",\"clean\":")
    json.string(utf8: analysis.text)
    json.raw(",\"sentences\":[")
    for (index, sentence) in analysis.sentences.enumerated() {
      if index > 0 { json.raw(",") }
      json.raw("[")
      json.number(offsets[sentence.lowerBound])
      json.raw(",")
      json.number(offsets[sentence.upperBound])
      json.raw("]")
    }
    json.raw("]")
    json.notes(analysis.notes)
    json.raw("}\n")
    for mention in analysis.mentions {
      json.raw("{")
      json.ids(analysis.id, subject: false)
      json.raw(",\"sentence\":")
      json.number(mention.sentence)
      json.span(mention.span, offsets)
      json.raw(",\"observation\":")
      json.string(mention.observation.name)
      json.raw(",\"phrase\":")
      json.string(mention.phrase)
      json.raw(",\"text\":")
      json.string(utf8: analysis.text[mention.span])
      json.raw("}\n")
    }
    return json.bytes
  }
}
