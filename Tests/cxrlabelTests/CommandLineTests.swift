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
    // Standard error is drained on another thread: read one after the other, a child that fills the second
    // pipe (64 KB of warnings) while the first is still open would wait forever, and so would the test.
    let errorReader = ErrorPipeReader(err.fileHandleForReading)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = errorReader.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Reads a pipe to its end on a thread of its own.
  final class ErrorPipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
      Thread.detachNewThread { [self] in
        data = handle.readDataToEndOfFile()
        done.signal()
      }
    }

    /// Everything the pipe held, once it is closed.
    func wait() -> Data {
      done.wait()
      return data
    }
  }

  /// This test's own directory for output files (a new suite instance per test), removed when the test ends.
  let scratch = ScratchDirectory()

  @Test(arguments: [
    (["Fixtures/reports"], "mentions-reports.jsonl"),
    (["Fixtures/reports.csv"], "mentions-reports-csv.jsonl"),
    (["--no-header", "Fixtures/reports-noheader.csv"], "mentions-reports-noheader.jsonl"),
  ])
  func mentionsMatchTheGoldenFiles(arguments: [String], golden: String) throws {
    let output = scratch.path("m.jsonl")
    let inputs = arguments.map { $0.hasPrefix("Fixtures/") ? Self.packageRoot + "/" + $0 : $0 }
    let result = try Self.run(["mentions"] + inputs + ["-o", output, "--jobs", "2"])
    #expect(result.status == 0, "\(result.stderr)")
    try GoldenFile(name: golden).expectMatches(path: output)
  }

  @Test(arguments: ["mentions", "label"])
  func outputIsTheSameForAnyNumberOfJobs(command: String) throws {
    let input = Self.fixtures + "/constructions.csv"
    let one = try Self.run([command, input, "--jobs", "1"])
    for jobs in ["2", "3", "8"] {
      let other = try Self.run([command, input, "--jobs", jobs])
      #expect(one.status == 0 && one.stdout == other.stdout && !one.stdout.isEmpty)
    }
  }

  /// A sentence over BLLIP's limit is left unparsed and named in the summary; `--parse-token-limit 0` parses it.
  @Test func overlongSentenceIsNamedInTheSummary() throws {
    let text = "No pleural effusion" + String(repeating: " and", count: 400) + "."
    func effusion(_ csv: String) -> String? {
      let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
      guard lines.count == 2, let column = lines[0].firstIndex(of: "Pleural Effusion") else { return nil }
      return String(lines[1][column])
    }
    let limited = try Self.run(["-", "--quiet"], stdin: text)
    #expect(limited.status == 0, "\(limited.stderr)")
    #expect(limited.stderr.contains("sentence too long to parse"))
    #expect(effusion(limited.stdout) == "1.0")
    let unlimited = try Self.run(["-", "--quiet", "--parse-token-limit", "0"], stdin: text)
    #expect(!unlimited.stderr.contains("sentence too long"))
    #expect(effusion(unlimited.stdout) == "0.0")
    let invalid = try Self.run(["-", "--parse-token-limit", "-1"], stdin: text)
    #expect(invalid.status != 0 && invalid.stderr.contains("--parse-token-limit"))
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
    let path = scratch.path("bad.csv")
    try "study_id,report\na,fine\nb,\"open\n".write(toFile: path, atomically: true, encoding: .utf8)
    let result = try Self.run(["mentions", path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(path):3:"))
    #expect(result.stderr.contains("2 studies read, 1 written"))
    #expect(result.stdout.contains("\"study_id\":\"a\""))
  }

  /// A repeated study id is not an error (each row is written) but is named, so a later join on the id is not
  /// silently ambiguous.
  @Test func repeatedStudyIdsAreNamedAndCounted() throws {
    let path = scratch.path("twice.csv")
    try "study_id,report\na,No effusion.\nb,Edema.\na,Pneumothorax.\na,Clear.\ns50000007,Clear.\n50000007,Clear.\n"
      .write(
        toFile: path, atomically: true, encoding: .utf8)
    let result = try Self.run([path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.split(separator: "\n").count == 7)
    #expect(result.stderr.contains("warning: \(path):4: a has study id a, which an earlier study of this run had"))
    #expect(result.stderr.contains("warning: \(path):7: 50000007 has study id 50000007, which an earlier study"))
    #expect(result.stderr.contains("note (study id seen before in this run): 3"))
    #expect(!result.stderr.contains("b has study id"))
  }

  @Test func emptyCSVSaysWhatAHeaderNeeds() throws {
    let path = scratch.path("empty.csv")
    try "".write(toFile: path, atomically: true, encoding: .utf8)
    let result = try Self.run([path])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "\(path): The file is empty; a CSV needs a header line naming its columns (study_id,report)."))
    #expect(result.stderr.contains("--no-header"))
  }

  /// SIGTERM (a cluster job's time limit), Ctrl-C or SIGQUIT (which printed a crash backtrace and let the run go on)
  /// mid-run removes the half-written temporary outputs and exits with 128 + the signal's number. Standard input is
  /// held open so the run is surely still going.
  @Test(arguments: [SIGTERM, SIGINT, SIGQUIT])
  func interruptedRunLeavesNoTemporaryFiles(signal: Int32) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.binary)
    process.arguments = ["-", "--stdin-csv", "-o", scratch.path("out.csv.gz"), "--explain", scratch.path("why.jsonl")]
    let input = Pipe()
    let err = Pipe()
    process.standardInput = input
    process.standardError = err
    try process.run()
    input.fileHandleForWriting.write(Data("study_id,report\na,No effusion.\n".utf8))
    let temporary = scratch.path(".out.csv.gz.tmp-\(process.processIdentifier)")
    for _ in 0..<500 where !FileManager.default.fileExists(atPath: temporary) { usleep(10_000) }
    #expect(FileManager.default.fileExists(atPath: temporary))
    kill(process.processIdentifier, signal)
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit && process.terminationStatus == 128 + signal, "\(stderr)")
    #expect(stderr.contains("interrupted; 2 unfinished output files removed."))
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root).isEmpty)
  }

  /// Before any work: an output that is an input, a directory, or another output of the run is refused, and the
  /// input is left as it was.
  @Test func outputsThatWouldOverwriteAnInputAreRefused() throws {
    let input = scratch.path("reports.csv")
    let text = "study_id,report\na,No effusion.\n"
    try text.write(toFile: input, atomically: true, encoding: .utf8)
    let cases: [([String], String)] = [
      ([input, "-o", scratch.root + "/./reports.csv"], "is also an input"),
      ([input, "-o", scratch.root], "is a directory"),
      ([input, "-o", scratch.path("x.csv"), "--explain", scratch.path("x.csv")], "-o and --explain both name"),
      (["mentions", input, "-o", input], "is also an input"),
      (["eval", input, input, "--disagreements", input], "is also an input"),
      ([Self.fixtures + "/reports", "-o", Self.fixtures + "/reports/new.txt"], "name the file .csv, .csv.gz, .jsonl"),
      ([input, "-o", scratch.path("labels.tsv")], "name the file .csv"),
      (["mentions", input, "-o", scratch.path("m.csv")], "name the file .jsonl"),
      ([input, "--explain", "-"], "-o and --explain both name -"),
      (["eval", input, input, "--disagreements", "-"], "the report and --disagreements both name -"),
    ]
    for (arguments, message) in cases {
      let result = try Self.run(arguments)
      #expect(result.status != 0 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }
    #expect(try String(contentsOfFile: input, encoding: .utf8) == text)
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root) == ["reports.csv"])
  }

  /// `-o -` is standard output in every command (it used to crash).
  @Test func dashIsStandardOutput() throws {
    let labels = try Self.run([Self.fixtures + "/reports.csv", "-o", "-"])
    #expect(labels.status == 0 && labels.stdout.hasPrefix("subject_id,study_id,"))
    let mentions = try Self.run(["mentions", Self.fixtures + "/reports.csv", "-o", "-"])
    #expect(mentions.status == 0 && mentions.stdout.contains("\"observation\""))
    let both = try Self.run([Self.fixtures + "/reports.csv", "-o", "-", "--explain", "-"])
    #expect(both.status != 0 && both.stderr.contains("both name -"))
  }

  /// A report file without any section header, outside a MIMIC-CXR tree, is one section: the final one, so it is
  /// labelled whole and the summary says so. Inside a MIMIC-CXR tree such a report keeps create_section_files.py's
  /// choice (no text), named per study with how to label the whole text.
  @Test func reportWithoutSectionsIsLabelledWhole() throws {
    let path = scratch.path("s1.txt")
    try "Large right pneumothorax.\n".write(toFile: path, atomically: true, encoding: .utf8)
    let plain = try Self.run([path])
    #expect(plain.status == 0 && plain.stdout.split(separator: "\n")[1].hasSuffix(",1.0,"))
    #expect(plain.stderr.contains("note (no section headers (the whole report was labelled)): 1"))
    let tree = scratch.path("files/p10/p10000032")
    try FileManager.default.createDirectory(atPath: tree, withIntermediateDirectories: true)
    try "Large right pneumothorax.\n".write(toFile: tree + "/s50000001.txt", atomically: true, encoding: .utf8)
    let mimic = try Self.run([scratch.path("files")])
    #expect(mimic.stderr.contains("s50000001: none of the sections --sections chooses is there"))
    #expect(mimic.stderr.contains("so it is labelled as empty text. --sections all labels the whole report."))
    let dropped = try Self.run([scratch.path("files"), "--drop-empty"])
    #expect(dropped.stderr.contains("so it is dropped (--drop-empty)"))
    let all = try Self.run([scratch.path("files"), "--sections", "all"])
    #expect(all.status == 0 && !all.stderr.contains("warning"))
    #expect(all.stdout.split(separator: "\n")[1].hasSuffix(",1.0,"))
  }

  /// Standard input goes through the same section choice as a file: a MIMIC-CXR report piped in is labelled from
  /// its impression, as the same file is; plain text is labelled whole.
  @Test func standardInputChoosesSectionsAsAFileDoes() throws {
    let report =
      "FINAL REPORT\n EXAMINATION: CHEST\n \n FINDINGS: Mild cardiomegaly.\n \n IMPRESSION: No pleural effusion.\n"
    let path = scratch.path("s2.txt")
    try report.write(toFile: path, atomically: true, encoding: .utf8)
    let fromFile = try Self.run([path, "-o", "-"])
    let fromStdin = try Self.run(["-", "-o", "-"], stdin: report)
    let cells = { (result: Result) in
      result.stdout.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false).dropFirst(2)
    }
    #expect(fromStdin.status == 0 && cells(fromStdin) == cells(fromFile))
    let header = fromStdin.stdout.split(separator: "\n")[0].split(separator: ",").map(String.init)
    let row = fromStdin.stdout.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false).map(
      String.init)
    #expect(
      row[header.firstIndex(of: "Cardiomegaly") ?? 0] == ""
        && row[header.firstIndex(of: "Pleural Effusion") ?? 0] == "0.0")
    let whole = try Self.run(["-", "-o", "-", "--sections", "all"], stdin: report)
    let wholeRow = whole.stdout.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false).map(
      String.init)
    #expect(wholeRow[header.firstIndex(of: "Cardiomegaly") ?? 0] == "1.0")
  }

  /// Broken graph files are named failures with file and line, never a crash; an unknown observation is named.
  @Test func judgeNamesBrokenRecords() throws {
    let path = scratch.path("graphs.jsonl")
    let sentence =
      #""sentences":[{"offset":0,"text":"no effusion.","tokens":[{"id":"t0","word":"no","start":0,"end":2}"#
    try [
      #"{"study_id":"a","clean":"no effusion.","sentences":[{"offset":0,"text":"no effusion.","tokens":[{"id":"t0","word":"no","start":2,"end":1}],"edges":[]}],"mentions":[]}"#,
      #"{"study_id":"b","clean":"no effusion.","# + sentence
        + #",{"id":"t0","word":"effusion","start":3,"end":11}],"edges":[]}],"mentions":[]}"#,
      #"{"study_id":"c","clean":"no effusion.","# + sentence
        + #"],"edges":[{"head":"t0","dep":"t9","rel":"neg"}]}],"mentions":[]}"#,
      #"{"study_id":"d","clean":"no effusion.","sentences":[{"offset":0,"text":"no effusion."}],"mentions":[{"observation":"Pleural effusion","start":3,"end":11}]}"#,
      #"{"study_id":"e","clean":"no effusion.","sentences":[],"mentions":[{"observation":"Edema","start":3,"end":11}]}"#,
    ].joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let result = try Self.run(["judge", path, "-o", scratch.path("judged.jsonl")])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(path):1: Token \"t0\" starts at 2, after its end 1."))
    #expect(result.stderr.contains("\(path):2: Sentence 1 has two tokens with the id \"t0\""))
    #expect(result.stderr.contains("\(path):3: In sentence 1, the edge t0 -neg-> t9 names a token id"))
    #expect(result.stderr.contains("\(path):4: \"Pleural effusion\" is not one of the 14 CheXpert observations"))
    #expect(result.stderr.contains("\(path):5: The Edema mention at 3..<11 lies in no sentence"))
    #expect(result.stderr.contains("5 studies read, 1 written"))
  }

  /// eval refuses files with no observation in common (it used to report 100% exact rows) and names the
  /// observations only one file has; our own JSON Lines output compares with our CSV.
  @Test func evalNamesMissingObservations() throws {
    let left = scratch.path("left.csv")
    let right = scratch.path("right.csv")
    try "id,Cardiomegaly\na,1\n".write(toFile: left, atomically: true, encoding: .utf8)
    try "id,cardiomegaly,Edema\na,1,0\n".write(toFile: right, atomically: true, encoding: .utf8)
    let none = try Self.run(["eval", left, right])
    #expect(none.status != 0 && none.stderr.contains("no observation column in common"))
    let csv = scratch.path("labels.csv")
    let jsonl = scratch.path("labels.jsonl")
    #expect(try Self.run([Self.fixtures + "/reports", "-o", csv]).status == 0)
    #expect(try Self.run([Self.fixtures + "/reports", "-o", jsonl]).status == 0)
    let same = try Self.run(["eval", csv, jsonl])
    #expect(same.status == 0 && same.stdout.contains("exact rows: 100.0% (7/7)"), "\(same.stderr)")
    let partial = try Self.run(["eval", csv, left])
    #expect(partial.stderr.contains("has no column for Atelectasis"))
  }

  /// An option that would be silently ignored is refused with what to do instead.
  @Test func optionsThatWouldBeIgnoredAreRefused() throws {
    let csv = Self.fixtures + "/reports.csv"
    let cases: [([String], String)] = [
      ([csv, "--sections", "impression"], "Add --section-csv"),
      ([csv, "--negation-regex", "x.yml", "--uncertainty-regex", "y.yml"], "--negation-regex is NegBio's"),
      ([csv, "--section-titles", "t.txt"], "--section-titles is NegBio's"),
      ([csv, "--format", "negbio", "-o", scratch.path("x.jsonl")], "is a CSV layout"),
      ([Self.fixtures + "/reports", "--no-header"], "--no-header is about CSV inputs"),
      ([Self.fixtures + "/reports", "--text-column", "text"], "--text-column is about CSV inputs"),
      ([csv, "--stdin-csv"], "add - to the inputs"),
      (["-", "-"], "can be read only once"),
    ]
    for (arguments, message) in cases {
      let result = try Self.run(arguments)
      #expect(result.status != 0 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }
    #expect(try Self.run([csv, "--sections", "impression", "--section-csv"]).status == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root).isEmpty)
  }

  /// Offsets count code points, so a CRLF line break (one Character in Swift, two code points) does not shift
  /// the sentences of a re-judged file.
  @Test func explainedGraphsWithLineBreaksRejudgeTheSame() throws {
    let input = scratch.path("crlf.csv")
    try "study_id,report\ns1,\"Heart normal.\r\nexclude effusion\r\nno pneumothorax\"\n".write(
      toFile: input, atomically: true, encoding: .utf8)
    for labeler in ["chexpert", "negbio"] {
      let explain = scratch.path("\(labeler).jsonl")
      let run = try Self.run([
        input, "--labeler", labeler, "--explain", explain, "--explain-graphs", "-o",
        scratch.path("\(labeler)-labels.jsonl"),
      ])
      #expect(run.status == 0, "\(run.stderr)")
      let judged = try Self.run(["judge", explain, "--labeler", labeler])
      #expect(judged.status == 0, "\(judged.stderr)")
      func labels(_ line: String) throws -> [String: Int] {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return (object?["labels"] as? [String: Any] ?? [:]).compactMapValues { $0 as? Int }
      }
      let labelled = try String(contentsOfFile: scratch.path("\(labeler)-labels.jsonl"), encoding: .utf8)
      let expected = try labels(labelled)
      #expect(expected["Pleural Effusion"] == 0 && expected["Pneumothorax"] == 0)
      #expect(try labels(judged.stdout) == expected, "\(labeler)")
    }
  }

  /// A CSV piped in without --stdin-csv, or a header naming the report column twice, is a named failure, not
  /// a wrong study.
  @Test func ambiguousCSVInputIsNamed() throws {
    let piped = try Self.run(["-"], stdin: "study_id,report\na,No effusion.\n")
    #expect(piped.status == 1 && piped.stderr.contains("Add --stdin-csv"))
    let path = scratch.path("twice.csv")
    try "study_id,report,report\na,x,y\n".write(toFile: path, atomically: true, encoding: .utf8)
    let twice = try Self.run([path])
    #expect(twice.status == 1 && twice.stderr.contains("names \"report\" more than once"))
  }

  /// judge sets each mention's rule fields and `graph` anew: a stale `rule_note` from an edited explain file
  /// does not survive, and a mention in an unparsed sentence says so.
  @Test func judgeRewritesRuleFieldsAndGraphFlag() throws {
    let path = scratch.path("stale.jsonl")
    try
      #"{"study_id":"a","clean":"no effusion.","sentences":[{"offset":0,"text":"no effusion.","parse_ok":false}],"mentions":[{"observation":"Pleural Effusion","start":3,"end":11,"rule":"neg1","rule_note":"stale","graph":true}]}"#
      .write(toFile: path, atomically: true, encoding: .utf8)
    let result = try Self.run(["judge", path])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let mention = try #require((object?["mentions"] as? [[String: Any]])?.first)
    #expect(mention["result"] as? String == "positive")
    #expect(mention["rule_note"] is NSNull && mention["rule"] is NSNull)
    #expect(mention["graph"] as? Bool == false)
  }

  @Test func standardInputIsOneReport() throws {
    let result = try Self.run(["mentions", "-"], stdin: "Small left pleural effusion.")
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"observation\":\"Pleural Effusion\""))
  }

  @Test func invalidPhraseFileNamesFileAndLine() throws {
    let path = scratch.path("bad.phrases")
    try "[Ribs]\nmention rib(\n".write(toFile: path, atomically: true, encoding: .utf8)
    let result = try Self.run(["mentions", "--phrases", path, Self.fixtures + "/reports.csv"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("\(path):2"))
  }

  @Test func helpTeaches() throws {
    let result = try Self.run(["--help"])
    #expect(result.stdout.contains("Examples:"))
    #expect(result.stdout.contains("mentions"))
    let version = try Self.run(["--version"])
    #expect(version.status == 0 && version.stdout.hasPrefix("cxrlabel "))
  }

  @Test func noPartialOutputFileOnFailure() throws {
    let output = scratch.path("never.jsonl")
    let result = try Self.run(["mentions", "/no/such/dir", "-o", output])
    #expect(result.status != 0)
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  /// judge on a gzip file cut short writes the studies before the cut, names the file, and exits 1, as label
  /// does; the same file whole gives the same lines and more, on any number of threads.
  @Test func judgeOnATruncatedGzipKeepsWhatCameBefore() throws {
    let explain = scratch.path("explain.jsonl.gz")
    let reports = scratch.path("reports.csv")
    try
      ("study_id,report\n"
      + (1...1500).map { "s\($0),Report \($0): no effusion or edema; mild cardiomegaly.\n" }.joined())
      .write(toFile: reports, atomically: true, encoding: .utf8)
    let labelled = try Self.run([reports, "-o", scratch.path("l.csv"), "--explain", explain, "--explain-graphs"])
    #expect(labelled.status == 0, "\(labelled.stderr)")
    let whole = try Self.run(["judge", explain, "--jobs", "3"])
    #expect(whole.status == 0 && whole.stdout.split(separator: "\n").count == 1500)
    #expect(try Self.run(["judge", explain, "--jobs", "1"]).stdout == whole.stdout)

    let data = try Data(contentsOf: URL(fileURLWithPath: explain))
    let cut = scratch.path("cut.jsonl.gz")
    try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: cut))
    let result = try Self.run(["judge", cut, "-o", scratch.path("judged.jsonl")])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(cut): The file is truncated"))
    let written = try String(contentsOfFile: scratch.path("judged.jsonl"), encoding: .utf8)
    #expect(!written.isEmpty && whole.stdout.hasPrefix(written))
  }

  /// When a run fails, the --explain file's temporary file goes too, not only -o's; an absurd --jobs is refused.
  @Test func failedRunsLeaveNoTemporaryExplanations() throws {
    let reports = scratch.path("r.csv")
    try "study_id,report\na,No effusion.\n".write(toFile: reports, atomically: true, encoding: .utf8)
    let result = try Self.run([reports, "-o", scratch.path("missing/dir/l.csv"), "--explain", scratch.path("e.jsonl")])
    #expect(result.status != 0)
    let left = try FileManager.default.contentsOfDirectory(atPath: scratch.root).filter { $0 != "r.csv" }
    #expect(left.isEmpty, "\(left)")
    let jobs = try Self.run([reports, "--jobs", "100000"])
    #expect(jobs.status != 0 && jobs.stderr.contains("--jobs must be between 1 and 4096"))
  }

  @Test func judgeDecidesMentionsOnGivenGraphs() throws {
    let result = try Self.run(["judge", Self.fixtures + "/graphs.jsonl"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    #expect(lines.count == 2)
    let first = try #require(lines[0] ?? nil)
    let mentions = try #require(first["mentions"] as? [[String: Any]])
    #expect(mentions.map { $0["result"] as? String } == ["negation", "negation"])
    #expect(mentions[0]["rule"] as? String != nil)
    let labels = try #require(first["labels"] as? [String: Any])
    #expect(labels["Pleural Effusion"] as? Int == 0 && labels["Cardiomegaly"] as? Int == 0)
    #expect(labels["No Finding"] as? Int == 1)
    // No graph: the mention stays positive, as in the original.
    let second = try #require(lines[1] ?? nil)
    #expect((second["labels"] as? [String: Any])?["Pneumonia"] as? Int == 1)
  }

  @Test func labelsTheFixtureTreeAsExpected() throws {
    let output = scratch.path("labels.csv")
    let explain = scratch.path("explain.jsonl")
    let result = try Self.run(
      ["Fixtures/reports", "-o", output, "--explain", explain].map {
        $0.hasPrefix("Fixtures/") ? Self.packageRoot + "/" + $0 : $0
      })
    #expect(result.status == 0, "\(result.stderr)")
    try GoldenFile(name: "labels-reports.csv").expectMatches(path: output)
    let explanations = try String(contentsOfFile: explain, encoding: .utf8).split(separator: "\n")
    #expect(explanations.count == 7)
    #expect(explanations.contains { $0.contains("\"rule\":\"neg") })
  }

  /// `--explain-graphs` writes each sentence's parse in the format `judge` reads: judging that file again must
  /// give every study the same labels, and the graphs must be the ones the rules saw (a `neg` edge from "no").
  @Test(arguments: ["chexpert", "negbio"])
  func explainedGraphsRejudgeToTheSameLabels(labeler: String) throws {
    let output = scratch.path("labels.jsonl")
    let explain = scratch.path("explain.jsonl")
    let rejudged = scratch.path("rejudged.jsonl")
    let labelled = try Self.run([
      Self.fixtures + "/constructions.csv", "--labeler", labeler, "-o", output, "--explain", explain,
      "--explain-graphs", "--quiet",
    ])
    #expect(labelled.status == 0, "\(labelled.stderr)")
    let judged = try Self.run(["judge", explain, "--labeler", labeler, "-o", rejudged])
    #expect(judged.status == 0, "\(judged.stderr)")
    func labels(_ path: String) throws -> [String: [String: Int]] {
      var result: [String: [String: Int]] = [:]
      for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let id = try #require(object["study_id"] as? String)
        result[id] = (object["labels"] as? [String: Any] ?? [:]).compactMapValues { $0 as? Int }
      }
      return result
    }
    let before = try labels(explain)
    let studies =
      try String(contentsOfFile: Self.fixtures + "/constructions.csv", encoding: .utf8)
      .split(separator: "\n").count - 1
    #expect(before.count == studies && studies > 35)
    #expect(try labels(rejudged) == before)
    let first = try String(contentsOfFile: explain, encoding: .utf8).split(separator: "\n").first {
      $0.contains("\"no ") || $0.contains("\"No ")
    }
    let line = try #require(first)
    #expect(line.contains("\"sentences\":[{\"offset\":0"))
    #expect(line.contains("\"rel\":\"neg\""))
    let misuse = try Self.run([Self.fixtures + "/constructions.csv", "--explain-graphs"])
    #expect(misuse.status != 0)
    #expect(misuse.stderr.contains("--explain-graphs needs --explain"))
  }

  /// One sentence per negation and uncertainty construction, with the labels the original's rules give
  /// (including its quirks: "X is not seen" has no negation rule and stays positive).
  @Test func negationAndUncertaintyConstructions() throws {
    let output = scratch.path("constructions.csv")
    let result = try Self.run([Self.fixtures + "/constructions.csv", "-o", output])
    #expect(result.status == 0, "\(result.stderr)")
    try GoldenFile(name: "labels-constructions.csv").expectMatches(path: output)
  }

  @Test func negbioLabelerLayoutAndDroppedEmptyStudies() throws {
    let output = scratch.path("negbio.csv")
    let result = try Self.run([
      Self.fixtures + "/reports", "--labeler", "negbio", "--format", "negbio", "--drop-empty", "-o", output,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("7 studies read, 6 written, 1 dropped"))
    try GoldenFile(name: "labels-reports-negbio.csv").expectMatches(path: output)
  }

  @Test(arguments: [Self.fixtures + "/reports", Self.fixtures + "/constructions.csv"])
  func shardsConcatenateToTheUnshardedOutput(input: String) throws {
    let whole = try Self.run([input, "--quiet"])
    #expect(whole.status == 0)
    var rows: [Substring] = []
    for k in 1...3 {
      let part = try Self.run([input, "--shard", "\(k)/3", "--quiet"])
      #expect(part.status == 0, "\(part.stderr)")
      rows += part.stdout.split(separator: "\n").dropFirst()
    }
    #expect(rows == Array(whole.stdout.split(separator: "\n").dropFirst()))
    #expect(try Self.run([input, "--shard", "4/3"]).status != 0)
  }

  @Test func gzipOutputAndChexpertLayout() throws {
    let output = scratch.path("labels.csv.gz")
    let result = try Self.run([
      "--no-header", "--format", "chexpert", Self.fixtures + "/reports-noheader.csv", "-o", output,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: output))
    #expect(data.prefix(2) == Data([0x1F, 0x8B]))
  }

  static let sharedDirectory = packageRoot + "/../shared"

  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: sharedDirectory + "/reference/chexpert-labeler/sample_reports.csv")))
  func originalSampleGivesTheOriginalOutputByteForByte() throws {
    let reference = Self.sharedDirectory + "/reference/chexpert-labeler"
    let output = scratch.path("sample.csv")
    let result = try Self.run(["--no-header", "--format", "chexpert", reference + "/sample_reports.csv", "-o", output])
    #expect(result.status == 0, "\(result.stderr)")
    let expected = try String(contentsOfFile: reference + "/labeled_reports.csv", encoding: .utf8)
    #expect(try String(contentsOfFile: output, encoding: .utf8) == expected)
  }
}

/// A directory for one test's files, removed when the suite instance holding it (one per test) goes away.
final class ScratchDirectory: Sendable {
  /// The directory's path.
  let root: String

  init() {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("cxrlabel-cli-tests-\(UUID())").path
    try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
  }

  /// A path inside the directory.
  func path(_ name: String) -> String { root + "/" + name }

  deinit { try? FileManager.default.removeItem(atPath: root) }
}
