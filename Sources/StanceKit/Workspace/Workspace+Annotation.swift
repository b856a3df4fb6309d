import Foundation
import GRDB

/// Annotation: every method builds a `WorkspaceCommand`, applies it in one write transaction,
/// records the row edits in the history (for undo and redo, kept in the file) and appends the
/// command to the command log. Statement and actor ids are the workspace's integer ids.
extension Workspace {
    @discardableResult
    public func accept(_ statementID: Int64, by annotator: String) throws -> WorkspaceChange {
        try perform(by: annotator) { db in .acceptStatement(statement: try Self.statementKey(statementID, db)) }
    }

    @discardableResult
    public func reject(_ statementID: Int64, by annotator: String) throws -> WorkspaceChange {
        try perform(by: annotator) { db in .rejectStatement(statement: try Self.statementKey(statementID, db)) }
    }

    @discardableResult
    public func setStance(_ statementID: Int64, to stance: String, by annotator: String) throws -> WorkspaceChange {
        try perform(by: annotator) { db in .setStance(statement: try Self.statementKey(statementID, db), stance: stance) }
    }

    /// Attributes the statement to another actor.
    @discardableResult
    public func setActor(_ statementID: Int64, to actorID: Int64, by annotator: String) throws -> WorkspaceChange {
        try perform(by: annotator) { db in
            .setSpeaker(statement: try Self.statementKey(statementID, db), actor: try Self.actorKey(actorID, db))
        }
    }

    @discardableResult
    public func setKind(_ statementID: Int64, to kind: StatementKind, by annotator: String) throws -> WorkspaceChange {
        try perform(by: annotator) { db in .setKind(statement: try Self.statementKey(statementID, db), kind: kind) }
    }

    /// Moves the statement to other words of its article; its text follows the span.
    @discardableResult
    public func setSpan(_ statementID: Int64, to span: TextSpan, by annotator: String) throws -> WorkspaceChange {
        try perform(by: annotator) { db in .setSpan(statement: try Self.statementKey(statementID, db), span: span) }
    }

    @discardableResult
    public func setDate(_ statementID: Int64, to date: Day?, dateText: String? = nil, by annotator: String) throws -> WorkspaceChange {
        try perform(by: annotator) { db in
            .setDate(statement: try Self.statementKey(statementID, db), date: date, dateText: dateText)
        }
    }

    /// An empty note removes the note.
    @discardableResult
    public func setNote(_ statementID: Int64, to note: String?, by annotator: String) throws -> WorkspaceChange {
        try perform(by: annotator) { db in .setNote(statement: try Self.statementKey(statementID, db), note: note) }
    }

    @discardableResult
    public func deleteStatement(_ statementID: Int64, by annotator: String) throws -> WorkspaceChange {
        try perform(by: annotator) { db in .deleteStatement(statement: try Self.statementKey(statementID, db)) }
    }

    /// A statement a person found: `actor` said the words at `span` of the article. The new
    /// statement's id is `createdID` of the change.
    @discardableResult
    public func addStatement(article articleID: Int64, actor actorID: Int64, kind: StatementKind, span: TextSpan,
                             stance: String, date: Day? = nil, note: String? = nil, by annotator: String) throws -> WorkspaceChange {
        try perform(by: annotator) { db in
            guard let article = try ArticleRecord.fetchOne(db, key: articleID) else {
                throw WorkspaceError.unknownArticle(String(articleID))
            }
            return .attributeSpan(article: article.contentHash, actor: try Self.actorKey(actorID, db), kind: kind,
                                  span: span, stance: stance, date: date, note: note)
        }
    }

    /// The new actor's id is `createdID` of the change.
    @discardableResult
    public func createActor(name: String, kind: ActorKind, role: String? = nil, by annotator: String) throws -> WorkspaceChange {
        try perform(by: annotator) { _ in .createActor(name: name, kind: kind, role: role) }
    }

    /// The old name stays as an alias, so the actor is still recognised in new articles.
    @discardableResult
    public func renameActor(_ actorID: Int64, to name: String, by annotator: String) throws -> WorkspaceChange {
        try perform(by: annotator) { db in .renameActor(actor: try Self.actorKey(actorID, db), name: name) }
    }

