import Testing
@testable import Terminal

@Suite("Terminal screen") struct TerminalScreenTests {
    @Test func putClipsAtTheRightEdgeAndReportsColumns() {
        var screen = Screen(width: 6, height: 1)
        let used = screen.put("abcdefgh", x: 2, y: 0)
        #expect(used == 4)
        #expect(screen.lines == ["  abcd"])
    }

    @Test func putOutsideTheScreenDrawsNothing() {
        var screen = Screen(width: 4, height: 2)
        #expect(screen.put("abc", x: 0, y: 2) == 0)
        #expect(screen.put("abc", x: 0, y: -1) == 0)
        #expect(screen.lines == ["", ""])
    }

    @Test func putStartingLeftOfTheScreenShowsOnlyTheVisiblePart() {
        var screen = Screen(width: 4, height: 1)
        screen.put("abcdef", x: -2, y: 0)
        #expect(screen.lines == ["cdef"])
    }

    @Test func putRespectsClipRectAndMaxWidth() {
        var screen = Screen(width: 10, height: 3)
        screen.put("hello world", x: 0, y: 1, clip: Rect(x: 2, y: 1, width: 5, height: 1))
        screen.put("hello world", x: 0, y: 2, maxWidth: 3)
        screen.put("outside", x: 0, y: 0, clip: Rect(x: 0, y: 1, width: 10, height: 2))
        #expect(screen.lines == ["", "  llo w", "hel"])
    }

    @Test func wideCharactersTakeTwoCellsWithAContinuation() {
        var screen = Screen(width: 6, height: 1)
        let used = screen.put("日本", x: 1, y: 0)
        #expect(used == 4)
        #expect(screen[1, 0].text == "日")
        #expect(screen[1, 0].width == 2)
        #expect(screen[2, 0].isContinuation)
        #expect(screen[3, 0].text == "本")
        #expect(screen.lines == [" 日本"])
    }

    @Test func wideCharacterStraddlingTheRightEdgeBecomesASpace() {
        var screen = Screen(size: Size(width: 4, height: 1), fill: Cell("x"))
        let used = screen.put("a日本", x: 0, y: 0)
        #expect(screen.lines == ["a日"])
        #expect(used == 4)
        #expect(screen[3, 0].text == " " && screen[3, 0].width == 1)
    }

    @Test func wideCharacterStraddlingTheLeftClipEdgeBecomesASpace() {
        var screen = Screen(size: Size(width: 5, height: 1), fill: Cell("x"))
        screen.put("日本", x: 0, y: 0, clip: Rect(x: 1, y: 0, width: 4, height: 1))
        #expect(screen.lines == ["x 本x"])
        #expect(screen[1, 0].width == 1)
    }

    @Test func overwritingEitherHalfOfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(width: 6, height: 1)
        screen.put("日本語", x: 0, y: 0)
        screen.put("a", x: 1, y: 0)      // right half of 日
        screen.put("b", x: 2, y: 0)      // left half of 本
        #expect(screen.lines == [" ab 語"])
        for x in 0..<6 { #expect(!screen[x, 0].isContinuation || screen[x - 1, 0].width == 2) }
    }

    @Test func wideCharacterOverANarrowOneKeepsNeighboursConsistent() {
        var screen = Screen(width: 5, height: 1)
        screen.put("日本", x: 0, y: 0)
        screen.put("語", x: 1, y: 0)   // lands on 日's right half and 本's left half
        #expect(screen.lines == [" 語"])
        #expect(screen[0, 0].width == 1)
        #expect(screen[3, 0].width == 1 && screen[3, 0].text == " ")
    }

