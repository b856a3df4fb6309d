import Foundation
import GRDB
import Testing
@testable import StanceKit

/// The narrow queries the workbench reads a workspace with.
@Suite struct WorkspaceQueriesTests {
    /// What `statements(actorID:)` says of a statement, as a placement.
    static func placement(_ item: ActorStatement) -> StatementPlacement {
        StatementPlacement(id: item.id, articleID: item.statement.articleID, start: item.statement.statement.span.start,
                           day: item.day, stance: item.statement.statement.stance, status: item.statement.statement.status)
    }

    /// What `statements(actorID:)` says of every actor's standing statements with a day, counted
    /// per day and stance in day then stance order; with `outlets`, only those outlets' articles'.
    static func expectedDailyCounts(_ workspace: Workspace, outlets: Set<String>? = nil) throws -> [Int64: [DailyStanceCount]] {
        var expected: [Int64: [DailyStanceCount]] = [:]
        for actor in try workspace.actors() {
            var counts: [Day: [String: Int]] = [:]
            for item in try workspace.statements(actorID: actor.id) where item.statement.statement.status != .rejected {
                guard let day = item.day else { continue }
                if let outlets, !outlets.contains(where: { $0.lowercased() == item.source?.lowercased() }) { continue }
                counts[day, default: [:]][item.statement.statement.stance, default: 0] += 1
            }
            guard !counts.isEmpty else { continue }
            expected[actor.id] = counts.sorted { $0.key < $1.key }.flatMap { day, stances in
                stances.sorted { $0.key < $1.key }.map { DailyStanceCount(day: day, stance: $0.key, count: $0.value) }
            }
        }
        return expected
    }

    /// A workspace whose statements are rejected, undated (taking their article's day) and
    /// moved onto the day and stance of another of their actor's statements.
    static func editedWorkspace() throws -> Workspace {
        let workspace = try Fixtures.workspace()
        let actors = try workspace.actors().sorted { $0.statementCount > $1.statementCount }
        let busiest = try workspace.statements(actorID: actors[0].id)
        _ = try workspace.reject(busiest[0].id, by: "tester")
        _ = try workspace.setDate(busiest[1].id, to: nil, by: "tester")
        // An undated statement on a day and stance a dated one of the same actor has: counted together.
        let undated = try workspace.statements(actorID: actors[1].id)
        let articleDay = try #require(undated[0].published)
        _ = try workspace.setDate(undated[0].id, to: nil, by: "tester")
        _ = try workspace.setDate(undated[1].id, to: articleDay, by: "tester")
        _ = try workspace.setStance(undated[1].id, to: undated[0].statement.statement.stance, by: "tester")
        return workspace
    }

    @Test func placementsAreEveryActorsStandingStatementsInOneQuery() throws {
        let workspace = try Fixtures.workspace()
        let actors = try workspace.actors()
        let milley = try #require(actors.first { $0.name == "Mark A. Milley" })
        let rejected = try #require(try workspace.statements(actorID: milley.id).first)
        _ = try workspace.reject(rejected.id, by: "tester")

        let byActor = try workspace.standingStatementPlacements()
        for actor in actors {
            let expected = try workspace.statements(actorID: actor.id)
                .filter { $0.statement.statement.status != .rejected }.map(Self.placement)
            #expect(byActor[actor.id] ?? [] == expected, "actor \(actor.name)")
        }
        #expect(byActor[milley.id]?.contains { $0.id == rejected.id } == false)
        #expect(byActor.values.reduce(0) { $0 + $1.count } == (try workspace.counts().statements) - 1)
    }

