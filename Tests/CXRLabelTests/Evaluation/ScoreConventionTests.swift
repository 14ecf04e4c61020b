import Foundation
import Testing

@testable import CXRLabel

/// `ScoreConvention`: each lineage's figures equal what its own code printed on our fixtures
/// (`Fixtures/ce-conventions`), and the bootstrap and the paired comparison are what a direct resampling gives.
@Suite struct ScoreConventionTests {
  static let fixtures = ["random40", "blanks30", "oneclass25"]

  /// The fixture's two label files as label rows, paired by study id.
  static func labels(_ fixture: String) throws -> (truth: [StudyLabels], predictions: [StudyLabels]) {
    let folder = TestPaths.fixtures + "/ce-conventions/" + fixture
    let generated = try LabelFile.read(path: folder + "/generated.csv")
    let reference = try LabelFile.read(path: folder + "/reference.csv")
    let ids = reference.ids.filter { generated.rows[$0] != nil }
    return (ids.map { reference.rows[$0] ?? [:] }, ids.map { generated.rows[$0] ?? [:] })
  }

  /// The figures the lineage's code printed (`"NaN"` as nil), under cxrlabel's key names.
  static func expected(_ fixture: String, _ convention: ScoreConvention) throws -> [String: Double?] {
    let path = TestPaths.fixtures + "/ce-conventions/\(fixture)/\(convention.rawValue).json"
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    func number(_ value: Any?) -> Double? { value as? Double ?? (value as? Int).map(Double.init) }
    switch convention {
    case .chexbert:
      let run = try #require(object["f1chexbert_0.0.2"] as? [String: Any])
      var figures: [String: Double?] = ["accuracy": number(run["accuracy"])]
      for (name, key) in [("5", "classification_report_5"), ("all", "classification_report_all")] {
        let report = try #require(run[key] as? [String: [String: Any]])
        for average in ["micro", "macro", "weighted", "samples"] {
          for (figure, theirs) in [("f1", "f1-score"), ("precision", "precision"), ("recall", "recall")] {
            figures["f1chexbert_\(name)_\(average)_\(figure)"] = number(report[average + " avg"]?[theirs])
          }
        }
      }
      return figures
    default:
      let metrics = try #require(object["metrics"] as? [String: Any])
      return metrics.mapValues { number($0) }
    }
  }

  @Test(arguments: fixtures, [ScoreConvention.r2gen, .wcl, .chexbert])
  func figuresEqualTheLineagesOwnCode(_ fixture: String, _ convention: ScoreConvention) throws {
    let (truth, predictions) = try Self.labels(fixture)
    let figures = try #require(convention.figures(truth: truth, predictions: predictions, uncertainIsPositive: false))
    let expected = try Self.expected(fixture, convention)
    #expect(expected.count >= 4)
    for (key, value) in expected {
      let ours = figures.values.first { $0.key == key }
      #expect(ours != nil, "\(fixture) \(convention): no \(key)")
      if let value {
        #expect(
          abs((ours?.value ?? .nan) - value) < 1e-9,
          "\(fixture) \(convention) \(key): \(String(describing: ours?.value)) vs \(value)")
      } else {
        #expect(ours?.value == nil, "\(fixture) \(convention) \(key) should be undefined")
      }
    }
  }

  /// R2Gen's code cannot compute ROC AUC where the reference has one class: those figures and their average are
  /// undefined, a note says so, and the other figures are still there.
  @Test func r2genNamesWhatItsCodeCannotCompute() throws {
    let (truth, predictions) = try Self.labels("oneclass25")
    let figures = try #require(
      ScoreConvention.r2gen.figures(truth: truth, predictions: predictions, uncertainIsPositive: false))
    #expect(figures["AVG_AUCROC"] == nil && figures["F1_MACRO"] != nil)
    #expect(figures.notes.count == 1 && figures.notes[0].contains("Fracture"))
  }

  /// The conventions count −1 as their code does: R2Gen as negative, WCL and CheXbert as positive.
  @Test func uncertainCountsAsEachLineageCountsIt() {
    #expect(!ScoreConvention.r2gen.isPositive(.uncertain, uncertainIsPositive: true))
    #expect(ScoreConvention.wcl.isPositive(.uncertain, uncertainIsPositive: false))
    #expect(ScoreConvention.chexbert.isPositive(.uncertain, uncertainIsPositive: false))
    #expect(!ScoreConvention.chexbert.isPositive(nil, uncertainIsPositive: true))
    #expect(ScoreConvention.standard.isPositive(.uncertain, uncertainIsPositive: true))
  }

  /// The intervals are the percentiles of the figures on resamples drawn with the same generator, done here
  /// directly; the same seed gives the same intervals, another seed others.
  @Test func bootstrapIntervalsAreADirectResampling() throws {
    let (truth, predictions) = try Self.labels("random40")
    let convention = ScoreConvention.chexbert
    let t = convention.binary(truth, uncertainIsPositive: false)
    let p = convention.binary(predictions, uncertainIsPositive: false)
    let bootstrap = ScoreBootstrap(resamples: 200, seed: 7)
    let intervals = try #require(bootstrap.intervals(convention, truth: t, predictions: p))
    var random = SeededRandom(seed: 7)
    var samples: [String: [Double]] = [:]
    for _ in 0..<200 {
      let rows = (0..<t.rows).map { _ in Int(random.next() % UInt64(t.rows)) }
      let figures = try #require(convention.figures(truth: t.selecting(rows), predictions: p.selecting(rows)))
      for figure in figures.values { if let value = figure.value { samples[figure.key, default: []].append(value) } }
    }
    for interval in intervals {
      let sorted = try #require(samples[interval.key]).sorted()
      func percentile(_ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position)
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
      }
      #expect(
        abs((interval.low ?? .nan) - percentile(0.025)) < 1e-12
          && abs((interval.high ?? .nan) - percentile(0.975)) < 1e-12)
      let observed = try #require(convention.figures(truth: t, predictions: p)?[interval.key])
      #expect((interval.low ?? 2) <= (interval.high ?? -1) && observed >= (interval.low ?? 2) - 0.2)
    }
    #expect(bootstrap.intervals(convention, truth: t, predictions: p) == intervals)
    #expect(ScoreBootstrap(resamples: 200, seed: 8).intervals(convention, truth: t, predictions: p) != intervals)
  }

  /// A set compared with itself differs by 0 with p = 1; compared with the truth itself, it is worse everywhere
  /// the truth is perfect.
  @Test func pairedComparison() throws {
    let (truth, predictions) = try Self.labels("random40")
    let t = ScoreConvention.standard.binary(truth, uncertainIsPositive: false)
    let p = ScoreConvention.standard.binary(predictions, uncertainIsPositive: false)
    let bootstrap = ScoreBootstrap(resamples: 300, seed: 1)
    let same = try #require(bootstrap.compare(.standard, truth: t, a: p, b: p))
    #expect(same.allSatisfy { $0.difference == 0 && $0.p == 1 })
    let versusPerfect = try #require(bootstrap.compare(.standard, truth: t, a: p, b: t))
    let f1 = try #require(versusPerfect.first { $0.key == "f1_micro" })
    #expect(f1.b == 1 && (f1.difference ?? 0) < -0.5 && (f1.high ?? 0) < 0 && (f1.p ?? 1) < 0.01)
  }
}
