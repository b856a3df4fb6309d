/// The length of the periods statements are grouped into.
public enum BucketSize: String, Sendable, Codable, CaseIterable {
    case day, week, month

    /// The axis step of the same length, whose serial numbers do the calendar arithmetic.
    public var granularity: TimelineGranularity {
        switch self {
        case .day: .day
        case .week: .week
        case .month: .month
        }
    }
}

/// One period: a day, an ISO week (Monday to Sunday) or a calendar month. Identified by its size
/// and first day; the label is carried along so results print and encode without the bucketing.
public struct DateBucket: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let size: BucketSize
    /// The first day of the period (a Monday for weeks, the 1st for months).
    public let start: Day
    /// The last day of the period, inclusive.
    public let end: Day
    public let label: String
    /// The label without its year ("W11", "03-12", "Mar 10-16", "Mar"), for axes that already
    /// showed the year.
    public let shortLabel: String
    /// The year the label names (the ISO week-numbering year for ISO weeks).
    public let year: Int

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    public var description: String { label }

    public static func == (a: DateBucket, b: DateBucket) -> Bool { a.size == b.size && a.start == b.start }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(size)
        hasher.combine(start)
    }
    public static func < (a: DateBucket, b: DateBucket) -> Bool { a.start < b.start }
}

/// Groups days into periods and names them.
public struct DateBucketing: Hashable, Sendable, Codable {
    /// How a week is named.
    public enum WeekLabel: String, Sendable, Codable, CaseIterable {
        /// ISO 8601 week: "2031-W11" (the ISO year may differ from the calendar year near 1 January).
        case iso
        /// The days it spans: "Mar 9-15 2031", "Mar 30-Apr 5 2031", "Dec 29 2031-Jan 4 2032".
        case range
    }

    public var size: BucketSize
    public var weekLabel: WeekLabel

    public init(_ size: BucketSize, weekLabel: WeekLabel = .iso) {
        self.size = size
        self.weekLabel = weekLabel
    }

    public static let day = DateBucketing(.day)
    public static let week = DateBucketing(.week)
    public static let month = DateBucketing(.month)

    /// The first day of the period that contains `day`: a cheap key for grouping, where
    /// `bucket(of:)` also builds the labels.
    public func start(of day: Day) -> Day { size.granularity.firstDay(ofSerial: size.granularity.serial(of: day)) }

    /// The period that contains `day`.
    public func bucket(of day: Day) -> DateBucket {
        let start = start(of: day)
        let end: Day
        switch size {
        case .day: end = start
        case .week: end = start.adding(days: 6)
        case .month: end = start.adding(days: Day.daysIn(month: start.month, year: start.year) - 1)
        }
        let (label, shortLabel, year) = labels(start: start, end: end)
        return DateBucket(size: size, start: start, end: end, label: label, shortLabel: shortLabel, year: year)
    }

    public func label(of day: Day) -> String { bucket(of: day).label }

    /// The period `count` periods after (or, when negative, before) `bucket`.
    public func advance(_ bucket: DateBucket, by count: Int) -> DateBucket {
        let granularity = size.granularity
        return self.bucket(of: granularity.firstDay(ofSerial: granularity.serial(of: bucket.start) + count))
    }

    public func next(after bucket: DateBucket) -> DateBucket { advance(bucket, by: 1) }
    public func previous(before bucket: DateBucket) -> DateBucket { advance(bucket, by: -1) }

    /// How many periods `later` lies after `earlier` (negative when it lies before).
    public func distance(from earlier: DateBucket, to later: DateBucket) -> Int {
        periods(from: earlier.start, to: later.start)
    }

    /// How many periods the one containing `later` lies after the one containing `earlier`.
    func periods(from earlier: Day, to later: Day) -> Int {
        size.granularity.serial(of: later) - size.granularity.serial(of: earlier)
    }

    /// Every period from the one containing `from` to the one containing `to`, in order; empty
    /// when `to` is before `from`.
    public func buckets(from: Day, to: Day) -> [DateBucket] {
        guard from <= to else { return [] }
        var buckets = [bucket(of: from)]
        while buckets[buckets.count - 1].end < to {
            buckets.append(next(after: buckets[buckets.count - 1]))
        }
        return buckets
    }

    private func labels(start: Day, end: Day) -> (label: String, short: String, year: Int) {
        let monthName = { (day: Day) in Day.monthAbbreviations[day.month - 1] }
        let twoDigits = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        switch size {
        case .day:
            return (start.description, "\(twoDigits(start.month))-\(twoDigits(start.day))", start.year)
        case .month:
            return ("\(monthName(start)) \(start.year)", monthName(start), start.year)
        case .week:
            switch weekLabel {
            case .iso:
                let week = DateBucketing.isoWeek(of: start)
                return ("\(week.year)-W\(twoDigits(week.week))", "W\(twoDigits(week.week))", week.year)
            case .range:
                let days = start.month == end.month
                    ? "\(monthName(start)) \(start.day)-\(end.day)"
                    : "\(monthName(start)) \(start.day)-\(monthName(end)) \(end.day)"
                let label = start.year == end.year
                    ? "\(days) \(end.year)"
                    : "\(monthName(start)) \(start.day) \(start.year)-\(monthName(end)) \(end.day) \(end.year)"
                return (label, days, start.year)
            }
        }
    }

    /// ISO 8601 week-numbering year and week of `day`: the week belongs to the year that holds its
    /// Thursday, and week 1 is the week with the year's first Thursday.
    public static func isoWeek(of day: Day) -> (year: Int, week: Int) {
        let thursday = day.adding(days: 4 - day.weekday)
        let firstOfYear = Day(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, (thursday.ordinal - firstOfYear.ordinal) / 7 + 1)
    }
}
