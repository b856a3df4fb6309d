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
}
