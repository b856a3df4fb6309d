import Foundation

/// A statement placed in time and in the corpus: what the comparison, timeline and agreement
/// computations consume. The workspace and the analyser build these; nothing here reads files or SQL.
public struct DatedStatement: Hashable, Sendable, Codable, Identifiable {
    public var statement: Statement
    /// The (merged) actor who made the statement; `actor.id` is what groups statements together.
    public var actor: Actor
    public var articleID: String
    public var articleTitle: String?
    /// The outlet that reported it ("The New York Times").
    public var outlet: String?
    /// The day the statement was made: the statement's own date when resolved, else publication.
    public var date: Day

    public init(statement: Statement, actor: Actor, articleID: String, articleTitle: String? = nil,
                outlet: String? = nil, date: Day) {
        self.statement = statement
        self.actor = actor
        self.articleID = articleID
        self.articleTitle = articleTitle
        self.outlet = outlet
        self.date = date
    }

    /// The statements of one analysed article, each dated by its own resolved date or else the
    /// article's publication date; statements with neither, or whose actor is missing, are left
    /// out (they cannot be placed in time or attributed).
    public static func statements(of analysis: ArticleAnalysis, articleID: String? = nil) -> [DatedStatement] {
        let article = analysis.article
        let actors = Dictionary(analysis.actors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return analysis.statements.compactMap { statement in
            guard let actor = actors[statement.actorID], let date = statement.date ?? article.published else { return nil }
            return DatedStatement(statement: statement, actor: actor, articleID: articleID ?? article.file,
                                  articleTitle: article.title, outlet: article.source, date: date)
        }
    }

    public var id: String { statement.id }
    public var stance: String { statement.stance }

    /// Whether the statement counts at all: a human rejected it, so it never does.
    public var counts: Bool { statement.status != .rejected }

    /// Date order, made total (article, then place in the article, then id) so that every
    /// computation and report is deterministic whatever order the caller passed.
    struct ChronologicalKey: Comparable {
        var day: Int
        var articleID: String
        var offset: Int
        var statementID: String

        init(_ dated: DatedStatement) {
            self.init(date: dated.date, articleID: dated.articleID, offset: dated.statement.span.start,
                      statementID: dated.statement.id)
        }

        init(_ counted: CountedStatement) {
            self.init(date: counted.date, articleID: counted.articleID, offset: counted.offset, statementID: counted.id)
        }

        private init(date: Day, articleID: String, offset: Int, statementID: String) {
            day = date.ordinal
            self.articleID = articleID
            self.offset = offset
            self.statementID = statementID
        }

        static func < (a: ChronologicalKey, b: ChronologicalKey) -> Bool {
            if a.day != b.day { return a.day < b.day }
            if a.articleID != b.articleID { return a.articleID < b.articleID }
            if a.offset != b.offset { return a.offset < b.offset }
            return a.statementID < b.statementID
        }
    }
}

/// Of a statement that counts, what a corpus timeline needs to name it in its period and behind a
/// change (`CorpusTimeline.nameStatements`): a few small fields instead of the whole statement and
/// actor, so that a workspace can hand over hundreds of thousands.
public struct CountedStatement: Hashable, Sendable {
    public var id: String
    public var actorID: String
    public var articleID: String
    /// Where it starts in its article (`Statement.span.start`), which orders an article's statements.
    public var offset: Int
    public var date: Day
    public var stance: String

    public init(id: String, actorID: String, articleID: String, offset: Int, date: Day, stance: String) {
        self.id = id
        self.actorID = actorID
        self.articleID = articleID
        self.offset = offset
        self.date = date
        self.stance = stance
    }

    init(_ dated: DatedStatement) {
        self.init(id: dated.id, actorID: dated.actor.id, articleID: dated.articleID, offset: dated.statement.span.start,
                  date: dated.date, stance: dated.stance)
    }
}

extension [CountedStatement] {
    /// In date order, as `DatedStatement`s are ordered (`countedChronologically`).
    func chronological() -> [CountedStatement] {
        map { (key: DatedStatement.ChronologicalKey($0), statement: $0) }.sorted { $0.key < $1.key }.map(\.statement)
    }
}

extension Array where Element == DatedStatement {
    /// The statements' actors, each once (the first statement's copy of it), in order of first statement.
    var distinctActors: [Actor] {
        var seen: Set<String> = []
        return compactMap { seen.insert($0.actor.id).inserted ? $0.actor : nil }
    }

