import Testing
@testable import StanceKit

/// Stance of those who act without a quote, and polarity that turns on the object (issue #3). All the sentences
/// are invented.
@Suite("Analysis: agents of frame acts")
struct AnalysisActAgentTests {
    @Test func everySignerInAPassiveListTakesTheActsStance() {
        let a = AnalysisFixture.article("""
            The accord, signed by President Amir Rahimov, his counterpart Joseph Nourani, Chancellor Greta Hollmann and Prime Minister Laszlo Varga, is a joint declaration in support of the truce.
            """)
        for name in ["Amir Rahimov", "Joseph Nourani", "Greta Hollmann", "Laszlo Varga"] {
            #expect(a.actor(named: name)?.stance == "diplomacy", "\(name)")
        }
    }

    @Test func organisationsAndCountriesAsAgentsAfterBy() {
        let a = AnalysisFixture.article("""
            Fighting eased after a truce deal, brokered by the European Union, took hold in the valley.

            The summit hosted by Norway on Sunday would bring together both sides for peace talks.

            The first text was signed by members of the Contact Group after a night of negotiations.
            """)
        #expect(a.actor(named: "European Union")?.stance == "diplomacy")
        #expect(a.actor(named: "Norway")?.stance == "diplomacy")
        #expect(a.actors.contains { $0.name.contains("Contact Group") && $0.stance == "diplomacy" })
    }

    @Test func nominalAgentsAndTheOneThankedForHosting() {
        let a = AnalysisFixture.article("""
            The general had ignored failed efforts by Chile and Peru to persuade him to agree a lasting truce.

            Officials thanked Norway for hosting the peace talks.
            """)
        #expect(a.actor(named: "Chile")?.stance == "diplomacy")
        #expect(a.actor(named: "Peru")?.stance == "diplomacy")
        #expect(a.actor(named: "Norway")?.stance == "diplomacy")
    }

    @Test func aCountryAfterByWithoutAnActIsNoActor() {
        let a = AnalysisFixture.article("""
            The region was hit by Norway's worst storms in a decade, and talks on fishing rights were delayed.
            """)
        #expect(a.actor(named: "Norway") == nil)
    }

    @Test func thoseWhoHoldTalksOrMeetOnTheHeadlinesTruce() {
        let held = AnalysisFixture.article("""
            Foreign Minister Amir Rahimov and rebel commander Joseph Nourani have been holding negotiations in Geneva since Monday.
            """)
        #expect(held.actor(named: "Amir Rahimov")?.stance == "diplomacy")
        #expect(held.actor(named: "Joseph Nourani")?.stance == "diplomacy")
        let met = AnalysisFixture.analyze("""
            Title: Rivals hold surprise truce talks in Oslo
            Date: 2031-04-16

            Foreign Minister Amir Rahimov and rebel commander Joseph Nourani met Tuesday with envoy Carla Mendt in Oslo.
            """)
        #expect(met.actor(named: "Amir Rahimov")?.stance == "diplomacy")
        #expect(met.actor(named: "Carla Mendt")?.stance == "diplomacy")
    }

    @Test func aMeetingAloneIsNoAct() {
        let a = AnalysisFixture.analyze("""
            Title: Rivals hold surprise truce talks in Oslo
            Date: 2031-04-16

            The talks began on Monday. Delegates arrived from six countries. Observers waited outside the hall.

            Later, Mayor Amir Rahimov met with the school board about the new budget.
            """)
        #expect(a.actor(named: "Amir Rahimov")?.stance == "none")
    }
}

@Suite("Analysis: polarity of objects, withdrawals and embargoes")
struct AnalysisPolarityTests {
    @Test func opposingADiplomaticObjectIsSupport() {
        let a = AnalysisFixture.article("""
            Senator Amir Rahimov voiced his opposition to a potential truce deal on Tuesday.

            The committee chair, Joseph Nourani, a long-time opponent of the nuclear accord, spoke next.
            """)
        #expect(a.actor(named: "Amir Rahimov")?.stance == "support")
        #expect(a.actor(named: "Joseph Nourani")?.stance == "support")
    }

