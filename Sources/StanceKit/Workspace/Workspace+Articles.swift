import Foundation
import GRDB
import GRDBSQLite

/// An analysis checked and measured before it reaches the single database writer: content hash,
/// spans against the text, the name keys of actors and of the words at each mention, and the JSON
/// columns encoded. The importer builds these on its worker threads so that the writer only writes.
struct PreparedArticle: Sendable {
    /// An actor's names folded for matching, and the spellings to record as its aliases.
    struct ActorNames: Sendable {
        /// The canonical name as written, trimmed.
        var name: String
        var nameKey: String
        /// Keys that find this actor among the workspace's (its name, its aliases, a person's name
        /// without initials), sorted.
        var lookupKeys: [String]
        /// Spellings to record as aliases, in order of preference, each with its key.
        var aliases: [(text: String, key: String)]

        init(_ actor: Actor) throws {
            let name = TrimSet.whitespacesAndNewlines.trim(actor.name)
            let nameKey = NameKey.normalize(name)
            guard !nameKey.isEmpty else { throw WorkspaceError.invalidValue("Actor \(actor.id) has no name.") }
            // A person's short form ("Rowan Achterberg" for "Rowan T. Achterberg") is an alias too, so
            // the two spellings meet across articles; two different initials never match each other.
            let shortForm = actor.kind == .person ? NameKey.withoutInitials(nameKey) : nil
            // Spaces around a spelling do not change its key: each is folded once, as given.
            let aliasKeys = actor.aliases.map(NameKey.normalize)
            self.name = name
            self.nameKey = nameKey
            lookupKeys = Set(aliasKeys + [nameKey, shortForm ?? ""]).subtracting([""]).sorted()
            let shortName = shortForm.map { _ in Workspace.shortName(name) }
            aliases = [(name, nameKey)]
                + zip(actor.aliases, aliasKeys).compactMap { alias, key in key.isEmpty ? nil : (TrimSet.whitespacesAndNewlines.trim(alias), key) }
                + (shortName.map { [(TrimSet.whitespacesAndNewlines.trim($0), NameKey.normalize($0))] } ?? []).filter { !$0.1.isEmpty }
        }
    }

    var analysis: ArticleAnalysis
    var contentHash: String
    var fileHash: String?
    /// For each actor of the analysis, the name key of the text at each of its mentions.
    var mentionKeys: [[String]]
    /// For each actor of the analysis.
    var actorNames: [ActorNames]
    /// The article's columns other than plain strings, as its record encodes them.
    var publishedColumn: String?
    var bylineJSON: String
    var blocksJSON: String
    var warningsJSON: String
    /// The analysis's statements as machine rows, each suggestion once (the first, when an
    /// analysis repeats one).
    var statements: [MachineStatement]

    init(_ analysis: ArticleAnalysis, fileHash: String?) throws {
        let text = analysis.article.text
        let scalars = ScalarOffsets(text)
        let spans = analysis.statements.map(\.span) + analysis.actors.flatMap(\.mentions)
        if let bad = spans.first(where: { $0.start < 0 || $0.end > scalars.count || $0.start > $0.end }) {
            throw WorkspaceError.invalidSpan(bad, textLength: scalars.count)
        }
        let actorIDs = Set(analysis.actors.map(\.id))
        if let orphan = analysis.statements.first(where: { !actorIDs.contains($0.actorID) }) {
            throw WorkspaceError.invalidValue("Statement \(orphan.id) names actor \(orphan.actorID), "
                                              + "who is not among the article's actors.")
        }
        let contentHash = SHA256.hexDigest(text)
        self.analysis = analysis
        self.contentHash = contentHash
        self.fileHash = fileHash
        self.actorNames = try analysis.actors.map(ActorNames.init)
        self.mentionKeys = analysis.actors.map { actor in
            actor.mentions.map { span in
                NameKey.normalize(String(Substring(text.unicodeScalars[scalars.index(span.start)..<scalars.index(span.end)])))
            }
        }
        let article = analysis.article
        publishedColumn = article.published?.description
        bylineJSON = JSONColumn.strings(article.byline)
        blocksJSON = JSONColumn.blocks(article.blocks)
        warningsJSON = JSONColumn.strings(article.warnings)
        var seenKeys = Set<String>()
        statements = analysis.statements.compactMap { statement in
            let row = MachineStatement(statement, contentHash: contentHash)
            return seenKeys.insert(row.key).inserted ? row : nil
        }
    }
}

