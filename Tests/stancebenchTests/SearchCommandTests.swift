import Foundation
import Testing

/// `stancebench search`, run as a user or a script runs it (standard output is a pipe, not a terminal).
@Suite(.enabled(if: BinaryRunner.binary != nil, "the stancebench binary is built"))
struct SearchCommandTests {
    static let harbour = """
        Title: Harbour vote
        Source: The Test Gazette
        Date: 2031-03-04

        “We should open talks with the other side now,” said Mara Quist, the harbour minister, on Monday. \
        The ceasefire held.
        """

    /// An article whose text carries a terminal escape sequence next to the match.
    static let hostile = """
        Title: Quiet port
        Source: Wire
        Date: 2031-03-05

        Dock workers \u{1B}[31mrejected\u{1B}[0m the ceasefire plan, and talks stalled.
        """

    /// A workspace with both articles imported by the binary.
    static func workspace() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stancebench-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try harbour.write(to: folder.appendingPathComponent("harbour.txt"), atomically: true, encoding: .utf8)
        try hostile.write(to: folder.appendingPathComponent("port.txt"), atomically: true, encoding: .utf8)
        let workspace = folder.appendingPathComponent("w.sqlite").path
        let imported = try BinaryRunner.run(["import", "--workspace", workspace, folder.path])
        #expect(imported.status == 0)
        return workspace
    }

    @Test func printsRankTitleOutletDateAndTheMarkedSnippet() throws {
        let workspace = try Self.workspace()
        let result = try BinaryRunner.run(["search", "--workspace", workspace, "harbour minister"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "1. Harbour vote — The Test Gazette, 2031-03-04")
        #expect(lines.count == 2)
        #expect(lines.last?.contains("the [harbour] [minister], on Monday") == true)
    }

    @Test func neverPrintsControlCharactersFromArticles() throws {
        let workspace = try Self.workspace()
        let result = try BinaryRunner.run(["search", "--workspace", workspace, "ceasefire", "--limit", "5"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Quiet port"))
        #expect(result.stdout.contains("[ceasefire]"))
        #expect(!result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func printsJSONForScripts() throws {
        let workspace = try Self.workspace()
        let result = try BinaryRunner.run(["search", "--workspace", workspace, "\"open talks\" OR stalled", "--json"])
        #expect(result.status == 0)
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(hits.count == 2)
        #expect(hits.map { $0["rank"] as? Int } == [1, 2])
        for hit in hits {
            let snippet = try #require(hit["snippet"] as? String)
            let spans = try #require(hit["highlights"] as? [[Int]])
            let scalars = Array(snippet.unicodeScalars)
            let marked = spans.map { String(String.UnicodeScalarView(scalars[$0[0]..<$0[1]])).lowercased() }
            #expect(marked == ["open talks"] || marked == ["stalled"], "\(marked)")
        }
        let none = try BinaryRunner.run(["search", "--workspace", workspace, "zebra", "--json"])
        #expect(none.status == 0)
        #expect((try JSONSerialization.jsonObject(with: Data(none.stdout.utf8)) as? [Any])?.isEmpty == true)
    }

    @Test func noMatchIsNotAFailure() throws {
        let workspace = try Self.workspace()
        let result = try BinaryRunner.run(["search", "--workspace", workspace, "zebra \"unclosed"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no article matches zebra \"unclosed"))
    }

    @Test func aBadQueryOrLimitIsAUsageErrorAndAMissingWorkspaceAFailure() throws {
        let workspace = try Self.workspace()
        let short = try BinaryRunner.run(["search", "--workspace", workspace, "ta*"])
        #expect(short.status == 64)
        #expect(short.stderr.contains("a prefix needs at least 3 letters"))
        let limit = try BinaryRunner.run(["search", "--workspace", workspace, "talks", "--limit", "0"])
        #expect(limit.status == 64)
        let missing = try BinaryRunner.run(["search", "--workspace", workspace + ".missing", "talks"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("stancebench: "))
        let help = try BinaryRunner.run(["help", "search"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Examples:"))
    }
}
