internal import Foundation

// MARK: - cxrlabel's own vocabulary format

extension Vocabulary {
  /// Parses cxrlabel's vocabulary format (see `Phrases/README.md`):
  ///
  ///     positions "over the" "in the"          # places that make a phrase positional
  ///     sides "" " left" " right"              # optional words after a position
  ///     [Cardiomegaly]
  ///     mention cardiomegaly                   # a note on what the term is for
  ///     mention the heart positional heart     # also unmention "<position><side> heart"
  ///     unmention "calcified nodul"
  ///
  /// Errors name the file and line.
  public static func parse(_ text: String, file: String) throws(CXRLabelError) -> Vocabulary {
    var entries: [Entry] = []
    var positions: [String] = []
    var sides: [String] = [""]
    var positional: [(entry: Int, target: String, source: CXRLabelError.Location)] = []
    for entry in DataFileLines(text, file: file, code: .invalidPhrases, hint: "See Phrases/README.md for the format.") {
      let line = entry.text
      let location = entry.location
      let trimmed = String(line).trimmingSpaces()
      if trimmed.hasPrefix("[") {
        guard trimmed.hasSuffix("]"), trimmed.count > 2 else { throw entry.error("A section is `[Observation Name]`.") }
        let name = String(trimmed.dropFirst().dropLast()).trimmingSpaces()
        if let existing = entries.firstIndex(where: { $0.observation.name == name }) {
          throw entry.error("[\(name)] is defined twice (first at line \(existing)); merge the two sections.")
        }
        entries.append(Entry(observation: Observation(name)))
        continue
      }
      let split: LineFields
      do { split = try LineFields.split(line) } catch { throw entry.error(error.message, column: error.column) }
      guard let keyword = split.fields.first else { continue }
      let rest = Array(split.fields.dropFirst())
      switch keyword {
      case "positions", "sides":
        guard !rest.isEmpty else { throw entry.error("`\(keyword)` needs at least one quoted value.") }
        if keyword == "positions" { positions = rest } else { sides = rest }
      case "neutral":
        guard let current = entries.indices.last, !rest.isEmpty else {
          throw entry.error("A `neutral` line names a mention phrase, after an `[Observation]` section header.")
        }
        entries[current].neutral.append(rest.joined(separator: " "))
      case "mention", "unmention":
        guard let current = entries.indices.last else {
          throw entry.error("A `\(keyword)` line must follow an `[Observation]` section header.")
        }
        var words = rest
        var target: String? = nil
        if keyword == "mention", let marker = words.firstIndex(of: "positional") {
          let after = words[(marker + 1)...]
          guard !after.isEmpty else {
            throw entry.error("`positional` needs the words to guard, e.g. `positional heart`.")
          }
          target = after.joined(separator: " ")
          words = Array(words[..<marker])
        }
        let phrase = words.joined(separator: " ")
        guard !phrase.isEmpty else { throw entry.error("The phrase is empty; an empty phrase would match everywhere.") }
        do { _ = try PCRE2Pattern(phrase) } catch { throw entry.error(error.message) }
        if keyword == "mention" {
          entries[current].mentions.append(Phrase(phrase, source: location))
          if let target { positional.append((current, target, location)) }
        } else {
          entries[current].unmentions.append(Phrase(phrase, source: location))
        }
      default:
        throw entry.error(
          "Unknown keyword `\(keyword)`; expected `[Observation]`, `mention`, `unmention`, `neutral`, `positions` or `sides`."
        )
      }
    }
    if !positional.isEmpty && positions.isEmpty {
      throw CXRLabelError(
        .invalidPhrases, "Phrases are marked `positional` but no `positions` line says which places.",
        at: .init(file: file), hint: "Add e.g. `positions \"over the\" \"in the\"` at the top.")
    }
    for item in positional {
      for position in positions {
        for side in sides {
          entries[item.entry].unmentions.append(Phrase(position + side + " " + item.target, source: item.source))
        }
      }
    }
    return Vocabulary(entries: entries).markingNeutral()
  }
}

// MARK: - The original labeler's directory layout

extension Vocabulary {
  /// The positional prefixes the CheXpert labeler generates unmentions from.
  static let chexpertPositions = ["over the", "overly the", "in the"]
  /// The optional words after a positional prefix.
  static let chexpertSides = ["", " superior", " left", " right"]

  /// Loads the CheXpert labeler's layout: one `*.txt` file per observation in `mentionDirectory` and
  /// `unmentionDirectory` (observation = file stem, `_` → space, title case; each line stripped, then `_` → space),
  /// plus the labeler's generated positional unmentions for Cardiomegaly and Enlarged Cardiomediastinum, which
  /// replace any file unmentions of those two.
  public static func loadOriginal(mentionDirectory: String, unmentionDirectory: String)
    throws(CXRLabelError) -> Vocabulary
  {
    let mentions = try loadOriginalDirectory(mentionDirectory)
    let unmentions = try loadOriginalDirectory(unmentionDirectory)
    guard !mentions.isEmpty else {
      throw CXRLabelError(
        .invalidPhrases, "No *.txt phrase files in \(mentionDirectory).",
        hint: "Point --mention-phrases at a directory with one <observation>.txt file per observation.")
    }
    var entries: [Entry] = mentions.map { Entry(observation: $0.observation, mentions: $0.phrases) }
    for unmention in unmentions {
      if let index = entries.firstIndex(where: { $0.observation == unmention.observation }) {
        entries[index].unmentions = unmention.phrases
      } else {
        entries.append(Entry(observation: unmention.observation, unmentions: unmention.phrases))
      }
    }
    let positional = chexpertPositions.flatMap { position in chexpertSides.map { position + $0 } }
    for index in entries.indices {
      let entry = entries[index]
      if entry.observation == .cardiomegaly {
        entries[index].unmentions = positional.flatMap { prefix in
          entry.mentions.filter { !["cardiomegaly", "cardiac enlargement"].contains($0.pattern) }.map {
            Phrase(prefix + " " + $0.pattern.replacingOccurrences(of: "the ", with: ""), source: $0.source)
          }
        }
      } else if entry.observation == .enlargedCardiomediastinum {
        entries[index].unmentions = positional.flatMap { prefix in
          entry.mentions.map { Phrase(prefix + " " + $0.pattern, source: $0.source) }
        }
      }
    }
    return Vocabulary(entries: entries)
  }

