/// A box centred over the screen for help, pickers and messages, in the `popup` slots.
public enum Popup {
    /// The rectangle of a popup of `size` (border included) centred in `bounds`, shrunk to leave a
    /// one-cell margin when the screen is small.
    public static func frame(size: Size, in bounds: Rect) -> Rect {
        let width = min(size.width, max(0, bounds.width - 2))
        let height = min(size.height, max(0, bounds.height - 2))
        return Rect(x: bounds.x + (bounds.width - width) / 2, y: bounds.y + (bounds.height - height) / 2,
                    width: width, height: height)
    }

    /// Clears the popup's area, draws its border and title, and returns the inside for its content.
    @discardableResult
    public static func draw(into screen: inout Screen, size: Size, title: String? = nil, note: String? = nil,
                            in bounds: Rect? = nil) -> Rect {
        let frame = frame(size: size, in: bounds ?? screen.bounds)
        screen.fill(frame, style: Style(.popup))
        return Box.draw(into: &screen, frame, title: title, note: note,
                        borderStyle: Style(.popupBorder), titleStyle: Style(.popupTitle))
    }

    /// A popup showing `text` wrapped to at most `maxWidth` columns of content, sized to fit it.
    @discardableResult
    public static func message(into screen: inout Screen, title: String, text: String, style: Style = Style(.popup),
                               maxWidth: Int = 60) -> Rect {
        let available = max(1, min(maxWidth, screen.size.width - 4))
        let lines = WrappedText.wrap(text, width: available)
        let contentWidth = max(lines.map(\.width).max() ?? 0, TerminalText.width(title) + 4)
        let inside = draw(into: &screen, size: Size(width: min(available, contentWidth) + 2, height: lines.count + 2),
                          title: title)
        WrappedText.draw(lines, into: &screen, in: inside, style: style)
        return inside
    }
}
