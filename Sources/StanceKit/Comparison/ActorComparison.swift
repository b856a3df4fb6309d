/// A position an actor took, when, and in which statement.
public struct DatedPosition: Hashable, Sendable, Codable {
    public var position: String
    public var date: Day
    public var statementID: String
}

/// A change of position: the actor's previous frame position, the new one, and the statement that
/// first took the new one. Mixed and none statements neither start nor end a shift.
public struct PositionShift: Hashable, Sendable, Codable {
    public var from: String
    public var to: String
    public var date: Day
    /// Nil in a corpus timeline made from counts (`CorpusTimeline.make(dailyCounts:)`), which
    /// knows the day but not the statement.
    public var statement: DatedStatement?
}

/// What one actor said over a period, in brief: the header of a comparison.
public struct ComparedActor: Hashable, Sendable, Codable {
    public var actor: Actor
    /// The period summarised; nil ends when the comparison had no statements to derive it from.
    public var from: Day?
    public var to: Day?
    /// Statements per stance value.
    public var tally: StanceTally
    /// The first and latest statements that took a frame position.
    public var first: DatedPosition?
    public var latest: DatedPosition?
    public var shifts: [PositionShift]

    public var statementCount: Int { tally.total }

    /// Summarises `statements` (all by `actor`, counted and in date order).
    init(actor: Actor, from: Day?, to: Day?, statements: [DatedStatement], frame: Frame) {
        self.actor = actor
        self.from = from
        self.to = to
        tally = StanceTally(statements.map(\.stance))
        let positioned = statements.filter { ComparisonSupport.isPosition($0.stance, in: frame) }
        let dated = { (s: DatedStatement) in DatedPosition(position: s.stance, date: s.date, statementID: s.id) }
        first = positioned.first.map(dated)
        latest = positioned.last.map(dated)
        shifts = zip(positioned, positioned.dropFirst()).compactMap { previous, next in
            previous.stance == next.stance ? nil
                : PositionShift(from: previous.stance, to: next.stance, date: next.date, statement: next)
        }
    }
}

/// Two actors side by side, period by period: the answer to "where does A stand against B, and
/// when did that change?". Also compares one actor with themself across two periods.
public struct ActorComparison: Hashable, Sendable, Codable {
    /// How rows pair the two sides' periods.
    public enum Alignment: String, Sendable, Codable {
        /// Both sides cover the same dates; a row is one calendar period.
        case calendar
        /// Each side has its own period; row n holds the nth bucket of each.
        case offset
    }

    /// One period of the comparison and what each side said in it.
    public struct Row: Hashable, Sendable, Codable {
        /// Buckets since the start of the side's period (the same for both sides).
        public var offset: Int
        public var leftBucket: DateBucket
        public var rightBucket: DateBucket
        public var left: [DatedStatement]
        public var right: [DatedStatement]
        /// The position each side leaned to in the period (see `StanceTally.leaning`).
        public var leftLeaning: String
        public var rightLeaning: String
        /// The two sides leaned to different positions of the frame in this period.
        public var isOpposed: Bool
    }

    public var frame: Frame
    public var bucketing: DateBucketing
    public var alignment: Alignment
    public var left: ComparedActor
    public var right: ComparedActor
    /// Periods in which either side said something, in order; empty periods are left out.
    public var rows: [Row]

    public var opposedRows: [Row] { rows.filter(\.isOpposed) }

    /// Compares two actors over the same dates. Without `from`/`to` the period runs from the
    /// earliest to the latest statement of either actor.
    public static func make(left: Actor, right: Actor, statements: [DatedStatement], frame: Frame,
                            by bucketing: DateBucketing = .week, from: Day? = nil, to: Day? = nil) -> ActorComparison {
        let ofEither = statements.countedChronologically { $0.actor.id == left.id || $0.actor.id == right.id }
        let start = from ?? ofEither.first?.date, end = to ?? ofEither.last?.date
        return make(left: Side(actor: left, from: start, to: end), right: Side(actor: right, from: start, to: end),
                    alignment: .calendar, statements: ofEither, frame: frame, bucketing: bucketing)
    }

    /// Compares an actor in one period (left) with the same actor in another (right), aligning
    /// the nth bucket of each period.
    public static func make(actor: Actor, period: ClosedRange<Day>, against other: ClosedRange<Day>,
                            statements: [DatedStatement], frame: Frame,
                            by bucketing: DateBucketing = .week) -> ActorComparison {
        make(left: Side(actor: actor, from: period.lowerBound, to: period.upperBound),
             right: Side(actor: actor, from: other.lowerBound, to: other.upperBound),
             alignment: .offset, statements: statements.countedChronologically { $0.actor.id == actor.id },
             frame: frame,
             bucketing: bucketing)
    }

    private struct Side {
        var actor: Actor
        var from: Day?
        var to: Day?

        func selects(_ statement: DatedStatement) -> Bool {
            statement.actor.id == actor.id && (from.map { statement.date >= $0 } ?? true)
                && (to.map { statement.date <= $0 } ?? true)
        }
    }

    /// `statements` are counted and in date order.
    private static func make(left: Side, right: Side, alignment: Alignment, statements: [DatedStatement],
                             frame: Frame, bucketing: DateBucketing) -> ActorComparison {
        let leftStatements = statements.filter(left.selects), rightStatements = statements.filter(right.selects)
        let leftOrigin = (left.from ?? leftStatements.first?.date).map(bucketing.bucket(of:))
        let rightOrigin = (right.from ?? rightStatements.first?.date).map(bucketing.bucket(of:))

        func byOffset(_ statements: [DatedStatement], from origin: DateBucket?) -> [Int: [DatedStatement]] {
            guard let origin else { return [:] }
            return Dictionary(grouping: statements) { bucketing.periods(from: origin.start, to: $0.date) }
        }
        let leftRows = byOffset(leftStatements, from: leftOrigin), rightRows = byOffset(rightStatements, from: rightOrigin)

        let rows = Set(leftRows.keys).union(rightRows.keys).sorted().map { offset in
            let leftSaid = leftRows[offset] ?? [], rightSaid = rightRows[offset] ?? []
            // An origin exists whenever its side has statements; a side with none borrows the other's.
            let leftBucket = bucketing.advance((leftOrigin ?? rightOrigin)!, by: offset)
            let rightBucket = bucketing.advance((rightOrigin ?? leftOrigin)!, by: offset)
            let leftLeaning = StanceTally(leftSaid.map(\.stance)).leaning(in: frame)
            let rightLeaning = StanceTally(rightSaid.map(\.stance)).leaning(in: frame)
            return Row(offset: offset, leftBucket: leftBucket, rightBucket: rightBucket, left: leftSaid,
                       right: rightSaid, leftLeaning: leftLeaning, rightLeaning: rightLeaning,
                       isOpposed: ComparisonSupport.opposes(leftLeaning, rightLeaning, in: frame))
        }
        return ActorComparison(
            frame: frame, bucketing: bucketing, alignment: alignment,
            left: ComparedActor(actor: left.actor, from: left.from, to: left.to, statements: leftStatements, frame: frame),
            right: ComparedActor(actor: right.actor, from: right.from, to: right.to, statements: rightStatements, frame: frame),
            rows: rows)
    }
}
