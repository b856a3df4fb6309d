import Foundation
import GRDB

extension Workspace {
    /// Adds an analysed article, unless the same text is already here. Actors merge with the
    /// workspace's actors of the same kind whose canonical name or alias matches (case, accents and
    /// punctuation folded). `fileHash` is the SHA-256 of the file as read, when there was a file.
    @discardableResult
    public func addArticle(_ analysis: ArticleAnalysis, frameID: String? = nil, fileHash: String? = nil) throws -> AddResult {
        let importedAt = now()
        return try write { db in
            try Self.insert(analysis, frameID: frameID, fileHash: fileHash, importedAt: importedAt, db)
        }
    }

    /// Adds many analysed articles in one transaction, for the importer.
    func addArticles(_ items: [(analysis: ArticleAnalysis, fileHash: String?)], frameID: String?) throws -> [Result<AddResult, any Error>] {
        let importedAt = now()
        return try write { db in
            items.map { item in
                // A savepoint per article: one bad analysis fails alone, not its whole batch.
                var result: Result<AddResult, any Error> = .failure(WorkspaceError.invalidValue("not written"))
                do {
                    try db.inSavepoint {
                        result = .success(try Self.insert(item.analysis, frameID: frameID, fileHash: item.fileHash,
                                                          importedAt: importedAt, db))
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
            try Set(String.fetchAll(db, ArticleRecord.select(Column("file_hash")).filter(hashes.contains(Column("file_hash")))))
        }
    }

    /// Replaces the machine suggestions of an article with a new analysis of the same text.
    /// What a person did stays as they left it: accepted, edited, rejected or annotated statements
    /// and human statements are kept, and a suggestion they rejected is not proposed again.
    /// Re-analysis is the machine's work, so it is not in the undo history.
    @discardableResult
    public func reanalyze(articleID: Int64, with analysis: ArticleAnalysis, frameID: String? = nil) throws -> ReanalysisSummary {
        try write { db in
            guard var article = try ArticleRecord.fetchOne(db, key: articleID) else {
                throw WorkspaceError.unknownArticle(String(articleID))
            }
            guard SHA256.hexDigest(analysis.article.text) == article.contentHash else {
                throw WorkspaceError.invalidValue("The new analysis is of a different text than article \(articleID); "
                                                  + "add it as a new article instead.")
            }
            try Self.validateSpans(of: analysis)
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
            try Self.insertMentions(analysis.actors, actorIDs: actorIDs, articleID: articleID, text: fresh.text, db)

            let existing = try StatementRecord.filter(Column("article_id") == articleID).fetchAll(db)
            let bySuggestion = Dictionary(existing.compactMap { row in row.suggestionKey.map { ($0, row) } },
                                          uniquingKeysWith: { first, _ in first })
            let humanSpans = Set(existing.filter { $0.origin == .human }.map { "\($0.kind.rawValue)/\($0.start)-\($0.end)" })
            var summary = ReanalysisSummary()
            var proposed = Set<String>()
            for statement in analysis.statements {
                var row = try Self.machineRow(statement, articleID: articleID, contentHash: article.contentHash,
                                              actorIDs: actorIDs, text: fresh.text, decidedAt: article.importedAt)
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

    private static func insert(_ analysis: ArticleAnalysis, frameID: String?, fileHash: String?, importedAt: Date,
                               _ db: Database) throws -> AddResult {
        let source = analysis.article
        let contentHash = SHA256.hexDigest(source.text)
        if let existing = try ArticleRecord.filter(Column("content_hash") == contentHash).fetchOne(db), let id = existing.id {
            return .duplicate(id)
        }
        try validateSpans(of: analysis)
        var article = ArticleRecord(id: nil, contentHash: contentHash, fileHash: fileHash, file: source.file,
                                    title: source.title, source: source.source, published: source.published,
                                    byline: source.byline, url: source.url, text: source.text, blocks: source.blocks,
                                    warnings: source.warnings, frame: frameID, importedAt: importedAt)
        try article.insert(db)
        guard let articleID = article.id else { throw WorkspaceError.invalidValue("article was not stored") }
        let actorIDs = try resolveActors(analysis.actors, db)
        try insertMentions(analysis.actors, actorIDs: actorIDs, articleID: articleID, text: source.text, db)
        var seen = Set<String>()
        for statement in analysis.statements {
            var row = try machineRow(statement, articleID: articleID, contentHash: contentHash, actorIDs: actorIDs,
                                     text: source.text, decidedAt: importedAt)
            // The same suggestion twice in one analysis is one suggestion.
            guard seen.insert(row.key).inserted else { continue }
            try row.insert(db)
        }
        return .added(articleID)
    }

    private static func validateSpans(of analysis: ArticleAnalysis) throws {
        let length = analysis.article.text.unicodeScalars.count
        let spans = analysis.statements.map(\.span) + analysis.actors.flatMap(\.mentions)
        if let bad = spans.first(where: { $0.start < 0 || $0.end > length }) {
            throw WorkspaceError.invalidSpan(bad, textLength: length)
        }
    }

    static func suggestionKey(contentHash: String, kind: StatementKind, span: TextSpan) -> String {
        "\(contentHash)/\(kind.rawValue)/\(span.start)-\(span.end)"
    }

    /// A statement from an analysis as a machine row. A status other than `suggested` (an export
    /// read back) keeps its decision, attributed to the import.
    private static func machineRow(_ statement: Statement, articleID: Int64, contentHash: String,
                                   actorIDs: [String: Int64], text: String, decidedAt: Date) throws -> StatementRecord {
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
    private static func insertMentions(_ actors: [Actor], actorIDs: [String: Int64], articleID: Int64, text: String,
                                       _ db: Database) throws {
        var ownerByName: [String: Int64?] = [:]
        for actor in actors {
            guard let actorID = actorIDs[actor.id] else { continue }
            for span in actor.mentions {
                var owner = actorID
                if let words = text.scalars(in: span) {
                    let key = "\(actor.kind.rawValue)/\(NameKey.normalize(words))"
                    if ownerByName[key] == nil {
                        ownerByName[key] = try Int64.fetchOne(db, sql: "SELECT id FROM actors WHERE kind = ? AND normalized_name = ? ORDER BY id LIMIT 1",
                                                              arguments: [actor.kind, NameKey.normalize(words)])
                    }
                    if let named = ownerByName[key] ?? nil { owner = named }
                }
                var mention = MentionRecord(id: nil, actorId: owner, articleId: articleID, start: span.start, end: span.end)
                try mention.insert(db, onConflict: .ignore)
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
            let aliasKeys = Set(actor.aliases.map(NameKey.normalize)).union([nameKey]).subtracting([""])
            var row = try matchingActor(kind: actor.kind, nameKey: nameKey, aliasKeys: aliasKeys, db)
            if var found = row {
                let merged = ActorRecord(id: found.id, key: found.key, name: found.name, normalizedName: found.normalizedName,
                                         kind: found.kind, role: found.role ?? actor.role,
                                         isParticipant: found.isParticipant || actor.isParticipant)
                if merged != found { try merged.update(db); found = merged }
                row = found
            } else {
                var created = ActorRecord(id: nil, key: try uniqueActorKey(kind: actor.kind, nameKey: nameKey, db),
                                          name: name, normalizedName: nameKey, kind: actor.kind, role: actor.role,
                                          isParticipant: actor.isParticipant)
                try created.insert(db)
                row = created
            }
            guard let row, let actorID = row.id else { continue }
            for alias in [name] + actor.aliases {
                try addAlias(alias, to: row, db)
            }
            ids[actor.id] = actorID
        }
        return ids
    }

    /// Same kind, and the newcomer's name or aliases equal the actor's canonical name, or the
    /// newcomer's canonical name is one of the actor's aliases. Alias against alias is not
    /// enough: two people may share a surname.
    private static func matchingActor(kind: ActorKind, nameKey: String, aliasKeys: Set<String>, _ db: Database) throws -> ActorRecord? {
        let byName = try ActorRecord
            .filter(Column("kind") == kind && aliasKeys.contains(Column("normalized_name")))
            .fetchAll(db)
        if let exact = byName.first(where: { $0.normalizedName == nameKey }) ?? byName.min(by: { ($0.id ?? 0) < ($1.id ?? 0) }) {
            return exact
        }
        return try ActorRecord.fetchOne(db, sql: """
            SELECT actors.* FROM actors JOIN actor_aliases ON actor_aliases.actor_id = actors.id
            WHERE actors.kind = ? AND actor_aliases.normalized_alias = ?
            ORDER BY actors.id LIMIT 1
            """, arguments: [kind, nameKey])
    }

    /// `person/mark a milley`, with `#2`, `#3`... when taken: unique, and the same on every
    /// workspace that imports the same articles in the same order.
    static func uniqueActorKey(kind: ActorKind, nameKey: String, _ db: Database) throws -> String {
        try uniqueKey("\(kind.rawValue)/\(nameKey)", in: "actors", db)
    }

    static func uniqueKey(_ base: String, in table: String, _ db: Database) throws -> String {
        var candidate = base
        var counter = 1
        while try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE key = ?)", arguments: [candidate]) ?? false {
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
        let namesAnother = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM actors WHERE kind = ? AND normalized_name = ? AND id <> ?)",
                                             arguments: [actor.kind, key, actorID]) ?? false
        if namesAnother { return }
        var row = ActorAliasRecord(id: nil, actorId: actorID, alias: trimmed, normalizedAlias: key)
        try row.insert(db, onConflict: .ignore)
    }
}
