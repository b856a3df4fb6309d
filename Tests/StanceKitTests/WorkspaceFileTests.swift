import Foundation
import GRDB
import Testing
@testable import StanceKit

@Suite struct WorkspaceFileTests {
    static func digest(_ path: String) throws -> String {
        SHA256.hexDigest(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// A real workspace file with articles, closed, checkpointed into the main file.
    static func makeWorkspaceFile(in folder: URL, name: String = "workspace.sqlite") throws -> String {
        let path = folder.appendingPathComponent(name).path
        let workspace = try Workspace.open(path: path)
        try workspace.addArticle(Fixtures.milley)
        try workspace.writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        return path
    }

    @Test func defaultPathFollowsXDG() {
        let path = Workspace.defaultPath
        #expect(path.hasSuffix("/stancebench/workspace.sqlite"))
        if let xdg = ProcessInfo.processInfo.environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            #expect(path.hasPrefix(xdg))
        } else {
            #expect(path.contains("/.local/share/"))
        }
    }

    @Test func refusesATextFileNamedSqliteWithoutTouchingIt() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.sqlite").path
        try "Shopping list: milk, eggs\n".write(toFile: path, atomically: true, encoding: .utf8)
        let before = try Self.digest(path)
        #expect(throws: WorkspaceError.notSQLite(path: path)) { try Workspace.open(path: path) }
        #expect(try Self.digest(path) == before)
        #expect(WorkspaceError.notSQLite(path: path).description.contains("not an SQLite database"))
    }