    @Test func eachActorsPlacementsRunByDayWithUndatedOnesLast() throws {
        let workspace = try Fixtures.workspace()
        let someone = try #require(try workspace.standingStatementPlacements().first { $0.value.count > 1 })
        // Without its own date, a statement takes its article's, and is undated only when that has none.
        _ = try workspace.setDate(someone.value[0].id, to: nil, by: "tester")
        for (_, placements) in try workspace.standingStatementPlacements() {
            let ordinals = placements.map { $0.day?.ordinal ?? Int.max }
            #expect(ordinals == ordinals.sorted())
        }
        let reread = try #require(try workspace.standingStatementPlacements()[someone.key])
        #expect(reread.map(\.id).sorted() == someone.value.map(\.id).sorted())
    }
}

/// Counts, summaries and texts read for the corpus timeline, agreement and the workbench's panes.
@Suite struct WorkspaceCorpusQueriesTests {
    @Test func dailyCountsAreTheStandingStatementsWithADayCountedPerDayAndStance() throws {
        let workspace = try WorkspaceQueriesTests.editedWorkspace()
        let counts = try workspace.dailyStanceCounts()
        #expect(counts == (try WorkspaceQueriesTests.expectedDailyCounts(workspace)))
        #expect(counts.values.joined().contains { $0.count > 1 })
        let outlet = try #require(try workspace.articles().compactMap(\.source).first)
        for outlets in [[outlet.uppercased()], [outlet, "No Such Outlet"], ["No Such Outlet"]] as [Set<String>] {
            #expect(try workspace.dailyStanceCounts(outlets: outlets)
                    == (try WorkspaceQueriesTests.expectedDailyCounts(workspace, outlets: outlets)), "\(outlets)")
        }
    }

    @Test func mergedCountsAddTheSameDayAndStanceAndKeepTheirOrder() {
        let day = { (iso: String) in Day(iso: iso)! }
        let first = [DailyStanceCount(day: day("2031-01-02"), stance: "repair", count: 2),
                     DailyStanceCount(day: day("2031-01-05"), stance: "none", count: 1)]
        let second = [DailyStanceCount(day: day("2031-01-01"), stance: "none", count: 4),
                      DailyStanceCount(day: day("2031-01-02"), stance: "repair", count: 3),
                      DailyStanceCount(day: day("2031-01-02"), stance: "support", count: 1)]
        #expect(DailyStanceCount.merged(first, second) == [
            DailyStanceCount(day: day("2031-01-01"), stance: "none", count: 4),
            DailyStanceCount(day: day("2031-01-02"), stance: "repair", count: 5),
            DailyStanceCount(day: day("2031-01-02"), stance: "support", count: 1),
            DailyStanceCount(day: day("2031-01-05"), stance: "none", count: 1)])
        #expect(DailyStanceCount.merged([], second) == second && DailyStanceCount.merged(first, []) == first)
    }

    @Test func timelineSummariesAreEachActorsDatedStandingStatements() throws {
        let workspace = try WorkspaceQueriesTests.editedWorkspace()
        var expected: [Int64: TimelineActorSummary<Int64>] = [:]
        for actor in try workspace.actors() {
            let dated = try workspace.statements(actorID: actor.id).filter { $0.statement.statement.status != .rejected && $0.day != nil }
            guard let first = dated.compactMap(\.day).min(), let last = dated.compactMap(\.day).max() else { continue }
            expected[actor.id] = TimelineActorSummary(
                actorID: actor.id, stanceCounts: Dictionary(dated.map { ($0.statement.statement.stance, 1) }, uniquingKeysWith: +),
                days: first...last)
        }
        #expect(try workspace.timelineSummaries() == expected)
        let some = Array(expected.keys.sorted().prefix(2))
        #expect(try workspace.timelineSummaries(actorIDs: some) == expected.filter { some.contains($0.key) })
    }

    @Test func actorsAndSummariesReadTogetherAreTheOnesReadApart() throws {
        let workspace = try WorkspaceQueriesTests.editedWorkspace()
        for ids in [nil, Array(try workspace.actors().map(\.id).prefix(3)), []] as [[Int64]?] {
            let together = try workspace.actorsAndTimelineSummaries(ids: ids)
            #expect(together.actors == (try workspace.actors(ids: ids, countingArticles: false)))
            #expect(together.timelineSummaries == (try workspace.timelineSummaries(actorIDs: ids)))
        }
    }

    @Test func aStatementsTextIsReadByItsID() throws {
        let workspace = try Fixtures.workspace()
        let actor = try #require(try workspace.actors().first { $0.statementCount > 0 })
        let statement = try #require(try workspace.statements(actorID: actor.id).first)
        #expect(try workspace.statementText(statement.id) == statement.statement.statement.text)
        #expect(try workspace.statementText(999_999) == nil)
    }
}

