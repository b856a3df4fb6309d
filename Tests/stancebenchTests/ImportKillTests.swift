import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GRDB
@testable import StanceKit
import Testing

/// The real binary importing into a new workspace is killed with SIGKILL between its commits.
/// A first import commits with the indexes only reads use dropped (they are made once, at its
/// end), so the workspace it leaves misses them: opening it must make them again, and it must
/// hold whole transactions of articles, each searchable; importing the same files again adds
/// exactly the rest.
@Suite(.serialized, .enabled(if: BinaryRunner.binary != nil, "needs a built .build/debug/stancebench"))
struct ImportKillTests {
    static let articles = 120
    static let commitEvery = 10

    /// Articles the analyser finds statements in, each with a word of its own to search for.
    static func writeArticles(in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for number in 1...articles {
            let paragraphs = (1...12).map { paragraph in
                "Foreign Minister Anna Berg said on Monday that talks with the rebels must resume, and General "
                    + "Tomas Weir warned that sending more weapons would prolong the war (note \(number)-\(paragraph))."
            }
            let text = "Talks report \(number)\n\nBy Staff\n\nMarker\(number) opened the day.\n\n"
                + paragraphs.joined(separator: "\n\n") + "\n"
            try text.write(to: folder.appendingPathComponent(String(format: "article-%03d.txt", number)),
                           atomically: true, encoding: .utf8)
        }
    }

    static func indexSQL(_ workspace: Workspace) throws -> [String] {
        try workspace.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        }
    }

    /// Polls until the workspace holds at least `count` articles; false when the process ended first.
    static func waitForArticles(_ count: Int, in path: String, whileRunning pid: pid_t) -> Bool {
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return false }
            if FileManager.default.fileExists(atPath: path),
               let workspace = try? Workspace.open(path: path, readOnly: true),
               let found = try? workspace.counts().articles, found >= count {
                return true
            }
            usleep(20_000)
        }
        return false
    }

    @Test func anImportKilledBetweenItsCommitsLeavesWholeArticlesThatOpenSearchAndImportAgain() throws {
        let binary = try #require(BinaryRunner.binary)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stancebench-import-kill-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        try Self.writeArticles(in: corpus)
        let path = folder.appendingPathComponent("killed.sqlite").path
        let environment = ["XDG_DATA_HOME": folder.appendingPathComponent("xdg").path]
        let schema = try Self.indexSQL(try Workspace.inMemory())

        let pid = try KillMidBurstTests.spawn(binary.path, ["import", "--workspace", path, "--commit-every", "\(Self.commitEvery)",
                                                            corpus.path], environment: environment)
        let killedMidImport = Self.waitForArticles(2 * Self.commitEvery, in: path, whileRunning: pid)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        try #require(killedMidImport, "the import ended before two of its transactions were committed")

        let reopened = try Workspace.open(path: path)
        #expect(try reopened.integrityProblems().isEmpty)
        #expect(try Self.indexSQL(reopened) == schema, "opening did not make the dropped indexes again")
        let committed = try reopened.articles()
        #expect(committed.count % Self.commitEvery == 0, "\(committed.count) articles: not whole transactions")
        #expect(committed.count < Self.articles, "the kill came after the last commit")
        for article in committed {
            let marker = try #require(article.title?.split(separator: " ").last.map { "Marker\($0)" })
            #expect(try reopened.search(marker).map(\.articleID) == [article.id], "\(marker) not found")
        }
        #expect(try reopened.articles().allSatisfy { try !reopened.article($0.id).statements.isEmpty })
        reopened.close()

        let again = try BinaryRunner.run(["import", "--workspace", path, corpus.path], environment: environment)
        #expect(again.status == 0, "\(again.stderr)")
        let finished = try Workspace.open(path: path)
        #expect(try finished.counts().articles == Self.articles)
        #expect(try Set(finished.articles().compactMap(\.title)).count == Self.articles)
        #expect(try finished.search("Marker\(Self.articles)").count == 1)
        #expect(try Self.indexSQL(finished) == schema)
        #expect(try finished.integrityProblems().isEmpty)
    }
}
