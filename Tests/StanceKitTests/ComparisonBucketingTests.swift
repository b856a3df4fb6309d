import Testing
import Foundation
@testable import StanceKit

@Suite struct ComparisonBucketingTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test func labelsPerSize() {
        #expect(DateBucketing.day.label(of: day("2031-03-12")) == "2031-03-12")
        #expect(DateBucketing.week.label(of: day("2031-03-12")) == "2031-W11")
        #expect(DateBucketing(.week, weekLabel: .range).label(of: day("2031-03-12")) == "Mar 10-16 2031")
        #expect(DateBucketing(.week, weekLabel: .range).label(of: day("2031-04-01")) == "Mar 31-Apr 6 2031")
        #expect(DateBucketing(.week, weekLabel: .range).label(of: day("2032-01-01")) == "Dec 29 2031-Jan 4 2032")
        #expect(DateBucketing.month.label(of: day("2031-03-12")) == "Mar 2031")
    }

    @Test func weeksStartOnMonday() {
        let week = DateBucketing.week.bucket(of: day("2031-03-16"))   // a Sunday
        #expect(week.start == day("2031-03-10") && week.end == day("2031-03-16"))
        #expect(DateBucketing.week.bucket(of: day("2031-03-17")).start == day("2031-03-17"))
        #expect(week.contains(day("2031-03-10")) && !week.contains(day("2031-03-17")))
        #expect(!week.contains(day("2031-03-09")))
    }

    @Test func isoWeeksAcrossYearBoundaries() {
        // 2026 starts on a Thursday, so it has a week 53 that runs into 2027.
        #expect(DateBucketing.week.label(of: day("2026-12-31")) == "2026-W53")
        #expect(DateBucketing.week.label(of: day("2027-01-03")) == "2026-W53")
        #expect(DateBucketing.week.label(of: day("2027-01-04")) == "2027-W01")
        // ...while the last days of 2024 already belong to week 1 of 2025.
        #expect(DateBucketing.week.label(of: day("2024-12-30")) == "2025-W01")
        #expect(DateBucketing.week.label(of: day("2021-01-03")) == "2020-W53")
        #expect(DateBucketing.week.next(after: DateBucketing.week.bucket(of: day("2026-12-28"))).label == "2027-W01")
        #expect(DateBucketing.week.previous(before: DateBucketing.week.bucket(of: day("2027-01-04"))).label == "2026-W53")
    }

    @Test func monthsKnowLeapYears() {
        #expect(DateBucketing.month.bucket(of: day("2024-02-10")).end == day("2024-02-29"))
        #expect(DateBucketing.month.bucket(of: day("2023-02-10")).end == day("2023-02-28"))
        #expect(DateBucketing.month.bucket(of: day("2100-02-10")).end == day("2100-02-28"))
        #expect(DateBucketing.month.bucket(of: day("2000-02-10")).end == day("2000-02-29"))
        #expect(DateBucketing.day.next(after: DateBucketing.day.bucket(of: day("2024-02-28"))).label == "2024-02-29")
        #expect(DateBucketing.day.next(after: DateBucketing.day.bucket(of: day("2023-02-28"))).label == "2023-03-01")
    }

    @Test func nextAndPreviousCrossYears() {
        let december = DateBucketing.month.bucket(of: day("2031-12-25"))
        #expect(DateBucketing.month.next(after: december).label == "Jan 2032")
        #expect(DateBucketing.month.previous(before: DateBucketing.month.next(after: december)) == december)
        #expect(DateBucketing.month.advance(december, by: -13).label == "Nov 2030")
        #expect(DateBucketing.month.advance(december, by: 26).label == "Feb 2034")
        #expect(DateBucketing.day.previous(before: DateBucketing.day.bucket(of: day("2032-01-01"))).label == "2031-12-31")
    }

    @Test func bucketsSpanningARange() {
        #expect(DateBucketing.month.buckets(from: day("2031-11-15"), to: day("2032-02-01")).map(\.label)
                == ["Nov 2031", "Dec 2031", "Jan 2032", "Feb 2032"])
        #expect(DateBucketing.week.buckets(from: day("2026-12-20"), to: day("2027-01-04")).map(\.label)
                == ["2026-W51", "2026-W52", "2026-W53", "2027-W01"])
        #expect(DateBucketing.day.buckets(from: day("2024-02-28"), to: day("2024-03-01")).count == 3)
        #expect(DateBucketing.day.buckets(from: day("2024-03-01"), to: day("2024-02-28")).isEmpty)
        #expect(DateBucketing.month.buckets(from: day("2031-03-31"), to: day("2031-03-01")).isEmpty)
    }

    @Test func distanceCountsWholePeriods() {
        let week = DateBucketing.week
        #expect(week.distance(from: week.bucket(of: day("2026-12-28")), to: week.bucket(of: day("2027-01-11"))) == 2)
        #expect(week.distance(from: week.bucket(of: day("2027-01-10")), to: week.bucket(of: day("2026-12-28"))) == -1)
        let month = DateBucketing.month
        #expect(month.distance(from: month.bucket(of: day("2030-11-30")), to: month.bucket(of: day("2031-02-01"))) == 3)
    }

    @Test func bucketsEncodeWithTheirLabel() throws {
        let bucket = DateBucketing.week.bucket(of: day("2031-03-12"))
        let decoded = try JSONDecoder().decode(DateBucket.self, from: JSONEncoder().encode(bucket))
        #expect(decoded == bucket && decoded.label == "2031-W11" && decoded.end == day("2031-03-16"))
    }
}
