import Foundation
import Testing

/// One convention across outputs (issue 15, item 1): offsets in code points, every observation in JSON labels,
/// and no header-only file from a run that failed on its header.
@Suite("Output conventions", .serialized)
struct OutputConventionsTests {
  let scratch = ScratchDirectory()

  /// `mentions` wrote byte offsets and `--explain` code points: with NegBio's untouched text they differed.
  @Test func offsetsCountCodePointsInEveryOutput() throws {
    let text = "Évaluation – no effusion."
    let mentions = try CommandLineTests.run(["mentions", "-", "--labeler", "negbio"], stdin: text)
    #expect(mentions.status == 0, "\(mentions.stderr)")
    let lines = mentions.stdout.split(separator: "\n").map {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    let mention = try #require(lines.compactMap { $0 }.first { $0["observation"] as? String == "Pleural Effusion" })
    let start = try #require(mention["start"] as? Int)
    let end = try #require(mention["end"] as? Int)
    let scalars = Array(text.unicodeScalars)
    #expect(start == 16 && end == 24)
    #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "effusion")
    let explain = scratch.path("why.jsonl")
    let labelled = try CommandLineTests.run(["-", "--labeler", "negbio", "--explain", explain], stdin: text)
    #expect(labelled.status == 0)
    #expect(try String(contentsOfFile: explain, encoding: .utf8).contains("\"start\":16,\"end\":24"))
  }

  /// `label -o x.jsonl` and `--explain` listed only mentioned observations, `judge` all 14: now every output has
  /// all 14, `null` for blank.
  @Test func jsonLabelsHaveEveryObservation() throws {
    let output = scratch.path("labels.jsonl")
    let result = try CommandLineTests.run(["-", "-o", output], stdin: "No pleural effusion.")
    #expect(result.status == 0)
    let line = try String(contentsOfFile: output, encoding: .utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    let labels = try #require(object["labels"] as? [String: Any])
    #expect(labels.count == 14)
    #expect(labels["Pleural Effusion"] as? Int == 0)
    #expect(labels["Edema"] is NSNull)
  }

  /// A missing --text-column failed the run but left a file holding only the header.
  @Test func aRunThatFailsOnItsHeaderLeavesNoFile() throws {
    let input = scratch.path("reports.csv")
    try "id,text\n1,No effusion.\n".write(toFile: input, atomically: true, encoding: .utf8)
    let output = scratch.path("labels.csv")
    let result = try CommandLineTests.run([input, "-o", output])
    #expect(result.status != 0)
    #expect(result.stderr.contains("no column \"report\""))
    #expect(!FileManager.default.fileExists(atPath: output))
  }
}

/// Small interface fixes (issue 15, item 4).
@Suite("Interface details", .serialized)
struct InterfaceDetailsTests {
  let scratch = ScratchDirectory()

  /// A CSV whose header names only the report column needed --no-header, which then read the header as a report.
  @Test func aHeaderWithOnlyTheReportColumnNumbersTheRows() throws {
    let input = scratch.path("only.csv")
    try "report\nNo effusion.\nEdema.\n".write(toFile: input, atomically: true, encoding: .utf8)
    let result = try CommandLineTests.run([input])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = result.stdout.split(separator: "\n")
    #expect(rows.count == 3 && rows[1].hasPrefix(",1,") && rows[2].hasPrefix(",2,"))
  }

  /// Warnings name the file and line where there is one.
  @Test func warningsNameTheFileAndLine() throws {
    let input = scratch.path("latin1.csv")
    try Data(
      "study_id,report\n7,\"Small effusion,\nno \"\"edema\"\" \u{00E9}\"\n8,Caf".utf8 + [0xE9] + Data(".\n".utf8)
    )
    .write(to: URL(fileURLWithPath: input))
    let result = try CommandLineTests.run([input])
    #expect(result.status == 0)
    #expect(result.stderr.contains("warning: \(input):4: 8: invalid UTF-8 replaced"))
  }
}

extension InterfaceDetailsTests {
  /// `--labeler` read differently in every command's help.
  @Test func labelerReadsTheSameInEveryCommand() throws {
    let helps = try ["label", "mentions", "judge"].map { try CommandLineTests.run([$0, "--help"]).stdout }
    let lines = helps.map { help -> String in
      let lines = help.split(separator: "\n").map(String.init)
      guard let start = lines.firstIndex(where: { $0.hasPrefix("  --labeler <chexpert|negbio>") }) else { return "" }
      return lines[start...].prefix(4).joined(separator: "\n")
    }
    #expect(!lines[0].isEmpty && lines.allSatisfy { $0 == lines[0] })
  }
}

/// Progress with an end (issue 15, item 2), seen through a pseudo-terminal (`script`).
@Suite("Progress on a terminal", .serialized)
struct ProgressTests {
  let scratch = ScratchDirectory()

  /// Runs the binary with a terminal for standard output and error; returns what the terminal showed.
  func onTerminal(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    let command = ([CommandLineTests.binary] + arguments).map { "'\($0)'" }.joined(separator: " ")
    process.arguments = ["-qec", command, "/dev/null"]
    let out = Pipe()
    process.standardOutput = out
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/script"), "needs script(1) for a terminal"))
  func progressHasATotalAndStaysOffTheRows() throws {
    let input = scratch.path("many.csv")
    var text = "study_id,report\n"
    for index in 0..<4000 {
      text += "\(index),No pleural effusion. Possible left lower lobe pneumonia versus atelectasis.\n"
    }
    try text.write(toFile: input, atomically: true, encoding: .utf8)
    let toFile = try onTerminal([input, "-o", scratch.path("out.csv"), "--jobs", "1"])
    let lines = toFile.split(separator: "\r").map(String.init)
    let progress = lines.filter { $0.contains("studies of about") }
    #expect(!progress.isEmpty, "\(toFile)")
    #expect(
      progress.allSatisfy { $0.contains("% ") || $0.contains("%)") } && progress.allSatisfy { $0.contains(" left") })
    // A short run shows nothing, and rows on the terminal never share it with a progress line.
    let short = try onTerminal([CommandLineTests.fixtures + "/reports", "-o", scratch.path("short.csv")])
    #expect(!short.contains("studies,") && !short.contains("studies of"), "\(short)")
    let rows = try onTerminal([input, "--jobs", "1"])
    #expect(!rows.contains("studies of about") && rows.contains("3999,"))
  }
}

extension OutputConventionsTests {
  /// JSON Lines kept `s`/`p` while the CSV layouts dropped them: every output of a run now writes the same id.
  @Test func everyOutputWritesTheSameIds() throws {
    let tree = CommandLineTests.fixtures + "/reports"
    let csv = try CommandLineTests.run([tree])
    let jsonl = scratch.path("labels.jsonl")
    let explain = scratch.path("why.jsonl")
    _ = try CommandLineTests.run([tree, "-o", jsonl, "--explain", explain])
    let mentions = try CommandLineTests.run(["mentions", tree])
    let csvIDs = csv.stdout.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false)[1]
    }
    func ids(_ text: String) -> [String] {
      text.split(separator: "\n").compactMap { line in
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?.flatMap {
          $0["clean"] == nil && $0["labels"] == nil ? nil : $0["study_id"] as? String
        }
      }
    }
    #expect(
      csvIDs.map(String.init) == ["50000001", "50000002", "50000003", "50000004", "50000005", "50000006", "58235663"])
    #expect(ids(try String(contentsOfFile: jsonl, encoding: .utf8)) == csvIDs.map(String.init))
    #expect(ids(try String(contentsOfFile: explain, encoding: .utf8)) == csvIDs.map(String.init))
    #expect(ids(mentions.stdout) == csvIDs.map(String.init))
  }
}

extension InterfaceDetailsTests {
  /// The usage line after an error names the command that failed.
  @Test func theUsageLineNamesTheFailingCommand() throws {
    for (arguments, usage) in [
      (["eval", "x.csv"], "Usage: cxrlabel eval"), (["mentions"], "Usage: cxrlabel mentions"),
      (["sections"], "Usage: cxrlabel sections"), (["x.csv", "--jobs", "0"], "Usage: cxrlabel label"),
      (["data", "export"], "Usage: cxrlabel data export"),
    ] {
      let result = try CommandLineTests.run(arguments)
      #expect(result.status != 0 && result.stderr.contains(usage), "\(arguments): \(result.stderr)")
    }
  }
}
