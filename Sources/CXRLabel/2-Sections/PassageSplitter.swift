/// Splits a report into passages at section titles, as NegBio's `section_split` does: every match of the title
/// pattern becomes its own passage, the text between titles another; passages are trimmed (offsets kept) and
/// empty ones dropped.
public struct PassageSplitter: Sendable {
  let titles: PCRE2Pattern

  /// The lines of a title file (any line ending), with `#` comment lines blanked, so that line k of the result
  /// is line k of the file.
  static func titleLines(_ text: String) -> [String] {
    text.universalLines.map { $0.hasPrefix("#") ? "" : String($0) }
  }

  /// Creates a splitter from title patterns, one per line as in NegBio's title files (empty lines skipped;
  /// `titleLines[k]` is line k + 1 of `file`, for messages), joined into one alternation and matched
  /// case-insensitively across lines.
  public init(titleLines: [String], file: String = "<titles>") throws(CXRLabelError) {
    let options: PatternOptions = [.caseless, .multiline, .utf]
    let lines = titleLines.filter { !$0.isEmpty }
    guard !lines.isEmpty else {
      // An empty alternation would match at every byte and cut every report into one-byte passages.
      throw CXRLabelError(
        .invalidInput, "The section-title file has no title pattern.", at: .init(file: file),
        hint: "Put one regular expression per line (lines starting with # are comments).")
    }
    do {
      titles = try PCRE2Pattern(lines.joined(separator: "|"), options: options)
    } catch {
      // Name the line at fault, if one is wrong on its own.
      for (index, line) in titleLines.enumerated() where !line.isEmpty {
        do {
          _ = try PCRE2Pattern(line, options: options)
        } catch {
          throw CXRLabelError(
            .invalidRegex, error.message, at: .init(file: file, line: index + 1),
            hint: "Each line of a section-title file is one regular expression (PCRE2, as Python's re reads it).")
        }
      }
      throw CXRLabelError(.invalidRegex, error.message, at: .init(file: file))
    }
  }

  /// The passage byte ranges of `text`.
  public func passages(_ text: [UInt8]) -> [Range<Int>] {
    text.withUnsafeBufferPointer { buffer in
      var pieces: [Range<Int>] = []
      var last = 0
      let scratch = MatchScratch()
      titles.forEachMatch(in: buffer, scratch: scratch) { match in
        if match.lowerBound > last { pieces.append(last..<match.lowerBound) }
        pieces.append(match)
        last = match.upperBound
      }
      if last < buffer.count { pieces.append(last..<buffer.count) }
      return pieces.compactMap { trimmed($0, buffer) }
    }
  }

  private func trimmed(_ range: Range<Int>, _ buffer: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, PythonText.whitespaceWidth(buffer, at: lower) > 0 {
      lower += PythonText.whitespaceWidth(buffer, at: lower)
    }
    while upper > lower {
      var start = upper - 1
      while start > lower, buffer[start] & 0xC0 == 0x80 { start -= 1 }
      if PythonText.whitespaceWidth(buffer, at: start) == upper - start { upper = start } else { break }
    }
    return lower < upper ? lower..<upper : nil
  }
}
