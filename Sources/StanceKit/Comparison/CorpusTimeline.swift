/// Which statements and actors a timeline shows. Every criterion left nil lets everything through.
public struct TimelineFilter: Hashable, Sendable, Codable {
    /// The actors to show, in this order; nil shows every actor, sorted by name.
    public var actorIDs: [String]?
    public var kinds: Set<ActorKind>?
    /// Keeps the actors who leaned to one of these stances (a frame position, `mixed` or `none`)
    /// in at least one period; their other periods stay, so the change is visible.
    public var positions: Set<String>?
    /// Keeps only statements reported by these outlets (compared ignoring case).
    public var outlets: Set<String>?
    public var from: Day?
    public var to: Day?

    public init(actorIDs: [String]? = nil, kinds: Set<ActorKind>? = nil, positions: Set<String>? = nil,
                outlets: Set<String>? = nil, from: Day? = nil, to: Day? = nil) {
        self.actorIDs = actorIDs
        self.kinds = kinds
        self.positions = positions
        self.outlets = outlets
        self.from = from
        self.to = to
    }

    func admits(_ statement: DatedStatement) -> Bool {
        if let actorIDs, !actorIDs.contains(statement.actor.id) { return false }
        if let kinds, !kinds.contains(statement.actor.kind) { return false }
        if let outlets {
            guard let outlet = statement.outlet?.lowercased(),
                  outlets.contains(where: { $0.lowercased() == outlet }) else { return false }
        }
        return admits(statement.date)
    }

    /// Whether `day` is within `from`...`to`.
    func admits(_ day: Day) -> Bool {
        if let from, day < from { return false }
        if let to, day > to { return false }
        return true
    }
}

/// Every actor's leaning, period by period, across the corpus. Made from each actor's statements
/// counted per day and stance (`make(dailyCounts:)`), which a workspace reads in one grouped query,
/// or from the statements themselves (`make(statements:)`), which also names each period's
/// statements and the statement behind each change.
public struct CorpusTimeline: Hashable, Sendable, Codable {
    /// What one actor said in one period.
    public struct Cell: Hashable, Sendable, Codable {
        public var bucket: DateBucket
        public var tally: StanceTally
        /// The position leaned to (see `StanceTally.leaning`): a frame position, `mixed` or `none`.
        public var leaning: String
        /// The statements in the period, in date order; nil when the timeline was made from counts.
        public var statementIDs: [String]?
    }

    /// One actor's row.
    public struct Lane: Hashable, Sendable, Codable {
        public var actor: Actor
        /// Periods in which the actor said something, in order.
        public var cells: [Cell]
        /// Changes of leaning between frame positions from one period to a later one (periods
        /// leaning mixed or none are passed over), each on the first day in the new period that a
        /// statement took the new position (naming that statement when made from statements).
        public var changes: [PositionShift]

        public func cell(for bucket: DateBucket) -> Cell? { cells.first { $0.bucket == bucket } }
    }

    public var frame: Frame
    public var bucketing: DateBucketing
    /// Every period from the first statement (or the filter's `from`) to the last (or its `to`).
    public var buckets: [DateBucket]
    public var lanes: [Lane]

    /// The timeline of `actors` from their standing statements counted per day and stance
    /// (`dailyCounts`, by actor id, each actor's in day order), narrowed by the filter's actors,
    /// kinds, positions and days. The counts must already be narrowed to the filter's outlets,
    /// which counts no longer know. Actors without counts have no lane.
    public static func make(dailyCounts: [String: [DailyStanceCount]], actors: [Actor], frame: Frame,
                            by bucketing: DateBucketing = .week, filter: TimelineFilter = TimelineFilter()) -> CorpusTimeline {
        var byID: [String: Actor] = [:]
        for actor in actors where byID[actor.id] == nil && dailyCounts[actor.id] != nil {
            if let kinds = filter.kinds, !kinds.contains(actor.kind) { continue }
            byID[actor.id] = actor
        }
        let order = filter.actorIDs.map { ids in ids.compactMap { byID[$0] } } ?? ComparisonSupport.sortedByName(byID.values)

        // Each lane's periods first, by their first day; the cells take their bucket (with its
        // labels, which cost more to make than anything else here) from the axis made once.
        var rows: [(actor: Actor, counts: [DailyStanceCount], periods: [Period])] = []
        var seen: Set<String> = []
        for actor in order where seen.insert(actor.id).inserted {
            let counts = (dailyCounts[actor.id] ?? []).dated(from: filter.from, to: filter.to)
            let periods = Period.periods(of: counts, by: bucketing, frame: frame)
            if periods.isEmpty { continue }
            if let positions = filter.positions, !periods.contains(where: { positions.contains($0.leaning) }) { continue }
            rows.append((actor, counts, periods))
        }

        var buckets: [DateBucket] = []
        let starts = rows.flatMap { [$0.periods.first!.start, $0.periods.last!.start] }
        if let first = filter.from ?? starts.min(), let last = filter.to ?? starts.max() {
            buckets = bucketing.buckets(from: first, to: last)
        }
        let axis = Dictionary(buckets.map { ($0.start, $0) }, uniquingKeysWith: { first, _ in first })
        let lanes = rows.map { row in
            let cells = row.periods.map { period in
                Cell(bucket: axis[period.start] ?? bucketing.bucket(of: period.start), tally: period.tally,
                     leaning: period.leaning, statementIDs: nil)
            }
            let changes = positionChanges(row.periods.map(\.leaning), in: frame).compactMap { change in
                row.counts[row.periods[change.period].counts].first { $0.stance == change.to }.map {
                    PositionShift(from: change.from, to: change.to, date: $0.day, statement: nil)
                }
            }
            return Lane(actor: row.actor, cells: cells, changes: changes)
        }
        return CorpusTimeline(frame: frame, bucketing: bucketing, buckets: buckets, lanes: lanes)
    }

