/// Where screens are shown and keys come from. The ncurses backend is the only code that talks to
/// a real terminal; `TestBackend` records frames in memory for tests.
public protocol TerminalBackend: AnyObject {
    var size: Size { get }
    /// Shows `screen`, writing only what changed since the last frame.
    func draw(_ screen: Screen)
    /// The next key, or nil when none arrived within `timeoutMilliseconds`.
    func nextKey(timeoutMilliseconds: Int) -> Key?
}

/// An in-memory backend: queued keys in, drawn screens out.
public final class TestBackend: TerminalBackend {
    public var size: Size
    public private(set) var frames: [Screen] = []
    private var keys: [Key]

    public init(size: Size, keys: [Key] = []) {
        self.size = size
        self.keys = keys
    }

    public var lastFrame: Screen? { frames.last }

    public func draw(_ screen: Screen) { frames.append(screen) }

    public func nextKey(timeoutMilliseconds: Int) -> Key? {
        keys.isEmpty ? nil : keys.removeFirst()
    }

    public func enqueue(_ more: [Key]) { keys.append(contentsOf: more) }
}

/// Why a real terminal could not be opened, in words a user can act on.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Standard input or output is a pipe or a file.
    case notATerminal
    /// The locale's character set (from `nl_langinfo(CODESET)`) is not UTF-8.
    case localeNotUTF8(codeset: String)
    /// curses has no description of `TERM` (nil: TERM is not set).
    case unknownTerminal(String?)
    /// The terminal type cannot place the cursor (such as `dumb`), so no screen can be drawn.
    case cannotAddressCursor(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal (not a pipe or a file) to show the workbench"
        case .localeNotUTF8(let codeset):
            return "the locale's character set is \(codeset), not UTF-8, so text would not display: "
                + "set LANG to a UTF-8 locale, e.g. C.UTF-8 (export LANG=C.UTF-8)"
        case .unknownTerminal(let name?):
            return "unknown terminal type \"\(name)\": set TERM to a type this system knows, e.g. xterm-256color"
        case .cannotAddressCursor(let name):
            return "terminal type \"\(name)\" cannot move the cursor, so the workbench cannot be drawn: "
                + "run it in a full terminal (TERM such as xterm-256color)"
        case .unknownTerminal(nil):
            return "TERM is not set: set it to your terminal's type, e.g. xterm-256color"
        }
    }
}
