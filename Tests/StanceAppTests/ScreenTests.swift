import StanceApp
import StanceKit
import Terminal
import Testing

/// The workbench drawn at fixed sizes, compared with the expected screens in `Screens/`.
@Suite struct ScreenTests {
    @Test(arguments: [(160, 48), (100, 30), (80, 24), (60, 20), (30, 10)])
    func startScreen(width: Int, height: Int) {
        let runtime = Fixtures.runtime(Size(width: width, height: height))
        ScreenExpectation.check(runtime.screen, named: "start-\(width)x\(height)")
    }

    @Test func statementsAndSearchAt80x24() {
        let runtime = Fixtures.runtime(Size(width: 80, height: 24))
        runtime.press(.char("]"), .char("]"))
        ScreenExpectation.check(runtime.screen, named: "second-statement-80x24")
        runtime.type("/river")
        ScreenExpectation.check(runtime.screen, named: "search-typing-80x24")
        runtime.press(.enter)
        ScreenExpectation.check(runtime.screen, named: "search-found-80x24")
    }

    @Test func timelineCursorAt100x30() {
        let runtime = Fixtures.runtime(Size(width: 100, height: 30))
        runtime.press(.char("3"), .char("l"), .char("l"))
        ScreenExpectation.check(runtime.screen, named: "timeline-cursor-100x30")
        runtime.press(.char("-"))
        ScreenExpectation.check(runtime.screen, named: "timeline-zoomed-out-100x30")
    }

    @Test func statementOpenedFromTheTimelineAt100x30() {
        let runtime = Fixtures.runtime(Size(width: 100, height: 30))
        runtime.press(.char("3"), .char("j"), .char("l"), .char("l"), .enter)
        ScreenExpectation.check(runtime.screen, named: "timeline-opened-statement-100x30")
    }

    @Test func corpusActorsByNameAt100x30() {
        let runtime = Fixtures.runtime(Size(width: 100, height: 30))
        runtime.press(.tab, .char("c"), .char("s"))
        ScreenExpectation.check(runtime.screen, named: "actors-corpus-by-name-100x30")
    }

    @Test func overlaysAt100x30() {
        let runtime = Fixtures.runtime(Size(width: 100, height: 30))
        runtime.press(.char("?"))
        ScreenExpectation.check(runtime.screen, named: "help-100x30")
        runtime.press(.escape, .char("o"))
        runtime.type("gazette")
        ScreenExpectation.check(runtime.screen, named: "picker-filtered-100x30")
    }

    @Test func onePaneLayoutShowsTabsAt60x20() {
        let runtime = Fixtures.runtime(Size(width: 60, height: 20))
        runtime.press(.tab)
        ScreenExpectation.check(runtime.screen, named: "actors-tab-60x20")
        runtime.press(.tab)
        ScreenExpectation.check(runtime.screen, named: "timeline-tab-60x20")
    }

    @Test func commandLineCompletionAt100x30() {
        let runtime = Fixtures.runtime(Size(width: 100, height: 30))
        runtime.type(":scroll")
        runtime.press(.tab)
        ScreenExpectation.check(runtime.screen, named: "command-completions-100x30")
    }
}
