/// An error from cxrlabel: what went wrong, where, and what to do about it.
///
/// `code` says which kind of failure it is; `location` names the file (and line and column when known);
/// `description` reads as sentences a user can act on.
public struct CXRLabelError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The kind of failure. A struct over an internal enum so new kinds can be added without breaking users.
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    enum Storage: String, Sendable, Hashable {
      case unreadable = "unreadable input"
      case noReports = "no reports"
      case malformedCSV = "malformed CSV"
      case missingColumn = "missing CSV column"
      case invalidPhrases = "invalid phrase file"
      case invalidRules = "invalid rule file"
      case invalidRegex = "invalid regular expression"
      case invalidModel = "invalid model file"
      case unwritable = "unwritable output"
      case compression = "compression failure"
      case invalidArgument = "invalid argument"
      case invalidInput = "invalid input"
    }
    let storage: Storage
    /// An input path could not be read.
    public static let unreadable = Code(storage: .unreadable)
    /// A directory held no report files.
    public static let noReports = Code(storage: .noReports)
    /// A CSV file could not be parsed.
    public static let malformedCSV = Code(storage: .malformedCSV)
    /// A CSV header lacks a requested column.
    public static let missingColumn = Code(storage: .missingColumn)
    /// A phrase (vocabulary) file is malformed.
    public static let invalidPhrases = Code(storage: .invalidPhrases)
    /// A rule file is malformed.
    public static let invalidRules = Code(storage: .invalidRules)
    /// A regular expression did not compile.
    public static let invalidRegex = Code(storage: .invalidRegex)
    /// A model or table file (sentence splitter, sections) is malformed.
    public static let invalidModel = Code(storage: .invalidModel)
    /// An output file could not be written.
    public static let unwritable = Code(storage: .unwritable)
    /// zlib reported a failure.
    public static let compression = Code(storage: .compression)
    /// A caller passed an argument that cannot work.
    public static let invalidArgument = Code(storage: .invalidArgument)
    /// An input record is not what was expected.
    public static let invalidInput = Code(storage: .invalidInput)
    /// A short name for the kind, used in run summaries.
    public var description: String { storage.rawValue }
  }

  /// Where the problem is: a file, optionally a 1-based line and column.
  public struct Location: Sendable, Hashable, CustomStringConvertible {
    /// The file (or input name such as `<stdin>`).
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column, when known.
    public var column: Int?
    /// Creates a location.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
      self.file = file
      self.line = line
      self.column = column
    }
    /// `file:line:column` as compilers print it.
    public var description: String {
      var text = file
      if let line { text += ":\(line)" }
      if let column { text += ":\(column)" }
      return text
    }
  }

  /// The kind of failure.
  public var code: Code
  /// What happened, as a sentence.
  public var message: String
  /// Where, when it is about a file.
  public var location: Location?
  /// What the user can do about it, as a sentence.
  public var hint: String?

  /// Creates an error.
  public init(_ code: Code, _ message: String, at location: Location? = nil, hint: String? = nil) {
    self.code = code
    self.message = message
    self.location = location
    self.hint = hint
  }

  /// The full message: location, what happened, and what to do.
  public var description: String {
    var text = ""
    if let location { text += "\(location): " }
    text += message
    if let hint { text += " " + hint }
    return text
  }
}