/// The workbench's counts read indexes only, never the statement rows (which hold texts).
@Suite struct WorkspaceIndexTests {
    static func plan(_ sql: String, _ workspace: Workspace) throws -> String {
        try workspace.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String? ?? "" }.joined(separator: "; ")
        }
    }

    @Test func countsPerArticleAndPerActorUseCoveringIndexes() throws {
        let workspace = try Fixtures.workspace()
        let perArticle = try Self.plan("SELECT article_id, status, count(*) FROM statements GROUP BY article_id, status", workspace)
        #expect(perArticle.contains("COVERING INDEX statements_by_article_status"), "\(perArticle)")
        let perActor = try Self.plan("""
            SELECT actor_id, stance, count(*) FROM statements WHERE status <> 'rejected' GROUP BY actor_id, stance
            """, workspace)
        #expect(perActor.contains("COVERING INDEX statements_for_timeline"), "\(perActor)")
        let list = try Self.plan("""
            SELECT id, file, title, source, published FROM articles ORDER BY published IS NULL, published, title, id
            """, workspace)
        #expect(list.contains("COVERING INDEX articles_for_list"), "\(list)")
        let mentions = try Self.plan("SELECT DISTINCT actor_id, article_id FROM mentions", workspace)
        #expect(mentions.contains("COVERING INDEX mentions_by_actor_article"), "\(mentions)")
    }

    /// The corpus timeline's and agreement's daily counts are grouped in the index's order (no
    /// temporary b-tree), and an actor's timeline statements and first and last days come from it.
    @Test func dailyCountsAndTimelineStatementsUseTheIndexByActorAndDay() throws {
        let workspace = try Fixtures.workspace()
        let daily = try Self.plan("""
            SELECT s.actor_id, s.date, s.stance, count(*) FROM statements s
            WHERE s.date IS NOT NULL AND s.status <> 'rejected' GROUP BY s.actor_id, s.date, s.stance
            """, workspace)
        #expect(daily.contains("COVERING INDEX statements_by_actor_day") && !daily.contains("TEMP B-TREE"), "\(daily)")
        let undated = try Self.plan("""
            SELECT s.actor_id, p.published, s.stance, count(*)
            FROM actors a CROSS JOIN statements s ON s.actor_id = a.id AND s.date IS NULL
            CROSS JOIN articles p INDEXED BY articles_published_by_id ON p.id = s.article_id
            WHERE p.published IS NOT NULL AND s.status <> 'rejected' GROUP BY s.actor_id, p.published, s.stance
            """, workspace)
        #expect(undated.contains("COVERING INDEX statements_by_actor_day (actor_id=? AND date=?)"), "\(undated)")
        let placements = try Self.plan("""
            SELECT s.id, s.actor_id, s.article_id, s.start, s.date, s.stance, s.status FROM statements s
            WHERE s.status <> 'rejected' AND s.actor_id IN (1, 2)
            """, workspace)
        #expect(placements.contains("COVERING INDEX statements_by_actor_day"), "\(placements)")
        let firstDay = try Self.plan("""
            SELECT a.id, (SELECT min(date) FROM statements WHERE actor_id = a.id AND status <> 'rejected') FROM actors a
            """, workspace)
        #expect(firstDay.contains("COVERING INDEX statements_by_actor_day (actor_id=?)"), "\(firstDay)")
    }
}
