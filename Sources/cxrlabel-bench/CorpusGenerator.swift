import Foundation

/// A deterministic pseudo-random generator (SplitMix64), so a seed always gives the same corpus.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Writes a MIMIC-CXR-like report tree (`files/pNN/pSUBJECT/sSTUDY.txt`) with realistic section lengths:
/// most reports have findings (3–8 sentences) and an impression (1–4), some only findings, a few neither.
struct CorpusGenerator {
  var seed: UInt64
  var reports: Int

  static let findings = [
    "The lungs are clear without focal consolidation.", "No pleural effusion or pneumothorax is seen.",
    "The cardiac silhouette is within normal limits.", "Heart size is normal.", "Mild cardiomegaly is stable.",
    "There is mild pulmonary vascular congestion.", "Small bilateral pleural effusions are present.",
    "Bibasilar atelectasis is noted.", "Endotracheal tube terminates 4.5 cm above the carina.",
    "A right internal jugular central line ends in the mid SVC.", "Nasogastric tube courses below the diaphragm.",
    "There is a 1.2 cm nodular opacity in the right upper lobe.", "Mediastinal and hilar contours are unremarkable.",
    "Left lower lobe opacity may represent atelectasis or pneumonia.", "No acute osseous abnormality.",
    "Degenerative changes of the thoracic spine.", "Moderate pulmonary edema has worsened.",
    "Pacemaker leads are unchanged in position.", "No evidence of free air below the diaphragm.",
    "Healed right rib fractures are again seen.", "Lungs are hyperinflated, consistent with COPD.",
    "Patchy airspace opacity in the right lower lobe, concerning for pneumonia.",
    "The aorta is tortuous and calcified.", "There is no focal airspace consolidation to suggest pneumonia.",
  ]
  static let impressions = [
    "No acute cardiopulmonary process.", "No acute intrathoracic abnormality.",
    "Mild pulmonary edema and small bilateral effusions.", "Right lower lobe pneumonia.",
    "Support devices in standard position.", "Cardiomegaly without pulmonary edema.",
    "Possible early left basilar pneumonia.", "Interval improvement in right pleural effusion.",
    "No pneumothorax.", "Pneumonia cannot be excluded.", "Stable mild cardiomegaly. Hyperexpanded but clear lungs.",
  ]

  /// Writes the tree under `root`; returns the number of bytes written.
  func write(to root: String) throws -> Int {
    var random = SeededGenerator(seed: seed)
    var bytes = 0
    var subject = 10_000_000
    var study = 50_000_000
    var index = 0
    while index < reports {
      subject += 1
      let studies = Int.random(in: 1...4, using: &random)
      let folder = "\(root)/files/p\(subject / 1_000_000)/p\(subject)"
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      for _ in 0..<min(studies, reports - index) {
        study += Int.random(in: 1...97, using: &random)
        let text = report(&random)
        try text.write(toFile: "\(folder)/s\(study).txt", atomically: false, encoding: .utf8)
        bytes += text.utf8.count
        index += 1
      }
    }
    return bytes
  }

  func report(_ random: inout SeededGenerator) -> String {
    func sentences(_ bank: [String], _ range: ClosedRange<Int>) -> String {
      (0..<Int.random(in: range, using: &random)).map { _ in bank.randomElement(using: &random) ?? "" }
        .joined(separator: "  ")
    }
    func wrap(_ text: String) -> String {
      var lines: [String] = []
      var line = ""
      for word in text.split(separator: " ", omittingEmptySubsequences: false) {
        if line.count + word.count > 76 {
          lines.append(line)
          line = ""
        }
        line += (line.isEmpty ? "" : " ") + word
      }
      lines.append(line)
      return lines.map { " " + $0 }.joined(separator: "\n")
    }
    var text = "                                 FINAL REPORT\n EXAMINATION:  CHEST (PA AND LAT)\n \n"
    text += " INDICATION:  ___ year old with shortness of breath.\n \n"
    text += " COMPARISON:  Chest radiograph from ___.\n \n"
    let shape = Int.random(in: 0..<100, using: &random)
    if shape < 95 { text += " FINDINGS:  \n \n" + wrap(sentences(Self.findings, 3...8)) + "\n \n" }
    if shape < 83 { text += " IMPRESSION:  \n \n" + wrap(sentences(Self.impressions, 1...4)) + "\n" }
    if shape >= 95 { text += " NOTE:  Preliminary read.\n \n" + wrap(sentences(Self.impressions, 1...3)) + "\n" }
    return text
  }
}
