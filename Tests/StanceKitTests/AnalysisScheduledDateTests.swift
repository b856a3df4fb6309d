import Testing
@testable import StanceKit

/// Dates of statements around arrangements still to come. Invented sentences.
@Suite("Analysis: scheduled events and statement dates")
struct AnalysisScheduledDateTests {
    @Test func aMeetingSetForThePublicationDayDoesNotDateTheQuotes() {
        // 2031-04-17 was a Thursday.
        let a = AnalysisFixture.article(published: "2031-04-17", """
            Envoy Marta Quell is set to meet the rebel commander on Thursday, a day after she arrived in Orsk on Wednesday for talks on a ceasefire in the south of the country.

            “We have a real chance to end this war and reach a ceasefire,” Quell told reporters at the airport.
            """)
        #expect(a.statement(containing: "real chance")?.date?.description == "2031-04-16")
    }

    @Test func aLetterDatedADayDatesItsQuotes() {
        let a = AnalysisFixture.article(published: "2031-04-17", """
            Senator Hanne Molberg told the president in a letter dated Monday that she would oppose new arms sales unless the government pressed for a ceasefire.

            “We urge you to press for an immediate ceasefire,” Molberg wrote.
            """)
        #expect(a.statement(containing: "immediate ceasefire")?.date?.description == "2031-04-14")
    }
}