/// The `String.Index` of each Unicode scalar offset of a text (spans count scalars). In ASCII text,
/// which many articles are, offset n is byte n; other text is walked once, byte by byte, for where
/// each scalar begins. An array of every scalar, the former way, copied each text at four times its
/// size, and an array of the view's indexes was slower still.
private struct ScalarOffsets {
    private let text: String
    /// The byte offset of each scalar, for text that is not ASCII.
    private let byteOffsets: [UInt32]?
    /// How many scalars the text has.
    let count: Int

    init(_ text: String) {
        self.text = text
        var text = text
        (count, byteOffsets) = text.withUTF8 { bytes in
            // Every byte but a continuation byte (10xxxxxx) begins a scalar.
            let scalars = bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            guard scalars < bytes.count else { return (scalars, nil) }
            var offsets: [UInt32] = []
            offsets.reserveCapacity(scalars)
            for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { offsets.append(UInt32(offset)) }
            return (scalars, offsets)
        }
    }

    /// The index of scalar `offset`, `0...count`.
    func index(_ offset: Int) -> String.Index {
        let byte = offset < count ? byteOffsets.map { Int($0[offset]) } ?? offset : text.utf8.count
        return text.utf8.index(text.utf8.startIndex, offsetBy: byte)
    }
}

/// A statement of an analysis as its machine row, all but the ids the writer gives it (article
/// and actor): made on the importer's workers, so the writer only binds the values.
struct MachineStatement: Sendable {
    /// The analysis's id of the actor who made it.
    var actorID: String
    /// Also its suggestion key: article + kind + span as first suggested.
    var key: String
    var kind: StatementKind
    var text: String
    var cue: String?
    var span: TextSpan
    var date: Day?
    /// `date` as its column holds it.
    var dateColumn: String?
    var dateText: String?
    var stance: String
    var confidence: Double
    var evidence: [String]
    /// `evidence` as its column holds it.
    var evidenceJSON: String
    /// A status other than `suggested` (an export read back) keeps its decision, attributed to
    /// the import.
    var status: StatementStatus

    init(_ statement: Statement, contentHash: String) {
        actorID = statement.actorID
        key = Workspace.suggestionKey(contentHash: contentHash, kind: statement.kind, span: statement.span)
        kind = statement.kind
        text = statement.text
        cue = statement.cue
        span = statement.span
        date = statement.date
        dateColumn = statement.date?.description
        dateText = statement.dateText
        stance = statement.stance.isEmpty ? Frame.none : statement.stance
        confidence = min(1, max(0, statement.confidence.isFinite ? statement.confidence : 0))
        evidence = statement.evidence
        evidenceJSON = JSONColumn.strings(statement.evidence)
        status = statement.status
    }

    /// Who decided, for a decision the analysis carries: the import.
    var annotator: String? { status != .suggested ? Self.importAnnotator : nil }
    static let importAnnotator = "import"

    /// The row as its record, for re-analysis to compare with the stored one.
    func record(articleID: Int64, actorID: Int64, decidedAt: Date) -> StatementRecord {
        StatementRecord(
            id: nil, key: key, suggestionKey: key, articleId: articleID, actorId: actorID, kind: kind, text: text,
            cue: cue, start: span.start, end: span.end, date: date, dateText: dateText, stance: stance,
            confidence: confidence, evidence: evidence, origin: .machine, status: status, annotator: annotator,
            decidedAt: annotator != nil ? decidedAt : nil, note: nil)
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
        return try write { db in
            var actors = try ActorDirectory(db)
            return try Self.insert(prepared, frameID: frameID, importedAt: importedAt.databaseValue, actors: &actors, db)
        }
    }

