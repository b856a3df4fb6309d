import Testing
@testable import StanceKit

/// Countries, people and groups whose position lies in what they do: signing, attending a signing, hosting, trying
/// to revive talks, escalating (issue #3). All the sentences are invented.
@Suite("Analysis: acts of countries and people")
struct AnalysisActsTests {
    @Test func signingADocumentBetweenPartiesIsTheFramesSigningPosition() {
        let a = AnalysisFixture.article("""
            Foreign Minister Amir Rahimov and rebel commander Joseph Nourani then signed the document in the presence of President Greta Hollmann.
            """)
        for name in ["Amir Rahimov", "Joseph Nourani", "Greta Hollmann"] {
            #expect(a.actor(named: name)?.stance == "diplomacy", "\(name)")
        }
    }

    @Test func thePassiveSignersOfADeclaration() {
        let a = AnalysisFixture.article("""
            The second text, signed by President Amir Rahimov and his counterpart Joseph Nourani, is a joint declaration.
            """)
        #expect(a.actor(named: "Amir Rahimov")?.stance == "diplomacy")
        #expect(a.actor(named: "Joseph Nourani")?.stance == "diplomacy")
    }

    @Test func countriesThatSignAnAccordAndTheOneSignedWith() {
        let a = AnalysisFixture.article("""
            Peru and Bolivia on Friday signed a framework accord with Norway on reopening the border crossings.
            """)
        for name in ["Peru", "Bolivia", "Norway"] {
            #expect(a.actor(named: name)?.stance == "diplomacy", "\(name)")
        }
    }

    @Test func signingSomethingElseOrShakingHandsTakesNoSide() {
        let a = AnalysisFixture.article("""
            Peru signed a decree on fishing quotas on Monday.

            Amir Rahimov and Joseph Nourani shook hands in front of the cameras.
            """)
        #expect(a.actor(named: "Peru")?.stance ?? "none" == "none")
        #expect(a.actor(named: "Amir Rahimov")?.stance == "none")
        #expect(a.actor(named: "Joseph Nourani")?.stance == "none")
    }

    @Test func attendingTheSigningCeremony() {
        let a = AnalysisFixture.article("""
            Premier Amir Rahimov and Secretary-General Joseph Nourani attended the signing ceremony in the capital.
            """)
        #expect(a.actor(named: "Amir Rahimov")?.stance == "diplomacy")
        #expect(a.actor(named: "Joseph Nourani")?.stance == "diplomacy")
    }

    @Test func thePartiesOfAHostedMeeting() {
        let a = AnalysisFixture.article("""
            The truce meeting between Amir Rahimov and Joseph Nourani was hosted by Greta Hollmann on Monday.
            """)
        for name in ["Amir Rahimov", "Joseph Nourani", "Greta Hollmann"] {
            #expect(a.actor(named: name)?.stance == "diplomacy", "\(name)")
        }
    }

    @Test func aCountryThatEscalatesSupportsTheWar() {
        let a = AnalysisFixture.article("""
            Serbia stepped up its bombardment of the northern towns on Sunday.

            The aid convoys were delayed as Ghana presses its offensive in the hills.
            """)
        #expect(a.actor(named: "Serbia")?.stance == "support")
        #expect(a.actor(named: "Ghana")?.stance == "support")
    }

    @Test func countriesTryingToReviveTalks() {
        let a = AnalysisFixture.article("""
            Kenya is trying to revive the stalled truce talks.

            Chile has tried to restart negotiations since the spring.
            """)
        #expect(a.actor(named: "Kenya")?.stance == "diplomacy")
        #expect(a.actor(named: "Chile")?.stance == "diplomacy")
    }

    @Test func pluralNationalLeadersAreTheHoldersNamedBefore() {
        let a = AnalysisFixture.article("""
            Thai Prime Minister Amir Rahimov flew to the border on Sunday, where Cambodian Prime Minister Joseph Nourani was waiting.

            Thai and Cambodian leaders have agreed to implement a truce.
            """)
        #expect(a.actor(named: "Amir Rahimov")?.stance == "diplomacy")
        #expect(a.actor(named: "Joseph Nourani")?.stance == "diplomacy")
    }

    @Test func aPlaceOnlyNamedAsWhereTalksAreIsNoActor() {
        let a = AnalysisFixture.article("""
            The talks between Israel and Qatar in Doha were signed off by nobody.
            """)
        #expect(a.actor(named: "Qatar") == nil)
    }

    @Test func groupsNamedByTheirSide() {
        let a = AnalysisFixture.article("""
            Opponents of the peace deal celebrated the results in the capital.

            Supporters of the accord reacted with dismay, while foes of the truce say it gives too much to the rebels.
            """)
        #expect(a.actors.contains { $0.kind == .group && $0.name.contains("Opponents of the peace deal") && $0.stance == "support" })
        #expect(a.actors.contains { $0.kind == .group && $0.name.contains("Supporters of the accord") && $0.stance == "diplomacy" })
        #expect(a.actors.contains { $0.kind == .group && $0.name.contains("foes of the truce") && $0.stance == "support" })
    }

    @Test func aSideNounThatIsNoSubjectMakesNoGroup() {
        let a = AnalysisFixture.article("""
            The minister met opponents of the peace deal on Friday.
            """)
        #expect(!a.actors.contains { $0.kind == .group })
    }

    @Test func theOneToBeConvincedToHoldTalksDoesNotHoldThem() {
        let a = AnalysisFixture.article("""
            Envoy Carla Mendt is trying to convince the Taliban to come and hold the talks with the government.
            """)
        #expect(a.actor(named: "Taliban")?.stance ?? "none" == "none")
    }
}
