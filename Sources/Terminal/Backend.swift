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
