/// Who agrees with whom, as discourse network analysis counts it: two actors agree in a period
/// when both leaned to the same frame position in it, and disagree when they leaned to different
/// ones. Periods in which either leaned mixed or none count neither way.
public struct AgreementMatrix: Hashable, Sendable, Codable {
    public struct Count: Hashable, Sendable, Codable {
        public var agreements: Int
        public var disagreements: Int
        public init(agreements: Int = 0, disagreements: Int = 0) {
            self.agreements = agreements
            self.disagreements = disagreements
        }
        public static let zero = Count()
    }

    /// The counts for two actors; `first` sorts before `second` in `actors`.
    public struct Pair: Hashable, Sendable, Codable {
        public var first: String
        public var second: String
        public var count: Count
    }

    /// Another actor and how often they agreed (or disagreed) with the one asked about.
    public struct Partner: Hashable, Sendable, Codable {
        public var actor: Actor
        public var times: Int
    }

    public var frame: Frame
    public var bucketing: DateBucketing
    public var from: Day?
    public var to: Day?
    /// Every actor who took a frame position in some period, sorted by name.
    public var actors: [Actor]
    /// Pairs that met at least once, in the order of `actors`.
    public var pairs: [Pair]

    private var index: [String: [String: Count]] = [:]

    private enum CodingKeys: String, CodingKey {
        case frame, bucketing, from, to, actors, pairs
    }

    init(frame: Frame, bucketing: DateBucketing, from: Day?, to: Day?, actors: [Actor], pairs: [Pair]) {
        self.frame = frame
        self.bucketing = bucketing
        self.from = from
        self.to = to
        self.actors = actors
        self.pairs = pairs
        index = AgreementMatrix.index(pairs)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(frame: try container.decode(Frame.self, forKey: .frame),
                  bucketing: try container.decode(DateBucketing.self, forKey: .bucketing),
                  from: try container.decodeIfPresent(Day.self, forKey: .from),
                  to: try container.decodeIfPresent(Day.self, forKey: .to),
                  actors: try container.decode([Actor].self, forKey: .actors),
                  pairs: try container.decode([Pair].self, forKey: .pairs))
    }

    private static func index(_ pairs: [Pair]) -> [String: [String: Count]] {
        var index: [String: [String: Count]] = [:]
        for pair in pairs {
            index[pair.first, default: [:]][pair.second] = pair.count
            index[pair.second, default: [:]][pair.first] = pair.count
        }
        return index
    }

    /// Counts agreement over the statements dated `from`...`to` (either end open when nil).
    public static func make(statements: [DatedStatement], frame: Frame, by bucketing: DateBucketing = .week,
                            from: Day? = nil, to: Day? = nil) -> AgreementMatrix {
        let counted = statements.countedChronologically { statement in
            (from.map { statement.date >= $0 } ?? true) && (to.map { statement.date <= $0 } ?? true)
        }
        var actorsByID: [String: Actor] = [:]
        // Keyed by the first day of each period.
        var tallies: [Day: [String: StanceTally]] = [:]
        for dated in counted {
            if actorsByID[dated.actor.id] == nil { actorsByID[dated.actor.id] = dated.actor }
            tallies[bucketing.start(of: dated.date), default: [:]][dated.actor.id, default: StanceTally()].add(dated.stance)
        }

        var positioned: Set<String> = []
        var counts: [String: [String: Count]] = [:]
        for period in tallies.values {
            let leanings = period.compactMapValues { tally -> String? in
                let leaning = tally.leaning(in: frame)
                return ComparisonSupport.isPosition(leaning, in: frame) ? leaning : nil
            }
            positioned.formUnion(leanings.keys)
            let ids = leanings.keys.sorted()
            for (i, a) in ids.enumerated() {
                for b in ids[(i + 1)...] {
                    if leanings[a] == leanings[b] {
                        counts[a, default: [:]][b, default: .zero].agreements += 1
                    } else {
                        counts[a, default: [:]][b, default: .zero].disagreements += 1
                    }
                }
            }
        }

        let actors = positioned.compactMap { actorsByID[$0] }.sorted(by: ComparisonSupport.byName)
        var pairs: [Pair] = []
        for (i, a) in actors.enumerated() {
            for b in actors[(i + 1)...] {
                // Counts were keyed with the smaller id first.
                let (low, high) = a.id < b.id ? (a.id, b.id) : (b.id, a.id)
                if let count = counts[low]?[high] {
                    pairs.append(Pair(first: a.id, second: b.id, count: count))
                }
            }
        }
        return AgreementMatrix(frame: frame, bucketing: bucketing, from: from, to: to, actors: actors, pairs: pairs)
    }

    /// How often two actors agreed and disagreed (zero for an actor with themself or strangers).
    public func count(between a: String, and b: String) -> Count { index[a]?[b] ?? .zero }

    /// The actors who agreed with `actorID` at least once, most often first.
    public func agreeing(with actorID: String) -> [Partner] { partners(of: actorID, \.agreements) }

    /// The actors who disagreed with `actorID` at least once, most often first.
    public func disagreeing(with actorID: String) -> [Partner] { partners(of: actorID, \.disagreements) }

    private func partners(of actorID: String, _ times: KeyPath<Count, Int>) -> [Partner] {
        actors.compactMap { actor in
            let n = count(between: actorID, and: actor.id)[keyPath: times]
            return n > 0 ? Partner(actor: actor, times: n) : nil
        }
        .sorted { ($0.times, $1.actor.name.lowercased()) > ($1.times, $0.actor.name.lowercased()) }
    }
}
