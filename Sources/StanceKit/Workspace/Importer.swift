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
        /// Wall-clock seconds the analysing workers waited, summed, for the writer to take what
        /// they had prepared: near zero while analysis is the slower side.
        public var waitingForWriter: Double = 0
        /// Wall-clock seconds the writer waited for the articles of its next batch to be analysed:
        /// near zero while writing is the slower side.
        public var writerWaitingForAnalysis: Double = 0
        /// Wall-clock seconds from the writer's start to its end. What its processor time and its
        /// waits for analysis and for a core leave of it, it spent blocked in the kernel (file
        /// writes, fsync) or on locks.
        public var writerWall: Double = 0
        /// Wall-clock seconds the writer was ready to run but waited for a core (Linux's
        /// per-thread scheduler statistics; zero where they are not available): the workers and
        /// the writer share the cores.
        public var writerWaitingForCore: Double = 0
        /// The writer's processor time, of `writing`, for making the read indexes a first import
        /// left out (see `Workspace.addArticleBatches`): it follows the last batch, so no analysis
        /// overlaps it.
        public var restoringIndexes: Double = 0
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
    /// Articles handed from the workers to the writer at a time; the workers run at most two
    /// batches ahead of the writer, so this bounds the memory of articles analysed but not written.
    public var batchSize: Int
    /// Articles written per transaction (whole batches, at least one): each commit rewrites every
    /// index page its rows touched, and the statement keys, which begin with a content hash, touch
    /// nearly every page of their index; so larger transactions write far less at the end of a
    /// large import. It bounds what a crash takes back, and the write-ahead log, which holds a
    /// transaction's pages until a checkpoint after its commit copies them into the file.
    public var transactionSize: Int
    public static let defaultTransactionSize = 1024

    public init(workspace: Workspace, frameID: String? = nil, batchSize: Int = 256, transactionSize: Int = defaultTransactionSize,
                analyze: @escaping @Sendable (String) throws -> ArticleAnalysis) {
        self.workspace = workspace
        self.frameID = frameID
        self.transactionSize = max(1, transactionSize)
        // A transaction holds whole batches: a larger batch would make it larger than asked.
        self.batchSize = max(1, min(batchSize, self.transactionSize))
        self.analyze = analyze
    }

    /// Imports the files; a file that fails is reported in the summary and the rest go on. Every
    /// file is read and hashed first, so those already imported are skipped before analysing (the
    /// expensive part). The rest are analysed on all cores and written in order by the single
    /// writer (SQLite has one), in batches of `batchSize`, `transactionSize` articles a transaction:
    /// a crash leaves the workspace with whole transactions only. Into an empty workspace the
    /// indexes only reads use are made once, at the end (see `Workspace.addArticleBatches`).
    /// Analysis and writing overlap: workers run ahead of the writer by at most two batches
    /// (memory stays flat), and the writer takes each batch as soon as its articles are ready. `progress` is called from worker threads as files are analysed
    /// or skipped. Throws only when the workspace cannot be written at all (read-only, disk full).
    public func importFiles(_ paths: [String], progress: @escaping @Sendable (Progress) -> Void = { _ in }) throws -> Summary {
        let counter = ProgressCounter(total: paths.count, report: progress)
        let collected = SummaryCollector()
        let hashes: [String?] = concurrentMap(count: paths.count) { index in
            collected.timed(\.reading) { FileManager.default.contents(atPath: paths[index]).map { SHA256.hexDigest($0) } }
        }
        let known = try workspace.knownFileHashes(among: hashes.compactMap { $0 })

        var seenHashes = Set<String>()
        var jobs: [(path: String, hash: String)] = []
        for (path, hash) in zip(paths, hashes) {
            guard let hash else {
                collected.fail(path, "cannot read the file")
                counter.finish(path)
                continue
            }
            if known.contains(hash) || !seenHashes.insert(hash).inserted {
                collected.duplicate(path)
                counter.finish(path)
            } else {
                jobs.append((path, hash))
            }
        }

        let (analyze, toAnalyse) = (self.analyze, jobs)
        return try analyseAndWrite(count: toAnalyse.count, collected: collected) { index in
            let (path, hash) = toAnalyse[index]
            defer { counter.finish(path) }
            return (path, Result { try PreparedArticle(analyze(path), fileHash: hash) })
        }
    }

    /// Adds analyses made elsewhere (a JSON export read back, decisions included) the way files
    /// are added: checked and prepared on all cores, written in batches. Duplicates and failures
    /// are named by each article's `file`. Throws only when the workspace cannot be written at all.
    public func importAnalyses(_ analyses: [ArticleAnalysis]) throws -> Summary {
        try analyseAndWrite(count: analyses.count, collected: SummaryCollector()) { index in
            (analyses[index].article.file, Result { try PreparedArticle(analyses[index], fileHash: nil) })
        }
    }

    /// Prepares items `0..<count` on all cores and writes them in index order on one writer
    /// thread, a batch per transaction.
    private func analyseAndWrite(
        count: Int, collected: SummaryCollector,
        prepare: @escaping @Sendable (Int) -> (path: String, result: Result<PreparedArticle, any Error>)
    ) throws -> Summary {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let window = PreparedWindow(count: count, capacity: 2 * batchSize, workers: workers)
        let (workspace, frameID, batchSize, transactionSize) = (self.workspace, self.frameID, self.batchSize, self.transactionSize)
        let written = DispatchSemaphore(value: 0)
        DispatchQueue(label: "StanceKit.Importer.writes").async {
            let (start, startQueued) = (DispatchTime.now().uptimeNanoseconds, threadQueuedSeconds())
            defer {
                collected.add(\.writerWall, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                collected.add(\.writerWaitingForCore, threadQueuedSeconds() - startQueued)
                written.signal()
            }
            // The workspace's actors stay in memory from one transaction to the next.
            let actorCache = ActorDirectoryCache()
            let waited: (Double) -> Void = { collected.add(\.writerWaitingForAnalysis, $0) }
            while let first = window.takeBatch(upTo: batchSize, waited: waited) {
                var outcomes: [(Result<AddResult, any Error>, path: String)] = []
                do {
                    try collected.timed(\.writing) {
                        try workspace.addArticleBatches(frameID: frameID, actorCache: actorCache) { add in
                            var batch = first
                            var articles = 0
                            while true {
                                var items: [PreparedArticle] = []
                                var itemPaths: [String] = []
                                for (path, result) in batch {
                                    switch result {
                                    case let .success(prepared):
                                        items.append(prepared)
                                        itemPaths.append(path)
                                    case let .failure(error):
                                        collected.fail(path, "\(error)")
                                    }
                                }
                                outcomes += zip(try add(items), itemPaths).map { ($0, $1) }
                                articles += batch.count
                                guard articles < transactionSize,
                                      let next = window.takeBatch(upTo: batchSize, waited: waited) else { break }
                                batch = next
                            }
                        }
                    }
                    collected.record(outcomes)
                } catch {
                    collected.writeError = error
                    window.stop()
                }
            }
            // After a write error too: what was committed gets its indexes back, if it can.
            do {
                try collected.timed(\.restoringIndexes) {
                    try collected.timed(\.writing) { try workspace.restoreDeferredIndexes() }
                }
            } catch {
                collected.writeError = error
            }
        }
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = window.claim(waited: { collected.add(\.waitingForWriter, $0) }) {
                window.deliver(index, collected.timed(\.analysing) { prepare(index) })
            }
        }
        written.wait()
        if let error = collected.writeError { throw error }
        return collected.summary
    }
}

