import ArgumentParser
import Foundation
import StanceKit

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
        let chosenFrame: Frame
        do {
            chosenFrame = try FrameLibrary.load(nameOrPath: frame)
        } catch {
            printError("stancebench: frame \(error)")
            throw ExitCode(3)
        }
        var failed = false
        var files: [String] = []
        for path in paths {
            do { files.append(contentsOf: try ArticleFiles.expand(path)) } catch {
                printError("stancebench: \(error)")
                failed = true
            }
        }
        let analyzer = Analyzer(frame: chosenFrame)
        let results = ArticleFiles.analyzeConcurrently(files, analyzer: analyzer, read: readSource(path:))
        var analyses: [ArticleAnalysis] = []
        for (file, result) in zip(files, results) {
            switch result {
            case .success(let analysis): analyses.append(analysis)
            case .failure(let error):
                printError("stancebench: \(file): \(error)")
                failed = true
            }
        }
        // JSON goes straight to the file handle, newline included: mixing it with print's buffer reorders output.
        if json {
            FileHandle.standardOutput.write(try AnalysisJSON.document(frame: chosenFrame, analyses: analyses) + Data("\n".utf8))
        } else if jsonl {
            for analysis in analyses {
                FileHandle.standardOutput.write(try AnalysisJSON.line(analysis) + Data("\n".utf8))
            }
        } else {
            for analysis in analyses { print(AnalysisReport.text(analysis, frame: chosenFrame)) }
        }
        if failed { throw ExitCode(3) }
    }
}

struct ReadError: Error, CustomStringConvertible {
    var description: String
}

/// Reads a file (or standard input for `-`) as UTF-8. The one place to swap for the full source loader.
func readSource(path: String) throws -> SourceDocument {
    let data: Data?
    if path == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
        data = FileManager.default.contents(atPath: path)
    }
    guard let data else { throw ReadError(description: "cannot read the file") }
    let lower = path.lowercased()
    let format: SourceFormat = lower.hasSuffix(".md") || lower.hasSuffix(".markdown") ? .markdown
        : lower.hasSuffix(".html") || lower.hasSuffix(".htm") ? .html : .plain
    return SourceDocument(path: path, text: String(decoding: data, as: UTF8.self), format: format)
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Finding article files and analysing many at once.
enum ArticleFiles {
    static let extensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]

    /// A file as given, or a folder's article files (recursively, sorted), or `-`.
    static func expand(_ path: String) throws -> [String] {
        if path == "-" { return [path] }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(description: "\(path): no such file or folder")
        }
        guard isDirectory.boolValue else { return [path] }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw ReadError(description: "\(path): cannot list the folder")
        }
        var found: [String] = []
        for case let relative as String in enumerator {
            let ext = (relative as NSString).pathExtension.lowercased()
            guard extensions.contains(ext), !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            found.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
        }
        return found.sorted()
    }

    /// Analyses on all cores; results come back in input order.
    static func analyzeConcurrently(_ files: [String], analyzer: Analyzer,
                                    read: @escaping @Sendable (String) throws -> SourceDocument) -> [Result<ArticleAnalysis, any Error>] {
        let slots = Slots<Result<ArticleAnalysis, any Error>>(count: files.count)
        // Standard input can be read once only, so it is read here, not on a worker.
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let result = Result { analyzer.analyze(try read(files[index])) }
            slots.set(index, result)
        }
        return slots.values()
    }
}

/// Fixed slots written once each from concurrent workers.
final class Slots<Value>: @unchecked Sendable {
    private var items: [Value?]
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Value) {
        lock.lock()
        items[index] = value
        lock.unlock()
    }
    func values() -> [Value] { lock.lock(); defer { lock.unlock() }; return items.map { $0! } }
}
