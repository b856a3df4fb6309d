import GRDB

/// One row changed by an annotation command, with the row before and after (nil for an insert or
/// a delete). A history entry keeps the edits a command made; its inverse is the same edits
/// swapped and reversed, so undo and redo are exact for every command, however many rows it
/// touched (a merge moves aliases, mentions and statements, then deletes an actor).
enum RowEdit: Codable, Hashable, Sendable {
    case statement(before: StatementRecord?, after: StatementRecord?)
    case actor(before: ActorRecord?, after: ActorRecord?)
    case alias(before: ActorAliasRecord?, after: ActorAliasRecord?)
    case mention(before: MentionRecord?, after: MentionRecord?)

    var inverted: RowEdit {
        switch self {
        case let .statement(before, after): .statement(before: after, after: before)
        case let .actor(before, after): .actor(before: after, after: before)
        case let .alias(before, after): .alias(before: after, after: before)
        case let .mention(before, after): .mention(before: after, after: before)
        }
    }

    static func inverse(of edits: [RowEdit]) -> [RowEdit] { edits.reversed().map(\.inverted) }

    var statementID: Int64? {
        if case let .statement(before, after) = self { return after?.id ?? before?.id }
        return nil
    }

    /// Applies the edit. Rows carry their ids, so a redone insert gets back the id it had.
    /// An update of a row that is gone (a re-analysis removed a suggestion since) inserts it again.
    func apply(_ db: Database) throws {
        switch self {
        case let .statement(before, after): try Self.apply(before, after, db)
        case let .actor(before, after): try Self.apply(before, after, db)
        case let .alias(before, after): try Self.apply(before, after, db)
        case let .mention(before, after): try Self.apply(before, after, db)
        }
    }

    private static func apply<R: WorkspaceRecord>(_ before: R?, _ after: R?, _ db: Database) throws {
        switch (before, after) {
        case (_, var row?): try row.save(db)
        case (let row?, nil): _ = try row.delete(db)
        case (nil, nil): break
        }
    }
}

/// Makes the row changes of one command and remembers them as edits for the history.
struct EditRecorder {
    let db: Database
    private(set) var edits: [RowEdit] = []

    init(_ db: Database) { self.db = db }

    @discardableResult
    mutating func insert<R: WorkspaceRecord>(_ row: R, as edit: (R?, R?) -> RowEdit) throws -> R {
        var inserted = row
        try inserted.insert(db)
        edits.append(edit(nil, inserted))
        return inserted
    }

    mutating func update<R: WorkspaceRecord>(_ before: R, to after: R, as edit: (R?, R?) -> RowEdit) throws {
        guard before != after else { return }
        try after.update(db)
        edits.append(edit(before, after))
    }

    mutating func delete<R: WorkspaceRecord>(_ row: R, as edit: (R?, R?) -> RowEdit) throws {
        _ = try row.delete(db)
        edits.append(edit(row, nil))
    }
}
