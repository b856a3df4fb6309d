import Foundation
import GRDB
import Testing
@testable import StanceKit

/// Commands that only read (`timeline`, `agreement`, `export`, `search`) open the workspace
/// read-only. After an upgrade of StanceBench the first of them meets a workspace an older version
/// wrote: a writable one is upgraded and read, a read-only one is refused, unchanged.
@Suite struct WorkspaceReadOnlyUpgradeTests {
    private static let lastMigration = "v8-statements-by-actor-and-day"

    /// A workspace of three articles, then put back to the version before the last migration.
    private static func olderWorkspace(in folder: URL) throws -> (path: String, rows: [String]) {
        let path = folder.appendingPathComponent("older.sqlite").path
        let written = try Workspace.open(path: path)
        for analysis in [Fixtures.milley, Fixtures.brussels, Fixtures.kyiv] { try written.addArticle(analysis, frameID: Fixtures.frame.id) }
        let rows = try everyRow(written)
        try written.write { db in
            try db.execute(sql: "DROP INDEX statements_by_actor_day")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [lastMigration])
        }
        written.close()
        return (path, rows)
    }

    private static func everyRow(_ workspace: Workspace) throws -> [String] {
        try workspace.read { db in
            try ["articles", "actors", "mentions", "statements", "history"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id").map { "\(table) \($0)" }
            }
        }
    }

    @Test func aWritableOlderWorkspaceOpenedToReadIsUpgradedAndRead() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, rows) = try Self.olderWorkspace(in: folder)

        let reader = try Workspace.open(path: path, readOnly: true)
        #expect(reader.readOnlyReason == "opened read-only as asked")
        #expect(try Self.everyRow(reader) == rows)
        #expect(try reader.read { db in try WorkspaceSchema.migrator.appliedMigrations(db) } == WorkspaceSchema.migrator.migrations)
        #expect(try reader.dailyStanceCounts().isEmpty == false)
        #expect(throws: WorkspaceError.self) { try reader.createActor(name: "X", kind: .person, by: "ana") }
        reader.close()
        // The upgrade is in the file itself: no change is left waiting in a write-ahead log.
        let wal = path + "-wal"
        #expect(!FileManager.default.fileExists(atPath: wal) || Workspace.isEmptyFile(wal))
    }

    @Test func aReadOnlyOlderWorkspaceIsRefusedAndLeftAsItWas() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, _) = try Self.olderWorkspace(in: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for readOnly in [true, false] {
            do {
                _ = try Workspace.open(path: path, readOnly: readOnly)
                Issue.record("opened an older read-only workspace it cannot upgrade")
            } catch let error as WorkspaceError {
                #expect(error.description.contains("needs upgrading, which a read-only file does not allow"))
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
