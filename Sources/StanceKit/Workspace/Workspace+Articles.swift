import Foundation
import GRDB

/// An analysis checked and measured before it reaches the single database writer: content hash,
/// spans against the text, and the name keys of the words at each mention. The importer builds
/// these on its worker threads so that the writer only writes.
struct PreparedArticle: Sendable {
    var analysis: ArticleAnalysis
    var contentHash: String
    var fileHash: String?
    /// For each actor of the analysis, the name key of the text at each of its mentions.
    var mentionKeys: [[String]]

    init(_ analysis: ArticleAnalysis, fileHash: String?) throws {
        let scalars = Array(analysis.article.text.unicodeScalars)
        let spans = analysis.statements.map(\.span) + analysis.actors.flatMap(\.mentions)
        if let bad = spans.first(where: { $0.start < 0 || $0.end > scalars.count }) {
            throw WorkspaceError.invalidSpan(bad, textLength: scalars.count)
        }
        for actor in analysis.actors where NameKey.normalize(actor.name).isEmpty {
            throw WorkspaceError.invalidValue("Actor \(actor.id) has no name.")
        }
        let actorIDs = Set(analysis.actors.map(\.id))
        if let orphan = analysis.statements.first(where: { !actorIDs.contains($0.actorID) }) {
            throw WorkspaceError.invalidValue("Statement \(orphan.id) names actor \(orphan.actorID), "
                                              + "who is not among the article's actors.")
        }
        self.analysis = analysis
        self.contentHash = SHA256.hexDigest(analysis.article.text)
        self.fileHash = fileHash
        self.mentionKeys = analysis.actors.map { actor in
            actor.mentions.map { span in
                NameKey.normalize(String(String.UnicodeScalarView(scalars[span.start..<span.end])))
            }
        }
    }
}

extension Workspace {
    /// Adds an analysed article, unless the same text is already here. Actors merge with the
    /// workspace's actors of the same kind whose canonical name or alias matches (case, accents and
    /// punctuation folded). `fileHash` is the SHA-256 of the file as read, when there was a file.
    @discardableResult
    public func addArticle(_ analysis: ArticleAnalysis, frameID: String? = nil, fileHash: String? = nil) throws -> AddResult {
        let prepared = try PreparedArticle(analysis, fileHash: fileHash)
        let importedAt = now()
        return try write { db in try Self.insert(prepared, frameID: frameID, importedAt: importedAt, db) }
    }

    /// Adds many prepared articles in one transaction, for the importer.
    func addArticles(_ items: [PreparedArticle], frameID: String?) throws -> [Result<AddResult, any Error>] {
        let importedAt = now()
        return try write { db in
            items.map { item in
                // A savepoint per article: one bad analysis fails alone, not its whole batch.
                var result: Result<AddResult, any Error> = .failure(WorkspaceError.invalidValue("not written"))
                do {
                    try db.inSavepoint {
                        result = .success(try Self.insert(item, frameID: frameID, importedAt: importedAt, db))
                        return .commit
                    }
                } catch {
                    result = .failure(error)
                }
                return result
            }
        }
    }

    /// The content hashes of files already imported, for the importer to skip before analysing.
    func knownFileHashes(among hashes: [String]) throws -> Set<String> {
        try read { db in
            try Set(String.fetchAll(db.cachedStatement(sql: "SELECT file_hash FROM articles WHERE file_hash IN (SELECT value FROM json_each(?))"),
                                    arguments: [Self.jsonArray(hashes)]))
        }
    }

    /// Replaces the machine suggestions of an article with a new analysis of the same text.
    /// What a person did stays as they left it: accepted, edited, rejected or annotated statements
    /// and human statements are kept, and a suggestion they rejected is not proposed again.
    /// Re-analysis is the machine's work, so it is not in the undo history.
    @discardableResult
    public func reanalyze(articleID: Int64, with analysis: ArticleAnalysis, frameID: String? = nil) throws -> ReanalysisSummary {
        let prepared = try PreparedArticle(analysis, fileHash: nil)
        return try write { db in
            guard var article = try ArticleRecord.fetchOne(db, key: articleID) else {
                throw WorkspaceError.unknownArticle(String(articleID))
            }
            guard prepared.contentHash == article.contentHash else {
                throw WorkspaceError.invalidValue("The new analysis is of a different text than article \(articleID); "
                                                  + "add it as a new article instead.")
            }
            let fresh = analysis.article
            article.file = fresh.file
            article.title = fresh.title
            article.source = fresh.source
            article.published = fresh.published
            article.byline = fresh.byline
            article.url = fresh.url
            article.blocks = fresh.blocks
            article.warnings = fresh.warnings
            if let frameID { article.frame = frameID }
            try article.update(db)

            let actorIDs = try Self.resolveActors(analysis.actors, db)
            try MentionRecord.filter(Column("article_id") == articleID).deleteAll(db)
            try Self.insertMentions(prepared, actorIDs: actorIDs, articleID: articleID, db)

            let existing = try StatementRecord.filter(Column("article_id") == articleID).fetchAll(db)
            let bySuggestion = Dictionary(existing.compactMap { row in row.suggestionKey.map { ($0, row) } },
                                          uniquingKeysWith: { first, _ in first })
            let humanSpans = Set(existing.filter { $0.origin == .human }.map { "\($0.kind.rawValue)/\($0.start)-\($0.end)" })
            var summary = ReanalysisSummary()
            var proposed = Set<String>()
            for statement in analysis.statements {
                var row = try Self.machineRow(statement, articleID: articleID, contentHash: article.contentHash,
                                              actorIDs: actorIDs, decidedAt: article.importedAt)
                guard let key = row.suggestionKey, proposed.insert(key).inserted else { continue }
                if let old = bySuggestion[key] {
                    if old.isTouchedByHuman { continue }
                    row.id = old.id
                    row.key = old.key
                    if row != old { try row.update(db); summary.updated += 1 }
                } else if !humanSpans.contains("\(row.kind.rawValue)/\(row.start)-\(row.end)") {
                    try row.insert(db)
                    summary.added += 1
                }
            }
            for old in existing {
                if old.isTouchedByHuman {
                    summary.keptHumanDecisions += 1
                } else if let key = old.suggestionKey, !proposed.contains(key) {
                    try old.delete(db)
                    summary.removed += 1
                }
            }
            return summary
        }
    }

