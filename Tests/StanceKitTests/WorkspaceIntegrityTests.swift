import Foundation
import GRDB
import Testing
@testable import StanceKit

/// A workspace opens after cheap checks and is checked page by page on a thread of its own: a
/// page damaged deep in the file lets it open, but no write reaches the file, which stays byte
/// for byte as it was, with nothing left beside it.
@Suite struct WorkspaceIntegrityTests {
    /// A workspace file with the fixtures and a long article (its text fills pages of its own),
    /// closed; the page last in the file garbled (its b-tree header and first cells).
    static func damagedWorkspaceFile(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("workspace.sqlite").path
        do {
            let workspace = try Workspace.open(path: path)
            for analysis in [Fixtures.milley, Fixtures.brussels, Fixtures.kyiv] { try workspace.addArticle(analysis) }
            let paragraph = "The council met again on Tuesday and said the bridge would be repaired by spring. "
            try workspace.addArticle(AnalysisFixture.article(String(repeating: paragraph, count: 400)))
        }   // closed: the WAL is copied into the file and removed
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        let pageSize = 4096
        #expect(data.count >= 8 * pageSize, "the file should have pages deep in it")
        let lastPage = data.count - pageSize
        for index in lastPage..<lastPage + 64 { data[index] = 0xA5 }
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    static func folderListing(_ folder: URL) throws -> [String: String] {
        var listing: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            listing[name] = SHA256.hexDigest(try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        return listing
    }

    @Test func aPageDamagedDeepInTheFileIsNeverWrittenTo() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.damagedWorkspaceFile(in: folder)
        let before = try Self.folderListing(folder)

        do {
            let workspace = try Workspace.open(path: path)   // the cheap checks pass
            #expect(try workspace.counts().articles == 4)     // what the first frame reads is there
            #expect(throws: WorkspaceError.self) { try workspace.waitForIntegrityCheck() }
            guard case .damaged(let damage) = workspace.integrityStatus, case .corrupt = damage else {
                Issue.record("the check did not find the damage: \(workspace.integrityStatus)")
                return
            }
            #expect(damage.description.contains("is damaged"))
            #expect(throws: damage) { try workspace.createActor(name: "Ana Lopes", kind: .person, by: "ana") }
            #expect(throws: damage) { try workspace.addArticle(Fixtures.milley) }
        }
        let after = try Self.folderListing(folder)
        #expect(after == before)
    }

    /// A command that only reads opens read-only and does not read the whole file first: a
    /// damaged page is reported by the read that meets it (here a page in the middle of the long
    /// article's text, whose link to the next page is garbled), and the file stays as it was.
    @Test func aFileOpenedReadOnlyIsNotCheckedAndADamagedPageFailsTheReadThatMeetsIt() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("workspace.sqlite").path
        let paragraph = "The council met again on Tuesday and said the bridge would be repaired by spring. "
        do {
            let workspace = try Workspace.open(path: path)
            try workspace.addArticle(Fixtures.milley)
            try workspace.addArticle(AnalysisFixture.article(String(repeating: paragraph, count: 400)))
        }
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        let pageSize = 4096
        var pages: Set<Int> = []
        var rest = data.startIndex..<data.endIndex
        while let found = data.range(of: Data(paragraph.utf8), in: rest) {
            pages.insert(found.lowerBound / pageSize)
            rest = found.upperBound..<data.endIndex
        }
        let textPages = pages.sorted()
        try #require(textPages.count >= 3, "the text should run over several pages")
        let page = textPages[textPages.count / 2]
        for index in page * pageSize..<page * pageSize + 4 { data[index] = 0xA5 }
        try data.write(to: URL(fileURLWithPath: path))

        let workspace = try Workspace.open(path: path, readOnly: true)
        defer { workspace.close() }
        #expect(workspace.integrityStatus == .notChecked)
        #expect(try workspace.counts().articles == 2)
        do {
            _ = try workspace.allArticles()
            Issue.record("reading the damaged page did not fail")
        } catch let error as WorkspaceError {
            guard case .corrupt = error else {
                Issue.record("not reported as damage: \(error)")
                return
            }
            #expect(error.description.contains("is damaged"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == data)
    }

    @Test func aWriteWaitsForTheCheckThenGoesThroughOnASoundFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("workspace.sqlite").path
        do { try Workspace.open(path: path).addArticle(Fixtures.milley) }
        let workspace = try Workspace.open(path: path)
        // No wait here: the write itself waits for the check.
        _ = try workspace.createActor(name: "Ana Lopes", kind: .person, by: "ana")
        #expect(workspace.integrityStatus == .sound)
        #expect(try workspace.actors().contains { $0.name == "Ana Lopes" })
    }

    @Test func aFileThatNeedsWritingOnOpeningIsCheckedFirst() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.damagedWorkspaceFile(in: folder)
        // A rollback journal instead of WAL: opening for writing would switch it, writing the header.
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        }
        let before = try Self.folderListing(folder)
        #expect {
            try Workspace.open(path: path)
        } throws: { error in
            guard case WorkspaceError.corrupt = error else { return false }
            return true
        }
        let after = try Self.folderListing(folder)
        #expect(after == before)
    }

    @Test func aFileCutShortOfThePagesItDeclaresIsRefusedBeforeSQLiteReadsIt() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try WorkspaceFileTests.makeWorkspaceFile(in: folder)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(data.count - 4096).write(to: URL(fileURLWithPath: path))
        #expect {
            try Workspace.open(path: path)
        } throws: { error in
            guard case WorkspaceError.corrupt(_, let details) = error else { return false }
            return details.contains("cut short")
        }
    }
}
