import Foundation
import Testing

@testable import CXRLabel

/// The construction matrix (issue 21): every construction the parser knows, composed with our vocabulary's
/// fillers and placed in every context frame, must give the labels its gold graph gives, for at least 99% of at
/// least 200 generated sentences. `CXR_MATRIX_FAILURES=N` prints the first N failures of each construction.
@Suite struct ConstructionMatrixTests {
  static let labeler = try! Labeler.chexpert()

  @Test(arguments: MatrixConstruction.all.map(\.id))
  func constructionHoldsInEveryFrame(_ id: String) throws { try check(id, labeler: Self.labeler, name: "chexpert") }

  /// NegBio mode shares the parser: the same matrix under NegBio's rules and label collection.
  static let negbio = try! Labeler.negbio()

  @Test(arguments: MatrixConstruction.all.map(\.id))
  func constructionHoldsUnderNegBiosRules(_ id: String) throws { try check(id, labeler: Self.negbio, name: "negbio") }

  /// Runs construction `id` with `labeler`, prints its tally and first failures, and expects 99% of at least 200.
  func check(_ id: String, labeler: Labeler, name: String) throws {
    let construction = try #require(MatrixConstruction.all.first { $0.id == id })
    var failures: [ConstructionMatrix.Failure] = []
    let tally = ConstructionMatrix(labeler: labeler).run(construction, failures: &failures)
    let shown = Int(ProcessInfo.processInfo.environment["CXR_MATRIX_FAILURES"] ?? "") ?? 3
    print("matrix \(name) \(id): \(tally.passed)/\(tally.sentences) (\(String(format: "%.2f", tally.rate * 100))%)")
    for failure in failures.prefix(shown) { print(failure) }
    #expect(tally.sentences >= 200, "\(id) generates only \(tally.sentences) sentences")
    #expect(
      tally.rate >= 0.99,
      "\(id): \(tally.passed)/\(tally.sentences) pass; first: \(failures.first.map(\.description) ?? "")")
  }

  /// The gold side is not vacuous: templates give labels of every kind, so a parser that left every mention
  /// positive (or negated everything) would fail the matrix.
  @Test func goldLabelsCoverEveryValue() {
    var seen = Set<LabelValue>()
    let matrix = ConstructionMatrix(labeler: Self.labeler)
    let workspace = RuleWorkspace()
    for construction in MatrixConstruction.all {
      for variant in construction.variants.prefix(40) {
        let sentences = ContextFrame.plain[0].build(variant)
        let text = sentences.map(\.text).joined(separator: " ")
        if let labels = matrix.goldLabels(sentences, text: text, workspace: workspace).labels {
          seen.formUnion(labels.values)
        }
      }
    }
    #expect(seen == Set(LabelValue.allCases))
  }
}
