import Foundation
import Testing
@testable import StanceKit

/// Hand-made fictional corpus for the comparison suites: four actors over March and April 2031.
///
/// By ISO week (◇ diplomacy, ▲ support):
/// ```
///                 W10  W11  W13    W15
/// Ada Brenner     ◇    ◇    ◇▲ ±   ▲ (and a rejected ◇)
/// Carl Dorn       ▲    ▲    ▲      ▲ + none
/// Eastern League       ◇           ▲
/// 王小明                ◇
/// ```
enum ComparisonFixture {
    static let frame = Frame(id: "war", name: "War", description: "Talk or arm", positions: [
        Frame.Position(id: "diplomacy", label: "diplomacy", glyph: "◇", key: "d", cues: []),
        Frame.Position(id: "support", label: "support", glyph: "▲", key: "s", cues: []),
    ])

    static let ada = Actor(id: "ada", name: "Ada Brenner", kind: .person, role: "foreign minister",
                           aliases: ["Brenner"])
    static let carl = Actor(id: "carl", name: "Carl Dorn", kind: .person, role: "opposition leader")
    static let league = Actor(id: "league", name: "Eastern League", kind: .organization)
    static let wang = Actor(id: "wang", name: "王小明", kind: .person, role: "envoy")

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static func said(_ id: String, _ actor: Actor, _ date: String, _ stance: String, _ text: String,
                     kind: StatementKind = .direct, outlet: String? = "Daily Star",
                     status: StatementStatus = .accepted) -> DatedStatement {
        DatedStatement(
            statement: Statement(id: id, actorID: actor.id, kind: kind, text: text,
                                 span: TextSpan(start: 0, end: text.unicodeScalars.count),
                                 stance: stance, status: status),
            actor: actor, articleID: "article-\(date)", articleTitle: "Report of \(date)", outlet: outlet,
            date: day(date))
    }

    /// Deliberately not in date order: every computation must sort for itself.
    static let statements: [DatedStatement] = [
        said("c4", carl, "2031-04-09", "support", "We stand by our allies."),
        said("a1", ada, "2031-03-04", "diplomacy", "We must talk to them before it is too late."),
        said("c1", carl, "2031-03-05", "support", "Only strength deters aggression.", outlet: "Herald"),
        said("a2", ada, "2031-03-12", "diplomacy", "negotiations remain the only path",
             kind: .reported, outlet: "Herald"),
        said("w1", wang, "2031-03-12", "diplomacy", "我们必须通过谈判解决这场冲突。", outlet: "环球日报"),
        said("e1", league, "2031-03-11", "diplomacy", "The League calls for talks.", kind: .description),
        said("c2", carl, "2031-03-13", "support", "Send the aid now."),
        said("a3", ada, "2031-03-26", "support", "They leave us no choice but to arm our allies."),
        said("a4", ada, "2031-03-27", "diplomacy", "a ceasefire still deserves a chance",
             kind: .reported, outlet: "Herald"),
        said("c3", carl, "2031-03-26", "support", "Arm them."),
        said("a5", ada, "2031-04-08", "support", "Aid must flow.", outlet: "Herald"),
        said("a6", ada, "2031-04-09", "diplomacy", "Talks, always talks.", status: .rejected),
        said("e2", league, "2031-04-07", "support", "The League backs the aid package.", kind: .description),
        said("c5", carl, "2031-04-10", "none", "We will see.", outlet: nil),
    ]
}

@Suite struct ComparisonSupportTests {
    typealias F = ComparisonFixture
    let frame = ComparisonFixture.frame

    @Test func leaningIsTheMajorityPositionAndMixedWhenSplitEvenly() {
        #expect(StanceTally(["diplomacy", "diplomacy", "support"]).leaning(in: frame) == "diplomacy")
        #expect(StanceTally(["diplomacy", "support", "none"]).leaning(in: frame) == Frame.mixed)
        #expect(StanceTally(["support", "mixed", "mixed"]).leaning(in: frame) == "support")
        #expect(StanceTally(["mixed", "none"]).leaning(in: frame) == Frame.mixed)
        #expect(StanceTally(["none", "unknown"]).leaning(in: frame) == Frame.none)
        #expect(StanceTally([]).leaning(in: frame) == Frame.none)
        let tally = StanceTally(["support", "none", "support"])
        #expect(tally.count("support") == 2 && tally.count("none") == 1 && tally.total == 3)
    }

    @Test func actorsAreFoundByIdNameOrAliasThenByPartOfTheName() {
        // Each actor comes with every one of their statements: the lookup lists each actor once.
        let actors = ComparisonFixture.statements.map(\.actor)
        #expect(ActorLookup.find("brenner", among: actors).map(\.id) == ["ada"])
        #expect(ActorLookup.find(" CARL ", among: actors).map(\.id) == ["carl"])
        #expect(ActorLookup.find("r", among: actors).map(\.id) == ["ada", "carl", "league"])
        #expect(ActorLookup.find("小明", among: actors).map(\.id) == ["wang"])
        #expect(ActorLookup.find("nobody", among: actors).isEmpty)
        #expect(ActorLookup.find("  ", among: actors).isEmpty)
    }

