/// One CSV record: its fields and the 1-based line it starts on.
struct CSVRecord {
  var fields: [[UInt8]]
  var line: Int
}

/// A streaming RFC 4180 CSV reader: comma-separated fields, `"`-quoted fields that may hold commas, quotes
/// (`""`) and line breaks, `\n` or `\r\n` record ends. Blank lines are skipped (as pandas does). Memory use
/// is one record plus one read buffer, whatever the file size.
final class CSVReader {
  private let source: ByteFileReader
  private var buffer: [UInt8] = []
  private var position = 0
  private var atEnd = false
  private var line = 1
  private var first = true

  /// Reads from an open file.
  init(_ source: ByteFileReader) { self.source = source }

  /// How much of the file has been read, from 0 to 1; nil when unknown.
  var fractionRead: Double? { source.fractionRead }

  /// The next record, nil at the end; throws `malformedCSV` naming the line of an unclosed quote.
  func next() throws(CXRLabelError) -> CSVRecord? {
    while true {
      guard let byte = try peek() else { return nil }
      if first {
        first = false
        // A UTF-8 byte-order mark is not part of the first field.
        if byte == 0xEF, try ensure(3), buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF {
          position += 3
          continue
        }
        // A zip (an .xlsx workbook renamed .csv) or other binary file would be read as garbage: name it.
        if try ensure(4),
          (buffer[position..<position + 4].elementsEqual([0x50, 0x4B, 0x03, 0x04])
            || buffer[position..<position + 4].contains(0)) && !(byte == 0xFF || byte == 0xFE)
        {
          let zip = buffer[position] == 0x50
          throw CXRLabelError(
            .invalidInput,
            zip
              ? "The file is a zip archive (an Excel .xlsx workbook?), not CSV text."
              : "The file is binary (it has NUL bytes), not CSV text.",
            at: .init(file: source.path),
            hint:
              "Save the spreadsheet as CSV (UTF-8), or in Python: pandas.read_excel(path).to_csv(\"reports.csv\", index=False)."
          )
        }
        // UTF-16 (Excel's "Unicode text", Windows tools) would be read as garbage: name it.
        if byte == 0xFF || byte == 0xFE, try ensure(2), buffer[position + 1] == (byte == 0xFF ? 0xFE : 0xFF) {
          throw CXRLabelError(
            .invalidInput, "The file is UTF-16 text; cxrlabel reads UTF-8.", at: .init(file: source.path),
            hint: FileEnding.gzip.matches(source.path)
              ? "Convert it first: gunzip -c \(source.path) | iconv -f UTF-16 -t UTF-8 > reports-utf8.csv"
              : "Convert it first: iconv -f UTF-16 -t UTF-8 \(source.path) > reports-utf8.csv")
        }
      }
      if byte == 0x0A {
        position += 1
        line += 1
        continue
      }
      if byte == 0x0D, try ensure(2), buffer[position + 1] == 0x0A {
        position += 2
        line += 1
        continue
      }
      return try record()
    }
  }

  private func record() throws(CXRLabelError) -> CSVRecord {
    let startLine = line
    var fields: [[UInt8]] = []
    var field: [UInt8] = []
    var quoted = false
    var quoteLine = line
    while true {
      guard let byte = try peek() else {
        if quoted {
          throw CXRLabelError(
            .malformedCSV, "A quoted field opened on line \(quoteLine) is never closed.",
            at: .init(file: source.path, line: quoteLine),
            hint: "Close the quote, or double any quote (\"\") inside the field.")
        }
        fields.append(field)
        return CSVRecord(fields: fields, line: startLine)
      }
      position += 1
      if quoted {
        if byte == 0x22 {
          if try peek() == 0x22 {
            position += 1
            field.append(0x22)
          } else {
            quoted = false
          }
        } else {
          if byte == 0x0A { line += 1 }
          field.append(byte)
        }
        continue
      }
      switch byte {
      case 0x2C:
        fields.append(field)
        field = []
      case 0x22 where field.isEmpty:
        quoted = true
        quoteLine = line
      case 0x0A:
        line += 1
        fields.append(field)
        return CSVRecord(fields: fields, line: startLine)
      case 0x0D where try peek() == 0x0A:
        position += 1
        line += 1
        fields.append(field)
        return CSVRecord(fields: fields, line: startLine)
      default:
        field.append(byte)
      }
    }
  }

  private func peek() throws(CXRLabelError) -> UInt8? {
    guard try ensure(1) else { return nil }
    return buffer[position]
  }

  /// Makes at least `count` bytes available from `position`; false if the file ends first.
  private func ensure(_ count: Int) throws(CXRLabelError) -> Bool {
    while buffer.count - position < count {
      if atEnd { return false }
      if position > 0 {
        buffer.removeFirst(position)
        position = 0
      }
      if try source.read(into: &buffer) == 0 { atEnd = true }
    }
    return true
  }
}
