import Testing
@testable import Terminal

@Suite("Terminal box and popup") struct TerminalBoxTests {
    @Test func drawsBorderTitleAndNote() {
        var screen = Screen(width: 16, height: 4)
        let inside = Box.draw(into: &screen, screen.bounds, title: "Articles", note: "42%", focused: true)
        #expect(inside == Rect(x: 1, y: 1, width: 14, height: 2))
        #expect(screen.lines == [
            "┌─ Articles ───┐",
            "│              │",
            "│              │",
            "└──────── 42% ─┘",
        ])
        #expect(screen[0, 0].style.slot == .paneBorderFocused)
        #expect(screen[3, 0].style.slot == .paneTitleFocused)
    }

    @Test func longTitlesAreCutAndUnfocusedSlotsUsed() {
        var screen = Screen(width: 12, height: 3)
        Box.draw(into: &screen, screen.bounds, title: "A very long title")
        #expect(screen.lines[0] == "┌─ A ver… ─┐")
        #expect(screen[0, 0].style.slot == .paneBorder)
        #expect(screen[3, 0].style.slot == .paneTitle)
    }

    @Test func tooSmallForABorderDrawsNothing() {
        var screen = Screen(width: 5, height: 3)
        #expect(Box.draw(into: &screen, Rect(x: 0, y: 0, width: 1, height: 3)).isEmpty)
        #expect(screen.lines == ["", "", ""])
    }

    @Test func popupIsCentredAndClearsWhatIsUnderIt() {
        var screen = Screen(size: Size(width: 20, height: 7), fill: Cell("x"))
        let inside = Popup.draw(into: &screen, size: Size(width: 10, height: 3), title: "Hi")
        #expect(inside == Rect(x: 6, y: 3, width: 8, height: 1))
        #expect(screen.lines == [
            "xxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxx",
            "xxxxx┌─ Hi ───┐xxxxx",
            "xxxxx│        │xxxxx",
            "xxxxx└────────┘xxxxx",
            "xxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxx",
        ])
        #expect(screen[6, 3].style.slot == .popup)
        #expect(screen[5, 2].style.slot == .popupBorder)
    }

    @Test func popupShrinksToTheScreen() {
        #expect(Popup.frame(size: Size(width: 100, height: 50), in: Rect(x: 0, y: 0, width: 20, height: 10))
                == Rect(x: 1, y: 1, width: 18, height: 8))
    }

    @Test func messageWrapsItsText() {
        var screen = Screen(width: 24, height: 7)
        Popup.message(into: &screen, title: "Error", text: "The theme file could not be read.", maxWidth: 14)
        #expect(screen.lines == [
            "",
            "    ┌─ Error ──────┐",
            "    │The theme file│",
            "    │could not be  │",
            "    │read.         │",
            "    └──────────────┘",
            "",
        ])
    }
}

@Suite("Terminal wrapped text") struct TerminalWrappedTextTests {
    private func texts(_ lines: [WrappedLine]) -> [String] { lines.map { String(repeating: " ", count: $0.indent) + $0.text } }

    @Test func wrapsAtWordsByDisplayWidth() {
        let lines = WrappedText.wrap("The quick brown fox jumps over the lazy dog", width: 12)
        #expect(texts(lines) == ["The quick", "brown fox", "jumps over", "the lazy dog"])
        #expect(lines.allSatisfy { $0.width <= 12 })
    }

    @Test func rangesAreUnicodeScalarOffsetsIntoTheSource() {
        let text = "Café e\u{301}té 日本語 end"
        let lines = WrappedText.wrap(text, width: 10)
        #expect(texts(lines) == ["Café e\u{301}té", "日本語 end"])
        let scalars = Array(text.unicodeScalars)
        for line in lines {
            let source = String(String.UnicodeScalarView(scalars[line.range]))
            #expect(source == line.text)
        }
        #expect(lines[0].range == 0..<9)
        #expect(lines[1].range == 10..<17)
    }

    @Test func columnsOfASourceRangeFollowWideCharacters() {
        let lines = WrappedText.wrap("ab 日本語 cd", width: 20)
        #expect(lines[0].columns(of: 4..<5) == 5..<7)        // 本
        #expect(lines[0].columns(of: 3..<6) == 3..<9)        // 日本語
        #expect(lines[0].columns(of: 7..<9) == 10..<12)      // cd
        #expect(lines[0].columns(of: 20..<22) == nil)
    }

    @Test func longWordsAreBrokenAndHangingIndentApplies() {
        let lines = WrappedText.wrap("• supercalifragilistic word", width: 8, hangingIndent: 2)
        #expect(texts(lines) == ["• superc", "  alifra", "  gilist", "  ic", "  word"])
        #expect(lines[1].indent == 2)
        #expect(lines[1].pieces.first?.column == 2)
    }

