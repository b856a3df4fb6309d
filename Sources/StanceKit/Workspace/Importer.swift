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

    /// Where an import's time went. Processor seconds, not wall-clock: they do not depend on what
    /// else the machine is doing, and they add up over the cores.
    public struct Timing: Hashable, Sendable {
        /// Worker threads, summed: reading and hashing files.
        public var reading: Double = 0
        /// Worker threads, summed: the analyser, then checking its result and preparing the rows.
        public var analysing: Double = 0
        /// The single writer: SQLite inserts, indexes, the full-text index, commits.
        public var writing: Double = 0
        /// Wall-clock seconds the importer waited for the writer before handing it the next batch:
        /// near zero while analysis is the slower side.
        public var waitingForWriter: Double = 0
    }

    public struct Summary: Hashable, Sendable {
        /// Workspace ids of the new articles, in the order of the paths given.
        public var added: [Int64] = []
        /// Files already in the workspace (same bytes, or same text after analysis), or given twice.
        /// In the order found, which for same-text duplicates is after the batch was written.
        public var duplicates: [String] = []
        public var failures: [Failure] = []
        public var timing = Timing()
    }

    public let workspace: Workspace
    public let analyze: @Sendable (String) throws -> ArticleAnalysis
    public var frameID: String?
    /// Articles written per transaction: large enough to amortise the commit's fsync and the
    /// full-text index's flush, small enough that progress moves and memory stays flat.
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
    /// all cores; at most one batch waits for the writer, so memory stays flat. Each batch is one
    /// transaction, so a crash leaves the workspace with whole batches only. `progress` is called
    /// from worker threads as files are analysed or skipped. Throws only when the workspace cannot
    /// be written at all (read-only, disk full).
    public func importFiles(_ paths: [String], progress: @escaping @Sendable (Progress) -> Void = { _ in }) throws -> Summary {
        let counter = ProgressCounter(total: paths.count, report: progress)
        let collected = SummaryCollector()
        let writer = BatchWriter(workspace: workspace, frameID: frameID, collected: collected)
        var seenHashes = Set<String>()

        for batchStart in stride(from: 0, to: paths.count, by: batchSize) {
            if collected.writeError != nil { break }
            let batch = Array(paths[batchStart..<min(paths.count, batchStart + batchSize)])
            let batchHashes: [String?] = concurrentMap(count: batch.count) { index in
                collected.timed(\.reading) { FileManager.default.contents(atPath: batch[index]).map { SHA256.hexDigest($0) } }
            }
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

            let (analyze, jobs) = (self.analyze, toAnalyse)
            let results: [Result<PreparedArticle, any Error>] = concurrentMap(count: toAnalyse.count) { index in
                let (path, hash) = jobs[index]
                defer { counter.finish(path) }
                return collected.timed(\.analysing) { Result { try PreparedArticle(analyze(path), fileHash: hash) } }
            }

            writer.enqueue(results, paths: toAnalyse.map(\.path))
        }
        return try writer.finish()
    }

    /// Adds analyses made elsewhere (a JSON export read back, decisions included) the way files
    /// are added: checked and prepared on all cores, written in batches. Duplicates and failures
    /// are named by each article's `file`. Throws only when the workspace cannot be written at all.
    public func importAnalyses(_ analyses: [ArticleAnalysis]) throws -> Summary {
        let collected = SummaryCollector()
        let writer = BatchWriter(workspace: workspace, frameID: frameID, collected: collected)
        for batchStart in stride(from: 0, to: analyses.count, by: batchSize) {
            if collected.writeError != nil { break }
            let batch = Array(analyses[batchStart..<min(analyses.count, batchStart + batchSize)])
            let results: [Result<PreparedArticle, any Error>] = concurrentMap(count: batch.count) { index in
                collected.timed(\.analysing) { Result { try PreparedArticle(batch[index], fileHash: nil) } }
            }
            writer.enqueue(results, paths: batch.map(\.article.file))
        }
        return try writer.finish()
    }
}

/// The single writer: writes each batch in one transaction on its own queue, one batch at a
/// time, while the importer analyses the next.
private final class BatchWriter: Sendable {
    private let workspace: Workspace
    private let frameID: String?
    private let collected: SummaryCollector
    private let queue = DispatchQueue(label: "StanceKit.Importer.writes")
    /// One batch may be written while the next is analysed; a third waits.
    private let slot = DispatchSemaphore(value: 1)

    init(workspace: Workspace, frameID: String?, collected: SummaryCollector) {
        self.workspace = workspace
        self.frameID = frameID
        self.collected = collected
    }

    /// Hands a batch to the writer, once the one before has been written; failed preparations
    /// are recorded as failures.
    func enqueue(_ results: [Result<PreparedArticle, any Error>], paths: [String]) {
        var items: [PreparedArticle] = []
        var itemPaths: [String] = []
        for (path, result) in zip(paths, results) {
            switch result {
            case let .success(prepared):
                items.append(prepared)
                itemPaths.append(path)
            case let .failure(error):
                collected.fail(path, "\(error)")
            }
        }
        let waitStart = DispatchTime.now().uptimeNanoseconds
        slot.wait()
        collected.add(\.waitingForWriter, Double(DispatchTime.now().uptimeNanoseconds - waitStart) / 1e9)
        let (workspace, frameID, collected, slot) = (self.workspace, self.frameID, self.collected, self.slot)
        let (batch, batchPaths) = (items, itemPaths)
        queue.async {
            defer { slot.signal() }
            guard collected.writeError == nil else { return }
            do {
                let outcomes = try collected.timed(\.writing) { try workspace.addArticles(batch, frameID: frameID) }
                collected.record(outcomes, for: batchPaths)
            } catch {
                collected.writeError = error
            }
        }
    }

    /// Waits until every batch handed over is written; the summary, or the error that stopped writing.
    func finish() throws -> Importer.Summary {
        queue.sync {}
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

    func add(_ part: WritableKeyPath<Importer.Timing, Double>, _ seconds: Double) {
        lock.withLock { current.timing[keyPath: part] += seconds }
    }

    /// Runs `work` and adds the processor time this thread spent in it to `part`.
    func timed<T>(_ part: WritableKeyPath<Importer.Timing, Double>, _ work: () throws -> T) rethrows -> T {
        let start = threadCPUSeconds()
        defer { add(part, threadCPUSeconds() - start) }
        return try work()
    }

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

/// Processor time of the calling thread.
private func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
