import Foundation
import StanceApp
import StanceKit
import Terminal

struct BenchOptions {
    static let measureNames = ["analysis", "import", "search", "keypress", "startup", "write"]

    var articles = 10_000
    var wordsPerArticle = 800
    /// Measures to run (all when empty); memory is always reported.
    var only: Set<String> = []
    /// Articles analysed again and again for throughput (a subset: one core would take minutes
    /// over the whole corpus, and the rate does not change with size).
    var throughputArticles = 600
    var keypresses = 2_000
    var longArticleWords = 50_000
    var keepFiles = false
    /// An existing workspace to measure start-up and search on, instead of importing a new one
    /// (a 10,000-article import takes many minutes; start-up is measured against the same file).
    var workspace: String?

    func wants(_ measure: String) -> Bool { only.isEmpty || only.contains(measure) }
}

/// A backend that keeps the last frame and diffs each new one against it, as a terminal backend
/// does before writing, without a terminal.
final class DiffingBackend: TerminalBackend {
    let size: Size
    private(set) var previous: Screen?
    private(set) var framesDrawn = 0
    private(set) var changedCells = 0
    /// When the first frame was drawn (`now()`), to time start-up to it.
    private(set) var firstFrameTime: Double?
    /// The drawing thread's CPU time then (`threadCPUSeconds()`), which other load does not lengthen.
    private(set) var firstFrameCPUTime: Double?
    /// The same for the second frame: the one that shows the actors and the timeline.
    private(set) var secondFrameTime: Double?
    private(set) var secondFrameCPUTime: Double?

    init(size: Size) { self.size = size }

    func draw(_ screen: Screen) {
        if firstFrameTime == nil {
            firstFrameTime = now()
            firstFrameCPUTime = threadCPUSeconds()
        } else if secondFrameTime == nil {
            secondFrameTime = now()
            secondFrameCPUTime = threadCPUSeconds()
        }
        changedCells += screen.changedPositions(since: previous).count
        previous = screen
        framesDrawn += 1
    }

    func nextKey(timeoutMilliseconds: Int) -> Key? { nil }
}

/// Runs the measures in order, sharing the generated corpus and the imported workspace.
final class Bench {
    private let options: BenchOptions
    private var generator: CorpusGenerator
    private let folder: URL
    private let analyzer = Analyzer()
    private let cores = ProcessInfo.processInfo.activeProcessorCount
    private(set) var rows: [Row] = []
    private var peaks: [(String, Int)] = []

