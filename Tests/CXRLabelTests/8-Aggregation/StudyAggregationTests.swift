import Testing

@testable import CXRLabel

/// `Aggregator.aggregate` is the one place a study's row is decided: the labeler and `judge` give the same row for
/// the same study, including one with no text (blank by default).
@Suite struct StudyAggregationTests {
  @Test func judgeAndLabelGiveAnEmptyStudyTheSameRow() throws {
    let empty = try GraphsReader.parse(
      line: #"{"study_id":"s1","clean":"  ","sentences":[],"mentions":[]}"#, file: "t.jsonl", lineNumber: 1)
    var judge = try Judge.chexpert()
    var labeler = try Labeler.chexpert()
    #expect(try judge.judge(empty).labels == labeler.label(Report(id: StudyID(study: "s1"), text: "  ")).labels)
    #expect(try judge.judge(empty).labels.isEmpty)
    judge.emptyText = .noFinding
    labeler.emptyText = .noFinding
    #expect(try judge.judge(empty).labels == [.noFinding: .positive])
    #expect(labeler.label(Report(id: StudyID(study: "s1"), text: "")).labels == [.noFinding: .positive])
  }

  @Test func anUnconfirmedNeutralMentionDoesNotVote() throws {
    let text = Array("the heart. no effusion.".utf8)
    var neutral = Mention(observation: .cardiomegaly, phrase: "heart", span: 4..<9, sentence: 0)
    neutral.isNeutral = true
    let effusion = Mention(observation: .pleuralEffusion, phrase: "effusion", span: 14..<22, sentence: 1)
    let negated = MentionClassification(marks: [
      MentionMark(kind: .negation, phase: .negation, rule: 0, sentence: 1, node: 1, source: 1)
    ])
    let classification = StudyClassification(mentions: [MentionClassification(), negated], mentionsWithoutGraph: 0)
    let row = Aggregator.chexpert.aggregate(
      text: text, mentions: [neutral, effusion], classification: classification, hasText: true, emptyText: .blank)
    #expect(row.counted == [false, true])
    #expect(row.labels[.cardiomegaly] == nil && row.labels[.pleuralEffusion] == .negative)
    let confirmed = MentionClassification(marks: [
      MentionMark(kind: .affirmation, phase: .confirmation, rule: 0, sentence: 0, node: 1, source: 0)
    ])
    let counted = Aggregator.chexpert.aggregate(
      text: text, mentions: [neutral, effusion],
      classification: StudyClassification(mentions: [confirmed, negated], mentionsWithoutGraph: 0), hasText: true,
      emptyText: .blank)
    #expect(counted.counted == [true, true] && counted.labels[.cardiomegaly] == .positive)
  }
}