    @Test func wideCharactersNeverOverflowTheWidth() {
        let lines = WrappedText.wrap("日本語日本語", width: 5)
        #expect(texts(lines) == ["日本", "語日", "本語"])
    }

    @Test func lineBreaksStartParagraphsAndKeepIndentation() {
        let lines = WrappedText.wrap("first line\n\n  indented one\r\nlast", width: 40)
        #expect(texts(lines) == ["first line", "", "  indented one", "last"])
        #expect(lines[1].range == 11..<11)
        #expect(lines[3].range.lowerBound == 28)
    }

    @Test func spacesAtSoftBreaksAreDroppedAndTabsExpand() {
        let lines = WrappedText.wrap("a\tb     c", width: 10)
        #expect(texts(lines) == ["a       b", "c"])
        #expect(lines[1].pieces.first?.column == 0)
    }

    @Test func hostileTextIsSanitisedInPieces() {
        let lines = WrappedText.wrap("x\u{1B}[2Jy \u{202E}z", width: 20)
        #expect(lines[0].text == "x␛[2Jy z")
    }

    @Test func drawPlacesHighlightsAtTextOffsets() {
        let text = "Leaders urged talks while others demanded arms"
        let lines = WrappedText.wrap(text, width: 20)
        var screen = Screen(width: 22, height: 4)
        let talks = 14..<19, arms = 42..<46
        WrappedText.draw(lines, into: &screen, in: Rect(x: 1, y: 1, width: 20, height: 3),
                         highlights: [.init(talks, Style(.stance("diplomacy"))), .init(arms, Style(.stance("support")))])
        #expect(screen.lines == ["", " Leaders urged talks", " while others", " demanded arms"])
        #expect(screen[15, 1].style.slot == .stance("diplomacy"))
        #expect(screen[14, 1].style.slot == .text)
        #expect(screen[10, 3].style.slot == .stance("support"))
        #expect(screen[9, 3].style.slot == .text)
    }

    @Test func emptyHighlightMarksTheGraphemeStartingThere() {
        let lines = WrappedText.wrap("e\u{301}tat", width: 10)
        var screen = Screen(width: 10, height: 1)
        WrappedText.draw(lines, into: &screen, in: screen.bounds, highlights: [.init(2..<2, Style(.cursor))])
        #expect(screen[1, 0].style.slot == .cursor)
        #expect(screen[0, 0].style.slot == .text && screen[2, 0].style.slot == .text)
    }

    @Test func zeroWidthGivesNoLines() {
        #expect(WrappedText.wrap("abc", width: 0).isEmpty)
        #expect(texts(WrappedText.wrap("", width: 5)) == [""])
    }
}

@Suite("Terminal scroll and status") struct TerminalScrollStatusTests {
    @Test func positionTextLikeVim() {
        #expect(ScrollIndicator.positionText(offset: 0, visible: 10, total: 5) == "All")
        #expect(ScrollIndicator.positionText(offset: 0, visible: 10, total: 100) == "Top")
        #expect(ScrollIndicator.positionText(offset: 90, visible: 10, total: 100) == "Bot")
        #expect(ScrollIndicator.positionText(offset: 42, visible: 0, total: 100) == "42%")
        #expect(ScrollIndicator.positionText(offset: 45, visible: 10, total: 100) == "50%")
    }

    @Test func scrollBarThumbFollowsTheOffset() {
        func bar(_ offset: Int) -> [String] {
            var screen = Screen(width: 1, height: 5)
            ScrollIndicator.draw(into: &screen, screen.bounds, offset: offset, visible: 5, total: 20)
            return screen.lines
        }
        #expect(bar(0) == ["┃", "│", "│", "│", "│"])
        #expect(bar(15) == ["│", "│", "│", "│", "┃"])
        #expect(bar(8) == ["│", "│", "┃", "│", "│"])
        var screen = Screen(width: 1, height: 3)
        ScrollIndicator.draw(into: &screen, screen.bounds, offset: 0, visible: 3, total: 3)
        #expect(screen.lines == ["", "", ""])
    }

    @Test func statusBarPutsItemsLeftAndRightWithKeyHints() {
        var screen = Screen(width: 40, height: 1)
        StatusBar.draw(into: &screen, screen.bounds, left: [.mode("NORMAL"), .text("3 articles")],
                       right: [.hint(key: "?", label: "help"), .hint(key: "q", label: "quit")])
        #expect(screen.lines == ["  NORMAL   3 articles    ? help  q quit"])
        #expect(screen[1, 0].style.slot == .statusMode)
        #expect(screen[25, 0].style.slot == .statusKey)
        #expect(screen[27, 0].style.slot == .status)
        #expect(screen[39, 0].style.slot == .status)
    }

