@testable import StanceApp
import StanceKit
import Testing

/// The workbench and the command line make the corpus timeline and agreement with one model
/// (StanceKit's `CorpusTimeline` and `PeriodPositions`/`AgreementMatrix`) from the workspace's
/// daily stance counts; made from every statement instead, they come out the same.
@Suite struct ComparisonModelTests {
    static func workspace() throws -> Workspace {
        let workspace = try Workspace.inMemory()
        for analysis in [Fixtures.costsRise, Fixtures.councilVotes, Fixtures.councilSplit, CompareFixtures.engineerRelents] {
            _ = try workspace.addArticle(analysis, frameID: Fixtures.frame.id)
        }
        return workspace
    }

    @Test func theWorkspacesCountsAreItsStatementsCounted() throws {
        let workspace = try Self.workspace()
        let statements = try workspace.datedStatements()
        #expect(try workspace.comparisonDailyCounts() == DailyStanceCount.counts(of: statements.filter(\.counts)))
        let gazette = statements.filter { $0.counts && $0.outlet?.lowercased() == "harbour gazette" }
        #expect(!gazette.isEmpty)
        #expect(try workspace.comparisonDailyCounts(outlets: ["HARBOUR GAZETTE"]) == DailyStanceCount.counts(of: gazette))
    }

    @Test func timelineAndAgreementFromCountsAreThoseFromStatements() throws {
        let workspace = try Self.workspace()
        let statements = try workspace.datedStatements()
        let counts = try workspace.comparisonDailyCounts()
        let actors = try workspace.comparisonActors()
        for size in BucketSize.allCases {
            let fromStatements = CorpusTimeline.make(statements: statements, frame: Fixtures.frame, by: DateBucketing(size))
            let fromCounts = CorpusTimeline.make(dailyCounts: counts, actors: actors, frame: Fixtures.frame, by: DateBucketing(size))
            #expect(fromCounts.timelineChart(width: 100) == fromStatements.timelineChart(width: 100))
            #expect(fromCounts.lanes.map(\.changes.count) == fromStatements.lanes.map(\.changes.count))
            let matrix = AgreementMatrix.make(dailyCounts: counts, actors: actors, frame: Fixtures.frame, by: DateBucketing(size))
            #expect(matrix == AgreementMatrix.make(statements: statements, frame: Fixtures.frame, by: DateBucketing(size)))
            #expect(try ReportJSON.encode(matrix)
                    == ReportJSON.encode(AgreementMatrix.make(statements: statements, frame: Fixtures.frame, by: DateBucketing(size))))
        }
    }

    /// The workspace's timeline with its statements named (what `timeline --json` prints) is the
    /// one made from every statement, with every filter; a rejected statement is named nowhere.
    @Test func workspaceTimelineIsTheOneMadeFromItsStatements() throws {
        let workspace = try Self.workspace()
        let rejected = try #require(try workspace.datedStatements().first { $0.stance != Frame.none })
        _ = try workspace.reject(try #require(Int64(rejected.id)), by: "tester")
        let statements = try workspace.datedStatements()
        let actorIDs = Array(Set(statements.map(\.actor.id)).sorted().prefix(2))
        let days = statements.map(\.date).sorted()
        let filters = [
            TimelineFilter(), TimelineFilter(actorIDs: actorIDs.reversed()), TimelineFilter(kinds: [.person]),
            TimelineFilter(positions: [Frame.mixed]), TimelineFilter(outlets: ["HARBOUR GAZETTE"]),
            TimelineFilter(from: days[days.count / 3], to: days[days.count * 2 / 3]),
        ]
        for size in BucketSize.allCases {
            for filter in filters {
                let fromWorkspace = try workspace.corpusTimeline(frame: Fixtures.frame, by: DateBucketing(size), filter: filter)
                let fromStatements = CorpusTimeline.make(statements: statements, frame: Fixtures.frame, by: DateBucketing(size),
                                                         filter: filter)
                #expect(fromWorkspace == fromStatements, "\(size) \(filter)")
                #expect(!fromWorkspace.lanes.flatMap(\.cells).contains { $0.statementIDs?.contains(rejected.id) ?? true })
            }
        }
        let named = try workspace.corpusTimeline(frame: Fixtures.frame)
        #expect(named.lanes.contains { !$0.changes.isEmpty })
        #expect(named.lanes.flatMap(\.changes).allSatisfy { $0.statement?.stance == $0.to && $0.statement?.date == $0.date })
    }
}
