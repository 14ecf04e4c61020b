/// Reads a file (gzip or plain) line by line, holding one line and one read buffer at a time.
public final class LineReader {
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
    while true {
      if let newline = buffer[position...].firstIndex(of: 0x0A) {
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
      if try file.read(into: &buffer) == 0 { atEnd = true }
    }
  }
}