    /// The statements that count (not rejected) and that `isIncluded` keeps, in date order.
    func countedChronologically(where isIncluded: (DatedStatement) -> Bool) -> [DatedStatement] {
        // Sorting small keys and copying each kept statement once is much cheaper, in time and in
        // memory, than filtering and sorting the statements themselves, which are large values
        // (a workspace holds hundreds of thousands).
        indices.filter { self[$0].counts && isIncluded(self[$0]) }
            .map { (key: DatedStatement.ChronologicalKey(self[$0]), index: $0) }
            .sorted { $0.key < $1.key }
            .map { self[$0.index] }
    }
}

/// Finds actors by what a user types on a command line: an id, a name or an alias.
public enum ActorLookup {
    /// Actors among `actors` whose id, name or alias equals `query` (ignoring case and surrounding
    /// spaces); when none does, those whose name or alias contains it. Sorted by name, each actor
    /// once (the first of several with one id).
    public static func find(_ query: String, among actors: [Actor]) -> [Actor] {
        let wanted = query.trimmingCharacters(in: .whitespaces).lowercased()
        guard !wanted.isEmpty else { return [] }
        var seen = Set<String>()
        let all = ComparisonSupport.sortedByName(actors.filter { seen.insert($0.id).inserted })
        let names = { (actor: Actor) in ([actor.name] + actor.aliases).map { $0.lowercased() } }
        let exact = all.filter { actor in actor.id.lowercased() == wanted || names(actor).contains(wanted) }
        if !exact.isEmpty { return exact }
        return all.filter { actor in names(actor).contains { $0.contains(wanted) } }
    }
}

/// How many statements took each stance, and which position they lean to.
public struct StanceTally: Hashable, Sendable, Codable {
    /// Stance value → number of statements.
    public private(set) var counts: [String: Int] = [:]
    public private(set) var total = 0

    public init() {}

    public init(_ stances: some Sequence<String>) {
        for stance in stances { add(stance) }
    }

    /// Counts `times` more statements that took `stance`.
    public mutating func add(_ stance: String, times: Int = 1) {
        counts[stance, default: 0] += times
        total += times
    }

    public func count(_ stance: String) -> Int { counts[stance] ?? 0 }

    /// The frame position most statements took. `mixed` when two or more positions share the
    /// largest count, or when no statement took a frame position but some were themselves mixed;
    /// `none` when nothing took a side.
    public func leaning(in frame: Frame) -> String {
        // One pass, no arrays: a corpus timeline asks this of every actor's every period.
        var leader: String?, top = 0, tied = false
        for position in frame.positions {
            let times = count(position.id)
            if times > top {
                (leader, top, tied) = (position.id, times, false)
            } else if times == top, times > 0 {
                tied = true
            }
        }
        guard let leader else { return count(Frame.mixed) > 0 ? Frame.mixed : Frame.none }
        return tied ? Frame.mixed : leader
    }
}

/// Rules shared by the comparison computations; a namespace so they stay out of the model types.
enum ComparisonSupport {
    /// Whether `stance` is one of the frame's own positions (not mixed, none or unknown).
    static func isPosition(_ stance: String, in frame: Frame) -> Bool {
        frame.positions.contains { $0.id == stance }
    }

    /// Two stances oppose each other when they are different positions of the frame.
    static func opposes(_ a: String, _ b: String, in frame: Frame) -> Bool {
        a != b && isPosition(a, in: frame) && isPosition(b, in: frame)
    }

    /// `actors` in display order for actor lists: by name, ignoring case, then id so equal names
    /// stay apart; each name lowercased once rather than at every comparison (a corpus has
    /// thousands of actors).
    static func sortedByName(_ actors: some Sequence<Actor>) -> [Actor] {
        actors.map { (key: ($0.name.lowercased(), $0.id), actor: $0) }.sorted { $0.key < $1.key }.map(\.actor)
    }
}
