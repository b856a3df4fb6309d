import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GRDB
import TestSupport
import Testing
@testable import StanceKit

/// Writes that the storage refuses, at the workspace's level: each says what happened, rolls back
/// the change whole, keeps every earlier one, and the workspace writes again once the cause is gone.
@Suite(.serialized) struct WorkspaceWriteFaultTests {
    /// SQLITE_FULL simulated with `PRAGMA max_page_count` on the writer connection: the file may
    /// not grow, as on a full disk.
    @Test func aFullDatabaseRollsTheChangeBackAndSaysSo() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("full.sqlite").path
        let workspace = try Workspace.open(path: path)
        try workspace.addArticle(Fixtures.milley)
        try workspace.createActor(name: "Kept", kind: .person, by: "ana")
        let logLines = { try String(contentsOf: workspace.commandLogURL!, encoding: .utf8).split(separator: "\n").count }
        #expect(try logLines() == 1)
        try workspace.writer.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        var refused: String?
        for index in 0..<500 {
            do {
                try workspace.createActor(name: "Filler \(index) " + String(repeating: "y", count: 500), kind: .person, by: "ana")
            } catch let error as WorkspaceError {
                #expect(error == .diskFull(path: path))
                #expect(!error.changeWasSaved)
                refused = "Filler \(index) "
                break
            }
        }
        let name = try #require(refused, "the database never filled up")
        let names = try workspace.actors().map(\.name)
        #expect(names.contains("Kept"))
        #expect(!names.contains { $0.hasPrefix(name) })
        // Every change that was made is logged, the refused one is not.
        #expect(try logLines() == names.filter { $0 == "Kept" || $0.hasPrefix("Filler") }.count)
        #expect(try workspace.integrityProblems().isEmpty)

        try workspace.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
        try workspace.createActor(name: "After", kind: .person, by: "ana")
        #expect(try workspace.actors().contains { $0.name == "After" })
    }

    /// chmod after opening: the open connection could still write, the workspace does not.
    @Test func aFileMadeReadOnlyAfterOpeningIsNotWritten() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("chmod.sqlite").path
        let workspace = try Workspace.open(path: path)
        try workspace.addArticle(Fixtures.milley)
        let statement = try workspace.allArticles()[0].statements[0].id
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        #expect(throws: WorkspaceError.madeReadOnly(path: path)) { try workspace.accept(statement, by: "ana") }
        #expect(try workspace.allArticles()[0].statements[0].statement.status == .suggested)
        #expect(WorkspaceError.madeReadOnly(path: path).description.hasPrefix("Not saved: the workspace was made read-only"))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        try workspace.accept(statement, by: "ana")
        #expect(try workspace.allArticles()[0].statements[0].statement.status == .accepted)
    }

    /// A log line that does not fit on a full disk (a real tmpfs, when this process may mount one)
    /// is cut back off, so the log stays whole lines and the next line after space is freed reads.
    @Test(.enabled(if: Tmpfs.canMount, "needs the right to mount a tmpfs (root)"))
    func aLogLineThatDoesNotFitIsCutBackOff() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let disk = try Tmpfs(at: folder.appendingPathComponent("disk"), kilobytes: 64)
        defer { disk.unmount() }
        let log = try CommandLog(url: disk.url.appendingPathComponent("log.jsonl"))
        try log.append(.createActor(name: "Before", kind: .person, role: nil), annotator: "ana", date: Date())
        let filler = disk.url.appendingPathComponent("filler")
        try disk.fill(filler)
        // Longer than the slack of the log's last page: written in part, then ENOSPC.
        let long = String(repeating: "z", count: 10_000)
        #expect(throws: WorkspaceError.self) {
            try log.append(.createActor(name: long, kind: .person, role: nil), annotator: "ana", date: Date())
        }
        try FileManager.default.removeItem(at: filler)
        try log.append(.createActor(name: "After", kind: .person, role: nil), annotator: "ana", date: Date())
        let (entries, unreadable) = try CommandLog.read(log.url)
        #expect(unreadable.isEmpty)
        #expect(entries.map(\.entry.command) == [.createActor(name: "Before", kind: .person, role: nil),
                                                 .createActor(name: "After", kind: .person, role: nil)])
    }
}
