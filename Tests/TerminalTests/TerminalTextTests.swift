import Testing
@testable import Terminal

@Suite("Terminal text") struct TerminalTextTests {
    private func hasRawControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }
    }

    @Test func escapeSequencesBecomeVisibleText() {
        let hostile = "red\u{1B}[31mX\u{1B}]0;title\u{07}\u{1B}[2J\u{9B}1m end"
        let clean = TerminalText.sanitized(hostile)
        #expect(!hasRawControls(clean))
        #expect(clean.hasPrefix("red␛[31mX␛]0;title␇␛[2J"))
        #expect(clean.hasSuffix("1m end"))
    }

    @Test func everyC0ControlAndDelIsReplaced() {
        var all = ""
        for value in 0..<0x20 where value != 0x09 { all.unicodeScalars.append(Unicode.Scalar(value)!) }
        all += "\u{7F}"
        let clean = TerminalText.sanitized(all)
        #expect(!hasRawControls(clean))
        #expect(clean.unicodeScalars.count == 32)
        #expect(clean.unicodeScalars.first == "\u{2400}")
        #expect(clean.unicodeScalars.last == "\u{2421}")
        #expect(TerminalText.sanitized("a\r\nb") == "a␍␊b")
    }

    @Test func bidiAndOtherFormatCharactersAreDropped() {
        #expect(TerminalText.sanitized("abc\u{202E}def\u{202C}") == "abcdef")
        #expect(TerminalText.sanitized("x\u{2066}y\u{2069}\u{200B}z\u{FEFF}") == "xyz")
        #expect(TerminalText.sanitized("soft\u{AD}hyphen") == "softhyphen")
        #expect(TerminalText.sanitized("line\u{2028}sep") == "linesep")
    }

    @Test func joinersAreKept() {
        let family = "👩\u{200D}👧"
        #expect(TerminalText.sanitized(family) == family)
        let persian = "می\u{200C}خواهم"
        #expect(TerminalText.sanitized(persian).unicodeScalars.contains("\u{200C}"))
    }

    @Test func privateUseBecomesReplacementCharacter() {
        #expect(TerminalText.sanitized("a\u{E000}b") == "a\u{FFFD}b")
    }

    @Test func widthsFollowEastAsianWidthAndEmoji() {
        #expect(TerminalText.width("abc") == 3)
        #expect(TerminalText.width("日本語") == 6)
        #expect(TerminalText.width("한국") == 4)
        #expect(TerminalText.width("ｶﾀｶﾅ") == 4)          // halfwidth katakana
        #expect(TerminalText.width("Ａ") == 2)            // fullwidth Latin
        #expect(TerminalText.width("café") == 4)
        #expect(TerminalText.width("cafe\u{301}") == 4)
        #expect(TerminalText.width("“quoted” — dash…") == 16)
        #expect(TerminalText.width("😀") == 2)
        #expect(TerminalText.width("\u{1B}") == 1)
        #expect(TerminalText.width("\u{202E}") == 0)
    }

    @Test func tabWidthDependsOnTheStartColumn() {
        #expect(TerminalText.width("\t") == 8)
        #expect(TerminalText.width("\t", startColumn: 5) == 3)
        #expect(TerminalText.width("ab\tc") == 9)
    }
}
