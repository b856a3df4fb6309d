import Foundation
import StanceKit

/// Identifies an article in a store (for files: the path as given).
public typealias ArticleID = String
/// Identifies an actor across the corpus, after the store merged the same actor of several articles.
public typealias CorpusActorID = String

/// What the article picker and the title bar show of an article without loading it.
public struct ArticleSummary: Hashable, Sendable {
    public var id: ArticleID
    public var title: String
    public var outlet: String?
    public var published: Day?
    public init(id: ArticleID, title: String, outlet: String?, published: Day?) {
        self.id = id
        self.title = title
        self.outlet = outlet
        self.published = published
    }
}

/// An article's analysis, with each of its (article-local) actors tied to the corpus actor it is.
public struct LoadedArticle: Hashable, Sendable {
    public var summary: ArticleSummary
    public var analysis: ArticleAnalysis
    /// Article-local actor id to corpus actor id.
    public var corpusActorIDs: [String: CorpusActorID]
    /// Annotators' notes by statement id.
    public var notes: [String: String]
    public init(summary: ArticleSummary, analysis: ArticleAnalysis, corpusActorIDs: [String: CorpusActorID],
                notes: [String: String] = [:]) {
        self.summary = summary
        self.notes = notes
        self.analysis = analysis
        self.corpusActorIDs = corpusActorIDs
    }
}

/// An actor across the corpus, with how often it took each stance.
public struct CorpusActor: Hashable, Sendable {
    public var id: CorpusActorID
    public var name: String
    public var kind: ActorKind
    public var role: String?
    public var isParticipant: Bool
    /// Statements per stance value (positions of the frame, `mixed`, `none`).
    public var statementCounts: [String: Int]
    public var mentionCount: Int
    /// In how many articles it is mentioned or speaks; nil where the store does not count them
    /// (the workspace's workbench shows no such count, and counting costs most of reading actors).
    public var articleCount: Int?
    /// The actor's overall stance: its one position, `mixed` when it took several, else `none`.
    public var stance: String
    /// Other names the actor goes by (a merged actor's old names).
    public var aliases: [String]
    public init(id: CorpusActorID, name: String, kind: ActorKind, role: String?, isParticipant: Bool,
                statementCounts: [String: Int], mentionCount: Int, articleCount: Int?, stance: String,
                aliases: [String] = []) {
        self.aliases = aliases
        self.id = id
        self.name = name
        self.kind = kind
        self.role = role
        self.isParticipant = isParticipant
        self.statementCounts = statementCounts
        self.mentionCount = mentionCount
        self.articleCount = articleCount
        self.stance = stance
    }

    public var statementCount: Int { statementCounts.values.reduce(0, +) }

    /// The actor as StanceKit's comparisons (corpus timeline, agreement) name it.
    public var comparisonActor: Actor {
        Actor(id: id, name: name, kind: kind, role: role, aliases: aliases, stance: stance, isParticipant: isParticipant)
    }
}

/// A statement of one actor with where and when it was made.
public struct ActorStatement: Hashable, Sendable {
    public var statement: Statement
    public var articleID: ArticleID
    public var articleTitle: String
    public var outlet: String?
    /// The statement's own date, else the article's publication date.
    public var date: Day?
    public init(statement: Statement, articleID: ArticleID, articleTitle: String, outlet: String?, date: Day?) {
        self.statement = statement
        self.articleID = articleID
        self.articleTitle = articleTitle
        self.outlet = outlet
        self.date = date
    }
}

/// A statement as the timeline shows it: placed in time, its stance, and its words once they are
/// read (a workspace reads the words of the statement under the cursor only; the rest of the
/// statement is read when its article opens).
public struct TimelineStatement: Hashable, Sendable {
    public var statementID: String
    public var articleID: ArticleID
    public var outlet: String?
    /// The statement's own date, else the article's publication date.
    public var date: Day?
    public var stance: String
    public var status: StatementStatus
    /// Nil until read (`WorkbenchStore.statementText(_:)`).
    public var text: String?
    public init(statementID: String, articleID: ArticleID, outlet: String?, date: Day?, stance: String,
                status: StatementStatus, text: String?) {
        self.statementID = statementID
        self.articleID = articleID
        self.outlet = outlet
        self.date = date
        self.stance = stance
        self.status = status
        self.text = text
    }

