@testable import StanceApp
import StanceKit
import Terminal
import Testing

@Suite struct TimelinePaneTests {
    let size = Size(width: 100, height: 30)

    @Test func rowsPutTheMostActiveActorFirst() {
        let runtime = Fixtures.runtime(size)
        let rows = runtime.state.timeline.model.rows
        #expect(rows.map(\.label) == ["Lena Brandt", "Priya Nair", "Tomas Reyes", "Bridge Heritage Society", "Jonas Weber"])
        #expect(rows[0].events.map(\.day.description) == ["2026-03-02", "2026-03-02", "2026-03-15", "2026-04-02"])
    }

    @Test func cursorMovesBetweenEventsAndShowsTheQuote() {
        let runtime = Fixtures.runtime(size)
        runtime.press(.char("3"))
        #expect(runtime.state.timelineCursorEvent == nil)
        runtime.press(.char("l"))
        #expect(runtime.state.timelineCursorEvent == StatementRef(articleID: "gazette-2026-03-02.txt", statementID: "s1"))
        #expect(runtime.screen.lines.last!.contains("Lena Brandt, 2026-03-02 (Harbour Gazette): “We can save"))
        runtime.press(.char("l"), .char("l"), .char("l"))
        #expect(runtime.state.timelineCursorEvent?.statementID == "u2")
        runtime.press(.char("l"))
        #expect(runtime.state.message?.text == "Last statement of Lena Brandt")
        runtime.press(.char("h"))
        #expect(runtime.state.timelineCursorEvent?.statementID == "t2")
        // Down a row, the cursor goes to the nearest date.
        runtime.press(.char("j"))
        #expect(runtime.state.timelineCursorEvent?.statementID == "t4")
        #expect(runtime.state.selectedActor == "priya nair")
    }

    @Test func aWorkspaceTimelineReadsTheWordsOfTheStatementUnderTheCursorOnly() throws {
        let workspace = try Workspace.inMemory()
        for analysis in [Fixtures.costsRise, Fixtures.councilVotes, Fixtures.councilSplit] {
            _ = try workspace.addArticle(analysis, frameID: Fixtures.frame.id)
        }
        let store = WorkspaceWorkbenchStore(workspace: workspace, frame: Fixtures.frame, annotator: "tester")
        let runtime = Fixtures.runtime(size, store: store)
        let read = { runtime.state.timeline.model.statements.compactMap { $0 }.joined() }
        #expect(!read().isEmpty && read().allSatisfy { $0.text == nil })
        runtime.press(.char("3"), .char("l"))
        let shown = try #require(runtime.state.timelineCursorEvent)
        let text = try #require(try store.statementText(shown))
        #expect(read().filter { $0.text != nil }.map(\.statementID) == [shown.statementID])
        #expect(runtime.screen.lines.last!.contains("Lena Brandt, 2026-03-02 (Harbour Gazette): “\(text.prefix(12))"))
        runtime.press(.char("l"))
        #expect(read().filter { $0.text != nil }.count == 2)
    }

    @Test func zoomStepsThroughGranularities() {
        let runtime = Fixtures.runtime(size)
        runtime.press(.char("3"))
        #expect(runtime.state.timelineGeometry?.granularity == .day)
        runtime.press(.char("+"))
        #expect(runtime.state.message?.text == "Already showing days")
        runtime.press(.char("-"))
        #expect(runtime.state.timeline.zoom == .week)
        runtime.press(.char("-"), .char("-"))
        #expect(runtime.state.timeline.zoom == .quarter)
        #expect(runtime.screen.lines.contains { $0.contains("Q1 2026") })
        runtime.press(.char("+"), .char("+"))
        #expect(runtime.state.timeline.zoom == .week)
    }

    @Test func enterOpensTheStatementInItsArticle() {
        let runtime = Fixtures.runtime(size)
        runtime.press(.char("3"), .char("j"), .char("j"), .char("j"), .char("j"))
        #expect(runtime.state.timeline.model.rows[runtime.state.timeline.row].label == "Jonas Weber")
        runtime.press(.char("l"), .enter)
        #expect(runtime.state.currentArticle?.summary.id == "gazette-2026-04-06.txt")
        #expect(runtime.state.focus == .article)
        let current = runtime.state.article.prepared!.statements[runtime.state.article.currentStatement!]
        #expect(current.id == "u3")
        #expect(runtime.screen.lines.contains { $0.contains("losing a piece of itself") })
    }

    @Test func enterReturnsALoadEffectForAnotherArticle() {
        var state = Fixtures.runtime(size).state
        _ = update(&state, .run(.focusTimelinePane, argument: nil))
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.char("l")))
        _ = update(&state, .key(.char("l")))
        #expect(update(&state, .key(.enter)) == [.loadArticle("courier-2026-03-16.txt", statement: "t4")])
    }

    @Test func narrowTimelinesScrollToKeepTheCursorInView() {
        let runtime = Fixtures.runtime(Size(width: 40, height: 12))
        runtime.press(.char("3"), .char("+"), .char("+"))
        #expect(runtime.state.timeline.zoom == .day)
        runtime.press(.char("l"), .char("l"), .char("l"), .char("l"))
        let geometry = runtime.state.timelineGeometry!
        let day = runtime.state.timeline.model.rows[runtime.state.timeline.row].events[runtime.state.timeline.event!].day
        let bucket = geometry.axis!.bucket(of: day)
        #expect(bucket >= runtime.state.timeline.firstBucket)
        #expect(bucket < runtime.state.timeline.firstBucket + geometry.visibleBuckets)
        #expect(runtime.state.timeline.firstBucket > 0)
    }
}