    /// Adds many prepared articles in one transaction (see `addArticleBatches`).
    func addArticles(_ items: [PreparedArticle], frameID: String?,
                     actorCache: ActorDirectoryCache = ActorDirectoryCache()) throws -> [Result<AddResult, any Error>] {
        var results: [Result<AddResult, any Error>] = []
        try addArticleBatches(frameID: frameID, actorCache: actorCache) { add in results = try add(items) }
        return results
    }

    /// Adds prepared articles for the importer, batch after batch, in one transaction: `batches` is
    /// given `add`, which adds one batch and returns each article's outcome (an article is added in
    /// a savepoint of its own, so a bad one fails alone). The transaction's articles go into the
    /// full-text index in one statement per `searchIndexChunk` articles and at the end (see
    /// WorkspaceSchema, v2). `actorCache` keeps the workspace's actors in memory from one
    /// transaction to the next.
    ///
    /// Into a workspace without articles, the indexes that only serve reading (those of
    /// `readIndexes`) are dropped as the transaction begins, and named in `import_deferred_indexes`
    /// in the same transaction. They stay dropped through the transactions that follow, until the
    /// importer's end makes them again from the same SQL (`restoreDeferredIndexes`): one sort of
    /// the finished tables instead of an index insert per row. A crash in between leaves whole
    /// transactions and the record of what is missing, so opening the workspace makes them.
    func addArticleBatches(
        frameID: String?, actorCache: ActorDirectoryCache = ActorDirectoryCache(),
        _ batches: (_ add: ([PreparedArticle]) throws -> [Result<AddResult, any Error>]) throws -> Void
    ) throws {
        let importedAt = now().databaseValue
        do {
            try write { db in
                // The statements' unique keys start with the content hash, so a batch's rows land all
                // over that index: with SQLite's default 2 MB page cache, a large workspace rereads
                // and rewrites index pages for nearly every row. 32 MB holds it (about 20 MB at
                // 10,000 articles; a first import defers the other indexes); 64 MB wrote no faster
                // and its pages were most of the import's peak memory.
                try db.execute(sql: "PRAGMA cache_size = -32768")
                // Ids only grow (AUTOINCREMENT): the articles not yet in the full-text index are those
                // above the largest indexed.
                var largestIndexed = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM articles") ?? 0
                var unindexed = 0
                func indexForSearch() throws {
                    try db.execute(sql: "INSERT INTO article_search(rowid, title, text) SELECT id, title, text FROM articles WHERE id > ?",
                                   arguments: [largestIndexed])
                    largestIndexed = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM articles") ?? 0
                    unindexed = 0
                }
                if largestIndexed == 0, try !Self.hasDeferredIndexes(db) {
                    for index in try Self.readIndexes(db) {
                        try db.execute(sql: "INSERT INTO import_deferred_indexes(name, sql) VALUES (?, ?)",
                                       arguments: [index.name, index.sql])
                        try db.execute(sql: "DROP INDEX \(index.name.quotedDatabaseIdentifier)")
                    }
                }
                try db.execute(sql: "INSERT INTO search_index_deferred(id) VALUES (1)")
                try Self.configureSearchIndex(SearchIndexSettings.bulkFill, db)
                var actors = try actorCache.take(db)
                try batches { items in
                    // A large transaction is indexed as it goes, so that the index's work overlaps
                    // the analysis of the articles still to come instead of all following it.
                    defer { unindexed += items.count }
                    if unindexed >= Self.searchIndexChunk { try indexForSearch() }
                    return try items.map { item -> Result<AddResult, any Error> in
                        do {
                            var added: AddResult?
                            try db.inSavepoint {
                                added = try Self.insert(item, frameID: frameID, importedAt: importedAt, actors: &actors, db)
                                return .commit
                            }
                            return .success(added!)
                        } catch {
                            // The savepoint took back what the directory had recorded for this article.
                            actors = try ActorDirectory(db)
                            return .failure(error)
                        }
                    }
                }
                try indexForSearch()
                try Self.configureSearchIndex(SearchIndexSettings.fts5Defaults, db)
                try db.execute(sql: "DELETE FROM search_index_deferred")
                try actorCache.keep(actors, db)
            }
        } catch {
            actorCache.forget()
            throw error
        }
    }

