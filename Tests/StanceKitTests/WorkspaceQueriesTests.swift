import Foundation
import Testing
@testable import StanceKit

/// The narrow queries the workbench reads a workspace with.
@Suite struct WorkspaceQueriesTests {
    @Test func standingStatementsByActorIsEveryActorsTimelineInOneQuery() throws {
        let workspace = try Fixtures.workspace()
        let actors = try workspace.actors()
        // A rejected statement leaves its actor's list; an undated one goes last.
        let milley = try #require(actors.first { $0.name == "Mark A. Milley" })
        let milleys = try workspace.statements(actorID: milley.id)
        let rejected = try #require(milleys.first)
        _ = try workspace.reject(rejected.id, by: "tester")

        let byActor = try workspace.standingStatementsByActor()
        for actor in actors {
            let expected = try workspace.statements(actorID: actor.id).filter { $0.statement.statement.status != .rejected }
            #expect(byActor[actor.id] ?? [] == expected, "actor \(actor.name)")
        }
        #expect(byActor[milley.id]?.contains { $0.id == rejected.id } == false)
        #expect(byActor.values.reduce(0) { $0 + $1.count } == (try workspace.counts().statements) - 1)
    }

    @Test func eachActorsStatementsRunByDayWithUndatedOnesLast() throws {
        let workspace = try Fixtures.workspace()
        let someone = try #require(try workspace.standingStatementsByActor().first { $0.value.count > 1 })
        // Without its own date, a statement takes its article's: cleared here so that one is undated
        // when its article has no date, and moves to its article's day otherwise.
        _ = try workspace.setDate(someone.value[0].id, to: nil, by: "tester")
        for (_, statements) in try workspace.standingStatementsByActor() {
            let ordinals = statements.map { $0.day?.ordinal ?? Int.max }
            #expect(ordinals == ordinals.sorted())
        }
        let reread = try #require(try workspace.standingStatementsByActor()[someone.key])
        #expect(reread.map(\.id).sorted() == someone.value.map(\.id).sorted())
    }
}