    // MARK: - Shared by add, batch add and re-analysis

    private static func insert(_ prepared: PreparedArticle, frameID: String?, importedAt: Date, _ db: Database) throws -> AddResult {
        let source = prepared.analysis.article
        if let existing = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM articles WHERE content_hash = ?"),
                                             arguments: [prepared.contentHash]) {
            return .duplicate(existing)
        }
        var article = ArticleRecord(id: nil, contentHash: prepared.contentHash, fileHash: prepared.fileHash, file: source.file,
                                    title: source.title, source: source.source, published: source.published,
                                    byline: source.byline, url: source.url, text: source.text, blocks: source.blocks,
                                    warnings: source.warnings, frame: frameID, importedAt: importedAt)
        try article.insert(db)
        guard let articleID = article.id else { throw WorkspaceError.invalidValue("article was not stored") }
        let actorIDs = try resolveActors(prepared.analysis.actors, db)
        try insertMentions(prepared, actorIDs: actorIDs, articleID: articleID, db)
        var seen = Set<String>()
        for statement in prepared.analysis.statements {
            var row = try machineRow(statement, articleID: articleID, contentHash: prepared.contentHash,
                                     actorIDs: actorIDs, decidedAt: importedAt)
            // The same suggestion twice in one analysis is one suggestion.
            guard seen.insert(row.key).inserted else { continue }
            try row.insert(db)
        }
        return .added(articleID)
    }

    static func suggestionKey(contentHash: String, kind: StatementKind, span: TextSpan) -> String {
        "\(contentHash)/\(kind.rawValue)/\(span.start)-\(span.end)"
    }

    /// A statement from an analysis as a machine row. A status other than `suggested` (an export
    /// read back) keeps its decision, attributed to the import.
    private static func machineRow(_ statement: Statement, articleID: Int64, contentHash: String,
                                   actorIDs: [String: Int64], decidedAt: Date) throws -> StatementRecord {
        guard let actorID = actorIDs[statement.actorID] else {
            throw WorkspaceError.invalidValue("Statement \(statement.id) names actor \(statement.actorID), "
                                              + "who is not among the article's actors.")
        }
        let key = suggestionKey(contentHash: contentHash, kind: statement.kind, span: statement.span)
        let decided = statement.status != .suggested
        return StatementRecord(
            id: nil, key: key, suggestionKey: key, articleId: articleID, actorId: actorID, kind: statement.kind,
            text: statement.text, cue: statement.cue, start: statement.span.start, end: statement.span.end,
            date: statement.date, dateText: statement.dateText,
            stance: statement.stance.isEmpty ? Frame.none : statement.stance,
            confidence: min(1, max(0, statement.confidence.isFinite ? statement.confidence : 0)),
            evidence: statement.evidence, origin: .machine, status: statement.status,
            annotator: decided ? "import" : nil, decidedAt: decided ? decidedAt : nil, note: nil)
    }

    /// A mention that spells out the canonical name of another actor of the same kind belongs to
    /// that actor: a person split it off, and a new analysis repeating the old confusion must not
    /// hand it back.
    private static func insertMentions(_ prepared: PreparedArticle, actorIDs: [String: Int64], articleID: Int64,
                                       _ db: Database) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO mentions(actor_id, article_id, start, "end") VALUES (?, ?, ?, ?)
            """)
        let owner = try db.cachedStatement(sql: "SELECT id FROM actors WHERE kind = ? AND normalized_name = ? ORDER BY id LIMIT 1")
        for (actor, keys) in zip(prepared.analysis.actors, prepared.mentionKeys) {
            guard let actorID = actorIDs[actor.id] else { continue }
            // The actor's own name resolved to this actor already; any other words may name another.
            let ownName = NameKey.normalize(actor.name)
            for (span, key) in zip(actor.mentions, keys) {
                var mentionOwner = actorID
                if key != ownName, let named = try Int64.fetchOne(owner, arguments: [actor.kind, key]) {
                    mentionOwner = named
                }
                try insert.execute(arguments: [mentionOwner, articleID, span.start, span.end])
            }
        }
    }

    /// Maps each analysis actor (by its local id) to a workspace actor, merging by name or
    /// creating one. Aliases from the analysis are added to the workspace actor.
    static func resolveActors(_ actors: [Actor], _ db: Database) throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for actor in actors {
            let name = actor.name.trimmingCharacters(in: .whitespacesAndNewlines)
            let nameKey = NameKey.normalize(name)
            guard !nameKey.isEmpty else {
                throw WorkspaceError.invalidValue("Actor \(actor.id) has no name.")
            }
            // A person's short form ("Rowan Achterberg" for "Rowan T. Achterberg") is an alias too, so
            // the two spellings meet across articles; two different initials never match each other.
            let shortForm = actor.kind == .person ? NameKey.withoutInitials(nameKey) : nil
            let aliasKeys = Set(actor.aliases.map(NameKey.normalize)).union([nameKey, shortForm ?? ""]).subtracting([""])
            var row: ActorRecord
            if let found = try matchingActor(kind: actor.kind, nameKey: nameKey, aliasKeys: aliasKeys, db) {
                row = found
                row.role = found.role ?? actor.role
                row.isParticipant = found.isParticipant || actor.isParticipant
                if row != found { try row.update(db) }
            } else {
                row = ActorRecord(id: nil, key: try uniqueActorKey(kind: actor.kind, nameKey: nameKey, db),
                                  name: name, normalizedName: nameKey, kind: actor.kind, role: actor.role,
                                  isParticipant: actor.isParticipant)
                try row.insert(db)
            }
            guard let actorID = row.id else { continue }
            for alias in [name] + actor.aliases + [shortForm.map { _ in Self.shortName(name) } ?? ""] where !alias.isEmpty {
                try addAlias(alias, to: row, db)
            }
            ids[actor.id] = actorID
        }
        return ids
    }

    /// The display form of a person's name without middle initials and suffixes.
    static func shortName(_ name: String) -> String {
        let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]
        let words = name.split(separator: " ")
        return words.enumerated().filter { index, word in
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,")).lowercased()
            return index == 0 || (bare.count > 1 && !suffixes.contains(bare))
        }.map { String($0.element) }.joined(separator: " ")
    }

    /// Same kind, and the newcomer's name or aliases equal the actor's canonical name, or the
    /// newcomer's canonical name is one of the actor's aliases. Alias against alias is not
    /// enough: two people may share a surname.
    private static func matchingActor(kind: ActorKind, nameKey: String, aliasKeys: Set<String>, _ db: Database) throws -> ActorRecord? {
        let byName = try ActorRecord.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM actors WHERE kind = ? AND normalized_name IN (SELECT value FROM json_each(?))
            ORDER BY normalized_name <> ?, id LIMIT 1
            """), arguments: [kind, jsonArray(aliasKeys.sorted()), nameKey])
        if let found = byName.first { return found }
        return try ActorRecord.fetchOne(db.cachedStatement(sql: """
            SELECT actors.* FROM actors JOIN actor_aliases ON actor_aliases.actor_id = actors.id
            WHERE actors.kind = ? AND actor_aliases.normalized_alias = ?
            ORDER BY actors.id LIMIT 1
            """), arguments: [kind, nameKey])
    }

    /// `person/mark a milley`, with `#2`, `#3`... when taken: unique, and the same on every
    /// workspace that imports the same articles in the same order.
    static func uniqueActorKey(kind: ActorKind, nameKey: String, _ db: Database) throws -> String {
        try uniqueKey("\(kind.rawValue)/\(nameKey)", in: "actors", db)
    }

    static func uniqueKey(_ base: String, in table: String, _ db: Database) throws -> String {
        let taken = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE key = ?)")
        var candidate = base
        var counter = 1
        while try Bool.fetchOne(taken, arguments: [candidate]) ?? false {
            counter += 1
            candidate = "\(base)#\(counter)"
        }
        return candidate
    }

    private static func addAlias(_ alias: String, to actor: ActorRecord, _ db: Database) throws {
        let trimmed = alias.trimmingCharacters(in: .whitespacesAndNewlines)
        let key = NameKey.normalize(trimmed)
        guard let actorID = actor.id, !key.isEmpty, key != actor.normalizedName else { return }
        // Another actor's own name is not an alias of this one (a person split them apart).
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO actor_aliases(actor_id, alias, normalized_alias)
            SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM actors WHERE kind = ? AND normalized_name = ? AND id <> ?)
            """).execute(arguments: [actorID, trimmed, key, actor.kind, key, actorID])
    }

    static func jsonArray(_ values: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(values), as: UTF8.self)) ?? "[]"
    }
}
