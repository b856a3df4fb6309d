import Foundation
import GRDB

extension Workspace {
    /// All articles, oldest first (undated last).
    ///
    /// The workbench's first frame waits for this list, so it is read the cheap way: from indexes
    /// that hold every column read (no article row, so no text, is touched), in their order (no
    /// sort), through cursors (no copy of each row before it is converted). Statement counts are a
    /// separate query (`statementCounts()`): they cost as much again, and the list does not show them.
    public func articles() throws -> [ArticleSummary] {
        try read { db in
            var list: [ArticleSummary] = []
            // Dated, then undated: two ranges of the list's index.
            for sql in ["""
                SELECT id, file, title, source, published FROM articles WHERE published IS NOT NULL
                ORDER BY published, title, id
                """, """
                SELECT id, file, title, source, published FROM articles WHERE published IS NULL ORDER BY title, id
                """] {
                let rows = try Row.fetchCursor(db, sql: sql)
                while let row = try rows.next() {
                    list.append(ArticleSummary(id: row[0], file: row[1], title: row[2], source: row[3],
                                               published: Self.day(row, at: 4)))
                }
            }
            return list
        }
    }

    /// How many statements each article has in each state, by article id (articles without
    /// statements are left out).
    public func statementCounts() throws -> [Int64: StatusCounts] {
        try read { db in
            var byArticle: [Int64: StatusCounts] = [:]
            let counts = try Row.fetchCursor(db, sql: """
                SELECT article_id, status, count(*) FROM statements GROUP BY article_id, status
                """)
            while let row = try counts.next() {
                guard let status = StatementStatus(rawValue: row[1]) else { continue }
                byArticle[row[0], default: StatusCounts()].add(status, count: row[2])
            }
            return byArticle
        }
    }

    /// The number of articles, statements and actors, for status lines.
    public func counts() throws -> (articles: Int, actors: Int, statements: Int) {
        try read { db in
            (try ArticleRecord.fetchCount(db), try ActorRecord.fetchCount(db), try StatementRecord.fetchCount(db))
        }
    }

    /// One article with its actors and statements (all states, in text order).
    public func article(_ id: Int64) throws -> ArticleDetail {
        try read { db in
            guard let article = try ArticleRecord.fetchOne(db, key: id) else {
                throw WorkspaceError.unknownArticle(String(id))
            }
            return try Self.detail(of: article, db)
        }
    }

    /// Every article in full, oldest first: what the exporter writes.
    public func allArticles() throws -> [ArticleDetail] {
        try read { db in
            try ArticleRecord.order(sql: "published IS NULL, published, title, id").fetchAll(db).map { try Self.detail(of: $0, db) }
        }
    }

    static func detail(of record: ArticleRecord, _ db: Database) throws -> ArticleDetail {
        guard let articleID = record.id else { throw WorkspaceError.unknownArticle("?") }
        let statements = try StatementRecord.filter(Column("article_id") == articleID)
            .order(Column("start"), Column("end"), Column("id")).fetchAll(db)
        let mentions = try MentionRecord.filter(Column("article_id") == articleID)
            .order(Column("start"), Column("end")).fetchAll(db)
        var seen = Set<Int64>()
        let actorIDs = (mentions.map(\.actorId) + statements.map(\.actorId)).filter { seen.insert($0).inserted }
        let actors = Dictionary(uniqueKeysWithValues: try ActorRecord.fetchAll(db, keys: actorIDs).map { ($0.id ?? 0, $0) })
        return ArticleDetail(id: articleID, article: record.article, frameID: record.frame,
                             actors: articleActors(statements: statements, mentions: mentions, actors: actors,
                                                   aliases: try aliasesByActor(actorIDs, db)),
                             statements: statements.map(workspaceStatement))
    }