    @Test func aRejectionWithItsReasonCountsOnce() {
        let a = AnalysisFixture.article("""
            Defence Minister Amir Rahimov rejected the proposal for a truce as premature.
            """)
        #expect(a.actor(named: "Amir Rahimov")?.stance == "support")
    }

    @Test func leavingTheTalksIsSupport() {
        let a = AnalysisFixture.article("""
            Amir Rahimov said on Monday his delegation withdrew from the talks at the last minute.

            Joseph Nourani said his side walked out of the peace talks in protest.

            Laura Marsh said her party pulled out of negotiations.
            """)
        #expect(a.actor(named: "Amir Rahimov")?.stance == "support")
        #expect(a.actor(named: "Joseph Nourani")?.stance == "support")
        #expect(a.actor(named: "Laura Marsh")?.stance == "support")
    }

    @Test func aReverserAfterItsCue() {
        let a = AnalysisFixture.article("""
            Interior Minister Amir Rahimov said talks with them were impossible.

            “A truce is not a peace treaty,” Senator Laura Marsh said.
            """)
        #expect(a.actor(named: "Amir Rahimov")?.stance == "support")
        #expect(a.actor(named: "Laura Marsh")?.stance == "diplomacy")
    }

    @Test func anArmsEmbargoIsNoMilitarySupport() {
        let a = AnalysisFixture.article("""
            “We must see the weapons embargo is adhered to again,” Foreign Minister Amir Rahimov said.

            Joseph Nourani called for an arms embargo on both sides.
            """)
        #expect(a.actor(named: "Amir Rahimov")?.stance != "support")
        #expect(a.actor(named: "Joseph Nourani")?.stance != "support")
    }

    @Test func aRelativeClauseOnTheObjectDoesNotTurnTheHolder() {
        let a = AnalysisFixture.article("""
            Amir Rahimov was “a supporter” of an immediate truce, which ended up being difficult to agree upon, the spokesman said.
            """)
        #expect(a.actor(named: "Amir Rahimov")?.stance == "diplomacy")
    }
}

@Suite("Analysis: a welcome of a move told before")
struct AnalysisWelcomedMoveTests {
    @Test func welcomingAPartysCommitmentToATruceIsDiplomacy() {
        let a = AnalysisFixture.article("""
            The rebel council said on Monday it would commit to the truce agreed last week.

            Foreign Minister Amir Rahimov welcomed the move.
            """)
        #expect(a.actor(named: "Amir Rahimov")?.stance == "diplomacy")
    }

    @Test func welcomingAMoveWithoutAFrameCueGivesNoStance() {
        let a = AnalysisFixture.article("""
            The city council said on Monday it would open three new libraries.

            Mayor Amir Rahimov welcomed the move.
            """)
        #expect(a.actor(named: "Amir Rahimov")?.stance == "none")
    }
}

@Suite("Analysis: holders of plural offices")
struct AnalysisOfficeHolderTests {
    @Test func thePresidentsOfTwoCountriesAreTheirNamedHolders() {
        let a = AnalysisFixture.article("""
            The presidents of Colombia and Venezuela have expressed support for a ceasefire in the border region.
            Colombian President Amir Rahimov and Venezuelan President Joseph Nourani are due to meet next week.
            """)
        #expect(a.actor(named: "Amir Rahimov")?.stance == "diplomacy")
        #expect(a.actor(named: "Joseph Nourani")?.stance == "diplomacy")
    }
}

@Suite("Analysis: reversals told twice count once")
struct AnalysisOneReversalTests {
    @Test func aThreatToLeaveTheCoalitionOverATruceIsSupport() {
        let a = AnalysisFixture.article("""
            Senator Laura Marsh said her party will withdraw from the ruling coalition of the prime minister if the cabinet approves the truce deal.
            """)
        #expect(a.actor(named: "Laura Marsh")?.stance == "support")
    }

    @Test func talkingSomeoneOutOfBringingDownTheGovernmentOverATruceIsDiplomacy() {
        let a = AnalysisFixture.article("""
            Prime Minister Amir Rahimov will try to dissuade his partners from bringing down the government over the truce deal.
            """)
        #expect(a.actor(named: "Amir Rahimov")?.stance == "diplomacy")
    }
}