    @Test func fillOverHalfOfAWideCharacterLeavesNoOrphans() {
        var screen = Screen(width: 6, height: 1)
        screen.put("日本語", x: 0, y: 0)
        screen.fill(Rect(x: 1, y: 0, width: 2, height: 1), with: "-")
        #expect(screen.lines == [" -- 語"])
        for x in 0..<6 where screen[x, 0].isContinuation { #expect(x > 0 && screen[x - 1, 0].width == 2) }
    }

    @Test func combiningMarksStayWithTheirBase() {
        var screen = Screen(width: 5, height: 1)
        let used = screen.put("e\u{301}te\u{301}", x: 0, y: 0)
        #expect(used == 3)
        #expect(screen[0, 0].text == "e\u{301}")
        #expect(screen.lines == ["e\u{301}te\u{301}"])
    }

    @Test func emojiAreWide() {
        var screen = Screen(width: 8, height: 1)
        #expect(screen.put("😀", x: 0, y: 0) == 2)
        #expect(screen.put("👍🏽", x: 2, y: 0) == 2)
        #expect(screen.put("❤️", x: 4, y: 0) == 2)
        #expect(screen.put("🇫🇷", x: 6, y: 0) == 2)
        #expect(screen.lines == ["😀👍🏽❤️🇫🇷"])
    }

    @Test func zwjSequenceIsOneCellPair() {
        var screen = Screen(width: 4, height: 1)
        let family = "👩\u{200D}👩\u{200D}👧"
        #expect(screen.put(family, x: 0, y: 0) == 2)
        #expect(screen[0, 0].text == family)
    }

    @Test func tabsExpandToStopsCountedFromTheScreenColumn() {
        var screen = Screen(width: 20, height: 2)
        screen.put("a\tb", x: 0, y: 0)
        screen.put("a\tb", x: 3, y: 1)
        #expect(screen.lines == ["a       b", "   a    b"])
    }

    @Test func changedPositionsListsOnlyDifferingCells() {
        var before = Screen(width: 4, height: 2)
        before.put("ab", x: 0, y: 0)
        var after = before
        after.put("x", x: 1, y: 1)
        after.put("b", x: 1, y: 0)                     // unchanged text and style
        after.restyle(Rect(x: 3, y: 0, width: 1, height: 1)) { $0.slot = .selection }
        let changed = after.changedPositions(since: before)
        #expect(changed.map { [$0.x, $0.y] } == [[3, 0], [1, 1]])
        #expect(after.changedPositions(since: after).isEmpty)
    }

    @Test func changedPositionsIsEverythingWithoutAMatchingPrevious() {
        let screen = Screen(width: 3, height: 2)
        #expect(screen.changedPositions(since: nil).count == 6)
        #expect(screen.changedPositions(since: Screen(width: 2, height: 2)).count == 6)
    }

    @Test func restyleTakesWideCharactersCutByTheEdgeWhole() {
        var screen = Screen(width: 6, height: 1)
        screen.put("日本語", x: 0, y: 0)
        screen.restyle(Rect(x: 1, y: 0, width: 2, height: 1)) { $0.slot = .selection }
        #expect((0..<4).allSatisfy { screen[$0, 0].style.slot == .selection })
        #expect(screen[4, 0].style.slot == .text)
    }

    @Test func fillAndRestyleStayInsideTheScreen() {
        var screen = Screen(width: 3, height: 2)
        screen.fill(Rect(x: -1, y: 1, width: 10, height: 5), style: Style(.status), with: "=")
        screen.restyle(Rect(x: 2, y: -3, width: 4, height: 4)) { $0.attributes.insert(.bold) }
        #expect(screen.lines == ["", "==="])
        #expect(screen[2, 0].style.attributes == .bold)
        #expect(screen[1, 0].style.attributes == [])
        #expect(screen[0, 1].style.slot == .status)
    }

    @Test func aCellIsEightBytesOfPlainValues() {
        // Frames are filled, copied and diffed as memory: a cell must hold no reference and no padding.
        #expect(_isPOD(Cell.self))
        #expect(MemoryLayout<Cell>.size == 8 && MemoryLayout<Cell>.stride == 8)
    }

    @Test func cellTextKeepsEveryClusterAndTellsScalarsFromClusters() {
        for text in ["a", " ", "日", "◆", "", "e\u{301}", "😀\u{200D}😀", "🇩🇪", "\u{10FFFF}"] {
            #expect(Cell(text).text == text)
        }
        #expect(CellText("日").scalar == "日")
        #expect(CellText("e\u{301}").scalar == nil && CellText("").scalar == nil)
        #expect(CellText("e\u{301}") == CellText("e\u{301}") && CellText("e\u{301}") != CellText("e"))
        #expect(CellText("") != CellText("\u{0}"))
    }

    @Test func slotsKeepTheirNamesAndCompareByName() {
        let made = Slot("stance." + "support")
        #expect(made == .stance("support") && made.name == "stance.support")
        #expect(made != Slot("stance.supports"))
        #expect(Slot.standard.map(\.name).contains("pane.border.focused"))
    }

    @Test func changedPositionsFindsOneChangeInAWideScreen() {
        let before = Screen(width: 200, height: 60)
        for (x, y) in [(0, 0), (199, 59), (123, 31)] {
            var after = before
            after.put("x", x: x, y: y)
            #expect(after.changedPositions(since: before).map { [$0.x, $0.y] } == [[x, y]])
        }
    }
}
