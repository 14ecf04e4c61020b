/// The facts a Punkt sentence splitter needs about a language: which word types are abbreviations, which word
/// pairs are collocations, which words often start sentences, and how words were seen capitalised.
///
/// cxrlabel ships its own English facts (`Phrases/data/punkt-english.facts`); `load(originalDirectory:)` reads
/// NLTK's four plain-text tables (`abbrev_types.txt`, `collocations.tsv`, `sent_starters.txt`,
/// `ortho_context.tsv`) for users who want to check against them.
public struct PunktModel: Sendable {
  /// Orthographic-context flags, as Punkt records them per word type.
  public struct Ortho: OptionSet, Sendable, Hashable {
    /// The raw flag bits (NLTK's values).
    public let rawValue: UInt8
    /// Creates flags from NLTK's bit values.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Seen capitalised at a sentence start.
    public static let beginUpper = Ortho(rawValue: 1 << 1)
    /// Seen capitalised inside a sentence.
    public static let middleUpper = Ortho(rawValue: 1 << 2)
    /// Seen capitalised where the position was unknown.
    public static let unknownUpper = Ortho(rawValue: 1 << 3)
    /// Seen lowercase at a sentence start.
    public static let beginLower = Ortho(rawValue: 1 << 4)
    /// Seen lowercase inside a sentence.
    public static let middleLower = Ortho(rawValue: 1 << 5)
    /// Seen lowercase where the position was unknown.
    public static let unknownLower = Ortho(rawValue: 1 << 6)
    /// Any capitalised sighting.
    public static let upper: Ortho = [.beginUpper, .middleUpper, .unknownUpper]
    /// Any lowercase sighting.
    public static let lower: Ortho = [.beginLower, .middleLower, .unknownLower]
  }

  /// Word types (lowercase, without the final period) that are abbreviations.
  public var abbreviations: Set<String>
  /// Pairs of word types (`first + "\t" + second`) that form collocations across a period.
  public var collocations: Set<String>
  /// Word types that frequently start sentences.
  public var sentenceStarters: Set<String>
  /// Orthographic context per word type; types not listed have no recorded sightings.
  public var orthography: [String: Ortho]

  /// Creates a model from its four tables.
  public init(
    abbreviations: Set<String>, collocations: Set<String>, sentenceStarters: Set<String>,
    orthography: [String: Ortho]
  ) {
    self.abbreviations = abbreviations
    self.collocations = collocations
    self.sentenceStarters = sentenceStarters
    self.orthography = orthography
  }

  /// Parses cxrlabel's facts format: one fact per line, `#` comments.
  ///
  ///     abbreviation  dr
  ///     collocation   ##number##  review
  ///     starter       however
  ///     seen          administrators  begin-lower middle-lower
  ///
  /// `seen` lists a word's orthographic sightings by name (`begin-upper`, `middle-upper`, `unknown-upper`,
  /// `begin-lower`, `middle-lower`, `unknown-lower`).
  public static func parse(facts text: String, file: String) throws(CXRLabelError) -> PunktModel {
    var model = PunktModel(abbreviations: [], collocations: [], sentenceStarters: [], orthography: [:])
    let names: [String: Ortho] = [
      "begin-upper": .beginUpper, "middle-upper": .middleUpper, "unknown-upper": .unknownUpper,
      "begin-lower": .beginLower, "middle-lower": .middleLower, "unknown-lower": .unknownLower,
    ]
    for entry in DataFileLines(
      text, file: file, code: .invalidModel, hint: "Fix the line; see Phrases/README.md for the format.")
    {
      let fields = try entry.fields().fields
      guard let keyword = fields.first else { continue }
      switch (keyword, fields.count) {
      case ("abbreviation", 2): model.abbreviations.insert(fields[1])
      case ("collocation", 3): model.collocations.insert(fields[1] + "\t" + fields[2])
      case ("starter", 2): model.sentenceStarters.insert(fields[1])
      case ("seen", 3...):
        var flags: Ortho = []
        for name in fields.dropFirst(2) {
          guard let flag = names[name] else { throw entry.error("Unknown sighting \"\(name)\".") }
          flags.insert(flag)
        }
        model.orthography[fields[1]] = flags
      default:
        throw entry.error(
          "Expected `abbreviation WORD`, `collocation WORD WORD`, `starter WORD` or `seen WORD FLAG...`.")
      }
    }
    return model
  }

  /// Builds a model from NLTK's four plain-text tables (the `punkt_tab` layout), given their contents.
  public static func parse(
    abbreviations: String, collocations: String, sentenceStarters: String, orthography: String,
    orthographyFile: String
  ) throws(CXRLabelError) -> PunktModel {
    func lines(_ text: String) -> [Substring] {
      text.universalLines.filter { !$0.isEmpty }
    }
    var ortho: [String: Ortho] = [:]
    let table = DataFileLines(
      orthography, file: orthographyFile, code: .invalidModel,
      hint: "NLTK's ortho_context.tsv has one `word<TAB>flags` pair per line.")
    for entry in table where !entry.text.isEmpty {
      let fields = entry.text.split(separator: "\t")
      guard fields.count == 2, let value = UInt8(fields[1]) else { throw entry.error("Expected `word<TAB>flags`.") }
      ortho[String(fields[0])] = Ortho(rawValue: value)
    }
    return PunktModel(
      abbreviations: Set(lines(abbreviations).map(String.init)),
      collocations: Set(lines(collocations).map { String($0) }),
      sentenceStarters: Set(lines(sentenceStarters).map(String.init)),
      orthography: ortho)
  }
}
