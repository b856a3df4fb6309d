@testable import StanceApp
import StanceKit
import Testing

@Suite struct InMemoryStoreTests {
    let store = Fixtures.store

    @Test func articlesComeOldestFirst() {
        #expect(store.articleSummaries().map(\.id) == ["gazette-2026-03-02.txt", "courier-2026-03-16.txt", "gazette-2026-04-06.txt"])
    }

    @Test func actorsMergeAcrossArticlesWithCounts() {
        let actors = store.corpusActors()
        #expect(actors.count == 6)
        let nair = actors.first { $0.name == "Priya Nair" }!
        #expect(nair.articleCount == 3)
        #expect(nair.statementCounts == [Frame.none: 1, Frame.mixed: 1, "replace": 1])
        #expect(nair.stance == "replace")
        let okafor = actors.first { $0.name == "Mira Okafor" }!
        #expect(!okafor.isParticipant && okafor.statementCount == 0)
    }

    @Test func statementsOfAnActorCarryDatesAndOutlets() {
        let statements = store.statements(of: "lena brandt")
        #expect(statements.map(\.statement.id) == ["s1", "s2", "t2", "u2"])
        #expect(statements[2].outlet == "Riverton Courier")
        #expect(statements[2].date == Day(iso: "2026-03-15"))
    }

    @Test func undatedStatementsTakeThePublicationDateAndRejectedOnesAreLeftOut() {
        var analysis = Fixtures.councilSplit
        analysis.statements[0].date = nil
        analysis.statements[1].status = .rejected
        let store = InMemoryWorkbenchStore(frame: Fixtures.frame, analyses: [analysis])
        let statements = store.statements(of: "lena brandt")
        #expect(statements.map(\.statement.id) == ["s1"])
        #expect(statements[0].date == Day(iso: "2026-03-02"))
    }

    @Test func searchFindsTitlesOutletsAndTextIgnoringCase() {
        #expect(store.articles(matching: "RAILINGS") == ["gazette-2026-04-06.txt"])
        #expect(store.articles(matching: "courier") == ["courier-2026-03-16.txt"])
        #expect(store.articles(matching: "").count == 3)
    }

    @Test func duplicateFilesGetDistinctIDs() {
        let store = InMemoryWorkbenchStore(frame: Fixtures.frame, analyses: [Fixtures.councilSplit, Fixtures.councilSplit])
        #expect(Set(store.articleSummaries().map(\.id)).count == 2)
    }

    @Test func glyphsComeFromTheFrame() {
        let glyphs = StanceGlyphs(frame: Fixtures.frame)
        #expect(glyphs.glyph("repair") == "◆")
        #expect(glyphs.glyph("repair", status: .suggested) == "◇")
        #expect(glyphs.glyph("replace", status: .accepted) == "▲")
        #expect(glyphs.glyph(Frame.mixed) == StanceGlyphs.mixed)
        #expect(glyphs.glyph(Frame.none) == StanceGlyphs.none)
        let letters = Frame(id: "f", name: "f", description: "", positions: [
            Frame.Position(id: "yes", label: "Yes", glyph: "Y", key: "y", cues: [])])
        #expect(StanceGlyphs(frame: letters).glyph("yes", status: .suggested) == "Y")
    }
}
