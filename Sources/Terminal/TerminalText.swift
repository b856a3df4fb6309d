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
        walk(concrete(text), startColumn: startColumn, ascii: { asciiText[Int($0) - 0x20] }, other: { String($0) }, body)
    }

    /// As `forEachPiece`, each piece as the text of a cell: what `Screen.put` stores, without making
    /// a `String` for each ASCII character.
    static func forEachCellText(of text: some StringProtocol, startColumn: Int = 0,
                                _ body: (_ text: CellText, _ width: Int) -> Bool) {
        walk(concrete(text), startColumn: startColumn, ascii: { CellText(Unicode.Scalar($0)) },
             other: { CellText(String($0)) }, body)
    }

    /// Walking a generic StringProtocol from another module is unspecialised (tens of instructions
    /// a byte): walk a concrete String instead.
    private static func concrete(_ text: some StringProtocol) -> String {
        text as? String ?? String(decoding: text.utf8, as: UTF8.self)
    }

    /// The walk behind `forEachPiece` and `forEachCellText`: `ascii` makes the piece of a printable
    /// ASCII byte, `other` that of any other drawable grapheme.
    private static func walk<Piece>(_ text: String, startColumn: Int, ascii: (UInt8) -> Piece,
                                    other: (Character) -> Piece, _ body: (_ piece: Piece, _ width: Int) -> Bool) {
        // Printable ASCII (most of what is drawn) is safe and one column wide, a byte a piece.
        if isPrintableASCII(text) {
            for byte in text.utf8 { guard body(ascii(byte), 1) else { return } }
            return
        }
        var column = startColumn
        for character in text {
            // The same for each ASCII character of a mixed string. "\r\n" is one Character
            // whose asciiValue is a control, so it is not taken here.
            if let byte = character.asciiValue, byte >= 0x20, byte < 0x7F {
                guard body(ascii(byte), 1) else { return }
                column += 1
                continue
            }
            if character.asciiValue == 0x09 {   // a tab
                let spaces = tabWidth - ((column % tabWidth) + tabWidth) % tabWidth
                for _ in 0..<spaces { guard body(ascii(0x20), 1) else { return } }
                column += spaces
                continue
            }
            // One scalar that sanitising keeps (most non-ASCII text: letters, punctuation, line
            // drawing, stance glyphs) is its own piece, without building a cleaned copy.
            let scalars = character.unicodeScalars
            if let only = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex,
               case .keep = fate(of: only) {
                let width = TextWidth.columns(of: character)
                guard width > 0 else { continue }
                guard body(other(character), width) else { return }
                column += width
                continue
            }
            let cleaned = sanitize(character)
            guard !cleaned.isEmpty else { continue }
            // A cleaned cluster may have split into several pieces (a control with combining marks).
            for piece in cleaned {
                let width = TextWidth.columns(of: piece)
                guard width > 0 else { continue }
                guard body(other(piece), width) else { return }
                column += width
            }
        }
    }

    /// The one-character strings of printable ASCII, made once rather than per cell drawn.
    private static let asciiText: [String] = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }

    private static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// The columns `text` takes once sanitised.
    public static func width(_ text: some StringProtocol, startColumn: Int = 0) -> Int {
        if let string = text as? String, isPrintableASCII(string) { return string.utf8.count }
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
        if let string = text as? String, isPrintableASCII(string) {
            return string.utf8.count <= width ? string : string.prefix(width - 1) + "…"
        }
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
            switch fate(of: scalar) {
            case .keep:
                out.append(scalar)
            case .drop:
                changed = true
            case .replace(let replacement):
                out.append(replacement)
                changed = true
            }
        }
        return changed ? String(out) : String(character)
    }

    private enum ScalarFate {
        case keep, drop, replace(Unicode.Scalar)
    }

    /// What sanitising does with one scalar.
    private static func fate(of scalar: Unicode.Scalar) -> ScalarFate {
        let value = scalar.value
        if value < 0x20 { return .replace(Unicode.Scalar(0x2400 + value)!) }   // ␀..␟, ESC as ␛
        if value == 0x7F { return .replace("\u{2421}") }                       // ␡
        if (0x80...0x9F).contains(value) { return .replace("\u{FFFD}") }
        if value == 0x200C || value == 0x200D { return .keep }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator: return .drop
        case .unassigned, .privateUse, .surrogate: return .replace("\u{FFFD}")
        default: return .keep
        }
    }
}
