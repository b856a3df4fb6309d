import Testing
@testable import StanceKit

@Suite("Analysis: article recognition")
struct AnalysisArticleParserTests {
    static let pasted = """
        The Daily Planet 3. March 2023

        # Minister Urges Talks as Allies Hesitate

        The foreign minister has made the case for negotiations.

        Officials at the summit last week. Credit...Jane Roe/The Daily Planet

        By [John Doe](#) and Mary Major March 3, 2023

        LONDON — The foreign minister, Helen Clark, said on Thursday that talks should begin.

        ### **What to Know**

        **The Front:** Fighting continued near the river.

        [Learn more about our reporting.](#)

        Sam Lee contributed reporting from Paris.
        """

    @Test func pastedNewsPageBlocks() {
        let article = ArticleParser.parse(SourceDocument(path: "p.txt", text: Self.pasted, format: .plain))
        let roles = article.blocks.map(\.role)
        #expect(roles == [.dateline, .headline, .standfirst, .caption, .credit, .byline, .body, .sidebar, .sidebar, .promo, .contributor])
        #expect(article.title == "Minister Urges Talks as Allies Hesitate")
        #expect(article.source == "The Daily Planet")
        #expect(article.published == Day(year: 2023, month: 3, day: 3))
        #expect(article.byline == ["John Doe", "Mary Major"])
    }

    @Test func yamlFrontMatterBeatsTheText() {
        let text = """
            ---
            title: "Talks Now"
            date: 2021-05-04
            source: Example Times
            author:
              - Ann Writer
              - Bob Writer
            url: https://example.com/a
            ---

            By Someone Else June 1, 2020

            Body text here.
            """
        let article = ArticleParser.parse(SourceDocument(path: "a.md", text: text, format: .markdown))
        #expect(article.title == "Talks Now")
        #expect(article.published == Day(year: 2021, month: 5, day: 4))
        #expect(article.source == "Example Times")
        #expect(article.byline == ["Ann Writer", "Bob Writer"])
        #expect(article.url == "https://example.com/a")
    }

    @Test func keyValueHeader() {
        let text = "Title: A headline\nSource: Reuters\nDate: Sept. 3, 2022\nAuthor: Jane Smith and Tom Jones\n\nBody."
        let article = ArticleParser.parse(SourceDocument(path: "a.txt", text: text, format: .plain))
        #expect(article.title == "A headline")
        #expect(article.source == "Reuters")
        #expect(article.published == Day(year: 2022, month: 9, day: 3))
        #expect(article.byline == ["Jane Smith", "Tom Jones"])
        #expect(article.blocks.map(\.role) == [.body])
    }

    @Test(arguments: [
        ("Nov. 10, 2022", "2022-11-10"), ("10. November 2022", "2022-11-10"), ("10 November 2022", "2022-11-10"),
        ("November 10th, 2022", "2022-11-10"), ("2022-11-10", "2022-11-10"), ("2022-11-10T08:00:00Z", "2022-11-10"),
        ("Sept. 3, 2021", "2021-09-03"), ("11/10/2022", "2022-11-10"), ("Updated May 2, 2023, 5:01 p.m. ET", "2023-05-02"),
    ])
    func newsroomDateForms(text: String, iso: String) {
        #expect(DateParser.firstDate(in: text)?.description == iso)
    }

    @Test func dateWithoutYearTakesTheLatestBeforeTheReference() {
        #expect(DateParser.firstDate(in: "Sept. 3", reference: Day(year: 2022, month: 11, day: 10))?.description == "2022-09-03")
        #expect(DateParser.firstDate(in: "Dec. 24", reference: Day(year: 2022, month: 11, day: 10))?.description == "2021-12-24")
        #expect(DateParser.firstDate(in: "may be") == nil)
    }

    @Test func htmlBlocksAreUsedAsGiven() {
        let text = "Headline here\nBy Ann Writer\nShe said talks must start."
        let blocks = [Block(role: .headline, span: TextSpan(start: 0, end: 13)), Block(role: .byline, span: TextSpan(start: 14, end: 27)),
                      Block(role: .body, span: TextSpan(start: 28, end: text.unicodeScalars.count))]
        let article = ArticleParser.parse(SourceDocument(path: "a.html", text: text, format: .html,
                                                         metadata: SourceMetadata(published: "2020-01-02"), blocks: blocks))
        #expect(article.blocks == blocks)
        #expect(article.title == "Headline here")
        #expect(article.byline == ["Ann Writer"])
        #expect(article.published == Day(year: 2020, month: 1, day: 2))
    }
}
