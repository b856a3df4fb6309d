import Foundation
import Testing
@testable import StanceKit

@Suite struct WorkspaceArticleTests {
    @Test func addsArticlesAndSkipsDuplicateText() throws {
        let workspace = try Workspace.inMemory()
        let first = try workspace.addArticle(Fixtures.milley)
        guard case .added = first else { Issue.record("not added: \(first)"); return }
        var copy = Fixtures.milley
        copy.article.file = "elsewhere/same-text.txt"
        #expect(try workspace.addArticle(copy) == .duplicate(first.articleID))
        #expect(try workspace.articles().count == 1)
        #expect(try workspace.counts().statements == 3)
    }

    @Test func rejectsAnalysesWithSpansOutsideTheText() throws {
        let workspace = try Workspace.inMemory()
        var broken = Fixtures.kyiv
        broken.statements[0].span = TextSpan(start: 10, end: 10_000)
        #expect(throws: WorkspaceError.self) { try workspace.addArticle(broken) }
        #expect(try workspace.articles().isEmpty)   // the transaction rolled back
    }

    @Test func mergesActorsAcrossArticlesByNameOrAlias() throws {
        let workspace = try Fixtures.workspace()
        let actors = try workspace.actors()
        let milley = try #require(actors.first { $0.name == "Mark A. Milley" })
        #expect(!actors.contains { $0.name == "General Milley" })
        #expect(milley.aliases.contains("Milley"))     // learnt from the second article
        #expect(milley.articleCount == 2)
        #expect(milley.stanceCounts == ["diplomacy": 2])
        #expect(milley.stance == "diplomacy")
        // Same surname, different people: an alias shared is not enough to merge.
        let sullivans = actors.filter { $0.aliases.contains("Sullivan") }
        #expect(Set(sullivans.map(\.name)) == ["Jake Sullivan", "Jill Sullivan"])
        #expect(actors.first { $0.name == "Jill Sullivan" }?.isParticipant == false)
        #expect(actors.count == 5)

        let timeline = try workspace.statements(actorID: milley.id)
        #expect(timeline.map(\.statement.statement.text) == ["There has to be a mutual recognition,", "a window for negotiation"])
        #expect(timeline.map(\.source) == ["The New York Times", "The Guardian"])
        #expect(timeline.map { $0.day?.description } == ["2022-11-09", "2022-11-12"])
    }

    @Test func listsArticlesByDateWithCounts() throws {
        let workspace = try Fixtures.workspace()
        let detail = try workspace.article(try workspace.articles()[0].id)
        try workspace.reject(detail.statements[0].id, by: "ana")
        let articles = try workspace.articles()
        #expect(articles.map(\.title) == ["Milley Urges Talks", "Talks in Brussels", nil])
        let counts = try workspace.statementCounts()
        #expect(counts[articles[0].id]?.rejected == 1)
        #expect(counts[articles[0].id]?.suggested == 2)
        #expect(counts[articles[0].id]?.standing == 2)
        #expect(counts[articles[1].id]?.total == 2)
    }

    @Test func articleDetailUsesWorkspaceIds() throws {
        let workspace = try Fixtures.workspace()
        let summary = try #require(try workspace.articles().first { $0.title == "Talks in Brussels" })
        let detail = try workspace.article(summary.id)
        #expect(detail.article.text == Fixtures.brusselsText)
        #expect(detail.frameID == Fixtures.frame.id)
        let milleyID = try #require(try workspace.actors().first { $0.name == "Mark A. Milley" }?.id)
        let actor = try #require(detail.actors.first { $0.id == String(milleyID) })
        #expect(actor.mentions == [Fixtures.span("General Milley", in: Fixtures.brusselsText)])
        #expect(actor.stance == "diplomacy")
        #expect(detail.statements.map(\.statement.actorID).contains(String(milleyID)))
        #expect(detail.statements.allSatisfy { $0.origin == .machine && $0.statement.status == .suggested })
        #expect(throws: WorkspaceError.unknownArticle("424242")) { try workspace.article(424_242) }
    }

