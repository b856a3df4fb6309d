import Foundation
import GRDB

/// Where SQLite's check of a workspace file stands: opening a workspace starts it, and every
/// write waits for it.
public enum IntegrityStatus: Equatable, Sendable {
    case checking
    case sound
    case damaged(WorkspaceError)
    /// Opened read-only as asked: nothing will be written, so nothing waits for a check of
    /// every page and none runs; a read that meets a damaged page throws `WorkspaceError.corrupt`.
    case notChecked
}

extension Workspace {
    /// SQLite's full `integrity_check` of the file: empty when the file is sound, else the
    /// problems it found (the first hundred). Reads every page, so it takes a while on a large file.
    public func integrityProblems() throws -> [String] {
        try read { db in
            let report = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            return report == ["ok"] ? [] : report
        }
    }

    /// The check of every page started when the workspace opened, without waiting for it.
    public var integrityStatus: IntegrityStatus { integrityCheck.status }

    /// Waits for the check of every page; throws `WorkspaceError.corrupt` when the file is damaged.
    public func waitForIntegrityCheck() throws {
        try integrityCheck.requireSound()
    }
}

/// SQLite's `quick_check` of one file, run once on a thread of its own with its own read-only
/// connection. It reads every page (half a second for a file of 10,000 articles), which is why
/// opening does not wait for it: writes do (`requireSound`), so a damaged file is never written.
final class IntegrityCheck: @unchecked Sendable {
    // The variables are guarded by `condition`.
    private let condition = NSCondition()
    private var outcome: Result<Void, WorkspaceError>?
    private var connection: DatabaseQueue?
    /// Until the check's connection is closed: a workspace closing waits for it, so no connection
    /// outlives the workspace and leaves side files beside the file.
    private var isRunning = false
    /// Never run, for a workspace that will not be written.
    private let isSkipped: Bool

    private init(outcome: Result<Void, WorkspaceError>?, isSkipped: Bool = false) {
        self.outcome = outcome
        self.isSkipped = isSkipped
    }

    /// For a file this process has just created (or an in-memory one): there is nothing to check.
    static var notNeeded: IntegrityCheck { IntegrityCheck(outcome: .success(())) }

    /// For a file opened read-only as asked, which nothing writes: reading a whole file first
    /// would cost a command that reads part of it more than its own reading.
    static var skipped: IntegrityCheck { IntegrityCheck(outcome: .success(()), isSkipped: true) }

    /// Starts checking the file at `path` on a new thread.
    static func start(path: String, configuration: Configuration) -> IntegrityCheck {
        let check = IntegrityCheck(outcome: nil)
        check.isRunning = true
        let thread = Thread { check.run(path: path, configuration: configuration) }
        thread.name = "StanceBench.IntegrityCheck"
        thread.start()
        return check
    }

    private func run(path: String, configuration: Configuration) {
        defer {
            condition.withLock {
                isRunning = false
                condition.broadcast()
            }
        }
        let result: Result<Void, WorkspaceError>
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let cancelled = condition.withLock {
                connection = queue
                return outcome != nil
            }
            defer {
                condition.withLock { connection = nil }
                try? queue.close()
            }
            if cancelled { return }
            let problems = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            result = problems == ["ok"]
                ? .success(())
                : .failure(.corrupt(path: path, details: problems.prefix(3).joined(separator: "; ")))
        } catch {
            result = .failure(Workspace.classify(error, path: path))
        }
        finish(result)
    }

    private func finish(_ result: Result<Void, WorkspaceError>) {
        condition.withLock {
            if outcome == nil { outcome = result }
            condition.broadcast()
        }
    }

    var status: IntegrityStatus {
        condition.withLock {
            if isSkipped { return .notChecked }
            return switch outcome {
            case nil: .checking
            case .success: .sound
            case .failure(let error): .damaged(error)
            }
        }
    }

    /// Blocks until the check is done; throws what it found wrong.
    func requireSound() throws(WorkspaceError) {
        let result = condition.withLock {
            while outcome == nil { condition.wait() }
            return outcome!
        }
        try result.get()
    }

    /// Stops a check nobody needs any more (its workspace closed), and waits until its connection
    /// is closed. A check stopped is not counted as passed.
    func cancel(path: String) {
        condition.withLock {
            if outcome == nil { outcome = .failure(.cannotOpen(path: path, details: "the workspace was closed")) }
            connection?.interrupt()
            condition.broadcast()
            while isRunning { condition.wait() }
        }
    }
}
