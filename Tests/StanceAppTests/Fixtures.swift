import Foundation
import StanceApp
import StanceKit
import Terminal

/// Small hand-written analyses of a fictional debate (repair or replace a town's old bridge),
/// with a frame of its own so that nothing in the app can lean on a particular frame.
enum Fixtures {
    static let frame = Frame(
        id: "bridge", name: "Old Mill Bridge", description: "Repair the old bridge or replace it",
        positions: [
            Frame.Position(id: "repair", label: "Repair", glyph: "◆", key: "r", cues: []),
            Frame.Position(id: "replace", label: "Replace", glyph: "▲", key: "p", cues: []),
        ])

    struct ActorSpec {
        var id: String
        var name: String
        var kind: ActorKind = .person
        var role: String?
        var aliases: [String] = []
        var stance: String = Frame.none
        var participant = true
    }

    struct StatementSpec {
        var id: String
        var actor: String
        var kind: StatementKind
        var quote: String
        var stance: String
        var date: String?
        var status: StatementStatus = .suggested
    }

    static func analysis(file: String, title: String, source: String, published: String, byline: [String],
                         blocks: [(BlockRole, String)], actors: [ActorSpec],
                         statements: [StatementSpec]) -> ArticleAnalysis {
        var text = ""
        var spans: [Block] = []
        for (index, (role, paragraph)) in blocks.enumerated() {
            if index > 0 { text += "\n\n" }
            let start = text.unicodeScalars.count
            text += paragraph
            spans.append(Block(role: role, span: TextSpan(start: start, end: text.unicodeScalars.count)))
        }
        let article = Article(file: file, title: title, source: source, published: Day(iso: published),
                              byline: byline, text: text, blocks: spans)
        let actorValues = actors.map { spec in
            let names = ([spec.name] + spec.aliases).sorted { $0.count > $1.count }
            var mentions: [TextSpan] = []
            for name in names {
                for span in occurrences(of: name, in: text) where !mentions.contains(where: { $0.overlaps(span) }) {
                    mentions.append(span)
                }
            }
            return Actor(id: spec.id, name: spec.name, kind: spec.kind, role: spec.role, aliases: spec.aliases,
                         mentions: mentions.sorted(), stance: spec.stance, confidence: 0.8,
                         isParticipant: spec.participant)
        }
        let statementValues = statements.map { spec in
            guard let span = occurrences(of: spec.quote, in: text).first else {
                fatalError("fixture quote not in text: \(spec.quote)")
            }
            return Statement(id: spec.id, actorID: spec.actor, kind: spec.kind, text: spec.quote, span: span,
                             date: spec.date.flatMap { Day(iso: $0) }, stance: spec.stance, confidence: 0.7,
                             status: spec.status)
        }
        return ArticleAnalysis(article: article, actors: actorValues, statements: statementValues)
    }

