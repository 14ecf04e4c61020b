import Foundation
import Testing

/// A separate SwiftPM package built from the README's own `Package.swift` lines and library example, depending on
/// this clone by path, run on the fixture tree.
@Suite("A package that uses CXRLabel")
struct ConsumerPackageTests {
  let scratch = ScratchDirectory()

  /// The README's fenced `swift` blocks under `## Library`, in order.
  static func readmeLibraryBlocks() throws -> [String] {
    let readme = try String(contentsOfFile: CommandLineTests.packageRoot + "/README.md", encoding: .utf8)
    guard let start = readme.range(of: "\n## Library\n"),
      let end = readme.range(of: "\n## ", range: start.upperBound..<readme.endIndex)
    else { return [] }
    let section = readme[start.upperBound..<end.lowerBound]
    return section.components(separatedBy: "```swift\n").dropFirst().compactMap {
      $0.components(separatedBy: "```").first
    }
  }

  @Test func theReadmePackageAndExampleBuildAndPrintWhatTheReadmeSays() throws {
    let blocks = try Self.readmeLibraryBlocks()
    try #require(blocks.count == 2, "the README's library section has a Package.swift block and an example block")
    #expect(blocks[0].contains(".package(path: \"../cxrlabel\")"))
    let package = scratch.path("myproject")
    try FileManager.default.createDirectory(atPath: package + "/Sources/myproject", withIntermediateDirectories: true)
    // A path dependency's package identity is its folder's name, in lower case: this clone's, here.
    let identity = URL(fileURLWithPath: CommandLineTests.packageRoot).lastPathComponent.lowercased()
    let manifest = blocks[0]
      .replacingOccurrences(of: "\"../cxrlabel\"", with: "\"\(CommandLineTests.packageRoot)\"")
      .replacingOccurrences(of: "package: \"cxrlabel\"", with: "package: \"\(identity)\"")
    try manifest.write(toFile: package + "/Package.swift", atomically: true, encoding: .utf8)
    try blocks[1].write(toFile: package + "/Sources/myproject/main.swift", atomically: true, encoding: .utf8)
    // The example labels `files/`: the fixture tree, from the folder it runs in.
    try FileManager.default.copyItem(atPath: CommandLineTests.fixtures + "/reports/files", toPath: package + "/files")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swift", "run", "--package-path", package, "myproject"]
    process.currentDirectoryURL = URL(fileURLWithPath: package)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let errors = CommandLineTests.ErrorPipeReader(err.fileHandleForReading)
    let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let log = String(decoding: errors.wait(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(log)")
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // Each `print` line of the example says in its comment what it prints.
    let promised = blocks[1].split(separator: "\n").filter { $0.hasPrefix("print(") }.compactMap { line in
      line.components(separatedBy: "// ").dropFirst().first?.components(separatedBy: "  (").first?
        .trimmingCharacters(in: .whitespaces)
    }
    #expect(promised == ["[Cardiomegaly: 1, Pleural Effusion: 0]", "0", "[]", "[Pneumonia: -1]"])
    #expect(Array(lines.prefix(promised.count)) == promised, "\(output)")
    // The corpus loop: one line per study of the tree, in path order, as `cxrlabel` writes the ids and rows.
    let cli = try CommandLineTests.run([CommandLineTests.fixtures + "/reports"])
    let studies = cli.stdout.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false)[1]
    }
    let corpus = lines.filter { $0.firstMatch(of: /^\d+ \[/) != nil }
    #expect(corpus.map { String($0.prefix { $0 != " " }) } == studies.map(String.init), "\(output)")
  }
}
