/// What the terminal library returned for one read: a character, or the code of a function key
/// (arrows, F-keys, resize). Kept separate from curses so the mapping can be tested without a tty.
public enum RawInput: Hashable, Sendable {
    case character(UInt32)
    case functionKey(Int32)
}

/// The function-key codes of the terminal library (the ncurses backend fills them from `KEY_*`).
public struct KeyCodes: Hashable, Sendable {
    public var up, down, left, right: Int32
    public var home, end, pageUp, pageDown: Int32
    public var backspace, delete, insert, enter, backTab, resize: Int32
    /// The code of F0; F1 to F63 follow it.
    public var f0: Int32

    public init(up: Int32, down: Int32, left: Int32, right: Int32, home: Int32, end: Int32, pageUp: Int32,
                pageDown: Int32, backspace: Int32, delete: Int32, insert: Int32, enter: Int32, backTab: Int32,
                resize: Int32, f0: Int32) {
        self.up = up
        self.down = down
        self.left = left
        self.right = right
        self.home = home
        self.end = end
        self.pageUp = pageUp
        self.pageDown = pageDown
        self.backspace = backspace
        self.delete = delete
        self.insert = insert
        self.enter = enter
        self.backTab = backTab
        self.resize = resize
        self.f0 = f0
    }
}

/// Turns raw reads into `Key`s. Esc followed at once by a printable character is Alt+character;
/// Esc followed by anything else is Esc, and the other input is kept for the next call.
public struct KeyReader: Sendable {
    public let codes: KeyCodes
    private var pending: RawInput?

    public init(codes: KeyCodes) { self.codes = codes }

    /// The next key: `read(milliseconds)` waits up to that long for input (0: only what has already
    /// arrived). Nil when nothing arrived, or when the input was a key we do not know (mouse, etc.).
    public mutating func nextKey(timeoutMilliseconds: Int, read: (Int) -> RawInput?) -> Key? {
        guard let input = pending ?? read(timeoutMilliseconds) else { return nil }
        pending = nil
        if input == .character(0x1B) {
            guard let following = read(0) else { return .escape }
            if case .character(let value) = following, value >= 0x20, value != 0x7F,
               let scalar = Unicode.Scalar(value) {
                return .alt(Character(scalar))
            }
            pending = following
            return .escape
        }
        return key(for: input)
    }

    /// The key for one input other than a lone Esc.
    public func key(for input: RawInput) -> Key? {
        switch input {
        case .character(let value):
            switch value {
            case 0x0D, 0x0A: return .enter
            case 0x09: return .tab
            case 0x08, 0x7F: return .backspace
            case 0x1B: return .escape
            case 0x00: return .ctrl(" ")
            case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(value + 0x60)!))
            case 0x1C...0x1F: return .ctrl(Character(Unicode.Scalar(value + 0x40)!))
            default: return Unicode.Scalar(value).map { .char(Character($0)) }
            }
        case .functionKey(let code):
            switch code {
            case codes.up: return .up
            case codes.down: return .down
            case codes.left: return .left
            case codes.right: return .right
            case codes.home: return .home
            case codes.end: return .end
            case codes.pageUp: return .pageUp
            case codes.pageDown: return .pageDown
            case codes.backspace: return .backspace
            case codes.delete: return .delete
            case codes.insert: return .insert
            case codes.enter: return .enter
            case codes.backTab: return .backTab
            case codes.resize: return .resize
            case (codes.f0 + 1)...(codes.f0 + 63): return .function(Int(code - codes.f0))
            default: return nil
            }
        }
    }
}
