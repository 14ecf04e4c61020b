import Foundation
import Testing

/// `cxrlabel dataset` on split and metadata files laid out as MIMIC-CXR-JPG's, generated here, against rows
/// computed independently in the test for each policy and filter.
@Suite("cxrlabel dataset", .serialized)
struct DatasetCommandTests {
  let scratch = ScratchDirectory()

  static let observations = [
    "Atelectasis", "Cardiomegaly", "Consolidation", "Edema", "Enlarged Cardiomediastinum", "Fracture", "Lung Lesion",
    "Lung Opacity", "No Finding", "Pleural Effusion", "Pleural Other", "Pneumonia", "Pneumothorax", "Support Devices",
  ]

  /// Images: (dicom, subject, study, split, ViewPosition or nil when missing from the metadata).
  static let images: [(String, String, String, String, String?)] = [
    ("d1", "10000032", "50414267", "train", "PA"), ("d2", "10000032", "50414267", "train", "LATERAL"),
    ("d3", "10000032", "53189527", "train", "AP"), ("d4", "11000011", "56699142", "validate", ""),
    ("d5", "19999987", "58971208", "test", "PA"), ("d6", "12000000", "59000000", "train", nil),
  ]

  /// Labels by study (the file writes study 53189527 with an `s`, as NegBio does); 59000000 has no row and
  /// 51111111 has no image.
  static let labels: [String: [String: String]] = [
    "50414267": ["Cardiomegaly": "1.0", "Edema": "-1.0", "Pleural Effusion": "0.0"],
    "53189527": ["No Finding": "1.0"],
    "56699142": ["Atelectasis": "-1.0", "Support Devices": "1.0"],
    "58971208": ["Pneumonia": "-1.0", "Lung Opacity": "1.0"],
    "51111111": ["Fracture": "1.0"],
  ]

  func writeInputs() throws -> (labels: String, split: String, metadata: String) {
    var labelText = "subject_id,study_id," + Self.observations.joined(separator: ",") + "\n"
    for (study, values) in Self.labels.sorted(by: { $0.key < $1.key }) {
      let id = study == "53189527" ? "s" + study : study
      labelText += "1," + id + "," + Self.observations.map { values[$0] ?? "" }.joined(separator: ",") + "\n"
    }
    var split = "dicom_id,study_id,subject_id,split\n"
    var metadata =
      "dicom_id,subject_id,study_id,PerformedProcedureStepDescription,ViewPosition,Rows,Columns,StudyDate,"
      + "StudyTime,ProcedureCodeSequence_CodeMeaning,ViewCodeSequence_CodeMeaning,PatientOrientationCodeSequence_CodeMeaning\n"
    for (dicom, subject, study, part, view) in Self.images {
      split += "\(dicom),\(study),\(subject),\(part)\n"
      if let view {
        metadata +=
          "\(dicom),\(subject),\(study),CHEST (PA AND LAT),\(view),3056,2544,21800506,213014.531,CHEST (PA AND LAT),postero-anterior,Erect\n"
      }
    }
    let paths = (scratch.path("labels.csv"), scratch.path("split.csv"), scratch.path("metadata.csv"))
    try labelText.write(toFile: paths.0, atomically: true, encoding: .utf8)
    try split.write(toFile: paths.1, atomically: true, encoding: .utf8)
    try metadata.write(toFile: paths.2, atomically: true, encoding: .utf8)
    return paths
  }

  /// The rows expected for a policy and filter, computed from the tables above.
  static func expected(uncertain: String, blank: String, views: Set<String>?, splits: Set<String>?) -> [String] {
    var rows = ["dicom_id,subject_id,study_id,split,ViewPosition,path," + observations.joined(separator: ",")]
    for (dicom, subject, study, part, view) in images {
      if let splits, !splits.contains(part) { continue }
      if let views, !views.contains(view ?? "") { continue }
      let values = observations.map { name -> String in
        var value = labels[study]?[name] ?? ""
        if value == "-1.0" { value = ["keep": "-1.0", "ones": "1.0", "zeros": "0.0", "ignore": ""][uncertain]! }
        // A study without a label row stays blank: zeros would read as a normal study.
        if value.isEmpty, blank == "zeros", labels[study] != nil { value = "0.0" }
        return value
      }
      let path = "files/p\(subject.prefix(2))/p\(subject)/s\(study)/\(dicom).jpg"
      rows.append(([dicom, subject, study, part, view ?? "", path] + values).joined(separator: ","))
    }
    return rows
  }

