import Testing
@testable import StanceKit

/// Where a quote's speaker is named when no plain "X said" stands next to it. Invented sentences.
@Suite("Analysis: quote sources")
struct AnalysisQuoteSourceTests {
    @Test func aNounPhraseDescribingTheQuoteIsNoCue() {
        let a = AnalysisFixture.article(published: "2031-04-17", """
            President Ivo Marek said last month that his country was ready to talk “about the future, not about the past,” a formula that officials read as a refusal.
            """)
        #expect(a.speaker(of: "about the future")?.name == "Ivo Marek")
    }

    @Test func anAnnouncementByAPersonNamesTheSpeaker() {
        let a = AnalysisFixture.article(published: "2031-04-17", """
            The decision followed an announcement on Monday by President Lena Sarkis of Norland that her government would send a delegation to the talks “to listen, and to state our terms.”
            """)
        #expect(a.speaker(of: "state our terms")?.name == "Lena Sarkis")
        #expect(a.statement(containing: "state our terms")?.date?.description == "2031-04-14")
    }

    @Test func aRoleAfterTheVerbInASubheadlineNamesTheSpeakerTheLeadNames() {
        let a = AnalysisFixture.analyze("""
            Valmora Herald 17 April 2031

            # Minister says party will quit over truce deal

            ‘Reckless deal’ will lead to ‘the release of hundreds of dangerous prisoners’ and ‘undo everything the army has won,’ warns hardline leader

            Interior Minister Pavel Orlov announced on Thursday that his party would leave the coalition if the cabinet approves the truce deal with the rebels.

            Prime Minister Ivo Marek said the cabinet would vote on the deal over the weekend.
            """)
        #expect(a.speaker(of: "dangerous prisoners")?.name == "Pavel Orlov")
    }
}
