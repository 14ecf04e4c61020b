import Foundation

/// Runs the built `cxrlabel` command on generated inputs and measures it as a user meets it: wall time and the
/// child process's peak resident memory (from `wait4`'s rusage).
enum CommandBenchmarks {
  /// The `cxrlabel` binary beside this benchmark's (built by `swift build -c release`).
  static func binary() throws -> String {
    let path = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
      .appendingPathComponent("cxrlabel").path
    guard FileManager.default.isExecutableFile(atPath: path) else {
      throw BenchError("There is no cxrlabel beside the benchmark (\(path)); build both: swift build -c release.")
    }
    return path
  }

  /// Runs `cxrlabel arguments` with standard output to /dev/null; returns seconds and peak RSS in MB.
  static func run(_ arguments: [String]) throws -> (seconds: Double, peakMegabytes: Double) {
    let path = try binary()
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let start = Date()
    let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
    guard spawned == 0 else { throw BenchError("Cannot run \(path): \(String(cString: strerror(spawned))).") }
    var status: Int32 = 0
    var usage = rusage()
    guard wait4(pid, &status, 0, &usage) == pid else { throw BenchError("Lost the cxrlabel process.") }
    let seconds = Date().timeIntervalSince(start)
    guard status == 0 else {
      throw BenchError("cxrlabel \(arguments.joined(separator: " ")) failed (status \(status)).")
    }
    return (seconds, Double(usage.ru_maxrss) / 1024)
  }

  /// Writes a label file of `studies` MIMIC-like studies (ids `s5…`, labels drawn at MIMIC-CXR's rough rates).
  static func writeLabelFile(_ path: String, studies: Int, seed: UInt64) throws {
    var random = SeededGenerator(seed: seed)
    let observations = [
      "Atelectasis", "Cardiomegaly", "Consolidation", "Edema", "Enlarged Cardiomediastinum", "Fracture", "Lung Lesion",
      "Lung Opacity", "No Finding", "Pleural Effusion", "Pleural Other", "Pneumonia", "Pneumothorax", "Support Devices",
    ]
    guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path)
    else { throw BenchError("Cannot write \(path).") }
    defer { try? handle.close() }
    var text = "study_id," + observations.joined(separator: ",") + "\n"
    for study in 0..<studies {
      text += "s\(50_000_000 + study)"
      for _ in observations {
        let draw = Int.random(in: 0..<100, using: &random)
        text += draw < 70 ? "," : draw < 85 ? ",1.0" : draw < 95 ? ",0.0" : ",-1.0"
      }
      text += "\n"
      if text.utf8.count > 1 << 20 {
        handle.write(Data(text.utf8))
        text = ""
      }
    }
    handle.write(Data(text.utf8))
  }

  /// Writes a CSV of `reports` MIMIC-like reports (study_id, report); returns its size in bytes.
  static func writeReportCSV(_ path: String, reports: Int, seed: UInt64) throws -> Int {
    var random = SeededGenerator(seed: seed)
    let generator = CorpusGenerator(seed: seed, reports: reports)
    guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path)
    else { throw BenchError("Cannot write \(path).") }
    defer { try? handle.close() }
    var bytes = 0
    var text = "study_id,report\n"
    for study in 0..<reports {
      text +=
        "s\(50_000_000 + study),\"" + generator.report(&random).replacingOccurrences(of: "\"", with: "\"\"") + "\"\n"
      if text.utf8.count > 1 << 20 {
        bytes += text.utf8.count
        handle.write(Data(text.utf8))
        text = ""
      }
    }
    bytes += text.utf8.count
    handle.write(Data(text.utf8))
    return bytes
  }

  /// `cxrlabel score` on two label files of `pairs` studies each, `runs` times.
  static func score(pairs: Int, seed: UInt64, runs: Int, folder: String) throws {
    let generated = folder + "/score-generated-\(pairs).csv"
    let reference = folder + "/score-reference-\(pairs).csv"
    if !FileManager.default.fileExists(atPath: reference) {
      try writeLabelFile(generated, studies: pairs, seed: seed)
      try writeLabelFile(reference, studies: pairs, seed: seed &+ 1)
    }
    print("score: two label files of \(pairs) studies each (seed \(seed)), at \(folder)")
    var times: [Double] = []
    var peaks: [Double] = []
    for number in 1...runs {
      let (seconds, peak) = try run(["score", generated, reference, "--quiet"])
      times.append(seconds)
      peaks.append(peak)
      print(String(format: "run %d: %.2f s, peak RSS %.1f MB", number, seconds, peak))
    }
    print(String(format: "median: %.2f s; peak RSS %.1f MB (largest of the runs)", median(times), peaks.max() ?? 0))
  }

  /// `cxrlabel label` on a CSV of `reports` reports and on one a quarter its size: the peak RSS of each, and how
  /// many bytes each further study adds.
  static func labelCSV(reports: Int, seed: UInt64, folder: String) throws {
    var peaks: [(studies: Int, megabytes: Double)] = []
    for studies in [reports / 4, reports] {
      let csv = folder + "/reports-\(studies).csv"
      var size = (try? FileManager.default.attributesOfItem(atPath: csv)[.size] as? Int) ?? nil
      if size == nil { size = try writeReportCSV(csv, reports: studies, seed: seed) }
      let (seconds, peak) = try run([csv, "-o", folder + "/labels.csv.gz", "--quiet"])
      peaks.append((studies, peak))
      print(
        String(
          format: "label: %d reports (%.0f MB of CSV) in %.1f s, %.0f reports/s, peak RSS %.1f MB",
          studies, Double(size ?? 0) / 1_000_000, seconds, Double(studies) / seconds, peak))
    }
    let growth = (peaks[1].megabytes - peaks[0].megabytes) * 1024 * 1024 / Double(peaks[1].studies - peaks[0].studies)
    print(String(format: "growth: %.1f bytes of peak RSS per further study", growth))
  }
}