  private static func loadOriginalDirectory(_ directory: String) throws(CXRLabelError)
    -> [(observation: Observation, phrases: [Phrase])]
  {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory)
    } catch {
      throw CXRLabelError(
        .unreadable, "Cannot list the phrase directory \(directory).", hint: "Check that it exists and is readable.")
    }
    var result: [(Observation, [Phrase])] = []
    for name in names.sorted() where name.hasSuffix(".txt") {
      let path = directory + "/" + name
      guard let data = FileManager.default.contents(atPath: path) else {
        throw CXRLabelError(.unreadable, "Cannot read \(path).")
      }
      let text = try LabelerSettings.utf8Text(Array(data), path: path)
      var phrases: [Phrase] = []
      let lines = DataFileLines(text, file: path, code: .invalidPhrases, hint: "One phrase per line.")
      for entry in lines {
        let line = entry.text
        let location = entry.location
        let phrase = line.trimmingCharacters(in: .whitespacesAndNewlines).replacingUnderscores()
        guard !phrase.isEmpty else {
          throw CXRLabelError(
            .invalidPhrases, "Empty phrase; the original labeler would match it everywhere.", at: location,
            hint: "Delete the blank line.")
        }
        do { _ = try PCRE2Pattern(phrase) } catch {
          throw CXRLabelError(.invalidPhrases, error.message, at: location)
        }
        phrases.append(Phrase(phrase, source: location))
      }
      result.append((Observation(fileStem: String(name.dropLast(4))), phrases))
    }
    return result
  }
}

// MARK: - NegBio's YAML vocabulary

extension Vocabulary {
  /// The positional prefixes NegBio's MIMIC-CXR branch generates unmentions from.
  static let negbioPositions = chexpertPositions + ["assessment of", "diameter of"]

  /// Loads NegBio's YAML vocabulary (`chexpert_phrases.yml`: per observation, `include` and `exclude` lists),
  /// plus the positional unmentions NegBio generates for Cardiomegaly and Enlarged Cardiomediastinum.
  public static func loadNegBioYAML(_ text: String, file: String) throws(CXRLabelError) -> Vocabulary {
    var entries: [Entry] = []
    var list: String? = nil
    let lines = DataFileLines(
      text, file: file, code: .invalidPhrases,
      hint: "NegBio's vocabulary: per observation, `include:` and `exclude:` lists.")
    for entry in lines {
      let rawLine = entry.text
      let location = entry.location
      let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
      let trimmed = line.trimmingSpaces()
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      if !line.hasPrefix(" "), trimmed.hasSuffix(":") {
        entries.append(Entry(observation: Observation(String(trimmed.dropLast()))))
        list = nil
      } else if trimmed == "include:" || trimmed == "exclude:" {
        list = String(trimmed.dropLast())
      } else if trimmed.hasPrefix("- "), let current = entries.indices.last, let list {
        var value = String(trimmed.dropFirst(2)).trimmingSpaces()
        if value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") {
          value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        } else if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
          value = String(value.dropFirst().dropLast())
        }
        guard !value.isEmpty else {
          throw CXRLabelError(.invalidPhrases, "Empty phrase.", at: location)
        }
        do { _ = try PCRE2Pattern(value) } catch { throw CXRLabelError(.invalidPhrases, error.message, at: location) }
        if list == "include" {
          entries[current].mentions.append(Phrase(value, source: location))
        } else {
          entries[current].unmentions.append(Phrase(value, source: location))
        }
      } else {
        throw CXRLabelError(
          .invalidPhrases, "Expected `Observation:`, `include:`, `exclude:` or `- phrase`.", at: location,
          hint: "NegBio's vocabulary is a YAML map of observations to include/exclude lists.")
      }
    }
    let positional = negbioPositions.flatMap { position in chexpertSides.map { position + $0 } }
    for index in entries.indices {
      let entry = entries[index]
      if entry.observation == .cardiomegaly {
        entries[index].unmentions += positional.flatMap { prefix in
          entry.mentions.filter { !["cardiomegaly", "cardiac enlargement"].contains($0.pattern) }.map {
            Phrase(prefix + " " + $0.pattern.replacingOccurrences(of: "the ", with: ""), source: $0.source)
          }
        }
      } else if entry.observation == .enlargedCardiomediastinum {
        entries[index].unmentions += positional.flatMap { prefix in
          entry.mentions.map { Phrase(prefix + " " + $0.pattern, source: $0.source) }
        }
      }
    }
    return Vocabulary(entries: entries)
  }
}
