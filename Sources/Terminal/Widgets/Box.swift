/// A pane's border in light box-drawing characters, with a title in the top edge and an optional
/// note (such as the scroll position) in the bottom edge.
public enum Box {
    /// Draws the border of `rect` and returns the inside. Focus decides the slots unless
    /// `borderStyle`/`titleStyle` are given (popups use their own).
    @discardableResult
    public static func draw(into screen: inout Screen, _ rect: Rect, title: String? = nil, note: String? = nil,
                            focused: Bool = false, borderStyle: Style? = nil, titleStyle: Style? = nil) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let border = borderStyle ?? Style(focused ? .paneBorderFocused : .paneBorder)
        let heading = titleStyle ?? Style(focused ? .paneTitleFocused : .paneTitle)
        let horizontal = String(repeating: "─", count: rect.width - 2)
        screen.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: border)
        screen.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: border)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            screen.put("│", x: rect.x, y: row, style: border)
            screen.put("│", x: rect.maxX - 1, y: row, style: border)
        }
        // "┌─ Title ─┐": the title needs the corner, a rule and a space on each side.
        if let title, !title.isEmpty, rect.width > 6 {
            let text = " " + TerminalText.truncated(title, toWidth: rect.width - 6) + " "
            screen.put(text, x: rect.x + 2, y: rect.y, style: heading)
        }
        if let note, !note.isEmpty, rect.width > 6 {
            let text = " " + TerminalText.truncated(note, toWidth: rect.width - 6) + " "
            screen.put(text, x: rect.maxX - 2 - TerminalText.width(text), y: rect.maxY - 1, style: border)
        }
        return rect.inset(by: 1)
    }
}
