import Foundation
import Testing

@testable import CXRLabel

/// Compares the front end with the original labeler's recorded run on the IU X-ray dev studies.
@Suite(.enabled(if: TestPaths.hasDevDetails, "needs ../shared/data"))
struct FrontEndReferenceTests {
  struct Expected {
    var clean: String
    var sentences: [Range<Int>]
    var mentions: [String]
  }

  static func load() throws -> [String: Expected] {
    let text = try String(
      contentsOfFile: TestPaths.shared + "/data/iu-xray/reference-details-dev.jsonl", encoding: .utf8)
    var result: [String: Expected] = [:]
    for line in text.split(separator: "\n") {
      guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let id = object["study_id"] as? String, let clean = object["clean"] as? String,
        let sentences = object["sentences"] as? [[String: Any]], let mentions = object["mentions"] as? [[String: Any]]
      else { continue }
      let spans = sentences.compactMap { sentence -> Range<Int>? in
        guard let offset = sentence["offset"] as? Int, let text = sentence["text"] as? String else { return nil }
        return offset..<(offset + text.utf8.count)
      }
      let keys = mentions.map { "\($0["observation"] ?? "")@\($0["start"] ?? 0)-\($0["end"] ?? 0)" }.sorted()
      result[id] = Expected(clean: clean, sentences: spans, mentions: keys)
    }
    return result
  }

  static func reports() throws -> [Report] {
    var options = InputOptions()
    options.idColumn = "study_id"
    options.textColumn = "report"
    return try ReportSource(inputs: [TestPaths.shared + "/data/iu-xray/impressions.csv"], options: options)
      .compactMap { record in
        if case .report(let report) = record { return report }
        return nil
      }
  }

  func agreement(_ frontEnd: FrontEnd) throws -> (clean: Int, sentences: Int, mentions: Int, total: Int) {
    let expected = try Self.load()
    var counts = (clean: 0, sentences: 0, mentions: 0, total: 0)
    for report in try Self.reports() {
      guard let reference = expected[report.id.study] else { continue }
      let analysis = frontEnd.analyze(report)
      counts.total += 1
      if analysis.textString == reference.clean { counts.clean += 1 }
      if analysis.sentences == reference.sentences { counts.sentences += 1 }
      let keys = analysis.mentions.map { "\($0.observation.name)@\($0.span.lowerBound)-\($0.span.upperBound)" }.sorted()
      if keys == reference.mentions { counts.mentions += 1 }
    }
    return counts
  }

  @Test func ourDataMatchesTheOriginalOnEveryDevStudy() throws {
    let counts = try agreement(try LabelerSettings().chexpertFrontEnd())
    print(
      "front end vs original, \(counts.total) dev studies: clean \(counts.clean), sentences \(counts.sentences), mentions \(counts.mentions)"
    )
    #expect(counts.total == 1867)
    #expect(counts.clean == counts.total)
    #expect(counts.sentences == counts.total)
    #expect(counts.mentions == counts.total)
  }

  @Test func originalFilesGiveIdenticalMentions() throws {
    var settings = LabelerSettings()
    settings.mentionDirectory = TestPaths.shared + "/reference/chexpert-labeler/phrases/mention"
    settings.unmentionDirectory = TestPaths.shared + "/reference/chexpert-labeler/phrases/unmention"
    settings.punktDirectory = TestPaths.shared + "/reference/punkt-english"
    let original = try settings.chexpertFrontEnd()
    let ours = try LabelerSettings().chexpertFrontEnd()
    for report in try Self.reports() {
      let a = original.analyze(report)
      let b = ours.analyze(report)
      #expect(a.sentences == b.sentences)
      #expect(Set(a.mentions) == Set(b.mentions), "study \(report.id)")
    }
    let counts = try agreement(original)
    #expect(counts.mentions == counts.total)
  }
}
