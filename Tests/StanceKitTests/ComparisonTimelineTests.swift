import Foundation
import Testing
@testable import StanceKit

@Suite struct ComparisonTimelineTests {
    typealias F = ComparisonFixture
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    var byWeek: CorpusTimeline { CorpusTimeline.make(statements: F.statements, frame: F.frame, by: .week) }

    @Test func lanesPerActorSortedByNameOverEveryWeek() {
        #expect(byWeek.lanes.map(\.actor.id) == ["ada", "carl", "league", "wang"])
        #expect(byWeek.buckets.map(\.label) == ["2031-W10", "2031-W11", "2031-W12", "2031-W13", "2031-W14", "2031-W15"])
    }

    @Test func cellsLeanToTheMajorityAndKeepCounts() throws {
        let ada = try #require(byWeek.lane(for: "ada"))
        #expect(ada.cells.map(\.leaning) == ["diplomacy", "diplomacy", "mixed", "support"])
        #expect(ada.cells[2].tally.count("diplomacy") == 1 && ada.cells[2].tally.count("support") == 1)
        #expect(ada.cells[3].statementIDs == ["a5"])  // the rejected a6 is gone
        let carl = try #require(byWeek.lane(for: "carl"))
        #expect(carl.cells.last?.leaning == "support")
        #expect(carl.cells.last?.tally.total == 2)
    }

    @Test func changesSkipMixedPeriods() throws {
        let ada = try #require(byWeek.lane(for: "ada"))
        #expect(ada.changes.count == 1)
        #expect(ada.changes[0].from == "diplomacy" && ada.changes[0].to == "support")
        #expect(ada.changes[0].date == day("2031-04-08") && ada.changes[0].statement?.id == "a5")
        #expect(byWeek.lane(for: "carl")?.changes.isEmpty == true)
    }

    @Test func nextAndPreviousChangeMoveByPeriod() {
        #expect(byWeek.nextChange(for: "ada", after: day("2031-03-04"))?.date == day("2031-04-08"))
        #expect(byWeek.nextChange(for: "ada", after: day("2031-04-07")) == nil)     // same week as the change
        #expect(byWeek.previousChange(for: "ada", before: day("2031-04-20"))?.date == day("2031-04-08"))
        #expect(byWeek.previousChange(for: "ada", before: day("2031-04-12")) == nil)
        #expect(byWeek.nextChange(for: "league", after: day("2031-03-01"))?.to == "support")
        #expect(byWeek.nextChange(for: "nobody", after: day("2031-03-01")) == nil)
    }

    @Test func byDayEveryStatementDayIsACell() throws {
        let timeline = CorpusTimeline.make(statements: F.statements, frame: F.frame, by: .day)
        let ada = try #require(timeline.lane(for: "ada"))
        #expect(ada.cells.map(\.leaning) == ["diplomacy", "diplomacy", "support", "diplomacy", "support"])
        #expect(ada.changes.map(\.date) == [day("2031-03-26"), day("2031-03-27"), day("2031-04-08")])
        #expect(timeline.buckets.count == 38)   // 4 March to 10 April
    }

    @Test func filtersByKindPositionOutletActorAndDates() {
        let people = CorpusTimeline.make(statements: F.statements, frame: F.frame,
                                         filter: TimelineFilter(kinds: [.organization]))
        #expect(people.lanes.map(\.actor.id) == ["league"])

        let mixed = CorpusTimeline.make(statements: F.statements, frame: F.frame,
                                        filter: TimelineFilter(positions: [Frame.mixed]))
        #expect(mixed.lanes.map(\.actor.id) == ["ada"])
        #expect(mixed.lanes[0].cells.count == 4)   // the actor's other weeks stay

        let herald = CorpusTimeline.make(statements: F.statements, frame: F.frame,
                                         filter: TimelineFilter(outlets: ["herald"]))
        #expect(herald.lanes.map(\.actor.id) == ["ada", "carl"])
        #expect(herald.lanes[0].cells.flatMap { $0.statementIDs ?? [] } == ["a2", "a4", "a5"])

        let chosen = CorpusTimeline.make(statements: F.statements, frame: F.frame, by: .month,
                                         filter: TimelineFilter(actorIDs: ["wang", "ada", "wang"],
                                                                from: day("2031-02-15"), to: day("2031-03-31")))
        #expect(chosen.lanes.map(\.actor.id) == ["wang", "ada"])
        #expect(chosen.buckets.map(\.label) == ["Feb 2031", "Mar 2031"])
        #expect(chosen.lanes[1].cells.map(\.leaning) == ["diplomacy"])
    }

    @Test func emptyWhenNothingMatches() {
        let none = CorpusTimeline.make(statements: F.statements, frame: F.frame,
                                       filter: TimelineFilter(outlets: ["Gazette"]))
        #expect(none.lanes.isEmpty && none.buckets.isEmpty)
    }

    /// Named from a few fields of each statement (what a workspace hands over, in date order),
    /// the timeline is the one made from the whole statements; a day's statements come by article
    /// as text orders them ("10" before "9"), then by place, and the changes' statements are
    /// asked for once.
    @Test func namedFromTimelineStatementsAsFromWholeStatements() throws {
        var statements = F.statements
        for (index, article) in ["9", "10", "9"].enumerated() {
            var dated = F.said("x\(index)", F.ada, "2031-03-27", index == 1 ? "support" : "diplomacy", "Talk, then talk.")
            dated.articleID = article
            dated.statement.span = TextSpan(start: 10 - index, end: 20)
            statements.append(dated)
        }
        let counted = statements.filter(\.counts)
        let light = Dictionary(grouping: counted.reversed().map(CountedStatement.init), by: \.actorID)
        for size in BucketSize.allCases {
            let whole = CorpusTimeline.make(statements: statements, frame: F.frame, by: DateBucketing(size))
            var named = CorpusTimeline.make(dailyCounts: DailyStanceCount.counts(of: counted), actors: [F.wang, F.ada, F.carl, F.league],
                                            frame: F.frame, by: DateBucketing(size))
            var asked: [[String]] = []
            named.nameStatements(light.mapValues { $0.chronological() }) { ids in
                asked.append(ids)
                return counted.filter { ids.contains($0.id) }
            }
            #expect(named == whole, "\(size)")
            #expect(asked == [whole.lanes.flatMap(\.changes).compactMap { $0.statement?.id }])
        }
        let week = try #require(CorpusTimeline.make(statements: statements, frame: F.frame, by: .week).lane(for: "ada"))
        #expect(week.cells[2].statementIDs == ["a3", "x1", "x2", "x0", "a4"])
    }

    @Test func resultRoundTripsThroughJSON() throws {
        let data = try JSONEncoder().encode(byWeek)
        #expect(try JSONDecoder().decode(CorpusTimeline.self, from: data) == byWeek)
    }
}