/// The articles between the analysing workers and the writer: workers claim the next index and
/// deliver its result, at most `capacity` indexes ahead of the last one the writer took, and
/// leave a core to the writer while it writes; the writer takes them in index order, a batch at
/// a time.
private final class PreparedWindow: @unchecked Sendable {
    typealias Item = (path: String, result: Result<PreparedArticle, any Error>)

    private let condition = NSCondition()
    private let count: Int
    private let capacity: Int
    private var nextToClaim = 0
    /// Indexes below this have been taken by the writer.
    private var taken = 0
    private var ready: [Int: Item] = [:]
    private var stopped = false
    /// The worker threads there are; `preparing` of them hold a claimed index not yet delivered.
    private let workers: Int
    private var preparing = 0
    /// Whether the writer has a batch (false while it waits in `takeBatch`).
    private var writerBusy = false

    init(count: Int, capacity: Int, workers: Int) {
        self.count = count
        self.capacity = max(1, capacity)
        self.workers = workers
    }

    /// The next index to prepare, once the writer has made room for it; nil when every index is
    /// claimed or writing stopped. `waited` is told the seconds spent waiting for room.
    func claim(waited: (Double) -> Void) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        let start = DispatchTime.now().uptimeNanoseconds
        while !stopped, nextToClaim < count, nextToClaim >= taken + capacity || coreKeptForWriter { condition.wait() }
        waited(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        guard !stopped, nextToClaim < count else { return nil }
        nextToClaim += 1
        preparing += 1
        return nextToClaim - 1
    }

    /// While the writer writes, one core is left to it: the single writer is the import's
    /// critical path whenever the workers run ahead of it, and with as many workers as cores the
    /// scheduler shared every core among workers and writer alike, so the writer ran at about
    /// two thirds of a core while the workers filled the window and then waited, a core idle, for
    /// it to drain. A worker only starts an article while fewer than `workers - 1` are preparing,
    /// unless the writer is waiting for analysis (then all may run).
    private var coreKeptForWriter: Bool {
        writerBusy && preparing >= workers - 1 && workers > 1
    }

    func deliver(_ index: Int, _ item: Item) {
        condition.lock()
        preparing -= 1
        ready[index] = item
        condition.broadcast()
        condition.unlock()
    }

    /// The next `size` items in order (fewer at the end), once all are ready; nil when all were
    /// taken or writing stopped. `waited` is told the seconds spent waiting for them.
    func takeBatch(upTo size: Int, waited: (Double) -> Void) -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        let wanted = min(max(1, size), count - taken)
        let start = DispatchTime.now().uptimeNanoseconds
        writerBusy = false
        condition.broadcast()
        while !stopped, wanted > 0, !(taken..<taken + wanted).allSatisfy({ ready[$0] != nil }) { condition.wait() }
        waited(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        guard !stopped, wanted > 0 else { return nil }
        writerBusy = true
        let batch = (taken..<taken + wanted).map { ready.removeValue(forKey: $0)! }
        taken += wanted
        condition.broadcast()
        return batch
    }

    /// Stops handing out work: the writer cannot write.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}

/// The summary, filled in by the importing thread, the workers and the writer.
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

    func record(_ outcomes: [(Result<AddResult, any Error>, path: String)]) {
        lock.withLock {
            for (outcome, path) in outcomes {
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

/// Seconds the calling thread has spent ready to run but waiting for a core, from Linux's
/// `/proc/thread-self/schedstat` (its second field, nanoseconds); zero where it cannot be read.
private func threadQueuedSeconds() -> Double {
    guard let stats = try? String(contentsOfFile: "/proc/thread-self/schedstat", encoding: .utf8) else { return 0 }
    let fields = stats.split(separator: " ")
    guard fields.count > 1, let nanoseconds = Double(fields[1]) else { return 0 }
    return nanoseconds / 1e9
}
