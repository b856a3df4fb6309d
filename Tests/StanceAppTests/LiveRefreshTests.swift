@testable import StanceApp
import StanceKit
import Terminal
import Testing

/// Issue #6: a comparison, the corpus timeline or agreement that is open when an annotation is
/// saved shows the change at once, without being closed and opened again.
@Suite struct LiveRefreshTests {
    /// The comparison fixtures' four articles in a workspace, and a workbench started over it.
    static func annotatingCompareCorpus(_ size: Size) throws -> WorkbenchRuntime<TestBackend> {
        let workspace = try Workspace.inMemory()
        for analysis in [Fixtures.costsRise, Fixtures.councilVotes, Fixtures.councilSplit, CompareFixtures.engineerRelents] {
            _ = try workspace.addArticle(analysis, frameID: Fixtures.frame.id)
        }
        let store = WorkspaceWorkbenchStore(workspace: workspace, frame: Fixtures.frame, annotator: "tester")
        return Fixtures.runtime(size, store: store)
    }

    @Test func anOpenComparisonShowsAStanceChangedFromIt() throws {
        let runtime = try Self.annotatingCompareCorpus(Size(width: 100, height: 30))
        runtime.compareMayorWithEngineer()
        let before = runtime.screen.lines
        let firstRow = try #require(runtime.state.comparison?.comparison.rows.first)
        #expect(firstRow.isOpposed)
        #expect(before.contains { $0.contains("◆ 3 repair  ◐ 1 mixed") })

        // The mayor's first statement, opened from the comparison, turned to "replace"; Esc goes back.
        runtime.press(.enter)
        #expect(runtime.state.overlay == nil)
        runtime.command("set-stance replace")
        #expect(runtime.state.message?.text.hasPrefix("Saved") == true)
        runtime.press(.escape)
        #expect(runtime.state.overlay == .comparison)
        let after = runtime.screen.lines
        #expect(after != before)
        #expect(after.contains { $0.contains("◆ 2 repair  ▲ 1 replace  ◐ 1 mixed") })
        #expect(after.contains { $0.contains("▲ 2026-03-02 · Harbour Gazette") && $0.contains("│ △ 2026-03-02") })
        let row = try #require(runtime.state.comparison?.comparison.rows.first)
        #expect(row.left.first?.stance == "replace")

        // Undo, typed in the comparison, is a write too: the comparison is back where it started.
        runtime.press(.char("u"))
        #expect(runtime.state.overlay == .comparison)
        #expect(runtime.state.message?.text.hasPrefix("Saved: undid") == true)
        #expect(runtime.screen.lines.dropLast() == before.dropLast())
    }

    @Test func theCorpusTimelineFollowsAnAttributionToAnotherActor() throws {
        let runtime = try Self.annotatingCompareCorpus(Size(width: 160, height: 48))
        runtime.command("select-actor Tomas Reyes")
        runtime.press(.char("3"), .char("C"), .char("c"))
        let reyesCounts = { () -> Int in
            guard let lane = runtime.state.corpusTimeline?.timeline.lanes.first(where: { $0.actor.name == "Tomas Reyes" })
            else { return 0 }
            return lane.cells.reduce(0) { $0 + $1.tally.total }
        }
        let before = runtime.screen.lines
        let countBefore = reyesCounts()

        // In the article, the mayor's first statement is attributed to the engineer.
        runtime.press(.char("1"), .char("]"))
        let statement = try #require(runtime.state.article.currentStatement.flatMap { runtime.state.article.prepared?.statements[$0] })
        #expect(runtime.state.name(of: runtime.state.currentArticle?.corpusActorIDs[statement.actorID] ?? "") == "Lena Brandt")
        runtime.press(.char("A"))
        runtime.type("tomas")
        runtime.press(.enter)
        #expect(runtime.state.message?.text == "Saved: attributed to Tomas Reyes")
        #expect(runtime.state.corpusTimeline != nil)
        #expect(reyesCounts() == countBefore + 1)
        #expect(runtime.screen.lines != before)
    }
}
