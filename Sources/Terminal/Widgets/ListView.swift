/// A selection in a list of `count` rows and the window of rows on screen. The window scrolls as
/// little as possible to keep the selection visible.
public struct ListView: Hashable, Sendable {
    public private(set) var count: Int
    public private(set) var selection: Int
    /// The first row shown.
    public private(set) var offset: Int

    public init(count: Int = 0, selection: Int = 0, offset: Int = 0) {
        self.count = max(0, count)
        self.selection = 0
        self.offset = max(0, offset)
        self.selection = clamped(selection)
    }

    /// The rows shown in a window of `height` rows.
    public func visibleRows(height: Int) -> Range<Int> {
        offset..<min(count, offset + max(0, height))
    }

    /// Changes the number of rows (the list was filtered or grew), keeping the selection in range.
    public mutating func setCount(_ newCount: Int, height: Int) {
        count = max(0, newCount)
        select(selection, height: height)
    }

    /// Selects `index` (clamped to the rows) and scrolls it into view.
    public mutating func select(_ index: Int, height: Int) {
        selection = clamped(index)
        reveal(height: height)
    }

    public mutating func move(by rows: Int, height: Int) { select(selection + rows, height: height) }

    /// A page down (positive) or up: the selection moves by the window's height less one row.
    public mutating func page(_ pages: Int, height: Int) { move(by: pages * max(1, height - 1), height: height) }

    public mutating func selectFirst(height: Int) { select(0, height: height) }
    public mutating func selectLast(height: Int) { select(count - 1, height: height) }

    /// Scrolls so the selection is visible, and so no empty rows show after the last one.
    public mutating func reveal(height: Int) {
        let height = max(1, height)
        if selection < offset { offset = selection }
        if selection >= offset + height { offset = selection - height + 1 }
        offset = max(0, min(offset, count - height))
    }

    /// Draws the visible rows of `rect` with `row(screen, index, rowRect, selected)`, then (unless
    /// `highlightsSelection` is false) gives the selected row the `selection` slot.
    public func draw(into screen: inout Screen, _ rect: Rect, highlightsSelection: Bool = true,
                     row: (inout Screen, Int, Rect, Bool) -> Void) {
        for (line, index) in visibleRows(height: rect.height).enumerated() {
            let rowRect = Rect(x: rect.x, y: rect.y + line, width: rect.width, height: 1)
            let selected = index == selection
            row(&screen, index, rowRect, selected)
            if selected, highlightsSelection { screen.restyle(rowRect) { $0.slot = .selection } }
        }
    }

    private func clamped(_ index: Int) -> Int { count == 0 ? 0 : min(max(0, index), count - 1) }
}
