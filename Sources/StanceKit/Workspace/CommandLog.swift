import Foundation

/// One line of the command log: a command with who gave it and when.
public struct CommandLogEntry: Hashable, Sendable, Codable {
    public var time: Date
    public var annotator: String
    public var command: WorkspaceCommand

    public init(time: Date, annotator: String, command: WorkspaceCommand) {
        self.time = time
        self.annotator = annotator
        self.command = command
    }

    enum CodingKeys: String, CodingKey { case time, annotator }

    // Flat: the command's own fields sit beside `time` and `annotator` on one line.
    public func encode(to encoder: any Encoder) throws {
        try command.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(time, forKey: .time)
        try container.encode(annotator, forKey: .annotator)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        time = try container.decode(Date.self, forKey: .time)
        annotator = try container.decode(String.self, forKey: .annotator)
        command = try WorkspaceCommand(from: decoder)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 time: \(text)")
            }
            return date
        }
        return decoder
    }()
}

/// ISO 8601 times with milliseconds in UTC, as the log and the exports write them.
enum Timestamp {
    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}

/// Appends annotation commands to a JSON-lines file, one line per command, each written with a
/// single `write(2)` in append mode and fsynced: a crash loses no logged line and cuts none in two,
/// and two workspaces on the same file interleave whole lines.
public final class CommandLog: Sendable {
    public let url: URL
    private let descriptor: Int32

    public init(url: URL) throws {
        self.url = url
        descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            throw WorkspaceError.cannotOpen(path: url.path, details: "cannot write the command log (\(String(cString: strerror(errno))))")
        }
    }

    deinit { close(descriptor) }

    /// A line that does not fit (disk full) is cut back off, under a lock that other workspaces
    /// on the same log respect, so the next line does not fuse with a fragment.
    public func append(_ command: WorkspaceCommand, annotator: String, date: Date) throws {
        var line = try CommandLogEntry.encoder.encode(CommandLogEntry(time: date, annotator: annotator, command: command))
        line.append(0x0A)
        flock(descriptor, LOCK_EX)
        defer { flock(descriptor, LOCK_UN) }
        let end = lseek(descriptor, 0, SEEK_END)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let failure = written < 0 ? errno : written < line.count ? ENOSPC : 0
        if failure != 0 {
            if written > 0, end >= 0 { _ = ftruncate(descriptor, end) }
            throw WorkspaceError.commandLogNotWritten(path: url.path, details: String(cString: strerror(failure)))
        }
        guard fsync(descriptor) == 0 else {
            throw WorkspaceError.commandLogNotWritten(path: url.path, details: String(cString: strerror(errno)))
        }
    }

    /// The entries of a log file, with the line number and message of each line that cannot be read.
    public static func read(_ url: URL) throws -> (entries: [(line: Int, entry: CommandLogEntry)], unreadable: [ReplaySummary.Failure]) {
        let text = try String(contentsOf: url, encoding: .utf8)
        var entries: [(Int, CommandLogEntry)] = []
        var unreadable: [ReplaySummary.Failure] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            do {
                entries.append((index + 1, try CommandLogEntry.decoder.decode(CommandLogEntry.self, from: Data(trimmed.utf8))))
            } catch {
                unreadable.append(.init(line: index + 1, command: nil, message: "unreadable line: \(error)"))
            }
        }
        return (entries, unreadable)
    }
}

/// What a replay did.
public struct ReplaySummary: Hashable, Sendable {
    public struct Failure: Hashable, Sendable {
        public var line: Int
        public var command: String?
        public var message: String
    }
    /// Commands that were applied (including undo and redo that had nothing to do).
    public var applied = 0
    public var failures: [Failure] = []
}

/// Re-applies a command log to a workspace, in order, with each line's annotator and time. A line
/// that cannot be read or applied is reported and the rest goes on, as a person would want from a
/// log written over weeks.
public enum CommandReplayer {
    public static func replay(_ logURL: URL, into workspace: Workspace) throws -> ReplaySummary {
        let (entries, unreadable) = try CommandLog.read(logURL)
        var summary = ReplaySummary(failures: unreadable)
        for (line, entry) in entries {
            do {
                try workspace.apply(entry.command, by: entry.annotator, at: entry.time)
                summary.applied += 1
            } catch {
                summary.failures.append(.init(line: line, command: entry.command.name, message: "\(error)"))
            }
        }
        summary.failures.sort { $0.line < $1.line }
        return summary
    }
}
