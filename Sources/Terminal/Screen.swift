#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one cell shows, in four bytes: a grapheme cluster of one Unicode scalar (nearly every cell)
/// is that scalar; any other cluster (a letter with combining marks, an emoji sequence, the empty
/// text of a continuation) is its number among the clusters seen, counted from above the last scalar.
public struct CellText: Hashable, Sendable {
    private let rawValue: UInt32

    /// Where cluster numbers start: past U+10FFFF, so they never collide with a scalar.
    private static let firstClusterValue: UInt32 = 0x11_0000
    private static let clusters = InternTable()

    public init(_ text: String) {
        var scalars = text.unicodeScalars.makeIterator()
        if let first = scalars.next(), scalars.next() == nil {
            rawValue = first.value
        } else {
            rawValue = CellText.firstClusterValue + CellText.clusters.number(for: text)
        }
    }

    public init(_ scalar: Unicode.Scalar) { rawValue = scalar.value }

    /// The text when it is one scalar; nil for a longer cluster or the empty text.
    public var scalar: Unicode.Scalar? {
        rawValue < CellText.firstClusterValue ? Unicode.Scalar(rawValue) : nil
    }

    public var string: String {
        if let scalar { return String(Character(scalar)) }
        return CellText.clusters.string(numbered: rawValue - CellText.firstClusterValue)
    }

    public static let space = CellText(" ")
    public static let empty = CellText("")
}

/// One cell of the screen: a grapheme cluster and how to draw it. A wide character occupies two
/// cells: the first holds it with `width` 2, the second is a continuation with `width` 0 and no text.
/// Eight bytes of plain values (no padding, no references), so frames fill, copy and diff as memory.
public struct Cell: Hashable, Sendable {
    public var content: CellText
    public var style: Style
    public var width: UInt8

    public init(_ content: CellText, width: UInt8 = 1, style: Style = .plain) {
        self.content = content
        self.style = style
        self.width = width
    }

    public init(_ text: String = " ", width: UInt8 = 1, style: Style = .plain) {
        self.init(CellText(text), width: width, style: style)
    }

    public var text: String {
        get { content.string }
        set { content = CellText(newValue) }
    }

    public static let blank = Cell()
    static func continuation(_ style: Style) -> Cell { Cell(CellText.empty, width: 0, style: style) }
    public var isContinuation: Bool { width == 0 }
}

