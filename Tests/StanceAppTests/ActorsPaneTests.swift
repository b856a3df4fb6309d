@testable import StanceApp
import StanceKit
import Terminal
import Testing

@Suite struct ActorsPaneTests {
    let size = Size(width: 100, height: 30)

    func names(_ runtime: WorkbenchRuntime<TestBackend>) -> [String] { runtime.state.actors.rows.map(\.name) }

    @Test func listsParticipantsFirstByProminence() {
        let runtime = Fixtures.runtime(size)
        #expect(names(runtime) == ["Lena Brandt", "Tomas Reyes", "Priya Nair", "Mira Okafor"])
        #expect(runtime.state.actors.rows[0].statementCounts == ["repair": 2])
    }

    @Test func sortCyclesThroughNamePositionAndProminence() {
        let runtime = Fixtures.runtime(size)
        runtime.press(.tab, .char("s"))
        #expect(runtime.state.actors.sort == .name)
        #expect(names(runtime) == ["Lena Brandt", "Mira Okafor", "Priya Nair", "Tomas Reyes"])
        runtime.press(.char("s"))
        #expect(runtime.state.actors.sort == .position)
        // Frame order: repair, replace, mixed, none; participants first.
        #expect(names(runtime) == ["Lena Brandt", "Tomas Reyes", "Priya Nair", "Mira Okafor"])
        runtime.press(.char("s"))
        #expect(runtime.state.actors.sort == .prominence)
    }

    @Test func typeAheadFilterNarrowsAndEscapeClears() {
        let runtime = Fixtures.runtime(size)
        runtime.press(.tab, .char("/"))
        #expect(runtime.state.mode == .filteringActors)
        runtime.type("re")
        // "Tomas Reyes" by name, "Mira Okafor" by role (reporter).
        #expect(names(runtime) == ["Tomas Reyes", "Mira Okafor"])
        runtime.type("y")
        #expect(names(runtime) == ["Tomas Reyes"])
        #expect(runtime.state.selectedActor == "tomas reyes")
        runtime.press(.enter)
        #expect(runtime.state.mode == .normal)
        #expect(runtime.screen.lines.contains { $0.contains("filter: rey") })
        runtime.press(.escape)
        #expect(runtime.state.actors.filter == "")
        #expect(names(runtime).count == 4)
    }

    @Test func corpusToggleListsEveryActorOfTheCorpus() {
        let runtime = Fixtures.runtime(size)
        runtime.press(.tab, .char("c"))
        #expect(runtime.state.actors.showsCorpus)
        #expect(Set(names(runtime)) == ["Lena Brandt", "Tomas Reyes", "Priya Nair", "Mira Okafor",
                                         "Bridge Heritage Society", "Jonas Weber"])
        let brandt = runtime.state.actors.rows.first { $0.name == "Lena Brandt" }!
        #expect(brandt.statementCounts == ["repair": 3, Frame.mixed: 1])
        runtime.press(.char("c"))
        #expect(names(runtime).count == 4)
    }

    @Test func enterShowsTheActorsNextStatementInTheArticle() {
        let runtime = Fixtures.runtime(size)
        runtime.press(.tab, .char("j"), .enter)
        #expect(runtime.state.focus == .article)
        let current = runtime.state.article.prepared!.statements[runtime.state.article.currentStatement!]
        #expect(current.id == "s3")
        runtime.press(.tab, .enter)
        #expect(runtime.state.article.prepared!.statements[runtime.state.article.currentStatement!].id == "s4")
    }

    @Test func enterOnAnActorAbsentFromTheArticleOpensTheirArticle() {
        let runtime = Fixtures.runtime(size)
        runtime.press(.tab, .char("c"))
        let weber = runtime.state.actors.rows.firstIndex { $0.name == "Jonas Weber" }!
        for _ in 0..<weber { runtime.press(.char("j")) }
        runtime.press(.enter)
        #expect(runtime.state.currentArticle?.summary.id == "gazette-2026-04-06.txt")
        #expect(runtime.state.article.prepared!.statements[runtime.state.article.currentStatement!].id == "u3")
    }
}
