import StanceApp
import StanceKit
import Terminal
import Testing

/// An article pasted as Markdown reads as text: marks hidden, quotes and lists drawn as a bar and
/// bullets, while statements, mentions and search still land on the words of the file.
@Suite struct MarkdownPaneTests {
    static let text = """
        Harbour Gazette 9 March 2026

        # Ferry Service Starts as Old Mill Bridge Closes

        By [Mira Okafor](#) March 9, 2026

        RIVERTON — The council closed the **Old Mill Bridge** on Sunday after engineers found cracks in two \
        of its piers.

        [Lena Brandt](https://example.org/brandt), the mayor, said a ferry would run twice a day until the repair \
        is done.

        > “We will not leave the east bank cut off while the engineers argue about steel,” Ms. Brandt said \
        in a statement posted on Sunday.

        ## What residents asked for

        * a ferry before seven in the morning, when the early shifts at the cannery start
        * a bus to the hospital

        Tomas Reyes, the city engineer, said the closure was \\_overdue\\_ and that the ferry “is only a stopgap.”
        """

    static var analysis: ArticleAnalysis {
        let article = ArticleParser.parse(SourceDocument(path: "gazette-2026-03-09.md", text: text, format: .markdown))
        func span(of words: String) -> TextSpan {
            let found = Fixtures.occurrences(of: words, in: text)
            precondition(!found.isEmpty, "not in the text: \(words)")
            return found[0]
        }
        let brandt = Actor(id: "a1", name: "Lena Brandt", kind: .person, aliases: ["Ms. Brandt"],
                           mentions: [span(of: "Lena Brandt"), span(of: "Ms. Brandt")], stance: "repair")
        let reyes = Actor(id: "a2", name: "Tomas Reyes", kind: .person, mentions: [span(of: "Tomas Reyes")],
                          stance: "replace")
        let statements = [
            // Starts at the hidden `[` of a link: its glyph still belongs on the line showing "Lena".
            Statement(id: "m1", actorID: "a1", kind: .reported, text: "a ferry would run twice a day",
                      span: span(of: "[Lena Brandt](https://example.org/brandt), the mayor, said a ferry would run twice a day"),
                      stance: "repair"),
            Statement(id: "m2", actorID: "a1", kind: .direct, text: "We will not leave the east bank cut off",
                      span: span(of: "We will not leave the east bank cut off while the engineers argue about steel"),
                      stance: "repair", status: .accepted),
            Statement(id: "m3", actorID: "a2", kind: .direct, text: "is only a stopgap.", span: span(of: "is only a stopgap."),
                      stance: "replace"),
        ]
        return ArticleAnalysis(article: article, actors: [brandt, reyes], statements: statements)
    }

    static func runtime() -> WorkbenchRuntime<TestBackend> {
        Fixtures.runtime(Size(width: 100, height: 30),
                         store: InMemoryWorkbenchStore(frame: Fixtures.frame, analyses: [analysis]))
    }

    /// The text of the article pane's rows (the other panes name the same people).
    static func articleRows(_ runtime: WorkbenchRuntime<TestBackend>) -> [(y: Int, text: String)] {
        let inside = runtime.state.layout.inside(.article)!
        let screen = runtime.screen
        return (inside.y..<inside.maxY).map { y in (y, (inside.x..<inside.maxX).map { screen[$0, y].text }.joined()) }
    }

    static func row(_ runtime: WorkbenchRuntime<TestBackend>, containing text: String) -> Int? {
        articleRows(runtime).first { $0.text.contains(text) }?.y
    }

    @Test func showsTheTextWithoutItsMarks() {
        let runtime = Self.runtime()
        ScreenExpectation.check(runtime.screen, named: "markdown-article-100x30")
        var article = Self.articleRows(runtime).map(\.text)
        runtime.press(.char("G"))
        ScreenExpectation.check(runtime.screen, named: "markdown-article-end-100x30")
        article += Self.articleRows(runtime).map(\.text)
        for mark in ["#", "**", "](", "[", "\\", ">", "* "] {
            #expect(!article.contains { $0.contains(mark) }, "\(mark) shows")
        }
        #expect(article.contains { $0.contains("By Mira Okafor March 9, 2026") }, "link text only")
        #expect(article.contains { $0.contains("_overdue_ and that") }, "escapes drop their backslash")
        // The `#` headline is the title heading the pane; a `##` heading shows as a bold subheading.
        #expect(article.contains { $0.contains("Ferry Service Starts as Old Mill Bridge Closes") })
        let screen = runtime.screen
        let heading = Self.row(runtime, containing: "What residents asked for")!
        let headingCell = (0..<screen.size.width).map { screen[$0, heading] }.first { $0.text == "W" }!
        #expect(headingCell.style.attributes.contains(.bold))
        // A list item's wrapped line hangs under its text, not under its bullet.
        let rows = Self.articleRows(runtime)
        let bullet = rows.firstIndex { $0.text.contains("• a ferry before seven") }!
        let textColumn = rows[bullet].text.distance(from: rows[bullet].text.startIndex,
                                                    to: rows[bullet].text.range(of: "a ferry")!.lowerBound)
        let hanging = rows[bullet + 1].text
        #expect(hanging.distance(from: hanging.startIndex, to: hanging.firstIndex { $0.isLetter }!) == textColumn)
        #expect(rows[bullet + 2].text.contains("• a bus to the hospital"))
    }

