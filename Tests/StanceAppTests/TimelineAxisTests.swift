import StanceKit
import Testing

@Suite struct TimelineAxisTests {
    let day = { (text: String) in Day(iso: text)! }

    @Test func bucketsRoundTripThroughTheirFirstDay() {
        for granularity in TimelineGranularity.allCases {
            for offset in stride(from: -800, through: 800, by: 37) {
                let date = Day(ordinal: day("2024-02-29").ordinal + offset)
                let first = granularity.firstDay(ofSerial: granularity.serial(of: date))
                #expect(first <= date, "\(granularity) \(date)")
                #expect(granularity.serial(of: first) == granularity.serial(of: date))
                #expect(granularity.serial(of: first.adding(days: -1)) == granularity.serial(of: date) - 1)
            }
        }
        #expect(TimelineGranularity.week.firstDay(ofSerial: TimelineGranularity.week.serial(of: day("2026-03-05"))) == day("2026-03-02"))
        #expect(TimelineGranularity.week.firstDay(ofSerial: 0).weekday == 1)
    }

    @Test func automaticGranularityIsTheFinestThatFits() {
        let first = day("2026-03-02"), last = day("2026-04-06")   // 36 days, 6 weeks
        #expect(TimelineAxis.automaticGranularity(from: first, to: last, columns: 80, minimumColumnsPerBucket: 2) == .day)
        #expect(TimelineAxis.automaticGranularity(from: first, to: last, columns: 60, minimumColumnsPerBucket: 2) == .week)
        #expect(TimelineAxis.automaticGranularity(from: first, to: last, columns: 3, minimumColumnsPerBucket: 1) == .month)
        #expect(TimelineAxis.automaticGranularity(from: day("1990-01-01"), to: day("2026-01-01"), columns: 40) == .year)
    }

    @Test func axisCountsBucketsAndPlacesDays() {
        let axis = TimelineAxis(from: day("2026-04-06"), to: day("2026-03-02"), granularity: .week)
        #expect(axis.bucketCount == 6)
        #expect(axis.bucket(of: day("2026-03-08")) == 0)
        #expect(axis.bucket(of: day("2026-03-09")) == 1)
        #expect(axis.label(ofBucket: 1) == "Mar 9")
        let months = TimelineAxis(from: day("2025-11-20"), to: day("2026-02-01"), granularity: .month)
        #expect((0..<months.bucketCount).map { months.label(ofBucket: $0) } == ["Nov", "Dec", "Jan 2026", "Feb"])
        let quarters = TimelineAxis(from: day("2025-11-20"), to: day("2026-02-01"), granularity: .quarter)
        #expect(quarters.label(ofBucket: 1) == "Q1 2026")
    }

    @Test func labelsNeverTouchAndLandOnRoundDates() {
        let axis = TimelineAxis(from: day("2026-01-01"), to: day("2026-03-31"), granularity: .day)
        for columns in 1...6 {
            let labels = axis.labels(visible: 0..<axis.bucketCount, columnsPerBucket: columns)
            #expect(!labels.isEmpty)
            for (a, b) in zip(labels, labels.dropFirst()) {
                #expect(a.column + a.text.count < b.column, "labels touch at \(columns) columns a day")
            }
            #expect(labels[0].text.hasSuffix("2026"), "the first label names the year")
        }
        // One column a day: labels only fit a week apart, on Mondays.
        let weekly = axis.labels(visible: 0..<axis.bucketCount, columnsPerBucket: 1)
        #expect(weekly.dropFirst().allSatisfy { axis.firstDay(ofBucket: $0.bucket).weekday == 1 })
        let monthly = TimelineAxis(from: day("2020-01-01"), to: day("2026-12-31"), granularity: .month)
        let sparse = monthly.labels(visible: 0..<monthly.bucketCount, columnsPerBucket: 1)
        #expect(sparse.allSatisfy { monthly.firstDay(ofBucket: $0.bucket).month == 1 })
    }

    @Test func rowsOrderByActivityAndCombineStances() {
        let rows = [
            TimelineRow(id: "a", label: "Zed", events: [TimelineEvent(id: 1, day: day("2026-01-02"), stance: "x")]),
            TimelineRow(id: "b", label: "Amy", events: [TimelineEvent(id: 2, day: day("2026-01-05"), stance: "y"),
                                                        TimelineEvent(id: 3, day: day("2026-01-01"), stance: "x")]),
            TimelineRow(id: "c", label: "Bob", events: [TimelineEvent(id: 4, day: day("2026-01-03"), stance: "y")]),
            TimelineRow<String, Int>(id: "d", label: "Nobody", events: []),
        ]
        let ordered = Timeline.orderedByActivity(rows)
        #expect(ordered.map(\.id) == ["b", "c", "a"])
        #expect(ordered[0].events.map(\.id) == [3, 2])
        #expect(Timeline.dateRange(of: rows) == day("2026-01-01")...day("2026-01-05"))
        #expect(Timeline.combinedStance(["x", "x"]) == "x")
        #expect(Timeline.combinedStance(["x", "y"]) == Frame.mixed)
        #expect(Timeline.combinedStance([String]()) == nil)
    }
}
