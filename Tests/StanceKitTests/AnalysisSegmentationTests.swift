import Testing
@testable import StanceKit

@Suite("Analysis: segmentation")
struct AnalysisSegmentationTests {
    func sentences(_ body: String) -> [String] {
        let article = Article(file: "t", text: body, blocks: [Block(role: .body, span: TextSpan(start: 0, end: body.unicodeScalars.count))])
        let text = AnalysisText(article: article)
        return text.sentences.map { text.text($0.lowerBound, $0.upperBound - 1) }
    }

    @Test func titlesAndInitialsDoNotEndSentences() {
        let s = sentences("Gen. Mark A. Milley spoke with Mr. Biden and Lt. Col. Smith on Nov. 10. Then he left.")
        #expect(s == ["Gen. Mark A. Milley spoke with Mr. Biden and Lt. Col. Smith on Nov. 10.", "Then he left."])
    }

    @Test func dottedAcronymsEndASentenceOnlyBeforeASentenceStarter() {
        let s = sentences("Officials in the U.S. State Department agreed. Aid flows from the U.S. The E.U. waits.")
        #expect(s == ["Officials in the U.S. State Department agreed.", "Aid flows from the U.S.", "The E.U. waits."])
    }

    @Test func aFullStopWithALetterRightAfterItEndsNoSentence() {
        let s = sentences("Leader Ana Ruiz, D-N.Y., and Tom Becker of Ohio spoke. Then they left.")
        #expect(s == ["Leader Ana Ruiz, D-N.Y., and Tom Becker of Ohio spoke.", "Then they left."])
    }

    @Test func aClosingQuoteBelongsToItsSentence() {
        let s = sentences("“We will not go,” she said. “Never.” He laughed.")
        #expect(s == ["“We will not go,” she said.", "“Never.”", "He laughed."])
    }

    @Test func tokenOffsetsAreUnicodeScalars() {
        let out = Tokenizer.tokenize("Café — Zelenskyy’s “talks” 🇺🇦 Ocasio-Cortez")
        let words = out.tokens.filter { $0.kind == .word }.map { String(String.UnicodeScalarView(out.scalars[Int($0.start)..<Int($0.end)])) }
        #expect(words == ["Café", "Zelenskyy", "talks", "Ocasio-Cortez"])
        let possessive = out.tokens.first { $0.kind == .possessive }
        #expect(possessive?.start == 16)
        #expect(out.tokens.contains { $0.kind == .openQuote } && out.tokens.contains { $0.kind == .closeQuote })
    }

    @Test func markdownLinkMarkupIsHiddenButLinkTextIsKept() {
        let scalars = Array("He [told the Intercept](#) so.".unicodeScalars)
        let hidden = Markup.hiddenMask(scalars)
        #expect(Markup.visible(scalars, hidden, 0..<scalars.count) == "He told the Intercept so.")
    }

    @Test func aParagraphCutMidSentenceJoinsTheNext() {
        let body = "He said, repeating the official\n\nline that talks must wait. Next one."
        let article = ArticleParser.parse(SourceDocument(path: "t", text: "Title: T\n\n" + body, format: .plain))
        let text = AnalysisText(article: article)
        #expect(text.sentences.count == 2)
        #expect(text.text(text.sentences[0].lowerBound, text.sentences[0].upperBound - 1)
                == "He said, repeating the official line that talks must wait.")
    }
}
