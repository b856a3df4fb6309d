import Foundation
import GRDB
import Testing
@testable import StanceKit

/// The bulk import's shortcuts (actors matched in memory across batches, one unique index per
/// statement key) keep what the slower paths guaranteed.
@Suite struct WorkspaceImportScaleTests {
    /// The same article with other words after it: another text, the same actors and spans.
    static func retold(_ analysis: ArticleAnalysis, _ words: String) -> ArticleAnalysis {
        var copy = analysis
        copy.article.text += words
        return copy
    }

    static func actorKeys(_ workspace: Workspace) throws -> [String] {
        try workspace.read { db in try String.fetchAll(db, sql: "SELECT key FROM actors ORDER BY key") }
    }

    @Test func actorsKeptFromTheLastBatchAreReadAgainAfterAnotherWrite() throws {
        let workspace = try Workspace.inMemory()
        let cache = ActorDirectoryCache()
        _ = try workspace.addArticles([try PreparedArticle(Fixtures.milley, fileHash: nil)], frameID: nil, actorCache: cache)
        // Written without the cache: the Pentagon and Jill Sullivan are new to the kept directory.
        try workspace.addArticle(Fixtures.brussels)
        let results = try workspace.addArticles([try PreparedArticle(Self.retold(Fixtures.brussels, " Later."), fileHash: nil)],
                                                frameID: nil, actorCache: cache)
        guard case .success(.added) = results.first else {
            Issue.record("not added: \(results)")
            return
        }
        let keys = try Self.actorKeys(workspace)
        #expect(!keys.contains { $0.contains("#") }, "an actor was made twice: \(keys)")
        #expect(keys.contains("organization/pentagon"))
    }

    @Test func aBatchMatchesActorsLikeSingleAdds() throws {
        let analyses = [Fixtures.milley, Fixtures.brussels, Fixtures.kyiv, Self.retold(Fixtures.brussels, " Again.")]
        let oneByOne = try Workspace.inMemory()
        for analysis in analyses { try oneByOne.addArticle(analysis) }
        let batched = try Workspace.inMemory()
        _ = try Importer(workspace: batched, batchSize: 3) { _ in Fixtures.milley }.importAnalyses(analyses)
        #expect(try Self.actorKeys(batched) == Self.actorKeys(oneByOne))
        let aliases = "SELECT actor_id, normalized_alias FROM actor_aliases ORDER BY actor_id, normalized_alias"
        let mentions = #"SELECT actor_id, article_id, start, "end" FROM mentions ORDER BY article_id, start, actor_id"#
        for sql in [aliases, mentions] {
            #expect(try batched.read { db in try Row.fetchAll(db, sql: sql) } == oneByOne.read { db in try Row.fetchAll(db, sql: sql) })
        }
    }