    @Test func emphasisShowsBoldWithoutItsStars() {
        let runtime = Self.runtime()
        let screen = runtime.screen
        let row = Self.row(runtime, containing: "closed the Old Mill Bridge")!
        let cells = (0..<screen.size.width).map { screen[$0, row] }
        let bold = cells.filter { $0.style.attributes.contains(.bold) }.map(\.text).joined()
        #expect(bold == "Old Mill Bridge")
    }

    @Test func quoteKeepsItsBarOnEveryWrappedLine() {
        let rows = Self.articleRows(Self.runtime())
        let quote = rows.filter { $0.text.contains("│ ") }.map(\.text)
        #expect(quote.count == 3)
        #expect(quote.first?.contains("“We will not leave") == true)
        #expect(quote.last?.contains("statement posted on Sunday.") == true)
    }

    @Test func statementGlyphsStandOnTheLinesTheyStart() {
        let runtime = Self.runtime()
        let screen = runtime.screen
        let inside = runtime.state.layout.inside(.article)!
        func glyph(_ row: Int) -> String { screen[inside.x, row].text }
        // The statement starts at the hidden `[` of the link that opens its paragraph.
        let lena = Self.row(runtime, containing: "Lena Brandt, the mayor")!
        #expect(glyph(lena) == "◇", "a suggested repair statement starts here")
        #expect(glyph(lena - 1) == " ")
        let quote = Self.row(runtime, containing: "“We will not leave")!
        #expect(glyph(quote) == "◆")
        #expect(screen[inside.x + 1, quote + 1].text == "┃", "the confirmed bar runs down the quote")
        #expect(screen[inside.x + 1, quote + 2].text == " ", "and stops where the statement ends")
        let mention = (inside.x..<inside.maxX).map { screen[$0, lena] }.filter { $0.style.slot == .mention }
        #expect(mention.map(\.text).joined() == "Lena Brandt")
    }

    @Test func searchFindsWordsAcrossHiddenMarksAndHighlightsThem() {
        let runtime = Self.runtime()
        runtime.type("/bridge on sunday")
        runtime.press(.enter)
        let search = runtime.state.article.search!
        #expect(search.matches.count == 1)
        let text = runtime.state.article.prepared!.loaded.analysis.article.text
        #expect(String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(search.matches[0].start)
                                                    .prefix(search.matches[0].length))) == "Bridge** on Sunday")
        let screen = runtime.screen
        let highlighted = screen.cells.filter { $0.style.slot == .searchMatch }.map(\.text).joined()
        #expect(highlighted == "Bridge on Sunday")
        let row = Self.row(runtime, containing: "Old Mill Bridge on")!
        #expect((0..<screen.size.width).contains { screen[$0, row].style.slot == .searchMatch })
    }

    @Test func walkingToAStatementMakesItsWordsCurrent() {
        let runtime = Self.runtime()
        runtime.press(.char("]"), .char("]"))
        let statement = runtime.state.article.prepared!.statements[runtime.state.article.currentStatement!]
        #expect(statement.id == "m2")
        let inside = runtime.state.layout.inside(.article)!
        let screen = runtime.screen
        let row = Self.row(runtime, containing: "We will not leave")!
        let textCells = (inside.x + WorkbenchLayout.articleGutter..<inside.maxX).map { screen[$0, row] }
        // The cursor rests on the statement's first word, after the quote's bar and opening mark.
        let cursor = textCells.firstIndex { $0.style.slot == .cursor }!
        #expect(textCells[cursor].text == "W" && textCells[cursor - 1].text == "“")
        let bold = textCells[(cursor + 1)...].filter { $0.style.attributes.contains(.bold) }.map(\.text).joined()
        #expect(bold.hasPrefix("e will not leave the east bank"))
    }

    @Test func openingAStatementFromTheTimelineShowsItsLine() {
        let runtime = Self.runtime()
        runtime.press(.char("3"), .char("j"))
        #expect(runtime.state.timeline.model.rows[runtime.state.timeline.row].label == "Tomas Reyes")
        runtime.press(.char("l"), .enter)
        #expect(runtime.state.focus == .article)
        #expect(runtime.state.article.prepared!.statements[runtime.state.article.currentStatement!].id == "m3")
        ScreenExpectation.check(runtime.screen, named: "markdown-timeline-opened-100x30")
        let row = Self.row(runtime, containing: "is only a")!
        let inside = runtime.state.layout.inside(.article)!
        #expect(runtime.screen[inside.x, row].text == "△")
    }
}
