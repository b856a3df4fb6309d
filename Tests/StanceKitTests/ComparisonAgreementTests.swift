import Foundation
import Testing
@testable import StanceKit

@Suite struct ComparisonAgreementTests {
    typealias F = ComparisonFixture
    typealias Count = AgreementMatrix.Count
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    var byWeek: AgreementMatrix { AgreementMatrix.make(statements: F.statements, frame: F.frame, by: .week) }

    @Test func countsSamePositionsInTheSameWeek() {
        let m = byWeek
        #expect(m.actors.map(\.id) == ["ada", "carl", "league", "wang"])
        // W10 and W11 opposed, W13 Ada mixed (not counted), W15 both support.
        #expect(m.count(between: "ada", and: "carl") == Count(agreements: 1, disagreements: 2))
        #expect(m.count(between: "carl", and: "ada") == Count(agreements: 1, disagreements: 2))
        #expect(m.count(between: "ada", and: "league") == Count(agreements: 2, disagreements: 0))
        #expect(m.count(between: "ada", and: "wang") == Count(agreements: 1, disagreements: 0))
        #expect(m.count(between: "carl", and: "league") == Count(agreements: 1, disagreements: 1))
        #expect(m.count(between: "carl", and: "wang") == Count(agreements: 0, disagreements: 1))
        #expect(m.count(between: "league", and: "wang") == Count(agreements: 1, disagreements: 0))
        #expect(m.count(between: "ada", and: "ada") == .zero)
        #expect(m.pairs.count == 6)
    }

    @Test func whoAgreesAndDisagreesWithAnActor() {
        let m = byWeek
        #expect(m.agreeing(with: "ada").map(\.actor.id) == ["league", "carl", "wang"])
        #expect(m.agreeing(with: "ada").map(\.times) == [2, 1, 1])
        #expect(m.disagreeing(with: "ada").map(\.actor.id) == ["carl"])
        #expect(m.disagreeing(with: "carl").map(\.times) == [2, 1, 1])
        #expect(m.disagreeing(with: "wang").map(\.actor.id) == ["carl"])
    }

    @Test func bucketSizeAndPeriodChangeTheCounts() {
        // By month, March: Ada leans diplomacy (3 to 1), Carl support, the League and Wang diplomacy.
        let march = AgreementMatrix.make(statements: F.statements, frame: F.frame, by: .month,
                                         from: day("2031-03-01"), to: day("2031-03-31"))
        #expect(march.count(between: "ada", and: "carl") == Count(agreements: 0, disagreements: 1))
        #expect(march.count(between: "ada", and: "league") == Count(agreements: 1, disagreements: 0))
        #expect(march.actors.count == 4)
        let april = AgreementMatrix.make(statements: F.statements, frame: F.frame, by: .month, from: day("2031-04-01"))
        #expect(april.actors.map(\.id) == ["ada", "carl", "league"])
        #expect(april.count(between: "ada", and: "carl") == Count(agreements: 1, disagreements: 0))
    }

    @Test func actorsWhoNeverTookAPositionAreLeftOut() {
        let onlyNone = [F.said("x", F.carl, "2031-04-10", "none", "Maybe."),
                        F.said("y", F.ada, "2031-04-10", "support", "Yes.", status: .rejected)]
        let m = AgreementMatrix.make(statements: onlyNone, frame: F.frame)
        #expect(m.actors.isEmpty && m.pairs.isEmpty)
    }

    @Test func keepsTheActorsWhoTookAPositionInTheMostPeriods() {
        let counts = DailyStanceCount.counts(of: F.statements.filter(\.counts))
        let actors = [F.wang, F.league, F.carl, F.ada]
        // By week Carl took a position in 4 weeks, Ada 3, the League 2, Wang 1.
        let top2 = AgreementMatrix.make(dailyCounts: counts, actors: actors, frame: F.frame, by: .week, mostActive: 2)
        #expect(top2.actors.map(\.id) == ["ada", "carl"])
        #expect(top2.pairs.map { [$0.first, $0.second] } == [["ada", "carl"]])
        #expect(top2.count(between: "ada", and: "carl") == byWeek.count(between: "ada", and: "carl"))
        #expect(top2.positionedActorCount == 4)
        #expect(top2.agreementTable().contains("The 2 of 4 actors who took a position in the most weeks\n"))
        // By month Ada, Carl and the League each took a position in both months: the first by name is kept.
        let top1 = AgreementMatrix.make(dailyCounts: counts, actors: actors, frame: F.frame, by: .month, mostActive: 1)
        #expect(top1.actors.map(\.id) == ["ada"] && top1.pairs.isEmpty)
        // Asking for more actors than took a position keeps them all, and says nothing about it.
        let all = AgreementMatrix.make(dailyCounts: counts, actors: actors, frame: F.frame, by: .week, mostActive: 10)
        #expect(all == byWeek && !all.agreementTable().contains("took a position in the most"))
    }

    @Test func resultRoundTripsThroughJSON() throws {
        let decoded = try JSONDecoder().decode(AgreementMatrix.self, from: JSONEncoder().encode(byWeek))
        #expect(decoded == byWeek)
        #expect(decoded.count(between: "league", and: "ada") == Count(agreements: 2, disagreements: 0))
    }
}
