import Foundation
import GRDB
import Testing
@testable import StanceKit

@Suite struct WorkspaceImporterTests {
    /// A stand-in analyser: the file's text as the article, its first line as the title, and one
    /// statement by a person named on the second line. Counts its calls.
    final class StubAnalyser: @unchecked Sendable {
        private let lock = NSLock()
        private var analysed: [String] = []
        var calls: [String] { lock.withLock { analysed } }

        func analyse(_ path: String) throws -> ArticleAnalysis {
            lock.withLock { analysed.append(path) }
            let text = try String(contentsOfFile: path, encoding: .utf8)
            if text.hasPrefix("BROKEN") { throw WorkspaceError.invalidValue("the analyser choked on \(path)") }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let name = String(lines.count > 1 ? lines[1] : "Nobody")
            let nameSpan = Fixtures.span(name, in: text)
            let words = text.unicodeScalars.count
            return ArticleAnalysis(
                article: Article(file: path, title: String(lines[0]), source: "Wire", published: Day(iso: "2023-01-02"), text: text),
                actors: [Actor(id: "a", name: name, kind: .person, mentions: [nameSpan])],
                statements: [Statement(id: "s", actorID: "a", kind: .description, text: text.scalars(in: TextSpan(start: 0, end: min(words, 10)))!,
                                       span: TextSpan(start: 0, end: min(words, 10)), stance: "support", confidence: 0.5)])
        }
    }

    static func write(_ files: [String: String], in folder: URL) throws -> [String] {
        try files.keys.sorted().map { name in
            let path = folder.appendingPathComponent(name).path
            try files[name]!.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    @Test func importsSkipsDuplicatesBeforeAnalysingAndCollectsFailures() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try Self.write([
            "1.txt": "Talks now\nMark Milley\nsaid the general.",
            "2.txt": "Arms first\nJake Sullivan\nsaid the adviser.",
            "3.txt": "Talks now\nMark Milley\nsaid the general.",   // same bytes as 1
            "4.txt": "BROKEN\nfile",
        ], in: folder) + [folder.appendingPathComponent("missing.txt").path]
        let workspace = try Workspace.inMemory()
        let analyser = StubAnalyser()
        let progress = ProgressLog()
        let importer = Importer(workspace: workspace, frameID: "diplomacy-vs-support", batchSize: 2, analyze: analyser.analyse)
        let summary = try importer.importFiles(paths) { progress.record($0) }

        #expect(summary.added.count == 2)
        #expect(summary.duplicates == [paths[2]])
        #expect(summary.failures.map(\.path).sorted() == [paths[3], paths[4]].sorted())
        #expect(summary.failures.first { $0.path == paths[4] }?.message == "cannot read the file")
        #expect(summary.failures.first { $0.path == paths[3] }?.message.contains("choked") == true)
        #expect(Set(analyser.calls) == Set([paths[0], paths[1], paths[3]]))   // the duplicate was never analysed
        #expect(progress.events.map(\.done).sorted() == Array(1...5))
        #expect(progress.events.allSatisfy { $0.total == 5 })
        #expect(try workspace.articles().map(\.title) == ["Arms first", "Talks now"])   // same day: by title
        #expect(try workspace.article(summary.added[0]).frameID == "diplomacy-vs-support")

        // Importing again analyses nothing: every readable file is known by its bytes.
        let again = StubAnalyser()
        let second = try Importer(workspace: workspace, analyze: again.analyse).importFiles(Array(paths.prefix(3)))
        #expect(again.calls.isEmpty)
        #expect(second.duplicates.count == 3)
        #expect(second.added.isEmpty)
    }

    /// A WAL with content makes the next opening wait for the check of every page: closing the
    /// workspace after an import (whose reads opened the pool's readers) takes the WAL away.
    @Test func anImportLeavesNoWriteAheadLogBehind() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try Self.write(Dictionary(uniqueKeysWithValues: (1...40).map {
            ("\($0).txt", "Article \($0)\nMark Milley\n" + String(repeating: "said the general again. ", count: 200))
        }), in: folder)
        let path = folder.appendingPathComponent("workspace.sqlite").path
        let workspace = try Workspace.open(path: path)
        let summary = try Importer(workspace: workspace, batchSize: 4, analyze: StubAnalyser().analyse).importFiles(paths)
        #expect(summary.added.count == 40)
        #expect(try workspace.search("general").count == 40)
        workspace.close()
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int
        #expect(wal == nil, "closing left a WAL of \(wal ?? 0) bytes")
        #expect(try Workspace.open(path: path).articles().count == 40)
    }