    @Test func reanalysisKeepsHumanDecisionsAndDoesNotResurrectRejections() throws {
        let workspace = try Fixtures.workspace([Fixtures.milley])
        let articleID = try workspace.articles()[0].id
        let before = try workspace.article(articleID).statements
        let quote = try #require(before.first { $0.statement.text.hasPrefix("There has to be") })
        let reported = try #require(before.first { $0.statement.kind == .reported })
        let longAsItTakes = try #require(before.first { $0.statement.text == "as long as it takes." })
        try workspace.setStance(quote.id, to: "mixed", by: "ana")
        try workspace.reject(reported.id, by: "ana")

        // The analyser changed its mind about everything, and proposes one new statement.
        var again = Fixtures.milley
        for index in again.statements.indices {
            again.statements[index].stance = "none"
            again.statements[index].confidence = 0.1
        }
        let text = Fixtures.milleyText
        again.statements.append(Statement(id: "s4", actorID: "a1", kind: .description, text: "urged talks",
                                          span: Fixtures.span("urged talks", in: text), stance: "diplomacy", confidence: 0.4))
        let summary = try workspace.reanalyze(articleID: articleID, with: again)
        #expect(summary == ReanalysisSummary(added: 1, updated: 1, removed: 0, keptHumanDecisions: 2))

        let after = try workspace.article(articleID).statements
        #expect(after.count == 4)
        #expect(after.first { $0.id == quote.id }?.statement.stance == "mixed")
        #expect(after.first { $0.id == quote.id }?.statement.status == .edited)
        #expect(after.first { $0.id == reported.id }?.statement.status == .rejected)
        #expect(after.first { $0.id == reported.id }?.statement.stance == "support")
        #expect(after.first { $0.id == longAsItTakes.id }?.statement.stance == "none")   // untouched: replaced in place

        // A second re-analysis without the rejected one, then with it again: it stays rejected, once.
        var without = again
        without.statements.removeAll { $0.kind == .reported }
        try workspace.reanalyze(articleID: articleID, with: without)
        try workspace.reanalyze(articleID: articleID, with: again)
        let final = try workspace.article(articleID).statements
        #expect(final.filter { $0.statement.kind == .reported }.map(\.statement.status) == [.rejected])

        var otherText = Fixtures.milley
        otherText.article.text += " More."
        #expect(throws: WorkspaceError.self) { try workspace.reanalyze(articleID: articleID, with: otherText) }
    }

    @Test func reanalysisDropsSuggestionsTheAnalyserNoLongerMakes() throws {
        let workspace = try Fixtures.workspace([Fixtures.milley])
        let articleID = try workspace.articles()[0].id
        var fewer = Fixtures.milley
        fewer.statements.removeLast()
        let summary = try workspace.reanalyze(articleID: articleID, with: fewer)
        #expect(summary.removed == 1)
        #expect(try workspace.article(articleID).statements.count == 2)
    }

    @Test func searchesTitlesAndTextIgnoringAccentsAndCase() throws {
        let workspace = try Fixtures.workspace()
        let hits = try workspace.search("brussel")
        #expect(hits.map(\.title) == ["Talks in Brussels"])
        let hit = try #require(hits.first)
        let highlighted = hit.highlights.compactMap { hit.snippet.scalars(in: $0) }
        #expect(highlighted == ["Brüssel"])

        #expect(try workspace.search("MILLEY").count == 2)
        // Both words must occur; a title match ranks first.
        #expect(try workspace.search("talks milley").map(\.title) == ["Milley Urges Talks", "Talks in Brussels"])
        #expect(try workspace.search("negotiation klitschko").isEmpty)
        // Of FTS5's syntax only phrases, prefixes and OR are read; the rest is taken as words.
        #expect(try workspace.search("\"mutual\" OR NEAR(").map(\.title) == ["Milley Urges Talks"])
        #expect(try workspace.search("\"mutual\" NEAR(").isEmpty)
        #expect(try workspace.search("mutual\"").map(\.title) == ["Milley Urges Talks"])
        #expect(try workspace.search("   ").isEmpty)
        #expect(try workspace.search("milley", limit: 1).count == 1)
    }
}