    @Test func refusesATruncatedFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.makeWorkspaceFile(in: folder)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
        let before = try Self.digest(path)
        do {
            _ = try Workspace.open(path: path)
            Issue.record("a truncated file opened")
        } catch let error as WorkspaceError {
            guard case .corrupt = error else { Issue.record("wrong error: \(error)"); return }
            #expect(error.description.contains("damaged"))
        }
        #expect(try Self.digest(path) == before)
    }

    @Test func refusesAFileWithGarbledPages() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.makeWorkspaceFile(in: folder)
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        let pageSize = 4096
        for offset in stride(from: pageSize, to: data.count, by: pageSize) {   // keep the header page
            for index in offset..<min(offset + 64, data.count) { data[index] = 0xA5 }
        }
        try data.write(to: URL(fileURLWithPath: path))
        let before = try Self.digest(path)
        #expect(throws: WorkspaceError.self) { try Workspace.open(path: path) }
        #expect(try Self.digest(path) == before)
    }

    @Test func refusesANewerSchemaAndLeavesTheFileUntouched() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.makeWorkspaceFile(in: folder)
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v9-from-the-future')")
            }
            try queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            try queue.close()
        }
        let before = try Self.digest(path)
        #expect(throws: WorkspaceError.newerSchema(path: path, unknownMigrations: ["v9-from-the-future"])) {
            try Workspace.open(path: path)
        }
        #expect(throws: WorkspaceError.self) { try Workspace.open(path: path, readOnly: true) }
        #expect(try Self.digest(path) == before)
    }

    @Test func refusesAnotherApplicationsDatabase() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("other.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "CREATE TABLE recipes(id INTEGER PRIMARY KEY)") }
            try queue.close()
        }
        let before = try Self.digest(path)
        #expect(throws: WorkspaceError.notAWorkspace(path: path)) { try Workspace.open(path: path) }
        #expect(try Self.digest(path) == before)
    }

    @Test func opensAReadOnlyFileReadOnlyAndRefusesWrites() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.makeWorkspaceFile(in: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let before = try Self.digest(path)
        do {
            let workspace = try Workspace.open(path: path)
            #expect(workspace.isReadOnly)
            #expect(workspace.readOnlyReason == "the file is read-only")
            #expect(try workspace.articles().count == 1)
            #expect(try workspace.search("milley").count == 1)
            let id = try workspace.allArticles()[0].statements[0].id
            do {
                try workspace.accept(id, by: "ana")
                Issue.record("wrote to a read-only workspace")
            } catch let error as WorkspaceError {
                #expect(error.description == "\(path) is open read-only (the file is read-only): changes cannot be saved.")
            }
            #expect(throws: WorkspaceError.self) { try workspace.addArticle(Fixtures.kyiv) }
        }
        #expect(try Self.digest(path) == before)

        // Asked for read-only on a writable file: the same, by choice.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let chosen = try Workspace.open(path: path, readOnly: true)
        #expect(chosen.readOnlyReason == "opened read-only as asked")
        #expect(throws: WorkspaceError.self) { try chosen.createActor(name: "X", kind: .person, by: "ana") }
        #expect(throws: WorkspaceError.self) { try Workspace.open(path: folder.appendingPathComponent("none.sqlite").path, readOnly: true) }
    }

    @Test func readingByChoiceLeavesNoSideFilesAndKeepsAWritersOwn() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.makeWorkspaceFile(in: folder)
        let sideFiles = { ["-wal", "-shm"].filter { FileManager.default.fileExists(atPath: path + $0) } }
        #expect(sideFiles().isEmpty)
        let before = try Self.digest(path)

        let reader = try Workspace.open(path: path, readOnly: true)
        #expect(try reader.articles().count == 1)
        #expect(throws: WorkspaceError.self) { try reader.accept(try reader.allArticles()[0].statements[0].id, by: "ana") }
        reader.close()
        #expect(sideFiles().isEmpty)
        #expect(try Self.digest(path) == before)

        // While a workbench writes, a reader closing must not take the side files from under it.
        let writer = try Workspace.open(path: path)
        try writer.addArticle(Fixtures.kyiv)
        let duringWrites = try Workspace.open(path: path, readOnly: true)
        #expect(try duringWrites.articles().count == 2)
        duringWrites.close()
        #expect(sideFiles() == ["-wal", "-shm"])
        try writer.addArticle(Fixtures.brussels)
        writer.close()
        let after = try Workspace.open(path: path, readOnly: true)
        #expect(try after.articles().count == 3)
        after.close()
    }

    @Test func twoWorkspacesOnOneFileSeeEachOthersChanges() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shared.sqlite").path
        let first = try Workspace.open(path: path)
        let second = try Workspace.open(path: path)
        try first.addArticle(Fixtures.milley)
        #expect(try second.articles().count == 1)
        let id = try second.allArticles()[0].statements[0].id
        try second.reject(id, by: "ben")
        #expect(try first.article(first.articles()[0].id).statements[0].statement.status == .rejected)
        // The history is shared too: the first can undo what the second did.
        #expect(try first.undo(by: "ana")?.annotator == "ben")
        #expect(try second.allArticles()[0].statements[0].statement.status == .suggested)
    }

    /// Each write is durable when its method returns: a new connection (as after a crash, the
    /// writer never closed) sees it, from the WAL.
    @Test func everyWriteIsVisibleToANewConnectionAtOnce() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("durable.sqlite").path
        let workspace = try Workspace.open(path: path)
        let synchronous = try workspace.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(synchronous == 2)   // FULL
        func freshCount(_ sql: String) throws -> Int {
            let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
            defer { try? queue.close() }
            return try queue.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
        }
        try workspace.addArticle(Fixtures.milley)
        #expect(try freshCount("SELECT count(*) FROM articles") == 1)
        let id = try workspace.allArticles()[0].statements[0].id
        try workspace.accept(id, by: "ana")
        #expect(try freshCount("SELECT count(*) FROM statements WHERE status = 'accepted'") == 1)
        try workspace.undo(by: "ana")
        #expect(try freshCount("SELECT count(*) FROM statements WHERE status = 'accepted'") == 0)
        #expect(try freshCount("SELECT position FROM history_cursor") == 0)
    }
}
