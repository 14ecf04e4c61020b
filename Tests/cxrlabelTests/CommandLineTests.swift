import Foundation
import Testing

/// End-to-end: run the built `cxrlabel` binary on Fixtures/ and compare with the golden files there.
@Suite("cxrlabel command line", .serialized)
struct CommandLineTests {
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()
  static let fixtures = packageRoot + "/Fixtures"

  /// The `cxrlabel` binary beside the test bundle.
  static var binary: String {
    var url = Bundle.main.bundleURL
    while !FileManager.default.fileExists(atPath: url.appendingPathComponent("cxrlabel").path), url.path != "/" {
      url.deleteLastPathComponent()
    }
    return url.appendingPathComponent("cxrlabel").path
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  static func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID())-\(name)").path
  }

  @Test(arguments: [
    (["Fixtures/reports"], "mentions-reports.jsonl"),
    (["Fixtures/reports.csv"], "mentions-reports-csv.jsonl"),
    (["--no-header", "Fixtures/reports-noheader.csv"], "mentions-reports-noheader.jsonl"),
  ])
  func mentionsMatchTheGoldenFiles(arguments: [String], golden: String) throws {
    let output = Self.temporaryPath("m.jsonl")
    let inputs = arguments.map { $0.hasPrefix("Fixtures/") ? Self.packageRoot + "/" + $0 : $0 }
    let result = try Self.run(["mentions"] + inputs + ["-o", output, "--jobs", "2"])
    #expect(result.status == 0, "\(result.stderr)")
    let expected = try String(contentsOfFile: Self.fixtures + "/expected/" + golden, encoding: .utf8)
    let actual = try String(contentsOfFile: output, encoding: .utf8)
    #expect(actual == expected)
  }

  @Test func outputIsTheSameForAnyNumberOfJobs() throws {
    let one = try Self.run(["mentions", Self.fixtures + "/reports", "--jobs", "1"])
    let two = try Self.run(["mentions", Self.fixtures + "/reports", "--jobs", "2"])
    #expect(one.status == 0 && one.stdout == two.stdout && !one.stdout.isEmpty)
  }

  @Test func summaryCountsStudiesAndNotes() throws {
    let result = try Self.run(["mentions", Self.fixtures + "/reports"])
    #expect(result.stderr.contains("7 studies read, 7 written"))
    #expect(result.stderr.contains("empty text): 1"))
  }

  @Test func missingInputIsAClearError() throws {
    let result = try Self.run(["mentions", "/no/such/dir"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("No such file or directory: /no/such/dir"))
  }

  @Test func malformedCSVNamesTheLineAndFailsTheRun() throws {
    let path = Self.temporaryPath("bad.csv")
    try "study_id,report\na,fine\nb,\"open\n".write(toFile: path, atomically: true, encoding: .utf8)
    let result = try Self.run(["mentions", path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(path):3:"))
    #expect(result.stderr.contains("2 studies read, 1 written"))
    #expect(result.stdout.contains("\"study_id\":\"a\""))
  }

  @Test func standardInputIsOneReport() throws {
    let result = try Self.run(["mentions", "-"], stdin: "Small left pleural effusion.")
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"observation\":\"Pleural Effusion\""))
  }

  @Test func invalidPhraseFileNamesFileAndLine() throws {
    let path = Self.temporaryPath("bad.phrases")
    try "[Ribs]\nmention rib(\n".write(toFile: path, atomically: true, encoding: .utf8)
    let result = try Self.run(["mentions", "--phrases", path, Self.fixtures + "/reports.csv"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("\(path):2"))
  }

  @Test func helpTeaches() throws {
    let result = try Self.run(["--help"])
    #expect(result.stdout.contains("Examples:"))
    #expect(result.stdout.contains("mentions"))
  }

  @Test func noPartialOutputFileOnFailure() throws {
    let output = Self.temporaryPath("never.jsonl")
    let result = try Self.run(["mentions", "/no/such/dir", "-o", output])
    #expect(result.status != 0)
    #expect(!FileManager.default.fileExists(atPath: output))
  }
}
