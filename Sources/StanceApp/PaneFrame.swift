import Terminal

/// A bordered pane with a title on the top edge and a note on the bottom edge. The focused pane
/// is drawn with heavy lines as well as its own slots, so focus shows without colour. The app's
/// own until the Terminal kit's `Box` is merged.
enum PaneFrame {
    static func draw(_ rect: Rect, title: String, footer: String = "", focused: Bool, into screen: inout Screen) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let lines = focused
            ? (h: Character("━"), v: Character("┃"), tl: "┏", tr: "┓", bl: "┗", br: "┛")
            : (h: Character("─"), v: Character("│"), tl: "┌", tr: "┐", bl: "└", br: "┘")
        let border = Style(focused ? .paneBorderFocused : .paneBorder)
        // Our own line characters need no sanitising: fill places them directly, which keeps a
        // frame's borders cheap.
        screen.fill(Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1), style: border, with: lines.h)
        screen.fill(Rect(x: rect.x + 1, y: rect.maxY - 1, width: rect.width - 2, height: 1), style: border, with: lines.h)
        screen.fill(Rect(x: rect.x, y: rect.y + 1, width: 1, height: rect.height - 2), style: border, with: lines.v)
        screen.fill(Rect(x: rect.maxX - 1, y: rect.y + 1, width: 1, height: rect.height - 2), style: border, with: lines.v)
        screen.put(lines.tl, x: rect.x, y: rect.y, style: border)
        screen.put(lines.tr, x: rect.maxX - 1, y: rect.y, style: border)
        screen.put(lines.bl, x: rect.x, y: rect.maxY - 1, style: border)
        screen.put(lines.br, x: rect.maxX - 1, y: rect.maxY - 1, style: border)
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