    /// The timeline of `statements` (those not rejected that the filter admits), made from their
    /// counts as `make(dailyCounts:)` makes it, with each period's statements named and each
    /// change's statement: the first in date order of the new period to take the new position.
    public static func make(statements: [DatedStatement], frame: Frame, by bucketing: DateBucketing = .week,
                            filter: TimelineFilter = TimelineFilter()) -> CorpusTimeline {
        let shown = statements.countedChronologically(where: filter.admits)
        var timeline = make(dailyCounts: DailyStanceCount.counts(of: shown), actors: shown.distinctActors, frame: frame,
                            by: bucketing, filter: filter)
        timeline.nameStatements(Dictionary(grouping: shown.map(CountedStatement.init), by: \.actorID)) { ids in
            let wanted = Set(ids)
            return shown.filter { wanted.contains($0.id) }
        }
        return timeline
    }

    /// Names each period's statements and each change's statement (the first in date order of the
    /// new period to take the new position), from the counted statements the lanes were made of
    /// (`counted`, by actor id, each actor's in date order, none outside the filter's days);
    /// `statements` gives the whole statements of the ids the changes name, read once for all.
    /// Statements in no period (counted after the lanes were) are passed over.
    public mutating func nameStatements(_ counted: [String: [CountedStatement]],
                                        reading statements: ([String]) throws -> [DatedStatement]) rethrows {
        var named: [(lane: Int, change: Int, id: String)] = []
        for index in lanes.indices {
            let own = counted[lanes[index].actor.id] ?? []
            var next = own.startIndex
            for cell in lanes[index].cells.indices {
                let bucket = lanes[index].cells[cell].bucket
                while next < own.endIndex, own[next].date < bucket.start { next += 1 }
                let first = next
                while next < own.endIndex, bucket.contains(own[next].date) { next += 1 }
                lanes[index].cells[cell].statementIDs = own[first..<next].map(\.id)
            }
            for (change, shift) in lanes[index].changes.enumerated() {
                if let taken = own.first(where: { $0.date == shift.date && $0.stance == shift.to }) {
                    named.append((index, change, taken.id))
                }
            }
        }
        guard !named.isEmpty else { return }
        let byID = Dictionary(try statements(named.map(\.id)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (lane, change, id) in named { lanes[lane].changes[change].statement = byID[id] }
    }

    /// `ReportJSON.encode(self)`, handed to `output` a few lanes at a time: a corpus of thousands
    /// of actors names hundreds of thousands of statements, whose JSON tree alone took hundreds of
    /// megabytes.
    public func writeJSON(to output: (String) -> Void) throws {
        var skeleton = self
        skeleton.lanes = []
        try ReportJSON.write(skeleton, key: CodingKeys.lanes.stringValue, elements: lanes, chunkSize: 64, to: output)
    }

    /// An actor's statements in one period: their tally, its leaning, and which of the actor's
    /// counts (in day order) fall in it.
    private struct Period {
        var start: Day
        var tally = StanceTally()
        var leaning = Frame.none
        var counts: Range<Int>

        /// `counts` (in day order) grouped into periods, in order.
        static func periods(of counts: [DailyStanceCount], by bucketing: DateBucketing, frame: Frame) -> [Period] {
            var periods: [Period] = []
            for (index, count) in counts.enumerated() {
                let start = bucketing.start(of: count.day)
                if periods.last?.start != start { periods.append(Period(start: start, counts: index..<index)) }
                periods[periods.count - 1].tally.add(count.stance, times: count.count)
                periods[periods.count - 1].counts = periods[periods.count - 1].counts.lowerBound..<index + 1
            }
            for index in periods.indices { periods[index].leaning = periods[index].tally.leaning(in: frame) }
            return periods
        }
    }

    /// The changes of leaning between frame positions in an actor's periods (`leanings`, in order):
    /// each from the position last held to the new one, with the index of the period that took it;
    /// periods leaning mixed or none are passed over.
    public static func positionChanges(_ leanings: [String], in frame: Frame) -> [(from: String, to: String, period: Int)] {
        var changes: [(from: String, to: String, period: Int)] = []
        var held: String?
        for (period, leaning) in leanings.enumerated() where ComparisonSupport.isPosition(leaning, in: frame) {
            if let held, held != leaning { changes.append((held, leaning, period)) }
            held = leaning
        }
        return changes
    }

    public func lane(for actorID: String) -> Lane? { lanes.first { $0.actor.id == actorID } }

    /// The actor's first change of position in a period after the one containing `day`.
    public func nextChange(for actorID: String, after day: Day) -> PositionShift? {
        let current = bucketing.start(of: day)
        return lane(for: actorID)?.changes.first { bucketing.start(of: $0.date) > current }
    }

    /// The actor's last change of position in a period before the one containing `day`.
    public func previousChange(for actorID: String, before day: Day) -> PositionShift? {
        let current = bucketing.start(of: day)
        return lane(for: actorID)?.changes.last { bucketing.start(of: $0.date) < current }
    }
}
