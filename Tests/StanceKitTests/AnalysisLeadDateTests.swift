import Testing
@testable import StanceKit

/// Quotes in a report of the event the lead dates take the lead's day; quotes dated otherwise, said at another
/// time or in another setting keep theirs.
@Suite("Analysis: the lead's day")
struct AnalysisLeadDateTests {
    // 2031-04-17 was a Thursday: "Tuesday" is 2031-04-15, "Monday" 2031-04-14, "yesterday" 2031-04-16.
    static func report(_ lead: String, _ rest: String) -> ArticleAnalysis {
        AnalysisFixture.article(published: "2031-04-17", lead + "\n\n" + rest)
    }

    static let lead = "Rebel and government envoys on Tuesday opened talks in the Portuguese capital, their first face-to-face meeting since a ceasefire between the two sides collapsed two years ago."

    @Test func aQuoteAfterAnotherSpeakerTakesTheLeadsWeekday() {
        let a = Self.report(Self.lead, """
            The mediator, Dana Holt, described the first session as cordial and businesslike.

            “We are here in good faith,” said Marco Ortega, the rebels’ chief negotiator.
            """)
        #expect(a.statement(containing: "good faith")?.date?.description == "2031-04-15")
        #expect(a.statement(containing: "good faith")?.dateText == "on Tuesday")
    }

    @Test func variantsOfLeadsAndCues() {
        let yesterday = Self.report("""
            Leaders of the two rival factions yesterday signed a framework for talks on a new constitution at a ceremony in the northern city, ending months of deadlock.
            """, """
            Observers from the regional bloc, led by Kofi Mensah, watched from the gallery.

            “This is the beginning, not the end,” Amira Haddad told reporters after the signing.
            """)
        #expect(yesterday.statement(containing: "beginning, not the end")?.date?.description == "2031-04-16")
        let monday = Self.report("""
            The foreign ministers of both countries met on Monday for the first time since the border war, agreeing to reopen embassies and to exchange prisoners within a month.
            """, """
            Analysts in the region cautioned that similar pledges had failed before, citing the collapse of a 2024 deal.

            The country’s chief diplomat, Lena Marsh, said the two sides had “turned a page.” “Nobody wants another war,” she added.
            """)
        #expect(monday.statement(containing: "turned a page")?.date?.description == "2031-04-14")
        #expect(monday.statement(containing: "another war")?.date?.description == "2031-04-14")
        let dated = Self.report("""
            Hundreds of delegates gathered in the capital on April 12 for a national dialogue meant to end the standoff between the president and the opposition parties.
            """, """
            Security was tight around the conference hall, and Ivo Brandt, the interior minister, deployed extra police.

            “We came to listen,” declared Sara Quist, who leads the largest opposition party.
            """)
        #expect(dated.statement(containing: "came to listen")?.date?.description == "2031-04-12")
    }

    @Test func theScenesDayMayOpenTheParagraphAfterASummary() {
        let a = Self.report("""
            The opposition believes that the referendum on the peace deal with the rebels will reward violence and bring more of it to the country.
            """, """
            The main opposition party, led by former president Ana Ruiz, announced on Wednesday that it would campaign for a “no” vote.

            Its leaders have long criticised the talks. They argue that the rebels were offered too much.

            “We can only say yes to peace by voting no,” Ruiz said at a rally to announce the decision.
            """)
        #expect(a.statement(containing: "voting no")?.date?.description == "2031-04-16")
    }

    @Test func daysInClausesOfTheirOwnOrOfTheSameDayKeepTheScene() {
        let background = Self.report(Self.lead, """
            The government will withdraw from the land it has held since it opened an offensive April 2, officials said.

            “This is the beginning, not the end,” Foreign Minister Lena Marsh said in the capital.
            """)
        #expect(background.statement(containing: "beginning, not the end")?.date?.description == "2031-04-15")
        let sameDay = Self.report(Self.lead, """
            On Tuesday, the rebel leader, Marco Ortega, arrived in a convoy and declared he was weary of the war.

            “We have settled the main questions,” Foreign Minister Lena Marsh said after the session.
            """)
        #expect(sameDay.statement(containing: "settled the main questions")?.date?.description == "2031-04-15")
        let predecessor = Self.report(Self.lead, """
            Ortega has been far more flexible than his predecessor, Tomas Vell, who died in an air strike last month.

            “We have settled the main questions,” said Lena Marsh, the foreign minister.
            """)
        #expect(predecessor.statement(containing: "settled the main questions")?.date?.description == "2031-04-15")
    }

    @Test func aQuoteSaidInItsPresentTenseOrInAnotherSettingKeepsThePublicationDay() {
        let says = Self.report(Self.lead, """
            The mediator, Dana Holt, described the first session as cordial and businesslike.

            “We are here in good faith,” says Marco Ortega, the rebels’ chief negotiator.
            """)
        #expect(says.statement(containing: "good faith")?.date?.description == "2031-04-17")
        let interview = Self.report(Self.lead, """
            The mediator, Dana Holt, described the first session as cordial and businesslike.

            “We are here in good faith,” Marco Ortega, the rebels’ chief negotiator, said in an interview.
            """)
        #expect(interview.statement(containing: "good faith")?.date?.description == "2031-04-17")
        let before = Self.report(Self.lead, """
            The mediator, Dana Holt, described the first session as cordial and businesslike.

            “We will never disarm,” Marco Ortega, the rebels’ chief negotiator, had said before the talks.
            """)
        #expect(before.statement(containing: "never disarm")?.date?.description == "2031-04-17")
    }

    @Test func aQuoteWithItsOwnDayOrAfterAnotherDayKeepsThatDay() {
        let own = Self.report(Self.lead, """
            The mediator, Dana Holt, described the first session as cordial and businesslike.

            “We are here in good faith,” Marco Ortega, the rebels’ chief negotiator, said in an interview last month.
            """)
        #expect(own.statement(containing: "good faith")?.date?.description == "2031-03-17")
        let later = Self.report(Self.lead, """
            On Wednesday, the army chief, General Tomas Vell, ordered his troops back to their barracks.

            “We are here in good faith,” said Marco Ortega, the rebels’ chief negotiator.
            """)
        #expect(later.statement(containing: "good faith")?.date?.description == "2031-04-17")
    }

    @Test func aDatedPhotoCaptionDoesNotBeatTheLeadsWeekday() {
        let a = Self.report("""
            Members of the rebel delegation arrive for the opening session of the peace talks at a hotel on the outskirts of Lisbon, Portugal, April 14, 2031. REUTERS/Pedro Nunes

            \(Self.lead)
            """, """
            The mediator, Dana Holt, described the first session as cordial and businesslike.

            “We are here in good faith,” said Marco Ortega, the rebels’ chief negotiator.
            """)
        #expect(a.statement(containing: "good faith")?.date?.description == "2031-04-15")
        let between = Self.report(Self.lead, """
            Government negotiators walk into the conference hall in Lisbon, April 14, 2031. (AP Photo/Ana Brito)

            The mediator, Dana Holt, described the first session as cordial and businesslike.

            “We are here in good faith,” said Marco Ortega, the rebels’ chief negotiator.
            """)
        #expect(between.statement(containing: "good faith")?.date?.description == "2031-04-15")
    }
}