    /// `absorb` becomes an alias of `keep`; its aliases, mentions and statements move to `keep`.
    @discardableResult
    public func mergeActors(keep: Int64, absorb: Int64, by annotator: String) throws -> WorkspaceChange {
        try perform(by: annotator) { db in
            .mergeActors(keep: try Self.actorKey(keep, db), absorb: try Self.actorKey(absorb, db))
        }
    }

    /// Makes an alias its own actor (two people taken for one). Mentions written with that alias
    /// follow it, and so do statements whose nearest mention of the actor (in the same sentence
    /// when there is one there) is one of them. The new
    /// actor's id is `createdID` of the change.
    @discardableResult
    public func splitAlias(actor actorID: Int64, alias: String, by annotator: String) throws -> WorkspaceChange {
        try perform(by: annotator) { db in .splitAlias(actor: try Self.actorKey(actorID, db), alias: alias) }
    }

    /// Takes back the last change; nil when there is nothing to undo.
    @discardableResult
    public func undo(by annotator: String) throws -> WorkspaceChange? {
        try apply(.undo, by: annotator)
    }

    /// Applies again the last undone change; nil when there is nothing to redo.
    @discardableResult
    public func redo(by annotator: String) throws -> WorkspaceChange? {
        try apply(.redo, by: annotator)
    }

    /// Whether `undo` and `redo` would do something, for menus and the status line.
    public func canUndoRedo() throws -> (undo: Bool, redo: Bool) {
        try read { db in
            let position = try Self.cursor(db).position
            return (position > 0,
                    try HistoryRecord.filter(Column("id") > position).fetchCount(db) > 0)
        }
    }

    /// Applies a command as given (the replayer's entry point). Returns nil for an undo or redo
    /// with nothing to take back or apply again.
    @discardableResult
    public func apply(_ command: WorkspaceCommand, by annotator: String, at date: Date? = nil) throws -> WorkspaceChange? {
        let date = date ?? now()
        let change = try write { db in try Self.execute(command, annotator: annotator, date: date, db) }
        try commandLog?.append(command, annotator: annotator, date: date)
        return change
    }

    private func perform(by annotator: String, _ command: (Database) throws -> WorkspaceCommand) throws -> WorkspaceChange {
        let date = now()
        let (command, change) = try write { db in
            let command = try command(db)
            return (command, try Self.execute(command, annotator: annotator, date: date, db))
        }
        try commandLog?.append(command, annotator: annotator, date: date)
        guard let change else { throw WorkspaceError.invalidValue("\(command.name) changed nothing") }
        return change
    }

    // MARK: - Execution

    private static func execute(_ command: WorkspaceCommand, annotator: String, date: Date, _ db: Database) throws -> WorkspaceChange? {
        switch command {
        case .undo: return try undo(annotator: annotator, db)
        case .redo: return try redo(annotator: annotator, db)
        default: break
        }
        var recorder = EditRecorder(db)
        let created = try plan(command, annotator: annotator, date: date, &recorder)
        let edits = recorder.edits
        var sequence: Int64 = 0
        if !edits.isEmpty {
            let cursor = try cursor(db)
            try HistoryRecord.filter(Column("id") > cursor.position).deleteAll(db)   // a new change drops the redo tail
            var entry = HistoryRecord(id: nil, command: command, forward: edits, inverse: RowEdit.inverse(of: edits),
                                      annotator: annotator, madeAt: date)
            try entry.insert(db)
            sequence = entry.id ?? 0
            try HistoryCursorRecord(id: 1, position: sequence).update(db)
        }
        return change(command, .applied, sequence: sequence, annotator: annotator, date: date, edits: edits, createdID: created)
    }

