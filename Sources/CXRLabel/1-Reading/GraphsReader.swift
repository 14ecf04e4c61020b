internal import Foundation

/// One study of a "bring your own parse" file: its text, sentences with dependency graphs, and mentions.
///
/// The format is one JSON object per line, as in the IU X-ray reference details: `study_id`, `clean`,
/// `sentences` (each `offset`, `text`, `tokens` {`id`, `word`, `lemma`, `tag`, `start`, `end`}, `edges`
/// {`head`, `dep`, `rel`}, optional `parse_ok`), and `mentions` {`observation`, `phrase`, `start`, `end`}.
public struct ParsedStudy: Sendable {
  /// A token of a parsed sentence.
  public struct Token: Sendable, Hashable {
    /// The token's id within its sentence (e.g. `T3`).
    public var id: String
    /// The word as written.
    public var word: String
    /// Its lemma.
    public var lemma: String
    /// Its part-of-speech tag (Penn Treebank).
    public var tag: String
    /// Byte offsets into the study text.
    public var span: Range<Int>
  }

  /// A labelled dependency between two tokens of a sentence.
  public struct Edge: Sendable, Hashable {
    /// The head token's id.
    public var head: String
    /// The dependent token's id.
    public var dependent: String
    /// The relation (e.g. `nmod:of`).
    public var relation: String
  }

  /// A parsed sentence.
  public struct Sentence: Sendable {
    /// Byte offsets into the study text.
    public var span: Range<Int>
    /// Its tokens, in order.
    public var tokens: [Token]
    /// Its dependencies.
    public var edges: [Edge]
    /// False when the parser produced nothing for the sentence.
    public var parsed: Bool
  }

  /// The study id.
  public var id: StudyID
  /// The text the offsets refer to.
  public var text: [UInt8]
  /// The sentences.
  public var sentences: [Sentence]
  /// The mentions, with the sentence each lies in.
  public var mentions: [Mention]
  /// The JSON object as read, so a writer can echo fields it does not understand.
  public var json: String
}

