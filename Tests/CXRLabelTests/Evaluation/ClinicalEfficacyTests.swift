import Foundation
import Testing

@testable import CXRLabel

@Suite("Clinical-efficacy scores (scikit-learn's definitions)")
struct ClinicalEfficacyTests {
  // Three studies, three observations, worked by hand:
  //   truth        predictions
  //   1 0 1        1 1 0
  //   0 1 0        0 1 0
  //   0 0 0        0 0 0
  let observations: [Observation] = [.atelectasis, .cardiomegaly, .fracture]
  var scores: ClinicalEfficacy {
    ClinicalEfficacy(
      truth: BinaryMatrix([[true, false, true], [false, true, false], [false, false, false]], columns: 3),
      predictions: BinaryMatrix([[true, true, false], [false, true, false], [false, false, false]], columns: 3),
      observations: observations)
  }

  @Test func perObservationFiguresWithZeroDivisionAsZero() {
    let per = scores.perObservation
    #expect(per[0] == .init(precision: 1, recall: 1, f1: 1, support: 1))
    #expect(per[1].precision == 0.5 && per[1].recall == 1 && abs(per[1].f1 - 2.0 / 3) < 1e-12)
    // Fracture: never predicted, missed once: precision's denominator is zero, so 0.
    #expect(per[2] == .init(precision: 0, recall: 0, f1: 0, support: 1))
  }

  @Test func microMacroAndExampleAverages() {
    let s = scores
    #expect(abs(s.micro.precision - 2.0 / 3) < 1e-12 && abs(s.micro.recall - 2.0 / 3) < 1e-12)
    #expect(abs(s.micro.f1 - 2.0 / 3) < 1e-12 && s.micro.support == 3)
    #expect(abs(s.macro.precision - 0.5) < 1e-12 && abs(s.macro.recall - 2.0 / 3) < 1e-12)
    #expect(abs(s.macro.f1 - 5.0 / 9) < 1e-12)
    // Per study: (0.5, 0.5, 0.5), (1, 1, 1), and the study with no positive at all scores 0 (zero_division=0).
    #expect(s.example.precision == 0.5 && s.example.recall == 0.5 && s.example.f1 == 0.5)
    #expect(s.studies == 3)
  }

  @Test func fiveObservationScoresUseOnlyThoseColumns() {
    // Atelectasis and Cardiomegaly are among the five; Fracture is not.
    #expect(abs(scores.f1Micro5 - 0.8) < 1e-12)  // tp 2, fp 1, fn 0
    #expect(abs(scores.f1Macro5 - 5.0 / 6) < 1e-12)  // (1 + 2/3) / 2
  }

  @Test func uncertainCountsAsChosen() throws {
    let truth: [StudyLabels] = [[.edema: .uncertain, .atelectasis: .positive]]
    let predictions: [StudyLabels] = [[.edema: .positive, .atelectasis: .negative]]
    let negative = try #require(ClinicalEfficacy(truth: truth, predictions: predictions, uncertainIsPositive: false))
    let positive = try #require(ClinicalEfficacy(truth: truth, predictions: predictions, uncertainIsPositive: true))
    let edema = try #require(Observation.mimicOrder.firstIndex(of: .edema))
    #expect(negative.perObservation[edema].precision == 0 && negative.perObservation[edema].support == 0)
    #expect(positive.perObservation[edema].precision == 1 && positive.perObservation[edema].support == 1)
    #expect(negative.observations == Observation.mimicOrder)
    #expect(ClinicalEfficacy(truth: [], predictions: [], uncertainIsPositive: false) == nil)
  }

  @Test func jsonHasTheDocumentedKeys() throws {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(scores.json.utf8)) as? [String: Any])
    let keys: Set<String> = [
      "precision_micro", "recall_micro", "f1_micro", "precision_macro", "recall_macro", "f1_macro",
      "precision_example", "recall_example", "f1_example", "f1_micro_5", "f1_macro_5", "per_observation",
    ]
    #expect(Set(object.keys) == keys)
    #expect((object["f1_macro"] as? Double).map { abs($0 - 5.0 / 9) < 1e-15 } == true)
    let per = try #require(object["per_observation"] as? [String: [String: Any]])
    #expect(Set(per.keys) == ["Atelectasis", "Cardiomegaly", "Fracture"])
    #expect(per["Cardiomegaly"]?["support"] as? Int == 1 && per["Cardiomegaly"]?["precision"] as? Double == 0.5)
  }

  @Test func reportShowsThreeDecimals() {
    let report = scores.report
    #expect(report.contains("Cardiomegaly                   0.500     1.000     0.667         1"))
    #expect(report.contains("macro F1, 5 observations                           0.833"))
  }
}