    @Test func narrowStatusBarDropsRightItemsFromTheFrontThenCutsTheLeft() {
        var screen = Screen(width: 24, height: 1)
        StatusBar.draw(into: &screen, screen.bounds, left: [.text("3 articles")],
                       right: [.hint(key: "?", label: "help"), .text("42%")])
        #expect(screen.lines == [" 3 articles         42%"])
        var narrow = Screen(width: 8, height: 1)
        StatusBar.draw(into: &narrow, narrow.bounds, left: [.text("3 articles")], right: [.text("42%")])
        #expect(narrow.lines == [" 3 arti"])
    }
}

@Suite("Terminal text field") struct TerminalTextFieldTests {
    @Test func typingAndDeleting() {
        var field = TextField()
        for character in "talks" { field.handle(.char(character)) }
        #expect(field.text == "talks" && field.cursor == 5)
        #expect(field.handle(.backspace) == .changed)
        #expect(field.handle(.home) == .moved)
        #expect(field.handle(.delete) == .changed)
        #expect(field.text == "alk" && field.cursor == 0)
        #expect(field.handle(.backspace) == .moved)          // nothing before the cursor
        #expect(field.handle(.enter) == .unhandled)
        #expect(field.handle(.escape) == .unhandled)
    }

    @Test func movingAndWordEditing() {
        var field = TextField("peace talks now")
        #expect(field.cursor == 15)
        field.handle(.alt("b"))
        #expect(field.cursor == 12)
        field.handle(.ctrl("w"))
        #expect(field.text == "peace now" && field.cursor == 6)
        field.handle(.ctrl("a"))
        field.handle(.alt("f"))
        #expect(field.cursor == 5)
        field.handle(.alt("d"))
        #expect(field.text == "peace")
        field.handle(.left)
        field.handle(.left)
        field.handle(.ctrl("k"))
        #expect(field.text == "pea")
        field.handle(.ctrl("u"))
        #expect(field.text == "" && field.cursor == 0)
        field.handle(.right)
        #expect(field.cursor == 0)
    }

    @Test func insertsAtTheCursorCountingCharacters() {
        var field = TextField("日本", cursor: 1)
        field.insert("e\u{301}")
        #expect(field.text == "日e\u{301}本" && field.cursor == 2)
        field.setText("x")
        #expect(field.cursor == 1)
    }

    @Test func drawsPromptTextAndCursor() {
        var screen = Screen(width: 12, height: 1)
        TextField("talks", cursor: 2).draw(into: &screen, screen.bounds, prompt: "/")
        #expect(screen.lines == ["/talks"])
        #expect(screen[3, 0].style.slot == .cursor)
        #expect(screen[2, 0].style.slot == .text)
    }

    @Test func scrollsToKeepTheCursorVisible() {
        var screen = Screen(width: 8, height: 1)
        let field = TextField("abcdefghijklmnop")
        field.draw(into: &screen, screen.bounds, prompt: ":")
        #expect(screen.lines == [":klmnop"])
        #expect(screen[7, 0].style.slot == .cursor)
        var start = Screen(width: 8, height: 1)
        TextField("abcdefghijklmnop", cursor: 0).draw(into: &start, start.bounds, prompt: ":")
        #expect(start.lines == [":abcdefg"])
        #expect(start[1, 0].style.slot == .cursor)
    }
}

@Suite("Terminal list view") struct TerminalListViewTests {
    @Test func keepsTheSelectionVisibleScrollingAsLittleAsPossible() {
        var list = ListView(count: 100)
        list.move(by: 4, height: 5)
        #expect(list.offset == 0 && list.visibleRows(height: 5) == 0..<5)
        list.move(by: 1, height: 5)
        #expect(list.selection == 5 && list.offset == 1)
        list.page(1, height: 5)
        #expect(list.selection == 9 && list.offset == 5)
        list.selectLast(height: 5)
        #expect(list.selection == 99 && list.offset == 95)
        list.move(by: 10, height: 5)
        #expect(list.selection == 99)
        list.move(by: -3, height: 5)
        #expect(list.offset == 95)
        list.selectFirst(height: 5)
        #expect(list.selection == 0 && list.offset == 0)
    }

    @Test func shrinkingTheListClampsSelectionAndOffset() {
        var list = ListView(count: 50)
        list.select(45, height: 10)
        list.setCount(12, height: 10)
        #expect(list.selection == 11 && list.offset == 2)
        list.setCount(0, height: 10)
        #expect(list.selection == 0 && list.offset == 0 && list.visibleRows(height: 10).isEmpty)
    }

    @Test func drawsVisibleRowsAndHighlightsTheSelection() {
        var list = ListView(count: 6)
        list.select(3, height: 3)
        var screen = Screen(width: 8, height: 3)
        list.draw(into: &screen, screen.bounds) { screen, index, rect, _ in
            screen.put("row \(index)", x: rect.x, y: rect.y)
        }
        #expect(screen.lines == ["row 1", "row 2", "row 3"])
        #expect(screen[0, 2].style.slot == .selection)
        #expect(screen[7, 2].style.slot == .selection)
        #expect(screen[0, 1].style.slot == .text)
    }
}