    /// An article's actors as its analysis has them: each with its mentions there and the stance
    /// and confidence of its standing statements there, in order of first appearance.
    /// `statements` and `mentions` are the article's, in text order.
    static func articleActors(statements: [StatementRecord], mentions: [MentionRecord], actors: [Int64: ActorRecord],
                              aliases: [Int64: [String]]) -> [Actor] {
        let mentionsByActor = Dictionary(grouping: mentions, by: \.actorId)
        let standingByActor = Dictionary(grouping: statements.filter { $0.status != .rejected }, by: \.actorId)
        var seen = Set<Int64>()
        let present = (mentions.map(\.actorId) + statements.map(\.actorId)).filter { seen.insert($0).inserted }
        return present.compactMap { actors[$0] }.sorted { a, b in
            let first = { (id: Int64?) in mentionsByActor[id ?? 0]?.first?.start ?? standingByActor[id ?? 0]?.first?.start ?? Int.max }
            return (first(a.id), a.id ?? 0) < (first(b.id), b.id ?? 0)
        }.map { actor in
            let id = actor.id ?? 0
            let standing = standingByActor[id] ?? []
            return Actor(id: String(id), name: actor.name, kind: actor.kind, role: actor.role, aliases: aliases[id] ?? [],
                         mentions: (mentionsByActor[id] ?? []).map(\.span),
                         stance: Stances.summary(of: standing.map(\.stance)),
                         confidence: standing.map(\.confidence).max() ?? 0, isParticipant: actor.isParticipant)
        }
    }

    static func aliasesByActor(_ actorIDs: [Int64], _ db: Database) throws -> [Int64: [String]] {
        let rows = try ActorAliasRecord.filter(actorIDs.contains(Column("actor_id"))).order(Column("id")).fetchAll(db)
        return Dictionary(grouping: rows, by: \.actorId).mapValues { $0.map(\.alias) }
    }

    static func workspaceStatement(_ row: StatementRecord) -> WorkspaceStatement {
        let id = row.id ?? 0
        return WorkspaceStatement(
            id: id, articleID: row.articleId, actorID: row.actorId,
            statement: Statement(id: String(id), actorID: String(row.actorId), kind: row.kind, text: row.text,
                                 cue: row.cue, span: row.span, date: row.date, dateText: row.dateText, stance: row.stance,
                                 confidence: row.confidence, evidence: row.evidence, status: row.status),
            origin: row.origin, annotator: row.annotator, decidedAt: row.decidedAt, note: row.note)
    }

    /// Every actor, by name, with standing statements counted per stance across the workspace;
    /// with `ids`, only those actors (what a write changed), at a cost that follows their statements.
    /// Counting the articles each actor is in takes most of the time (a distinct count over every
    /// mention and statement); without `countingArticles`, every `articleCount` is 0.
    public func actors(ids: [Int64]? = nil, countingArticles: Bool = true) throws -> [ActorSummary] {
        try read { db in
            let counts = try Self.standingCounts(ids, db)
            return try Self.actorSummaries(ids, stanceCounts: counts.mapValues(\.all),
                                           articleCounts: countingArticles ? Self.articleCounts(ids, db) : [:], db)
        }
    }

    /// `actors(ids:countingArticles: false)` and `timelineSummaries(actorIDs:)` together, from one
    /// pass over the statements' counts instead of one each: what the workbench shows of the
    /// corpus besides its articles.
    public func actorsAndTimelineSummaries(ids: [Int64]? = nil) throws
        -> (actors: [ActorSummary], timelineSummaries: [Int64: TimelineActorSummary<Int64>]) {
        try read { db in
            let counts = try Self.standingCounts(ids, db)
            return (try Self.actorSummaries(ids, stanceCounts: counts.mapValues(\.all), articleCounts: [:], db),
                    try Self.timelineSummaries(datedCounts: counts.mapValues(\.dated), ids, db))
        }
    }

    private static func actorSummaries(_ ids: [Int64]?, stanceCounts: [Int64: [String: Int]], articleCounts: [Int64: Int],
                                       _ db: Database) throws -> [ActorSummary] {
        let actors = try ActorRecord.filter(sql: ids.map { "id IN (\(databaseQuestionMarks(count: $0.count)))" } ?? "1",
                                            arguments: ids.map { StatementArguments($0) } ?? StatementArguments())
            .order(Column("normalized_name"), Column("id")).fetchAll(db)
        let aliases = try aliasesByActor(actors.compactMap(\.id), db)
        return actors.map { actor in
            let id = actor.id ?? 0
            return ActorSummary(id: id, name: actor.name, kind: actor.kind, role: actor.role, aliases: aliases[id] ?? [],
                                isParticipant: actor.isParticipant, articleCount: articleCounts[id] ?? 0,
                                stanceCounts: stanceCounts[id] ?? [:])
        }
    }

