import StanceKit
import Terminal

/// Runs the workbench on a terminal backend: keys become actions, `update` changes the state, its
/// effects run here against the store and come back as actions, and each batch of keys ends in
/// one frame. Generic over the backend so tests drive it with `TestBackend`.
public final class WorkbenchRuntime<Backend: TerminalBackend> {
    public private(set) var state: AppState
    public private(set) var hasQuit = false
    public let backend: Backend
    private let store: any WorkbenchStore
    /// Applies a theme by name (or path) to the backend; throws with a message for the user.
    private let applyTheme: (String) throws -> String
    /// Whether the store's integrity problem is on screen already (it is said once).
    private var damageReported = false

    /// `applyTheme` returns the name to show for the theme it applied.
    public init(backend: Backend, store: any WorkbenchStore, themeName: String, themeNames: [String],
                applyTheme: @escaping (String) throws -> String) {
        self.backend = backend
        self.store = store
        self.applyTheme = applyTheme
        let readOnlyReason = (store as? any AnnotatingStore).map { $0.readOnlyReason }
            ?? "Read-only: open a workspace to annotate"
        self.state = AppState(size: backend.size, frame: store.frame, themeName: themeName, themeNames: themeNames,
                              readOnlyReason: readOnlyReason)
    }

    /// Draws the first frame from the article list and the first article alone, then reads the
    /// rest of the corpus (actors, the statements of the timeline rows on screen) and draws
    /// again; then reads the rows a screenful above and below, which scrolling shows next.
    public func start() {
        send(.start)
        send(.resized(backend.size))
        draw()
        apply(.firstFrameDrawn)
        readTimelineRows(pagesAround: 0)
        reportDamageIfFound()
        draw()
        readTimelineRows(pagesAround: 1)
        // The first look only notes where the file stands: what was saved before is on screen.
        rereadIfChangedElsewhere()
    }

    /// Runs until the user quits: waits for keys, handles every key already typed, then draws.
    /// While no key comes, it looks whether the store's check found damage and, every
    /// `changeCheckMilliseconds` of no keys, whether another workbench saved changes to the file.
    public func run(pollMilliseconds: Int = 100, changeCheckMilliseconds: Int = 500) {
        start()
        var idle = 0
        while !hasQuit {
            guard let key = backend.nextKey(timeoutMilliseconds: pollMilliseconds) else {
                idle += pollMilliseconds
                var changed = reportDamageIfFound()
                if idle >= changeCheckMilliseconds {
                    idle = 0
                    changed = rereadIfChangedElsewhere() || changed
                }
                if changed { draw() }
                continue
            }
            idle = 0
            handle(key)
            while !hasQuit, let more = backend.nextKey(timeoutMilliseconds: 0) { handle(more) }
            reportDamageIfFound()
            if !hasQuit { draw() }
        }
    }

    /// Puts the store's integrity problem in the status bar the first time it is known; true then.
    /// Every write is refused with the same words, so the person learns it before typing one.
    @discardableResult
    public func reportDamageIfFound() -> Bool {
        guard !damageReported, let problem = (store as? any IntegrityCheckedStore)?.integrityProblem else { return false }
        damageReported = true
        send(.effectFailed(problem))
        return true
    }

    /// Reads the corpus and the open article again, as `:refresh` does, when another connection
    /// saved changes to the store's file since the last look; true then. A look that fails (the
    /// file went away) is said by the next read that fails, so it is not said here.
    @discardableResult
    public func rereadIfChangedElsewhere() -> Bool {
        guard let watched = store as? any RereadableStore, (try? watched.hasChangedElsewhere()) == true else { return false }
        send(.changedElsewhere)
        return true
    }

    /// Handles every key the backend has queued, drawing once at the end (for tests and replays).
    public func handlePendingKeys() {
        while !hasQuit, let key = backend.nextKey(timeoutMilliseconds: 0) { handle(key) }
        if !hasQuit { draw() }
    }

    public func handle(_ key: Key) {
        send(key == .resize ? .resized(backend.size) : .key(key))
    }

