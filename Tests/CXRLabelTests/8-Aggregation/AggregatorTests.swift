import Testing

@testable import CXRLabel

@Suite("Aggregating mentions into labels (SPEC 2.8, 4.3 item 8)")
struct AggregatorTests {
  func vote(_ observation: Observation, _ label: LabelValue, _ text: String = "x") -> MentionVote {
    MentionVote(observation: observation, label: label, text: text)
  }

  func edema(_ votes: [LabelValue], _ aggregator: Aggregator = .chexpert) -> LabelValue? {
    aggregator.labels(votes.map { vote(.edema, $0) })[.edema]
  }

  @Test func voteReductionTable() {
    #expect(edema([.negative]) == .negative)
    #expect(edema([.uncertain]) == .uncertain)
    #expect(edema([.negative, .uncertain]) == .uncertain)
    #expect(edema([.positive, .negative, .uncertain]) == .uncertain)
    #expect(edema([.uncertain, .positive, .negative]) == .uncertain)
    #expect(edema([.negative, .positive]) == .positive)
    #expect(edema([.uncertain, .positive]) == .positive)
    #expect(edema([.negative, .negative]) == .negative)
    #expect(edema([.positive, .positive]) == .positive)
    #expect(edema([]) == nil)
  }

  @Test func negBioMIMICResolvesNegativeAndUncertainToNegative() {
    #expect(edema([.negative, .uncertain], .negbioMIMIC) == .negative)
    #expect(edema([.positive, .negative, .uncertain], .negbioMIMIC) == .negative)
    #expect(edema([.uncertain, .positive], .negbioMIMIC) == .positive)
  }

  @Test func noFindingOnlyEverPositiveOrBlank() {
    #expect(Aggregator.chexpert.labels([]) == [.noFinding: .positive])
    #expect(Aggregator.chexpert.labels([vote(.edema, .negative)]) == [.noFinding: .positive, .edema: .negative])
    #expect(Aggregator.chexpert.labels([vote(.edema, .uncertain)]) == [.edema: .uncertain])
    #expect(Aggregator.chexpert.labels([vote(.edema, .positive)]) == [.edema: .positive])
    // No Finding-list mentions never vote for No Finding themselves.
    #expect(Aggregator.chexpert.labels([vote(.noFinding, .negative)]) == [.noFinding: .positive])
  }

  @Test func supportDevicesNeverBlockNoFinding() {
    #expect(
      Aggregator.chexpert.labels([vote(.supportDevices, .positive)]) == [
        .noFinding: .positive, .supportDevices: .positive,
      ])
  }

  @Test func noFindingListMentionsCancelNoFindingOnlyInCheXpert() {
    let scoliosis = [vote(.noFinding, .positive, "scoliosis")]
    #expect(Aggregator.chexpert.labels(scoliosis) == [:])
    #expect(Aggregator.chexpert.labels([vote(.noFinding, .uncertain)]) == [:])
    #expect(Aggregator.negbioMIMIC.labels(scoliosis) == [.noFinding: .positive])
  }

  @Test func heartFailureMakesCardiomegalyAtLeastUncertain() {
    #expect(
      Aggregator.chexpert.labels([vote(.edema, .positive, "chf")]) == [.edema: .positive, .cardiomegaly: .uncertain])
    #expect(
      Aggregator.chexpert.labels([vote(.edema, .uncertain, "heart failure")])
        == [.edema: .uncertain, .cardiomegaly: .uncertain])
    #expect(Aggregator.chexpert.labels([vote(.edema, .negative, "chf")]) == [.edema: .negative, .noFinding: .positive])
    // With a negated cardiomegaly mention the result is −1 (negative and uncertain votes).
    #expect(
      Aggregator.chexpert.labels([vote(.edema, .positive, "chf"), vote(.cardiomegaly, .negative, "cardiomegaly")])[
        .cardiomegaly] == .uncertain)
    #expect(
      Aggregator.chexpert.labels([vote(.edema, .positive, "chf"), vote(.cardiomegaly, .positive, "cardiomegaly")])[
        .cardiomegaly] == .positive)
    // CheXpert compares exactly; NegBio-MIMIC lowercases first.
    #expect(Aggregator.chexpert.labels([vote(.edema, .positive, "CHF")])[.cardiomegaly] == nil)
    #expect(Aggregator.negbioMIMIC.labels([vote(.edema, .positive, "CHF")])[.cardiomegaly] == .uncertain)
    #expect(Aggregator.negbioMIMIC.labels([vote(.edema, .positive, "Heart Failure")])[.cardiomegaly] == .uncertain)
    #expect(Aggregator.chexpert.labels([vote(.edema, .positive, "heart  failure")])[.cardiomegaly] == nil)
  }

  @Test func labelsFromMentionsReadTheirText() {
    let text = Array("mild chf. no effusion".utf8)
    let mentions = [
      Mention(observation: .edema, phrase: "chf", span: 5..<8, sentence: 0),
      Mention(observation: .pleuralEffusion, phrase: "effusion", span: 13..<21, sentence: 1),
    ]
    let labels = Aggregator.chexpert.labels(text: text, mentions: mentions, mentionLabels: [.positive, .negative])
    #expect(labels == [.edema: .positive, .cardiomegaly: .uncertain, .pleuralEffusion: .negative])
  }
}