    /// Makes the read indexes an import dropped (see `addArticleBatches`) again, if any are
    /// missing: the importer ends with it, and opening a workspace that a crash left without them.
    func restoreDeferredIndexes() throws {
        // Looked for first: an import that added nothing to a read-only workspace did not fail before.
        guard try read(Self.hasDeferredIndexes) else { return }
        try write { db in try Self.restoreDeferredIndexes(db) }
    }

    static func restoreDeferredIndexes(_ db: Database) throws {
        guard try hasDeferredIndexes(db) else { return }
        let missing = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM import_deferred_indexes
            WHERE name NOT IN (SELECT name FROM sqlite_master WHERE type = 'index') ORDER BY name
            """)
        // CREATE INDEX sorts in memory up to the page cache's size before it spills to temporary
        // files: 16 MB bounds that where the import's 64 MB cache would allow four times as much.
        try db.execute(sql: "PRAGMA cache_size = -16384")
        for index in missing { try db.execute(sql: index["sql"]) }
        try db.execute(sql: "DELETE FROM import_deferred_indexes")
    }

    /// For opening: makes the read indexes an import dropped again unless another connection is
    /// writing, without waiting for it. That is an import still under way, which makes them at its
    /// end; one that a crash cut short has no writer left.
    static func restoreDeferredIndexesUnlessBusy(_ writer: any DatabaseWriter) throws {
        try writer.writeWithoutTransaction { db in
            let timeout = try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 0
            try db.execute(sql: "PRAGMA busy_timeout = 0")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(timeout)") }
            do {
                try db.inTransaction(.immediate) {
                    try restoreDeferredIndexes(db)
                    return .commit
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                return
            }
        }
    }

    /// Whether an import dropped read indexes that are not made again yet. False on a workspace
    /// whose schema predates the record (it is migrated before it is written).
    static func hasDeferredIndexes(_ db: Database) throws -> Bool {
        try db.tableExists("import_deferred_indexes")
            && Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM import_deferred_indexes)") ?? false
    }

    /// Articles added to the full-text index at a time within an import's transaction: the larger,
    /// the fewer segments FTS5 writes and merges.
    static let searchIndexChunk = 1024

    /// The full-text table's settings that govern how it is written. FTS5 writes the terms it
    /// holds in memory as a new segment whenever they pass `hashSize` bytes, and merges
    /// `automerge` segments of a level into one segment of the next. A chunk of 1,024 articles
    /// (with the three-letter prefix index) holds about 8 MB of terms: at FTS5's default of 1 MB
    /// it became about eight segments, each merged again and again as the index grew.
    struct SearchIndexSettings: Equatable {
        var hashSize: Int
        var automerge: Int

        /// For an import's transaction: a chunk is one segment, and merges take 16 segments at a
        /// time (each posting is rewritten about half as often as with 4). Costs up to `hashSize`
        /// of memory while a chunk is indexed. Queries read a few more segments; the search bench
        /// showed no difference.
        static let bulkFill = SearchIndexSettings(hashSize: 16 << 20, automerge: 16)
        /// FTS5's own, for every other write: stored in the table's configuration, so an import
        /// sets them back before it commits (its settings never outlive its transaction).
        static let fts5Defaults = SearchIndexSettings(hashSize: 1 << 20, automerge: 4)
    }

    /// Stores `settings` in the full-text table's configuration (FTS5 reads them for its next write).
    static func configureSearchIndex(_ settings: SearchIndexSettings, _ db: Database) throws {
        let command = "INSERT INTO article_search(article_search, rank) VALUES (?, ?)"
        try db.execute(sql: command, arguments: ["hashsize", settings.hashSize])
        try db.execute(sql: command, arguments: ["automerge", settings.automerge])
    }

    /// The indexes on the tables an import fills (articles, statements, mentions) that no write
    /// of the import reads and that enforce nothing: not the unique ones (duplicate articles and
    /// mentions are found through them), not those SQLite makes for constraints. Read from the
    /// schema, so an index a later migration adds is deferred too.
    private static func readIndexes(_ db: Database) throws -> [(name: String, sql: String)] {
        try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master AS m
            WHERE type = 'index' AND tbl_name IN ('articles', 'statements', 'mentions') AND sql IS NOT NULL
              AND NOT (SELECT "unique" FROM pragma_index_list(m.tbl_name) AS l WHERE l.name = m.name)
            ORDER BY name
            """).map { (name: $0[0], sql: $0[1]) }
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