    static func indexSQL(_ workspace: Workspace) throws -> [String] {
        try workspace.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        }
    }

    /// A first import drops the read indexes and makes them again at its end: the finished
    /// workspace has every index of the schema, the same rows as articles added one by one, and
    /// its indexes agree with its tables.
    @Test func aFirstImportEndsWithEveryIndexOfTheSchema() throws {
        let analyses = [Fixtures.milley, Fixtures.brussels, Fixtures.kyiv, Self.retold(Fixtures.brussels, " Again.")]
        let schema = try Self.indexSQL(try Workspace.inMemory())
        let oneByOne = try Workspace.inMemory()
        for analysis in analyses { try oneByOne.addArticle(analysis) }
        let imported = try Workspace.inMemory()
        // Batches of one in transactions of one: the indexes stay dropped from the first commit to the end.
        let summary = try Importer(workspace: imported, batchSize: 1, transactionSize: 1) { _ in Fixtures.milley }
            .importAnalyses(analyses)
        #expect(summary.added.count == analyses.count)
        #expect(try Self.indexSQL(imported) == schema)
        #expect(try imported.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
        // Read through the rebuilt indexes (the timeline's, the article list's), as one-by-one adds give them.
        for sql in ["SELECT actor_id, stance, status, date, article_id FROM statements INDEXED BY statements_for_timeline",
                    "SELECT article_id, status FROM statements INDEXED BY statements_by_article_status",
                    "SELECT actor_id, article_id FROM mentions INDEXED BY mentions_by_actor_article",
                    "SELECT published, title, id FROM articles INDEXED BY articles_for_list"] {
            #expect(try imported.read { db in try Row.fetchAll(db, sql: sql) } == oneByOne.read { db in try Row.fetchAll(db, sql: sql) })
        }
    }

    /// A first import that fails before it commits leaves the empty workspace as it was, indexes
    /// and all, and others reading it meanwhile see every index; an import into a workspace with
    /// articles is not a first import.
    @Test func aFailedFirstImportLeavesTheIndexes() throws {
        struct Interrupted: Error {}
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("first.sqlite").path
        let workspace = try Workspace.open(path: path)
        let schema = try Self.indexSQL(workspace)
        #expect(throws: Interrupted.self) {
            try workspace.addArticleBatches(frameID: nil) { add in
                _ = try add([try PreparedArticle(Fixtures.milley, fileHash: nil)])
                #expect(try Self.indexSQL(try Workspace.open(path: path, readOnly: true)) == schema)
                throw Interrupted()
            }
        }
        #expect(try Self.indexSQL(workspace) == schema)
        #expect(try workspace.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") } == 0)
        try workspace.addArticle(Fixtures.milley)
        try workspace.addArticleBatches(frameID: nil) { add in
            _ = try add([try PreparedArticle(Fixtures.brussels, fileHash: nil)])
            // Not a first import: nothing was dropped.
            #expect(try Self.indexSQL(try Workspace.open(path: path, readOnly: true)) == schema)
        }
        #expect(try Self.indexSQL(workspace) == schema)
    }

    static func deferredIndexNames(_ workspace: Workspace) throws -> [String] {
        try workspace.read { db in try String.fetchAll(db, sql: "SELECT name FROM import_deferred_indexes ORDER BY name") }
    }

    /// A first import commits with its read indexes dropped and named; cut there (a crash), the
    /// workspace has whole articles, and opening it makes the indexes again. An import into a
    /// workspace so left (as the import's own later transactions) keeps them dropped until its end.
    @Test func indexesAnImportLeftDroppedAreMadeOnOpeningOrByTheNextImport() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = try Self.indexSQL(try Workspace.inMemory())
        func cutImport(_ name: String) throws -> (Workspace, path: String) {
            let path = folder.appendingPathComponent("\(name).sqlite").path
            let cut = try Workspace.open(path: path)
            for analysis in [Fixtures.milley, Fixtures.brussels] {
                _ = try cut.addArticles([try PreparedArticle(analysis, fileHash: nil)], frameID: nil)
                let readIndexes = ["articles_by_file_hash", "articles_for_list", "articles_published_by_id",
                                   "mentions_by_actor_article", "statements_by_actor_day", "statements_by_article_status",
                                   "statements_for_timeline"]
                #expect(try Self.indexSQL(cut).count == schema.count - readIndexes.count)
                #expect(try Self.deferredIndexNames(cut) == readIndexes)
            }
            return (cut, path)
        }

        let (cut, path) = try cutImport("reopened")
        cut.close()
        let reopened = try Workspace.open(path: path)
        #expect(try Self.indexSQL(reopened) == schema)
        #expect(try Self.deferredIndexNames(reopened).isEmpty)
        #expect(try reopened.integrityProblems().isEmpty)
        #expect(try reopened.counts().articles == 2)

        let (carriedOn, _) = try cutImport("imported")
        let summary = try Importer(workspace: carriedOn) { _ in Fixtures.milley }.importAnalyses([Fixtures.kyiv, Fixtures.milley])
        #expect(summary.added.count == 1 && summary.duplicates.count == 1)
        #expect(try Self.indexSQL(carriedOn) == schema)
        #expect(try Self.deferredIndexNames(carriedOn).isEmpty)
        #expect(try carriedOn.integrityProblems().isEmpty)
    }

    /// A version 6 workspace gains the record of deferred indexes, empty, with its rows and
    /// indexes as they were; an import into it is not a first import and drops nothing.
    @Test func aVersion6WorkspaceUpgradesWithItsRowsAndIndexes() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v6.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try WorkspaceSchema.migrator.migrate(queue, upTo: "v6-search-prefix-index")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO articles(content_hash, file, title, text, byline, blocks, warnings, imported_at)
                    VALUES (printf('%064d', 1), 'a.txt', 'Talks', 'General Milley urged talks.', '[]', '[]', '[]', '2022-11-10');
                INSERT INTO actors(key, name, normalized_name, kind, is_participant)
                    VALUES ('person/general milley', 'General Milley', 'general milley', 'person', 1);
                INSERT INTO statements(key, suggestion_key, article_id, actor_id, kind, text, start, "end", stance,
                                       confidence, evidence, origin, status)
                    VALUES ('k1', 'k1', 1, 1, 'description', 'urged talks', 15, 26, 'diplomacy', 0.5, '[]', 'machine', 'suggested');
                """)
        }
        let tables = ["articles", "actors", "statements"]
        let before = try queue.read { db in try tables.map { try Row.fetchAll(db, sql: "SELECT * FROM \($0) ORDER BY id") } }
        try queue.close()

        let workspace = try Workspace.open(path: path)
        #expect(try workspace.read { db in try tables.map { try Row.fetchAll(db, sql: "SELECT * FROM \($0) ORDER BY id") } } == before)
        #expect(try workspace.read { db in try WorkspaceSchema.migrator.appliedMigrations(db) } == WorkspaceSchema.migrator.migrations)
        #expect(try Self.deferredIndexNames(workspace).isEmpty)
        #expect(try Self.indexSQL(workspace) == Self.indexSQL(try Workspace.inMemory()))
        #expect(try workspace.search("milley").count == 1)
        _ = try Importer(workspace: workspace) { _ in Fixtures.milley }.importAnalyses([Fixtures.brussels])
        #expect(try workspace.counts().articles == 2)
        #expect(try Self.indexSQL(workspace) == Self.indexSQL(try Workspace.inMemory()))
    }

    @Test func aVersion3WorkspaceUpgradesWithItsStatements() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v3.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try WorkspaceSchema.migrator.migrate(queue, upTo: "v3-covering-indexes-for-the-workbench")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO articles(content_hash, file, text, byline, blocks, warnings, imported_at)
                    VALUES (printf('%064d', 1), 'a.txt', 'General Milley urged talks.', '[]', '[]', '[]', '2022-11-10');
                INSERT INTO actors(key, name, normalized_name, kind, is_participant)
                    VALUES ('person/general milley', 'General Milley', 'general milley', 'person', 1);
                INSERT INTO statements(key, suggestion_key, article_id, actor_id, kind, text, start, "end", stance,
                                       confidence, evidence, origin, status)
                    VALUES ('k1', 'k1', 1, 1, 'description', 'urged talks', 15, 26, 'diplomacy', 0.5, '[]', 'machine', 'suggested');
                INSERT INTO statements(key, article_id, actor_id, kind, text, start, "end", stance, confidence, evidence,
                                       origin, status, annotator, decided_at)
                    VALUES ('h1', 1, 1, 'description', 'General', 0, 7, 'support', 1, '[]', 'human', 'accepted', 'ann', '2022-11-11');
                INSERT INTO statements(key, suggestion_key, article_id, actor_id, kind, text, start, "end", stance,
                                       confidence, evidence, origin, status)
                    VALUES ('k2', 'k2', 1, 1, 'description', 'talks', 21, 26, 'diplomacy', 0.5, '[]', 'machine', 'suggested');
                DELETE FROM statements WHERE key = 'k2';
                """)
        }
        let before = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM statements ORDER BY id") }
        try queue.close()

        let workspace = try Workspace.open(path: path)
        let (after, indexes, migrations) = try workspace.read { db in
            (try Row.fetchAll(db, sql: "SELECT * FROM statements ORDER BY id"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'statements' ORDER BY name"),
             try WorkspaceSchema.migrator.appliedMigrations(db))
        }
        #expect(after == before)
        #expect(migrations.contains("v4-import-one-unique-key-per-statement"))
        #expect(indexes == ["sqlite_autoindex_statements_1", "statements_by_actor_day", "statements_by_article_status",
                            "statements_for_timeline"])
        try workspace.write { db in
            // A suggestion key is the statement's key; keys stay unique; a deleted id is not handed out again.
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: """
                    INSERT INTO statements(key, suggestion_key, article_id, actor_id, kind, text, start, "end", stance,
                                           confidence, evidence, origin, status)
                    VALUES ('k3', 'k1', 1, 1, 'description', 'x', 0, 1, 'none', 0.5, '[]', 'machine', 'suggested')
                    """)
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: """
                    INSERT INTO statements(key, suggestion_key, article_id, actor_id, kind, text, start, "end", stance,
                                           confidence, evidence, origin, status)
                    VALUES ('k1', 'k1', 1, 1, 'description', 'x', 0, 1, 'none', 0.5, '[]', 'machine', 'suggested')
                    """)
            }
            try db.execute(sql: """
                INSERT INTO statements(key, suggestion_key, article_id, actor_id, kind, text, start, "end", stance,
                                       confidence, evidence, origin, status)
                VALUES ('k4', 'k4', 1, 1, 'description', 'x', 0, 1, 'none', 0.5, '[]', 'machine', 'suggested')
                """)
            #expect(db.lastInsertedRowID == 4)
        }
        // The article list's index answers by date; the narrower one is gone.
        #expect(try workspace.read { db in try db.indexes(on: "articles").map(\.name) }.contains("articles_by_published") == false)
    }
}
