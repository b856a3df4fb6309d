import ArgumentParser
import Foundation
import StanceKit

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the workspace's articles, actors and statements for other tools.",
        discussion: """
            Formats: json (the schema of `analyze --json`, with who decided what), jsonl (one article per \
            line), csv (one row per statement, RFC 4180, for pandas or R), brat (a folder of .txt and .ann \
            files that the brat annotation tool loads), markdown (a report of each actor's positions). \
            Without --out, json, jsonl, csv and markdown go to standard output; brat needs --out (a folder).

            Examples:
              stancebench export --format csv --out statements.csv
              stancebench export --format markdown | less
              stancebench export --format brat --out brat/
              stancebench export --format json --workspace study.sqlite > study.json
            """
    )

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(name: .long, help: "json, jsonl, csv, brat or markdown.")
    var format: ExportFormat = .json

    @Option(name: .long, help: ArgumentHelp("Where to write (a folder for brat).", valueName: "PATH"))
    var out: String?

    func validate() throws {
        if format == .brat && out == nil { throw ValidationError("--format brat writes a folder: give --out PATH.") }
    }

    func run() throws {
        let workspace = try workspaceOptions.open(readOnly: true)
        defer { workspace.close() }
        do {
            var exporter = try Exporter(workspace: workspace)
            exporter.frame = exporter.document.frame.flatMap { try? FrameLibrary.load(nameOrPath: $0) }
            if let out {
                try exporter.write(format, to: URL(fileURLWithPath: out))
            } else {
                switch format {
                case .json: FileHandle.standardOutput.write(try exporter.json())
                case .jsonl: FileHandle.standardOutput.write(try exporter.jsonLines())
                case .csv: FileHandle.standardOutput.write(Data(exporter.csv().utf8))
                case .markdown: FileHandle.standardOutput.write(Data(exporter.markdown().utf8))
                case .brat: preconditionFailure("validate() requires --out for brat")
                }
            }
        } catch {
            printError("stancebench: cannot export: \(error)")
            throw ExitStatus.failure
        }
    }
}
