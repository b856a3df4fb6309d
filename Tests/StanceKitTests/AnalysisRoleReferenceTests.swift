import Testing
@testable import StanceKit

/// A person referred to by office ("the Special Envoy", "the envoy") after being named with it. Invented sentences.
@Suite("Analysis: role references")
struct AnalysisRoleReferenceTests {
    @Test func aCapitalisedTitleRefersToItsHolderNotToTheDeputy() {
        let a = AnalysisFixture.article(published: "2031-04-16", """
            United Nations Special Envoy for Velmaria Erik Lindahl met the rebel delegation in Orsk on Monday to discuss a renewed truce.

            Separately, the UN Deputy Special Envoy for Velmaria, Mr. Tomas Reyes, paid a visit to the port city, where he met local officials.

            Speaking to reporters later that day, the Special Envoy said “a nationwide ceasefire is within reach if both parties show courage.”

            One of their demands, he said, was the release of prisoners. “We must agree on the prisoners before any talks,” he said.
            """)
        #expect(a.speaker(of: "nationwide ceasefire")?.name == "Erik Lindahl")
        #expect(a.speaker(of: "agree on the prisoners")?.name == "Erik Lindahl")
        #expect(a.actor(named: "Reyes")?.role?.contains("Deputy") ?? true)
    }

    @Test func aLowerCaseRoleBeforeTheNameIsTheRoleTheNarrationUsesLater() {
        let a = AnalysisFixture.article(published: "2031-04-16", """
            The UN envoy Ingrid de Vaal opened the talks in Sennet on Friday with both delegations present.

            Speaking to reporters later that day, the envoy said “the fighting must stop before the winter, and talks must go on.”
            """)
        #expect(a.speaker(of: "the fighting must stop")?.name == "Ingrid de Vaal")
        #expect(a.statement(containing: "the fighting must stop")?.date?.description == "2031-04-11")
    }

    @Test func aTitleWithItsHolderNamedAfterItIsNoReference() {
        let a = AnalysisFixture.article(published: "2031-04-16", """
            The Foreign Minister, Arthur Pettvik, said on Monday that “talks are the only way to end this war.”
            """)
        #expect(a.speaker(of: "the only way")?.name == "Arthur Pettvik")
        #expect(a.persons().count == 1)
    }

    @Test func aTitleOpeningASentenceRefersToItsHolder() {
        let a = AnalysisFixture.article(published: "2031-04-16", """
            German Chancellor Erik Vollmer met the delegations in Sennet on Monday.

            The Chancellor said “a ceasefire must come before any talk of borders.”
            """)
        #expect(a.speaker(of: "ceasefire must come")?.name == "Erik Vollmer")
    }

    @Test func aRoleNounEndingALineIsNoRoleOfTheNameOpeningTheNext() {
        let a = AnalysisFixture.article(published: "2031-04-16", """
            ‘A reckless deal’ will lead to ‘the release of hundreds of dangerous prisoners,’ warns hardline leader
            Anna Berg is the Valmora Herald's political correspondent.

            Interior Minister Pavel Orlov announced on Thursday that his party would leave the coalition over the truce deal.
            """)
        #expect(a.actor(named: "Anna Berg")?.role == nil)
        #expect(a.speaker(of: "dangerous prisoners")?.name == "Pavel Orlov")
    }
}
