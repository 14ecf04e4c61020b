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
  static var hasRealOriginal: Bool {
    FileManager.default.fileExists(atPath: shared + "/data/iu-xray-real/original-chexpert-dev.csv")
      && FileManager.default.fileExists(atPath: shared + "/data/generated-style/original-chexpert-dev.csv")
  }
  static var hasDevDetails: Bool {
    FileManager.default.fileExists(atPath: shared + "/data/iu-xray/reference-details-dev.jsonl")
  }
}

extension String {
  /// The UTF-8 bytes.
  var bytes: [UInt8] { Array(utf8) }
}

/// A directory for one test's files. Swift Testing makes a new suite instance for every test, so a suite that
/// holds one as a stored property gets a fresh directory per test, removed when the test ends.
final class ScratchDirectory: Sendable {
  /// The directory's path.
  let root: String

  init() {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("cxrlabel-tests-\(UUID())").path
    try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
  }

  /// A path inside the directory.
  func path(_ name: String) -> String { root + "/" + name }

  deinit { try? FileManager.default.removeItem(atPath: root) }
}
