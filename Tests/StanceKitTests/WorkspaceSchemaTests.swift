import Foundation
import GRDB
import Testing
@testable import StanceKit

@Suite struct WorkspaceSchemaTests {
    @Test func migratesAnEmptyFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("empty.sqlite").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let workspace = try Workspace.open(path: path)
        let (tables, migrations, journal) = try workspace.read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name"),
             try WorkspaceSchema.migrator.appliedMigrations(db),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        for table in ["articles", "article_search", "actors", "actor_aliases", "mentions", "statements", "history", "history_cursor"] {
            #expect(tables.contains(table), "missing \(table)")
        }
        #expect(migrations == ["v1-articles-actors-statements-history", "v2-search-index-filled-per-batch",
                               "v3-covering-indexes-for-the-workbench", "v4-import-one-unique-key-per-statement",
                               "v5-timeline-summaries-from-indexes", "v6-search-prefix-index",
                               "v7-import-deferred-read-indexes", "v8-statements-by-actor-and-day"])
        #expect(journal == "wal")
        #expect(try workspace.articles().isEmpty)
    }

    /// A workspace written before the index by actor and day gets it on opening, with every row
    /// as it was and the same answers from the queries that now read it.
    @Test func aVersion6WorkspaceGetsTheIndexByActorAndDayWithItsDataIntact() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v6.sqlite").path
        let written = try Workspace.open(path: path)
        for analysis in [Fixtures.milley, Fixtures.brussels, Fixtures.kyiv] { try written.addArticle(analysis, frameID: Fixtures.frame.id) }
        let statement = try #require(try written.read { db in try Int64.fetchOne(db, sql: "SELECT min(id) FROM statements") })
        _ = try written.setDate(statement, to: nil, by: "tester")
        let (counts, summaries, placements) = (try written.dailyStanceCounts(), try written.timelineSummaries(),
                                               try written.standingStatementPlacements())
        func everyRow(_ workspace: Workspace) throws -> [String] {
            try workspace.read { db in
                try ["articles", "actors", "actor_aliases", "mentions", "statements", "history"].flatMap { table in
                    try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id").map { "\(table) \($0)" }
                }
            }
        }
        let rows = try everyRow(written)
        // As the version before left it: the same tables and rows, without the index and its migration.
        try written.write { db in
            try db.execute(sql: """
                DROP INDEX statements_by_actor_day;
                DELETE FROM grdb_migrations WHERE identifier = 'v8-statements-by-actor-and-day';
                """)
        }
        written.close()

        let upgraded = try Workspace.open(path: path)
        let (indexes, migrations) = try upgraded.read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'statements'"),
             try WorkspaceSchema.migrator.appliedMigrations(db))
        }
        #expect(indexes.contains("statements_by_actor_day"))
        #expect(migrations.last == "v8-statements-by-actor-and-day")
        #expect(try everyRow(upgraded) == rows)
        #expect(try upgraded.dailyStanceCounts() == counts)
        #expect(try upgraded.timelineSummaries() == summaries)
        #expect(try upgraded.standingStatementPlacements() == placements)
        #expect(!rows.isEmpty && !counts.isEmpty)
        try upgraded.waitForIntegrityCheck()
    }

    @Test func constraintsRejectBadRows() throws {
        let workspace = try Fixtures.workspace([Fixtures.milley])
        let good = try workspace.read { db in try StatementRecord.fetchOne(db)! }
        let actor = try workspace.read { db in try ActorRecord.fetchOne(db)! }
        func rejects(_ change: (inout StatementRecord) -> Void) {
            var row = good
            row.id = nil
            row.key = UUID().uuidString
            row.suggestionKey = row.key
            change(&row)
            #expect(throws: DatabaseError.self) { try workspace.write { db in try row.insert(db) } }
        }
        rejects { $0.start = 10; $0.end = 5 }
        rejects { $0.start = -1 }
        rejects { $0.status = .accepted }   // a decision without annotator and time
        rejects { $0.origin = .human }     // human statements carry no suggestion key
        rejects { $0.confidence = 1.5 }
        rejects { $0.stance = "" }
        rejects { $0.articleId = 999 }     // foreign key
        rejects { $0.key = good.key }      // stable keys are unique
        #expect(throws: DatabaseError.self) {
            try workspace.write { db in
                try db.execute(sql: "UPDATE statements SET kind = 'rumour' WHERE id = ?", arguments: [good.id])
            }
        }
        #expect(throws: DatabaseError.self) {
            try workspace.write { db in try db.execute(sql: "UPDATE actors SET kind = 'place' WHERE id = ?", arguments: [actor.id]) }
        }
        #expect(throws: DatabaseError.self) {
            try workspace.write { db in
                try db.execute(sql: "UPDATE articles SET published = '10 Nov 2022'")
            }
        }
        #expect(throws: DatabaseError.self) {
            try workspace.write { db in
                var alias = ActorAliasRecord(id: nil, actorId: actor.id!, alias: "GENERAL  milley", normalizedAlias: "general milley")
                try alias.insert(db)   // already an alias of this actor, spelled differently
            }
        }
        // The valid row itself goes in: the checks above failed for their own reason.
        var valid = good
        valid.id = nil
        valid.key = "another"
        valid.suggestionKey = "another"
        try workspace.write { db in try valid.insert(db) }
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(SHA256.hexDigest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest(String(repeating: "a", count: 1000)).hasPrefix("41edece42d63e8d9bf515a9ba6932e1c"))
        // Lengths around the block boundary, where padding takes one block or two.
        #expect(SHA256.hexDigest(String(repeating: "a", count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(SHA256.hexDigest(String(repeating: "a", count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(SHA256.hexDigest(String(repeating: "a", count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
        #expect(SHA256.hexDigest(Data("abc".utf8)) == SHA256.hexDigest("abc"))
    }

    @Test func namesNormaliseCaseAccentsAndPunctuation() {
        #expect(NameKey.normalize("Gen. Mark A. Milley") == "gen mark a milley")
        #expect(NameKey.normalize("  ZELENSKÝ ") == "zelensky")
        #expect(NameKey.normalize("Ocasio-Cortez") == "ocasio cortez")
        #expect(NameKey.normalize("O’Rourke") == "orourke")
        #expect(NameKey.normalize("O'Rourke") == "orourke")
        #expect(NameKey.normalize(" -- Gen. Mark  A. Milley, Jr. ") == "gen mark a milley jr")
        #expect(NameKey.normalize("...") == "")
        // The ASCII fast path and the general path agree.
        #expect(NameKey.normalize("Joe Biden's aide") == NameKey.normalize("Joe Biden's aidé"))
    }
}
