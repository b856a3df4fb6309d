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
        if let from, statement.date < from { return false }
        if let to, statement.date > to { return false }
        return true
    }
}

/// Every actor's leaning, period by period, across the corpus.
public struct CorpusTimeline: Hashable, Sendable, Codable {
    /// What one actor said in one period.
    public struct Cell: Hashable, Sendable, Codable {
        public var bucket: DateBucket
        public var tally: StanceTally
        /// The position leaned to (see `StanceTally.leaning`): a frame position, `mixed` or `none`.
        public var leaning: String
        /// The statements in the period, in date order.
        public var statementIDs: [String]
    }

    /// One actor's row.
    public struct Lane: Hashable, Sendable, Codable {
        public var actor: Actor
        /// Periods in which the actor said something, in order.
        public var cells: [Cell]
        /// Changes of leaning between frame positions from one period to a later one (periods
        /// leaning mixed or none are passed over); each names the first statement of the new one.
        public var changes: [PositionShift]

        public func cell(for bucket: DateBucket) -> Cell? { cells.first { $0.bucket == bucket } }
    }

    public var frame: Frame
    public var bucketing: DateBucketing
    /// Every period from the first statement (or the filter's `from`) to the last (or its `to`).
    public var buckets: [DateBucket]
    public var lanes: [Lane]

    public static func make(statements: [DatedStatement], frame: Frame, by bucketing: DateBucketing = .week,
                            filter: TimelineFilter = TimelineFilter()) -> CorpusTimeline {
        let shown = statements.countedChronologically(where: filter.admits)
        var actors: [String: Actor] = [:]
        var byActor: [String: [DatedStatement]] = [:]
        for dated in shown {
            if actors[dated.actor.id] == nil { actors[dated.actor.id] = dated.actor }
            byActor[dated.actor.id, default: []].append(dated)
        }
        let order = filter.actorIDs.map { ids in ids.compactMap { actors[$0] } }
            ?? actors.values.sorted(by: ComparisonSupport.byName)

        var lanes: [Lane] = []
        var seen: Set<String> = []
        for actor in order where seen.insert(actor.id).inserted {
            let lane = makeLane(actor: actor, statements: byActor[actor.id] ?? [], frame: frame, bucketing: bucketing)
            if let positions = filter.positions, !lane.cells.contains(where: { positions.contains($0.leaning) }) {
                continue
            }
            lanes.append(lane)
        }

        let kept = lanes.flatMap { $0.cells.map(\.bucket) }
        var buckets: [DateBucket] = []
        if let first = filter.from ?? kept.min()?.start, let last = filter.to ?? kept.max()?.end {
            buckets = bucketing.buckets(from: first, to: last)
        }
        return CorpusTimeline(frame: frame, bucketing: bucketing, buckets: buckets, lanes: lanes)
    }

    /// `statements` are the actor's, counted and in date order.
    private static func makeLane(actor: Actor, statements: [DatedStatement], frame: Frame,
                                 bucketing: DateBucketing) -> Lane {
        var groups: [(bucket: DateBucket, statements: [DatedStatement])] = []
        for dated in statements {
            if let last = groups.last, last.bucket.contains(dated.date) {
                groups[groups.count - 1].statements.append(dated)
            } else {
                groups.append((bucketing.bucket(of: dated.date), [dated]))
            }
        }
        let cells = groups.map { group in
            let tally = StanceTally(group.statements.map(\.stance))
            return Cell(bucket: group.bucket, tally: tally, leaning: tally.leaning(in: frame),
                        statementIDs: group.statements.map(\.id))
        }
        let changes = positionChanges(cells.map(\.leaning), in: frame).compactMap { change in
            groups[change.period].statements.first { $0.stance == change.to }.map {
                PositionShift(from: change.from, to: change.to, date: $0.date, statement: $0)
            }
        }
        return Lane(actor: actor, cells: cells, changes: changes)
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
