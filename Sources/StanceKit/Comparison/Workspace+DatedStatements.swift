import GRDB

extension Workspace {
    /// Statements placed in time, for comparisons, timelines and agreement: every statement, or
    /// only those of `actorIDs`, or only those of `ids` (statement ids). Statements come article
    /// by article in the article list's order, each article's in text order.
    ///
    /// Each statement carries its workspace actor (see `comparisonActors()`), shared by all of
    /// the actor's statements. Reads the statements, the actors and of the articles only what
    /// places and names them: a statement keeps its own words, so no article text is read, and
    /// mentions are not read at all.
    public func datedStatements(actorIDs: [Int64]? = nil, ids: [Int64]? = nil) throws -> [DatedStatement] {
        let actors = Dictionary(uniqueKeysWithValues: try comparisonActors(ids: actorIDs).map { ($0.id, $0) })
        return try read { db in
            // Sorted here rather than by SQL: ordering by article would make SQLite walk the whole
            // table in article order to pick out a few actors' rows.
            var request = actorIDs.map { StatementRecord.filter($0.contains(Column("actor_id"))) } ?? StatementRecord.all()
            if let ids {
                // One JSON array rather than one argument an id: there may be more ids than SQLite takes arguments.
                request = request.filter(sql: "id IN (SELECT value FROM json_each(?))",
                                         arguments: ["[" + ids.map(String.init).joined(separator: ",") + "]"])
            }
            var statements = Dictionary(grouping: try request.fetchAll(db), by: \.articleId)
            var dated: [DatedStatement] = []
            for article in try Row.fetchAll(db, sql: """
                SELECT id, title, source, published FROM articles ORDER BY published IS NULL, published, title, id
                """) {
                let articleID: Int64 = article[0]
                // Taken out as they are placed, so the rows go as their statements come.
                guard var own = statements.removeValue(forKey: articleID) else { continue }
                own.sort { ($0.start, $0.end, $0.id ?? 0) < ($1.start, $1.end, $1.id ?? 0) }
                let title: String? = article[1], outlet: String? = article[2], published: Day? = article[3]
                for record in own {
                    let statement = Self.workspaceStatement(record).statement
                    guard let actor = actors[statement.actorID], let date = statement.date ?? published else { continue }
                    dated.append(DatedStatement(statement: statement, actor: actor, articleID: String(articleID),
                                                articleTitle: title, outlet: outlet, date: date))
                }
            }
            return dated
        }
    }

    /// `CorpusTimeline.make(statements: datedStatements(), ...)`, the same timeline, without
    /// holding every statement: made from the daily counts as the chart is, each period's
    /// statements named from the timeline's index (`standingStatementPlacements`, which reads no
    /// statement row), and only the statements behind changes read whole. The statements of the
    /// actors the filter names are read whole: a few actors' statements are read in a fraction of
    /// the time every actor's counts take.
    public func corpusTimeline(frame: Frame, by bucketing: DateBucketing = .week,
                               filter: TimelineFilter = TimelineFilter()) throws -> CorpusTimeline {
        if let actorIDs = filter.actorIDs {
            return CorpusTimeline.make(statements: try datedStatements(actorIDs: actorIDs.compactMap { Int64($0) }),
                                       frame: frame, by: bucketing, filter: filter)
        }
        var timeline = CorpusTimeline.make(dailyCounts: try comparisonDailyCounts(outlets: filter.outlets),
                                           actors: try comparisonActors(), frame: frame, by: bucketing, filter: filter)
        var outletArticles: Set<Int64>?
        if let outlets = filter.outlets {
            let wanted = Set(outlets.map { $0.lowercased() })
            outletArticles = Set(try articles().filter { $0.source.map { wanted.contains($0.lowercased()) } ?? false }.map(\.id))
        }
        var counted: [String: [CountedStatement]] = [:]
        for (actor, placements) in try standingStatementPlacements() {
            let actorID = String(actor)
            counted[actorID] = placements.compactMap { placement -> CountedStatement? in
                guard let date = placement.day, filter.admits(date), outletArticles?.contains(placement.articleID) ?? true else { return nil }
                return CountedStatement(id: String(placement.id), actorID: actorID, articleID: String(placement.articleID),
                                         offset: placement.start, date: date, stance: placement.stance)
            }.chronological()
        }
        try timeline.nameStatements(counted) { ids in try datedStatements(ids: ids.compactMap { Int64($0) }) }
        return timeline
    }

    /// `dailyStanceCounts(outlets:)` keyed by the actor ids comparisons use (see
    /// `comparisonActors()`): what `CorpusTimeline.make(dailyCounts:)` and `PeriodPositions` take.
    public func comparisonDailyCounts(outlets: Set<String>? = nil) throws -> [String: [DailyStanceCount]] {
        Dictionary(uniqueKeysWithValues: try dailyStanceCounts(outlets: outlets).map { (String($0.key), $0.value) })
    }

    /// Every actor (or those of `ids`) as comparisons name them: the workspace id as `id`, name,
    /// kind, role, aliases, and the stance of all their standing statements. No mentions: those
    /// belong to one article; no article counts, which no comparison shows and which cost most.
    public func comparisonActors(ids: [Int64]? = nil) throws -> [Actor] {
        try actors(ids: ids, countingArticles: false).map { summary in
            Actor(id: String(summary.id), name: summary.name, kind: summary.kind, role: summary.role,
                  aliases: summary.aliases, stance: summary.stance, isParticipant: summary.isParticipant)
        }
    }
}
