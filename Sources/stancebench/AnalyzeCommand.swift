import ArgumentParser
import Foundation
import StanceKit
import Terminal

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Find who advocated what, when, in articles, and print it as a report or JSON.",
        discussion: """
            Reads each article (plain text, Markdown with front matter, or text pasted from a news site), finds the people, organisations and groups in it, their quotes, reported statements and described positions, dates each statement and scores its stance within a frame (default: diplomacy-vs-support).

            Folders are read recursively (.txt, .md, .markdown, .html, .htm); `-` reads standard input. Files are analysed on all cores and printed in the order given. A file that cannot be read is reported on standard error and the exit code is 3; the others are still printed.

            Examples:
              stancebench analyze article.txt
                  a readable report: actors by position with their key quote
              stancebench analyze --json corpus/ > out.json
                  one JSON document {"frame": ..., "articles": [...]}
              stancebench analyze --jsonl corpus/*.md
                  one JSON object per article and line
              stancebench analyze --frame my-debate.toml a.md
                  positions and cues from your own frame file
              pbpaste | stancebench analyze -
                  an article from standard input
            """
    )

    @Option(name: .long, help: ArgumentHelp("A built-in frame name or a frame TOML file.", valueName: "NAME|FILE"))
    var frame: String = FrameLibrary.defaultName

    @Flag(name: .long, help: "Print one JSON document: {\"frame\": ..., \"articles\": [...]}.")
    var json = false

    @Flag(name: .long, help: "Print one JSON object per article, one per line.")
    var jsonl = false

    @Argument(help: ArgumentHelp("Article files, folders, or - for standard input.", valueName: "PATH"))
    var paths: [String]

    func validate() throws {
        if json && jsonl { throw ValidationError("--json and --jsonl cannot be used together.") }
        if paths.isEmpty { throw ValidationError("Give at least one article file, folder or -.") }
    }

    func run() throws {
        let chosenFrame = try loadFrame(frame)
        var (files, failed) = expandPaths(paths)
        let analyzer = Analyzer(frame: chosenFrame)
        let lines = try Exporter(document: ExportDocument(analyses: [], frame: chosenFrame)).lineWriter()
        var analyses: [ArticleAnalysis] = []
        // Files go through in batches so that --jsonl and the report print as they go and memory
        // stays flat however large the corpus; --json needs the whole document.
        let batchSize = max(16, ProcessInfo.processInfo.activeProcessorCount * 8)
        for start in stride(from: 0, to: files.count, by: batchSize) {
            let batch = Array(files[start..<min(files.count, start + batchSize)])
            for result in analyzeConcurrently(batch, analyzer: analyzer) {
                switch result {
                case .success(let analysis):
                    if json {
                        analyses.append(analysis)
                    } else if jsonl {
                        FileHandle.standardOutput.write(try lines.line(ExportArticle(analysis)))
                    } else {
                        FileHandle.standardOutput.write(Data((terminalSafe(AnalysisReport.text(analysis, frame: chosenFrame)) + "\n").utf8))
                    }
                case .failure(let error):
                    printError("stancebench: \(error)")
                    failed = true
                }
            }
        }
        // All output goes through the file handle: mixing it with print's buffer would reorder it.
        if json {
            FileHandle.standardOutput.write(try Exporter(document: ExportDocument(analyses: analyses, frame: chosenFrame)).json())
        }
        if failed { throw ExitStatus.someInputsFailed }
    }

}

/// Analyses files on all cores; results come back in input order.
func analyzeConcurrently(_ files: [String], analyzer: Analyzer) -> [Result<ArticleAnalysis, any Error>] {
    concurrentMap(count: files.count) { index in Result { try analyzeFile(files[index], with: analyzer) } }
}
