import Foundation
import Testing

/// Every public declaration of the library has a `///` comment (DocC's catalog, `Sources/CXRLabel/CXRLabel.docc`,
/// builds with no warnings from the README's test command).
@Suite("Documentation")
struct DocumentationTests {
  static let sources = TestPaths.packageRoot + "/Sources/CXRLabel"

  @Test func everyPublicDeclarationIsDocumented() throws {
    let files =
      FileManager.default.enumerator(atPath: Self.sources)?.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".swift") } ?? []
    #expect(files.count > 50)
    var undocumented: [String] = []
    let declaration =
      /^\s*public\s+(?:static\s+|final\s+|mutating\s+|nonisolated\s+|indirect\s+)*(?:func|var|let|init|struct|enum|class|typealias|subscript|case|protocol)\b/
    for file in files {
      let lines = try String(contentsOfFile: Self.sources + "/" + file, encoding: .utf8).components(separatedBy: "\n")
      for (index, line) in lines.enumerated() where line.firstMatch(of: declaration) != nil {
        // The comment may sit above attributes (`@inlinable`, `@discardableResult`).
        var previous = index - 1
        while previous >= 0, lines[previous].trimmingCharacters(in: .whitespaces).hasPrefix("@") { previous -= 1 }
        if previous < 0 || !lines[previous].trimmingCharacters(in: .whitespaces).hasPrefix("///") {
          undocumented.append("\(file):\(index + 1): \(line.trimmingCharacters(in: .whitespaces))")
        }
      }
    }
    #expect(undocumented.isEmpty, "\(undocumented.joined(separator: "\n"))")
  }

  @Test func theCatalogHasItsArticles() throws {
    let catalog = Self.sources + "/CXRLabel.docc"
    let articles = try FileManager.default.contentsOfDirectory(atPath: catalog).filter { $0.hasSuffix(".md") }.sorted()
    #expect(articles == ["AuditingALabel.md", "CXRLabel.md", "DataFiles.md", "LabellingACorpus.md", "Pipeline.md"])
    let landing = try String(contentsOfFile: catalog + "/CXRLabel.md", encoding: .utf8)
    for article in ["Pipeline", "LabellingACorpus", "DataFiles", "AuditingALabel"] {
      #expect(landing.contains("<doc:\(article)>"))
    }
  }
}
