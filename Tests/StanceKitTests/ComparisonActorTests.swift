import Foundation
import Testing
@testable import StanceKit

@Suite struct ComparisonActorTests {
    typealias F = ComparisonFixture
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    var adaAndCarl: ActorComparison {
        ActorComparison.make(left: F.ada, right: F.carl, statements: F.statements, frame: F.frame, by: .week)
    }

    @Test func rowsAlignByWeekAndSkipSilentWeeks() {
        let rows = adaAndCarl.rows
        #expect(rows.map(\.leftBucket.label) == ["2031-W10", "2031-W11", "2031-W13", "2031-W15"])
        #expect(rows.allSatisfy { $0.leftBucket == $0.rightBucket })
        #expect(rows.map { $0.left.map(\.id) } == [["a1"], ["a2"], ["a3", "a4"], ["a5"]])
        #expect(rows.map { $0.right.map(\.id) } == [["c1"], ["c2"], ["c3"], ["c4", "c5"]])
        #expect(rows.map(\.offset) == [0, 1, 3, 5])
    }

    @Test func oppositeRowsAreMarkedButMixedAndSharedOnesAreNot() {
        let rows = adaAndCarl.rows
        #expect(rows.map(\.isOpposed) == [true, true, false, false])
        #expect(rows.map(\.leftLeaning) == ["diplomacy", "diplomacy", "mixed", "support"])
        #expect(rows.map(\.rightLeaning) == ["support", "support", "support", "support"])
        #expect(adaAndCarl.opposedRows.count == 2)
    }

    @Test func rejectedStatementsNeverCount() {
        let ids = adaAndCarl.rows.flatMap { $0.left.map(\.id) }
        #expect(!ids.contains("a6"))
        #expect(adaAndCarl.left.statementCount == 5)
        #expect(adaAndCarl.left.latest?.statementID == "a5")
    }

    @Test func headersSummariseEachActor() {
        let left = adaAndCarl.left, right = adaAndCarl.right
        #expect(left.from == day("2031-03-04") && left.to == day("2031-04-10"))
        #expect(left.tally.count("diplomacy") == 3 && left.tally.count("support") == 2)
        #expect(left.first == DatedPosition(position: "diplomacy", date: day("2031-03-04"), statementID: "a1"))
        #expect(left.latest == DatedPosition(position: "support", date: day("2031-04-08"), statementID: "a5"))
        #expect(right.tally.count("none") == 1 && right.statementCount == 5)
        #expect(right.shifts.isEmpty)
    }

    @Test func everyChangeOfPositionIsAShift() {
        let shifts = adaAndCarl.left.shifts
        #expect(shifts.map(\.from) == ["diplomacy", "support", "diplomacy"])
        #expect(shifts.map(\.to) == ["support", "diplomacy", "support"])
        #expect(shifts.map(\.date) == [day("2031-03-26"), day("2031-03-27"), day("2031-04-08")])
        #expect(shifts.map(\.statement?.id) == ["a3", "a4", "a5"])
    }

    @Test func periodLimitsBothSides() {
        let march = ActorComparison.make(left: F.ada, right: F.carl, statements: F.statements, frame: F.frame,
                                         by: .month, from: day("2031-03-10"), to: day("2031-03-31"))
        #expect(march.rows.count == 1)
        #expect(march.rows[0].leftBucket.label == "Mar 2031")
        #expect(march.rows[0].left.map(\.id) == ["a2", "a3", "a4"])
        #expect(march.rows[0].leftLeaning == "diplomacy" && march.rows[0].isOpposed)
        #expect(march.left.shifts.count == 2)
    }

    @Test func anActorAgainstThemselfAcrossTwoPeriodsAlignsByOffset() {
        let comparison = ActorComparison.make(actor: F.ada, period: day("2031-03-01")...day("2031-03-31"),
                                              against: day("2031-04-01")...day("2031-04-30"),
                                              statements: F.statements, frame: F.frame, by: .week)
        #expect(comparison.alignment == .offset)
        #expect(comparison.rows.map(\.offset) == [1, 2, 4])
        #expect(comparison.rows.map(\.leftBucket.label) == ["2031-W10", "2031-W11", "2031-W13"])
        #expect(comparison.rows.map(\.rightBucket.label) == ["2031-W15", "2031-W16", "2031-W18"])
        #expect(comparison.rows.map { $0.right.map(\.id) } == [["a5"], [], []])
        #expect(comparison.rows.map(\.isOpposed) == [true, false, false])
        #expect(comparison.left.statementCount == 4 && comparison.right.statementCount == 1)
    }

    @Test func anActorWithoutStatementsStillGetsAHeader() {
        let nobody = Actor(id: "nobody", name: "Nobody", kind: .group)
        let comparison = ActorComparison.make(left: nobody, right: F.league, statements: F.statements, frame: F.frame)
        #expect(comparison.left.statementCount == 0 && comparison.left.first == nil)
        #expect(comparison.rows.map { $0.right.map(\.id) } == [["e1"], ["e2"]])
        #expect(comparison.rows.allSatisfy { !$0.isOpposed })
        let empty = ActorComparison.make(left: nobody, right: nobody, statements: F.statements, frame: F.frame)
        #expect(empty.rows.isEmpty && empty.left.from == nil)
    }

    @Test func resultRoundTripsThroughJSON() throws {
        let data = try JSONEncoder().encode(adaAndCarl)
        #expect(try JSONDecoder().decode(ActorComparison.self, from: data) == adaAndCarl)
    }
}