    /// Scalar spans of `needle` in `text`.
    static func occurrences(of needle: String, in text: String) -> [TextSpan] {
        let haystack = Array(text.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        guard !pattern.isEmpty, pattern.count <= haystack.count else { return [] }
        var found: [TextSpan] = []
        var index = 0
        while index <= haystack.count - pattern.count {
            if Array(haystack[index..<index + pattern.count]) == pattern {
                found.append(TextSpan(start: index, end: index + pattern.count))
                index += pattern.count
            } else {
                index += 1
            }
        }
        return found
    }

    static let brandt = ActorSpec(id: "a1", name: "Lena Brandt", role: "mayor", aliases: ["Ms. Brandt", "Mayor Brandt"], stance: "repair")
    static let reyes = ActorSpec(id: "a2", name: "Tomas Reyes", role: "city engineer", aliases: ["Mr. Reyes"], stance: "replace")
    static let nair = ActorSpec(id: "a3", name: "Priya Nair", role: "councillor", aliases: ["Ms. Nair"])

    static let councilSplit = analysis(
        file: "gazette-2026-03-02.txt", title: "Council Split Over Old Mill Bridge", source: "Harbour Gazette",
        published: "2026-03-02", byline: ["Mira Okafor"],
        blocks: [
            (.dateline, "Harbour Gazette 2 March 2026"),
            (.headline, "Council Split Over Old Mill Bridge"),
            (.standfirst, "Mayor Lena Brandt wants the 1890 bridge repaired; the city engineer says it must go."),
            (.byline, "By Mira Okafor"),
            (.body, "RIVERTON — The future of the Old Mill Bridge divided the town council on Monday, with Mayor Brandt urging a careful repair while the city engineer argued for a new span."),
            (.body, "“We can save this bridge and its history,” Ms. Brandt said at a packed meeting. “A repair costs less and keeps the river open.”"),
            (.body, "Tomas Reyes, the city engineer, told councillors that the steel was beyond saving. “Patching it would only buy us five years,” he said."),
            (.body, "Councillor Priya Nair said she had not decided and wanted a second survey before any vote."),
            (.promo, "Sign up for the Harbour Gazette morning newsletter."),
        ],
        actors: [brandt, reyes, nair,
                 ActorSpec(id: "a4", name: "Mira Okafor", role: "reporter", participant: false)],
        statements: [
            StatementSpec(id: "s1", actor: "a1", kind: .direct, quote: "We can save this bridge and its history",
                          stance: "repair", date: "2026-03-02", status: .accepted),
            StatementSpec(id: "s2", actor: "a1", kind: .direct, quote: "A repair costs less and keeps the river open.",
                          stance: "repair", date: "2026-03-02"),
            StatementSpec(id: "s3", actor: "a2", kind: .reported, quote: "that the steel was beyond saving",
                          stance: "replace", date: "2026-03-02"),
            StatementSpec(id: "s4", actor: "a2", kind: .direct, quote: "Patching it would only buy us five years",
                          stance: "replace", date: "2026-03-02", status: .accepted),
            StatementSpec(id: "s5", actor: "a3", kind: .reported,
                          quote: "she had not decided and wanted a second survey before any vote", stance: Frame.none,
                          date: "2026-03-02"),
        ])

    static let costsRise = analysis(
        file: "courier-2026-03-16.txt", title: "Engineers Back New Bridge as Costs Rise", source: "Riverton Courier",
        published: "2026-03-16", byline: ["Sam Lindqvist"],
        blocks: [
            (.headline, "Engineers Back New Bridge as Costs Rise"),
            (.body, "A report released on Friday found that repairing the Old Mill Bridge would cost twice the first estimate. Mr. Reyes said on Friday that “a new bridge is now the only responsible choice.”"),
            (.body, "Mayor Brandt did not give ground. “This town does not throw away its past,” she said on Sunday, promising a public hearing."),
            (.body, "The Bridge Heritage Society called the report “one-sided” and demanded that repair be kept on the table."),
            (.body, "Ms. Nair said both plans had merit: repair was cheaper this year, but a new span would last longer."),
            (.caption, "The Old Mill Bridge at dusk. Photo: Courier staff"),
        ],
        actors: [brandt, reyes, nair,
                 ActorSpec(id: "o1", name: "Bridge Heritage Society", kind: .organization, role: "preservation group",
                           stance: "repair")],
        statements: [
            StatementSpec(id: "t1", actor: "a2", kind: .direct, quote: "a new bridge is now the only responsible choice.",
                          stance: "replace", date: "2026-03-13"),
            StatementSpec(id: "t2", actor: "a1", kind: .direct, quote: "This town does not throw away its past",
                          stance: "repair", date: "2026-03-15"),
            StatementSpec(id: "t3", actor: "o1", kind: .reported, quote: "demanded that repair be kept on the table",
                          stance: "repair", date: "2026-03-16"),
            StatementSpec(id: "t4", actor: "a3", kind: .reported,
                          quote: "both plans had merit: repair was cheaper this year, but a new span would last longer",
                          stance: Frame.mixed, date: "2026-03-16"),
        ])

    static let councilVotes = analysis(
        file: "gazette-2026-04-06.txt", title: "Council Votes to Replace the Old Mill Bridge", source: "Harbour Gazette",
        published: "2026-04-06", byline: ["Mira Okafor"],
        blocks: [
            (.headline, "Council Votes to Replace the Old Mill Bridge"),
            (.body, "The council voted five to two on Thursday to replace the Old Mill Bridge. Ms. Nair, who had asked for a second survey, said the new figures convinced her: “We cannot keep pouring money into rust.”"),
            (.body, "Mayor Brandt said she accepted the vote but would fight to keep the old railings on the new span."),
            (.body, "Jonas Weber, who has lived by the river for forty years, said the town was “losing a piece of itself.”"),
        ],
        actors: [brandt, nair,
                 ActorSpec(id: "p9", name: "Jonas Weber", role: "resident", stance: "repair")],
        statements: [
            StatementSpec(id: "u1", actor: "a3", kind: .direct, quote: "We cannot keep pouring money into rust.",
                          stance: "replace", date: "2026-04-02", status: .accepted),
            StatementSpec(id: "u2", actor: "a1", kind: .reported,
                          quote: "she accepted the vote but would fight to keep the old railings on the new span",
                          stance: Frame.mixed, date: "2026-04-02"),
            StatementSpec(id: "u3", actor: "p9", kind: .direct, quote: "losing a piece of itself.", stance: "repair",
                          date: "2026-04-06"),
        ])

    static var store: InMemoryWorkbenchStore {
        InMemoryWorkbenchStore(frame: frame, analyses: [costsRise, councilVotes, councilSplit])
    }

    static let themeNames = ["default", "dusk", "paper"]

    /// A runtime on an in-memory terminal of `size`, started (corpus and first article loaded).
    static func runtime(_ size: Size, store: any WorkbenchStore = Fixtures.store) -> WorkbenchRuntime<TestBackend> {
        let runtime = WorkbenchRuntime(backend: TestBackend(size: size), store: store, themeName: "default",
                                       themeNames: themeNames, applyTheme: { name in
                                           guard themeNames.contains(name) else { throw ThemeError(name: name) }
                                           return name
                                       })
        runtime.start()
        return runtime
    }

    struct ThemeError: Error, CustomStringConvertible {
        var name: String
        var description: String { "No theme named \(name)" }
    }
}

extension WorkbenchRuntime where Backend == TestBackend {
    /// Types `keys` and handles them; returns the frame drawn afterwards.
    @discardableResult
    func press(_ keys: Key...) -> Screen {
        backend.enqueue(keys)
        handlePendingKeys()
        return backend.lastFrame!
    }

    @discardableResult
    func type(_ text: String) -> Screen {
        backend.enqueue(text.map { Key.char($0) })
        handlePendingKeys()
        return backend.lastFrame!
    }

    func resize(to size: Size) -> Screen {
        backend.size = size
        return press(.resize)
    }

    var screen: Screen { backend.lastFrame! }
}
