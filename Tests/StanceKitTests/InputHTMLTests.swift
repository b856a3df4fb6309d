import Foundation
import Testing
@testable import StanceKit

/// Saved news pages (fixtures under Data/input) and malformed or extreme markup.
@Suite struct InputHTMLTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.resourceURL?.appendingPathComponent("Data/input/\(name)"))
        return Array(try Data(contentsOf: url))
    }

    static func load(_ name: String) throws -> SourceDocument {
        try SourceLoader.decode(fixture(name), path: name)
    }

    /// Each block's text, cut from `text` by its Unicode-scalar span.
    static func slices(_ document: SourceDocument) -> [(role: BlockRole, text: String)] {
        let scalars = Array(document.text.unicodeScalars)
        return document.blocks.map { block in
            (block.role, String(String.UnicodeScalarView(scalars[block.span.start..<block.span.end])))
        }
    }

    /// The spans must cover the text exactly: blocks in order, one blank line apart, the headline
    /// after its "# " marker.
    static func expectSpansRebuildText(_ document: SourceDocument, sourceLocation: SourceLocation = #_sourceLocation) {
        let rebuilt = slices(document).map { $0.role == .headline ? "# " + $0.text : $0.text }.joined(separator: "\n\n")
        #expect(rebuilt == document.text, sourceLocation: sourceLocation)
        for (_, text) in slices(document) {
            #expect(text == text.trimmingCharacters(in: .whitespacesAndNewlines), sourceLocation: sourceLocation)
            #expect(!text.contains("\n\n"), sourceLocation: sourceLocation)
        }
    }

    static func expectAbsent(_ phrases: [String], in document: SourceDocument, sourceLocation: SourceLocation = #_sourceLocation) {
        for phrase in phrases {
            #expect(!document.text.contains(phrase), "furniture kept: \(phrase)", sourceLocation: sourceLocation)
        }
    }

    @Test func newsPageWithJSONLDInGraph() throws {
        let document = try Self.load("jsonld-article.html")
        #expect(document.format == .html)
        #expect(document.warnings.isEmpty)
        // JSON-LD wins over Open Graph and plain meta; authors are resolved through @id.
        #expect(document.metadata == SourceMetadata(
            title: "Ceasefire talks resume in Geneva as envoys trade proposals",
            source: "The Meridian Post",
            author: "Anna Keller and Tomás Ruiz & Staff",
            published: "2023-03-07T18:42:00+01:00",
            url: "https://meridianpost.example/world/2023/03/07/ceasefire-talks-geneva"))
        let expected: [(BlockRole, String)] = [
            (.headline, "Ceasefire talks resume in Geneva as envoys trade proposals"),
            (.standfirst, "Negotiators returned to the table on Tuesday after a three-week pause, with both sides floating new terms."),
            (.byline, "By Anna Keller and Tomás Ruiz"),
            (.dateline, "March 7, 2023"),
            (.caption, "Delegates arrive at the Palais des Nations in Geneva on Tuesday."),
            (.credit, "Photo: Lena Vogt/Reuters"),
            (.body, "GENEVA — Envoys from both governments resumed ceasefire negotiations here on Tuesday, exchanging written proposals for the first time since talks collapsed last month."),
            (.body, "“We came with a text, and we expect a text in return,” the lead negotiator, Miriam Osei, told reporters outside the Palais des Nations. “Diplomacy is the only road that ends this.”"),
            (.body, "Officials familiar with the drafts said the proposals differ mainly on the sequencing of a prisoner exchange and on who would monitor the front line."),
            (.subheading, "A narrow opening"),
            (.body, "Analysts cautioned that the talks could stall again. “Both delegations still believe time is on their side,” said Jonas Berg, a researcher at the Nordic Institute for Peace Studies."),
            (.sidebar, "Key dates"),
            (.sidebar, "February 14: Talks suspended after shelling near the border."),
            (.body, "The next round is scheduled for Friday, when technical teams are expected to discuss verification."),
            (.body, "Reporting was contributed by Hanna Lind in Stockholm."),
        ]
        let slices = Self.slices(document)
        #expect(slices.map(\.role) == expected.map(\.0))
        #expect(slices.map(\.text) == expected.map(\.1))
        #expect(document.text.hasPrefix("# Ceasefire talks resume in Geneva as envoys trade proposals\n\nNegotiators"))
        Self.expectSpansRebuildText(document)
        Self.expectAbsent([
            "Skip to content", "Politics", "Search the Post", "Share on Facebook", "Tweet this story", "Email this",
            "Advertisement", "loadAd", "World Briefing", "Subscribe", "Border shelling", "prisoner exchange could look",
            "Comments", "first good news", "Meridian Post", "Privacy policy", "enable JavaScript", "dataLayer",
            "display: flex", "Delegates at the Palais", // the image's alt text
        ], in: document)
    }

    @Test func openGraphOnlyPageWithArticleBody() throws {
        let document = try Self.load("opengraph-only.html")
        // article:author is a profile link, so the plain author meta is used.
        #expect(document.metadata == SourceMetadata(
            title: "Parliament backs arms package after heated debate",
            source: "Northern Ledger",
            author: "Peter Lindqvist",
            published: "2022-11-10T14:05:00+00:00",
            url: "https://ledger.example/politics/arms-package-vote"))
        let slices = Self.slices(document)
        #expect(slices.map(\.role) == [.headline, .byline, .body, .body, .body, .caption, .credit, .body])
        #expect(slices[1].text == "By Peter Lindqvist · 10 November 2022")
        #expect(slices[5].text == "The chamber during Thursday’s vote.")
        #expect(slices[6].text == "Photo: Ledger archive")
        for paragraph in [
            "Lawmakers approved a new package of military aid on Thursday by 212 votes to 87, after a debate that stretched late into the night.",
            "The defence minister, Karin Holm, said the package would “keep our commitments and send a clear signal.” Opposition members argued that the money should instead fund a diplomatic initiative.",
            "“Weapons alone will not end this war,” said Erik Sand, who leads the opposition’s foreign affairs group. “We need negotiations, and we need them now.”",
            "The package includes air defence systems and ammunition, and will be delivered over the next six months, according to the ministry.",
        ] {
            #expect(slices.contains { $0.role == .body && $0.text == paragraph })
        }
        Self.expectSpansRebuildText(document)
        Self.expectAbsent([
            "cookies", "Accept all", "Front page", "Economy", "Facebook", "LinkedIn", "Copy link", "Read more",
            "Most read", "Storm warning", "Central bank", "Editor-in-chief", "gtag",
        ], in: document)
    }

    @Test func densityScoringFindsTheBodyWithoutArticleElement() throws {
        let document = try Self.load("density-no-article.html")
        // No Open Graph or JSON-LD: plain meta, the page's h1 and the canonical link.
        #expect(document.metadata == SourceMetadata(
            title: "Mayor urges regional talks on water dispute",
            source: "The Valley Courier",
            author: "Ruth Amsel",
            published: "20210615",
            url: "http://valleycourier.example/news/2021/06/15/water-talks.html"))
        #expect(document.text == """
            # Mayor urges regional talks on water dispute

            By Ruth Amsel, Staff Writer

            Mayor Daniel Okafor on Monday called for talks between the three counties that draw water from the Linden reservoir, saying the dispute over summer allocations could no longer be settled in court.

            "Every month we spend litigating is a month without a plan," Okafor said at a news conference at City Hall. "I am asking my counterparts to sit down with us before the first of July."

            County commissioner Lise Brandt said she welcomed the offer but would not drop the lawsuit her county filed in March. "Talks and the case can run side by side," she said.

            The reservoir supplies about 140,000 residents. Its level stood at 61 percent of capacity last week, according to the regional water authority.

            A spokesman for the third county, Harlow, did not return calls seeking comment.
            """)
        #expect(Self.slices(document).map(\.role) == [.headline, .byline, .body, .body, .body, .body, .body])
        Self.expectSpansRebuildText(document)
    }

    private static let cafeText = """
        # Café owners protest energy prices

        Owners of cafés and bakeries gathered in front of the ministry on Wednesday — some with hand-written signs reading “We cannot pay €900 a month for gas.”

        “We are not asking for charity,” said Renée François, who runs a bakery in the old town. “We are asking for a cap.”

        The ministry said it was studying the proposal and would respond ‘within days’.
        """

    @Test func windows1252DeclaredByMetaCharset() throws {
        let document = try Self.load("windows-1252.html")
        #expect(document.text == Self.cafeText)
        #expect(document.metadata.title == "Café owners protest energy prices")
        #expect(document.warnings.isEmpty)
    }

    @Test func latin1LabelIsReadAsWindows1252LikeBrowsersDo() throws {
        let bytes = try Self.fixture("windows-1252.html")
        let relabelled = try Self.replacing("windows-1252", with: "iso-8859-1", in: bytes)
        #expect(try SourceLoader.decode(relabelled, path: "x.html").text == Self.cafeText)
    }

    @Test func undeclaredLegacyBytesAreReadAsWindows1252WithAWarning() throws {
        let bytes = try Self.fixture("windows-1252.html")
        let undeclared = try Self.replacing("<meta charset=\"windows-1252\">", with: "", in: bytes)
        let document = try SourceLoader.decode(undeclared, path: "x.html")
        #expect(document.text == Self.cafeText)
        #expect(document.warnings == ["the page declares no character set and is not UTF-8; read as Windows-1252"])
    }

    @Test func strayByteInUTF8PageIsReplacedNotMisread() throws {
        let before = Array("<html><head><meta charset=utf-8></head>\n<body><p>Zürich said “yes” to the plan ".utf8)
        let page = before + [0xFF] + Array(" and Genève agreed.</p></body></html>".utf8)
        let document = try SourceLoader.decode(page, path: "x.html")
        #expect(document.text == "Zürich said “yes” to the plan \u{FFFD} and Genève agreed.")
        #expect(document.warnings == ["1 invalid UTF-8 byte replaced with U+FFFD (the first at byte \(before.count), line 2)"])
    }

    @Test func utf16PageWithByteOrderMarkIgnoresItsMetaCharset() throws {
        let utf8Document = try Self.load("jsonld-article.html")
        let page = String(decoding: try Self.fixture("jsonld-article.html"), as: UTF8.self)
        let utf16 = [0xFF, 0xFE] + Array(try #require(page.data(using: .utf16LittleEndian)))
        let document = try SourceLoader.decode(utf16, path: "page.html")
        #expect(document.text == utf8Document.text)
        #expect(document.metadata == utf8Document.metadata)
        #expect(document.blocks == utf8Document.blocks)
    }

    @Test func otherDeclaredEncodingsGoThroughLibxml() throws {
        // "Мир" (peace) in KOI8-R.
        let page = Array("<html><head><meta charset=\"koi8-r\"></head><body><p>".utf8) + [0xED, 0xC9, 0xD2]
            + Array(" talks resumed on Monday in the capital.</p></body></html>".utf8)
        let document = try SourceLoader.decode(page, path: "ru.html")
        #expect(document.text == "Мир talks resumed on Monday in the capital.")
        #expect(document.warnings.isEmpty)
    }

    @Test func unconvertibleBytesAreReportedNotPrinted() throws {
        // 0x81 starts a two-byte Shift_JIS character, but a space cannot end one.
        let page = Array("<html><head><meta charset=\"shift_jis\"></head><body><p>Before the bad byte, a whole sentence. ".utf8)
            + [0x81, 0x20] + Array("After it.</p></body></html>".utf8)
        let document = try SourceLoader.decode(page, path: "jp.html")
        #expect(document.text.hasPrefix("Before the bad byte, a whole sentence."))
        #expect(document.warnings == ["some bytes could not be converted from shift_jis; text after them may be missing"])
    }

    static func replacing(_ old: String, with new: String, in bytes: [UInt8]) throws -> [UInt8] {
        let range = try #require(bytes.firstRange(of: Array(old.utf8)))
        var copy = bytes
        copy.replaceSubrange(range, with: Array(new.utf8))
        return copy
    }

    // MARK: Causes found on saved pages of real news sites

    @Test func storyInsideAWrapperNamedLikeAnAdvertIsStillFound() throws {
        // The whole page sits in an "ad-portal" div: its headline, author and date must still be read.
        let document = try Self.load("ad-wrapped-story.html")
        let slices = Self.slices(document)
        #expect(slices.map(\.role) == [.headline, .byline, .body, .body, .body])
        #expect(slices.first?.text == "Harbour pilots walk out over night shifts")
        #expect(slices.dropFirst().first?.text == "Mara Lindqvist 4 November 2019, 06:15")
        #expect(document.metadata == SourceMetadata(
            title: "Harbour pilots walk out over night shifts", source: "Northern Ledger",
            author: "Mara Lindqvist", published: "2019-11-04T06:15:00"))
        Self.expectSpansRebuildText(document)
        Self.expectAbsent(["Petter Holm", "Tug crews", "Most read", "Sign in", "loadAd", "Copyright"], in: document)
    }

    @Test func ledeAboveAReadMoreFoldIsKeptWithTheRest() throws {
        let document = try Self.load("read-more-fold.html")
        let slices = Self.slices(document)
        #expect(slices.map(\.role) == [.headline, .byline] + Array(repeating: .body, count: 10))
        #expect(slices[1].text == "by: Jon Fairweather")
        #expect(slices[2].text.hasPrefix("Fourteen regional councils"))
        #expect(slices[3].text.hasPrefix("The councils say the levy"))
        #expect(slices.last?.text == "A report on the recycling plants is due before Christmas.")
        // The date element carries its ISO date in `title`; the teasers' later dates do not count.
        #expect(document.metadata.published == "2016-08-19T09:30:00+10:00")
        Self.expectSpansRebuildText(document)
        Self.expectAbsent(["Read more", "Other columns", "Bridges before stadiums", "ANNA PRICE", "Privacy"], in: document)
    }

    @Test func bylineMadeMostlyOfALinkIsNotTakenForALinkList() throws {
        let document = try extract("""
            <article><h1>Third blogger killed in Sylhet</h1>
            <p class="author">Text by <a href="/en/author/news-wires/">NEWS WIRES</a></p>
            <p>A blogger was attacked on his way to work on Tuesday morning, the police said.</p></article>
            """)
        #expect(Self.slices(document).map(\.role) == [.headline, .byline, .body])
        #expect(Self.slices(document)[1].text == "Text by NEWS WIRES")
        // No author is marked: the name after "by" in the byline stands in.
        #expect(document.metadata.author == "NEWS WIRES")
    }

    @Test func bylineOutsideTheArticleIsWrittenEvenWhenMostlyLinks() throws {
        let paragraphs = (1...4).map { "<p>Paragraph \($0) of the report on the election result, long enough to count.</p>" }
        let document = try extract("""
            <div id="article-body"><div class="sig-line"><span class="pb-byline">By <a href="/people/sm">Steven Marsh</a></span>
            <span class="pb-timestamp">March 18 at 12:22 PM</span>
            <span class="tweet-authors"><span class="follow-button"><a href="https://social.example/sm">Follow @StevenMarsh</a></span></span></div>
            <article>\(paragraphs.joined())</article></div>
            """)
        let slices = Self.slices(document)
        #expect(slices.map(\.role) == [.byline, .body, .body, .body, .body])
        #expect(slices.first?.text == "By Steven Marsh March 18 at 12:22 PM")
        #expect(document.metadata.author == "Steven Marsh")
    }

    @Test(arguments: [
        // A byline paragraph marked as author around the author link: the link's schema.org name.
        (#"<p class="byline" itemprop="author creator"><a rel="author" href="/a/dw"><span itemprop="name">Dana Whitfield</span></a> - <time datetime="2015-04-16T20:02:01+00:00">Apr 16, 2015 8:02 pm UTC</time></p>"#,
         "Dana Whitfield"),
        // Contributors in parentheses are a remark, not part of the name.
        (#"<p>Par <span itemprop="author" class="auteur"><a href="/j/mk">Martin Keller</a> (avec Ana Ruiz et Tom Berg)</span></p>"#,
         "Martin Keller"),
        // A name given only as a meta property inside the author.
        (#"<div itemprop="author" itemscope><meta itemprop="name" content="Ola Nordmann"><a href="/o">Profile</a></div>"#,
         "Ola Nordmann"),
    ])
    func authorNameIsReadFromTheInnermostMark(byline: String, author: String) throws {
        let document = try extract("""
            <article>\(byline)<p>Body paragraph of the report, long enough to count as its text.</p></article>
            """)
        #expect(document.metadata.author == author)
    }

    // MARK: Markup details

    private func extract(_ html: String) throws(InputError) -> SourceDocument {
        try HTMLArticleExtractor.extract(html: html, path: "page.html")
    }

    @Test func inlineWhitespaceCollapsesAndLineBreaksStay() throws {
        let document = try extract("""
            <p>  One   sentence\n  with <b>bold</b>&nbsp;and <a href="https://x.example/">a link</a> . </p>
            <p>Line one<br>Line two<br/>  <br>After a double break</p>
            <p>Soft&shy;hyphen and zero&#8203;width, &amp; entities: &eacute; &#8220;q&#8221; &#x2014;</p>
            """)
        #expect(Self.slices(document).map(\.text) == [
            "One sentence with bold and a link .",
            "Line one\nLine two",
            "After a double break",
            "Softhyphen and zerowidth, & entities: é “q” —",
        ])
        #expect(!document.text.contains("x.example"))
        Self.expectSpansRebuildText(document)
    }

    @Test func headlineComesFirstAndSpanLeavesOutTheMarker() throws {
        let document = try extract("""
            <article><p class="kicker-label">Analysis of the day, in a line of its own</p>
            <h1> The <em>headline</em>
            here </h1><p>Body paragraph with enough words to count as text.</p><h1>A second h1</h1></article>
            """)
        let slices = Self.slices(document)
        #expect(document.text.hasPrefix("# The headline here\n\n"))
        #expect(slices.first?.role == .headline)
        #expect(slices.first?.text == "The headline here")
        #expect(slices.map(\.role) == [.headline, .body, .body, .subheading])
        #expect(document.metadata.title == "The headline here")
    }

    @Test func titleElementIsTheLastResortWithoutItsSiteName() throws {
        let document = try extract("""
            <html><head><title>Talks stall again | Harbour Times</title>
            <meta property="og:site_name" content="Harbour Times"></head>
            <body><div><p>The talks stalled again on Monday, officials said, without a new date.</p></div></body></html>
            """)
        #expect(document.metadata.title == "Talks stall again")
        #expect(document.metadata.source == "Harbour Times")
        #expect(Self.slices(document).map(\.text) == ["Talks stall again", "The talks stalled again on Monday, officials said, without a new date."])
    }

    @Test func jsonLDAsArrayWithTypeListAndStringAuthors() throws {
        let document = try extract("""
            <html><head>
            <meta property="og:title" content="Open Graph title">
            <script type="application/ld+json">{ not json at all</script>
            <script type="application/ld+json">[
              {"@type": "BreadcrumbList", "name": "Crumbs"},
              {"@type": ["ReportageNewsArticle", "Article"], "headline": "Reporters&#8217; headline",
               "datePublished": "2020-01-02", "author": ["Ann One", "Ben Two", "Cid Three", "https://x.example/ann"],
               "publisher": {"@type": "Organization", "name": "Wire"}, "url": "https://x.example/a"}
            ]</script></head>
            <body><p>Body paragraph with enough words to count as text.</p></body></html>
            """)
        #expect(document.metadata == SourceMetadata(title: "Reporters’ headline", source: "Wire",
                                                    author: "Ann One, Ben Two and Cid Three",
                                                    published: "2020-01-02", url: "https://x.example/a"))
    }

    @Test func teaserArticlesDoNotHideTheRealBody() throws {
        let teaser = "<article class=\"card\"><h3><a href=\"/x\">Other story</a></h3><p>A teaser for another story, short.</p></article>"
        let paragraphs = (1...6).map { "<p>Paragraph \($0) of the real report, long enough to weigh more than any teaser.</p>" }
        let document = try extract("<body><div id=\"s\">\(paragraphs.joined())</div><div>\(teaser)\(teaser)</div></body>")
        #expect(Self.slices(document).count == 6)
        #expect(!document.text.contains("another story"))
        #expect(!document.text.contains("Other story"))
    }

    @Test func commentaryIsNotTakenForReaderComments() throws {
        let opinion = (1...3).map { "<p>Opinion paragraph \($0): the case for negotiations deserves a hearing now.</p>" }
        let comments = (1...5).map { "<p>Reader comment \($0), quite a long one, disagreeing with the columnist here.</p>" }
        let document = try extract("""
            <body><div class="commentary-body">\(opinion.joined())</div>
            <div class="comments-section">\(comments.joined())</div></body>
            """)
        #expect(Self.slices(document).map(\.text) == opinion.map { String($0.dropFirst(3).dropLast(4)) })
    }

    @Test func hiddenAndTemplateContentIsDropped() throws {
        let document = try extract("""
            <article><p>Visible paragraph of the article with enough words in it.</p>
            <p hidden>Hidden paragraph</p><div style="display: none">Invisible block</div>
            <div aria-hidden="true">Screen readers skip this</div><template><p>Template text</p></template>
            <svg><text>Chart label</text></svg><iframe>Frame fallback</iframe></article>
            """)
        #expect(document.text == "Visible paragraph of the article with enough words in it.")
    }

    @Test(arguments: [
        "<html><head><title>Only a title</title></head></html>",
        "<script>var text = 'not an article';</script><style>p { color: red }</style>",
        "<html><body><nav><a href=/>Home</a></nav><form><button>Go</button></form></body></html>",
        "   ",
        "<!-- nothing but a comment -->",
    ])
    func pagesWithoutTextAreEmpty(html: String) {
        #expect(throws: InputError.empty(path: "page.html")) { try extract(html) }
    }

    @Test func malformedMarkupIsRecovered() throws {
        let document = try extract("""
            <html><body><article><div><p>First paragraph of the article <b>bold <i>both</b> text
            <p>Second paragraph after an unclosed one</div></span></td><p>Third & last < paragraph, with a bare ampersand
            <table><tr><td>cell one<td>cell two</table><a href="x
            """)
        let text = document.text
        #expect(text.contains("First paragraph of the article bold both text"))
        #expect(text.contains("Second paragraph after an unclosed one"))
        #expect(text.contains("Third & last < paragraph, with a bare ampersand"))
        #expect(text.contains("cell one cell two"))
        Self.expectSpansRebuildText(document)
    }

    @Test func deepNestingDoesNotExhaustTheStack() throws {
        let depth = 50_000
        let html = String(repeating: "<div>", count: depth) + "<p>Deep paragraph at the bottom of the page.</p>"
            + String(repeating: "<span>", count: depth) + "inline text"
        let document = try extract(html)
        #expect(document.text.contains("Deep paragraph at the bottom of the page."))
        #expect(document.text.contains("inline text"))
    }

    @Test func deeplyNestedHeadersAndWrappersStayLinear() throws {
        let depth = 20_000
        let html = "<article>" + String(repeating: "<header>", count: depth)
            + String(repeating: "<div class=\"layout with-sidebar\">", count: depth)
            + "<p>The only paragraph, deep inside wrappers named like furniture.</p>"
        // A hang guard on the worker's CPU time, not a speed test (quadratic work takes minutes).
        let document = try #require(try withinWatchdog(seconds: 60) { try extract(html) })
        #expect(document.text == "The only paragraph, deep inside wrappers named like furniture.")
    }

    @Test func largePageIsExtractedCompletely() throws {
        let paragraph = "<p>Officials said the negotiations, which began in the spring, would continue next week.</p>\n"
        let html = "<html><body><nav><a href=/>Home</a></nav><article><h1>Long report</h1>"
            + String(repeating: paragraph, count: 30_000) + "</article></body></html>"
        let document = try #require(try withinWatchdog(seconds: 60) { try extract(html) })   // 2.7 MB
        #expect(document.blocks.count == 30_001)
        #expect(document.blocks.last?.span.end == document.text.unicodeScalars.count)
    }

    @Test func extractionRunsConcurrently() async throws {
        let pages = try ["jsonld-article.html", "opengraph-only.html", "density-no-article.html", "windows-1252.html"]
            .map { ($0, try Self.fixture($0)) }
        let expected = try pages.map { try SourceLoader.decode($0.1, path: $0.0) }
        let results = try await withThrowingTaskGroup(of: (Int, SourceDocument).self) { group in
            for round in 0..<32 {
                let index = round % pages.count
                let page = pages[index]
                group.addTask { (index, try SourceLoader.decode(page.1, path: page.0)) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 32)
        for (index, document) in results {
            #expect(document == expected[index])
        }
    }
}