    private static func undo(annotator: String, _ db: Database) throws -> WorkspaceChange? {
        let cursor = try cursor(db)
        guard cursor.position > 0, let entry = try HistoryRecord.fetchOne(db, key: cursor.position) else { return nil }
        for edit in entry.inverse { try edit.apply(db) }
        let previous = try Int64.fetchOne(db, sql: "SELECT max(id) FROM history WHERE id < ?", arguments: [cursor.position]) ?? 0
        try HistoryCursorRecord(id: 1, position: previous).update(db)
        return change(entry.command, .undone, sequence: cursor.position, annotator: entry.annotator, date: entry.madeAt,
                      edits: entry.inverse, createdID: nil)
    }

    private static func redo(annotator: String, _ db: Database) throws -> WorkspaceChange? {
        let cursor = try cursor(db)
        guard let entry = try HistoryRecord.filter(Column("id") > cursor.position).order(Column("id")).fetchOne(db),
              let sequence = entry.id else { return nil }
        for edit in entry.forward { try edit.apply(db) }
        try HistoryCursorRecord(id: 1, position: sequence).update(db)
        return change(entry.command, .redone, sequence: sequence, annotator: entry.annotator, date: entry.madeAt,
                      edits: entry.forward, createdID: nil)
    }

    private static func change(_ command: WorkspaceCommand, _ direction: WorkspaceChange.Direction, sequence: Int64,
                               annotator: String, date: Date, edits: [RowEdit], createdID: Int64?) -> WorkspaceChange {
        func unique(_ ids: [Int64]) -> [Int64] { var seen = Set<Int64>(); return ids.filter { seen.insert($0).inserted } }
        return WorkspaceChange(sequence: sequence, command: command, direction: direction, annotator: annotator, date: date,
                               statementIDs: unique(edits.compactMap(\.statementID)),
                               actorIDs: unique(edits.flatMap(\.affectedActorIDs)), articleIDs: unique(edits.flatMap(\.affectedArticleIDs)),
                               createdID: createdID)
    }

    static func cursor(_ db: Database) throws -> HistoryCursorRecord {
        guard let cursor = try HistoryCursorRecord.fetchOne(db, key: 1) else {
            throw WorkspaceError.corrupt(path: "the workspace", details: "the history cursor is missing")
        }
        return cursor
    }

