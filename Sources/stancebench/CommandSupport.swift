import ArgumentParser
import Foundation
import StanceKit
import Terminal

/// Exit codes, as documented in the README.
enum ExitStatus {
    /// A workspace or file problem stopped the command.
    static let failure = ExitCode(1)
    /// Some inputs could not be read; the others were processed.
    static let someInputsFailed = ExitCode(3)
}

/// Options shared by every command that works on a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace file (default: $XDG_DATA_HOME/stancebench/workspace.sqlite).",
                                            valueName: "PATH"))
    var workspace: String?

    @Option(name: .long, help: "Who is annotating (default: the login name).")
    var annotator: String?

    var workspacePath: String { workspace ?? Workspace.defaultPath }

    var annotatorName: String {
        if let annotator, !annotator.isEmpty { return annotator }
        let environment = ProcessInfo.processInfo.environment
        return environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
    }

    /// Opens the workspace, turning its errors into a message and exit code 1.
    func open(readOnly: Bool = false) throws -> Workspace {
        do {
            return try Workspace.open(path: workspacePath, readOnly: readOnly)
        } catch {
            printError("stancebench: \(error)")
            throw ExitStatus.failure
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// The frame named on the command line, or exit code 1 with the frame file's error.
func loadFrame(_ nameOrPath: String) throws -> Frame {
    do {
        return try FrameLibrary.load(nameOrPath: nameOrPath)
    } catch {
        printError("stancebench: \(error)")
        throw ExitStatus.failure
    }
}

/// Reads and analyses one article file (`-` for standard input).
func analyzeFile(_ path: String, with analyzer: Analyzer) throws -> ArticleAnalysis {
    let document = try SourceLoader.load(path: path)
    for warning in document.warnings { printError("stancebench: \(path): \(warning)") }
    return analyzer.analyze(document)
}

/// The article files under `paths`; unreadable paths are reported on stderr.
func expandPaths(_ paths: [String]) -> (files: [String], failed: Bool) {
    let expansion = SourceLoader.expand(paths)
    for error in expansion.errors { printError("stancebench: \(error)") }
    return (expansion.files, !expansion.errors.isEmpty)
}

/// Whether standard error is a terminal (progress bars go there, and only then).
var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

/// Text for a human reader on a terminal: article text is hostile input, so every line is sanitised
/// (control characters and escape sequences made visible, bidi controls dropped).
func terminalSafe(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { TerminalText.sanitized($0) }
        .joined(separator: "\n")
}
