/// What a backend writes for one cell, reconciled with the C library's idea of character width
/// (`wcwidth`), which is what curses uses to place the cursor. Our `TextWidth` is locale-free and
/// sometimes newer; where the two disagree, the cell is drawn in a way that keeps columns aligned.
public struct CellOutput: Hashable, Sendable {
    /// A spacing character followed by combining characters (at most `maxScalars` in all).
    public var scalars: [Unicode.Scalar]
    /// The cell is wide for us but narrow for the C library: write a space into the continuation
    /// column too, so nothing stale is left there.
    public var padsContinuation: Bool

    /// curses holds a spacing character plus up to four non-spacing ones per cell (CCHARW_MAX = 5).
    public static let maxScalars = 5

    public init(scalars: [Unicode.Scalar], padsContinuation: Bool = false) {
        self.scalars = scalars
        self.padsContinuation = padsContinuation
    }

    /// `systemWidth` is `wcwidth` for one scalar (negative when the C library does not know it).
    /// The one scalar to write for `cell` when it needs no reconciling: one column of ASCII (printable,
    /// after sanitising), which every C library measures as we do. Most cells are such, and a
    /// backend writes them without making a `CellOutput`.
    public static func plainScalar(of cell: Cell) -> Unicode.Scalar? {
        guard cell.width == 1, let only = cell.content.scalar, only.isASCII else { return nil }
        return only
    }

    public init(cell: Cell, systemWidth: (Unicode.Scalar) -> Int) {
        if let plain = CellOutput.plainScalar(of: cell) {
            self.init(scalars: [plain])
            return
        }
        let text = cell.text.unicodeScalars
        guard let first = text.first else {
            self.init(scalars: [" "])
            return
        }
        // Only non-spacing scalars may follow the first; a ZWJ sequence is cut to its first emoji,
        // since curses cannot hold the rest in one cell.
        var scalars = [first]
        for scalar in text.dropFirst() {
            if scalar == "\u{200D}" || systemWidth(scalar) != 0 || scalars.count == CellOutput.maxScalars { break }
            scalars.append(scalar)
        }
        let width = systemWidth(first)
        let wanted = max(1, Int(cell.width))
        if width == wanted {
            self.init(scalars: scalars)
        } else if width == 1 {
            // Emoji presentation (VS16) that the C library counts as narrow: draw the plain form.
            self.init(scalars: scalars.filter { $0 != "\u{FE0F}" }, padsContinuation: wanted == 2)
        } else {
            self.init(scalars: ["\u{FFFD}"], padsContinuation: wanted == 2)
        }
    }
}