    /// Makes the rows change for one command; returns the id of a created statement or actor.
    private static func plan(_ command: WorkspaceCommand, annotator: String, date: Date,
                             _ recorder: inout EditRecorder) throws -> Int64? {
        let db = recorder.db
        /// A person's decision on a statement: content edits make it `edited`.
        func decide(_ key: String, edited: Bool, _ change: (inout StatementRecord) throws -> Void) throws {
            let before = try statement(key, db)
            var after = before
            try change(&after)
            guard after != before else { return }
            if edited { after.status = .edited }
            after.annotator = annotator
            after.decidedAt = date
            try recorder.update(before, to: after, as: RowEdit.statement)
        }
        switch command {
        case .undo, .redo:
            return nil
        case let .acceptStatement(key):
            try decide(key, edited: false) { if $0.status != .edited { $0.status = .accepted } }
        case let .rejectStatement(key):
            try decide(key, edited: false) { $0.status = .rejected }
        case let .setStance(key, stance):
            let stance = stance.trimmingCharacters(in: .whitespaces)
            guard !stance.isEmpty else { throw WorkspaceError.invalidValue("A stance cannot be empty.") }
            try decide(key, edited: true) { $0.stance = stance }
        case let .setSpeaker(key, actorKey):
            let actorID = try actor(actorKey, db).id ?? 0
            try decide(key, edited: true) { $0.actorId = actorID }
        case let .setKind(key, kind):
            try decide(key, edited: true) { $0.kind = kind }
        case let .setSpan(key, span):
            try decide(key, edited: true) { row in
                row.text = try articleText(row.articleId, span: span, db)
                row.span = span
            }
        case let .setDate(key, day, dateText):
            try decide(key, edited: true) { $0.date = day; $0.dateText = dateText }
        case let .setNote(key, note):
            let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
            try decide(key, edited: false) { $0.note = note?.isEmpty == false ? note : nil }
        case let .deleteStatement(key):
            try recorder.delete(try statement(key, db), as: RowEdit.statement)
        case let .attributeSpan(articleHash, actorKey, kind, span, stance, day, note):
            guard let article = try ArticleRecord.filter(Column("content_hash") == articleHash).fetchOne(db),
                  let articleID = article.id else { throw WorkspaceError.unknownArticle(articleHash) }
            let stance = stance.trimmingCharacters(in: .whitespaces)
            guard !stance.isEmpty else { throw WorkspaceError.invalidValue("A stance cannot be empty.") }
            let text = try articleText(articleID, span: span, db)
            let key = try Workspace.uniqueKey("\(articleHash)/human/\(kind.rawValue)/\(span.start)-\(span.end)",
                                              in: "statements", db)
            let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
            let row = StatementRecord(
                id: nil, key: key, suggestionKey: nil, articleId: articleID, actorId: try actor(actorKey, db).id ?? 0,
                kind: kind, text: text, cue: nil, start: span.start, end: span.end, date: day, dateText: nil,
                stance: stance, confidence: 1, evidence: [], origin: .human, status: .accepted, annotator: annotator,
                decidedAt: date, note: note?.isEmpty == false ? note : nil)
            return try recorder.insert(row, as: RowEdit.statement).id
        case let .createActor(name, kind, role):
            let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
            let nameKey = NameKey.normalize(name)
            guard !nameKey.isEmpty else { throw WorkspaceError.invalidValue("An actor needs a name.") }
            let row = ActorRecord(id: nil, key: try Workspace.uniqueActorKey(kind: kind, nameKey: nameKey, db), name: name,
                                  normalizedName: nameKey, kind: kind, role: role, isParticipant: true)
            return try recorder.insert(row, as: RowEdit.actor).id
        case let .renameActor(actorKey, name):
            try rename(actorKey, to: name, &recorder)
        case let .mergeActors(keepKey, absorbKey):
            try merge(keep: keepKey, absorb: absorbKey, &recorder)
        case let .splitAlias(actorKey, alias):
            return try split(actorKey, alias: alias, annotator: annotator, date: date, &recorder)
        }
        return nil
    }

    private static func rename(_ actorKey: String, to name: String, _ recorder: inout EditRecorder) throws {
        let db = recorder.db
        let before = try actor(actorKey, db)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let nameKey = NameKey.normalize(name)
        guard !nameKey.isEmpty else { throw WorkspaceError.invalidValue("An actor needs a name.") }
        guard let actorID = before.id, name != before.name else { return }
        let aliases = try ActorAliasRecord.filter(Column("actor_id") == actorID).fetchAll(db)
        if let becomingCanonical = aliases.first(where: { $0.normalizedAlias == nameKey }) {
            try recorder.delete(becomingCanonical, as: RowEdit.alias)
        }
        var after = before
        after.name = name
        after.normalizedName = nameKey
        try recorder.update(before, to: after, as: RowEdit.actor)
        if before.normalizedName != nameKey, !aliases.contains(where: { $0.normalizedAlias == before.normalizedName }) {
            try recorder.insert(ActorAliasRecord(id: nil, actorId: actorID, alias: before.name,
                                                 normalizedAlias: before.normalizedName), as: RowEdit.alias)
        }
    }

