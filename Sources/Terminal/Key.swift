/// A key press, as backends report it and keymaps name it.
public enum Key: Hashable, Sendable {
    case char(Character)
    /// Ctrl with a letter: `.ctrl("d")`.
    case ctrl(Character)
    /// Alt (or Esc quickly followed by a key).
    case alt(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)
    /// The terminal changed size; the backend's size is already updated.
    case resize
}
