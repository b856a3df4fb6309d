import Testing
@testable import StanceKit

@Suite("Analysis: statement dates")
struct AnalysisDateTests {
    @Test func weekdaysResolveToTheLatestOnOrBeforePublication() {
        // 2022-11-10 was a Thursday.
        let a = AnalysisFixture.article("""
            “Seize the moment,” General Mark Milley said in a speech on Wednesday.

            “Talks are premature,” Jake Sullivan told reporters on Thursday.

            “Not yet,” Daniel Fried said last Thursday.

            “Wait for winter,” Steven Pifer said yesterday.

            “Later,” Helen Clark said last week.
            """)
        #expect(a.statement(containing: "Seize")?.date?.description == "2022-11-09")
        #expect(a.statement(containing: "Seize")?.dateText == "on Wednesday")
        #expect(a.statement(containing: "premature")?.date?.description == "2022-11-10")
        #expect(a.statement(containing: "Not yet")?.date?.description == "2022-11-03")
        #expect(a.statement(containing: "Wait for winter")?.date?.description == "2022-11-09")
        #expect(a.statement(containing: "Later")?.date?.description == "2022-11-03")
    }

    @Test func quotesInheritTheDateOfTheSentenceBeforeAboutTheSameSpeaker() {
        let a = AnalysisFixture.article("""
            General Mark Milley spoke in New York on Wednesday. He elaborated in an interview on CNBC on Monday. “We have seen a standstill,” he said. “There are possibilities for diplomatic solutions.”
            """)
        #expect(a.statement(containing: "standstill")?.date?.description == "2022-11-07")
        #expect(a.statement(containing: "diplomatic solutions")?.date?.description == "2022-11-07")
    }

    @Test func undatedStatementsTakeThePublicationDate() {
        let a = AnalysisFixture.article("“Talks now,” said Jane Smith, a professor.")
        #expect(a.statement(containing: "Talks now")?.date?.description == "2022-11-10")
        #expect(a.statement(containing: "Talks now")?.dateText == nil)
    }

    @Test func explicitDatesInTheCueSentence() {
        let a = AnalysisFixture.article("“We will fight on,” Jane Smith said on Sept. 3. “Talks can wait,” she said on Oct. 1, 2021.")
        #expect(a.statement(containing: "fight on")?.date?.description == "2022-09-03")
        #expect(a.statement(containing: "Talks can wait")?.date?.description == "2021-10-01")
    }

    @Test func aQuoteOpeningItsParagraphTakesTheDateOfTheSentenceBefore() {
        let a = AnalysisFixture.article(published: "2031-04-15", """
            On Monday, a day after the strike, Mr. Oldane told parliament that he had been wrong.

            “I spent two months asking both sides to sit down. One side gave its answer,” he said in a speech. “We will send the howitzers.”
            """)
        #expect(a.statement(containing: "two months")?.date?.description == "2031-04-14")
        #expect(a.statement(containing: "send the howitzers")?.date?.description == "2031-04-14")
    }

    @Test func aContinuingQuoteWithItsOwnDatedCueTakesThatDate() {
        let a = AnalysisFixture.article(published: "2031-06-18", """
            In Sennet, Foreign Minister Amara Seddik said she was “cautiously hopeful.”

            “Nobody should expect a peace treaty on Friday,” the minister said at a news conference on Tuesday.
            """)
        #expect(a.statement(containing: "cautiously hopeful")?.date?.description == "2031-06-18")
        #expect(a.statement(containing: "peace treaty")?.date?.description == "2031-06-17")
    }

    @Test func theLeadDatesTheEventItOpensWith() {
        // 2031-04-15 was a Tuesday.
        let a = AnalysisFixture.article(published: "2031-04-15", """
            The chamber’s leaders argued in strong terms on Sunday that the money is crucial to pushing back against the invaders and keeping the alliance.

            In a rare weekend session, Majority Leader Ann Colby and Tom Reyes issued stark warnings about the consequences.

            “The eyes of the world are on us,” Reyes said.
            """)
        #expect(a.statement(containing: "eyes of the world")?.date?.description == "2031-04-13")
    }

    @Test func aDateOpeningTheParagraphCoversItsSpeakers() {
        let a = AnalysisFixture.article(published: "2031-04-15", """
            On Saturday night, Finance Minister Jana Velk said she would resign over the deal. Interior Minister Tomas Brandt issued a similar warning, threatening to “bring down the government” if it was adopted.
            """)
        #expect(a.statement(containing: "bring down the government")?.date?.description == "2031-04-12")
    }

    @Test func aWeekdayStillToComeDatesNoStatement() {
        // 2031-04-17 was a Thursday.
        let a = AnalysisFixture.article(published: "2031-04-17", """
            President Lena Sorel later wrote that she would be in the capital Friday to oversee the signing.

            Sorel had earlier announced she would “sign a document that could end the war.”
            """)
        let mention = Tokenizer.tokenize("she would be in the capital Friday")
        let day = mention.tokens.indices.lazy.compactMap {
            DateParser.relative(at: $0, tokens: mention.tokens, reference: Day(year: 2031, month: 4, day: 17), limit: mention.tokens.count)
        }.first
        #expect(day?.day.description == "2031-04-18")
        #expect(a.statement(containing: "sign a document")?.date?.description == "2031-04-17")
    }

    @Test func theFollowingDayCountsFromTheDateGivenJustBefore() {
        // 2022-11-10 was a Thursday: "On Monday" is 2022-11-07, the day after it 2022-11-08.
        let a = AnalysisFixture.article("""
            On Monday, the foreign minister, Lena Ortiz, told reporters that she had received a letter.

            In a statement the following day, the adviser Tomas Ferreira said the letter changed nothing. “We are not ready for talks,” Ferreira said.
            """)
        #expect(a.statement(containing: "not ready for talks")?.date?.description == "2022-11-08")
        #expect(a.statement(containing: "not ready for talks")?.dateText == "the following day")
    }

    @Test func aDayCountedFromNoGivenDateLeavesThePublicationDate() {
        let a = AnalysisFixture.article("""
            The next day, the adviser Tomas Ferreira said the letter changed nothing. “We are not ready for talks,” Ferreira said.
            """)
        #expect(a.statement(containing: "not ready for talks")?.date?.description == "2022-11-10")
    }
}
