/// One screen line of wrapped text: what to draw, and which part of the source it shows.
public struct WrappedLine: Hashable, Sendable {
    /// One drawable grapheme: its text (sanitised, tabs expanded), its column on the line, and the
    /// source grapheme it came from, in Unicode-scalar offsets.
    public struct Piece: Hashable, Sendable {
        public var text: String
        public var column: Int
        public var width: Int
        public var offset: Int
        public var length: Int
    }

    /// The source scalars this line shows (spaces at a soft break belong to no line).
    public var range: Range<Int>
    /// Columns left blank before the text (hanging indent).
    public var indent: Int
    public var pieces: [Piece]

    /// The line as drawn, without the indent.
    public var text: String { pieces.reduce(into: "") { $0 += $1.text } }
    /// Columns used, indent included.
    public var width: Int { pieces.last.map { $0.column + $0.width } ?? indent }

    /// The columns showing any of the source scalars in `sourceRange`, or nil when none are on this line.
    public func columns(of sourceRange: Range<Int>) -> Range<Int>? {
        let covered = pieces.filter { $0.offset < sourceRange.upperBound && $0.offset + $0.length > sourceRange.lowerBound }
        guard let first = covered.first, let last = covered.last else { return nil }
        return first.column..<(last.column + last.width)
    }
}

/// Word wrapping by display width. Each screen line remembers the source range it came from, so a
/// view can place highlights (search matches, statements) at text offsets.
public enum WrappedText {
    /// A style for the source scalars in `range`, drawn instead of the base style. An empty range
    /// marks the one grapheme that starts there (a cursor in the text).
    public struct Highlight: Hashable, Sendable {
        public var range: Range<Int>
        public var style: Style
        public init(_ range: Range<Int>, _ style: Style) {
            self.range = range
            self.style = style
        }
    }

    /// Wraps `text` into lines of at most `width` columns. Line breaks in the text start new
    /// paragraphs; lines after the first of a paragraph are indented by `hangingIndent`; a word longer
    /// than a line is broken between characters.
    public static func wrap(_ text: String, width: Int, hangingIndent: Int = 0) -> [WrappedLine] {
        guard width > 0 else { return [] }
        let indent = min(max(0, hangingIndent), width - 1)
        var builder = LineBuilder(width: width, hangingIndent: indent)
        var offset = 0
        var word: [Grapheme] = [], spaces: [Grapheme] = []
        for character in text {
            let length = character.unicodeScalars.count
            defer { offset += length }
            if character.isNewline {
                builder.place(word: word, after: spaces)
                builder.endParagraph(next: offset + length)
                word = []
                spaces = []
            } else if character.isWhitespace, !nonBreakingSpaces.contains(character) {
                if !word.isEmpty {
                    builder.place(word: word, after: spaces)
                    word = []
                    spaces = []
                }
                spaces.append(Grapheme(character: character, offset: offset, length: length))
            } else {
                word.append(Grapheme(character: character, offset: offset, length: length))
            }
        }
        builder.place(word: word, after: spaces)
        builder.endParagraph(next: offset)
        return builder.lines
    }

    /// Draws `lines` into `rect`, one per row from its top; pieces inside a highlight take its style
    /// (the last matching highlight wins).
    public static func draw(_ lines: some Collection<WrappedLine>, into screen: inout Screen, in rect: Rect,
                            style: Style = .plain, highlights: [Highlight] = []) {
        for (row, line) in zip(rect.y..<rect.maxY, lines) {
            for piece in line.pieces {
                let highlight = highlights.last { $0.range.overlaps(piece.offset..<(piece.offset + piece.length))
                    || ($0.range.isEmpty && $0.range.lowerBound == piece.offset) }
                screen.put(piece.text, x: rect.x + piece.column, y: row, style: highlight?.style ?? style, clip: rect)
            }
        }
    }

    private static let nonBreakingSpaces: Set<Character> = ["\u{A0}", "\u{2007}", "\u{202F}"]