  @Test(
    arguments: [
      ("keep", "keep", nil, nil), ("ones", "keep", nil, nil), ("zeros", "zeros", nil, nil),
      ("ignore", "keep", nil, nil),
      ("keep", "keep", "PA,AP", nil), ("keep", "keep", "", nil), ("ones", "zeros", "PA", "train,test"),
    ] as [(String, String, String?, String?)])
  func rowsFollowTheSplitFileWithEachPolicy(uncertain: String, blank: String, views: String?, splits: String?) throws {
    let inputs = try writeInputs()
    let output = scratch.path("images-\(UUID()).csv")
    var arguments = [
      "dataset", inputs.labels, "--split", inputs.split, "--metadata", inputs.metadata, "-o", output,
      "--uncertain", uncertain, "--blank", blank,
    ]
    if let views { arguments += ["--views", views] }
    if let splits { arguments += ["--splits", splits] }
    let result = try CommandLineTests.run(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    let rows = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map(String.init)
    let viewSet = views.map { Set($0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)) }
    #expect(
      rows
        == Self.expected(
          uncertain: uncertain, blank: blank, views: viewSet,
          splits: splits.map { Set($0.split(separator: ",").map(String.init)) }))
  }

  /// Mismatches are counted and named, never dropped silently; gzip inputs are read.
  @Test func mismatchesAreNamed() throws {
    let inputs = try writeInputs()
    let gzipped = scratch.path("split.csv.gz")
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
    gzip.arguments = ["-c", "gzip -c \"$0\" > \"$1\"", inputs.split, gzipped]
    try gzip.run()
    gzip.waitUntilExit()
    let result = try CommandLineTests.run(["dataset", inputs.labels, "--split", gzipped, "--metadata", inputs.metadata])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.split(separator: "\n").count == 7)
    #expect(result.stderr.contains("6 images written."))
    #expect(result.stderr.contains("without a label row, kept with blank labels): 1 (59000000)"))
    #expect(result.stderr.contains("has no image in the split file, not written): 1 (51111111)"))
    #expect(result.stderr.contains("missing from the metadata file, ViewPosition empty): 1 (d6)"))
  }

  /// A label file for other studies gave 884 blank rows and exit 0 (all-zero rows with `--blank zeros`).
  @Test func aLabelFileThatMatchesNothingIsRefused() throws {
    let inputs = try writeInputs()
    let other = scratch.path("other.csv")
    try
      ("study_id," + Self.observations.joined(separator: ",") + "\n51234567,1.0" + String(repeating: ",", count: 13)
      + "\n")
      .write(toFile: other, atomically: true, encoding: .utf8)
    let output = scratch.path("images.csv")
    let result = try CommandLineTests.run(
      ["dataset", other, "--split", inputs.split, "--metadata", inputs.metadata, "--blank", "zeros", "-o", output])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains("None of the 1 studies of \(other) has an image in \(inputs.split)"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  /// Above 5% of the split's studies without a label row, the run warns loudly (here 1 of 5).
  @Test func manyStudiesWithoutLabelsWarnLoudly() throws {
    let inputs = try writeInputs()
    let result = try CommandLineTests.run([
      "dataset", inputs.labels, "--split", inputs.split, "--metadata", inputs.metadata,
    ])
    #expect(result.status == 0)
    #expect(result.stderr.contains("cxrlabel: warning: 1 of 5 studies (20%) have no row in"), "\(result.stderr)")
  }

  /// Joins that were not checked: each is refused by name before anything is written.
  @Test func uncheckedJoinsAreRefused() throws {
    let inputs = try writeInputs()
    let split = try String(contentsOfFile: inputs.split, encoding: .utf8)
    let metadata = try String(contentsOfFile: inputs.metadata, encoding: .utf8)
    let labels = try String(contentsOfFile: inputs.labels, encoding: .utf8)
    func attempt(split: String? = nil, metadata: String? = nil, labels: String? = nil, extra: [String] = []) throws
      -> CommandLineTests.Result
    {
      let paths = (scratch.path("s-\(UUID()).csv"), scratch.path("m-\(UUID()).csv"), scratch.path("l-\(UUID()).csv"))
      try (split ?? "").write(toFile: paths.0, atomically: true, encoding: .utf8)
      try (metadata ?? "").write(toFile: paths.1, atomically: true, encoding: .utf8)
      try (labels ?? "").write(toFile: paths.2, atomically: true, encoding: .utf8)
      let output = scratch.path("out-\(UUID()).csv")
      let result = try CommandLineTests.run(
        ["dataset", paths.2, "--split", paths.0, "--metadata", paths.1, "-o", output] + extra)
      #expect(!FileManager.default.fileExists(atPath: output))
      return result
    }
    let lines = split.split(separator: "\n").map(String.init)
    let cases: [(CommandLineTests.Result, String)] = [
      (
        try attempt(split: split + lines[1] + "\n", metadata: metadata, labels: labels),
        "dicom_id d1 is here a second time (first on line 2)"
      ),
      (
        try attempt(split: split + "d9,5.0e7,10000032,train\n", metadata: metadata, labels: labels),
        "study_id \"5.0e7\" is not a MIMIC-CXR number"
      ),
      (
        try attempt(split: split + "d9,,10000032,train\n", metadata: metadata, labels: labels),
        "study_id \"\" is not a MIMIC-CXR number"
      ),
      (
        try attempt(split: split + "d9,50414267,abc,train\n", metadata: metadata, labels: labels),
        "subject_id \"abc\" is not a MIMIC-CXR number"
      ),
      (
        try attempt(
          split: split, metadata: metadata + "d1,1,1,x,AP,1,1,1,1,x,x,x\n", labels: labels),
        "dicom_id d1 is here a second time, with ViewPosition \"AP\""
      ),
      (
        try attempt(split: split, metadata: metadata, labels: labels + labels.split(separator: "\n")[1] + "\n"),
        "rows that repeat an earlier study id"
      ),
      (
        try attempt(
          split: split, metadata: metadata,
          labels: "Reports," + Self.observations.joined(separator: ",") + "\nx,1.0" + String(repeating: ",", count: 13)
            + "\n"),
        "has no study_id or id column"
      ),
      (
        try attempt(split: split, metadata: metadata, labels: labels, extra: ["--splits", "trian"]),
        "\"trian\" is not a split of MIMIC-CXR-JPG"
      ),
    ]
    for (result, message) in cases {
      #expect(result.status != 0 && result.stderr.contains(message), "\(message): \(result.stderr)")
    }
  }

  @Test func helpTeachesWithAnExample() throws {
    let help = try CommandLineTests.run(["dataset", "--help"])
    #expect(help.stdout.contains("--split mimic-cxr-2.0.0-split.csv.gz"))
    #expect(help.stdout.contains("U-Ones"))
  }
}
