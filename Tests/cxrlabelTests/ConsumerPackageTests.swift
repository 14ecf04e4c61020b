import Foundation
import Testing

/// A separate SwiftPM package that depends on cxrlabel by path and prints labels as the README shows them.
@Suite("A package that uses CXRLabel")
struct ConsumerPackageTests {
  let scratch = ScratchDirectory()

  @Test func printsLabelsAsTheReadmeShows() throws {
    let package = scratch.path("consumer")
    try FileManager.default.createDirectory(atPath: package + "/Sources/consumer", withIntermediateDirectories: true)
    // A path dependency's package identity is its folder's name, in lower case.
    let identity = URL(fileURLWithPath: CommandLineTests.packageRoot).lastPathComponent.lowercased()
    try """
      // swift-tools-version:6.0
      import PackageDescription
      let package = Package(
        name: "consumer",
        dependencies: [.package(path: "\(CommandLineTests.packageRoot)")],
        targets: [.executableTarget(name: "consumer", dependencies: [.product(name: "CXRLabel", package: "\(identity)")])]
      )
      """.write(toFile: package + "/Package.swift", atomically: true, encoding: .utf8)
    try """
      import CXRLabel
      let labeler = try Labeler.chexpert()
      let labels = labeler.label("No pleural effusion. Mild cardiomegaly.")
      print(labels)
      print(labels[.pleuralEffusion]!)
      """.write(toFile: package + "/Sources/consumer/main.swift", atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swift", "run", "--package-path", package, "consumer"]
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
    #expect(output.hasSuffix("[Cardiomegaly: 1, Pleural Effusion: 0]\n0\n"), "\(output)")
  }
}
