import Foundation
import Testing

/// `cxrlabel view` and `cxrlabel eval --html`: the generated document (data embedded safely, every mention once),
/// and the page itself in a real browser (headless Chromium), which renders the list, filters it and shows a
/// study's highlighted mentions. Screenshots are kept under `.build/test-artefacts/`.
@Suite("audit page", .serialized)
struct AuditPageTests {
  let scratch = ScratchDirectory()

  func run(_ arguments: [String]) throws -> CommandLineTests.Result { try CommandLineTests.run(arguments) }

  /// The `--explain --explain-graphs` file of the fixture reports.
  func explainFile() throws -> String {
    let explain = scratch.path("why.jsonl")
    let result = try run([
      CommandLineTests.fixtures + "/reports", "-o", scratch.path("labels.csv"), "--explain", explain,
      "--explain-graphs", "--quiet",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    return explain
  }

  /// The JSON document embedded in a page.
  func data(_ page: String) throws -> [String: Any] {
    let html = try String(contentsOfFile: page, encoding: .utf8)
    let open = try #require(html.range(of: "<script type=\"application/json\" id=\"cxrlabel-data\">"))
    let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
    let json = String(html[open.upperBound..<close.lowerBound])
    return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }

  @Test func viewEmbedsEveryStudyAndMentionOnce() throws {
    let explain = try explainFile()
    let page = scratch.path("audit.html")
    let result = try run(["view", explain, "-o", page])
    #expect(result.status == 0, "\(result.stderr)")
    let document = try data(page)
    #expect(document["kind"] as? String == "explain")
    let studies = try #require(document["studies"] as? [[String: Any]])
    let lines = try String(contentsOfFile: explain, encoding: .utf8).split(separator: "\n")
    #expect(studies.count == lines.count && studies.count == 7)
    let mentions = studies.map { ($0["mentions"] as? [Any])?.count ?? 0 }.reduce(0, +)
    let written = lines.map { line in
      ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["mentions"] as? [Any]
    }.map { $0?.count ?? 0 }.reduce(0, +)
    #expect(mentions == written && mentions > 0)
  }

  /// `--no-graphs` leaves the sentences out and keeps the text and every mention.
  @Test func noGraphsKeepsTextAndMentions() throws {
    let page = scratch.path("light.html")
    #expect(try run(["view", try explainFile(), "-o", page, "--no-graphs"]).status == 0)
    let studies = try #require(try data(page)["studies"] as? [[String: Any]])
    #expect(studies.count == 7 && studies.allSatisfy { $0["sentences"] == nil && $0["clean"] is String })
    #expect(studies.map { ($0["mentions"] as? [Any])?.count ?? 0 }.reduce(0, +) > 0)
  }

  /// Report text and ids with markup, quotes and odd characters cannot break out of the data element.
  @Test func textAndIDsAreEscaped() throws {
    let csv = scratch.path("odd.csv")
    try
      "study_id,report\n\"a<b>&\"\"q\"\" '\",\"</script><script>alert(1)</script> & \"\"quoted\"\" pleural effusion.\"\n"
      .write(toFile: csv, atomically: true, encoding: .utf8)
    let explain = scratch.path("odd.jsonl")
    #expect(
      try run([csv, "-o", scratch.path("odd-labels.csv"), "--explain", explain, "--explain-graphs", "--quiet"]).status
        == 0)
    let page = scratch.path("odd.html")
    #expect(try run(["view", explain, "-o", page]).status == 0)
    let html = try String(contentsOfFile: page, encoding: .utf8)
    #expect(html.components(separatedBy: "</script>").count == html.components(separatedBy: "<script").count)
    #expect(!html.contains("<script>alert"))
    let studies = try #require(try data(page)["studies"] as? [[String: Any]])
    #expect(studies.first?["study_id"] as? String == "a<b>&\"q\" '")
    #expect((studies.first?["clean"] as? String)?.contains("</script>") == true)
  }

  @Test func refusals() throws {
    let bad = scratch.path("bad.jsonl")
    try "{\"study_id\":\"1\"}\nnot json\n".write(toFile: bad, atomically: true, encoding: .utf8)
    let result = try run(["view", bad, "-o", scratch.path("p.html")])
    #expect(result.status != 0 && result.stderr.contains("bad.jsonl:2"))
    let wrongName = try run(["view", try explainFile(), "-o", scratch.path("p.csv")])
    #expect(wrongName.status != 0 && wrongName.stderr.contains(".html"))
    let alone = try run([
      "eval", CommandLineTests.fixtures + "/expected/labels-reports.csv",
      CommandLineTests.fixtures + "/expected/labels-reports.csv", "--explain", bad,
    ])
    #expect(alone.status != 0 && alone.stderr.contains("--explain goes with --html"))
  }

  /// `eval --html`: agreement per observation, confusion counts, and the disagreements with their explain records.
  @Test func evalPageHoldsTheAgreementAndTheDisagreements() throws {
    let explain = try explainFile()
    let reference = CommandLineTests.fixtures + "/expected/labels-reports.csv"
    let candidate = scratch.path("changed.csv")
    var lines = try String(contentsOfFile: reference, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false
    ).map(String.init)
    var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    cells[cells.count - 1] = cells[cells.count - 1] == "1.0" ? "0.0" : "1.0"
    lines[1] = cells.joined(separator: ",")
    try lines.joined(separator: "\n").write(toFile: candidate, atomically: true, encoding: .utf8)
    let page = scratch.path("eval.html")
    let result = try run(["eval", reference, candidate, "--html", page, "--explain", explain])
    #expect(result.status == 0, "\(result.stderr)")
    let document = try data(page)
    #expect(document["kind"] as? String == "eval")
    let summary = try #require(document["summary"] as? [[String: Any]])
    #expect(summary.count == 14)
    let studies = try #require(document["studies"] as? [[String: Any]])
    #expect(studies.count == 1 && (studies[0]["differs"] as? [String]) == ["Support Devices"])
    #expect(studies[0]["explain"] is [String: Any])
  }

  // MARK: In a real browser

  /// Debian's Chromium, if it is installed (`.ci/run` installs it).
  static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  /// Runs headless Chromium on the page at `fragment` with `options`, after its scripts ran; its standard output.
  func runChromium(_ page: String, _ fragment: String, _ options: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(Self.chromium))
    process.arguments =
      ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000"] + options
      + ["file://" + page + fragment]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return data
  }

