import CXRLabel

#if canImport(Glibc)
  import Glibc
#endif

/// Coverage-guided fuzz targets for the parsers of outside input: CSV reports, the section extractor, the
/// sentence splitter, the phrase, rule and lexicon loaders, and the `judge` reader. Each target takes any bytes
/// and must return without crashing, leaking or hanging; errors thrown for bad input are the expected outcome.
///
/// Built with libFuzzer (`-sanitize=fuzzer -D FUZZING`, see `fuzz.sh` beside this file) the binary is a fuzzer
/// for the target named by `CXRLABEL_FUZZ_TARGET`. Built normally it replays files through a target:
/// `cxrlabel-fuzz TARGET FILE...`, which is how inputs that once found a bug are kept as regression tests.
enum FuzzTargets {
  /// The targets by name.
  static let all: [String: @Sendable ([UInt8]) -> Void] = [
    "csv": csv, "sections": sections, "sentences": sentences, "phrases": phrases, "rules": rules,
    "lexicon": lexicon, "judge": judge,
  ]

  static let sectionExtractor = SectionExtractor(rules: (try? DefaultResources.mimicSections()) ?? SectionRules())
  static let splitter = try? SentenceSplitter(model: DefaultResources.punktEnglish())
  static let judgeChexpert: Judge? = (try? DefaultResources.chexpertRules()).map {
    Judge(classifier: Classifier(rules: $0))
  }
  /// A file on a RAM disk the CSV target writes its input to (the reader reads files and standard input).
  static let csvPath = "/dev/shm/cxrlabel-fuzz-\(getpid()).csv"

  static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  /// The CSV reader behind `ReportSource`, with a header and without.
  static func csv(_ bytes: [UInt8]) {
    guard let file = fopen(csvPath, "wb") else { return }
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
    // With a header, or (when the input's first byte is odd) without one.
    var options = InputOptions()
    options.csvHasHeader = (bytes.first ?? 0) & 1 == 0
    guard let source = try? ReportSource(inputs: [csvPath], options: options) else { return }
    for case .report(let report) in source { _ = report.text.utf8.count }
  }

  /// MIMIC-CXR's section choice on any report text.
  static func sections(_ bytes: [UInt8]) {
    let report = text(bytes)
    _ = sectionExtractor.extract(report, studyID: "s50000001")
    _ = sectionExtractor.sections(of: report)
  }

  /// Punkt sentence splitting; every span must lie inside the text, in order.
  static func sentences(_ bytes: [UInt8]) {
    guard let splitter else { return }
    var end = 0
    for span in splitter.split(bytes) {
      precondition(span.lowerBound >= end && span.upperBound <= bytes.count, "sentence span out of order or range")
      end = span.upperBound
    }
  }

  /// cxrlabel's phrase format and NegBio's phrase YAML.
  static func phrases(_ bytes: [UInt8]) {
    _ = try? Vocabulary.parse(text(bytes), file: "fuzz.phrases")
    _ = try? Vocabulary.loadNegBioYAML(text(bytes), file: "fuzz.yml")
  }

  /// Rules in cxrlabel's notation and in NegBio's YAML, and the regex rule format.
  static func rules(_ bytes: [UInt8]) {
    _ = try? RuleSet.parseText(text(bytes), file: "fuzz.rules")
    _ = try? RuleSet.parseYAML(text(bytes), file: "fuzz.yml")
    _ = try? RegexRules.parse(text(bytes), file: "fuzz.regex")
  }

  /// The parser lexicon and the other line-based data files (Punkt facts, section rules).
  static func lexicon(_ bytes: [UInt8]) {
    try? DependencyParser.validateLexicon(text(bytes), file: "fuzz.lexicon")
    _ = try? PunktModel.parse(facts: text(bytes), file: "fuzz.facts")
    _ = try? SectionRules.parse(text(bytes), file: "fuzz.sections")
  }

  /// One `judge` record: read, then judged (graphs built, rules run, labels collected).
  static func judge(_ bytes: [UInt8]) {
    guard let study = try? GraphsReader.parse(line: text(bytes), file: "fuzz.jsonl", lineNumber: 1) else { return }
    _ = try? judgeChexpert?.judge(study)
  }
}

#if FUZZING
  /// libFuzzer's driver (the package's executable gets its own `main`, so the fuzzer is started from it).
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32

  /// The executable's entry point when fuzzing: hands over to libFuzzer.
  @_cdecl("cxrlabel_fuzz_main")
  func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzOneInput)
  }

  /// libFuzzer's entry point.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let name = getenv("CXRLABEL_FUZZ_TARGET").map { String(cString: $0) } ?? "csv"
    guard let target = FuzzTargets.all[name] else {
      let message =
        "cxrlabel-fuzz: unknown target \(name); one of \(FuzzTargets.all.keys.sorted().joined(separator: ", "))\n"
      _ = message.withCString { write(2, $0, strlen($0)) }
      exit(2)
    }
    target(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
  }
#else
  /// Replays files through a target: `cxrlabel-fuzz TARGET FILE...`.
  @main
  enum Replay {
    static func main() {
      let arguments = CommandLine.arguments.dropFirst()
      guard let name = arguments.first, let target = FuzzTargets.all[name] else {
        print(
          "usage: cxrlabel-fuzz TARGET FILE...   (targets: \(FuzzTargets.all.keys.sorted().joined(separator: ", ")))")
        print("Runs each file through the target, as the fuzzer would; see fuzz.sh to fuzz.")
        exit(2)
      }
      for path in arguments.dropFirst() {
        guard let file = fopen(path, "rb") else {
          print("cxrlabel-fuzz: cannot open \(path)")
          exit(1)
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
          let count = chunk.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, file) }
          if count == 0 { break }
          bytes += chunk[0..<count]
        }
        fclose(file)
        target(bytes)
      }
      unlink(FuzzTargets.csvPath)
      print("cxrlabel-fuzz: \(arguments.count - 1) inputs through \(name), no crash")
    }
  }
#endif