            var actors = try ActorDirectory(db)
            let actorIDs = try Self.resolveActors(of: prepared, actors: &actors, db)
            try MentionRecord.filter(Column("article_id") == articleID).deleteAll(db)
            try Self.insertMentions(prepared, actorIDs: actorIDs, articleID: articleID, actors: actors, db)

            let existing = try StatementRecord.filter(Column("article_id") == articleID).fetchAll(db)
            let bySuggestion = Dictionary(existing.compactMap { row in row.suggestionKey.map { ($0, row) } },
                                          uniquingKeysWith: { first, _ in first })
            let humanSpans = Set(existing.filter { $0.origin == .human }.map { "\($0.kind.rawValue)/\($0.start)-\($0.end)" })
            var summary = ReanalysisSummary()
            var proposed = Set<String>()
            for (statement, actorID) in try Self.withActorIDs(prepared.statements, actorIDs) {
                var row = statement.record(articleID: articleID, actorID: actorID, decidedAt: article.importedAt)
                proposed.insert(statement.key)
                if let old = bySuggestion[statement.key] {
                    if old.isTouchedByHuman { continue }
                    row.id = old.id
                    row.key = old.key
                    if row != old { try row.update(db); summary.updated += 1 }
                } else if !humanSpans.contains("\(row.kind.rawValue)/\(row.start)-\(row.end)") {
                    try Self.insertStatements([(statement, actorID)], articleID: articleID,
                                              decidedAt: article.importedAt.databaseValue, db)
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
    //
    // The import path binds each value straight to a cached statement (ParameterBinding): GRDB
    // records (a persistence container and a Codable pass per row), and then GRDB's arguments (an
    // array of existentials per statement, checked and converted value by value), each cost more
    // than SQLite's own work on the row. Values are prepared on the importer's workers and
    // encoded as the records encode them.

    private static func insert(_ prepared: PreparedArticle, frameID: String?, importedAt: DatabaseValue,
                               actors: inout ActorDirectory, _ db: Database) throws -> AddResult {
        let source = prepared.analysis.article
        if let existing = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM articles WHERE content_hash = ?"),
                                             arguments: [prepared.contentHash]) {
            return .duplicate(existing)
        }
        var article = ParameterBinding(try db.cachedStatement(sql: """
            INSERT INTO articles(content_hash, file_hash, file, title, source, published, byline, url, text, blocks,
                                 warnings, frame, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """))
        article.bind(prepared.contentHash)
        article.bind(prepared.fileHash)
        article.bind(source.file)
        article.bind(source.title)
        article.bind(source.source)
        article.bind(prepared.publishedColumn)
        article.bind(prepared.bylineJSON)
        article.bind(source.url)
        article.bind(source.text)
        article.bind(prepared.blocksJSON)
        article.bind(prepared.warningsJSON)
        article.bind(frameID)
        article.bind(importedAt)
        try article.execute(db)
        let articleID = db.lastInsertedRowID
        let actorIDs = try resolveActors(of: prepared, actors: &actors, db)
        try insertMentions(prepared, actorIDs: actorIDs, articleID: articleID, actors: actors, db)
        try insertStatements(withActorIDs(prepared.statements, actorIDs), articleID: articleID, decidedAt: importedAt, db)
        return .added(articleID)
    }

    /// Each statement with the workspace id of its actor.
    private static func withActorIDs(_ statements: [MachineStatement],
                                     _ actorIDs: [String: Int64]) throws -> [(MachineStatement, actorID: Int64)] {
        try statements.map { statement in
            guard let actorID = actorIDs[statement.actorID] else {
                throw WorkspaceError.invalidValue("A statement names actor \(statement.actorID), "
                                                  + "who is not among the article's actors.")
            }
            return (statement, actorID)
        }
    }

    /// Inserts new machine statement rows; `decidedAt` is the time given to decisions they carry.
    private static func insertStatements(_ rows: [(MachineStatement, actorID: Int64)], articleID: Int64,
                                         decidedAt: DatabaseValue, _ db: Database) throws {
        try insertRows(rows, into: .statements, db) { binding, row in
            let (statement, actorID) = row
            binding.bind(statement.key)
            binding.bind(statement.key)
            binding.bind(articleID)
            binding.bind(actorID)
            binding.bind(statement.kind.rawValue)
            binding.bind(statement.text)
            binding.bind(statement.cue)
            binding.bind(Int64(statement.span.start))
            binding.bind(Int64(statement.span.end))
            binding.bind(statement.dateColumn)
            binding.bind(statement.dateText)
            binding.bind(statement.stance)
            binding.bind(statement.confidence)
            binding.bind(statement.evidenceJSON)
            binding.bind(StatementOrigin.machine.rawValue)
            binding.bind(statement.status.rawValue)
            binding.bind(statement.annotator)
            binding.bind(statement.annotator != nil ? decidedAt : .null)
            binding.bind(String?.none)
        }
    }

    /// An INSERT of many rows to a statement: SQLite builds the lookup tables of the CHECK
    /// constraints' IN lists once per statement, and steps once, instead of once per row. The
    /// SQL for each number of rows is built once (building it for every article showed in
    /// profiles).
    struct MultiRowInsert: Sendable {
        static let rowsPerStatement = 32
        static let statements = MultiRowInsert(width: 19, """
            INSERT INTO statements(key, suggestion_key, article_id, actor_id, kind, text, cue, start, "end", date, date_text,
                                   stance, confidence, evidence, origin, status, annotator, decided_at, note)
            """)
        static let mentions = MultiRowInsert(width: 4, #"INSERT OR IGNORE INTO mentions(actor_id, article_id, start, "end")"#)

        let width: Int
        /// Index n: the statement for n rows.
        let sql: [String]

        init(width: Int, _ insert: String) {
            let placeholders = "(" + databaseQuestionMarks(count: width) + ")"
            self.width = width
            sql = (0...Self.rowsPerStatement).map { rows in
                insert + " VALUES " + repeatElement(placeholders, count: rows).joined(separator: ", ")
            }
        }
    }

    /// `bind` binds one row's `insert.width` values, in the order of the INSERT's columns.
    private static func insertRows<Row>(_ rows: [Row], into insert: MultiRowInsert, _ db: Database,
                                        bind: (inout ParameterBinding, Row) -> Void) throws {
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + MultiRowInsert.rowsPerStatement)
            var binding = ParameterBinding(try db.cachedStatement(sql: insert.sql[end - start]))
            for row in rows[start..<end] { bind(&binding, row) }
            try binding.execute(db)
            start = end
        }
    }

