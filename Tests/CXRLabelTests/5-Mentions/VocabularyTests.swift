import Foundation
import Testing

@testable import CXRLabel

@Suite("Vocabulary files")
struct VocabularyTests {
  let scratch = ScratchDirectory()

  @Test func defaultVocabularyHasTheOriginalCounts() throws {
    let vocabulary = try DefaultResources.chexpertVocabulary()
    #expect(vocabulary.observations.count == 14)
    #expect(vocabulary.mentionCount == 148)
    let byName = Dictionary(uniqueKeysWithValues: vocabulary.entries.map { ($0.observation, $0) })
    #expect(byName[.cardiomegaly]?.unmentions.count == 84)
    #expect(byName[.enlargedCardiomediastinum]?.unmentions.count == 84)
    #expect(
      byName[.enlargedCardiomediastinum]?.unmentions.contains { $0.pattern == "in the left  mediastinum" } == true)
    #expect(byName[.cardiomegaly]?.unmentions.contains { $0.pattern == "overly the superior heart" } == true)
  }

  @Test func quotedPhrasesKeepTheirSpaces() throws {
    let vocabulary = try Vocabulary.parse("[Devices]\nmention \" line \" # note\nmention drain tube\n", file: "t")
    #expect(vocabulary.entries[0].mentions.map(\.pattern) == [" line ", "drain tube"])
  }

  @Test func errorsNameFileAndLine() {
    func error(_ text: String) -> CXRLabelError? {
      do {
        _ = try Vocabulary.parse(text, file: "v.phrases")
        return nil
      } catch { return error }
    }
    #expect(error("mention x")?.location?.line == 1)
    #expect(error("[A]\nmention (unclosed")?.location == .init(file: "v.phrases", line: 2))
    #expect(error("[A]\nmention \"open")?.location?.column == 9)
    #expect(error("[A]\nfrobnicate x")?.code == .invalidPhrases)
    #expect(error("[A]\nmention \"\"")?.message.contains("empty") == true)
    #expect(error("[A]\n[A]")?.location?.line == 2)
  }

  @Test func observationNamesFromFileStemsUsePythonTitleCase() {
    #expect(Observation(fileStem: "enlarged_cardiomediastinum").name == "Enlarged Cardiomediastinum")
    #expect(Observation(fileStem: "lung_opacity").name == "Lung Opacity")
    #expect(Observation(fileStem: "x-ray_FINDING").name == "X-Ray Finding")
  }

  @Test func originalLayoutRejectsBlankLinesAndBadRegexes() throws {
    let root = scratch.path("vocab")
    try FileManager.default.createDirectory(atPath: root + "/mention", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: root + "/unmention", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    try "ribs\n\nclavicle\n".write(toFile: root + "/mention/bones.txt", atomically: true, encoding: .utf8)
    #expect(throws: CXRLabelError.self) {
      try Vocabulary.loadOriginal(mentionDirectory: root + "/mention", unmentionDirectory: root + "/unmention")
    }
    do {
      _ = try Vocabulary.loadOriginal(mentionDirectory: root + "/mention", unmentionDirectory: root + "/unmention")
    } catch {
      #expect(error.location?.line == 2)
    }
    try "ribs\ncla(vicle\n".write(toFile: root + "/mention/bones.txt", atomically: true, encoding: .utf8)
    do {
      _ = try Vocabulary.loadOriginal(mentionDirectory: root + "/mention", unmentionDirectory: root + "/unmention")
      Issue.record("expected an error")
    } catch {
      #expect(error.location?.line == 2)
    }
    try "ribs\nleft_clavicle_\n".write(toFile: root + "/mention/bones.txt", atomically: true, encoding: .utf8)
    let vocabulary = try Vocabulary.loadOriginal(
      mentionDirectory: root + "/mention", unmentionDirectory: root + "/unmention")
    #expect(vocabulary.entries.map(\.observation.name) == ["Bones"])
    #expect(vocabulary.entries[0].mentions.map(\.pattern) == ["ribs", "left clavicle "])
  }

  @Test(.enabled(if: TestPaths.hasShared, "needs ../shared"))
  func originalDirectoriesGiveTheSamePhrases() throws {
    let root = TestPaths.shared + "/reference/chexpert-labeler/phrases"
    let original = try Vocabulary.loadOriginal(
      mentionDirectory: root + "/mention", unmentionDirectory: root + "/unmention")
    let ours = try DefaultResources.chexpertVocabulary()
    func table(_ vocabulary: Vocabulary) -> [String: [Set<String>]] {
      Dictionary(
        uniqueKeysWithValues: vocabulary.entries.map {
          ($0.observation.name, [Set($0.mentions.map(\.pattern)), Set($0.unmentions.map(\.pattern))])
        })
    }
    #expect(table(original) == table(ours))
  }
}