    init(options: BenchOptions) throws {
        self.options = options
        generator = try CorpusGenerator()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("stancebench-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        if !options.keepFiles { try? FileManager.default.removeItem(at: folder) }
    }

    func run() throws {
        if options.wants("analysis") { try phase("analysis", measureAnalysis) }
        if options.workspace == nil, ["import", "search", "startup", "write"].contains(where: options.wants) {
            try phase("import", measureImport)
        }
        if options.wants("search") { try phase("search", measureSearch) }
        if options.wants("keypress") { try phase("keypress", measureKeypress) }
        if options.wants("startup") { try phase("startup", measureStartup) }
        if options.wants("write") { try phase("write", measureWrites) }
        for (name, peak) in peaks {
            rows.append(Row("peak memory during \(name) (VmHWM)", formatMegabytes(peak), target: "< 200 MB",
                            pass: peak < 200 * 1_048_576))
        }
        let overall = Memory.processPeak()
        rows.append(Row("peak memory, whole run (getrusage maxrss)", formatMegabytes(overall), target: "< 200 MB",
                        pass: overall < 200 * 1_048_576))
        if options.keepFiles { note("files kept in \(folder.path)") }
    }

    private func phase(_ name: String, _ body: () throws -> Void) throws {
        note("\(name)…")
        Memory.resetPeak()
        try body()
        if let peak = Memory.phasePeak() { peaks.append((name, peak)) }
    }

    private func note(_ text: String) {
        FileHandle.standardError.write(Data("stancebench-bench: \(text)\n".utf8))
    }

    private func fileName(_ index: Int) -> String {
        String(format: "article-%06d.%@", index, index.isMultiple(of: 2) ? "md" : "txt")
    }

    // MARK: - Analysis throughput

    private func measureAnalysis() throws {
        let count = min(options.articles, options.throughputArticles)
        var inputs: [(bytes: [UInt8], path: String)] = []
        var words = 0
        for index in 0..<count {
            let article = generator.article(index, words: options.wordsPerArticle)
            inputs.append((Array(article.text.utf8), fileName(index)))
            words += article.words
        }
        let analyzer = self.analyzer
        let statements = StatementTally()
        let frozen = inputs
        let analyse: @Sendable (Int) -> Void = { index in
            let inputs = frozen
            guard let document = try? SourceLoader.decode(inputs[index].bytes, path: inputs[index].path) else { return }
            statements.add(analyzer.analyze(document).statements.count)
        }
        let repeats = 3
        let loadBefore = loadAverage()
        let serial = (0..<repeats).map { _ in timed(cpuClock: threadCPUSeconds) { for index in 0..<count { analyse(index) } } }
        let parallel = (0..<repeats).map { _ in
            timed(cpuClock: processCPUSeconds) { DispatchQueue.concurrentPerform(iterations: count) { analyse($0) } }
        }
        let load = [loadBefore, loadAverage()].compactMap { $0 }.map { String(format: "%.1f", $0) }.joined(separator: " → ")
        let oneCore = Double(words) / Timings(serial.map(\.cpu)).median
        let oneCoreWall = Double(words) / Timings(serial.map(\.wall)).median
        let allCores = Double(words) / Timings(parallel.map(\.wall)).median
        let perCoreOfCPU = Double(words) / Timings(parallel.map(\.cpu)).median
        let perCoreTarget = 1_000_000.0
        rows.append(Row("analysis, one core (\(count) articles, \(formatCount(Double(words))) words, median of \(repeats), thread CPU time)",
                        "\(formatCount(oneCore)) words/s", target: ">= 1,000,000 words/s", pass: oneCore >= perCoreTarget))
        rows.append(Row("  the same by wall-clock time (load average \(load) on \(cores) cores)", "\(formatCount(oneCoreWall)) words/s",
                        pass: nil))
        rows.append(Row("analysis, all \(cores) cores, wall-clock (speed-up \(String(format: "%.2f", allCores / oneCoreWall))x over one core by wall-clock)",
                        "\(formatCount(allCores)) words/s", target: ">= 1,000,000 words/s per core",
                        pass: allCores / Double(cores) >= perCoreTarget))
        rows.append(Row("  all cores, words per CPU second of all threads", "\(formatCount(perCoreOfCPU)) words/s", pass: nil))
        rows.append(Row("statements found per article", String(format: "%.1f", Double(statements.total) / Double(count * repeats * 2)),
                        pass: nil))
    }

    // MARK: - Import

    private var workspacePath: String { options.workspace ?? folder.appendingPathComponent("workspace.sqlite").path }
    /// Names from the first articles of the generated corpus (the same seeded corpus a kept
    /// workspace was imported from).
    private func searchTerms() -> [String] {
        stride(from: 1, to: min(options.articles, 40), by: 7).flatMap { generator.searchTerms(forArticle: $0) }
    }
    private var workspaceArticles: Int { (try? Workspace.open(path: workspacePath).counts().articles) ?? options.articles }

    private func measureImport() throws {
        let corpus = folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        var paths: [String] = []
        var words = 0
        for index in 0..<options.articles {
            let article = generator.article(index, words: options.wordsPerArticle)
            let path = corpus.appendingPathComponent(fileName(index)).path
            try Data(article.text.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
            words += article.words
        }

        let analyzer = self.analyzer
        let workspace = try Workspace.open(path: workspacePath)
        // Closed as the import command closes it: the start-up measure must meet the file as a user's next
        // session does, its WAL folded in (a WAL with content makes opening wait for the full check).
        defer { workspace.close() }
        let importer = Importer(workspace: workspace, frameID: analyzer.frame.id) { path in
            analyzer.analyze(try SourceLoader.load(path: path))
        }
        var imported: Importer.Summary?
        let walWatch = FileSizeWatch(path: workspacePath + "-wal")
        let elapsed = try seconds { imported = try importer.importFiles(paths) }
        let largestWAL = walWatch.stop()
        guard let summary = imported else { return }
        let target = 20.0 * Double(options.articles) / 10_000
        rows.append(Row("import \(formatCount(Double(options.articles))) articles (\(formatCount(Double(words))) words) into a new workspace",
                        formatSeconds(elapsed), target: String(format: "< %.0f s", target), pass: elapsed < target))
        rows.append(Row("  import rate", "\(formatCount(Double(words) / elapsed)) words/s, "
                        + "\(summary.added.count) added, \(summary.duplicates.count) duplicates, \(summary.failures.count) failed",
                        pass: nil))
        let timing = summary.timing
        let cpu = timing.reading + timing.analysing + timing.writing
        func share(_ seconds: Double) -> String {
            String(format: "%.2f s CPU (%.0f %%)", seconds, cpu > 0 ? 100 * seconds / cpu : 0)
        }
        rows.append(Row("  analysis and row preparation, worker threads summed", share(timing.analysing), pass: nil))
        rows.append(Row("  writing (SQLite: rows, indexes, full-text index, commits), one writer", share(timing.writing), pass: nil))
        rows.append(Row("  reading and hashing files, worker threads summed", share(timing.reading), pass: nil))
        rows.append(Row("  analysis waiting for the writer (wall clock, workers summed)", formatSeconds(timing.waitingForWriter), pass: nil))
        rows.append(Row("  writer waiting for analysis (wall clock)", formatSeconds(timing.writerWaitingForAnalysis), pass: nil))
        let blocked = timing.writerWall - timing.writing - timing.writerWaitingForAnalysis - timing.writerWaitingForCore
        rows.append(Row("  writer's wall clock: processor / waiting for a core / blocked (I/O, locks)",
                        "\(formatSeconds(timing.writerWall)): \(formatSeconds(timing.writing)) / "
                        + "\(formatSeconds(timing.writerWaitingForCore)) / \(formatSeconds(blocked))", pass: nil))
        rows.append(Row("  of the writer's processor time: making the read indexes after the last batch",
                        String(format: "%.2f s CPU", timing.restoringIndexes), pass: nil))
        var again: Importer.Summary?
        let reimport = try seconds { again = try importer.importFiles(paths) }
        rows.append(Row("  importing the same files again (all skipped by file hash)",
                        "\(formatSeconds(reimport)), \(again?.duplicates.count ?? 0) skipped", pass: nil))
        let counts = try workspace.counts()
        workspace.close()
        rows.append(Row("  workspace", "\(counts.actors) actors, \(counts.statements) statements, "
                        + formatMegabytes(Self.fileSize(workspacePath)), pass: nil))
        let walLeft = FileManager.default.fileExists(atPath: workspacePath + "-wal")
            ? formatMegabytes(Self.fileSize(workspacePath + "-wal")) : "none"
        rows.append(Row("  write-ahead log: largest during the import / left after closing",
                        "\(formatMegabytes(largestWAL)) / \(walLeft)", pass: nil))
        if let failure = summary.failures.first { note("first import failure: \(failure.path): \(failure.message)") }
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    // MARK: - Search

    private func measureSearch() throws {
        let workspace = try Workspace.open(path: workspacePath)
        defer { workspace.close() }
        // Names from the articles (one to a few hundred hits each); common words of the genre and of
        // English (in nearly every article: the most candidates to rank) alone, in pairs, in phrases,
        // as prefixes and as alternatives; a sentence of them; and words no article has.
        let kinds: [(name: String, queries: [String])] = [
            ("names", searchTerms()),
            ("common words", ["said", "the", "talks"]),
            ("common pairs", ["the general", "said the", "military support", "negotiations now"]),
            ("phrases", ["\"said the\"", "\"foreign minister\"", "\"of the\"", "\"military support\""]),
            ("prefixes", ["negot*", "mil*", "sai*", "the*", "pre*"]),
            ("OR", ["ceasefire OR truce", "said OR the", "talks OR negotiations OR diplomacy"]),
            ("many words", ["the minister said that talks would resume in spring",
                            "support for the government was discussed by officials on monday"]),
            ("no match", ["ceasefire", "spring offensive", "zebra", "quantum chromodynamics"]),
        ]
        let repetitions = 9
        var all: [Double] = []
        var processorTimes: [Double] = []
        var filterTimes: [Double] = []
        var hits = 0
        var byKind: [Row] = []
        for kind in kinds {
            var timings: [Double] = []
            var kindProcessorTimes: [Double] = []
            var filter: [(wall: Double, cpu: Double)] = []
            for query in kind.queries {
                _ = try workspace.search(query)
                _ = try workspace.articleIDs(matching: query)
                for _ in 0..<repetitions {
                    var found: [SearchHit] = []
                    let (elapsed, processor) = try timed(cpuClock: threadCPUSeconds) { found = try workspace.search(query) }
                    timings.append(elapsed)
                    kindProcessorTimes.append(processor)
                    hits += found.count
                    filter.append(try timed(cpuClock: threadCPUSeconds) { _ = try workspace.articleIDs(matching: query) })
                }
            }
            all += timings
            processorTimes += kindProcessorTimes
            filterTimes += filter.map(\.wall)
            let stats = Timings(timings), processor = Timings(kindProcessorTimes)
            let filterWall = Timings(filter.map(\.wall)), filterProcessor = Timings(filter.map(\.cpu))
            let examples = kind.queries.prefix(2).map { "“\($0)”" }.joined(separator: ", ") + (kind.queries.count > 2 ? ", …" : "")
            byKind.append(Row("  \(kind.name) (\(kind.queries.count): \(examples)), processor median / p99; wall median / p99",
                              "\(formatMilliseconds(processor.median)) / \(formatMilliseconds(processor.percentile(99))); "
                              + "\(formatMilliseconds(stats.median)) / \(formatMilliseconds(stats.percentile(99)))", pass: nil))
            byKind.append(Row("    every matching article id (the workbench's filter), same measures",
                              "\(formatMilliseconds(filterProcessor.median)) / \(formatMilliseconds(filterProcessor.percentile(99))); "
                              + "\(formatMilliseconds(filterWall.median)) / \(formatMilliseconds(filterWall.percentile(99)))", pass: nil))
        }
        let stats = Timings(all), processor = Timings(processorTimes), filter = Timings(filterTimes)
        let queryCount = kinds.reduce(0) { $0 + $1.queries.count }
        rows.append(Row("full-text search, median (\(queryCount) queries x \(repetitions))", formatMilliseconds(stats.median),
                        target: "< 20 ms", pass: stats.median < 0.020))
        rows.append(Row("full-text search, p99", formatMilliseconds(stats.percentile(99)), target: "< 20 ms",
                        pass: stats.percentile(99) < 0.020))
        rows.append(Row("  processor time of the searching thread, median / p99 (independent of other load)",
                        "\(formatMilliseconds(processor.median)) / \(formatMilliseconds(processor.percentile(99)))", pass: nil))
        rows.append(Row("every matching article id (the workbench's filter), median / p99",
                        "\(formatMilliseconds(filter.median)) / \(formatMilliseconds(filter.percentile(99)))", target: "< 20 ms",
                        pass: filter.percentile(99) < 0.020))
        rows += byKind
        rows.append(Row("  hits per query (limit 50)", String(format: "%.1f", Double(hits) / Double(all.count)), pass: nil))
    }

    // MARK: - Keypress to frame

    private static let keyScript: [Key] = [
        .char("j"), .char("j"), .char("j"), .ctrl("d"), .char("]"), .char("]"), .char("["), .char("k"),
        .pageDown, .pageDown, .pageUp, .char("G"), .char("k"), .char("g"), .down, .up, .char("]"),
        .tab, .char("j"), .char("j"), .char("k"), .backTab, .ctrl("u"), .char("j"),
    ]

    private func measureKeypress() throws {
        let text = generator.longArticle(words: options.longArticleWords, seed: 1_000_003)
        let document = try SourceLoader.decode(Array(text.utf8), path: "long-article.md")
        let analysis = analyzer.analyze(document)
        let store = InMemoryWorkbenchStore(frame: analyzer.frame, analyses: [analysis])
        let size = Size(width: 200, height: 60)
        let words = CorpusGenerator.wordCount(text)

        let backend = DiffingBackend(size: size)
        let runtime = WorkbenchRuntime(backend: backend, store: store, themeName: "default", themeNames: [], applyTheme: { $0 })
        let opening = seconds { runtime.start() }
        var processorTimes: [Double] = []
        let timings = pressKeys(runtime, processorTimes: &processorTimes)
        let stats = Timings(timings)
        let onProcessor = Timings(processorTimes)
        let label = "\(formatCount(Double(words)))-word article, \(analysis.statements.count) statements"
        rows.append(Row("keypress-to-frame 200x60, in-memory screen + diff, median (\(label))",
                        formatMilliseconds(stats.median), target: "<= 2 ms", pass: stats.median <= 0.002))
        rows.append(Row("keypress-to-frame 200x60, in-memory screen + diff, p99 (\(stats.count) keys)",
                        formatMilliseconds(stats.percentile(99)), target: "<= 5 ms", pass: stats.percentile(99) <= 0.005))
        // On a loaded machine a key's wall time includes waiting for a core; its thread's CPU time does not.
        rows.append(Row("  the same keys in CPU time of the thread, median / p99",
                        "\(formatMilliseconds(onProcessor.median)) / \(formatMilliseconds(onProcessor.percentile(99)))",
                        pass: nil))
        rows.append(Row("  opening that article (analysed, in memory) to first frame", formatMilliseconds(opening), pass: nil))
        rows.append(Row("  cells changed per frame", String(format: "%.0f", Double(backend.changedCells) / Double(backend.framesDrawn)),
                        pass: nil))

        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            rows.append(Row("keypress-to-frame with the NCursesBackend flush", "not measured: no tty (stdin/stdout not a terminal)",
                            pass: nil))
            return
        }
        do {
            let terminal = try NCursesBackend()
            let onTerminal = WorkbenchRuntime(backend: terminal, store: store, themeName: "default", themeNames: [],
                                              applyTheme: { $0 })
            onTerminal.start()
            var flushProcessorTimes: [Double] = []
            let flushed = Timings(pressKeys(onTerminal, processorTimes: &flushProcessorTimes))
            terminal.stop()
            let flushedOnProcessor = Timings(flushProcessorTimes)
            rows.append(Row("keypress-to-frame with the NCursesBackend flush, median (\(terminal.size.width)x\(terminal.size.height))",
                            formatMilliseconds(flushed.median), target: "<= 2 ms", pass: flushed.median <= 0.002))
            rows.append(Row("keypress-to-frame with the NCursesBackend flush, p99", formatMilliseconds(flushed.percentile(99)),
                            target: "<= 5 ms", pass: flushed.percentile(99) <= 0.005))
            rows.append(Row("  the same keys in CPU time of the thread, median / p99",
                            "\(formatMilliseconds(flushedOnProcessor.median)) / \(formatMilliseconds(flushedOnProcessor.percentile(99)))",
                            pass: nil))
        } catch {
            rows.append(Row("keypress-to-frame with the NCursesBackend flush", "not measured: \(error)", pass: nil))
        }
    }

    /// Times each key from its arrival to its frame drawn (and diffed) by the backend; the CPU
    /// time the thread spent on each goes to `processorTimes`.
    private func pressKeys<Backend: TerminalBackend>(_ runtime: WorkbenchRuntime<Backend>,
                                                     processorTimes: inout [Double]) -> [Double] {
        (0..<options.keypresses).map { index in
            let key = Self.keyScript[index % Self.keyScript.count]
            let (wall, processor) = timed(cpuClock: threadCPUSeconds) {
                runtime.handle(key)
                runtime.draw()
            }
            processorTimes.append(processor)
            return wall
        }
    }

    // MARK: - Start-up

    /// Starts a workbench on `workspace`: seconds to its first frame, to the frame with the whole
    /// corpus, and for one more frame; and the actors whose timeline rows it read.
    private func startWorkbench(on workspace: Workspace) throws
        -> (firstFrame: Double, firstFrameCPU: Double, wholeCorpus: Double, wholeCorpusCPU: Double, frame: Double,
            rowsRead: [CorpusActorID]) {
        let store = WorkspaceWorkbenchStore(workspace: workspace, frame: analyzer.frame, annotator: "bench")
        let backend = DiffingBackend(size: Size(width: 200, height: 60))
        let runtime = WorkbenchRuntime(backend: backend, store: store, themeName: "default", themeNames: [],
                                       applyTheme: { $0 })
        let started = now(), startedCPU = threadCPUSeconds()
        runtime.start()
        guard runtime.state.currentArticle != nil, !runtime.state.isLoading, let firstFrame = backend.firstFrameTime,
              let firstFrameCPU = backend.firstFrameCPUTime, let finished = backend.secondFrameTime,
              let finishedCPU = backend.secondFrameCPUTime
        else { throw BenchError("start-up did not open the first article and load the corpus") }
        let model = runtime.state.timeline.model
        return (firstFrame - started, firstFrameCPU - startedCPU, finished - started, finishedCPU - startedCPU,
                seconds { runtime.draw() }, model.rows.indices.filter(model.isRead).map { model.rows[$0].id })
    }

    private func measureStartup() throws {
        // A WAL with content makes opening wait for the check of every page (see `Workspace.open`).
        note("start-up: the WAL beside the workspace holds \(Self.fileSize(workspacePath + "-wal")) bytes before opening")
        var toFirstFrame: [Double] = []
        var firstFrameCPU: [Double] = []
        var toWholeCorpus: [Double] = []
        var wholeCorpusCPU: [Double] = []
        // Wall-clock and CPU time of the thread per step: on a loaded machine the first stretches.
        var parts: [String: (wall: [Double], cpu: [Double])] = [:]
        var rowsRead: [CorpusActorID] = []
        var statementsRead: [CorpusActorID: [TimelineStatement]] = [:]
        func part(_ name: String, _ work: () throws -> Void) rethrows {
            let (wall, cpu) = try timed(cpuClock: threadCPUSeconds, work)
            parts[name, default: ([], [])].wall.append(wall)
            parts[name, default: ([], [])].cpu.append(cpu)
        }
        for _ in 0..<5 {
            var workspace: Workspace?
            let (open, openCPU) = try timed(cpuClock: threadCPUSeconds) { workspace = try Workspace.open(path: workspacePath) }
            let started = try startWorkbench(on: workspace!)
            toFirstFrame.append(open + started.firstFrame)
            firstFrameCPU.append(openCPU + started.firstFrameCPU)
            toWholeCorpus.append(open + started.wholeCorpus)
            wholeCorpusCPU.append(openCPU + started.wholeCorpusCPU)
            // The same steps again, one by one, to show where the time goes, on a new store (a store
            // keeps the article list it read) once the workbench has gone (so memory is not counted twice).
            parts["open workspace", default: ([], [])].wall.append(open)
            parts["open workspace", default: ([], [])].cpu.append(openCPU)
            parts["frame (render + diff)", default: ([], [])].wall.append(started.frame)
            let store = WorkspaceWorkbenchStore(workspace: workspace!, frame: analyzer.frame, annotator: "bench")
            try part("article list") { _ = try store.articleSummaries() }
            let first = try store.articleSummaries().first?.id ?? ""
            try part("first article") { _ = try store.article(first) }
            var actors: [CorpusActor] = [], summaries: [TimelineRowSummary] = []
            try part("corpus actors and timeline rows (one pass over the counts)") {
                (actors, summaries) = try store.corpusActorsAndTimelineSummaries(among: nil)
            }
            let articles = try store.articleSummaries()
            part("timeline rows laid out (Swift)") {
                _ = TimelineModel(CorpusSnapshot(articles: articles, actors: actors, timelineSummaries: summaries))
            }
            rowsRead = started.rowsRead
            try part("statements of the timeline rows read") { statementsRead = try store.timelineStatements(of: started.rowsRead) }
        }
        // Alone, with nothing else running: from opening until the check of every page is done.
        let checks = try (0..<3).map { _ in try seconds { try Workspace.open(path: workspacePath).waitForIntegrityCheck() } }

        func describe(_ name: String) -> String {
            let timings = parts[name] ?? ([], [])
            let wall = formatMilliseconds(Timings(timings.wall).median)
            return timings.cpu.isEmpty ? wall : "\(wall) (CPU \(formatMilliseconds(Timings(timings.cpu).median)))"
        }
        let articles = formatCount(Double(workspaceArticles))
        let stats = Timings(toFirstFrame)
        rows.append(Row("start-up to first frame, \(articles)-article workspace (median of 5)",
                        formatMilliseconds(stats.median), target: "< 150 ms", pass: stats.median < 0.150))
        rows.append(Row("  the same in CPU time of the thread (which other load on the machine does not lengthen)",
                        formatMilliseconds(Timings(firstFrameCPU).median), pass: nil))
        for name in ["open workspace", "article list", "first article", "frame (render + diff)"] {
            rows.append(Row("  \(name)", describe(name), pass: nil))
        }
        rows.append(Row("start-up until actors and timeline are shown (second frame)",
                        "\(formatMilliseconds(Timings(toWholeCorpus).median)) (CPU \(formatMilliseconds(Timings(wholeCorpusCPU).median)))",
                        target: "< 300 ms", pass: Timings(toWholeCorpus).median < 0.300))
        for name in ["corpus actors and timeline rows (one pass over the counts)", "timeline rows laid out (Swift)"] {
            rows.append(Row("  \(name)", describe(name), pass: nil))
        }
        let statementCount = statementsRead.values.map(\.count).reduce(0, +)
        rows.append(Row("  statements of the timeline rows read (\(rowsRead.count) rows, \(formatCount(Double(statementCount))) statements)",
                        describe("statements of the timeline rows read"), pass: nil))
        rows.append(Row("opening to the end of the check of every page (its own thread; writes wait for it), median of 3",
                        formatMilliseconds(Timings(checks).median), pass: nil))
        try measureWorkbenchViews()
    }

    /// The views that show more than one article, each opened in a started workbench (a new one
    /// each time, so nothing read for an earlier one is reused) until its frame is drawn: the
    /// comparison of the two actors with the most statements, the corpus timeline, and the
    /// agreement of the actor with the most statements.
    private func measureWorkbenchViews() throws {
        let actors = try WorkspaceWorkbenchStore(workspace: try Workspace.open(path: workspacePath), frame: analyzer.frame,
                                                 annotator: "bench").corpusActors()
            .sorted { ($0.statementCount, $1.name) > ($1.statementCount, $0.name) }
        guard actors.count >= 2 else { throw BenchError("the workspace has fewer than two actors to compare") }
        let views: [(name: String, target: Double, commands: [(CommandID, String?)])] = [
            ("open comparison of the two actors with the most statements", 0.300,
             [(.compareActors, "\(actors[0].name) vs \(actors[1].name)")]),
            ("open corpus timeline (first screen)", 0.500, [(.focusTimelinePane, nil), (.toggleCorpusTimeline, nil)]),
            ("open agreement of the actor with the most statements", 1.0,
             [(.selectActor, actors[0].name), (.showAgreement, nil)]),
        ]
        for view in views {
            var timings: (wall: [Double], cpu: [Double]) = ([], [])
            for _ in 0..<3 {
                let store = WorkspaceWorkbenchStore(workspace: try Workspace.open(path: workspacePath), frame: analyzer.frame,
                                                    annotator: "bench")
                let runtime = WorkbenchRuntime(backend: DiffingBackend(size: Size(width: 200, height: 60)), store: store,
                                               themeName: "default", themeNames: [], applyTheme: { $0 })
                runtime.start()
                let (wall, cpu) = timed(cpuClock: threadCPUSeconds) {
                    for (command, argument) in view.commands { runtime.send(.run(command, argument: argument)) }
                    runtime.draw()
                }
                let state = runtime.state
                guard state.comparison != nil || state.corpusTimeline != nil || state.agreement != nil else {
                    throw BenchError("\(view.name): nothing opened (\(state.message?.text ?? "no message"))")
                }
                timings.wall.append(wall)
                timings.cpu.append(cpu)
            }
            let median = Timings(timings.wall).median
            rows.append(Row("\(view.name), median of 3", "\(formatMilliseconds(median)) (CPU \(formatMilliseconds(Timings(timings.cpu).median)))",
                            target: "< \(Int(view.target * 1000)) ms", pass: median < view.target))
        }
        try measureDailyCountParts(actors: actors.map(\.comparisonActor))
    }

    /// What the corpus timeline and agreement are made of, step by step (CPU time of the thread,
    /// median of 3): the counts read, then each view's model made from them.
    private func measureDailyCountParts(actors: [Actor]) throws {
        let store = WorkspaceWorkbenchStore(workspace: try Workspace.open(path: workspacePath), frame: analyzer.frame,
                                            annotator: "bench")
        var counts: [CorpusActorID: [DailyStanceCount]] = [:]
        let frame = analyzer.frame
        let parts: [(String, () throws -> Void)] = [
            ("daily stance counts read", { counts = try store.dailyStanceCounts(outlets: nil) }),
            ("corpus timeline made from them", {
                _ = CorpusTimeline.make(dailyCounts: counts, actors: actors, frame: frame, by: DateBucketing(.week))
            }),
            ("agreement's periods made from them", { _ = PeriodPositions(dailyCounts: counts, frame: frame, by: .week) }),
        ]
        for (name, work) in parts {
            let cpu = try (0..<3).map { _ in try timed(cpuClock: threadCPUSeconds, work).1 }
            rows.append(Row("  \(name)", "CPU \(formatMilliseconds(Timings(cpu).median))", pass: nil))
        }
    }
}

extension Bench {
    /// Annotation writes in a started workbench, each until its "Saved" frame is drawn with the
    /// corpus panes read again: accept, reject, undo and redo, on a copy of the workspace (the
    /// measured one is left as it was).
    fileprivate func measureWrites() throws {
        let copy = folder.appendingPathComponent("write-copy.sqlite")
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(atPath: workspacePath, toPath: copy.path)
        defer {
            for suffix in ["", "-wal", "-shm", ".log.jsonl"] { try? FileManager.default.removeItem(atPath: copy.path + suffix) }
        }
        let workspace = try Workspace.open(path: copy.path)
        try workspace.waitForIntegrityCheck()
        let store = WorkspaceWorkbenchStore(workspace: workspace, frame: analyzer.frame, annotator: "bench")
        let backend = DiffingBackend(size: Size(width: 200, height: 60))
        let runtime = WorkbenchRuntime(backend: backend, store: store, themeName: "default", themeNames: [],
                                       applyTheme: { $0 })
        runtime.start()
        var timings: [String: (wall: [Double], cpu: [Double])] = [:]
        func write(_ name: String, _ key: Key) throws {
            let (wall, cpu) = timed(cpuClock: threadCPUSeconds) {
                runtime.handle(key)
                runtime.draw()
            }
            guard let message = runtime.state.message, !message.isError else {
                throw BenchError("\(name) did not save: \(runtime.state.message?.text ?? "no message")")
            }
            timings[name, default: ([], [])].wall.append(wall)
            timings[name, default: ([], [])].cpu.append(cpu)
        }
        for _ in 0..<10 {
            runtime.handle(.char("]"))
            try write("accept", .char("y"))
            try write("undo", .char("u"))
            try write("redo", .ctrl("r"))
            try write("undo", .char("u"))
            runtime.handle(.char("]"))
            try write("reject", .char("n"))
            try write("undo", .char("u"))
        }
        let articles = formatCount(Double(workspaceArticles))
        let all = timings.values.flatMap(\.wall)
        rows.append(Row("annotation write to its \"Saved\" frame, \(articles)-article workspace (median of \(all.count))",
                        formatMilliseconds(Timings(all).median), target: "< 50 ms", pass: Timings(all).median < 0.050))
        for name in ["accept", "reject", "undo", "redo"] {
            let timing = timings[name] ?? ([], [])
            rows.append(Row("  \(name)", "\(formatMilliseconds(Timings(timing.wall).median)) (CPU \(formatMilliseconds(Timings(timing.cpu).median)))",
                            pass: nil))
        }
    }
}

/// Statements counted from concurrent workers, so the analyser's results are used.
private final class StatementTally: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add(_ value: Int) { lock.withLock { count += value } }
    var total: Int { lock.withLock { count } }
}

/// The largest size a file reached, sampled every 20 ms on a thread of its own until `stop`.
private final class FileSizeWatch: @unchecked Sendable {
    private let condition = NSCondition()
    private var largest = 0
    private var stopped = false
    private var finished = false

    init(path: String) {
        Thread.detachNewThread { [self] in
            condition.lock()
            while !stopped {
                largest = max(largest, Bench.fileSize(path))
                _ = condition.wait(until: Date().addingTimeInterval(0.02))
            }
            finished = true
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Stops sampling; the largest size seen, in bytes.
    func stop() -> Int {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        condition.broadcast()
        while !finished { condition.wait() }
        return largest
    }
}
