@testable import StanceKit
import Testing

/// What a reader sees of Markdown: the analyser's hidden marks, plus quote and list marks drawn
/// by the view, and emphasis paired within paragraphs.
@Suite struct ReaderMarkupTests {
    /// The text with hidden scalars dropped.
    static func shown(_ text: String) -> String {
        let markup = ReaderMarkup(text: text)
        return String(String.UnicodeScalarView(zip(text.unicodeScalars, markup.hidden).filter { !$0.1 }.map(\.0)))
    }

    static func text(of span: TextSpan, in text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(span.start).prefix(span.length)))
    }

    @Test func hidesWhatTheAnalyserSkips() {
        #expect(Self.shown("# Headline\n\nBy [Ada Lovelace](#) and **Grace**, \\$4 \\_x\\_") ==
                "Headline\n\nBy Ada Lovelace and Grace, $4 _x_")
        #expect(Self.shown("Plain words, nothing marked.") == "Plain words, nothing marked.")
    }

    @Test func quoteAndListMarksBecomeMarkedLines() {
        let text = "> one\n>> two\n* first\n  - nested\n+ third\n-not a bullet\n>"
        let markup = ReaderMarkup(text: text)
        #expect(Self.shown(text) == "one\ntwo\nfirst\nnested\nthird\n-not a bullet\n")
        #expect(markup.markedLines.map(\.mark) == [.quote(depth: 1), .quote(depth: 2), .bullet, .bullet, .bullet, .quote(depth: 1)])
        #expect(markup.markedLines.map(\.indent) == [0, 0, 0, 2, 0, 0])
        let starts = markup.markedLines.map { Self.text(of: TextSpan(start: $0.textStart, end: $0.textStart + 3), in: text) }
        #expect(starts == ["one", "two", "fir", "nes", "thi", ""])
    }

    @Test func analyserMaskIsUnchangedByListMarks() {
        // The analyser hides a bullet's `*` as it hides any star, and leaves `-` and `+` alone.
        let scalars = Array("* a\n- b\n+ c".unicodeScalars)
        #expect(Markup.visible(scalars, Markup.hiddenMask(scalars), 0..<scalars.count) == "a - b + c")
    }

    @Test func emphasisPairsWithinAParagraph() {
        let text = "**Strong:** then *soft* and ***both*** here.\n\n**open but never closed\n\nnext *one*"
        let found = ReaderMarkup(text: text).emphasis.map { (Self.text(of: $0.span, in: text), $0.strong) }
        #expect(found.map(\.0) == ["Strong:", "soft", "both", "both", "one"])
        #expect(found.map(\.1) == [true, false, true, false, false])
    }

    @Test func aBulletStarIsNoEmphasis() {
        let text = "* one\n* two *three*"
        let found = ReaderMarkup(text: text).emphasis.map { Self.text(of: $0.span, in: text) }
        #expect(found == ["three"])
    }
}
