import ArgumentParser
import StanceKit

struct Workbench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the interactive workbench (the default).",
        discussion: """
            Examples:
              stancebench                      the workspace, or the sample corpus on first run
              stancebench articles/            the articles in a folder
            """
    )

    @Argument(help: "Articles or folders to open instead of the workspace.")
    var paths: [String] = []

    func run() throws {
        for (index, name) in SampleCorpus.articleNames.enumerated() {
            print("\(index + 1). \(name)")
        }
    }
}
