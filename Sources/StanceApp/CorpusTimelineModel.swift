import StanceKit

/// Every actor's leaning, period by period, as StanceKit's `CorpusTimeline` has it, made from each
/// actor's statements counted per day and stance (one grouped query) instead of from every
/// statement: the corpus timeline of a large workspace opens without reading a statement. The
/// first statement of a period is read when it is opened.
public struct CorpusTimelineModel: Sendable {
    /// What one actor said in one period.
    public struct Cell: Hashable, Sendable {
        public var bucket: DateBucket
        public var tally: StanceTally
        /// The position leaned to (see `StanceTally.leaning`): a frame position, `mixed` or `none`.
        public var leaning: String
    }

    /// A change of leaning between frame positions, on the first day of the new period that
    /// took the new position.
    public struct Shift: Hashable, Sendable {
        public var from: String
        public var to: String
        public var date: Day
    }

    /// One actor's row.
    public struct Lane: Hashable, Sendable {
        public var actor: CorpusActor
        /// Periods in which the actor said something, in order.
        public var cells: [Cell]
        /// Changes of leaning between frame positions (periods leaning mixed or none are passed over).
        public var changes: [Shift]

        public func cell(for bucket: DateBucket) -> Cell? { cells.first { $0.bucket == bucket } }
    }

    public var bucketing: DateBucketing
    /// Every period from the first kept statement to the last.
    public var buckets: [DateBucket]
    /// Actors sorted by name.
    public var lanes: [Lane]

    /// The lanes of `actors` that have counts in `dailyCounts` (already narrowed to the filter's
    /// outlets), narrowed by the filter's kinds and positions.
    public init(dailyCounts: [CorpusActorID: [DailyStanceCount]], actors: [CorpusActor], frame: Frame,
                by bucketing: DateBucketing, filter: TimelineFilter) {
        self.bucketing = bucketing
        let shown = actors.filter { actor in
            dailyCounts[actor.id] != nil && (filter.kinds?.contains(actor.kind) ?? true)
        }.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
        // Periods by their first day, each with the range of its counts (in day order); cells take
        // their bucket (with its labels) from the axis.
        typealias Period = (start: Day, tally: StanceTally, counts: Range<Int>)
        var tallies: [CorpusActorID: [(start: Day, tally: StanceTally, counts: Range<Int>, leaning: String)]] = [:]
        var first: Day?, last: Day?
        for actor in shown {
            let counts = dailyCounts[actor.id] ?? []
            var periods: [Period] = []
            for (index, count) in counts.enumerated() {
                let start = bucketing.start(of: count.day)
                if periods.last?.start != start { periods.append((start, StanceTally(), index..<index)) }
                for _ in 0..<count.count { periods[periods.count - 1].tally.add(count.stance) }
                periods[periods.count - 1].counts = periods[periods.count - 1].counts.lowerBound..<index + 1
            }
            let leaned = periods.map {
                (start: $0.start, tally: $0.tally, counts: $0.counts, leaning: $0.tally.leaning(in: frame))
            }
            if let positions = filter.positions, !leaned.contains(where: { positions.contains($0.leaning) }) { continue }
            tallies[actor.id] = leaned
            if let start = periods.first?.start { first = min(first ?? start, start) }
            if let start = periods.last?.start { last = max(last ?? start, start) }
        }
        buckets = first.flatMap { first in last.map { bucketing.buckets(from: first, to: $0) } } ?? []
        let axis = Dictionary(uniqueKeysWithValues: buckets.map { ($0.start, $0) })
        lanes = shown.compactMap { actor in
            guard let periods = tallies[actor.id], let counts = dailyCounts[actor.id] else { return nil }
            let cells = periods.map {
                Cell(bucket: axis[$0.start] ?? bucketing.bucket(of: $0.start), tally: $0.tally, leaning: $0.leaning)
            }
            let changes = CorpusTimeline.positionChanges(periods.map(\.leaning), in: frame).compactMap { change in
                counts[periods[change.period].counts].first { $0.stance == change.to }.map {
                    Shift(from: change.from, to: change.to, date: $0.day)
                }
            }
            return Lane(actor: actor, cells: cells, changes: changes)
        }
    }

    public func lane(for actorID: CorpusActorID) -> Lane? { lanes.first { $0.actor.id == actorID } }

    /// The actor's first change of position in a period after the one containing `day`.
    public func nextChange(for actorID: CorpusActorID, after day: Day) -> Shift? {
        let current = bucketing.start(of: day)
        return lane(for: actorID)?.changes.first { bucketing.start(of: $0.date) > current }
    }

    /// The actor's last change of position in a period before the one containing `day`.
    public func previousChange(for actorID: CorpusActorID, before day: Day) -> Shift? {
        let current = bucketing.start(of: day)
        return lane(for: actorID)?.changes.last { bucketing.start(of: $0.date) < current }
    }
}
