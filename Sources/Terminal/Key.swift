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

extension Key {
    /// Names of the keys that are not characters, as help screens show them and keymaps write them.
    private static let namedKeys: [(Key, String)] = [
        (.up, "Up"), (.down, "Down"), (.left, "Left"), (.right, "Right"), (.home, "Home"), (.end, "End"),
        (.pageUp, "PgUp"), (.pageDown, "PgDn"), (.enter, "Enter"), (.escape, "Esc"), (.tab, "Tab"),
        (.backTab, "S-Tab"), (.backspace, "Backspace"), (.delete, "Del"), (.insert, "Ins"), (.resize, "Resize"),
    ]

    /// How help text and keymap files write the key: `q`, `Space`, `C-r`, `M-x`, `Enter`, `PgDn`, `F5`.
    public var notation: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let character): return String(character)
        case .ctrl(let character): return "C-" + (character == " " ? "Space" : String(character))
        case .alt(let character): return "M-" + (character == " " ? "Space" : String(character))
        case .function(let number): return "F\(number)"
        default: return Key.namedKeys.first { $0.0 == self }?.1 ?? "?"
        }
    }

    /// Reads `notation` back; names are case-insensitive, and `Ctrl-`/`Alt-` are accepted for `C-`/`M-`.
    public init?(notation: String) {
        let lowered = notation.lowercased()
        func single(_ rest: Substring) -> Character? {
            if rest.lowercased() == "space" { return " " }
            return rest.count == 1 ? rest.first : nil
        }
        for (prefixes, make) in [(["c-", "ctrl-"], Key.ctrl), (["m-", "alt-"], Key.alt)] {
            if let prefix = prefixes.first(where: { lowered.hasPrefix($0) && notation.count > $0.count }) {
                guard let character = single(notation.dropFirst(prefix.count)) else { return nil }
                self = make(prefixes[0] == "c-" ? Character(character.lowercased()) : character)
                return
            }
        }
        if let named = Key.namedKeys.first(where: { $0.1.lowercased() == lowered }) {
            self = named.0
        } else if lowered == "space" {
            self = .char(" ")
        } else if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...63).contains(number) {
            self = .function(number)
        } else if notation.count == 1, let character = notation.first {
            self = .char(character)
        } else {
            return nil
        }
    }
}
