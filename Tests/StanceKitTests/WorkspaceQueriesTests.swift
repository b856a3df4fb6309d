import Foundation
import GRDB
import Testing
@testable import StanceKit

/// The narrow queries the workbench reads a workspace with.
@Suite struct WorkspaceQueriesTests {
    /// What `statements(actorID:)` says of a statement, as a placement.
    static func placement(_ item: ActorStatement) -> StatementPlacement {
        StatementPlacement(id: item.id, articleID: item.statement.articleID, start: item.statement.statement.span.start,
                           day: item.day, stance: item.statement.statement.stance, status: item.statement.statement.status,
                           text: item.statement.statement.text)
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
}