/// Reads "bring your own parse" JSON Lines files.
public enum GraphsReader {
  /// Parses one JSON line; throws `invalidInput` naming the file and line.
  public static func parse(line: String, file: String, lineNumber: Int) throws(CXRLabelError) -> ParsedStudy {
    // A byte-order mark before the first record is not part of it (and would hide its fields from the writer).
    let line = line.unicodeScalars.first == "\u{FEFF}" ? String(line.unicodeScalars.dropFirst()) : line
    let location = CXRLabelError.Location(file: file, line: lineNumber)
    func bad(_ why: String) -> CXRLabelError {
      CXRLabelError(.invalidInput, why, at: location, hint: "See `cxrlabel judge --help` for the expected fields.")
    }
    /// The objects listed under `key` (none when it is absent).
    func objects(_ key: String, in object: [String: Any]) throws(CXRLabelError) -> [[String: Any]] {
      guard let value = object[key], !(value is NSNull) else { return [] }
      // Element by element: casting the whole array at once bridges it through NSArray, which was most of the
      // time judge spent reading.
      guard let items = value as? [Any] else { throw bad("\"\(key)\" must be an array of objects.") }
      var list: [[String: Any]] = []
      list.reserveCapacity(items.count)
      for item in items {
        guard let object = item as? [String: Any] else { throw bad("\"\(key)\" must be an array of objects.") }
        list.append(object)
      }
      return list
    }
    guard let data = line.data(using: .utf8),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { throw bad("Not a JSON object.") }
    guard let studyID = (object["study_id"] as? String) ?? (object["study_id"] as? Int).map(String.init) else {
      throw bad("Missing \"study_id\".")
    }
    guard let clean = object["clean"] as? String else {
      throw bad("Missing \"clean\" (the text the offsets refer to).")
    }
    let text = Array(clean.utf8)
    // Offsets in the file count code points (Unicode scalars, as Python's str does); convert them to bytes.
    let byteOffset = characterToByteOffsets(clean)
    func bytes(_ character: Int) throws(CXRLabelError) -> Int {
      guard character >= 0, character < byteOffset.count else { throw bad("Offset \(character) is outside the text.") }
      return byteOffset[character]
    }
    func span(_ start: Int, _ end: Int, of what: String) throws(CXRLabelError) -> Range<Int> {
      guard start <= end else { throw bad("\(what) starts at \(start), after its end \(end).") }
      return try bytes(start)..<(try bytes(end))
    }
    var sentences: [ParsedStudy.Sentence] = []
    for item in try objects("sentences", in: object) {
      guard let offset = item["offset"] as? Int, let sentenceText = item["text"] as? String else {
        throw bad("A sentence lacks \"offset\" or \"text\".")
      }
      var tokens: [ParsedStudy.Token] = []
      var ids = Set<String>()
      for token in try objects("tokens", in: item) {
        guard let id = token["id"] as? String, let start = token["start"] as? Int, let end = token["end"] as? Int
        else { throw bad("A token lacks \"id\", \"start\" or \"end\".") }
        guard ids.insert(id).inserted else {
          throw bad("Sentence \(sentences.count + 1) has two tokens with the id \"\(id)\"; token ids must differ.")
        }
        tokens.append(
          ParsedStudy.Token(
            id: id, word: token["word"] as? String ?? "", lemma: token["lemma"] as? String ?? "",
            tag: token["tag"] as? String ?? "", span: try span(start, end, of: "Token \"\(id)\"")))
      }
      var edges: [ParsedStudy.Edge] = []
      for edge in try objects("edges", in: item) {
        guard let head = edge["head"] as? String, let dependent = edge["dep"] as? String,
          let relation = edge["rel"] as? String
        else { throw bad("An edge lacks \"head\", \"dep\" or \"rel\".") }
        guard ids.contains(head), ids.contains(dependent) else {
          throw bad(
            "In sentence \(sentences.count + 1), the edge \(head) -\(relation)-> \(dependent) names a token id that "
              + "the sentence does not have.")
        }
        edges.append(ParsedStudy.Edge(head: head, dependent: dependent, relation: relation))
      }
      // Offsets count code points ("\r\n" is one Character but two code points). The start is checked before
      // anything is added to it, so a huge offset is named rather than overflowing.
      let start = try bytes(offset)
      let end = try bytes(offset + sentenceText.unicodeScalars.count)
      sentences.append(
        ParsedStudy.Sentence(
          span: start..<end, tokens: tokens, edges: edges,
          parsed: (item["parse_ok"] as? Bool) ?? !tokens.isEmpty))
    }
    var mentions: [Mention] = []
    for item in try objects("mentions", in: object) {
      guard let observation = item["observation"] as? String, let start = item["start"] as? Int,
        let end = item["end"] as? Int
      else { throw bad("A mention lacks \"observation\", \"start\" or \"end\".") }
      let mentionSpan = try span(start, end, of: "The \(observation) mention")
      guard
        let sentence = sentences.firstIndex(where: {
          $0.span.lowerBound <= mentionSpan.lowerBound && mentionSpan.upperBound <= $0.span.upperBound
        })
      else {
        throw bad("The \(observation) mention at \(start)..<\(end) lies in no sentence; every mention sits inside one.")
      }
      mentions.append(
        Mention(
          observation: Observation(observation), phrase: item["phrase"] as? String ?? "", span: mentionSpan,
          sentence: sentence))
    }
    return ParsedStudy(id: StudyID(study: studyID), text: text, sentences: sentences, mentions: mentions, json: line)
  }

  /// Byte offset of every code point index (and of the end).
  static func characterToByteOffsets(_ text: String) -> [Int] {
    var offsets: [Int] = []
    offsets.reserveCapacity(text.unicodeScalars.count + 1)
    var byte = 0
    for scalar in text.unicodeScalars {
      offsets.append(byte)
      byte += String(scalar).utf8.count
    }
    offsets.append(byte)
    return offsets
  }
}
