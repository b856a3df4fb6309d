/// A one-line text input (search, command line, type-ahead): the text and a cursor between
/// characters, edited with the usual readline keys.
public struct TextField: Hashable, Sendable {
    public private(set) var text: String
    /// The cursor, in characters from the start (0...text.count).
    public private(set) var cursor: Int

    public init(_ text: String = "", cursor: Int? = nil) {
        self.text = text
        self.cursor = min(max(0, cursor ?? text.count), text.count)
    }

    /// What a key did.
    public enum Edit: Hashable, Sendable {
        /// The text changed.
        case changed
        /// Handled, text unchanged: the cursor moved, or there was nothing to delete.
        case moved
        /// Not an editing key (Enter, Esc, Tab...): the caller decides.
        case unhandled
    }

    /// Applies an editing key: characters insert; Backspace/Ctrl-H and Delete/Ctrl-D delete; arrows,
    /// Home/End, Ctrl-A/E/B/F and Alt-B/F move; Ctrl-W and Alt-D delete a word; Ctrl-U and Ctrl-K
    /// delete to the start and end.
    @discardableResult
    public mutating func handle(_ key: Key) -> Edit {
        switch key {
        case .char(let character): insert(String(character)); return .changed
        case .backspace, .ctrl("h"): return delete(cursor > 0 ? (cursor - 1)..<cursor : nil)
        case .delete, .ctrl("d"): return delete(cursor < text.count ? cursor..<(cursor + 1) : nil)
        case .ctrl("w"): return delete(wordStart(before: cursor)..<cursor)
        case .alt("d"): return delete(cursor..<wordEnd(after: cursor))
        case .ctrl("u"): return delete(0..<cursor)
        case .ctrl("k"): return delete(cursor..<text.count)
        case .left, .ctrl("b"): return move(to: cursor - 1)
        case .right, .ctrl("f"): return move(to: cursor + 1)
        case .home, .ctrl("a"): return move(to: 0)
        case .end, .ctrl("e"): return move(to: text.count)
        case .alt("b"): return move(to: wordStart(before: cursor))
        case .alt("f"): return move(to: wordEnd(after: cursor))
        default: return .unhandled
        }
    }

    /// Inserts `string` at the cursor (pasted text included) and moves the cursor past it.
    public mutating func insert(_ string: String) {
        let index = text.index(text.startIndex, offsetBy: cursor)
        text.insert(contentsOf: string, at: index)
        cursor += string.count
    }

    /// Replaces the whole text, cursor at the end (completion, history).
    public mutating func setText(_ newText: String) {
        text = newText
        cursor = newText.count
    }

    /// Draws `prompt` and the text on `rect`'s first row, scrolled so the cursor shows; the cell under
    /// the cursor takes `cursorStyle` (pass nil when the field does not have focus).
    public func draw(into screen: inout Screen, _ rect: Rect, prompt: String = "", style: Style = .plain,
                     cursorStyle: Style? = Style(.cursor)) {
        guard rect.width > 0, rect.height > 0 else { return }
        screen.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: style)
        let promptWidth = screen.put(prompt, x: rect.x, y: rect.y, style: style, maxWidth: rect.width - 1)
        let available = rect.width - promptWidth
        let characters = Array(text)
        let widths = characters.map { TerminalText.width(String($0)) }
        // The first character shown: as early as possible while the cursor cell still fits.
        var first = cursor
        var used = 1
        while first > 0, used + widths[first - 1] <= available {
            first -= 1
            used += widths[first]
        }
        var column = rect.x + promptWidth
        for index in first..<characters.count {
            let cellStyle = index == cursor ? (cursorStyle ?? style) : style
            let drawn = screen.put(String(characters[index]), x: column, y: rect.y, style: cellStyle,
                                   maxWidth: rect.maxX - column)
            if drawn < widths[index] || column + drawn >= rect.maxX { break }
            column += drawn
        }
        if cursor == characters.count, let cursorStyle, column < rect.maxX {
            screen.put(" ", x: column, y: rect.y, style: cursorStyle)
        }
    }

    private mutating func delete(_ range: Range<Int>?) -> Edit {
        guard let range, !range.isEmpty else { return .moved }
        let lower = text.index(text.startIndex, offsetBy: range.lowerBound)
        let upper = text.index(lower, offsetBy: range.count)
        text.removeSubrange(lower..<upper)
        cursor = range.lowerBound
        return .changed
    }

    private mutating func move(to position: Int) -> Edit {
        cursor = min(max(0, position), text.count)
        return .moved
    }

    private func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    private func wordStart(before position: Int) -> Int {
        let characters = Array(text)
        var index = position
        while index > 0, !isWordCharacter(characters[index - 1]) { index -= 1 }
        while index > 0, isWordCharacter(characters[index - 1]) { index -= 1 }
        return index
    }

    private func wordEnd(after position: Int) -> Int {
        let characters = Array(text)
        var index = position
        while index < characters.count, !isWordCharacter(characters[index]) { index += 1 }
        while index < characters.count, isWordCharacter(characters[index]) { index += 1 }
        return index
    }
}
