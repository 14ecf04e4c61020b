import ArgumentParser
import CXRLabel
import Foundation

/// `cxrlabel data`: the data files compiled into the binary.
struct DataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data",
    abstract: "The vocabulary, rules, lexicon and tables compiled into cxrlabel.",
    subcommands: [DataExportCommand.self])
}

/// `cxrlabel data export DIR`: writes the compiled-in data files, to edit and load back.
struct DataExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the compiled-in data files into a folder, to edit them and load them back.",
    discussion: """
      Writes chexpert.phrases, chexpert.rules, negbio.phrases, negbio.rules,
      negbio.regex, negbio-section-titles.txt, parser.lexicon,
      punkt-english.facts and mimic-cxr.sections (formats: Phrases/README.md).
      Load them back with the options of the same name; with the files as
      written, the labels are the same as with the compiled-in data:

        cxrlabel data export mydata/
        cxrlabel files/ --phrases mydata/chexpert.phrases --rules mydata/chexpert.rules \\
          --lexicon mydata/parser.lexicon --punkt-facts mydata/punkt-english.facts \\
          --section-rules mydata/mimic-cxr.sections -o labels.csv.gz
        cxrlabel files/ --labeler negbio --phrases mydata/negbio.phrases \\
          --rules mydata/negbio.rules --regex-rules mydata/negbio.regex \\
          --section-titles mydata/negbio-section-titles.txt -o negbio.csv.gz
      """)

  @Argument(
    help: ArgumentHelp(
      "The folder to write into (created if missing; existing files of these names are replaced).", valueName: "dir"))
  var directory: String

  func run() throws {
    try OutputPaths.createFolder(directory, named: directory)
    for file in DefaultResources.files {
      let output = try reported { try OutputFile(path: (directory as NSString).appendingPathComponent(file.name)) }
      try reported {
        try output.write(file.text)
        try output.commit()
      }
    }
    printError("cxrlabel: wrote \(DefaultResources.files.count) files into \(directory).")
  }
}
