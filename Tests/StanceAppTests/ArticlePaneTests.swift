@testable import StanceApp
import StanceKit
import Terminal
import Testing

@Suite struct ArticlePaneTests {
    let size = Size(width: 80, height: 24)

    @Test func scrollsByLineHalfPagePageAndToEnds() {
        let runtime = Fixtures.runtime(size)
        let height = runtime.state.layout.inside(.article)!.height
        let total = runtime.state.article.layout!.lines.count
        #expect(runtime.state.article.scroll == 0)
        runtime.press(.char("j"), .down)
        #expect(runtime.state.article.scroll == 2)
        runtime.press(.char("k"))
        #expect(runtime.state.article.scroll == 1)
        runtime.press(.ctrl("d"))
        #expect(runtime.state.article.scroll == 1 + height / 2)
        runtime.press(.ctrl("u"))
        #expect(runtime.state.article.scroll == 1)
        runtime.press(.char("G"))
        #expect(runtime.state.article.scroll == total - height)
        runtime.press(.pageDown)
        #expect(runtime.state.article.scroll == total - height, "never scrolls past the end")
        runtime.press(.char("g"))
        #expect(runtime.state.article.scroll == 0)
        runtime.press(.pageDown)
        #expect(runtime.state.article.scroll == min(height - 1, total - height))
        runtime.press(.up, .up, .up, .up, .up, .up, .up, .up, .up, .up, .up, .up, .up, .up, .up, .up)
        #expect(runtime.state.article.scroll == 0, "never scrolls above the top")
    }

    @Test func walksStatementsForwardAndBack() {
        let runtime = Fixtures.runtime(size)
        let ids = { runtime.state.article.currentStatement.map { runtime.state.article.prepared!.statements[$0].id } }
        runtime.press(.char("]"))
        #expect(ids() == "s1")
        runtime.press(.char("]"), .char("]"))
        #expect(ids() == "s3")
        runtime.press(.char("["))
        #expect(ids() == "s2")
        runtime.press(.char("]"), .char("]"), .char("]"), .char("]"))
        #expect(ids() == "s5")
        #expect(runtime.state.message?.text == "No more statements below")
        // The statement shown is on screen.
        let statement = runtime.state.article.prepared!.statements[runtime.state.article.currentStatement!]
        let line = runtime.state.articleLine(ofScalar: statement.span.start)!
        let height = runtime.state.layout.inside(.article)!.height
        #expect(line >= runtime.state.article.scroll && line < runtime.state.article.scroll + height)
    }

    @Test func searchIgnoresCaseAndCyclesWithNextAndPrevious() {
        let runtime = Fixtures.runtime(size)
        runtime.type("/BRANDT")
        runtime.press(.enter)
        let search = runtime.state.article.search!
        // "Lena Brandt" in the standfirst, "Mayor Brandt", "Ms. Brandt".
        #expect(search.matches.count == 3)
        #expect(search.current == 0)
        runtime.press(.char("n"))
        #expect(runtime.state.article.search?.current == 1)
        runtime.press(.char("n"), .char("n"))
        #expect(runtime.state.article.search?.current == 0)
        #expect(runtime.state.message?.text == "Search wrapped to the top")
        runtime.press(.char("N"))
        #expect(runtime.state.article.search?.current == 2)
        // The current match is drawn as a search match.
        let screen = runtime.screen
        let matchCells = screen.cells.filter { $0.style.slot == .searchMatch }
        #expect(matchCells.map(\.text).joined().lowercased().contains("brandt"))
        runtime.press(.escape)
        #expect(runtime.state.article.search == nil)
    }

    @Test func searchReportsNothingFound() {
        let runtime = Fixtures.runtime(size)
        runtime.type("/zeppelin")
        runtime.press(.enter)
        #expect(runtime.state.article.search?.matches.isEmpty == true)
        #expect(runtime.state.message == StatusMessage(text: "Not found: zeppelin", isError: true))
    }

