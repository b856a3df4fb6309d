import Terminal

/// Names of keys as the help screen, the status bar and the key-binding table write them, and as
/// scripts (`--keys`) and keymap files name them.
public enum KeyNames {
    public static func name(of key: Key) -> String {
        switch key {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .alt(let c): return "Alt-" + String(c)
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .function(let n): return "F\(n)"
        case .resize: return "Resize"
        }
    }

    /// The key a name denotes: "j", "Space", "Ctrl-D", "Alt-x", "PgDn", "F5", "Shift-Tab"...
    public static func key(named name: String) -> Key? {
        if name.count == 1, let character = name.first { return .char(character) }
        if let key = named[name.lowercased()] { return key }
        for (prefix, make) in [("ctrl-", Key.ctrl), ("alt-", Key.alt)] as [(String, (Character) -> Key)] {
            if name.lowercased().hasPrefix(prefix), name.count == prefix.count + 1, let last = name.last {
                return make(prefix == "ctrl-" ? Character(last.lowercased()) : last)
            }
        }
        if name.count > 1, name.first == "F" || name.first == "f", let number = Int(name.dropFirst()), (1...24).contains(number) {
            return .function(number)
        }
        return nil
    }

    private static let named: [String: Key] = {
        let keys: [Key] = [.char(" "), .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .enter, .escape,
                           .tab, .backTab, .backspace, .delete, .insert]
        var table = Dictionary(keys.map { (name(of: $0).lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        table["return"] = .enter
        table["esc"] = .escape
        table["escape"] = .escape
        table["pagedown"] = .pageDown
        table["pageup"] = .pageUp
        return table
    }()
}
