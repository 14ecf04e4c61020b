/// One observation (a label column): the 14 CheXpert observations, or any category a phrase file defines.
public struct Observation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The display name, e.g. `Pleural Effusion`.
  public let name: String

  /// Creates an observation from its display name.
  public init(_ name: String) { self.name = name }

  /// Creates an observation from a phrase-file stem as the original labeler does: `_` becomes a space and
  /// each word is capitalised (`enlarged_cardiomediastinum` → `Enlarged Cardiomediastinum`).
  public init(fileStem: String) {
    // Python's str.title(): a letter after a non-letter is uppercased, every other letter lowercased.
    var result = ""
    var previousIsLetter = false
    for character in fileStem.replacingUnderscores() {
      let isLetter = character.isLetter
      result += isLetter ? (previousIsLetter ? character.lowercased() : character.uppercased()) : String(character)
      previousIsLetter = isLetter
    }
    name = result
  }

  /// The name.
  public var description: String { name }

  /// Orders by name.
  public static func < (lhs: Observation, rhs: Observation) -> Bool { lhs.name < rhs.name }

  /// Atelectasis.
  public static let atelectasis = Observation("Atelectasis")
  /// Cardiomegaly.
  public static let cardiomegaly = Observation("Cardiomegaly")
  /// Consolidation.
  public static let consolidation = Observation("Consolidation")
  /// Edema.
  public static let edema = Observation("Edema")
  /// Enlarged Cardiomediastinum.
  public static let enlargedCardiomediastinum = Observation("Enlarged Cardiomediastinum")
  /// Fracture.
  public static let fracture = Observation("Fracture")
  /// Lung Lesion.
  public static let lungLesion = Observation("Lung Lesion")
  /// Lung Opacity.
  public static let lungOpacity = Observation("Lung Opacity")
  /// No Finding: its phrases name *other* abnormalities, which only cancel No Finding.
  public static let noFinding = Observation("No Finding")
  /// Pleural Effusion.
  public static let pleuralEffusion = Observation("Pleural Effusion")
  /// Pleural Other.
  public static let pleuralOther = Observation("Pleural Other")
  /// Pneumonia.
  public static let pneumonia = Observation("Pneumonia")
  /// Pneumothorax.
  public static let pneumothorax = Observation("Pneumothorax")
  /// Support Devices.
  public static let supportDevices = Observation("Support Devices")

  /// The 14 CheXpert observations in MIMIC-CXR-JPG (alphabetical) column order.
  public static let mimicOrder: [Observation] = [
    .atelectasis, .cardiomegaly, .consolidation, .edema, .enlargedCardiomediastinum, .fracture, .lungLesion,
    .lungOpacity, .noFinding, .pleuralEffusion, .pleuralOther, .pneumonia, .pneumothorax, .supportDevices,
  ]

  /// The 14 observations in the CheXpert labeler's output column order.
  public static let chexpertOrder: [Observation] = [
    .noFinding, .enlargedCardiomediastinum, .cardiomegaly, .lungLesion, .lungOpacity, .edema, .consolidation,
    .pneumonia, .atelectasis, .pneumothorax, .pleuralEffusion, .pleuralOther, .fracture, .supportDevices,
  ]

  /// The 14 observations in the NegBio MIMIC-CXR collector's column order.
  public static let negbioOrder: [Observation] = [
    .atelectasis, .cardiomegaly, .consolidation, .edema, .enlargedCardiomediastinum, .fracture, .lungLesion,
    .lungOpacity, .pleuralEffusion, .pleuralOther, .pneumonia, .pneumothorax, .supportDevices, .noFinding,
  ]
}

extension StringProtocol {
  /// The text with every `_` replaced by a space.
  func replacingUnderscores() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "_" ? " " : $0 }))
  }
}
