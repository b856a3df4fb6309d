/// Why a file could not become a `SourceDocument`. Each case names the path so that a list of
/// failures from a batch import reads on its own.
public enum InputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Missing, a directory, no permission, or a read that failed; `reason` is the system's words.
    case unreadable(path: String, reason: String)
    /// NUL bytes or many control characters near the start, and no UTF-16/32 byte order mark.
    case binary(path: String)
    /// No bytes, only whitespace, or (for a web page) no text outside the page furniture.
    case empty(path: String)
    /// `size` bytes (or at least that many, for standard input) against a `limit` in bytes.
    case tooLarge(path: String, size: Int, limit: Int)

    public var path: String {
        switch self {
        case .unreadable(let path, _), .binary(let path), .empty(let path), .tooLarge(let path, _, _):
            return path
        }
    }

    public var description: String {
        let name = Self.displayName(path)
        switch self {
        case .unreadable(_, let reason):
            return "cannot read \(name): \(reason)"
        case .binary:
            return "\(name) looks like binary data, not text"
        case .empty:
            return "\(name) contains no text"
        case .tooLarge(_, let size, let limit):
            return "\(name) is too large (\(Self.byteCount(size)); the limit is \(Self.byteCount(limit)))"
        }
    }

    static func displayName(_ path: String) -> String {
        path == "-" ? "standard input" : "'\(path)'"
    }

    /// "812 bytes", "4.5 KB", "70.2 MB": one decimal is enough to compare a size with a limit.
    static func byteCount(_ count: Int) -> String {
        let units = ["KB", "MB", "GB", "TB"]
        guard count >= 1024 else { return count == 1 ? "1 byte" : "\(count) bytes" }
        var value = Double(count) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}

/// How much `SourceLoader` is willing to read.
public struct ReadLimits: Hashable, Sendable {
    /// Files larger than this are refused with `InputError.tooLarge` before they are read.
    public var maxBytes: Int

    public init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    /// 64 MB: far above any article, low enough that a mistaken path to a disk image fails fast.
    public static let `default` = ReadLimits(maxBytes: 64 * 1024 * 1024)
}
