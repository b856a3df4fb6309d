import ArgumentParser
import Foundation
import StanceKit

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-apply a command log to a workspace.",
        discussion: """
            Every annotation made in the workbench is logged as one JSON line (next to the workspace:
            workspace.log.jsonl). Replaying a log applies the same commands, in order, to a workspace that \
            holds the same articles: an audit trail, and a way to repeat a session in tests. Lines that \
            cannot be applied are reported with their line numbers; the exit code is then 3.

            Examples:
              stancebench replay ~/.local/share/stancebench/workspace.log.jsonl --workspace copy.sqlite
            """
    )

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: ArgumentHelp("The command log (JSON lines).", valueName: "LOG"))
    var log: String

    func run() throws {
        let workspace = try workspaceOptions.open()
        defer { workspace.close() }
        if let own = workspace.commandLogURL, own.standardizedFileURL == URL(fileURLWithPath: log).standardizedFileURL {
            printError("stancebench: \(log) is this workspace's own log; replay it into another workspace.")
            throw ExitStatus.failure
        }
        let summary: ReplaySummary
        do {
            summary = try CommandReplayer.replay(URL(fileURLWithPath: log), into: workspace)
        } catch {
            printError("stancebench: cannot replay \(log): \(error)")
            throw ExitStatus.failure
        }
        for failure in summary.failures {
            printError("stancebench: \(log):\(failure.line): \(failure.message)")
        }
        print("replayed \(summary.applied) command\(summary.applied == 1 ? "" : "s")"
              + (summary.failures.isEmpty ? "" : ", \(summary.failures.count) failed"))
        if !summary.failures.isEmpty { throw ExitStatus.someInputsFailed }
    }
}
