import Foundation
import Testing
@testable import StanceKit

/// The corpus timeline and agreement are made from per-actor daily stance counts; made from the
/// statements, they are the same but for naming the statements.
@Suite struct ComparisonDailyCountsTests {
    typealias F = ComparisonFixture
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// The fixture's statements that count, counted per actor, day and stance.
    var counts: [String: [DailyStanceCount]] { DailyStanceCount.counts(of: F.statements.filter(\.counts)) }

    /// `timeline` without what only statements can tell: their ids and each change's statement.
    func withoutStatements(_ timeline: CorpusTimeline) -> CorpusTimeline {
        var timeline = timeline
        for lane in timeline.lanes.indices {
            for cell in timeline.lanes[lane].cells.indices { timeline.lanes[lane].cells[cell].statementIDs = nil }
            for change in timeline.lanes[lane].changes.indices { timeline.lanes[lane].changes[change].statement = nil }
        }
        return timeline
    }

    @Test func countsAreInDayThenStanceOrderAndLeaveNothingOut() throws {
        let ada = try #require(counts["ada"])
        #expect(ada.map(\.day) == ["2031-03-04", "2031-03-12", "2031-03-26", "2031-03-27", "2031-04-08"].map(day))
        #expect(ada.allSatisfy { $0.count == 1 })
        #expect(counts.values.flatMap { $0 }.map(\.count).reduce(0, +) == F.statements.filter(\.counts).count)
        let twoStances = DailyStanceCount.counts(of: [F.said("x", F.carl, "2031-04-10", "support", "Yes."),
                                                      F.said("y", F.carl, "2031-04-10", "none", "Maybe."),
                                                      F.said("z", F.carl, "2031-04-10", "support", "Yes again.")])
        #expect(twoStances["carl"] == [DailyStanceCount(day: day("2031-04-10"), stance: "none", count: 1),
                                       DailyStanceCount(day: day("2031-04-10"), stance: "support", count: 2)])
    }

    @Test func theTimelineFromCountsIsTheTimelineFromStatementsWithoutTheirIDs() {
        let actors = [F.wang, F.league, F.carl, F.ada]
        let filters = [TimelineFilter(), TimelineFilter(kinds: [.person]), TimelineFilter(positions: [Frame.mixed]),
                       TimelineFilter(actorIDs: ["wang", "ada"]), TimelineFilter(from: day("2031-03-10"), to: day("2031-04-08")),
                       TimelineFilter(from: day("2031-03-01"))]
        for size in BucketSize.allCases {
            for filter in filters {
                let fromStatements = CorpusTimeline.make(statements: F.statements, frame: F.frame, by: DateBucketing(size),
                                                         filter: filter)
                let fromCounts = CorpusTimeline.make(dailyCounts: counts, actors: actors, frame: F.frame,
                                                     by: DateBucketing(size), filter: filter)
                #expect(fromCounts == withoutStatements(fromStatements), "\(size) \(filter)")
                #expect(fromCounts.timelineChart(width: 80) == fromStatements.timelineChart(width: 80))
            }
        }
    }

    @Test func aTimelineFromCountsKnowsTheDayOfEachChangeButNoStatement() throws {
        let timeline = CorpusTimeline.make(dailyCounts: counts, actors: [F.ada], frame: F.frame)
        let change = try #require(timeline.lane(for: "ada")?.changes.first)
        #expect(change.date == day("2031-04-08") && change.statement == nil)
        #expect(timeline.lanes[0].cells.allSatisfy { $0.statementIDs == nil })
    }

    @Test func agreementFromCountsIsAgreementFromStatements() {
        for size in BucketSize.allCases {
            for (from, to) in [(nil, nil), (day("2031-03-10"), nil), (nil, day("2031-03-31"))] as [(Day?, Day?)] {
                let fromStatements = AgreementMatrix.make(statements: F.statements, frame: F.frame, by: DateBucketing(size),
                                                          from: from, to: to)
                let fromCounts = AgreementMatrix.make(dailyCounts: counts, actors: [F.wang, F.league, F.carl, F.ada],
                                                      frame: F.frame, by: DateBucketing(size), from: from, to: to)
                #expect(fromCounts == fromStatements)
                #expect(fromCounts.agreementTable() == fromStatements.agreementTable())
            }
        }
    }

    @Test func oneActorsPartnersAreTheMatrixRowsOfThatActor() {
        for size in BucketSize.allCases {
            let matrix = AgreementMatrix.make(statements: F.statements, frame: F.frame, by: DateBucketing(size))
            let positions = PeriodPositions(dailyCounts: counts, frame: F.frame, by: DateBucketing(size))
            let names = Dictionary(uniqueKeysWithValues: matrix.actors.map { ($0.id, $0.name) })
            #expect(positions.positionedActorIDs == Set(matrix.actors.map(\.id)))
            for actor in ["ada", "carl", "league", "wang", "nobody"] {
                let partners = positions.partners(of: actor) { names[$0] ?? $0 }
                #expect(partners.agreeing.map { [$0.actorID: $0.times] } == matrix.agreeing(with: actor).map { [$0.actor.id: $0.times] })
                #expect(partners.disagreeing.map { [$0.actorID: $0.times] }
                        == matrix.disagreeing(with: actor).map { [$0.actor.id: $0.times] })
            }
        }
        // Ada and Carl: opposed in W10 and W11, agreed in W15; W13 Ada was mixed.
        let byWeek = PeriodPositions(dailyCounts: counts, frame: F.frame, by: .week)
        #expect(byWeek.counts(with: "ada")["carl"] == AgreementMatrix.Count(agreements: 1, disagreements: 2))
    }
}
