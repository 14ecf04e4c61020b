import CXRLabel
import Testing

@testable import cxrlabel

@Suite("Repeated study ids")
struct RepeatedStudyIDsTests {
  /// Enough ids to cross several merges of the recent buffer into the sorted array; each is new once and
  /// repeated afterwards, whether it is still in the buffer or already merged.
  @Test func everyIdIsNewOnceAndRepeatedAfter() {
    var ids = RepeatedStudyIDs()
    let count = RepeatedStudyIDs.bufferSize * 3 + 17
    let studies = (0..<count).map { StudyID(subject: "p\($0 % 97)", study: "s\($0)") }
    var firstTimes = 0
    for study in studies where !ids.isRepeated(study) { firstTimes += 1 }
    var repeats = 0
    for study in studies.shuffled() where ids.isRepeated(study) { repeats += 1 }
    #expect(firstTimes == count)
    #expect(repeats == count)
  }

  @Test func idsCompareAsTheOutputWritesThem() {
    var ids = RepeatedStudyIDs()
    let answers = [
      StudyID(subject: "p1", study: "s5"), StudyID(subject: "p2", study: "s5"), StudyID(study: "s50414267"),
      StudyID(study: "50414267"), StudyID(study: "S50414267"), StudyID(study: "s6"),
    ].map { ids.isRepeated($0) }
    #expect(answers == [false, true, false, true, true, false])
  }
}