    @Test func analysedArticlesBecomeDatedStatements() {
        let article = Article(file: "a.txt", title: "Talks", source: "Herald", published: Day(iso: "2031-03-05"),
                              text: "...")
        let statements = [
            Statement(id: "s1", actorID: "ada", kind: .direct, text: "Talk.", span: TextSpan(start: 0, end: 5),
                      date: Day(iso: "2031-03-03"), stance: "diplomacy"),
            Statement(id: "s2", actorID: "ada", kind: .direct, text: "Talk more.", span: TextSpan(start: 9, end: 19)),
            Statement(id: "s3", actorID: "ghost", kind: .direct, text: "Boo.", span: TextSpan(start: 20, end: 24)),
        ]
        let dated = DatedStatement.statements(of: ArticleAnalysis(article: article, actors: [F.ada],
                                                                  statements: statements))
        #expect(dated.map(\.id) == ["s1", "s2"])
        #expect(dated.map(\.date.description) == ["2031-03-03", "2031-03-05"])
        #expect(dated.allSatisfy { $0.outlet == "Herald" && $0.articleID == "a.txt" && $0.articleTitle == "Talks" })
        var undated = article
        undated.published = nil
        #expect(DatedStatement.statements(of: ArticleAnalysis(article: undated, actors: [F.ada], statements: statements),
                                          articleID: "42").map(\.articleID) == ["42"])
    }

    @Test func jsonIsStableAndReadsBack() throws {
        let matrix = AgreementMatrix.make(statements: F.statements, frame: frame)
        let text = try ReportJSON.encode(matrix)
        #expect(text == (try ReportJSON.encode(matrix)))
        #expect(text.contains("\"agreements\" : 2"))
        let decoded = try JSONDecoder().decode(AgreementMatrix.self, from: Data(text.utf8))
        #expect(decoded == matrix)
    }

    /// Written a chunk of pairs at a time, the JSON is the same text as encoded at once.
    @Test func jsonWrittenInChunksIsTheSameText() throws {
        let matrix = AgreementMatrix.make(statements: F.statements, frame: frame)
        #expect(matrix.pairs.count >= 3)
        var skeleton = matrix
        skeleton.pairs = []
        for chunkSize in [1, 2, matrix.pairs.count, 4096] {
            var written = ""
            try ReportJSON.write(skeleton, key: "pairs", elements: matrix.pairs, chunkSize: chunkSize) { written += $0 }
            #expect(written == (try ReportJSON.encode(matrix)), "chunks of \(chunkSize)")
        }
        var whole = ""
        try matrix.writeJSON { whole += $0 }
        #expect(whole == (try ReportJSON.encode(matrix)))
        var none = ""
        try skeleton.writeJSON { none += $0 }
        #expect(none == (try ReportJSON.encode(skeleton)))
    }

    /// A timeline's lanes hold empty arrays (an actor without aliases or changes), which pretty
    /// printing writes with a blank line: written a few lanes at a time, the text is still the same.
    @Test func timelineJSONWrittenInChunksIsTheSameText() throws {
        let timeline = CorpusTimeline.make(statements: F.statements, frame: F.frame, by: .week)
        let encoded = try ReportJSON.encode(timeline)
        #expect(encoded.contains("[\n\n      ]"))
        var skeleton = timeline
        skeleton.lanes = []
        for chunkSize in [1, 2, timeline.lanes.count] {
            var written = ""
            try ReportJSON.write(skeleton, key: "lanes", elements: timeline.lanes, chunkSize: chunkSize) { written += $0 }
            #expect(written == encoded, "chunks of \(chunkSize)")
        }
        var whole = ""
        try timeline.writeJSON { whole += $0 }
        #expect(whole == encoded)
        var none = ""
        try skeleton.writeJSON { none += $0 }
        #expect(none == (try ReportJSON.encode(skeleton)))
    }

    @Test func wrappingFillsColumnsAndBreaksOnlyOverlongWords() {
        #expect(ReportText.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(ReportText.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(ReportText.wrap("我们必须通过谈判", width: 5) == ["我们", "必须", "通过", "谈判"])
        #expect(ReportText.wrap("  line\none\t\u{1B}[31mred ", width: 20) == ["line one [31mred"])
        #expect(ReportText.wrap("", width: 5) == [""])
        #expect(ReportText.hanging("alpha beta gamma delta", width: 11, indent: 2)
                == ["alpha beta", "  gamma", "  delta"])
        #expect(ReportText.truncate("王小明先生", to: 5) == "王小…")
    }
}
