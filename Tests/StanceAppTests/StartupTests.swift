@testable import StanceApp
import StanceKit
import Terminal
import Testing

/// The first frame needs the article list and the first article only; the corpus' actors and the
/// timeline's rows and the statements of those it shows are read after it, for a second frame.
@Suite struct StartupTests {
    /// A store that notes which of its reads ran, in order, and when a frame was drawn.
    final class RecordingStore: WorkbenchStore {
        let inner: InMemoryWorkbenchStore
        var log: [String] = []
        init(_ inner: InMemoryWorkbenchStore) { self.inner = inner }
        var frame: Frame { inner.frame }
        func articleSummaries() -> [StanceApp.ArticleSummary] { log.append("articles"); return inner.articleSummaries() }
        func article(_ id: ArticleID) -> LoadedArticle? { log.append("article"); return inner.article(id) }
        func corpusActors() -> [CorpusActor] { log.append("actors"); return inner.corpusActors() }
        func statements(of actor: CorpusActorID) -> [StanceApp.ActorStatement] { log.append("statements of"); return inner.statements(of: actor) }
        func corpusActors(among ids: Set<CorpusActorID>) -> [CorpusActor] { log.append("some actors"); return inner.corpusActors(among: ids) }
        func timelineSummaries(among ids: Set<CorpusActorID>?) -> [TimelineRowSummary] {
            log.append("timeline")
            return inner.timelineSummaries(among: ids)
        }
        func timelineStatements(of actors: [CorpusActorID]) -> [CorpusActorID: [TimelineStatement]] {
            log.append("timeline rows")
            return inner.timelineStatements(of: actors)
        }
        func statementText(_ statement: StatementRef) -> String? { log.append("text"); return inner.statementText(statement) }
        func articles(matching query: String) -> [ArticleID] { inner.articles(matching: query) }
        func datedStatements(of actors: Set<CorpusActorID>?) -> [DatedStatement] {
            log.append("dated")
            return inner.datedStatements(of: actors)
        }
        func dailyStanceCounts(outlets: Set<String>?) -> [CorpusActorID: [DailyStanceCount]] {
            log.append("daily")
            return inner.dailyStanceCounts(outlets: outlets)
        }
    }

    final class RecordingBackend: TerminalBackend {
        let size: Size
        let store: RecordingStore
        var frames: [Screen] = []
        init(size: Size, store: RecordingStore) {
            self.size = size
            self.store = store
        }
        func draw(_ screen: Screen) {
            frames.append(screen)
            store.log.append("frame")
        }
        func nextKey(timeoutMilliseconds: Int) -> Key? { nil }
    }

    @Test func theFirstFrameComesBeforeTheActorsAndTheTimelineAreRead() throws {
        let store = RecordingStore(Fixtures.store)
        let backend = RecordingBackend(size: Size(width: 100, height: 30), store: store)
        let runtime = WorkbenchRuntime(backend: backend, store: store, themeName: "default", themeNames: ["default"],
                                       applyTheme: { $0 })
        runtime.start()
        #expect(store.log == ["articles", "article", "frame", "articles", "actors", "timeline", "timeline rows", "frame"])
        let first = backend.frames[0].lines
        #expect(first[0].contains("3 articles · … actors"))
        #expect(first.contains { $0.contains("Loading…") })          // the timeline pane
        #expect(first.contains { $0.contains("Lena Brandt") })       // the article's own actors
        let second = try #require(backend.frames.last).lines
        #expect(second[0].contains("3 articles · \(Fixtures.store.corpusActors().count) actors"))
        #expect(!second.contains { $0.contains("Loading…") })
        #expect(second == Fixtures.runtime(Size(width: 100, height: 30)).screen.lines)
    }
}
