import Testing
@testable import StanceKit

/// Person names in the forms wire copy and European English write them. Invented sentences.
@Suite("Analysis: person names")
struct AnalysisPersonNameTests {
    @Test func aSurnameWithParticlesOpeningASentenceIsTheSamePerson() {
        let a = AnalysisFixture.article(published: "2031-04-16", """
            The mediator Pieter van der Molen said “peace talks must resume this month.” Van der Molen added that the truce should hold.

            Mr. da Costa’s spokesperson declined to comment. Lucia da Costa has urged both sides to agree to a truce. Da Costa said “we need a ceasefire now.”
            """)
        #expect(a.persons().filter { $0.name.hasSuffix("Molen") }.count == 1)
        #expect(a.persons().filter { $0.name.hasSuffix("Costa") }.count == 1)
    }

    @Test func namesInAListAppositiveAndAfterALongRole() {
        let a = AnalysisFixture.article(published: "2031-04-16", """
            The two governments agreed to resume talks, and the heads of their ministries, Clara Voss and Marek Lind, respectively, have thanked the mediators.

            Meanwhile, the Norland special envoy to the region, Jonas Berglund, last week urged both sides to accept a ceasefire.
            """)
        #expect(a.actor(named: "Clara Voss") != nil)
        #expect(a.actor(named: "Marek Lind") != nil)
        #expect(a.actor(named: "Jonas Berglund") != nil)
    }
}
