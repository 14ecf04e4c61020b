import Foundation
import Testing

@testable import CXRLabel

/// `judge` output: the input record copied byte for byte except the fields judge decides, which are set anew.
@Suite struct JudgeWriterTests {
  /// A record with fields judge does not know (an object with braces and escaped quotes in its strings, a number,
  /// an array), spacing, a stale decision, and a mention in a sentence without a parse.
  let record = #"""
    {"study_id": "s1", "note": {"text": "a \"quoted\" }] brace", "n": [1, 2.5e3, true, null]},
     "clean":"no effusion. edema?",
     "sentences":[{"offset":0,"text":"no effusion.","tokens":[{"id":"t0","word":"no","lemma":"no","tag":"DT","start":0,"end":2},{"id":"t1","word":"effusion","lemma":"effusion","tag":"NN","start":3,"end":11},{"id":"t2","word":".","lemma":".","tag":".","start":11,"end":12}],"edges":[{"head":"t1","dep":"t0","rel":"neg"}]},{"offset":13,"text":"edema?","parse_ok":false}],
     "mentions":[{"observation":"Pleural Effusion","phrase":"effusion","start":3,"end":11,"mine":"kept","result":"positive","rule_note":"stale"},{"observation":"Edema","start":13,"end":18}],
     "labels": {"Edema": 0}, "tail": 7}
    """#

  func judged(_ line: String) throws -> [String: Any] {
    let study = try GraphsReader.parse(line: line, file: "t.jsonl", lineNumber: 1)
    let judge = try Judge.chexpert()
    let bytes = JudgeWriter.line(for: study, verdict: try judge.judge(study))
    #expect(bytes.last == 0x0A && bytes.dropLast().allSatisfy { $0 != 0x0A })
    return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
  }

  @Test func decisionsAreSetAndEverythingElseIsKept() throws {
    let object = try judged(record.replacingOccurrences(of: "\n", with: ""))
    let note = try #require(object["note"] as? [String: Any])
    #expect(note["text"] as? String == #"a "quoted" }] brace"#)
    #expect((note["n"] as? [Any])?.count == 4)
    #expect(object["tail"] as? Int == 7 && object["study_id"] as? String == "s1")
    let mentions = try #require(object["mentions"] as? [[String: Any]])
    #expect(mentions.count == 2)
    #expect(mentions[0]["mine"] as? String == "kept" && mentions[0]["phrase"] as? String == "effusion")
    #expect(mentions[0]["result"] as? String == "negation" && mentions[0]["graph"] as? Bool == true)
    #expect((mentions[0]["rule"] as? String)?.isEmpty == false && mentions[0]["rule_note"] as? String != "stale")
    #expect(mentions[1]["result"] as? String == "positive" && mentions[1]["graph"] as? Bool == false)
    #expect(mentions[1]["rule"] is NSNull && mentions[1]["phase"] is NSNull)
    let labels = try #require(object["labels"] as? [String: Any])
    #expect(labels.count == 14)
    #expect(labels["Pleural Effusion"] as? Int == 0 && labels["Edema"] as? Int == 1 && labels["Fracture"] is NSNull)
  }

  /// The output is the input's own bytes wherever judge decides nothing: an already-judged record comes back
  /// unchanged, and judging twice changes nothing.
  @Test func judgingTwiceIsStable() throws {
    let study = try GraphsReader.parse(line: record.replacingOccurrences(of: "\n", with: ""), file: "t", lineNumber: 1)
    let judge = try Judge.chexpert()
    let once = JudgeWriter.line(for: study, verdict: try judge.judge(study))
    let line = String(decoding: once.dropLast(), as: UTF8.self)
    let again = try GraphsReader.parse(line: line, file: "t", lineNumber: 1)
    #expect(JudgeWriter.line(for: again, verdict: try judge.judge(again)) == once)
    #expect(line.contains(#""note": {"text": "a \"quoted\" }] brace", "n": [1, 2.5e3, true, null]}"#))
  }

  /// A list that is not an array of objects is named, instead of silently read as empty.
  @Test func nonObjectListsAreNamed() throws {
    let line = #"{"study_id":"a","clean":"x","sentences":[],"mentions":["Edema"]}"#
    #expect(throws: CXRLabelError.self) { try GraphsReader.parse(line: line, file: "t", lineNumber: 3) }
    do {
      _ = try GraphsReader.parse(line: line, file: "t", lineNumber: 3)
    } catch {
      #expect(
        error.description.contains("t:3") && error.description.contains("\"mentions\" must be an array of objects"))
    }
    let nullEdges = #"{"study_id":"a","clean":"x","sentences":[{"offset":0,"text":"x","edges":null}],"mentions":[]}"#
    #expect(try GraphsReader.parse(line: nullEdges, file: "t", lineNumber: 1).sentences.count == 1)
  }

  @Test func spansFollowNestingAndEscapes() {
    let bytes = Array(#" { "a" : [1, {"b": "]}\\"}], "c\u0064": "x", "e":-1.5e2 } "#.utf8)
    let members = JSONSpans.members(of: bytes)
    #expect(members.map(\.key) == ["a", "cd", "e"])
    #expect(String(decoding: bytes[members[0].value], as: UTF8.self) == #"[1, {"b": "]}\\"}]"#)
    #expect(String(decoding: bytes[members[2].member], as: UTF8.self) == #""e":-1.5e2"#)
    let elements = JSONSpans.elements(of: bytes, arrayAt: members[0].value.lowerBound)
    #expect(elements.map { String(decoding: bytes[$0], as: UTF8.self) } == ["1", #"{"b": "]}\\"}"#])
    #expect(JSONSpans.elements(of: Array("[ ]".utf8), arrayAt: 0).isEmpty)
  }
}
