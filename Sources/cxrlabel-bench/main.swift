import CXRLabel
import Foundation

// cxrlabel-bench: generates a seeded MIMIC-like report tree and times the pipeline on it (release build).
//
//   swift run -c release cxrlabel-bench [--reports N] [--seed S] [--jobs J] [--runs R] [--corpus DIR]

struct BenchOptions {
  var reports = 20_000
  var seed: UInt64 = 42
  var jobs = ProcessInfo.processInfo.activeProcessorCount
  var runs = 3
  var corpus: String?

  init(_ arguments: [String]) throws {
    var iterator = arguments.dropFirst().makeIterator()
    while let flag = iterator.next() {
      guard let value = iterator.next() else { throw BenchError("\(flag) needs a value") }
      switch flag {
      case "--reports": reports = Int(value) ?? reports
      case "--seed": seed = UInt64(value) ?? seed
      case "--jobs": jobs = Int(value) ?? jobs
      case "--runs": runs = Int(value) ?? runs
      case "--corpus": corpus = value
      default: throw BenchError("unknown option \(flag)")
      }
    }
  }
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
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

let options = try BenchOptions(CommandLine.arguments)
let root = options.corpus ?? NSTemporaryDirectory() + "cxrlabel-bench-\(options.seed)-\(options.reports)"
let marker = root + "/.complete"
var corpusBytes = 0
if FileManager.default.fileExists(atPath: marker) {
  corpusBytes = Int((try? String(contentsOfFile: marker, encoding: .utf8)) ?? "0") ?? 0
} else {
  try? FileManager.default.removeItem(atPath: root)
  corpusBytes = try CorpusGenerator(seed: options.seed, reports: options.reports).write(to: root)
  try String(corpusBytes).write(toFile: marker, atomically: true, encoding: .utf8)
}
print("corpus: \(options.reports) MIMIC-like report files (seed \(options.seed)), \(corpusBytes / 1024) KiB, at \(root)")
print("pipeline: read → sections → clean → sentences → mentions → parse → rules → labels → gzip CSV; jobs \(options.jobs)")

let labeler = try Labeler.chexpert()
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
  print(String(format: "run %d: %d reports in %.2f s: %.0f reports/s, %.1f MB/s", run, count, seconds, rate,
    Double(corpusBytes) / seconds / 1_000_000))
}
print(String(format: "median: %.0f reports/s; peak RSS %.1f MB", median(rates), peakRSSMegabytes()))
