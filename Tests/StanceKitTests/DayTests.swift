import Testing
@testable import StanceKit

@Suite struct DayTests {
    @Test func rejectsImpossibleDates() {
        #expect(Day(year: 2023, month: 2, day: 31) == nil)
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day(iso: "2022-13-01") == nil)
    }

    @Test func ordinalRoundTripsAndKnowsWeekdays() {
        let day = Day(year: 2022, month: 11, day: 10)!
        #expect(Day(ordinal: day.ordinal) == day)
        #expect(day.weekday == 4) // a Thursday
        #expect(day.adding(days: -1).description == "2022-11-09")
        #expect(Day(year: 1970, month: 1, day: 1)!.ordinal == 0)
    }
}