    public init(_ statement: ActorStatement) {
        self.init(statementID: statement.statement.id, articleID: statement.articleID, outlet: statement.outlet,
                  date: statement.date, stance: statement.statement.stance, status: statement.statement.status,
                  text: statement.statement.text)
    }
}

/// One actor's timeline row before its statements are read, by the workbench's actor id.
public typealias TimelineRowSummary = TimelineActorSummary<CorpusActorID>

/// Where the workbench reads its corpus from. Small and intention-named so that an in-memory corpus
/// and the SQLite workspace can both stand behind it. Stores that can be annotated are also
/// `AnnotatingStore`s; the in-memory one is not, and the workbench says so.
public protocol WorkbenchStore {
    /// The debate's positions, which give every stance its label and glyph.
    var frame: Frame { get }
    /// Every article, oldest first (undated last).
    func articleSummaries() throws -> [ArticleSummary]
    func article(_ id: ArticleID) throws -> LoadedArticle?
    /// Every actor of the corpus, merged across articles.
    func corpusActors() throws -> [CorpusActor]
    /// The actors among `ids` that exist, as `corpusActors()` has them: what a write changed.
    func corpusActors(among ids: Set<CorpusActorID>) throws -> [CorpusActor]
    /// An actor's statements across the corpus, oldest first.
    func statements(of actor: CorpusActorID) throws -> [ActorStatement]
    /// Each actor's timeline row (actors without dated standing statements are left out); with
    /// `ids`, only those actors'. Read without any statement, so the timeline can lay out its rows
    /// and read the statements of the rows it shows.
    func timelineSummaries(among ids: Set<CorpusActorID>?) throws -> [TimelineRowSummary]
    /// The standing statements of `actors` in the order of `statements(of:)`, as the timeline
    /// shows them (undated ones too), by actor.
    func timelineStatements(of actors: [CorpusActorID]) throws -> [CorpusActorID: [TimelineStatement]]
    /// The words of a statement (one the timeline shows without them), or nil when it is gone.
    func statementText(_ statement: StatementRef) throws -> String?
    /// `corpusActors()` (or `corpusActors(among:)`) and `timelineSummaries(among:)` together: a
    /// store that counts both in one pass over its statements says so here.
    func corpusActorsAndTimelineSummaries(among ids: Set<CorpusActorID>?) throws
        -> (actors: [CorpusActor], timelineSummaries: [TimelineRowSummary])
    /// Articles whose title, outlet or text contains `query`, ignoring case, in summary order.
    func articles(matching query: String) throws -> [ArticleID]
    /// The statements of `actors` (every actor's when nil) placed in time, with corpus actor ids
    /// and article ids, for comparisons and the corpus timeline: a comparison reads its actors' only.
    func datedStatements(of actors: Set<CorpusActorID>?) throws -> [DatedStatement]
    /// Each actor's standing statements that have a day, counted per day and stance, in day
    /// order: what agreement and the corpus timeline are made from; with `outlets`, only the
    /// statements of those outlets' articles (compared ignoring case).
    func dailyStanceCounts(outlets: Set<String>?) throws -> [CorpusActorID: [DailyStanceCount]]
}

extension WorkbenchStore {
    public func corpusActorsAndTimelineSummaries(among ids: Set<CorpusActorID>?) throws
        -> (actors: [CorpusActor], timelineSummaries: [TimelineRowSummary]) {
        (try ids.map { try corpusActors(among: $0) } ?? corpusActors(), try timelineSummaries(among: ids))
    }
}

/// A store whose file is checked page by page after the workbench opened it (the workspace, on a
/// thread of its own): the workbench says what the check found wrong as soon as it knows.
public protocol IntegrityCheckedStore: WorkbenchStore {
    /// What the check found wrong, worded for the status bar; nil while it runs and when it found nothing.
    var integrityProblem: String? { get }
}

