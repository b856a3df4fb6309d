import Foundation
import Testing
@testable import StanceKit

/// The seed corpus and its scorer live outside the repository (../shared); run them when present. The
/// sample corpus ships in the package with its gold files in Data/gold, scored by the same scorer.
@Suite("Analysis: shared evaluation corpus")
struct AnalysisCorpusTests {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let shared = tests.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared")
    static var corpus: URL { shared.appendingPathComponent("corpus") }
    static var scorer: URL { shared.appendingPathComponent("eval/score.py") }
    static var python: String? {
        ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
    static var scorerAvailable: Bool { python != nil && FileManager.default.fileExists(atPath: scorer.path) }
    static var available: Bool { scorerAvailable && FileManager.default.fileExists(atPath: corpus.path) }

    /// Analyses `files` and runs the scorer against `gold` with the minimum scores; returns its exit status
    /// and report.
    static func score(_ files: [URL], gold: URL, minimum: String) throws -> (status: Int32, report: String) {
        let analyzer = Analyzer(frame: FrameLibrary.defaultFrame)
        let analyses = try files.map { analyzer.analyze(try SourceLoader.load(path: $0.path)) }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("analysis-\(UUID().uuidString).json")
        try Exporter(document: ExportDocument(analyses: analyses, frame: analyzer.frame)).json().write(to: out)
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = [scorer.path, out.path, gold.path, "--min", minimum]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, report)
    }

    @Test(.enabled(if: available, "needs ../shared/corpus, ../shared/eval and python3"))
    func meetsTheQualityThresholds() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(!files.isEmpty)
        let result = try Self.score(files.map { Self.corpus.appendingPathComponent($0) },
                                    gold: Self.shared.appendingPathComponent("eval/gold"),
                                    minimum: "persons=0.95,stance=0.9,attribution=0.95,dates=0.8")
        #expect(result.status == 0, "\(result.report)")
    }

    /// The sample corpus must not fall below the scores reached so far (raise these as the analysis improves).
    @Test(.enabled(if: scorerAvailable, "needs ../shared/eval/score.py and python3"))
    func sampleCorpusKeepsItsScores() throws {
        let directory = try #require(SampleCorpus.directory)
        let files = SampleCorpus.articleNames.map { directory.appendingPathComponent($0) }
        #expect(files.count >= 10)
        let result = try Self.score(files, gold: Self.tests.appendingPathComponent("Data/gold"),
                                    minimum: "persons=0.97,stance=0.9,attribution=0.97,dates=0.95")
        #expect(result.status == 0, "\(result.report)")
    }
}