    /// Per actor (of `ids`, or every one) and stance: its standing statements, and those of them
    /// that have a day (their own date, else their article's). All are counted in one pass over
    /// the timeline index, in its order (actor, stance), so SQLite counts as it reads; those
    /// without a day are counted from the undated ones, which sit at the start of each actor's
    /// range of the index by actor and day (NULL sorts first), so no pass reads every date.
    private static func standingCounts(_ ids: [Int64]?, _ db: Database) throws
        -> [Int64: (all: [String: Int], dated: [String: Int])] {
        let arguments = ids.map { StatementArguments($0) } ?? StatementArguments()
        let chosen = ids.map { "IN (\(databaseQuestionMarks(count: $0.count)))" }
        var counts: [Int64: (all: [String: Int], dated: [String: Int])] = [:]
        let all = try Row.fetchCursor(db, sql: """
            SELECT actor_id, stance, count(*) FROM statements WHERE status <> 'rejected' \(chosen.map { "AND actor_id " + $0 } ?? "")
            GROUP BY actor_id, stance
            """, arguments: arguments)
        while let row = try all.next() {
            let actor: Int64 = row[0], stance: String = row[1], count: Int = row[2]
            counts[actor, default: ([:], [:])].all[stance] = count
            counts[actor]!.dated[stance] = count
        }
        let dayless = try Row.fetchCursor(db, sql: """
            SELECT s.actor_id, s.stance, count(*) FROM actors a CROSS JOIN statements s ON s.actor_id = a.id AND s.date IS NULL
            WHERE s.status <> 'rejected' AND \(statementDay) IS NULL \(chosen.map { "AND a.id " + $0 } ?? "")
            GROUP BY s.actor_id, s.stance
            """, arguments: arguments)
        while let row = try dayless.next() {
            let actor: Int64 = row[0], stance: String = row[1], count: Int = row[2]
            let dated = (counts[actor]?.dated[stance] ?? 0) - count
            counts[actor, default: ([:], [:])].dated[stance] = dated > 0 ? dated : nil
        }
        return counts
    }

