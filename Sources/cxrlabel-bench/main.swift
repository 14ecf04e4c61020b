import CXRLabel
import Foundation

// cxrlabel-bench: generates a seeded MIMIC-like report tree and times the pipeline on it (release build).

let usage = """
  usage: swift run -c release cxrlabel-bench [--reports N] [--seed S] [--jobs J] [--runs R] [--corpus DIR] [--amend]
         swift build -c release && .build/release/cxrlabel-bench --score-pairs N [--runs R] [--corpus DIR]
         swift build -c release && .build/release/cxrlabel-bench --label-csv N [--corpus DIR]

  Generates N MIMIC-like reports from seed S (default 20000 and 42) under the temporary directory, once, then
  labels them R times (default 3) on J threads (default: every core) with the CheXpert labeler, writing a gzip
  CSV, and prints each run's reports/s, the median and the peak resident memory. --corpus DIR generates the
  corpus in DIR instead, which must not exist or be empty (a corpus generated there before is reused); the
  benchmark never deletes or overwrites anything else.

  --score-pairs N runs the built `cxrlabel score` on two generated label files of N studies each and prints its
  time and peak resident memory; --label-csv N runs `cxrlabel label` on a generated CSV of N reports and of N/4,
  and prints each peak and the memory each further study adds. Both keep their files in DIR (default: the
  temporary directory) to reuse them.
  """

struct BenchOptions {
  var reports = 20_000
  var seed: UInt64 = 42
  var jobs = ProcessInfo.processInfo.activeProcessorCount
  var runs = 3
  var corpus: String?
  var scorePairs: Int?
  var amend = false
  var labelCSV: Int?

  init(_ arguments: [String]) throws {
    var iterator = arguments.dropFirst().makeIterator()
    while let flag = iterator.next() {
      if flag == "--help" || flag == "-h" { throw BenchError(usage, isHelp: true) }
      if flag == "--amend" {
        amend = true
        continue
      }
      guard let value = iterator.next() else { throw BenchError("\(flag) needs a value.\n\(usage)") }
      func count(_ minimum: Int) throws -> Int {
        guard let number = Int(value), number >= minimum else {
          throw BenchError("\(flag) needs a whole number of at least \(minimum), not \"\(value)\".")
        }
        return number
      }
      switch flag {
      case "--reports": reports = try count(1)
      case "--seed":
        guard let number = UInt64(value) else { throw BenchError("--seed needs a whole number, not \"\(value)\".") }
        seed = number
      case "--jobs": jobs = try count(1)
      case "--runs": runs = try count(1)
      case "--corpus": corpus = value
      case "--score-pairs": scorePairs = try count(1)
      case "--label-csv": labelCSV = try count(4)
      default: throw BenchError("unknown option \(flag).\n\(usage)")
      }
    }
  }
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  var isHelp = false
  init(_ description: String, isHelp: Bool = false) {
    self.description = description
    self.isHelp = isHelp
  }
}

/// Peak resident memory of this process, from /proc (Linux).
func peakRSSMegabytes() -> Double {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    let digits = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
    return Double(digits) / 1024
  }
  return 0
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// Generates the corpus if needed, then times the runs.
func runBenchmark(_ options: BenchOptions) throws {
  let root = options.corpus ?? NSTemporaryDirectory() + "cxrlabel-bench-\(options.seed)-\(options.reports)"
  let marker = root + "/.complete"
  var corpusBytes = 0
  if FileManager.default.fileExists(atPath: marker) {
    corpusBytes = Int((try? String(contentsOfFile: marker, encoding: .utf8)) ?? "0") ?? 0
  } else {
    let existing = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    if !existing.isEmpty {
      // Only a directory this benchmark made itself (its own temporary path, half written) is cleared; a
      // directory the user named is never touched.
      guard options.corpus == nil else {
        throw BenchError(
          "\(root) is not empty and holds no corpus of ours (no .complete marker); name a new directory.")
      }
      try FileManager.default.removeItem(atPath: root)
    }
    corpusBytes = try CorpusGenerator(seed: options.seed, reports: options.reports).write(to: root)
    try String(corpusBytes).write(toFile: marker, atomically: true, encoding: .utf8)
  }
  print(
    "corpus: \(options.reports) MIMIC-like report files (seed \(options.seed)), \(corpusBytes / 1024) KiB, at \(root)")
  print(
    "pipeline: read → sections → clean → sentences → mentions → parse → rules → labels → gzip CSV; jobs \(options.jobs)"
      + (options.amend ? "; with --amend" : ""))

  var settings = LabelerSettings()
  settings.amend = options.amend
  let labeler = try Labeler.chexpert(settings)
  let table = LabelTable(layout: .mimic)
  var rates: [Double] = []
  for run in 1...options.runs {
    let start = Date()
    var source = try ReportSource(inputs: [root + "/files"])
    let output = try OutputFile(path: NSTemporaryDirectory() + "cxrlabel-bench-out.csv.gz")
    try output.write(table.header)
    var count = 0
    try forEachInOrder(
      &source, jobs: options.jobs,
      transform: { record -> [UInt8] in
        guard case .report(let report) = record else { return [] }
        return table.row(id: report.id, reportText: "", labels: labeler.label(report).labels)
      },
      consume: { bytes in
        count += 1
        try output.write(bytes)
      })
    try output.commit()
    let seconds = Date().timeIntervalSince(start)
    let rate = Double(count) / seconds
    rates.append(rate)
    print(
      String(
        format: "run %d: %d reports in %.2f s: %.0f reports/s, %.1f MB/s", run, count, seconds, rate,
        Double(corpusBytes) / seconds / 1_000_000))
  }
  print(String(format: "median: %.0f reports/s; peak RSS %.1f MB", median(rates), peakRSSMegabytes()))
}

do {
  let options = try BenchOptions(CommandLine.arguments)
  let folder = options.corpus ?? NSTemporaryDirectory() + "cxrlabel-bench-commands"
  if options.scorePairs != nil || options.labelCSV != nil {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }
  if let pairs = options.scorePairs {
    try CommandBenchmarks.score(pairs: pairs, seed: options.seed, runs: options.runs, folder: folder)
  } else if let reports = options.labelCSV {
    try CommandBenchmarks.labelCSV(reports: reports, seed: options.seed, folder: folder)
  } else {
    try runBenchmark(options)
  }
} catch let error as BenchError where error.isHelp {
  print(error.description)
} catch {
  FileHandle.standardError.write(Data("cxrlabel-bench: \(error)\n".utf8))
  exit(2)
}
