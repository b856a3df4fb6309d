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

    /// Imports the files; a file that fails is reported in the summary and the rest go on.
    /// `progress` is called from worker threads as files finish.
    public func importFiles(_ paths: [String], progress: @escaping @Sendable (Progress) -> Void = { _ in }) throws -> Summary {
        var summary = Summary()
        let total = paths.count
        let counter = ProgressCounter(total: total, report: progress)
        var seenHashes = Set<String>()

        for batchStart in stride(from: 0, to: paths.count, by: batchSize) {
            let batch = Array(paths[batchStart..<min(paths.count, batchStart + batchSize)])
            let hashes = batch.map { path in FileManager.default.contents(atPath: path).map { SHA256.hexDigest($0) } }
            let known = try workspace.knownFileHashes(among: hashes.compactMap { $0 })

            var toAnalyse: [(path: String, hash: String)] = []
            for (path, hash) in zip(batch, hashes) {
                guard let hash else {
                    summary.failures.append(Failure(path: path, message: "cannot read the file"))
                    counter.finish(path)
                    continue
                }
                if known.contains(hash) || !seenHashes.insert(hash).inserted {
                    summary.duplicates.append(path)
                    counter.finish(path)
                } else {
                    toAnalyse.append((path, hash))
                }
            }

            let results = ResultSlots<ArticleAnalysis>(count: toAnalyse.count)
            let analyze = self.analyze
            let jobs = toAnalyse
            DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
                let path = jobs[index].path
                results.set(index, Result { try analyze(path) })
                counter.finish(path)
            }

            var analysed: [(analysis: ArticleAnalysis, fileHash: String?)] = []
            var paths: [String] = []
            for (index, item) in toAnalyse.enumerated() {
                switch results.get(index) {
                case let .success(analysis)?:
                    analysed.append((analysis, item.hash))
                    paths.append(item.path)
                case let .failure(error)?:
                    summary.failures.append(Failure(path: item.path, message: "\(error)"))
                case nil:
                    summary.failures.append(Failure(path: item.path, message: "not analysed"))
                }
            }
            for (path, outcome) in zip(paths, try workspace.addArticles(analysed, frameID: frameID)) {
                switch outcome {
                case let .success(.added(id)): summary.added.append(id)
                case .success(.duplicate): summary.duplicates.append(path)
                case let .failure(error): summary.failures.append(Failure(path: path, message: "\(error)"))
                }
            }
        }
        return summary
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
