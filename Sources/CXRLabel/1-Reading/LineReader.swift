/// Reads a file (gzip or plain) line by line, holding one line and one read buffer at a time.
package final class LineReader {
  private let file: ByteFileReader
  private var buffer: [UInt8] = []
  private var position = 0
  private var atEnd = false
  /// The 1-based number of the line last returned.
  public private(set) var lineNumber = 0
  /// The path, for messages.
  public var path: String { file.path }

  /// Opens `path` (`-` for standard input).
  public init(path: String) throws(CXRLabelError) {
    file = path == "-" ? try ByteFileReader(standardInput: ()) : try ByteFileReader(path: path)
  }

  /// The next line without its line break, or nil at the end.
  public func next() throws(CXRLabelError) -> String? {
    // Where the search for the next line break resumes: bytes before it (in the current line) have none, so a
    // line of many reads is scanned once, not once per read.
    var scanned = position
    while true {
      if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
        var end = newline
        if end > position, buffer[end - 1] == 0x0D { end -= 1 }
        let line = String(decoding: buffer[position..<end], as: UTF8.self)
        position = newline + 1
        lineNumber += 1
        return line
      }
      if atEnd {
        guard position < buffer.count else { return nil }
        let line = String(decoding: buffer[position...], as: UTF8.self)
        position = buffer.count
        lineNumber += 1
        return line
      }
      buffer.removeFirst(position)
      position = 0
      scanned = buffer.count
      if try file.read(into: &buffer) == 0 { atEnd = true }
    }
  }
}

/// One line of a file with its 1-based number, or the read error that ended the file.
public enum NumberedLine: Sendable {
  /// A line, without its line break.
  case line(String, number: Int)
  /// Reading failed here (e.g. a truncated gzip stream); nothing follows.
  case failure(CXRLabelError)
}

/// A `LineReader` as an iterator, for `forEachInOrder`: every line with its number, then at most one failure.
package struct NumberedLines: IteratorProtocol {
  private let reader: LineReader
  private var ended = false

  /// Iterates over `reader`'s remaining lines.
  public init(_ reader: LineReader) { self.reader = reader }

  /// The next line, the failure that ends the file, or nil.
  public mutating func next() -> NumberedLine? {
    guard !ended else { return nil }
    do {
      guard let line = try reader.next() else {
        ended = true
        return nil
      }
      return .line(line, number: reader.lineNumber)
    } catch {
      ended = true
      return .failure(error)
    }
  }
}
