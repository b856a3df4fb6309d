import TextWidth
import Testing

@Suite struct TextWidthTests {
    @Test func asciiTakesOneColumnAndControlsNone() {
        #expect(TextWidth.columns("Ada") == 3)
        #expect(TextWidth.columns("") == 0)
        #expect(TextWidth.columns("\u{1B}") == 0)
        #expect(TextWidth.columns("a\u{7F}b") == 2)
        #expect(TextWidth.columns("\r\n") == 0)
    }

    @Test func latinLettersAndMarksTakeOneColumnEach() {
        #expect(TextWidth.columns("café") == 4)
        #expect(TextWidth.columns("cafe\u{301}") == 4)
        #expect(TextWidth.columns("e\u{301}te\u{301}") == 3)
        #expect(TextWidth.columns("“quoted” — dash…") == 16)
        #expect(TextWidth.columns("◇▲±·") == 4)
        #expect(TextWidth.columns("soft\u{AD}hyphen") == 10)
        #expect(TextWidth.columns("\u{85}") == 0)
    }

    @Test func eastAsianWideAndFullwidthTakeTwo() {
        #expect(TextWidth.columns("王小明") == 6)
        #expect(TextWidth.columns("日本語") == 6)
        #expect(TextWidth.columns("한국") == 4)
        #expect(TextWidth.columns("ＡＢ") == 4)
        #expect(TextWidth.columns("ｶﾀｶﾅ") == 4)          // halfwidth katakana stays narrow
        #expect(TextWidth.columns("\u{1AFF0}") == 2)      // Kana Extended-B
        #expect(TextWidth.columns("\u{20000}") == 2)      // CJK Extension B
    }

    @Test func emojiInEmojiPresentationTakeTwo() {
        #expect(TextWidth.columns("😀") == 2)
        #expect(TextWidth.columns("👍🏽") == 2)
        #expect(TextWidth.columns("👩‍👩‍👧") == 2)
        #expect(TextWidth.columns("⌚") == 2)
        #expect(TextWidth.columns("#\u{FE0F}\u{20E3}") == 2)   // keycap
        #expect(TextWidth.columns("\u{A9}\u{FE0F}") == 2)      // © asking for emoji presentation
        #expect(TextWidth.columns("\u{A9}") == 1)
    }

    @Test func formatCharactersAndLoneMarksTakeNone() {
        #expect(TextWidth.columns("\u{202E}") == 0)
        #expect(TextWidth.columns("\u{200B}") == 0)
        #expect(TextWidth.columns("\u{301}") == 0)
        #expect(TextWidth.columns("\u{2028}") == 0)
    }
}
