import Foundation
import Testing

@testable import CXRLabel

@Suite("Output files")
struct OutputFileTests {
  let scratch = ScratchDirectory()

  func write(_ text: String, to path: String) throws {
    let file = try OutputFile(path: path)
    try file.write(text)
    try file.commit()
  }

  /// A link is written through: the target gets the output, atomically, and the link stays a link.
  @Test func symbolicLinksAreWrittenThrough() throws {
    try FileManager.default.createDirectory(atPath: scratch.path("real"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: scratch.path("link.csv"), withDestinationPath: "real/target.csv")
    try write("a,b\n", to: scratch.path("link.csv"))
    #expect(try String(contentsOfFile: scratch.path("real/target.csv"), encoding: .utf8) == "a,b\n")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("link.csv")) == "real/target.csv")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("real")) == ["target.csv"])
  }

  /// A device or named pipe is written in place, never replaced by a regular file.
  @Test func specialFilesAreWrittenInPlace() throws {
    try write("ignored\n", to: "/dev/null")
    var status = stat()
    #expect(stat("/dev/null", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
    let fifo = scratch.path("pipe")
    #expect(mkfifo(fifo, 0o600) == 0)
    let reader = Thread {
      _ = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile()
    }
    reader.start()
    try write("through the pipe\n", to: fifo)
    #expect(stat(fifo, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
    #expect(
      OutputFile.isSpecial(fifo) && OutputFile.isSpecial("/dev/stdout") && !OutputFile.isSpecial(scratch.path("x")))
  }

  /// `.gz` in any case compresses. (Removing unfinished outputs on a signal is tested on the binary: here it
  /// would remove other tests' files, which run at the same time.)
  @Test func gzipSuffixInAnyCase() throws {
    try write("compressed\n", to: scratch.path("labels.CSV.GZ"))
    let bytes = try PlainFile.contents(of: scratch.path("labels.CSV.GZ"))
    #expect(bytes.prefix(2) == [0x1F, 0x8B])
    #expect(try ByteFileReader(path: scratch.path("labels.CSV.GZ")).readAll() == Array("compressed\n".utf8))
  }
}
