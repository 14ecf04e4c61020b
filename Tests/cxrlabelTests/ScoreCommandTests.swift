import Foundation
import Testing

/// `cxrlabel score`: CE metrics of generated against reference reports, end to end.
@Suite("cxrlabel score", .serialized)
struct ScoreCommandTests {
  let scratch = ScratchDirectory()
  let tree = CommandLineTests.fixtures + "/reports"
  let treeLabels = CommandLineTests.fixtures + "/expected/labels-reports.csv"

  func run(_ arguments: [String]) throws -> CommandLineTests.Result { try CommandLineTests.run(arguments) }

  func write(_ name: String, _ text: String) throws -> String {
    let path = scratch.path(name)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// Runs `score` and expects a failure that says `message` on standard error, with no scores on standard output.
  func expectRefused(_ arguments: [String], saying message: String) throws {
    let result = try run(["score"] + arguments)
    #expect(result.status != 0)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(!result.stdout.contains("pairs scored"))
  }

  func json(_ path: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
  }

  @Test func reportsAgainstTheirOwnLabelsScorePerfectly() throws {
    let out = scratch.path("self.json")
    let result = try run(["score", tree, treeLabels, "--json", out, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains("\n7 pairs scored (generated: chexpert labels; reference: labels read from the file;"))
    let scores = try json(out)
    #expect(scores["f1_micro"] as? Double == 1 && scores["precision_micro"] as? Double == 1)
    // Observations that no study has score 0 (zero_division=0), which pulls the macro average down.
    let macro = try #require(scores["f1_macro"] as? Double)
    #expect(macro > 0.5 && macro < 1)
    let per = try #require(scores["per_observation"] as? [String: [String: Any]])
    #expect(per.count == 14 && per["Pleural Effusion"]?["support"] as? Int == 2)
  }

  @Test func generatedAgainstReferenceTextsWithUnpairedIDsNamed() throws {
    let generated = try write(
      "generated.csv",
      "study_id,report\ns1,Mild cardiomegaly. No effusion.\ns2,No pneumothorax.\ns9,Edema.\n")
    let reference = try write(
      "reference.csv",
      "study_id,report\ns1,Cardiomegaly with small effusion.\ns2,Small pneumothorax.\ns3,Clear lungs.\n")
    let both = scratch.path("both.csv")
    let result = try run(["score", generated, reference, "--labels-out", both, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\n2 pairs scored"))
    #expect(
      result.stderr.contains("generated.csv: 1 of 3 studies have no pair in the other input and are left out: s9"))
    #expect(
      result.stderr.contains("reference.csv: 1 of 3 studies have no pair in the other input and are left out: s3"))
    // Cardiomegaly found in both; effusion and pneumothorax missed; No Finding predicted for s2 but not true:
    // micro precision 1/2, recall 1/3, F1 2·1/(2 + 3).
    #expect(result.stdout.contains("micro average                  0.500     0.333     0.400         3"))
    let lines = try String(contentsOfFile: both, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("study_id,generated_Atelectasis,") && lines[0].hasSuffix(",reference_Support Devices"))
    let row = lines[1].split(separator: ",", omittingEmptySubsequences: false)
    #expect(row.count == 29 && row[0] == "s1")
    #expect(row[2] == "1.0" && row[16] == "1.0")  // Cardiomegaly, generated and reference
    #expect(row[10] == "0.0" && row[24] == "1.0")  // Pleural Effusion: negated in one, present in the other
  }

  @Test func uncertainPositiveCountsMinusOne() throws {
    let generated = try write("g.csv", "study_id,report\n1,Possible edema.\n")
    let reference = try write("r.csv", "study_id,report\n1,Edema.\n")
    let negative = scratch.path("neg.json")
    let positive = scratch.path("pos.json")
    #expect(try run(["score", generated, reference, "--json", negative]).status == 0)
    #expect(try run(["score", generated, reference, "--json", positive, "--uncertain", "positive"]).status == 0)
    let edema = { (path: String) throws -> Double? in
      ((try self.json(path))["per_observation"] as? [String: [String: Any]])?["Edema"]?["recall"] as? Double
    }
    #expect(try edema(negative) == 0 && edema(positive) == 1)
  }

  @Test func nothingInCommonIsAnErrorNotAScore() throws {
    let generated = try write("a.csv", "study_id,report\nx1,Edema.\n")
    try expectRefused([generated, treeLabels], saying: "no study id in common")
  }

  @Test func aLabelFileWithoutAllFourteenColumnsIsRefused() throws {
    let labels = try write("five.csv", "study_id,Edema,Atelectasis\n1,1.0,\n")
    let reports = try write("one.csv", "study_id,report\n1,Edema.\n")
    try expectRefused([reports, labels], saying: "five.csv reads as a label file, but has no column for Cardiomegaly")
  }

  @Test func outputsAreChecked() throws {
    let result = try run(["score", tree, treeLabels, "--json", scratch.path("scores.txt")])
    #expect(result.status != 0 && result.stderr.contains("--json"))
    let same = try run(["score", tree, treeLabels, "--labels-out", treeLabels])
    #expect(same.status != 0 && same.stderr.contains("also an input"))
  }

  @Test func unreadableStudiesStopTheRunWithoutScores() throws {
    // A report "file" that is a pipe is a named failure: scoring the other studies would quietly score fewer.
    let folder = scratch.path("tree/files/p10/p10000001")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try "FINDINGS: Edema.\n".write(toFile: folder + "/s50000001.txt", atomically: true, encoding: .utf8)
    #expect(mkfifo(folder + "/s50000002.txt", 0o600) == 0)
    try expectRefused([scratch.path("tree"), treeLabels], saying: "s50000002.txt")
    try expectRefused([scratch.path("tree"), treeLabels], saying: "1 of 2 generated studies")
  }

  @Test func aLabelFileWithoutIDsIsRefusedRatherThanPairedByRowNumber() throws {
    // The CheXpert layout names rows by their text; its row numbers must not be paired with study ids.
    let reports = try write("r.csv", "study_id,report\n2,Edema.\n1,No edema.\n")
    let chexpert = scratch.path("chexpert.csv")
    #expect(try run(["label", reports, "--format", "chexpert", "-o", chexpert, "--quiet"]).status == 0)
    try expectRefused([reports, chexpert], saying: "has no study_id or id column")
  }

  @Test func aReportsFileWithLabelColumnsIsReadAsReports() throws {
    // The text column decides: stored labels beside the reports are not what is scored.
    let generated = try write("g.csv", "study_id,report,Edema\n1,Edema.,0.0\n")
    let reference = try write("r.csv", "study_id,report\n1,Edema.\n")
    let out = scratch.path("s.json")
    let result = try run(["score", generated, reference, "--json", out])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\n1 pairs scored (generated: chexpert labels; reference: chexpert labels;"))
    #expect((try json(out))["f1_micro"] as? Double == 1)
  }

  @Test func aCSVThatIsNeitherIsNamedBeforeAnyWork() throws {
    let neither = try write("n.csv", "study_id,text\n1,Edema.\n")
    try expectRefused([neither, treeLabels], saying: "has no \"report\" column (its header: study_id, text)")
    try expectRefused([neither, treeLabels], saying: "--text-column")
    try expectRefused([tree, scratch.path("nosuch.csv")], saying: "No such file or directory")
  }

  // MARK: Conventions, intervals, comparisons, per-study costs

  var conventions: String { CommandLineTests.fixtures + "/ce-conventions/random40" }

  /// `--convention` writes the lineage's own keys with the figures its code printed on the same labels: R2Gen's and
  /// WCL's printout, and RadEval's unrounded keys for CheXbert, on every fixture.
  @Test(arguments: ["random40", "blanks30", "oneclass25"], ["r2gen", "wcl", "chexbert"])
  func conventionWritesTheLineagesKeysAndFigures(_ fixture: String, _ convention: String) throws {
    let folder = CommandLineTests.fixtures + "/ce-conventions/" + fixture
    let out = scratch.path("\(convention).json")
    let result = try run([
      "score", folder + "/generated.csv", folder + "/reference.csv", "--convention", convention, "--json", out,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("convention: \(convention), "))
    #expect(result.stdout.contains("pairs scored") && result.stdout.contains("labeler: chexpert"))
    let ours = try json(out)
    let printed = try json(folder + "/\(convention).json")
    let theirs: [String: Any]
    if convention == "chexbert" {
      let radeval = try #require(printed["radeval"] as? [String: Any])
      theirs = try #require(radeval["adapter_detailed"] as? [String: Any]).filter { $0.value is Double }
    } else {
      theirs = try #require(printed["metrics"] as? [String: Any])
    }
    #expect(theirs.count >= 4)
    for (key, value) in theirs {
      if let value = value as? Double {
        #expect(abs((ours[key] as? Double ?? .nan) - value) < 1e-9, "\(fixture) \(convention) \(key)")
      } else {
        // "NaN" in R2Gen's printout (scikit-learn >= 1.6; older versions stop there): undefined, written null.
        #expect(ours[key] is NSNull, "\(fixture) \(convention) \(key) should be null")
      }
    }
    if fixture == "oneclass25", convention == "r2gen" { #expect(result.stderr.contains("ROC AUC is undefined")) }
    // The terminal shows readable names; the JSON keeps the lineage's keys.
    let readable = ["r2gen": "ROC AUC, Edema", "wcl": "F1, mean of the 14", "chexbert": "F1, micro, 5 observations"]
    #expect(result.stdout.contains(readable[convention] ?? "?"), "\(result.stdout)")
  }

  @Test func aConventionFixesHowUncertainCounts() throws {
    try expectRefused(
      [
        conventions + "/generated.csv", conventions + "/reference.csv", "--convention", "wcl", "--uncertain",
        "positive",
      ],
      saying: "leave out --uncertain")
  }

  /// `--bootstrap` adds a 95% interval to every figure; the same seed gives the same file, another seed another.
  @Test func bootstrapIntervalsAreReproducibleWithTheSeed() throws {
    func scored(_ seed: String, _ name: String) throws -> [String: Any] {
      let out = scratch.path(name)
      let result = try run([
        "score", conventions + "/generated.csv", conventions + "/reference.csv", "--convention", "chexbert",
        "--bootstrap", "200", "--seed", seed, "--json", out,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("95% interval (200 resamples)"))
      return try json(out)
    }
    let first = try scored("3", "a.json")
    let again = try scored("3", "b.json")
    let other = try scored("4", "c.json")
    let intervals = try #require(first["ci95"] as? [String: [Double]])
    let interval = try #require(intervals["f1chexbert_all_micro_f1"])
    let value = try #require(first["f1chexbert_all_micro_f1"] as? Double)
    #expect(interval.count == 2 && interval[0] < value && value < interval[1])
    #expect(NSDictionary(dictionary: first) == NSDictionary(dictionary: again))
    #expect(NSDictionary(dictionary: first) != NSDictionary(dictionary: other))
  }

  /// `--compare B`: A against B on the same reference, with each difference's interval and p-value.
  @Test func pairedComparisonOfTwoGeneratedSets() throws {
    let out = scratch.path("compare.json")
    let result = try run([
      "score", conventions + "/generated.csv", conventions + "/reference.csv", "--compare",
      conventions + "/reference.csv", "--bootstrap", "300", "--json", out,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("A − B") && result.stdout.contains("paired-bootstrap p-value"))
    let comparison = try #require(try json(out)["f1_micro"] as? [String: Any])
    #expect(comparison["b"] as? Double == 1 && (comparison["difference"] as? Double ?? 0) < 0)
    #expect((comparison["p"] as? Double ?? 1) < 0.01 && (comparison["ci95"] as? [Double])?.count == 2)
  }

  /// `--per-study`: each pair's labels and its own P/R/F1, so the costliest reports can be found.
  @Test func perStudyCosts() throws {
    let out = scratch.path("per-study.csv")
    let result = try run([
      "score", conventions + "/generated.csv", conventions + "/reference.csv", "--per-study", out, "--quiet",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 41)
    #expect(lines[0].hasSuffix("true_positives,false_positives,false_negatives,precision,recall,f1"))
    #expect(lines[0].hasPrefix("study_id,generated_Atelectasis"))
  }
}