/// An in-memory grid of cells. Views draw into it and never touch the terminal; a backend flushes
/// it (only the cells that changed), and tests compare its text with expected screens.
public struct Screen: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    public init(width: Int, height: Int) { self.init(size: Size(width: width, height: height)) }

    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// Writes `text` at (x, y), sanitised for the terminal (see `TerminalText`), clipped to `clip`
    /// (default: the whole screen) and to `maxWidth` columns. Returns the columns used. A wide
    /// character that would straddle the clip edge is replaced by a space, never split.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain,
                             maxWidth: Int = .max, clip: Rect? = nil) -> Int {
        let area = clip ?? bounds
        guard y >= area.y, y < area.maxY, y >= 0, y < size.height else { return 0 }
        let limit = min(area.maxX, size.width, x > Int.max - maxWidth ? Int.max : x + maxWidth)
        var column = x
        TerminalText.forEachCellText(of: text, startColumn: x) { piece, width in
            let placed = place(piece, width: width, x: column, y: y, style: style, area: area, limit: limit)
            column += placed
            return placed == width
        }
        return column - x
    }

    /// Writes one piece that is already sanitised and measured (a piece of
    /// `TerminalText.displayPieces`, kept from an earlier measuring) at (x, y), clipped like `put`.
    /// Returns the columns used: `width`, fewer where the clip cut it, 0 outside the clip.
    @discardableResult
    public mutating func putPiece(_ text: CellText, width: Int, x: Int, y: Int, style: Style = .plain,
                                  clip: Rect? = nil) -> Int {
        let area = clip ?? bounds
        guard width > 0, y >= area.y, y < area.maxY, y >= 0, y < size.height else { return 0 }
        return place(text, width: width, x: x, y: y, style: style, area: area, limit: min(area.maxX, size.width))
    }

    /// Stores one drawable piece at column `x` of row `y` when it fits before `limit`; half a wide
    /// character that fits shows as a space rather than split the character. Returns the columns used.
    private mutating func place(_ text: CellText, width: Int, x column: Int, y: Int, style: Style, area: Rect,
                                limit: Int) -> Int {
        if column + width > limit {
            guard column < limit, column >= area.x, column >= 0 else { return 0 }
            setCell(Cell(.space, style: style), x: column, y: y)
            return 1
        }
        if column >= area.x, column >= 0 {
            setCell(Cell(text, width: UInt8(width), style: style), x: column, y: y)
        } else if column + width > area.x, column + width > 0 {
            setCell(Cell(.space, style: style), x: column + 1, y: y)   // right half inside the clip
        }
        return width
    }

    /// Sets the style of every cell in `rect` to `style` and its text to `character`.
    public mutating func fill(_ rect: Rect, style: Style = .plain, with character: Character = " ") {
        let area = clipped(rect)
        guard !area.isEmpty else { return }
        let cell = Cell(String(character), width: 1, style: style)
        for row in area.y..<area.maxY {
            clearWide(at: area.x, y: row)
            clearWide(at: area.maxX - 1, y: row)
        }
        let width = size.width
        cells.withUnsafeMutableBufferPointer { cells in
            for row in area.y..<area.maxY {
                let start = row * width + area.x
                UnsafeMutableBufferPointer(rebasing: cells[start..<start + area.width]).update(repeating: cell)
            }
        }
    }

    /// Changes the style of the cells in `rect`, keeping their text (selection, highlights).
    /// A wide character cut by the rectangle's edge is restyled whole, since it is drawn in one style.
    public mutating func restyle(_ rect: Rect, _ transform: (inout Style) -> Void) {
        let area = clipped(rect)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            let start = self[area.x, row].isContinuation ? area.x - 1 : area.x
            let end = self[area.maxX - 1, row].width == 2 && area.maxX < size.width ? area.maxX + 1 : area.maxX
            for column in start..<end { transform(&self[column, row].style) }
        }
    }

    /// The text of row `y`, with trailing spaces kept (a wide character appears once).
    public func row(_ y: Int) -> String {
        var line = ""
        for column in 0..<size.width where !self[column, y].isContinuation {
            line += self[column, y].text
        }
        return line
    }

    /// The screen as plain text lines with trailing spaces trimmed, as `tmux capture-pane -p` shows it.
    public var lines: [String] {
        (0..<size.height).map { y in
            var line = row(y)
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The positions whose cell differs from `previous` (all of them when sizes differ).
    public func changedPositions(since previous: Screen?) -> [(x: Int, y: Int)] {
        var changed: [(x: Int, y: Int)] = []
        guard let previous, previous.size == size else {
            for y in 0..<size.height { for x in 0..<size.width { changed.append((x, y)) } }
            return changed
        }
        let width = size.width
        cells.withUnsafeBufferPointer { cells in
            previous.cells.withUnsafeBufferPointer { before in
                guard let now = cells.baseAddress, let then = before.baseAddress else { return }
                for y in 0..<size.height {
                    let start = y * width
                    // Most rows of a frame are as they were: equal bytes mean equal cells (a cell is
                    // plain values), so an unchanged row costs one memory comparison.
                    if memcmp(now + start, then + start, width * MemoryLayout<Cell>.stride) == 0 { continue }
                    for x in 0..<width where cells[start + x] != before[start + x] { changed.append((x, y)) }
                }
            }
        }
        return changed
    }

    private func clipped(_ rect: Rect) -> Rect {
        let x0 = max(rect.x, 0), y0 = max(rect.y, 0)
        let x1 = min(rect.maxX, size.width), y1 = min(rect.maxY, size.height)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// Stores a one- or two-column cell at (x, y), keeping wide characters around it whole.
    private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        clearWide(at: x, y: y)
        self[x, y] = cell
        if cell.width == 2 {
            clearWide(at: x + 1, y: y)
            self[x + 1, y] = .continuation(cell.style)
        }
    }

    /// Overwriting half of a wide character blanks its other half, so no orphan half is left.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < size.width else { return }
        let cell = self[x, y]
        if cell.isContinuation, x > 0 {
            self[x - 1, y] = Cell(.space, style: self[x - 1, y].style)
        } else if cell.width == 2, x + 1 < size.width {
            self[x + 1, y] = Cell(.space, style: cell.style)
        }
    }
}
