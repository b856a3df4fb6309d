import Foundation
import GRDB
import Testing
@testable import StanceKit

/// The import path writes rows with cached statements instead of GRDB records: these tests hold it
/// to the records' encoding and to the importer's guarantees for analyses read back from JSON.
@Suite struct WorkspaceBulkImportTests {
    /// Every column of every row, as stored.
    static func rows(_ table: String, in workspace: Workspace) throws -> [Row] {
        try workspace.read { db in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id") }
    }

    /// The row the record would have written: its persistence dictionary, with the same id.
    static func expectStoredAsTheRecordEncodes<Record: WorkspaceRecord>(_ row: Row, _ type: Record.Type) throws {
        let record = try Record(row: row)
        let encoded = try record.databaseDictionary
        for column in row.columnNames {
            #expect(row[column] as DatabaseValue == encoded[column], "\(Record.databaseTableName).\(column)")
        }
    }

    @Test func rowsAreStoredExactlyAsTheRecordsEncodeThem() throws {
        var decided = Fixtures.milley
        decided.statements[0].status = .accepted
        decided.statements[0].evidence = ["mutual \"recognition\"", "talks/negotiation"]
        decided.article.warnings = ["a warning with “quotes” and \\ and /"]
        decided.article.blocks = [Block(role: .headline, span: TextSpan(start: 0, end: 5)), Block(role: .body, span: TextSpan(start: 6, end: 40))]
        decided.article.byline = ["Staff / Wire"]
        let workspace = try Workspace.inMemory()
        try workspace.addArticle(decided, frameID: "diplomacy-vs-support", fileHash: String(repeating: "a", count: 64))
        try workspace.addArticle(Fixtures.brussels)

        for row in try Self.rows("articles", in: workspace) { try Self.expectStoredAsTheRecordEncodes(row, ArticleRecord.self) }
        for row in try Self.rows("statements", in: workspace) { try Self.expectStoredAsTheRecordEncodes(row, StatementRecord.self) }
        for row in try Self.rows("actors", in: workspace) { try Self.expectStoredAsTheRecordEncodes(row, ActorRecord.self) }
        let statements = try Self.rows("statements", in: workspace)
        #expect(statements.contains { $0["status"] == "accepted" && $0["annotator"] == "import" && $0["decided_at"] != nil })

        let stored = try workspace.article(try workspace.articles().first { $0.title == decided.article.title }!.id)
        #expect(stored.article.blocks == decided.article.blocks)
        #expect(stored.article.warnings == decided.article.warnings)
        #expect(stored.statements.map(\.statement.evidence).contains(decided.statements[0].evidence))
    }

    @Test func jsonColumnsAreWrittenByteForByteAsTheRecordsEncoderWritesThem() throws {
        let encoder = StatementRecord.databaseJSONEncoder(for: "evidence")
        func encoded(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        let controls = String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar(UInt8($0)) }))
        let hostile = [controls, "\"quoted\" back\\slash /slash/ \u{7F}\u{85}\u{2028}", "é€😀 e\u{301}", "", " "]
        for strings in [[], hostile, [hostile.joined()], ["one"]] {
            #expect(JSONColumn.strings(strings) == (try encoded(strings)))
        }
        let blocks = BlockRole.allCases.enumerated().map { Block(role: $1, span: TextSpan(start: $0 * 1_000_003, end: $0 * 1_000_003 + 7)) }
        #expect(JSONColumn.blocks(blocks) == (try encoded(blocks)))
        #expect(JSONColumn.blocks([]) == (try encoded([Block]())))
    }

    @Test func analysesReadBackAreImportedInBatchesWithDuplicatesAndFailuresNamed() throws {
        let workspace = try Workspace.inMemory()
        var broken = Fixtures.kyiv
        broken.article.file = "broken.md"
        broken.statements[0].span = TextSpan(start: 0, end: broken.article.text.unicodeScalars.count + 5)
        var again = Fixtures.milley
        again.article.file = "again.md"
        let importer = Importer(workspace: workspace, frameID: "diplomacy-vs-support", batchSize: 2) { path in
            throw WorkspaceError.invalidValue("\(path) was not to be analysed")
        }
        let summary = try importer.importAnalyses([Fixtures.milley, broken, Fixtures.brussels, again])

        #expect(summary.added.count == 2)
        #expect(summary.duplicates == ["again.md"])
        #expect(summary.timing.writing > 0)
        #expect(summary.failures.map(\.path) == ["broken.md"])
        #expect(try workspace.articles().count == 2)
        #expect(try workspace.article(summary.added[0]).frameID == "diplomacy-vs-support")

        // The batch was indexed for search before its transaction ended, and the index matches the texts.
        #expect(try workspace.search("Brüssel").map(\.title) == ["Talks in Brussels"])
        #expect(try workspace.articleIDs(matching: "milley").count == 2)
        try workspace.write { db in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index_deferred") == 0)
            try db.execute(sql: "INSERT INTO article_search(article_search) VALUES ('integrity-check')")
        }
        // One article added alone is indexed by the trigger.
        try workspace.addArticle(Fixtures.kyiv)
        #expect(try workspace.search("klitschko").count == 1)

        // The same analyses again: every one is already there.
        let second = try importer.importAnalyses([Fixtures.milley, Fixtures.brussels])
        #expect(second.added.isEmpty)
        #expect(second.duplicates.count == 2)
    }

    @Test func aWorkspaceThatCannotBeWrittenStopsTheImportWithItsError() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.sqlite").path
        _ = try Workspace.open(path: path)
        let readOnly = try Workspace.open(path: path, readOnly: true)
        let importer = Importer(workspace: readOnly) { _ in Fixtures.milley }
        #expect(throws: WorkspaceError.self) { try importer.importAnalyses([Fixtures.milley]) }
    }
}
