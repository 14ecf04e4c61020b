import Foundation

/// Paths the tests use: the package root, our Fixtures/, and ../shared (present in CI, absent elsewhere).
enum TestPaths {
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()
  static let fixtures = packageRoot + "/Fixtures"
  static let shared = packageRoot + "/../shared"
  static var hasShared: Bool { FileManager.default.fileExists(atPath: shared + "/SPEC.md") }
  static var hasDevDetails: Bool {
    FileManager.default.fileExists(atPath: shared + "/data/iu-xray/reference-details-dev.jsonl")
  }
}

extension String {
  /// The UTF-8 bytes.
  var bytes: [UInt8] { Array(utf8) }
}