    private static func merge(keep keepKey: String, absorb absorbKey: String, _ recorder: inout EditRecorder) throws {
        let db = recorder.db
        let keep = try actor(keepKey, db), absorb = try actor(absorbKey, db)
        guard let keepID = keep.id, let absorbID = absorb.id else { return }
        guard keepID != absorbID else { throw WorkspaceError.invalidValue("An actor cannot be merged with itself.") }
        var merged = keep
        merged.role = keep.role ?? absorb.role
        merged.isParticipant = keep.isParticipant || absorb.isParticipant
        try recorder.update(keep, to: merged, as: RowEdit.actor)

        var keptAliases = Set(try ActorAliasRecord.filter(Column("actor_id") == keepID).fetchAll(db).map(\.normalizedAlias))
        keptAliases.insert(keep.normalizedName)
        for alias in try ActorAliasRecord.filter(Column("actor_id") == absorbID).order(Column("id")).fetchAll(db) {
            if keptAliases.insert(alias.normalizedAlias).inserted {
                var moved = alias
                moved.actorId = keepID
                try recorder.update(alias, to: moved, as: RowEdit.alias)
            } else {
                try recorder.delete(alias, as: RowEdit.alias)
            }
        }
        if keptAliases.insert(absorb.normalizedName).inserted {
            try recorder.insert(ActorAliasRecord(id: nil, actorId: keepID, alias: absorb.name,
                                                 normalizedAlias: absorb.normalizedName), as: RowEdit.alias)
        }
        let keptMentions = Set(try MentionRecord.filter(Column("actor_id") == keepID).fetchAll(db)
            .map { "\($0.articleId)/\($0.start)-\($0.end)" })
        for mention in try MentionRecord.filter(Column("actor_id") == absorbID).fetchAll(db) {
            if keptMentions.contains("\(mention.articleId)/\(mention.start)-\(mention.end)") {
                try recorder.delete(mention, as: RowEdit.mention)
            } else {
                var moved = mention
                moved.actorId = keepID
                try recorder.update(mention, to: moved, as: RowEdit.mention)
            }
        }
        for statement in try StatementRecord.filter(Column("actor_id") == absorbID).fetchAll(db) {
            var moved = statement
            moved.actorId = keepID
            try recorder.update(statement, to: moved, as: RowEdit.statement)
        }
        try recorder.delete(absorb, as: RowEdit.actor)
    }

    private static func split(_ actorKey: String, alias: String, annotator: String, date: Date,
                              _ recorder: inout EditRecorder) throws -> Int64? {
        let db = recorder.db
        let original = try actor(actorKey, db)
        guard let originalID = original.id else { return nil }
        let aliasKey = NameKey.normalize(alias)
        guard let aliasRow = try ActorAliasRecord
            .filter(Column("actor_id") == originalID && Column("normalized_alias") == aliasKey).fetchOne(db) else {
            throw WorkspaceError.invalidValue("\(original.name) has no alias \"\(alias)\".")
        }
        try recorder.delete(aliasRow, as: RowEdit.alias)
        let created = try recorder.insert(
            ActorRecord(id: nil, key: try Workspace.uniqueActorKey(kind: original.kind, nameKey: aliasKey, db),
                        name: aliasRow.alias, normalizedName: aliasKey, kind: original.kind, role: nil,
                        isParticipant: original.isParticipant), as: RowEdit.actor)
        guard let newID = created.id else { return nil }

        let mentions = try MentionRecord.filter(Column("actor_id") == originalID).fetchAll(db)
        var texts: [Int64: String] = [:]
        func mentionUsesAlias(_ mention: MentionRecord) throws -> Bool {
            if texts[mention.articleId] == nil {
                texts[mention.articleId] = try ArticleRecord.fetchOne(db, key: mention.articleId)?.text ?? ""
            }
            return texts[mention.articleId]?.scalars(in: mention.span).map(NameKey.normalize) == aliasKey
        }
        var movedMentions: [MentionRecord] = []
        for mention in mentions where try mentionUsesAlias(mention) {
            var moved = mention
            moved.actorId = newID
            try recorder.update(mention, to: moved, as: RowEdit.mention)
            movedMentions.append(mention)
        }
        let mentionsByArticle = Dictionary(grouping: mentions, by: \.articleId)
        let movedSet = Set(movedMentions.map(\.id))
        let sentencesByArticle = texts.mapValues(SentenceBounds.init)
        for statement in try StatementRecord.filter(Column("actor_id") == originalID).fetchAll(db) {
            guard let candidates = mentionsByArticle[statement.articleId], !candidates.isEmpty else { continue }
            let sentences = sentencesByArticle[statement.articleId] ?? SentenceBounds("")
            let sentence = sentences.index(of: statement.start)
            let sameSentence = candidates.filter { sentences.index(of: max($0.start, $0.end - 1)) == sentence }
            let distance = { (m: MentionRecord) in
                m.end <= statement.start ? statement.start - m.end : (m.start >= statement.end ? m.start - statement.end : 0)
            }
            guard let nearest = (sameSentence.isEmpty ? candidates : sameSentence).min(by: { distance($0) < distance($1) }),
                  movedSet.contains(nearest.id) else { continue }
            var moved = statement
            moved.actorId = newID
            // Signed, so a re-analysis repeating the machine's attribution leaves it with its speaker.
            moved.annotator = annotator
            moved.decidedAt = date
            try recorder.update(statement, to: moved, as: RowEdit.statement)
        }
        return newID
    }

