import Terminal

/// A bordered pane with a title on the top edge and a note on the bottom edge. The focused pane
/// is drawn with heavy lines as well as its own slots, so focus shows without colour. The app's
/// own until the Terminal kit's `Box` is merged.
enum PaneFrame {
    static func draw(_ rect: Rect, title: String, footer: String = "", focused: Bool, into screen: inout Screen) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let lines = focused
            ? (h: "━", v: "┃", tl: "┏", tr: "┓", bl: "┗", br: "┛")
            : (h: "─", v: "│", tl: "┌", tr: "┐", bl: "└", br: "┘")
        let border = Style(focused ? .paneBorderFocused : .paneBorder)
        let horizontal = String(repeating: lines.h, count: rect.width - 2)
        screen.put(lines.tl + horizontal + lines.tr, x: rect.x, y: rect.y, style: border)
        screen.put(lines.bl + horizontal + lines.br, x: rect.x, y: rect.maxY - 1, style: border)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            screen.put(lines.v, x: rect.x, y: y, style: border)
            screen.put(lines.v, x: rect.maxX - 1, y: y, style: border)
        }
        let edge = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1)
        if !title.isEmpty {
            screen.put(" \(title) ", x: rect.x + 2, y: rect.y,
                       style: Style(focused ? .paneTitleFocused : .paneTitle, focused ? [.bold] : []),
                       clip: edge)
        }
        if !footer.isEmpty {
            let text = " \(footer) "
            let width = TerminalText.width(text)
            let bottom = Rect(x: rect.x + 1, y: rect.maxY - 1, width: rect.width - 2, height: 1)
            screen.put(text, x: max(rect.x + 1, rect.maxX - 2 - width), y: rect.maxY - 1, style: border, clip: bottom)
        }
    }
}