/// A corpus held in memory, built from analyses; actors of different articles are the same corpus
/// actor when their names match ignoring case and spacing. Read-only: nothing typed here could be
/// kept, so it does not offer annotation.
public struct InMemoryWorkbenchStore: WorkbenchStore, Sendable {
    public let frame: Frame
    private let loaded: [LoadedArticle]
    private let actors: [CorpusActor]
    private let actorStatements: [CorpusActorID: [ActorStatement]]

    public init(frame: Frame, analyses: [ArticleAnalysis]) {
        self.frame = frame
        var usedIDs: Set<ArticleID> = []
        var articles: [LoadedArticle] = []
        for analysis in analyses {
            var id = analysis.article.file
            var copy = 2
            while usedIDs.contains(id) { id = "\(analysis.article.file)#\(copy)"; copy += 1 }
            usedIDs.insert(id)
            let summary = ArticleSummary(
                id: id, title: Self.title(of: analysis.article), outlet: analysis.article.source,
                published: analysis.article.published)
            let keys = Dictionary(analysis.actors.map { ($0.id, Self.corpusID(forName: $0.name)) },
                                  uniquingKeysWith: { first, _ in first })
            articles.append(LoadedArticle(summary: summary, analysis: analysis, corpusActorIDs: keys))
        }
        self.loaded = articles.enumerated().sorted { a, b in
            switch (a.element.summary.published, b.element.summary.published) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map(\.element)

        var byActor: [CorpusActorID: [ActorStatement]] = [:]
        var merged: [CorpusActorID: CorpusActor] = [:]
        var order: [CorpusActorID] = []
        for article in loaded {
            var seenHere: Set<CorpusActorID> = []
            for actor in article.analysis.actors {
                let id = article.corpusActorIDs[actor.id] ?? Self.corpusID(forName: actor.name)
                if merged[id] == nil {
                    order.append(id)
                    merged[id] = CorpusActor(id: id, name: actor.name, kind: actor.kind, role: actor.role,
                                             isParticipant: false, statementCounts: [:], mentionCount: 0,
                                             articleCount: 0, stance: Frame.none)
                }
                merged[id]!.mentionCount += actor.mentions.count
                merged[id]!.isParticipant = merged[id]!.isParticipant || actor.isParticipant
                if merged[id]!.role == nil { merged[id]!.role = actor.role }
                if seenHere.insert(id).inserted { merged[id]!.articleCount = (merged[id]!.articleCount ?? 0) + 1 }
            }
            for statement in article.analysis.statements where statement.status != .rejected {
                guard let id = article.corpusActorIDs[statement.actorID] else { continue }
                merged[id]?.statementCounts[statement.stance, default: 0] += 1
                byActor[id, default: []].append(ActorStatement(
                    statement: statement, articleID: article.summary.id, articleTitle: article.summary.title,
                    outlet: article.summary.outlet, date: statement.date ?? article.summary.published))
            }
        }
        self.actors = order.compactMap { id in
            merged[id].map { actor in
                var actor = actor
                actor.stance = Self.overallStance(actor.statementCounts, frame: frame)
                return actor
            }
        }
        self.actorStatements = byActor.mapValues { list in
            list.enumerated().sorted { a, b in
                switch (a.element.date, b.element.date) {
                case let (x?, y?) where x != y: return x < y
                case (nil, _?): return false
                case (_?, nil): return true
                default: return a.offset < b.offset
                }
            }.map(\.element)
        }
    }

    public func articleSummaries() -> [ArticleSummary] { loaded.map(\.summary) }

    public func article(_ id: ArticleID) -> LoadedArticle? { loaded.first { $0.summary.id == id } }

    public func corpusActors() -> [CorpusActor] { actors }

    public func corpusActors(among ids: Set<CorpusActorID>) -> [CorpusActor] { actors.filter { ids.contains($0.id) } }

    public func statements(of actor: CorpusActorID) -> [ActorStatement] { actorStatements[actor] ?? [] }

    public func timelineSummaries(among ids: Set<CorpusActorID>?) -> [TimelineRowSummary] {
        actorStatements.compactMap { actor, statements in
            guard ids?.contains(actor) ?? true else { return nil }
            let dated = statements.filter { $0.date != nil }
            guard let first = dated.lazy.compactMap(\.date).min(), let last = dated.lazy.compactMap(\.date).max() else { return nil }
            return TimelineRowSummary(actorID: actor, stanceCounts: Dictionary(dated.map { ($0.statement.stance, 1) }, uniquingKeysWith: +),
                                      days: first...last)
        }
    }

    public func timelineStatements(of actors: [CorpusActorID]) -> [CorpusActorID: [TimelineStatement]] {
        Dictionary(actors.map { ($0, (actorStatements[$0] ?? []).map(TimelineStatement.init)) }, uniquingKeysWith: { first, _ in first })
    }

    public func statementText(_ statement: StatementRef) -> String? {
        article(statement.articleID)?.analysis.statements.first { $0.id == statement.statementID }?.text
    }

    public func dailyStanceCounts(outlets: Set<String>?) -> [CorpusActorID: [DailyStanceCount]] {
        let wanted = outlets.map { Set($0.map { $0.lowercased() }) }
        let corpusIDs = Set(actors.map(\.id))
        return DailyStanceCount.counts(of: datedStatements(of: nil).filter { dated in
            dated.counts && corpusIDs.contains(dated.actor.id)
                && (wanted.map { wanted in dated.outlet.map { wanted.contains($0.lowercased()) } ?? false } ?? true)
        })
    }

    public func articles(matching query: String) -> [ArticleID] {
        let needle = query.trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return loaded.map(\.summary.id) }
        return loaded.filter { article in
            [article.summary.title, article.summary.outlet ?? "", article.analysis.article.text]
                .contains { $0.localizedCaseInsensitiveContains(needle) }
        }.map(\.summary.id)
    }

