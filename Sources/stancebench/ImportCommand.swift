import ArgumentParser
import Foundation
import StanceKit
import Terminal

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Analyse articles and add them to the workspace.",
        discussion: """
            Files and folders (recursively) are read, analysed on all cores and added to the workspace; \
            files already there (same content) are skipped. A JSON file written by `stancebench export \
            --format json` (or `analyze --json`) is read back as it is, annotations included. On a terminal \
            a progress bar shows on standard error; piped, only the summary is printed. A file that cannot \
            be read is reported and the rest carry on; the exit code is then 3.

            Examples:
              stancebench import articles/
              stancebench import --workspace study.sqlite a.txt b.html
              stancebench import --frame my-debate.toml corpus/
              stancebench import export.json
            """
    )

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(name: .long, help: ArgumentHelp("A built-in frame name or a frame TOML file.", valueName: "NAME|FILE"))
    var frame: String = FrameLibrary.defaultName

    @Option(name: .long, help: ArgumentHelp("Articles written per transaction: a crash or a failing disk takes "
                                            + "back at most the last transaction's.", valueName: "N"))
    var commitEvery: Int = Importer.defaultTransactionSize

    @Argument(help: ArgumentHelp("Article files, folders, or JSON exports.", valueName: "PATH"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one article file or folder.") }
        if commitEvery < 1 { throw ValidationError("--commit-every takes a number of articles, at least 1.") }
    }

    func run() throws {
        let chosenFrame = try loadFrame(frame)
        let workspace = try workspaceOptions.open()
        // Before the process exits: the import's writer thread may hold the last reference.
        defer { workspace.close() }
        let jsonFiles = paths.filter { $0.lowercased().hasSuffix(".json") }
        let (files, expansionFailed) = expandPaths(paths.filter { !$0.lowercased().hasSuffix(".json") })

        let analyzer = Analyzer(frame: chosenFrame)
        let importer = Importer(workspace: workspace, frameID: chosenFrame.id, transactionSize: commitEvery) { path in
            try analyzeFile(path, with: analyzer)
        }

        var failed = expansionFailed
        var added = 0, duplicates = 0
        for path in jsonFiles {
            do {
                let exchange = try JSONImporter.read(URL(fileURLWithPath: path))
                var exportImporter = importer
                exportImporter.frameID = exchange.frame ?? chosenFrame.id
                let summary = try exportImporter.importAnalyses(exchange.analyses)
                for failure in summary.failures {
                    printError("stancebench: \(path): \(failure.path): \(failure.message)")
                    failed = true
                }
                added += summary.added.count
                duplicates += summary.duplicates.count
            } catch {
                printError("stancebench: \(path): \(error)")
                failed = true
            }
        }

        let bar = standardErrorIsTerminal ? ProgressBar() : nil
        let summary: Importer.Summary
        do {
            summary = try importer.importFiles(files) { bar?.show($0.done, of: $0.total, label: $0.currentFile) }
        } catch {
            bar?.clear()
            printError("stancebench: \(error)")
            throw ExitStatus.failure
        }
        bar?.clear()
        for failure in summary.failures {
            printError("stancebench: \(failure.path): \(failure.message)")
            failed = true
        }
        added += summary.added.count
        duplicates += summary.duplicates.count
        print("imported \(added) article\(added == 1 ? "" : "s"), skipped \(duplicates) already in the workspace"
              + (summary.failures.isEmpty ? "" : ", \(summary.failures.count) failed")
              + " (\(workspace.path ?? "in memory"))")
        if failed { throw ExitStatus.someInputsFailed }
    }
}

/// A one-line progress bar on standard error, redrawn in place; drawn at most ten times a second.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDraw = Date.distantPast

    func show(_ done: Int, of total: Int, label: String) {
        lock.withLock {
            let now = Date()
            guard done == total || now.timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = now
            let width = 30
            let filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            // File names are user data: sanitised so no control character reaches the terminal.
            let name = String(TerminalText.sanitized(URL(fileURLWithPath: label).lastPathComponent).prefix(40))
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(bar) \(done)/\(total) \(name)".utf8))
        }
    }

    func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