  /// The page's DOM after its scripts ran, at `fragment`.
  func dom(_ page: String, _ fragment: String = "") throws -> String {
    String(decoding: try runChromium(page, fragment, ["--dump-dom"]), as: UTF8.self)
  }

  /// A screenshot of the page at `fragment`, kept under `.build/test-artefacts/`.
  func screenshot(_ page: String, _ fragment: String, name: String) throws -> String {
    let folder = CommandLineTests.packageRoot + "/.build/test-artefacts"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/" + name
    _ = try runChromium(page, fragment, ["--hide-scrollbars", "--window-size=1280,900", "--screenshot=" + path])
    return path
  }

  func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

  @Test(.enabled(if: chromium != nil, "no Chromium here (apt-get install chromium); the browser checks are skipped"))
  func theViewPageRendersFiltersAndHighlightsInChromium() throws {
    let explain = try explainFile()
    let page = scratch.path("audit.html")
    #expect(try run(["view", explain, "-o", page]).status == 0)
    let records = try String(contentsOfFile: explain, encoding: .utf8).split(separator: "\n").compactMap {
      (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
    }
    // The list renders every study.
    let all = try dom(page)
    let list = try #require(all.range(of: "id=\"study-list\""))
    #expect(count("data-study-id=", in: String(all[list.lowerBound...])) >= 7)
    // A filter in the address narrows it: studies with Pneumonia 0 only.
    let negative = records.filter { ($0["labels"] as? [String: Any])?["Pneumonia"] as? Int == 0 }
    #expect(!negative.isEmpty && negative.count < records.count)
    let filtered = try dom(page, "#observation=Pneumonia&value=0")
    for record in records {
      let id = try #require(record["study_id"] as? String)
      let shown = filtered.contains("data-study-id=\"\(id)\"")
      #expect(shown == negative.contains { $0["study_id"] as? String == id }, "study \(id)")
    }
    // A study's view shows each of its mentions, highlighted by result, with its rule.
    let study = try #require(
      records.max { ($0["mentions"] as? [Any])?.count ?? 0 < ($1["mentions"] as? [Any])?.count ?? 0 })
    let id = try #require(study["study_id"] as? String)
    let opened = try dom(page, "#study=\(id)")
    let view = try #require(opened.range(of: "id=\"study-view\""))
    let viewHTML = String(opened[view.lowerBound...])
    let mentions = try #require(study["mentions"] as? [[String: Any]])
    #expect(count("data-result=\"", in: viewHTML) >= mentions.count)
    for mention in mentions {
      if let rule = mention["rule"] as? String { #expect(viewHTML.contains("data-rule=\"\(rule)\""), "\(rule)") }
    }
    #expect(viewHTML.contains("<svg"), "dependency arcs")
    let shot = try screenshot(page, "#study=\(id)", name: "audit-explain.png")
    #expect(((try? FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0) > 10_000)
  }

  @Test(.enabled(if: chromium != nil, "no Chromium here (apt-get install chromium); the browser checks are skipped"))
  func theEvalPageRendersInChromium() throws {
    let explain = try explainFile()
    let reference = CommandLineTests.fixtures + "/expected/labels-reports.csv"
    let candidate = scratch.path("other.csv")
    try (try String(contentsOfFile: reference, encoding: .utf8)).replacingOccurrences(of: ",1.0\n", with: ",0.0\n")
      .write(toFile: candidate, atomically: true, encoding: .utf8)
    let page = scratch.path("eval.html")
    #expect(try run(["eval", reference, candidate, "--html", page, "--explain", explain]).status == 0)
    let rendered = try dom(page)
    #expect(rendered.contains("<svg") && rendered.contains("data-study-id="))
    let shot = try screenshot(page, "", name: "audit-eval.png")
    #expect(((try? FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0) > 10_000)
  }

  /// Data over 4 MB is embedded gzip-compressed; the page decompresses it in the browser and renders every study.
  @Test(.enabled(if: chromium != nil, "no Chromium here (apt-get install chromium); the browser checks are skipped"))
  func aLargePageIsCompressedAndStillRenders() throws {
    let lines = try String(contentsOfFile: try explainFile(), encoding: .utf8).split(separator: "\n").map(String.init)
    var big = ""
    for index in 0..<2_000 {
      let line = lines[index % lines.count]
      let id = "\"study_id\":\"" + String(80_000_000 + index) + "\""
      big += line.replacingOccurrences(of: #""study_id":"[^"]*""#, with: id, options: .regularExpression) + "\n"
    }
    let explain = scratch.path("big.jsonl")
    try big.write(toFile: explain, atomically: true, encoding: .utf8)
    let page = scratch.path("big.html")
    #expect(try run(["view", explain, "-o", page]).status == 0)
    let html = try String(contentsOfFile: page, encoding: .utf8)
    #expect(html.contains("data-encoding=\"gzip-base64\"") && html.utf8.count < big.utf8.count / 3)
    let rendered = try dom(page, "#study=80000001")
    #expect(rendered.contains("2,000") && rendered.contains("data-study-id=\"80000001\""))
    #expect(rendered.contains("data-result=\""))
  }
}
