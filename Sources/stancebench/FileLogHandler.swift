import Foundation
import Logging

/// A swift-log handler that appends to a file. The workbench owns the screen while it runs, so log
/// lines must never reach stdout or stderr then; they go to
/// `$XDG_STATE_HOME/stancebench/stancebench.log` (or `STANCEBENCH_LOG`).
struct FileLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level
    private let label: String
    private let sink: Sink

    /// One open file shared by every logger; writes are serialised by the lock.
    final class Sink: @unchecked Sendable {
        private let handle: FileHandle
        private let lock = NSLock()
        init(handle: FileHandle) { self.handle = handle }
        func write(_ line: String) {
            lock.lock()
            defer { lock.unlock() }
            handle.write(Data(line.utf8))
        }
    }

    static func defaultURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let path = environment["STANCEBENCH_LOG"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/state")
        return state.appendingPathComponent("stancebench/stancebench.log")
    }

    /// Opens (creating) the log file; nil when it cannot be written, in which case logging is off.
    static func makeSink(at url: URL) -> Sink? {
        let manager = FileManager.default
        try? manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !manager.fileExists(atPath: url.path) { _ = manager.createFile(atPath: url.path, contents: nil) }
        guard let handle = try? FileHandle(forWritingTo: url) else { return nil }
        _ = try? handle.seekToEnd()
        return Sink(handle: handle)
    }

    init(label: String, sink: Sink, level: Logger.Level) {
        self.label = label
        self.sink = sink
        self.logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let details = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let stamp = ISO8601DateFormatter().string(from: Date())
        sink.write("\(stamp) \(event.level) \(label): \(event.message)\(details)\n")
    }
}

enum LogSetup {
    /// Sends every logger to the log file, once, before anything logs.
    static func bootstrap() {
        let level = ProcessInfo.processInfo.environment["STANCEBENCH_LOG_LEVEL"]
            .flatMap(Logger.Level.init(rawValue:)) ?? .info
        guard let sink = FileLogHandler.makeSink(at: FileLogHandler.defaultURL()) else {
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
            return
        }
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, sink: sink, level: level) }
    }
}