    static func suggestionKey(contentHash: String, kind: StatementKind, span: TextSpan) -> String {
        "\(contentHash)/\(kind.rawValue)/\(span.start)-\(span.end)"
    }

    /// A mention that spells out the canonical name of another actor of the same kind belongs to
    /// that actor: a person split it off, and a new analysis repeating the old confusion must not
    /// hand it back.
    private static func insertMentions(_ prepared: PreparedArticle, actorIDs: [String: Int64], articleID: Int64,
                                       actors: ActorDirectory, _ db: Database) throws {
        var rows: [(owner: Int64, span: TextSpan)] = []
        for (actor, (names, keys)) in zip(prepared.analysis.actors, zip(prepared.actorNames, prepared.mentionKeys)) {
            guard let actorID = actorIDs[actor.id] else { continue }
            for (span, key) in zip(actor.mentions, keys) {
                // The actor's own name resolved to this actor already; any other words may name another.
                let owner = key == names.nameKey ? actorID : actors.actor(named: key, kind: actor.kind) ?? actorID
                rows.append((owner, span))
            }
        }
        try insertRows(rows, into: .mentions, db) { binding, row in
            binding.bind(row.owner)
            binding.bind(articleID)
            binding.bind(Int64(row.span.start))
            binding.bind(Int64(row.span.end))
        }
    }