    // MARK: - Lookups

    static func statementKey(_ id: Int64, _ db: Database) throws -> String {
        guard let key = try String.fetchOne(db, sql: "SELECT key FROM statements WHERE id = ?", arguments: [id]) else {
            throw WorkspaceError.unknownStatement(String(id))
        }
        return key
    }

    static func actorKey(_ id: Int64, _ db: Database) throws -> String {
        guard let key = try String.fetchOne(db, sql: "SELECT key FROM actors WHERE id = ?", arguments: [id]) else {
            throw WorkspaceError.unknownActor(String(id))
        }
        return key
    }

    private static func statement(_ key: String, _ db: Database) throws -> StatementRecord {
        guard let row = try StatementRecord.filter(Column("key") == key).fetchOne(db) else {
            throw WorkspaceError.unknownStatement(key)
        }
        return row
    }

    private static func actor(_ key: String, _ db: Database) throws -> ActorRecord {
        guard let row = try ActorRecord.filter(Column("key") == key).fetchOne(db) else {
            throw WorkspaceError.unknownActor(key)
        }
        return row
    }

    private static func articleText(_ articleID: Int64, span: TextSpan, _ db: Database) throws -> String {
        let text = try String.fetchOne(db, sql: "SELECT text FROM articles WHERE id = ?", arguments: [articleID]) ?? ""
        guard let words = text.scalars(in: span) else {
            throw WorkspaceError.invalidSpan(span, textLength: text.unicodeScalars.count)
        }
        return words
    }
}

/// Where sentences end, roughly: after `.`, `!` or `?` and any closing quotes, before whitespace.
/// Abbreviations ("Gen.") also end a "sentence" here, which only makes the search for a speaker's
/// name nearby more cautious.
struct SentenceBounds {
    private let ends: [Int]

    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        let closers: Set<Unicode.Scalar> = ["\"", "'", "\u{201D}", "\u{2019}", "\u{00BB}", ")"]
        var ends: [Int] = []
        var index = 0
        while index < scalars.count {
            if scalars[index] == "." || scalars[index] == "!" || scalars[index] == "?" {
                var after = index + 1
                while after < scalars.count, closers.contains(scalars[after]) { after += 1 }
                if after == scalars.count || scalars[after].properties.isWhitespace { ends.append(after) }
                index = after
            } else {
                index += 1
            }
        }
        self.ends = ends
    }

    /// The number of sentence ends at or before `offset`.
    func index(of offset: Int) -> Int {
        var low = 0, high = ends.count
        while low < high {
            let middle = (low + high) / 2
            if ends[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension RowEdit {
    /// The actors whose summaries the edit changes: the actor edited, or the actor of the
    /// statement, mention or alias before and after the edit.
    fileprivate var affectedActorIDs: [Int64] {
        switch self {
        case let .actor(before, after): return [after?.id ?? before?.id].compactMap { $0 }
        case let .statement(before, after): return [before?.actorId, after?.actorId].compactMap { $0 }
        case let .mention(before, after): return [before?.actorId, after?.actorId].compactMap { $0 }
        case let .alias(before, after): return [before?.actorId, after?.actorId].compactMap { $0 }
        }
    }

    /// The articles whose statements or mentions the edit changes.
    fileprivate var affectedArticleIDs: [Int64] {
        switch self {
        case .actor, .alias: return []
        case let .statement(before, after): return [before?.articleId, after?.articleId].compactMap { $0 }
        case let .mention(before, after): return [before?.articleId, after?.articleId].compactMap { $0 }
        }
    }
}
