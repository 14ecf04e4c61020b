import Foundation
import Testing

/// The API documentation the README's test command builds (`.build/docs`, for static hosting) opens as the README
/// says: served by `python3 -m http.server`, it renders its pages in a browser (DocC's pages load `/js/...`, so a
/// file opened from disk shows nothing).
@Suite("Documentation as the README opens it", .serialized)
struct DocumentationHostingTests {
  static let docs = CommandLineTests.packageRoot + "/.build/docs"
  static let built = FileManager.default.fileExists(atPath: docs + "/documentation/cxrlabel/index.html")

  @Test(
    .enabled(if: built, "no .build/docs: the README's test command builds it first"),
    .enabled(if: AuditPageTests.chromium != nil, "no Chromium here (apt-get install chromium)"))
  func theServedDocumentationRendersItsPages() throws {
    let server = Process()
    server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    server.arguments = ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "-d", Self.docs]
    let output = Pipe()
    server.standardOutput = output
    server.standardError = FileHandle.nullDevice
    try server.run()
    defer { server.terminate() }
    // "Serving HTTP on 127.0.0.1 port 41235 (http://127.0.0.1:41235/) ..."
    var first = Data()
    while !first.contains(0x0A), let chunk = try output.fileHandleForReading.read(upToCount: 1), !chunk.isEmpty {
      first.append(chunk)
    }
    let line = String(decoding: first, as: UTF8.self)
    let port = try #require(line.firstMatch(of: /port (\d+)/)?.1, "\(line)")
    let browser = Process()
    browser.executableURL = URL(fileURLWithPath: try #require(AuditPageTests.chromium))
    browser.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000", "--dump-dom",
      "http://127.0.0.1:\(port)/documentation/cxrlabel/labeler",
    ]
    let page = Pipe()
    browser.standardOutput = page
    browser.standardError = FileHandle.nullDevice
    try browser.run()
    let dom = String(decoding: page.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    browser.waitUntilExit()
    // The rendered page has the symbol's title and its documentation comment, which only DocC's scripts put there.
    #expect(dom.contains("Labeler"), "\(dom.prefix(500))")
    #expect(dom.contains("one entry point"), "\(dom.prefix(500))")
  }
}