    @Test func marksMentionsStatementsAndBoilerplateWithSlots() {
        let runtime = Fixtures.runtime(Size(width: 160, height: 48))
        let screen = runtime.screen
        func cells(ofRowContaining text: String) -> [Cell] {
            let row = (0..<screen.size.height).first { screen.row($0).contains(text) }!
            return (0..<screen.size.width).map { screen[$0, row] }
        }
        let quoteRow = cells(ofRowContaining: "We can save this bridge")
        #expect(quoteRow.contains { $0.style.slot == .stance("repair") && $0.text == "W" })
        #expect(quoteRow.contains { $0.style.slot == .mention && $0.text == "B" })
        // A confirmed statement: filled glyph and a solid bar; a suggested one: hollow and dotted.
        #expect(quoteRow[1].text == "◆" && quoteRow[1].style.slot == .stance("repair"))
        #expect(quoteRow[2].text == "┃" && quoteRow[2].style.slot == .confirmed)
        let suggested = cells(ofRowContaining: "Tomas Reyes, the city engineer, told")
        #expect(suggested[1].text == "△" && suggested[2].text == "┊" && suggested[2].style.slot == .suggested)
        let promo = cells(ofRowContaining: "Sign up for the Harbour Gazette")
        #expect(promo.contains { $0.text == "S" && $0.style.slot == .textDim })
    }

    @Test func selectingAnActorUnderlinesTheirStatements() {
        let runtime = Fixtures.runtime(Size(width: 160, height: 48))
        runtime.press(.tab, .char("j"))   // Tomas Reyes
        #expect(runtime.state.selectedActor == "tomas reyes")
        let screen = runtime.screen
        let row = (0..<48).first { screen.row($0).contains("Patching") }!
        // Past the gutter, whose glyph keeps its own style.
        let patching = (4..<160).map { screen[$0, row] }.filter { $0.style.slot == .stance("replace") }
        #expect(!patching.isEmpty && patching.allSatisfy { $0.style.attributes.contains(.underline) })
        let brandtRow = (0..<48).first { screen.row($0).contains("We can save") }!
        #expect(!(0..<160).contains { screen[$0, brandtRow].style.attributes.contains(.underline) })
        // And their timeline row is the selected one.
        let model = runtime.state.timeline.model
        #expect(model.rows[runtime.state.timeline.row].id == "tomas reyes")
    }

    @Test func hostileTextIsSanitised() {
        let hostile = Fixtures.analysis(
            file: "hostile.txt", title: "Evil\u{1B}[2J title", source: "X", published: "2026-01-01", byline: [],
            blocks: [(.body, "Tab\there, bell\u{07}, escape \u{1B}[31mred, bidi \u{202E}reversed\u{202C} end.")],
            actors: [], statements: [])
        let store = InMemoryWorkbenchStore(frame: Fixtures.frame, analyses: [hostile])
        let screen = Fixtures.runtime(Size(width: 100, height: 30), store: store).screen
        for cell in screen.cells {
            #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0x202E })
        }
        #expect(screen.lines.contains { $0.contains("escape ␛[31mred, bidi reversed end.") })
    }

    @Test func keepsTheReadingPlaceAcrossAResize() {
        let runtime = Fixtures.runtime(Size(width: 160, height: 48))
        runtime.press(.char("]"), .char("]"), .char("]"))
        let statement = runtime.state.article.prepared!.statements[runtime.state.article.currentStatement!]
        _ = runtime.resize(to: Size(width: 60, height: 20))
        #expect(runtime.state.layout.kind == .single)
        #expect(runtime.state.article.layout?.width == 60 - 2 - WorkbenchLayout.articleGutter)
        let line = runtime.state.articleLine(ofScalar: statement.span.start)!
        let height = runtime.state.layout.inside(.article)!.height
        #expect(line >= runtime.state.article.scroll && line < runtime.state.article.scroll + height)
    }
}
