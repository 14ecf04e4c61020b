// swift-tools-version:6.0
import PackageDescription

/// Settings every Swift target shares.
let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
  name: "cxrlabel",
  products: [
    .library(name: "CXRLabel", targets: ["CXRLabel"]),
    .executable(name: "cxrlabel", targets: ["cxrlabel"]),
    // The shared library the Python package (python/) loads: a small C interface over CXRLabel.
    .library(name: "CXRLabelC", type: .static, targets: ["CXRLabelC"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // Documentation only (`swift package generate-documentation`); nothing links it.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CPCRE2", path: "Sources/CPCRE2", pkgConfig: "libpcre2-8",
      providers: [.apt(["libpcre2-dev"])]),
    .systemLibrary(
      name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]),
    // The C interface's header (include/cxrlabel.h) as a module, for the test that checks the Swift side against it.
    .systemLibrary(name: "CXRLabelCHeader", path: "Sources/CXRLabelCHeader"),
    // The default vocabulary, rules and sentence-splitter facts, compiled into the binary.
    .target(
      name: "CXRLabelData", path: "Phrases",
      exclude: ["README.md"],
      resources: [.embedInCode("data")],
      swiftSettings: swiftSettings),
    .target(
      name: "CXRLabel", dependencies: ["CPCRE2", "CZlib", "CXRLabelData"],
      swiftSettings: swiftSettings),
    .target(
      name: "CXRLabelC", dependencies: ["CXRLabel"],
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "cxrlabel",
      dependencies: ["CXRLabel", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      // The audit page (HTML, CSS and JavaScript of ours) of `view` and `eval --html`.
      resources: [.embedInCode("Resources")],
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "cxrlabel-bench", dependencies: ["CXRLabel"],
      swiftSettings: swiftSettings),
    // Fuzz targets (built with libFuzzer by Sources/cxrlabel-fuzz/fuzz.sh; a plain build replays inputs).
    .executableTarget(
      name: "cxrlabel-fuzz", dependencies: ["CXRLabel"], exclude: ["fuzz.sh", "seeds"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "CXRLabelTests", dependencies: ["CXRLabel", "CXRLabelC", "CXRLabelCHeader"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "cxrlabelTests", dependencies: ["CXRLabel", "cxrlabel", "cxrlabel-fuzz"],
      swiftSettings: swiftSettings),
  ]
)