    /// Applies `action` and every action its effects lead to, then reads the statements of the
    /// timeline rows that came into view and the words of the statement under the timeline
    /// cursor (once: a failed read is said, not retried in a loop).
    public func send(_ action: Action) {
        apply(action)
        readTimelineRows(pagesAround: 1)
        if let text = state.timelineTextToRead, let result = perform(text) { apply(result) }
    }

    /// Reads the statements of the timeline rows on screen and `pagesAround` screenfuls above and
    /// below that are not read yet.
    private func readTimelineRows(pagesAround: Int) {
        if let rows = state.timelineRowsToRead(pagesAround: pagesAround), let result = perform(rows) { apply(result) }
    }

    private func apply(_ action: Action) {
        var queue = [action]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in update(&state, next) {
                if let result = perform(effect) { queue.append(result) }
            }
        }
    }

    public func draw() {
        var screen = Screen(size: state.size)
        render(state, into: &screen)
        backend.draw(screen)
    }

    private func perform(_ effect: Effect) -> Action? {
        do {
            switch effect {
            case .loadArticleList:
                return .articleListLoaded(try store.articleSummaries())
            case .loadCorpus:
                let articles = try store.articleSummaries()
                let (actors, summaries) = try store.corpusActorsAndTimelineSummaries(among: nil)
                return .corpusLoaded(CorpusSnapshot(articles: articles, actors: actors, timelineSummaries: summaries))
            case .patchCorpus(let ids):
                let (actors, summaries) = try store.corpusActorsAndTimelineSummaries(among: ids)
                return .corpusPatched(CorpusPatch(actorIDs: ids, actors: actors, timelineSummaries: summaries))
            case .loadTimelineStatements(let actors):
                return .timelineStatementsLoaded(try store.timelineStatements(of: actors))
            case .loadStatementText(let statement):
                return .statementTextLoaded(statement, try store.statementText(statement))
            case .findFirstStatement(let actor, let name):
                return .firstStatementFound(actorName: name, try store.timelineStatements(of: [actor])[actor]?.first)
            case .loadArticle(let id, let statement):
                guard let loaded = try store.article(id) else { return .effectFailed("No article \(id)") }
                return .articleLoaded(loaded, statement: statement)
            case .findArticles(let query):
                return .articlesMatched(query: query, try store.articles(matching: query))
            case .switchTheme(let name):
                return .themeSwitched(try applyTheme(name))
            case .write(let write, let show):
                return performWrite(write, show: show)
            case .reloadArticle(let id, let statement):
                guard let loaded = try store.article(id) else { return .effectFailed("No article \(id)") }
                return .articleReloaded(loaded, statement: statement)
            case .quit:
                hasQuit = true
                return nil
            case .loadDatedStatements(let actors):
                return .datedStatementsLoaded(actors: actors, try store.datedStatements(of: actors))
            case .loadDailyStanceCounts(let outlets):
                return .dailyStanceCountsLoaded(outlets: outlets, try store.dailyStanceCounts(outlets: outlets))
            case .forgetCachedReads:
                (store as? any RereadableStore)?.forgetCachedReads()
                return nil
            case .export(let format, let path):
                guard let exporting = store as? any ExportingStore else { return .effectFailed("This corpus cannot be exported") }
                return .exported(try exporting.export(format, to: path))
            }
        } catch {
            return .effectFailed("\(error)")
        }
    }

    /// A failed write leaves the workbench running and says why.
    private func performWrite(_ write: AnnotationWrite, show: String?) -> Action {
        guard let annotating = store as? any AnnotatingStore else {
            return .effectFailed(state.readOnlyReason ?? "This store cannot be annotated")
        }
        do {
            guard let change = try annotating.perform(write) else {
                return .nothingChanged(write == .undo ? "Nothing to undo" : "Nothing to redo")
            }
            return .saved(change, show: show)
        } catch let error as WorkspaceError {
            return .writeFailed(error.description, changeWasSaved: error.changeWasSaved)
        } catch {
            return .writeFailed("The change was not saved: \(error)", changeWasSaved: false)
        }
    }
}
