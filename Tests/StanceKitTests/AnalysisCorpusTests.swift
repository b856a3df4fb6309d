import Foundation
import Testing
@testable import StanceKit

/// The seed corpus and its scorer live outside the repository (../shared); run them when present.
@Suite("Analysis: shared evaluation corpus")
struct AnalysisCorpusTests {
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    static var corpus: URL { shared.appendingPathComponent("corpus") }
    static var python: String? {
        ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
    static var available: Bool {
        FileManager.default.fileExists(atPath: corpus.path) && python != nil
            && FileManager.default.fileExists(atPath: shared.appendingPathComponent("eval/score.py").path)
    }

    @Test(.enabled(if: available, "needs ../shared/corpus, ../shared/eval and python3"))
    func meetsTheQualityThresholds() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(!files.isEmpty)
        let analyzer = Analyzer(frame: FrameLibrary.defaultFrame)
        let analyses = try files.map { name -> ArticleAnalysis in
            let path = Self.corpus.appendingPathComponent(name).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return analyzer.analyze(SourceDocument(path: path, text: text, format: .plain))
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("analysis-\(UUID().uuidString).json")
        try Exporter(document: ExportDocument(analyses: analyses, frame: analyzer.frame)).json().write(to: out)
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python!)
        process.arguments = [Self.shared.appendingPathComponent("eval/score.py").path, out.path,
                             Self.shared.appendingPathComponent("eval/gold").path,
                             "--min", "persons=0.95,stance=0.9,attribution=0.95,dates=0.8"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        process.waitUntilExit()
        let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(report)")
    }
}
