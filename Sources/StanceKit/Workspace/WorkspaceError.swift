/// Why a workspace could not be opened or changed, worded for the person at the keyboard.
public enum WorkspaceError: Error, CustomStringConvertible, Equatable {
    case notSQLite(path: String)
    case notAWorkspace(path: String)
    case corrupt(path: String, details: String)
    case newerSchema(path: String, unknownMigrations: [String])
    case readOnly(path: String, reason: String)
    case cannotOpen(path: String, details: String)
    case unknownArticle(String)
    case unknownActor(String)
    case unknownStatement(String)
    case invalidSpan(TextSpan, textLength: Int)
    case invalidValue(String)
    /// The change itself was saved in the workspace; only its line in the command log is missing.
    case commandLogNotWritten(path: String, details: String)
    /// The file was made read-only after it was opened: the change was not made.
    case madeReadOnly(path: String)
    /// The disk is full: the change was rolled back, earlier changes are intact.
    case diskFull(path: String)
    /// The storage refused the write (an I/O error, a file system made read-only): rolled back.
    case notSaved(path: String, details: String)

    /// Whether the change the error is about was kept in the workspace despite the error.
    public var changeWasSaved: Bool {
        if case .commandLogNotWritten = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case let .notSQLite(path):
            "\(path) is not a workspace: it is not an SQLite database file."
        case let .notAWorkspace(path):
            "\(path) is an SQLite database but not a StanceBench workspace; choose another file."
        case let .corrupt(path, details):
            "\(path) is damaged (\(details)). Restore it from a backup, or rebuild it by importing the "
                + "articles again and replaying workspace.log.jsonl."
        case let .newerSchema(path, unknown):
            "\(path) was written by a newer StanceBench (unknown changes: \(unknown.sorted().joined(separator: ", "))). "
                + "Update StanceBench to open it; the file was left untouched."
        case let .readOnly(path, reason):
            "\(path) is open read-only (\(reason)): changes cannot be saved."
        case let .cannotOpen(path, details):
            "Cannot open \(path): \(details)"
        case let .unknownArticle(ref): "No article \(ref) in the workspace."
        case let .unknownActor(ref): "No actor \(ref) in the workspace."
        case let .unknownStatement(ref): "No statement \(ref) in the workspace."
        case let .invalidSpan(span, length):
            "The span \(span.start)..<\(span.end) lies outside the article text (\(length) characters)."
        case let .invalidValue(message): message
        // These four end up in the status bar: what happened comes first, the path last.
        case let .commandLogNotWritten(path, details):
            "Saved, but not in the command log, which could not be written (\(details)). (\(path))"
        case let .madeReadOnly(path):
            "Not saved: the workspace was made read-only after it was opened; make it writable to save again. (\(path))"
        case let .diskFull(path):
            "Not saved: the disk is full; earlier changes are kept. Free some space and do it again. (\(path))"
        case let .notSaved(path, details):
            "Not saved: the workspace could not be written (\(details)); earlier changes are kept. (\(path))"
        }
    }
}