    /// The same person written "Jake Sullivan" and "jake  sullivan" is one actor.
    static func corpusID(forName name: String) -> CorpusActorID {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The article's title, else its headline block, else its file name.
    static func title(of article: Article) -> String {
        if let title = article.title, !title.isEmpty { return title }
        if let headline = article.blocks.first(where: { $0.role == .headline }) {
            let text = ArticleText.substring(of: article.text, span: headline.span)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { return text }
        }
        return article.file.split(separator: "/").last.map(String.init) ?? article.file
    }

    /// One position taken: that position; several: mixed; none taken: mixed if some statement was
    /// mixed, else none.
    static func overallStance(_ counts: [String: Int], frame: Frame) -> String {
        let taken = frame.positions.map(\.id).filter { (counts[$0] ?? 0) > 0 }
        if taken.count == 1 { return taken[0] }
        if taken.count > 1 || (counts[Frame.mixed] ?? 0) > 0 { return Frame.mixed }
        return Frame.none
    }
}

extension InMemoryWorkbenchStore {
    /// The analyses' statements, attributed to corpus actors (merged name, corpus id) and to the
    /// store's article ids, so they group as the actors pane and the timeline group them.
    public func datedStatements(of actors: Set<CorpusActorID>?) -> [DatedStatement] {
        let corpusActors = Dictionary(corpusActors().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return loaded.flatMap { loaded in
            DatedStatement.statements(of: loaded.analysis, articleID: loaded.summary.id).map { dated in
                var dated = dated
                if let id = loaded.corpusActorIDs[dated.actor.id] {
                    dated.actor.id = id
                    if let merged = corpusActors[id] {
                        dated.actor.name = merged.name
                        dated.actor.role = merged.role ?? dated.actor.role
                    }
                }
                dated.articleTitle = loaded.summary.title
                return dated
            }.filter { actors?.contains($0.actor.id) ?? true }
        }
    }
}
