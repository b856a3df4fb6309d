import Testing
@testable import StanceKit

/// Quotation marks other than “ ” and ", and "it said" after an organisation. Invented sentences in several outlets'
/// styles (wire copy, European English, live blogs, African and Asian outlets).
@Suite("Analysis: quote marks and institutional speakers")
struct AnalysisQuoteShapesMarksTests {
    /// Two apostrophes typed for a double mark, and the low-high marks of German and Central European texts.
    @Test(arguments: [
        ("Senator Paula Grey said: ''We will not accept a blockade of the port,'' at a rally in Ohio.", "We will not accept a blockade", "Paula Grey"),
        ("''The talks are over for now,'' Foreign Minister Ivo Brandt told reporters in Oslo.", "The talks are over for now", "Ivo Brandt"),
        ("''We are ready to sign the truce,'' said Ana Ruiz, the chief negotiator.", "We are ready to sign the truce", "Ana Ruiz"),
        ("14:05 — ''No deal yet, but the ceasefire holds,'' says chief negotiator Omar Daud.", "No deal yet, but the ceasefire holds", "Omar Daud"),
        ("Chancellor Lena Holt said: „Die Gespräche müssen weitergehen“ in Berlin on Monday.", "Die Gespräche müssen weitergehen", "Lena Holt"),
        ("„We are ready to talk without conditions“, Foreign Minister Jan Novak said on Monday.", "We are ready to talk without conditions", "Jan Novak"),
        ("Prime Minister Eva Kral told the Sejm: „The ceasefire must come first“.", "The ceasefire must come first", "Eva Kral"),
    ])
    func otherQuotationMarksQuote(sentence: String, words: String, speaker: String) {
        let a = AnalysisFixture.article(published: "2031-05-02", sentence)
        #expect(a.speaker(of: words)?.name == speaker, "\(a.statements.map(\.text)) in: \(sentence)")
        #expect(a.statements.filter { $0.kind == .direct }.count == 1, "\(a.statements.map(\.text)) in: \(sentence)")
    }

    /// Apostrophes that are no quotation marks: possessives, elisions, a closing single mark after a word.
    @Test func apostrophesOpenNoQuote() {
        let a = AnalysisFixture.article(published: "2031-05-02", """
            The ministers' meeting ended early. Paula Grey said the talks had failed and that the rebels' demands were 'n' all.

            Ivo Brandt said he didn't expect a deal before the leaders'' summit.
            """)
        #expect(!a.statements.contains { $0.kind == .direct })
    }

    /// "it said", "it added", "it also warned" after an organisation, a government or a group: the body speaks, not
    /// the last person named.
    @Test(arguments: [
        ("The Foreign Ministry of Norland issued a note on Sunday. “The blockade must end now,” it said.", "The blockade must end now", "Foreign Ministry"),
        ("“We reject the proposal,” the Kestrel Liberation Front said in a statement. “It offers nothing to our people,” it added.", "It offers nothing to our people", "Kestrel Liberation Front"),
        ("The African Union welcomed the deal. It said the accord was “a first step towards lasting peace in the region.”", "a first step towards lasting peace", "African Union"),
        ("Envoy Jan Novak met officials of the Ministry of Defence on Monday. “Our forces will respect the ceasefire,” it also said.", "Our forces will respect the ceasefire", "Ministry of Defence"),
        ("The Kremlin said talks could resume. “Moscow is open to dialogue with all parties,” it said, without giving details.", "Moscow is open to dialogue", "Kremlin"),
    ])
    func itSpeaksForTheOrganisation(sentence: String, words: String, speaker: String) {
        let a = AnalysisFixture.article(published: "2031-05-02", sentence)
        #expect(a.speaker(of: words)?.name.contains(speaker) == true, "\(String(describing: a.speaker(of: words)?.name)) in: \(sentence)")
    }

    /// "it" inside a quote, or before a verb that is no saying, makes no speaker.
    @Test func itInsideAQuoteOrBeforeAnotherVerbSpeaksForNoOne() {
        let a = AnalysisFixture.article(published: "2031-05-02", """
            The Foreign Ministry of Norland issued a note on Sunday. “It is a mistake to close the border,” Paula Grey said.

            The ministry of trade published figures. It rose by four percent, the figures showed.
            """)
        #expect(a.speaker(of: "It is a mistake")?.name == "Paula Grey")
        #expect(!a.statements.contains { $0.text.contains("rose by four percent") })
    }
}
