import TextWidth

/// Text made safe and measured for the terminal. Article text is hostile input: control characters
/// and escape sequences must never reach the terminal raw, bidi controls must not reorder the
/// screen, and widths must match what the terminal will draw.
public enum TerminalText {
    public static let tabWidth = 8

    /// One drawable grapheme and the columns it takes (1 or 2).
    public struct Piece: Hashable, Sendable {
        public var text: String
        public var width: Int
    }

    /// Splits `text` into drawable pieces: tabs expand to spaces up to the next tab stop (counted
    /// from `startColumn`), C0/C1 controls and DEL become their visible Control Pictures (U+2400
    /// block; ESC shows as ␛), format characters (bidi controls and other Cf) except ZWJ and ZWNJ
    /// are dropped, unassigned and private-use code points become U+FFFD.
    public static func displayPieces(_ text: some StringProtocol, startColumn: Int = 0) -> [Piece] {
        var pieces: [Piece] = []
        forEachPiece(of: text, startColumn: startColumn) { text, width in
            pieces.append(Piece(text: text, width: width))
            return true
        }
        return pieces
    }

    /// Calls `body` with each drawable piece of `text` and its width, as `displayPieces` lists
    /// them, until `body` returns false. Draws without collecting: this runs for every string of
    /// every frame.
    public static func forEachPiece(of text: some StringProtocol, startColumn: Int = 0,
                                    _ body: (_ text: String, _ width: Int) -> Bool) {
        // Walking a generic StringProtocol from another module is unspecialised (tens of
        // instructions a byte): walk a concrete String instead.
        if let string = text as? String {
            forEachPiece(ofString: string, startColumn: startColumn, body)
        } else {
            forEachPiece(ofString: String(decoding: text.utf8, as: UTF8.self), startColumn: startColumn, body)
        }
    }

    private static func forEachPiece(ofString text: String, startColumn: Int,
                                     _ body: (_ text: String, _ width: Int) -> Bool) {
        // Printable ASCII (most of what is drawn) is safe and one column wide, a byte a piece.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in text.utf8 { guard body(asciiText[Int(byte) - 0x20], 1) else { return } }
            return
        }
        var column = startColumn
        for character in text {
            // The same for each ASCII character of a mixed string. "\r\n" is one Character
            // whose asciiValue is a control, so it is not taken here.
            if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
                guard body(asciiText[Int(ascii) - 0x20], 1) else { return }
                column += 1
                continue
            }
            if character == "\t" {
                let spaces = tabWidth - ((column % tabWidth) + tabWidth) % tabWidth
                for _ in 0..<spaces { guard body(" ", 1) else { return } }
                column += spaces
                continue
            }
            let cleaned = sanitize(character)
            guard !cleaned.isEmpty else { continue }
            // A cleaned cluster may have split into several pieces (a control with combining marks).
            for piece in cleaned {
                let width = TextWidth.columns(of: piece)
                guard width > 0 else { continue }
                guard body(String(piece), width) else { return }
                column += width
            }
        }
    }

    /// The one-character strings of printable ASCII, made once rather than per cell drawn.
    private static let asciiText: [String] = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }

    /// The columns `text` takes once sanitised.
    public static func width(_ text: some StringProtocol, startColumn: Int = 0) -> Int {
        var width = 0
        forEachPiece(of: text, startColumn: startColumn) { _, pieceWidth in
            width += pieceWidth
            return true
        }
        return width
    }

    /// `text` cut to at most `width` columns, ending in "…" when something was cut.
    public static func truncated(_ text: some StringProtocol, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        let pieces = displayPieces(text)
        if pieces.reduce(0, { $0 + $1.width }) <= width { return pieces.reduce(into: "") { $0 += $1.text } }
        var result = "", used = 0
        for piece in pieces {
            if used + piece.width > width - 1 { break }
            result += piece.text
            used += piece.width
        }
        return result + "…"
    }

    /// `text` with every unsafe character replaced or dropped, as `displayPieces` would draw it.
    public static func sanitized(_ text: some StringProtocol) -> String {
        displayPieces(text).reduce(into: "") { $0 += $1.text }
    }

    private static func sanitize(_ character: Character) -> String {
        var out = String.UnicodeScalarView()
        var changed = false
        for scalar in character.unicodeScalars {
            let value = scalar.value
            if value < 0x20 {
                out.append(Unicode.Scalar(0x2400 + value)!)   // ␀..␟, ESC as ␛
                changed = true
            } else if value == 0x7F {
                out.append("\u{2421}")                         // ␡
                changed = true
            } else if (0x80...0x9F).contains(value) {
                out.append("\u{FFFD}")
                changed = true
            } else if value == 0x200C || value == 0x200D {
                out.append(scalar)
            } else {
                switch scalar.properties.generalCategory {
                case .format, .lineSeparator, .paragraphSeparator:
                    changed = true
                case .unassigned, .privateUse, .surrogate:
                    out.append("\u{FFFD}")
                    changed = true
                default:
                    out.append(scalar)
                }
            }
        }
        return changed ? String(out) : String(character)
    }
}
