import Testing
@testable import StanceKit

@Suite("Analysis: speakers in transcripts, labelled lines, groups named together and names in other forms")
struct AnalysisSpeakerFormsTests {
    @Test func transcriptLabelsWithTitlesOrOnTheirOwnLine() {
        let a = AnalysisFixture.article("""
            DORA VELLIN, HOST:

            The foreign minister flew to the capital this week. Our correspondent has more.

            PAUL BRENNICK, BYLINE: Foreign Minister Tomas Halvard landed on Monday. He says he has been reengaging both sides.

            (SOUNDBITE OF ARCHIVED RECORDING)

            PRIME MINISTER ARNO VELDKAMP: We will not negotiate while the shelling continues, and we want more weapons.

            UNIDENTIFIED MAN: We want the talks to resume and a ceasefire now.

            HALVARD:

            The reason we are here is to push for a ceasefire and a return to negotiations.

            BRENNICK: Halvard wants the talks to resume next week.
            """)
        #expect(a.speaker(of: "not negotiate while the shelling")?.name == "Arno Veldkamp")
        #expect(a.actor(named: "Veldkamp")?.role == "Prime Minister")
        #expect(a.speaker(of: "The reason we are here")?.name == "Tomas Halvard")
        #expect(a.speaker(of: "talks to resume and a ceasefire") == nil)
        #expect(a.actor(named: "Unidentified Man") == nil)
        #expect(a.speaker(of: "The foreign minister flew") == nil)
        #expect(a.speaker(of: "Halvard wants") == nil)
        #expect(a.actor(named: "Paul Brennick")?.stance == "none")
    }

    @Test func aReporterNamedInTheBylineIsNoSpeaker() {
        let a = AnalysisFixture.analyze("""
            Title: Talks resume
            Date: 2022-11-10
            Byline: Lena Marquart

            LENA MARQUART: The envoy arrived this morning for the talks.

            JONAS EDVARDSEN: We will push for a ceasefire and for negotiations.

            MARQUART: And the rebels?

            EDVARDSEN: They must come to the table.
            """)
        #expect(a.speaker(of: "envoy arrived this morning") == nil)
        #expect(a.speaker(of: "push for a ceasefire")?.name == "Jonas Edvardsen")
    }

    @Test func sourceAndQuoteLabels() {
        let a = AnalysisFixture.article("""
            Details: Minister Mirela Stanek arrived in the capital on Tuesday for talks with the rebels.

            Source: Peter Walcott's statement after the talks

            Quote: "We are committed to a negotiated ceasefire and to dialogue with all sides."

            Quote: "There is no military solution to this conflict."

            Quote from Mirela Stanek: "Mediation is the only path forward for our region."
            """)
        #expect(a.speaker(of: "committed to a negotiated ceasefire")?.name == "Peter Walcott")
        #expect(a.speaker(of: "no military solution")?.name == "Peter Walcott")
        #expect(a.speaker(of: "Mediation is the only path")?.name == "Mirela Stanek")
    }

    @Test func aCueSentenceAfterAClosedQuote() {
        let a = AnalysisFixture.article("""
            Minister Peter Walcott met the envoy of the rebels on Monday. "We want dialogue." Walcott said that the rebels had refused to come to the table.

            "The ceasefire must hold and talks must go on." Walcott has stated.

            "We will keep pressing for negotiations next month." Walcott remarked on Tuesday.

            """)
        #expect(a.speaker(of: "ceasefire must hold")?.name == "Peter Walcott")
        #expect(a.speaker(of: "keep pressing for negotiations")?.name == "Peter Walcott")
        #expect(a.speaker(of: "We want dialogue") == nil)
    }

    @Test func leadersNamedTogetherSpeakAsAGroup() {
        let a = AnalysisFixture.article("""
            President Anna Korvel of Norland and President Dmitri Salko of Vestria met in Geneva on Wednesday.

            “The war is over and talks will continue,” the leaders said in a joint declaration. “A new era of dialogue and peace has begun for both our peoples.”
            """)
        let group = a.speaker(of: "The war is over")
        #expect(group?.kind == .group)
        #expect(a.speaker(of: "A new era of dialogue")?.id == group?.id)
        #expect(a.actor(named: "Korvel")?.stance == "diplomacy")
        #expect(a.actor(named: "Salko")?.stance == "diplomacy")
    }

    @Test func aCountrysStatementOrAnnouncementSpeaks() {
        let a = AnalysisFixture.article(published: "2022-06-08", """
            Iceland's statement Monday said that the sides had decided to resume talks “with the objective of reaching a lasting peace agreement.”
            """)
        let speaker = a.speaker(of: "lasting peace agreement")
        #expect(speaker?.name == "Iceland")
        #expect(a.statement(containing: "lasting peace agreement")?.date == Day(year: 2022, month: 6, day: 6))
    }

    @Test func aGivenNameOrAParticleLessSurnameRefersBack() {
        let a = AnalysisFixture.article("""
            Prime Minister Anwar Ibrahim hosted talks in the capital on Monday. The meeting, hosted by Anwar, was attended by both delegations.

            Anwar outlined a plan for a ceasefire. “We want dialogue and a negotiated settlement,” he said.

            Former president Omar al-Bashir also spoke. “We support mediation and talks,” Bashir said.

            Foreign Minister al-Dierdiry Ahmed announced that talks would resume. “We welcome the ceasefire talks,” Dierdiry said.
            """)
        #expect(a.speaker(of: "negotiated settlement")?.name == "Anwar Ibrahim")
        #expect(a.speaker(of: "We support mediation")?.name == "Omar al-Bashir")
        #expect(a.speaker(of: "welcome the ceasefire")?.name == "al-Dierdiry Ahmed")
        #expect(a.persons().count == 3)
    }

    @Test func aSurnameWithOneLetterFewerIsTheSamePerson() {
        let a = AnalysisFixture.article("""
            President Mikheil Saakashvilli says the talks must continue. “We need negotiations now,” Saakashvili told a joint news conference.

            Minister Lena Holt met Minister Lars Holtz on Friday. “We want a ceasefire,” Holt said.
            """)
        #expect(a.speaker(of: "We need negotiations now")?.name == "Mikheil Saakashvilli")
        #expect(a.speaker(of: "We want a ceasefire")?.name == "Lena Holt")
    }

    @Test func aGivenNameAlsoWrittenAsAWordIsNoShortForm() {
        let a = AnalysisFixture.article("""
            Minister Grace Okafor arrived for the talks. There was little grace in the exchanges.

            Grace said nothing. “We want a ceasefire,” Minister Okafor said.
            """)
        #expect(a.actor(named: "Okafor")?.mentions.count == 2)
    }

    @Test func thankingSomeoneForAQuotedQualityIsTheSubjectsWords() {
        let a = AnalysisFixture.article("""
            Secretary-General Antonio Guterra spoke on Friday. Guterra thanked Norland for its “facilitation and persistence” in the talks on the ceasefire.
            """)
        #expect(a.speaker(of: "facilitation and persistence")?.name == "Antonio Guterra")
    }
}
