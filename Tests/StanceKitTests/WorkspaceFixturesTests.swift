import Foundation
import Testing
@testable import StanceKit

/// Hand-made analyses for the workspace and export tests: three short articles from two outlets,
/// with a person named differently across articles, two people sharing a surname, accents, curly
/// quotes and a line break inside a statement.
enum Fixtures {
    /// The scalar span of the first occurrence of `phrase` (after `after` when given).
    static func span(_ phrase: String, in text: String, after: String? = nil) -> TextSpan {
        let scalars = Array(text.unicodeScalars), needle = Array(phrase.unicodeScalars)
        var from = 0
        if let after { from = span(after, in: text).end }
        for start in from...(scalars.count - needle.count) where Array(scalars[start..<start + needle.count]) == needle {
            return TextSpan(start: start, end: start + needle.count)
        }
        fatalError("\(phrase) not in fixture text")
    }

    static func day(_ text: String) -> Day { Day(iso: text)! }

    static let milleyText = """
        Gen. Mark A. Milley urged talks on Wednesday. “There has to be a mutual recognition,” General Milley said.
        Jake Sullivan, the national security adviser, said the United States would keep supporting Ukraine, “as long as it takes.”
        """

    static var milley: ArticleAnalysis {
        let text = milleyText
        let actors = [
            Actor(id: "a1", name: "Mark A. Milley", kind: .person, role: "chairman of the Joint Chiefs of Staff",
                  aliases: ["Gen. Mark A. Milley", "General Milley"],
                  mentions: [span("Gen. Mark A. Milley", in: text), span("General Milley", in: text)],
                  stance: "diplomacy", confidence: 0.8),
            Actor(id: "a2", name: "Jake Sullivan", kind: .person, role: "national security adviser",
                  aliases: ["Sullivan"], mentions: [span("Jake Sullivan", in: text)], stance: "support", confidence: 0.7),
        ]
        let statements = [
            Statement(id: "s1", actorID: "a1", kind: .direct, text: "There has to be a mutual recognition,", cue: "said",
                      span: span("There has to be a mutual recognition,", in: text), date: day("2022-11-09"),
                      dateText: "on Wednesday", stance: "diplomacy", confidence: 0.8, evidence: ["mutual recognition"]),
            Statement(id: "s2", actorID: "a2", kind: .reported,
                      text: "the United States would keep supporting Ukraine", cue: "said",
                      span: span("the United States would keep supporting Ukraine", in: text), date: day("2022-11-10"),
                      stance: "support", confidence: 0.7, evidence: ["keep supporting"]),
            Statement(id: "s3", actorID: "a2", kind: .direct, text: "as long as it takes.",
                      span: span("as long as it takes.", in: text), date: day("2022-11-10"),
                      stance: "support", confidence: 0.6, evidence: ["as long as it takes"]),
        ]
        return ArticleAnalysis(
            article: Article(file: "corpus/nyt-milley.txt", title: "Milley Urges Talks", source: "The New York Times",
                             published: day("2022-11-10"), byline: ["Helene Cooper"], url: "https://example.org/milley",
                             text: text, blocks: [Block(role: .body, span: TextSpan(start: 0, end: text.unicodeScalars.count))]),
            actors: actors, statements: statements)
    }

    static let brusselsText = """
        In Brüssel, General Milley repeated that “a window for negotiation” exists.
        The Pentagon said, “We stand with Ukraine,
        and we will.” Jill Sullivan, a teacher, said nothing about the war.
        """

    static var brussels: ArticleAnalysis {
        let text = brusselsText
        let actors = [
            Actor(id: "p1", name: "General Milley", kind: .person, aliases: ["Milley"],
                  mentions: [span("General Milley", in: text)], stance: "diplomacy", confidence: 0.9),
            Actor(id: "p2", name: "Pentagon", kind: .organization, aliases: ["The Pentagon"],
                  mentions: [span("The Pentagon", in: text)], stance: "support", confidence: 0.5),
            Actor(id: "p3", name: "Jill Sullivan", kind: .person, role: "teacher", aliases: ["Sullivan"],
                  mentions: [span("Jill Sullivan", in: text)], isParticipant: false),
        ]
        let statements = [
            Statement(id: "q1", actorID: "p1", kind: .direct, text: "a window for negotiation", cue: "repeated",
                      span: span("a window for negotiation", in: text), stance: "diplomacy", confidence: 0.9,
                      evidence: ["negotiation"]),
            Statement(id: "q2", actorID: "p2", kind: .direct, text: "We stand with Ukraine,\nand we will.", cue: "said",
                      span: span("We stand with Ukraine,\nand we will.", in: text), date: day("2022-11-12"),
                      stance: "support", confidence: 0.5, evidence: ["stand with Ukraine"]),
        ]
        return ArticleAnalysis(
            article: Article(file: "corpus/guardian-brussels.html", title: "Talks in Brussels", source: "The Guardian",
                             published: day("2022-11-12"), text: text),
            actors: actors, statements: statements)
    }

    static let kyivText = "Kyiv’s mayor, Vitali Klitschko, said: “No talks while missiles fall.”"

    static var kyiv: ArticleAnalysis {
        let text = kyivText
        return ArticleAnalysis(
            article: Article(file: "kyiv.md", title: nil, source: "Kyiv Independent", published: nil, text: text),
            actors: [Actor(id: "k1", name: "Vitali Klitschko", kind: .person, role: "mayor of Kyiv",
                           mentions: [span("Vitali Klitschko", in: text)], stance: "support", confidence: 0.75)],
            statements: [Statement(id: "k1s1", actorID: "k1", kind: .direct, text: "No talks while missiles fall.",
                                   cue: "said", span: span("No talks while missiles fall.", in: text), stance: "support",
                                   confidence: 0.75, evidence: ["No talks"])])
    }

    static var frame: Frame {
        Frame(id: "diplomacy-vs-support", name: "Diplomacy or support", description: "Talks now, or arms first",
              positions: [Frame.Position(id: "diplomacy", label: "Diplomacy", glyph: "D", key: "d", cues: []),
                          Frame.Position(id: "support", label: "Support", glyph: "S", key: "s", cues: [])])
    }

    /// A clock that moves one second per reading from a fixed start, so times replay exactly.
    static func clock(start: TimeInterval = 1_668_000_000) -> @Sendable () -> Date {
        let ticks = Ticks(start: start)
        return { ticks.next() }
    }

    final class Ticks: @unchecked Sendable {
        private var value: TimeInterval
        private let lock = NSLock()
        init(start: TimeInterval) { value = start }
        func next() -> Date { lock.withLock { value += 1; return Date(timeIntervalSince1970: value) } }
    }

    /// A fresh folder under the temporary directory, removed by the caller's `defer`.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stancebench-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func workspace(_ analyses: [ArticleAnalysis] = [milley, brussels, kyiv]) throws -> Workspace {
        let workspace = try Workspace.inMemory(now: clock())
        for analysis in analyses { try workspace.addArticle(analysis, frameID: frame.id) }
        return workspace
    }
}

@Suite struct WorkspaceFixturesTests {
    @Test func fixtureStatementsQuoteTheirSpans() {
        for analysis in [Fixtures.milley, Fixtures.brussels, Fixtures.kyiv] {
            for statement in analysis.statements {
                #expect(analysis.article.text.scalars(in: statement.span) == statement.text)
            }
        }
    }
}
