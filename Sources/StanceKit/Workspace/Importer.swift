import Foundation

/// Imports article files into a workspace: reads and hashes each file, skips those already
/// imported (before analysing, which is the expensive part), analyses the rest on all cores and
/// writes them in batches, one transaction per batch.
public struct Importer: Sendable {
    public struct Progress: Hashable, Sendable {
        public var done: Int
        public var total: Int
        public var currentFile: String
    }

    public struct Failure: Hashable, Sendable {
        public var path: String
        public var message: String
    }

    public struct Summary: Hashable, Sendable {
        /// Workspace ids of the new articles, in the order of the paths given.
        public var added: [Int64] = []
        /// Files already in the workspace (same bytes, or same text after analysis), or given twice.
        /// In the order found, which for same-text duplicates is after the batch was written.
        public var duplicates: [String] = []
        public var failures: [Failure] = []
    }

    public let workspace: Workspace
    public let analyze: @Sendable (String) throws -> ArticleAnalysis
    public var frameID: String?
    /// Articles written per transaction: large enough to amortise the commit's fsync, small enough
    /// that progress moves and memory stays flat.
    public var batchSize: Int

    public init(workspace: Workspace, frameID: String? = nil, batchSize: Int = 256,
                analyze: @escaping @Sendable (String) throws -> ArticleAnalysis) {
        self.workspace = workspace
        self.frameID = frameID
        self.batchSize = max(1, batchSize)
        self.analyze = analyze
    }

    /// Imports the files; a file that fails is reported in the summary and the rest go on. Batches
    /// are pipelined: while one batch is written (SQLite has one writer), the next is analysed on
    /// the other cores. `progress` is called from worker threads as files are analysed or skipped.
    /// Throws only when the workspace cannot be written at all (read-only, disk full).
    public func importFiles(_ paths: [String], progress: @escaping @Sendable (Progress) -> Void = { _ in }) throws -> Summary {
        let counter = ProgressCounter(total: paths.count, report: progress)
        let collected = SummaryCollector()
        let writes = DispatchQueue(label: "StanceKit.Importer.writes")
        var seenHashes = Set<String>()

        for batchStart in stride(from: 0, to: paths.count, by: batchSize) {
            if collected.writeError != nil { break }
            let batch = Array(paths[batchStart..<min(paths.count, batchStart + batchSize)])
            let hashes = ResultSlots<String>(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                guard let bytes = FileManager.default.contents(atPath: batch[index]) else { return }
                hashes.set(index, .success(SHA256.hexDigest(bytes)))
            }
            let batchHashes = (0..<batch.count).map { try? hashes.get($0)?.get() }
            let known = try workspace.knownFileHashes(among: batchHashes.compactMap { $0 })

            var toAnalyse: [(path: String, hash: String)] = []
            for (path, hash) in zip(batch, batchHashes) {
                guard let hash else {
                    collected.fail(path, "cannot read the file")
                    counter.finish(path)
                    continue
                }
                if known.contains(hash) || !seenHashes.insert(hash).inserted {
                    collected.duplicate(path)
                    counter.finish(path)
                } else {
                    toAnalyse.append((path, hash))
                }
            }

            let results = ResultSlots<PreparedArticle>(count: toAnalyse.count)
            let analyze = self.analyze
            let jobs = toAnalyse
            DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
                let (path, hash) = jobs[index]
                results.set(index, Result { try PreparedArticle(analyze(path), fileHash: hash) })
                counter.finish(path)
            }

            var analysed: [PreparedArticle] = []
            var analysedPaths: [String] = []
            for (index, item) in toAnalyse.enumerated() {
                switch results.get(index) {
                case let .success(prepared)?:
                    analysed.append(prepared)
                    analysedPaths.append(item.path)
                case let .failure(error)?:
                    collected.fail(item.path, "\(error)")
                case nil:
                    collected.fail(item.path, "not analysed")
                }
            }
            let (workspace, frameID, items, itemPaths) = (self.workspace, self.frameID, analysed, analysedPaths)
            writes.async {
                do {
                    collected.record(try workspace.addArticles(items, frameID: frameID), for: itemPaths)
                } catch {
                    collected.writeError = error
                }
            }
        }
        writes.sync {}
        if let error = collected.writeError { throw error }
        return collected.summary
    }
}

/// The summary, filled in by the importing thread and the writing queue.
private final class SummaryCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Importer.Summary()
    private var firstWriteError: (any Error)?

    var summary: Importer.Summary { lock.withLock { current } }

    var writeError: (any Error)? {
        get { lock.withLock { firstWriteError } }
        set { lock.withLock { if firstWriteError == nil { firstWriteError = newValue } } }
    }

    func fail(_ path: String, _ message: String) {
        lock.withLock { current.failures.append(Importer.Failure(path: path, message: message)) }
    }

    func duplicate(_ path: String) { lock.withLock { current.duplicates.append(path) } }

    func record(_ outcomes: [Result<AddResult, any Error>], for paths: [String]) {
        lock.withLock {
            for (path, outcome) in zip(paths, outcomes) {
                switch outcome {
                case let .success(.added(id)): current.added.append(id)
                case .success(.duplicate): current.duplicates.append(path)
                case let .failure(error): current.failures.append(Importer.Failure(path: path, message: "\(error)"))
                }
            }
        }
    }
}

/// Results written by concurrent workers, each to its own slot.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Result<Value, any Error>?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: Result<Value, any Error>) { lock.withLock { slots[index] = result } }
    func get(_ index: Int) -> Result<Value, any Error>? { lock.withLock { slots[index] } }
}

private final class ProgressCounter: @unchecked Sendable {
    private var done = 0
    private let total: Int
    private let report: @Sendable (Importer.Progress) -> Void
    private let lock = NSLock()
    init(total: Int, report: @escaping @Sendable (Importer.Progress) -> Void) {
        self.total = total
        self.report = report
    }
    func finish(_ path: String) {
        let done = lock.withLock { self.done += 1; return self.done }
        report(Importer.Progress(done: done, total: total, currentFile: path))
    }
}