    private static func articleCounts(_ ids: [Int64]?, _ db: Database) throws -> [Int64: Int] {
        let chosen = ids.map { "actor_id IN (\(databaseQuestionMarks(count: $0.count)))" } ?? "1"
        let arguments = ids.map { StatementArguments($0) } ?? StatementArguments()
        var articleCounts: [Int64: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT actor_id, count(DISTINCT article_id) FROM (
                SELECT actor_id, article_id FROM mentions WHERE \(chosen)
                UNION SELECT actor_id, article_id FROM statements WHERE status <> 'rejected' AND \(chosen))
            GROUP BY actor_id
            """, arguments: arguments + arguments)
        while let row = try rows.next() { articleCounts[row[0]] = row[1] }
        return articleCounts
    }

    /// An actor's statements across articles (rejected ones included, marked by status), in date
    /// order, each with its article's date and outlet.
    public func statements(actorID: Int64) throws -> [ActorStatement] {
        try read { db in
            guard try ActorRecord.exists(db, key: actorID) else { throw WorkspaceError.unknownActor(String(actorID)) }
            let rows = try StatementRecord.filter(Column("actor_id") == actorID).fetchAll(db)
            // Only the columns shown: an article record carries its whole text, and an actor with
            // statements in thousands of articles would read megabytes to show a list.
            let articleIDs = Array(Set(rows.map(\.articleId)))
            let articles = try Row.fetchAll(db, sql: """
                SELECT id, title, source, published FROM articles WHERE id IN (\(databaseQuestionMarks(count: articleIDs.count)))
                """, arguments: StatementArguments(articleIDs))
            let byID: [Int64: Row] = Dictionary(uniqueKeysWithValues: articles.map { ($0["id"], $0) })
            return rows.map { row in
                let article = byID[row.articleId]
                return ActorStatement(statement: Self.workspaceStatement(row), articleTitle: article?["title"],
                                      source: article?["source"], published: article?["published"])
            }.sorted { a, b in
                let dayA = a.day?.ordinal ?? Int.max, dayB = b.day?.ordinal ?? Int.max
                return (dayA, a.statement.articleID, a.statement.statement.span.start, a.id)
                    < (dayB, b.statement.articleID, b.statement.statement.span.start, b.id)
            }
        }
    }

    /// Every standing (not rejected) statement placed in time, grouped by actor, each actor's in
    /// the order of `statements(actorID:)`: what the timeline shows, without the columns it does
    /// not show (text, evidence, cue, notes; `statementText(_:)` reads a text when it is shown).
    /// With `actorIDs`, only those actors' statements. Read from the index by actor and day
    /// alone: no statement row is touched.
    public func standingStatementPlacements(actorIDs: [Int64]? = nil) throws -> [Int64: [StatementPlacement]] {
        try read { db in
            let chosen = actorIDs.map { "AND s.actor_id IN (\(databaseQuestionMarks(count: $0.count)))" } ?? ""
            var byActor: [Int64: [StatementPlacement]] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, actor_id, article_id, start, day, stance, status FROM (
                    SELECT s.id, s.actor_id, s.article_id, s.start, \(Self.statementDay) AS day, s.stance, s.status
                    FROM statements s WHERE s.status <> 'rejected' \(chosen))
                """, arguments: actorIDs.map { StatementArguments($0) } ?? StatementArguments())
            while let row = try rows.next() {
                let placement = StatementPlacement(id: row[0], articleID: row[2], start: row[3], day: Self.day(row, at: 4),
                                                   stance: row[5], status: row[6])
                byActor[row[1], default: []].append(placement)
            }
            // The index orders a day's statements by stance: the timeline wants them by article and place.
            for actor in byActor.keys {
                byActor[actor]!.sort { a, b in
                    (a.day?.ordinal ?? Int.max, a.articleID, a.start, a.id) < (b.day?.ordinal ?? Int.max, b.articleID, b.start, b.id)
                }
            }
            return byActor
        }
    }

    /// The words of statement `id` (rejected ones too), or nil when there is no such statement.
    public func statementText(_ id: Int64) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT text FROM statements WHERE id = ?", arguments: [id]) }
    }

    /// The day in column `index`, a `YYYY-MM-DD` text (the schema checks the form).
    private static func day(_ row: Row, at index: Int) -> Day? {
        (row[index] as String?).flatMap { Day(iso: $0) }
    }

    /// The day of statement `s`: its own date, else its article's, which comes from the narrow
    /// index by id (no article row, so no text, is read) and is looked up only for an undated
    /// statement (`coalesce` stops at its first value).
    private static let statementDay = """
        coalesce(s.date, (SELECT published FROM articles INDEXED BY articles_published_by_id WHERE articles.id = s.article_id))
        """

    /// Each actor's standing statements that have a day (their own date, else their article's),
    /// counted per stance, with the first and last of those days: what the timeline needs to
    /// order, label and size its rows before it reads any of their statements. Read from
    /// indexes only; with `actorIDs`, only those actors. Actors without such statements are left out.
    public func timelineSummaries(actorIDs: [Int64]? = nil) throws -> [Int64: TimelineActorSummary<Int64>] {
        try read { db in
            try Self.timelineSummaries(datedCounts: try Self.standingCounts(actorIDs, db).mapValues(\.dated), actorIDs, db)
        }
    }

    /// The summaries of the actors with dated statements (`datedCounts`, per actor and stance),
    /// with each one's first and last day. Those days are found at the ends of each actor's range
    /// of the index by actor and day (SQLite's min/max of an index prefix: two look-ups an actor,
    /// not a pass over the statements); the days undated statements take from their articles are
    /// read from the same index's NULL range.
    private static func timelineSummaries(datedCounts: [Int64: [String: Int]], _ ids: [Int64]?, _ db: Database) throws
        -> [Int64: TimelineActorSummary<Int64>] {
        let standing = "actor_id = a.id AND status <> 'rejected'"
        let undated = """
            FROM statements s CROSS JOIN articles p INDEXED BY articles_published_by_id ON p.id = s.article_id
            WHERE s.actor_id = a.id AND s.date IS NULL AND s.status <> 'rejected'
            """
        var summaries: [Int64: TimelineActorSummary<Int64>] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT a.id, (SELECT min(date) FROM statements WHERE \(standing)), (SELECT max(date) FROM statements WHERE \(standing)),
                   (SELECT min(p.published) \(undated)), (SELECT max(p.published) \(undated))
            FROM actors a \(ids.map { "WHERE a.id IN (\(databaseQuestionMarks(count: $0.count)))" } ?? "")
            """, arguments: ids.map { StatementArguments($0) } ?? StatementArguments())
        while let row = try rows.next() {
            let actor: Int64 = row[0]
            guard let counts = datedCounts[actor], !counts.isEmpty else { continue }
            let firsts = [Self.day(row, at: 1), Self.day(row, at: 3)], lasts = [Self.day(row, at: 2), Self.day(row, at: 4)]
            guard let first = firsts.compactMap({ $0 }).min(), let last = lasts.compactMap({ $0 }).max() else { continue }
            summaries[actor] = TimelineActorSummary(actorID: actor, stanceCounts: counts, days: first...last)
        }
        return summaries
    }

    /// Each actor's standing statements that have a day (their own date, else their article's),
    /// counted per day and stance, each actor's in day order: what agreement and the corpus
    /// timeline need to find who leaned where in which period, without reading a statement; with
    /// `outlets`, only the statements of articles from those outlets (compared ignoring case).
    ///
    /// Statements with their own date are grouped in the order of the index by actor and day, so
    /// SQLite counts them as it reads them (grouping by the day a statement takes from its article
    /// sorted all of them in a temporary b-tree). Undated ones, which take their article's day, are
    /// found per actor at the start of the actor's range of that index (NULL sorts first) and
    /// added to their days' counts.
    public func dailyStanceCounts(outlets: Set<String>? = nil) throws -> [Int64: [DailyStanceCount]] {
        try read { db in
            var arguments = StatementArguments()
            if let outlets {
                // The outlets' articles from the article list's index (no article row is read),
                // matched here so that case is ignored as Swift ignores it, passed as one JSON array.
                let wanted = Set(outlets.map { $0.lowercased() })
                var articleIDs: [Int64] = []
                let articles = try Row.fetchCursor(db, sql: "SELECT id, source FROM articles WHERE source IS NOT NULL")
                while let article = try articles.next() {
                    if let source: String = article[1], wanted.contains(source.lowercased()) { articleIDs.append(article[0]) }
                }
                arguments += ["[" + articleIDs.map(String.init).joined(separator: ",") + "]"]
            }
            let inOutlets = outlets == nil ? "" : "AND s.article_id IN (SELECT value FROM json_each(?))"
            var byActor: [Int64: [DailyStanceCount]] = [:]
            let dated = try Row.fetchCursor(db, sql: """
                SELECT s.actor_id, s.date, s.stance, count(*) FROM statements s
                WHERE s.date IS NOT NULL AND s.status <> 'rejected' \(inOutlets)
                GROUP BY s.actor_id, s.date, s.stance
                """, arguments: arguments)
            while let row = try dated.next() {
                guard let day = Self.day(row, at: 1) else { continue }
                byActor[row[0], default: []].append(DailyStanceCount(day: day, stance: row[2], count: row[3]))
            }
            var undatedByActor: [Int64: [DailyStanceCount]] = [:]
            let undated = try Row.fetchCursor(db, sql: """
                SELECT s.actor_id, p.published, s.stance, count(*)
                FROM actors a CROSS JOIN statements s ON s.actor_id = a.id AND s.date IS NULL
                CROSS JOIN articles p INDEXED BY articles_published_by_id ON p.id = s.article_id
                WHERE p.published IS NOT NULL AND s.status <> 'rejected' \(inOutlets)
                GROUP BY s.actor_id, p.published, s.stance
                """, arguments: arguments)
            while let row = try undated.next() {
                guard let day = Self.day(row, at: 1) else { continue }
                undatedByActor[row[0], default: []].append(DailyStanceCount(day: day, stance: row[2], count: row[3]))
            }
            for (actor, counts) in undatedByActor {
                byActor[actor] = DailyStanceCount.merged(byActor[actor] ?? [], counts)
            }
            return byActor
        }
    }
}

/// A statement as a timeline places it: when and with which stance; its words and the rest of
/// the statement are read when it is shown.
public struct StatementPlacement: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var articleID: Int64
    /// Where it starts in its article's text (Unicode scalars), which orders an article's statements.
    public var start: Int
    /// The statement's own date, else its article's.
    public var day: Day?
    public var stance: String
    public var status: StatementStatus
}

/// One actor's row of the timeline before its statements are read: how many dated standing
/// statements it has per stance, and the days they span (a statement's day is its own date, else
/// its article's). Generic over the actor's id: the workspace's row ids, or the workbench's ids.
public struct TimelineActorSummary<ActorID: Hashable & Sendable>: Hashable, Sendable {
    public var actorID: ActorID
    public var stanceCounts: [String: Int]
    public var days: ClosedRange<Day>
    public var statementCount: Int { stanceCounts.values.reduce(0, +) }
    public init(actorID: ActorID, stanceCounts: [String: Int], days: ClosedRange<Day>) {
        self.actorID = actorID
        self.stanceCounts = stanceCounts
        self.days = days
    }
}
