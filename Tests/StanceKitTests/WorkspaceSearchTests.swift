import Foundation
import Testing
@testable import StanceKit

@Suite struct WorkspaceSearchTests {
    /// An article without actors or statements: only its title and text matter to search.
    static func article(_ index: Int, title: String, text: String) -> ArticleAnalysis {
        ArticleAnalysis(article: Article(file: "\(index).txt", title: title, source: "Wire", published: Day(iso: "2023-01-02"),
                                         text: text + " (\(index))"), actors: [], statements: [])
    }

    /// Article 0 has the common word in its title, so bm25 ranks it first whenever it is ranked;
    /// articles 1-5 have it once in their text, and a rare word that article 0 does not have.
    static func corpus() throws -> Workspace {
        let workspace = try Workspace.inMemory()
        try workspace.addArticle(article(0, title: "Talks resume", text: "Envoys met again."))
        for index in 1...5 {
            try workspace.addArticle(article(index, title: "Report \(index)", text: "The envoy said talks went on; a ceasefire held."))
        }
        return workspace
    }

    @Test func ranksEveryMatchWhileThereAreFewerThanTheBound() throws {
        let workspace = try Self.corpus()
        let hits = try workspace.search("talks")
        #expect(hits.count == 6)
        #expect(hits.first?.title == "Talks resume")
        #expect(hits.map(\.score) == hits.map(\.score).sorted())
        let highlighted = try #require(hits.first).highlights.compactMap { hits[0].snippet.scalars(in: $0) }
        #expect(highlighted == ["Talks"])
    }

    @Test func beyondTheBoundOnlyTheNewestMatchesAreRanked() throws {
        let workspace = try Self.corpus()
        let newest = try workspace.search("talks", limit: 2, rankingAtMost: 3)
        let ids = try workspace.articleIDs(matching: "talks")
        #expect(newest.count == 2)
        #expect(Set(newest.map(\.articleID)).isSubset(of: Set(ids.suffix(3))))
        #expect(!newest.contains { $0.title == "Talks resume" })
        // Asking for more hits than the bound ranks them all, the oldest included.
        let all = try workspace.search("talks", limit: 10, rankingAtMost: 3)
        #expect(all.count == 6)
        #expect(all.first?.title == "Talks resume")
    }

    @Test func articleIDsAreEveryMatchInIDOrder() throws {
        let workspace = try Self.corpus()
        let articles = try workspace.articles()
        let withCeasefire = articles.filter { $0.title?.hasPrefix("Report") == true }.map(\.id).sorted()
        #expect(try workspace.articleIDs(matching: "CEASEFIRE") == withCeasefire)
        #expect(try workspace.articleIDs(matching: "talks").count == 6)
        #expect(try workspace.articleIDs(matching: "talks envoys").count == 1)
        #expect(try workspace.articleIDs(matching: "  ").isEmpty)
        #expect(try workspace.articleIDs(matching: "\"talks\" OR NEAR(").isEmpty)
    }
}
