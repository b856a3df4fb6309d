/// How coarse one step of a date axis is. Ordered from finest to coarsest, so zooming in is a step
/// towards `.day`.
public enum TimelineGranularity: Int, CaseIterable, Sendable, Comparable, CustomStringConvertible {
    case day, week, month, quarter, year

    public static func < (a: TimelineGranularity, b: TimelineGranularity) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .day: return "days"
        case .week: return "weeks"
        case .month: return "months"
        case .quarter: return "quarters"
        case .year: return "years"
        }
    }

    /// The next finer granularity, or nil at `.day`.
    public var finer: TimelineGranularity? { TimelineGranularity(rawValue: rawValue - 1) }
    /// The next coarser granularity, or nil at `.year`.
    public var coarser: TimelineGranularity? { TimelineGranularity(rawValue: rawValue + 1) }

    /// A number that grows by one from each bucket to the next, so bucket arithmetic is subtraction.
    /// Weeks start on Monday (ISO 8601).
    public func serial(of day: Day) -> Int {
        switch self {
        case .day: return day.ordinal
        case .week: return Self.floorDivide(day.ordinal - (day.weekday - 1) + 3, 7)
        case .month: return day.year * 12 + day.month - 1
        case .quarter: return day.year * 4 + (day.month - 1) / 3
        case .year: return day.year
        }
    }

    /// The first day of the bucket with this serial number.
    public func firstDay(ofSerial serial: Int) -> Day {
        switch self {
        case .day: return Day(ordinal: serial)
        // Serial 0 is the week of 1970-01-01, a Thursday; its Monday is three days earlier.
        case .week: return Day(ordinal: serial * 7 - 3)
        case .month:
            return Day(year: Self.floorDivide(serial, 12), month: serial - Self.floorDivide(serial, 12) * 12 + 1, day: 1)!
        case .quarter:
            let year = Self.floorDivide(serial, 4)
            return Day(year: year, month: (serial - year * 4) * 3 + 1, day: 1)!
        case .year: return Day(year: serial, month: 1, day: 1)!
        }
    }

    /// Strides (in buckets) at which labels may be placed, finest first; each divides a natural
    /// larger unit so labels land on round dates.
    fileprivate var labelStrides: [Int] {
        switch self {
        case .day: return [1, 2, 7, 14]
        case .week: return [1, 2, 4, 8, 13, 26]
        case .month: return [1, 2, 3, 6, 12]
        case .quarter: return [1, 2, 4]
        case .year: return [1, 2, 5, 10, 20, 50, 100]
        }
    }

    fileprivate static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}

/// A label of a date axis: the column (relative to the axis' first visible column) where it starts.
public struct TimelineAxisLabel: Hashable, Sendable {
    public var column: Int
    public var text: String
    public var bucket: Int
}

/// A date axis from the bucket of `first` to the bucket of `last`, at one granularity. Buckets are
/// numbered from 0; a front end decides how many columns a bucket takes.
public struct TimelineAxis: Hashable, Sendable {
    public let granularity: TimelineGranularity
    public let firstSerial: Int
    public let bucketCount: Int

    public init(from first: Day, to last: Day, granularity: TimelineGranularity) {
        let (low, high) = first <= last ? (first, last) : (last, first)
        self.granularity = granularity
        self.firstSerial = granularity.serial(of: low)
        self.bucketCount = granularity.serial(of: high) - firstSerial + 1
    }

    /// The finest granularity whose buckets fit in `columns` with at least `minimumColumnsPerBucket`
    /// columns each; `.year` when nothing finer fits.
    public static func automaticGranularity(from first: Day, to last: Day, columns: Int,
                                            minimumColumnsPerBucket: Int = 1) -> TimelineGranularity {
        for granularity in TimelineGranularity.allCases {
            let axis = TimelineAxis(from: first, to: last, granularity: granularity)
            if axis.bucketCount * max(1, minimumColumnsPerBucket) <= columns { return granularity }
        }
        return .year
    }

    /// The bucket holding `day`; outside `0..<bucketCount` when the day is outside the axis.
    public func bucket(of day: Day) -> Int { granularity.serial(of: day) - firstSerial }

    public func firstDay(ofBucket bucket: Int) -> Day { granularity.firstDay(ofSerial: firstSerial + bucket) }

    /// A short readable name of a bucket: "Nov 10", "Nov 7" (a week by its Monday), "Nov 2022",
    /// "Q4 2022", "2022". `withYear` adds the year to day and week labels.
    public func label(ofBucket bucket: Int, withYear: Bool = false) -> String {
        let day = firstDay(ofBucket: bucket)
        let month = Day.monthAbbreviations[day.month - 1]
        switch granularity {
        case .day, .week: return withYear ? "\(month) \(day.day) \(day.year)" : "\(month) \(day.day)"
        case .month: return (withYear || day.month == 1) ? "\(month) \(day.year)" : month
        case .quarter: return "Q\((day.month - 1) / 3 + 1) \(day.year)"
        case .year: return "\(day.year)"
        }
    }

    /// Labels for the buckets `visible`, drawn `columnsPerBucket` wide from column 0, at the finest
    /// round stride where no two labels touch. The first label carries the year.
    public func labels(visible: Range<Int>, columnsPerBucket: Int) -> [TimelineAxisLabel] {
        let clamped = visible.clamped(to: 0..<bucketCount)
        guard !clamped.isEmpty else { return [] }
        let width = max(1, columnsPerBucket)
        for stride in granularity.labelStrides {
            if let labels = placedLabels(in: clamped, columnsPerBucket: width, stride: stride) { return labels }
        }
        let first = clamped.lowerBound
        return [TimelineAxisLabel(column: 0, text: label(ofBucket: first, withYear: true), bucket: first)]
    }

    private func placedLabels(in visible: Range<Int>, columnsPerBucket: Int, stride: Int) -> [TimelineAxisLabel]? {
        var labels: [TimelineAxisLabel] = []
        var nextFreeColumn = 0
        for bucket in visible where isRound(bucket, stride: stride) {
            let column = (bucket - visible.lowerBound) * columnsPerBucket
            let text = label(ofBucket: bucket, withYear: labels.isEmpty)
            if column < nextFreeColumn { return nil }
            labels.append(TimelineAxisLabel(column: column, text: text, bucket: bucket))
            nextFreeColumn = column + text.count + 1
        }
        return labels
    }

    private func isRound(_ bucket: Int, stride: Int) -> Bool {
        let serial = firstSerial + bucket
        let day = granularity.firstDay(ofSerial: serial)
        switch (granularity, stride) {
        case (.day, 7): return day.weekday == 1
        case (.day, 14): return day.weekday == 1 && TimelineGranularity.week.serial(of: day) % 2 == 0
        case (.month, _): return (day.month - 1) % stride == 0
        case (.quarter, _): return ((day.month - 1) / 3) % stride == 0
        case (.year, _): return day.year % stride == 0
        default: return serial % stride == 0
        }
    }
}