    /// Maps each analysis actor (by its local id) to a workspace actor, merging by name or
    /// creating one. Aliases from the analysis are added to the workspace actor.
    private static func resolveActors(of prepared: PreparedArticle, actors: inout ActorDirectory,
                                      _ db: Database) throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for (actor, names) in zip(prepared.analysis.actors, prepared.actorNames) {
            let actorID: Int64
            let ownKey: String
            if let foundID = actors.match(kind: actor.kind, names: names), let found = actors.entry(foundID) {
                (actorID, ownKey) = (foundID, found.normalizedName)
                let role = found.role ?? actor.role
                let isParticipant = found.isParticipant || actor.isParticipant
                if role != found.role || isParticipant != found.isParticipant {
                    var update = ParameterBinding(try db.cachedStatement(sql: "UPDATE actors SET role = ?, is_participant = ? WHERE id = ?"))
                    update.bind(role)
                    update.bind(isParticipant)
                    update.bind(actorID)
                    try update.execute(db)
                    actors.recordRole(of: actorID, role: role, isParticipant: isParticipant)
                }
            } else {
                let key = uniqueKey(actorKeyBase(kind: actor.kind, nameKey: names.nameKey), isTaken: actors.isActorKeyTaken)
                var insert = ParameterBinding(try db.cachedStatement(sql: """
                    INSERT INTO actors(key, name, normalized_name, kind, role, is_participant) VALUES (?, ?, ?, ?, ?, ?)
                    """))
                insert.bind(key)
                insert.bind(names.name)
                insert.bind(names.nameKey)
                insert.bind(actor.kind.rawValue)
                insert.bind(actor.role)
                insert.bind(actor.isParticipant)
                try insert.execute(db)
                (actorID, ownKey) = (db.lastInsertedRowID, names.nameKey)
                actors.recordActor(id: actorID, key: key, kind: actor.kind,
                                   entry: .init(normalizedName: names.nameKey, role: actor.role, isParticipant: actor.isParticipant))
            }
            for alias in names.aliases where alias.key != ownKey && actors.acceptsAlias(alias.key, actorID: actorID, kind: actor.kind) {
                var insert = ParameterBinding(try db.cachedStatement(sql: """
                    INSERT OR IGNORE INTO actor_aliases(actor_id, alias, normalized_alias) VALUES (?, ?, ?)
                    """))
                insert.bind(actorID)
                insert.bind(alias.text)
                insert.bind(alias.key)
                try insert.execute(db)
                actors.recordAlias(actorID: actorID, kind: actor.kind, key: alias.key)
            }
            ids[actor.id] = actorID
        }
        return ids
    }

    /// The display form of a person's name without middle initials and suffixes.
    static func shortName(_ name: String) -> String {
        let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]
        let words = name.split(separator: " ")
        let isMark: (Unicode.Scalar) -> Bool = { $0 == "." || $0 == "," }
        return words.enumerated().filter { index, word in
            // The word without the periods and commas around it (no CharacterSet, which costs a set a word).
            guard index > 0 else { return true }
            guard let first = word.unicodeScalars.firstIndex(where: { !isMark($0) }),
                  let last = word.unicodeScalars.lastIndex(where: { !isMark($0) }) else { return false }
            let bare = Substring(word.unicodeScalars[first...last])
            return bare.count > 1 && !suffixes.contains(bare.lowercased())
        }.map { String($0.element) }.joined(separator: " ")
    }

    /// `person/mark a milley`, with `#2`, `#3`... when taken: unique, and the same on every
    /// workspace that imports the same articles in the same order.
    static func uniqueActorKey(kind: ActorKind, nameKey: String, _ db: Database) throws -> String {
        try uniqueKey(actorKeyBase(kind: kind, nameKey: nameKey), in: "actors", db)
    }

    private static func actorKeyBase(kind: ActorKind, nameKey: String) -> String { "\(kind.rawValue)/\(nameKey)" }

    static func uniqueKey(_ base: String, in table: String, _ db: Database) throws -> String {
        let taken = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE key = ?)")
        return try uniqueKey(base) { try Bool.fetchOne(taken, arguments: [$0]) ?? false }
    }

    /// `base`, or `base#2`, `base#3`... the first that is not taken.
    static func uniqueKey(_ base: String, isTaken: (String) throws -> Bool) rethrows -> String {
        var candidate = base
        var counter = 1
        while try isTaken(candidate) {
            counter += 1
            candidate = "\(base)#\(counter)"
        }
        return candidate
    }

    static func jsonArray(_ values: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(values), as: UTF8.self)) ?? "[]"
    }
}

