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

        RIVERTON — The council closed the **Old Mill Bridge** on Sunday, and [Lena Brandt](https://example.org/brandt) \
        said a ferry would run twice a day until the repair is done.

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
                      span: span(of: "[Lena Brandt](https://example.org/brandt) said a ferry would run twice a day"),
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

    static func row(_ screen: Screen, containing text: String) -> Int? {
        (0..<screen.size.height).first { screen.row($0).contains(text) }
    }

    @Test func showsTheTextWithoutItsMarks() {
        let screen = Self.runtime().screen
        ScreenExpectation.check(screen, named: "markdown-article-100x30")
        let article = screen.lines.joined(separator: "\n")
        for mark in ["#", "**", "](", "[Lena", "\\_", "> “", "* a"] {
            #expect(!article.contains(mark), "\(mark) shows")
        }
        #expect(screen.lines.contains { $0.contains("By Mira Okafor March 9, 2026") }, "link text only")
        #expect(screen.lines.contains { $0.contains("closure was _overdue_") }, "escapes drop their backslash")
        // The title (the `#` headline) heads the pane; a `##` heading shows as a subheading.
        let heading = Self.row(screen, containing: "What residents asked for")!
        let headingCell = (0..<screen.size.width).map { screen[$0, heading] }.first { $0.text == "W" }!
        #expect(headingCell.style.attributes.contains(.bold))
        #expect(screen.lines.contains { $0.contains("Ferry Service Starts as Old Mill Bridge Closes") })
        // A quote keeps its bar on every wrapped line; a list item's wrapped line hangs under its text.
        let quoteRows = (0..<screen.size.height).filter { screen.row($0).contains("│ ") }
        #expect(quoteRows.count >= 2)
        let bullet = Self.row(screen, containing: "• a ferry before seven")!
        let bulletColumn = screen.row(bullet).distance(from: screen.row(bullet).startIndex,
                                                       to: screen.row(bullet).range(of: "a ferry")!.lowerBound)
        let hanging = screen.row(bullet + 1)
        #expect(hanging.distance(from: hanging.startIndex, to: hanging.firstIndex { $0.isLetter }!) == bulletColumn)
        #expect(Self.row(screen, containing: "• a bus to the hospital") == bullet + 2)
    }

    @Test func statementGlyphsStandOnTheLinesTheyStart() {
        let runtime = Self.runtime()
        let screen = runtime.screen
        let inside = runtime.state.layout.inside(.article)!
        func glyph(_ row: Int) -> String { screen[inside.x, row].text }
        // "Lena Brandt" is the statement's first shown word, wherever the line wraps.
        let lena = Self.row(screen, containing: "Lena")!
        #expect(glyph(lena) == "△", "a suggested repair statement starts here")
        #expect(glyph(lena - 1) == " ")
        let quote = Self.row(screen, containing: "“We will not leave")!
        #expect(glyph(quote) == "◆")
        #expect(screen[inside.x + 1, quote + 1].text == "┃", "the confirmed bar runs down the quote")
        let mention = (0..<screen.size.width).map { screen[$0, lena] }.filter { $0.style.slot == .mention }
        #expect(mention.map(\.text).joined() == "LenaBrandt" || mention.map(\.text).joined() == "Lena Brandt")
    }

    @Test func searchFindsWordsAcrossHiddenMarksAndHighlightsThem() {
        let runtime = Self.runtime()
        runtime.type("/bridge on sunday")
        runtime.press(.enter)
        let search = runtime.state.article.search!
        #expect(search.matches.count == 1)
        let text = runtime.state.article.prepared!.loaded.analysis.article.text
        #expect(String(text.unicodeScalars.dropFirst(search.matches[0].start).prefix(search.matches[0].length))
                == "Bridge** on Sunday")
        let screen = runtime.screen
        let highlighted = screen.cells.filter { $0.style.slot == .searchMatch }.map(\.text).joined()
        #expect(highlighted == "Bridge on Sunday")
    }

    @Test func timelineOpensAStatementOnItsWords() {
        let runtime = Self.runtime()
        runtime.press(.char("]"), .char("]"))
        let statement = runtime.state.article.prepared!.statements[runtime.state.article.currentStatement!]
        #expect(statement.id == "m2")
        let screen = runtime.screen
        let row = Self.row(screen, containing: "We will not leave")!
        let current = (0..<screen.size.width).map { screen[$0, row] }.filter { $0.style.attributes.contains(.bold) }
        #expect(current.map(\.text).joined().hasPrefix("Wewillnot"))
    }
}
