/// One piece of a status bar.
public enum StatusItem: Hashable, Sendable {
    /// Plain text in the `status` slot.
    case text(String)
    /// The current mode ("NORMAL", "SEARCH"), padded, in `status.mode`.
    case mode(String)
    /// A key hint: the key in `status.key`, then its label ("q quit").
    case hint(key: String, label: String)
    /// Text in a style of the view's choosing (a stance, an error).
    case styled(String, Style)

    var spans: [(text: String, style: Style)] {
        switch self {
        case .text(let text): return [(text, Style(.status))]
        case .mode(let mode): return [(" \(mode) ", Style(.statusMode))]
        case .hint(let key, let label): return [(key, Style(.statusKey)), (" " + label, Style(.status))]
        case .styled(let text, let style): return [(text, style)]
        }
    }

    var width: Int { spans.reduce(0) { $0 + TerminalText.width($1.text) } }
}

/// A one-row bar of items on the left and on the right, separated by two spaces.
public enum StatusBar {
    public static let separator = "  "

    /// Draws the bar across `rect`'s first row. When space runs short, right items are dropped from
    /// the front (put the least important first), then the left side is cut.
    public static func draw(into screen: inout Screen, _ rect: Rect, left: [StatusItem], right: [StatusItem] = []) {
        guard rect.width > 0, rect.height > 0 else { return }
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        screen.fill(row, style: Style(.status))
        let leftWidth = width(of: left)
        var right = right
        // One cell of margin at each end, and a separator's width between the sides.
        while !right.isEmpty, 1 + leftWidth + separator.count + width(of: right) + 1 > rect.width { right.removeFirst() }
        let rightWidth = width(of: right)
        let rightStart = rect.maxX - 1 - rightWidth
        draw(left, into: &screen, x: rect.x + 1, y: rect.y, limit: right.isEmpty ? rect.maxX - 1 : rightStart - 1)
        draw(right, into: &screen, x: rightStart, y: rect.y, limit: rect.maxX - 1)
    }

    private static func width(of items: [StatusItem]) -> Int {
        items.isEmpty ? 0 : items.reduce(0) { $0 + $1.width } + separator.count * (items.count - 1)
    }

    private static func draw(_ items: [StatusItem], into screen: inout Screen, x: Int, y: Int, limit: Int) {
        var column = x
        for (index, item) in items.enumerated() {
            let spans = (index == 0 ? [] : [(separator, Style(.status))]) + item.spans
            for span in spans where column < limit {
                column += screen.put(span.text, x: column, y: y, style: span.style, maxWidth: limit - column)
            }
        }
    }
}