    struct Grapheme {
        var character: Character
        var offset: Int
        var length: Int
    }

    /// Greedy line filling: a word goes on the current line if it fits after the pending spaces,
    /// otherwise on a new line.
    private struct LineBuilder {
        let width: Int
        let hangingIndent: Int
        var lines: [WrappedLine] = []
        var pieces: [WrappedLine.Piece] = []
        var column = 0
        var lineIndent = 0
        var lineStart = 0
        var startsParagraph = true

        init(width: Int, hangingIndent: Int) {
            self.width = width
            self.hangingIndent = hangingIndent
        }

        mutating func place(word: [Grapheme], after spaces: [Grapheme]) {
            guard !word.isEmpty else { return }    // spaces before a break are not drawn
            let atLineStart = pieces.isEmpty
            // Spaces at the start of a paragraph are indentation and kept; at a soft break, dropped.
            guard !atLineStart || startsParagraph else {
                appendBreaking(layout(word, from: column))
                return
            }
            let spacing = layout(spaces, from: column)
            let spacingWidth = (spacing.last.map { $0.column + $0.width } ?? column) - column
            let laidOut = layout(word, from: column + spacingWidth)
            let wordWidth = (laidOut.last.map { $0.column + $0.width } ?? 0) - (laidOut.first?.column ?? 0)
            if column + spacingWidth + wordWidth <= width {
                append(spacing)
                append(laidOut)
            } else if atLineStart {
                append(spacing.filter { $0.column + $0.width <= width })
                if !pieces.isEmpty, wordWidth <= width - hangingIndent { newLine() }
                appendBreaking(layout(word, from: column))
            } else if wordWidth > width - hangingIndent, column + spacingWidth < width {
                // Too long for any line: start it here rather than leave this line short.
                append(spacing)
                appendBreaking(layout(word, from: column))
            } else {
                newLine()
                appendBreaking(layout(word, from: column))
            }
        }

        /// Ends the paragraph; the next one starts at source offset `next`.
        mutating func endParagraph(next: Int) {
            finishLine()
            column = 0
            lineIndent = 0
            lineStart = next
            startsParagraph = true
        }

        private mutating func newLine() {
            finishLine()
            column = hangingIndent
            lineIndent = hangingIndent
            startsParagraph = false
        }

        private mutating func finishLine() {
            let start = pieces.first?.offset ?? lineStart
            let end = pieces.last.map { $0.offset + $0.length } ?? start
            lines.append(WrappedLine(range: start..<end, indent: lineIndent, pieces: pieces))
            lineStart = end
            pieces = []
        }

        private mutating func append(_ laidOut: [WrappedLine.Piece]) {
            pieces.append(contentsOf: laidOut)
            column = laidOut.last.map { $0.column + $0.width } ?? column
        }

        /// Appends a word laid out from the current column, continuing on new lines where it is
        /// wider than what is left (words hold no tabs, so their pieces can move).
        private mutating func appendBreaking(_ laidOut: [WrappedLine.Piece]) {
            var shift = 0
            for var piece in laidOut {
                piece.column -= shift
                if piece.column + piece.width > width, !pieces.isEmpty {
                    let overflowing = piece.column
                    newLine()
                    shift += overflowing - column
                    piece.column = column
                }
                pieces.append(piece)
                column = piece.column + piece.width
            }
        }

        private func layout(_ graphemes: [Grapheme], from start: Int) -> [WrappedLine.Piece] {
            var column = start
            var result: [WrappedLine.Piece] = []
            for grapheme in graphemes {
                for piece in TerminalText.displayPieces(String(grapheme.character), startColumn: column) {
                    result.append(WrappedLine.Piece(text: piece.text, column: column, width: piece.width,
                                                    offset: grapheme.offset, length: grapheme.length))
                    column += piece.width
                }
            }
            return result
        }
    }
}