    /// An import writes the full-text index with larger in-memory terms and merges; those
    /// settings are stored in the table's configuration, so it must set them back before it
    /// commits: every other write (one article at a time) keeps FTS5's defaults.
    @Test func anImportLeavesTheFullTextIndexSettingsAtFTS5sDefaults() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try Self.write(Dictionary(uniqueKeysWithValues: (1...30).map {
            ("\($0).txt", "Article \($0)\nMark Milley\nThe general spoke of talks number \($0).")
        }), in: folder)
        let workspace = try Workspace.open(path: folder.appendingPathComponent("workspace.sqlite").path)
        let summary = try Importer(workspace: workspace, batchSize: 4, transactionSize: 8, analyze: StubAnalyser().analyse)
            .importFiles(paths)
        #expect(summary.added.count == 30)
        #expect(try workspace.search("general").count == 30)
        let stored = try workspace.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT k, v FROM article_search_config")
                .compactMap { row in (row[1] as Int?).map { (row[0] as String, $0) } })
        }
        #expect(stored["hashsize", default: 1_048_576] == 1_048_576)
        #expect(stored["automerge", default: 4] == 4)
        #expect(Workspace.SearchIndexSettings.fts5Defaults == .init(hashSize: 1_048_576, automerge: 4))
    }

    @Test func sameTextFromDifferentBytesIsADuplicateAfterAnalysis() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try Self.write(["a.txt": "Same\nVitali Klitschko\nwords.", "b.txt": "Same\nVitali Klitschko\nwords."], in: folder)
        let workspace = try Workspace.inMemory()
        // An analyser that normalises text, so different files give the same article text.
        try "Same\nVitali Klitschko\nwords.\n\n".write(toFile: paths[1], atomically: true, encoding: .utf8)
        let analyser = StubAnalyser()
        let summary = try Importer(workspace: workspace) { path in
            var analysis = try analyser.analyse(path)
            analysis.article.text = analysis.article.text.trimmingCharacters(in: .whitespacesAndNewlines)
            return analysis
        }.importFiles(paths)
        #expect(summary.added.count == 1)
        #expect(summary.duplicates == [paths[1]])
        #expect(analyser.calls.count == 2)
    }

    @Test func importIntoAReadOnlyWorkspaceThrows() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try Self.write(["1.txt": "Title\nMark Milley\nwords"], in: folder)
        let path = folder.appendingPathComponent("w.sqlite").path
        _ = try Workspace.open(path: path)
        let workspace = try Workspace.open(path: path, readOnly: true)
        #expect(throws: WorkspaceError.self) { try Importer(workspace: workspace, analyze: StubAnalyser().analyse).importFiles(paths) }
    }

    final class ProgressLog: @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [Importer.Progress] = []
        var events: [Importer.Progress] { lock.withLock { recorded } }
        func record(_ progress: Importer.Progress) { lock.withLock { recorded.append(progress) } }
    }

    /// The importer's speed on 10,000 articles of about 800 words (target: under 20 s on 2 cores).
    /// Run deliberately, in a release build:
    /// `STANCEBENCH_BENCHMARK=1 swift test -c release -Xswiftc -enable-testing --filter WorkspaceImporterTests`
    @Test(.enabled(if: ProcessInfo.processInfo.environment["STANCEBENCH_BENCHMARK"] != nil))
    func importBenchmark() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let count = Int(ProcessInfo.processInfo.environment["STANCEBENCH_BENCHMARK_ARTICLES"] ?? "") ?? 10_000
        let vocabulary = ["the", "general", "said", "talks", "Ukraine", "winter", "negotiation", "support", "weapons",
                          "Kyiv", "Moscow", "allies", "diplomacy", "front", "Kherson", "window", "peace", "aid",
                          "Congress", "Pentagon", "adviser", "president", "war", "Brüssel", "ceasefire", "troops"]
        var generator = SystemRandomNumberGenerator()
        var paths: [String] = []
        for index in 0..<count {
            var words = ["Article \(index)", "\nPerson \(index % 300)\n"]
            for _ in 0..<800 { words.append(vocabulary.randomElement(using: &generator)!) }
            let path = folder.appendingPathComponent("\(index).txt").path
            try words.joined(separator: " ").write(toFile: path, atomically: false, encoding: .utf8)
            paths.append(path)
        }
        let workspace = try Workspace.open(path: folder.appendingPathComponent("bench.sqlite").path)
        let analyser = StubAnalyser()
        // The stand-in analyser alone, for scale: the rest of the import time is hashing and writing.
        let analysisStart = Date()
        let files = paths
        DispatchQueue.concurrentPerform(iterations: files.count) { _ = try? StubAnalyser().analyse(files[$0]) }
        print("BENCHMARK stub analysis alone: \(String(format: "%.2f", Date().timeIntervalSince(analysisStart))) s")
        /// Processor time of the whole process (all threads), to tell work from waiting for a core.
        func cpuSeconds() -> Double { Double(clock()) / Double(CLOCKS_PER_SEC) }
        let start = Date(), cpuStart = cpuSeconds()
        let summary = try Importer(workspace: workspace, analyze: analyser.analyse).importFiles(paths)
        let seconds = Date().timeIntervalSince(start), cpu = cpuSeconds() - cpuStart
        print("BENCHMARK import of \(count) articles of 800 words: \(String(format: "%.2f", seconds)) s wall, "
              + "\(String(format: "%.2f", cpu)) s CPU (\(String(format: "%.0f", Double(count) / seconds)) articles/s)")
        #expect(summary.added.count == count)
        // The single-writer part alone (what pipelining cannot spread over cores): batches of
        // ready analyses into a second workspace.
        let ready = try paths.map { try PreparedArticle(StubAnalyser().analyse($0), fileHash: SHA256.hexDigest($0)) }
        let second = try Workspace.open(path: folder.appendingPathComponent("writes.sqlite").path)
        let writeStart = Date(), writeCPUStart = cpuSeconds()
        for batch in stride(from: 0, to: ready.count, by: 256) {
            _ = try second.addArticles(Array(ready[batch..<min(ready.count, batch + 256)]), frameID: nil)
        }
        print("BENCHMARK writes alone: \(String(format: "%.2f", Date().timeIntervalSince(writeStart))) s wall, "
              + "\(String(format: "%.2f", cpuSeconds() - writeCPUStart)) s CPU")
        let searchStart = Date()
        let hits = try workspace.search("ceasefire brussel", limit: 20)
        print("BENCHMARK search over \(count) articles: \(String(format: "%.1f", Date().timeIntervalSince(searchStart) * 1000)) ms")
        #expect(hits.count == 20)
    }
}
