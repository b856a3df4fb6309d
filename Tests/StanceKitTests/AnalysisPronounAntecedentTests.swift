import Testing
@testable import StanceKit

/// Which person a later "he said" refers to: the subject of a main clause, not a person inside another source's
/// report or an appositive to a preposition's object. Invented sentences.
@Suite("Analysis: pronoun antecedents")
struct AnalysisPronounAntecedentTests {
    @Test func aPersonInsideAMediaReportIsNoAntecedent() {
        let a = AnalysisFixture.article(published: "2031-04-16", """
            Interior Minister Pavel Orlov voiced his opposition on Monday to a truce deal that would halt the fighting in the south and free the prisoners held there.

            The arrival of the mediator, Lucas Ferreira, last week moved the talks on, with the Valmora Herald reporting that Prime Minister Ivo Marek gave preliminary approval.

            “We will not forget them.”

            “The deal is a grave mistake and we will fight it,” he said.
            """)
        #expect(a.speaker(of: "grave mistake")?.name == "Pavel Orlov")
    }

    @Test func aPersonAfterAccordingToIsNoAntecedent() {
        let a = AnalysisFixture.article(published: "2031-04-16", """
            General Anton Siwek told the committee on Tuesday that the offensive had stalled in the east.

            According to the Northgate Observer, Senator Mark Oldfield left the hearing early.

            “We cannot win this by force,” he said.
            """)
        #expect(a.speaker(of: "win this by force")?.name == "Anton Siwek")
    }
}
