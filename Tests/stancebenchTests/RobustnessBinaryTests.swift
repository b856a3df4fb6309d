import Foundation
import StanceKit
import Testing

/// Each hostile input through the real binary: `analyze` (report and JSON), `import` into a
/// workspace in a temporary folder, and the workbench drawn as text. Documented exit codes
/// (0 read, 3 some input unreadable), a message naming the file, and nothing from the article
/// that a terminal would obey (escape sequences, controls, bidi overrides) on standard output.
@Suite(.enabled(if: BinaryRunner.binary != nil, "the stancebench binary is built"))
struct RobustnessBinaryTests {
    @Test(arguments: HostileInput.selected)
    func analyzeReport(_ input: HostileInput) throws {
        let result = try run(input) { path, _ in ["analyze", path] }
        try expectOutcome(input, result)
        let hostile = hostileCharacters(in: result.stdout)
        #expect(hostile.isEmpty, """
            the report passed \(hostile.count) control or format characters from the article to the terminal, \
            first: \(hostile.prefix(5).map { String(format: "U+%04X", $0.value) })
            """)
    }

    @Test(arguments: HostileInput.selected)
    func analyzeJSON(_ input: HostileInput) throws {
        let result = try run(input) { path, _ in ["analyze", "--json", path] }
        try expectOutcome(input, result)
        if case .readable = input.outcome {
            let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let articles = try #require(document?["articles"] as? [[String: Any]])
            #expect(articles.count == 1)
        }
    }

    @Test(arguments: HostileInput.selected)
    func importIntoWorkspace(_ input: HostileInput) throws {
        let result = try run(input) { path, folder in
            ["import", "--workspace", folder.appendingPathComponent("workspace.sqlite").path, path]
        }
        try expectOutcome(input, result)
        if case .readable = input.outcome {
            #expect(result.stdout.contains("imported 1 article"), "\(result.stdout)")
        }
    }

    /// The workbench draws the article, raw and analysed, into its screen; the screen printed as
    /// text holds only what a terminal shows as text.
    @Test(arguments: HostileInput.selected.filter { !$0.isHuge })
    func workbenchScreen(_ input: HostileInput) throws {
        let raw = try run(input) { path, _ in [path, "--print-screen", "160x48", "--keys", "j ] G"] }
        #expect(hostileCharacters(in: raw.stdout).isEmpty, "\(hostileCharacters(in: raw.stdout).prefix(5))")
        guard case .readable = input.outcome else {
            // A file the workbench cannot read stops it before the screen opens, saying why.
            if case .unreadable(let message) = input.outcome {
                #expect(raw.status == 1)
                #expect(raw.stderr.contains(message), "\(raw.stderr)")
            }
            return
        }
        #expect(raw.status == 0, "\(raw.stderr)")
        let analysis = Analyzer().analyze(try SourceLoader.decode(input.bytes, path: input.fileName))
        let analysed = try run(input) { _, folder in
            let json = folder.appendingPathComponent("analysis.json")
            try Exporter(document: ExportDocument(analyses: [analysis], frame: FrameLibrary.defaultFrame)).json().write(to: json)
            return [json.path, "--print-screen", "200x60", "--keys", "] ] Tab j"]
        }
        #expect(analysed.status == 0, "\(analysed.stderr)")
        #expect(hostileCharacters(in: analysed.stdout).isEmpty, "\(hostileCharacters(in: analysed.stdout).prefix(5))")
    }

    /// Saves the input in a fresh folder and runs the binary with the arguments made for it.
    private func run(_ input: HostileInput, _ arguments: @escaping @Sendable (String, URL) throws -> [String]) throws
        -> BinaryRunner.Result
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("robustness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(input.fileName).path
        try Data(input.bytes).write(to: URL(fileURLWithPath: path))
        let finished = try withinWatchdog(seconds: input.isHuge ? 600 : 240, clock: .wallClock) {
            try BinaryRunner.run(try arguments(path, folder), environment: ["XDG_DATA_HOME": folder.path])
        }
        return try #require(finished, "stancebench did not finish on \(input.name) within the watchdog")
    }

    private func expectOutcome(_ input: HostileInput, _ result: BinaryRunner.Result) throws {
        #expect(!result.stderr.contains("Fatal error"), "\(result.stderr.prefix(400))")
        switch input.outcome {
        case .readable(let warning):
            #expect(result.status == 0, "exit \(result.status): \(result.stderr.prefix(400))")
            if let warning { #expect(result.stderr.contains(warning), "\(result.stderr.prefix(400))") }
        case .unreadable(let message):
            #expect(result.status == 3, "exit \(result.status): \(result.stderr.prefix(400))")
            #expect(result.stderr.contains(message) && result.stderr.contains(input.fileName), "\(result.stderr.prefix(400))")
        }
    }

    private func hostileCharacters(in output: String) -> [Unicode.Scalar] {
        output.unicodeScalars.filter { isTerminalHostile($0) }
    }
}
