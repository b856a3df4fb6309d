import ArgumentParser
import StanceKit

/// The `stancebench` command: the workbench by default, and subcommands for scripts and batch work.
@main
struct StanceBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stancebench",
        abstract: "A terminal workbench for who advocated what, when, in news articles.",
        discussion: """
            Without a subcommand, opens the workbench on the workspace (the built-in sample corpus on \
            first run). The subcommands work on the same library, for scripts and batch work.
            """,
        version: StanceKitInfo.version,
        subcommands: [Workbench.self, AnalyzeCommand.self, ImportCommand.self, ExportCommand.self, SearchCommand.self,
                      CompareCommand.self, TimelineCommand.self, AgreementCommand.self, ReplayCommand.self],
        defaultSubcommand: Workbench.self
    )

    /// Sends logging to a file before any command runs: the workbench owns the screen.
    static func main() {
        LogSetup.bootstrap()
        main(nil)
    }
}
