import Testing
@testable import StanceKit

@Suite("Analysis: statements, governments and groups as speakers")
struct AnalysisGroupSpeakerTests {
    @Test func theStatementSpeaksForItsAuthorNotTheLastNamed() {
        let a = AnalysisFixture.article("""
            The Andean Trade Council said in a statement on Monday that it backed the proposal.

            Mayor Tomas Ferreira of Lima and the Harbour Workers Union met on Tuesday to discuss the port.

            “Both sides must return to the negotiating table without delay,” the statement said.
            """)
        #expect(a.speaker(of: "return to the negotiating table")?.name == "Andean Trade Council")
    }

    @Test func aStatementFromAnOrganisationNamesItsAuthor() {
        let a = AnalysisFixture.article("""
            Talks on the border dispute were “constructive and frank,” according to a joint statement from the Andean Trade Council.

            The Harbour Workers Union was not consulted. “We call on all parties to agree a ceasefire now,” the statement added.
            """)
        #expect(a.speaker(of: "agree a ceasefire now")?.name == "Andean Trade Council")
    }

    @Test func aMultiParagraphPressQuoteGoesToTheStatementsAuthor() {
        let a = AnalysisFixture.article("""
            The Nordic Peace Forum issued a statement after the meeting. Senator Karl Holm of Oslo attended it.

            “We urge both governments to begin talks immediately.

            “Only dialogue can end this conflict and bring the refugees home,” the statement reads.
            """)
        #expect(a.speaker(of: "bring the refugees home")?.name == "Nordic Peace Forum")
    }

    @Test func aGovernmentNamedByItsNationalityIsTheCountry() {
        let a = AnalysisFixture.article("""
            Chile's presidency later confirmed the meeting, emphasizing the urgent need for “direct dialogue and a lasting ceasefire.”

            The Chilean government has agreed to resume talks with its neighbour, and Chile welcomed the offer of mediation.
            """)
        let chile = a.actors.filter { $0.kind == .organization && $0.name.contains("Chile") }
        #expect(chile.count == 1)
        #expect(a.speaker(of: "direct dialogue")?.id == chile.first?.id)
    }

    @Test func nationalityAndOfficialsOrHostsSpeakForTheCountry() {
        let a = AnalysisFixture.article("""
            The Norwegian hosts said the talks would continue on Sunday. “There is no alternative to a negotiated peace,” the Norwegian foreign ministry said.
            """)
        let norway = a.actors.filter { $0.kind == .organization && ($0.name == "Norway" || $0.name.contains("Norwegian")) }
        #expect(norway.count == 1)
        #expect(a.speaker(of: "negotiated peace")?.id == norway.first?.id)
    }

    @Test func aRoleNounBeforeACountryLeavesTheCountryTheSpeaker() {
        let a = AnalysisFixture.article("""
            Summit chair Norway said the plan also includes “a phased return of refugees and a permanent ceasefire.”
            """)
        #expect(a.speaker(of: "phased return of refugees")?.name == "Norway")
        let governed = AnalysisFixture.article("""
            The delegates met with summit chair Norway on Friday and left without a statement.
            """)
        #expect(!governed.actors.contains { $0.name == "Norway" })
    }

    @Test func representativesOfOneStateSpeakForIt() {
        let a = AnalysisFixture.article("""
            Officials in the current Bolivian administration said they would “push for an immediate ceasefire and talks.”
            """)
        #expect(a.speaker(of: "immediate ceasefire")?.name == "Bolivia")
    }

    @Test func representativesOfSeveralStatesSpeakAsOneGroup() {
        let a = AnalysisFixture.article("""
            The governments of Chile and Peru have agreed to “resume talks on the maritime border without preconditions.”
            """)
        let speaker = a.speaker(of: "resume talks")
        #expect(speaker?.kind == .group)
        #expect(speaker?.name.contains("Chile and Peru") == true)
        let governed = AnalysisFixture.article("""
            The minister spoke with officials from Chile and Peru on Monday.
            """)
        #expect(!governed.actors.contains { $0.name.contains("Chile") })
    }

    @Test func aPersonAndOtherMembersSpeakAsTheirGroup() {
        let a = AnalysisFixture.article("""
            Peter Hansen and other senior Labour MPs told reporters that “the government must back a ceasefire now.”
            """)
        #expect(a.speaker(of: "back a ceasefire now")?.kind == .group)
        #expect(a.actors.contains { $0.kind == .person && $0.name == "Peter Hansen" })
    }

    @Test func coordinatedNationalitiesSpeakAsOneGroupAndTheyFollowsIt() {
        let a = AnalysisFixture.article("""
            The Bolivian and Peruvian trade ministries issued a joint statement on Monday in which they stressed “the need for dialogue and a negotiated settlement.”

            Minister Carla Ruiz of Lima left early. Later they said that “talks must resume within weeks.”
            """)
        let group = a.speaker(of: "need for dialogue")
        #expect(group?.kind == .group)
        #expect(group?.name.contains("Bolivian and Peruvian") == true)
        #expect(a.speaker(of: "talks must resume")?.id == group?.id)
    }

    @Test func anAcronymBeforeAGroupNounNamesTheGroup() {
        let a = AnalysisFixture.article("""
            The Andean government and ZRF guerrilla group on Thursday agreed to extend the ceasefire by a month.

            Talks with the ZRF will resume in Havana, where the ZRF said it wanted “a lasting peace.”
            """)
        let group = a.actors.first { $0.name == "ZRF" }
        #expect(group?.kind == .group)
        #expect(group?.aliases.contains { $0.contains("ZRF guerrilla group") } == true)
        #expect(a.speaker(of: "a lasting peace")?.id == group?.id)
    }
}