/// Values bound in order to a cached statement's parameters, then the statement run: what the
/// import writes goes through this instead of GRDB's arguments (see "Shared by add" above). The
/// statement must take exactly as many values as are bound, and return no rows.
struct ParameterBinding {
    private let statement: GRDB.Statement
    private var next: CInt = 1

    init(_ statement: GRDB.Statement) {
        self.statement = statement
    }

    mutating func bind(_ text: String) {
        // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
        sqlite3_bind_text(statement.sqliteStatement, next, text, CInt(text.utf8.count),
                          unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self))
        next += 1
    }

    mutating func bind(_ text: String?) {
        if let text { bind(text) } else { bindNull() }
    }

    mutating func bind(_ number: Int64) {
        sqlite3_bind_int64(statement.sqliteStatement, next, number)
        next += 1
    }

    mutating func bind(_ number: Double) {
        sqlite3_bind_double(statement.sqliteStatement, next, number)
        next += 1
    }

    mutating func bind(_ flag: Bool) { bind(Int64(flag ? 1 : 0)) }

    mutating func bind(_ value: DatabaseValue) {
        switch value.storage {
        case .null: bindNull()
        case let .int64(number): bind(number)
        case let .double(number): bind(number)
        case let .string(text): bind(text)
        case let .blob(data):
            _ = data.withUnsafeBytes { bytes in
                sqlite3_bind_blob(statement.sqliteStatement, next, bytes.baseAddress, CInt(bytes.count),
                                  unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self))
            }
            next += 1
        }
    }

    private mutating func bindNull() {
        sqlite3_bind_null(statement.sqliteStatement, next)
        next += 1
    }

    /// Runs the statement and resets it for its next use, bindings and all.
    func execute(_ db: Database) throws {
        precondition(next - 1 == sqlite3_bind_parameter_count(statement.sqliteStatement),
                     "bound \(next - 1) values to: \(statement.sql)")
        let code = sqlite3_step(statement.sqliteStatement)
        let message = code == SQLITE_DONE ? nil : db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }
}
