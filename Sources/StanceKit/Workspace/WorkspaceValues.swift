import Foundation

/// How many statements are in each state.
public struct StatusCounts: Hashable, Sendable {
    public var suggested = 0
    public var accepted = 0
    public var edited = 0
    public var rejected = 0
    public init() {}
    /// Statements that stand (everything not rejected).
    public var standing: Int { suggested + accepted + edited }
    public var total: Int { standing + rejected }

    mutating func add(_ status: StatementStatus, count: Int = 1) {
        switch status {
        case .suggested: suggested += count
        case .accepted: accepted += count
        case .edited: edited += count
        case .rejected: rejected += count
        }
    }
}

/// An article in the workspace list.
public struct ArticleSummary: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var file: String
    public var title: String?
    public var source: String?
    public var published: Day?
}

/// A statement as the workspace keeps it: the analysis fields (with workspace ids as strings in
/// `statement.id` and `statement.actorID`) plus who decided what.
public struct WorkspaceStatement: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var articleID: Int64
    public var actorID: Int64
    public var statement: Statement
    public var origin: StatementOrigin
    public var annotator: String?
    public var decidedAt: Date?
    public var note: String?
}

/// One article with its actors and statements, ids being workspace ids.
public struct ArticleDetail: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var article: Article
    public var frameID: String?
    /// Actors named or quoted in this article. `mentions` are this article's; `stance` and
    /// `confidence` summarise this article's standing statements by the actor.
    public var actors: [Actor]
    public var statements: [WorkspaceStatement]
}

/// An actor across the workspace.
public struct ActorSummary: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var name: String
    public var kind: ActorKind
    public var role: String?
    public var aliases: [String]
    public var isParticipant: Bool
    public var articleCount: Int
    /// Standing (not rejected) statements per stance value.
    public var stanceCounts: [String: Int]
    public var statementCount: Int { stanceCounts.values.reduce(0, +) }
    /// The actor's overall position: the single stance of their statements, `mixed` when they
    /// took several positions, `none` without statements.
    public var stance: String { Stances.summary(of: stanceCounts.filter { $0.value > 0 }.map(\.key)) }
}

/// A statement with its article's date and outlet, for timelines and comparisons.
public struct ActorStatement: Hashable, Sendable, Identifiable {
    public var statement: WorkspaceStatement
    public var articleTitle: String?
    public var source: String?
    public var published: Day?
    public var id: Int64 { statement.id }
    /// When it was said: the statement's own date, else the article's.
    public var day: Day? { statement.statement.date ?? published }
}

/// What `addArticle` did.
public enum AddResult: Hashable, Sendable {
    case added(Int64)
    /// The same text is already in the workspace as this article.
    case duplicate(Int64)
    public var articleID: Int64 {
        switch self { case let .added(id), let .duplicate(id): id }
    }
}

/// What a re-analysis did to the article's statements.
public struct ReanalysisSummary: Hashable, Sendable {
    /// Machine suggestions nobody had touched, replaced by the new analysis.
    public var added = 0
    public var updated = 0
    public var removed = 0
    /// Statements a person accepted, edited, rejected, annotated or wrote: left as they were.
    public var keptHumanDecisions = 0
}

enum Stances {
    /// One position, or `mixed` for several, or `none`.
    static func summary(of stances: some Collection<String>) -> String {
        let taken = Set(stances).subtracting([Frame.none])
        if taken.contains(Frame.mixed) || taken.count > 1 { return Frame.mixed }
        return taken.first ?? Frame.none
    }
}

extension String {
    /// The text between two Unicode-scalar offsets; nil when the span does not fit.
    func scalars(in span: TextSpan) -> String? {
        let scalars = unicodeScalars
        guard span.start >= 0, span.end <= scalars.count else { return nil }
        let start = scalars.index(scalars.startIndex, offsetBy: span.start)
        let end = scalars.index(start, offsetBy: span.length)
        return String(scalars[start..<end])
    }
}
