/// Who leaned to which frame position in each period, from each actor's statements counted per
/// day and stance: what agreement is counted from. Two actors agree in a period when both leaned to
/// the same frame position in it, and disagree when they leaned to different ones; periods in
/// which either leaned mixed or none count neither way. `AgreementMatrix` counts every pair from
/// it; one actor's partners are counted without the others' (`partners(of:name:)`).
public struct PeriodPositions: Sendable {
    public let frame: Frame
    public let bucketing: DateBucketing
    /// Per period (its first day), the frame position each actor leaned to; actors leaning mixed
    /// or none in it are left out.
    let positionsByPeriod: [Day: [String: String]]
    /// The periods (first days) in which each actor leaned to a frame position.
    let periodsByActor: [String: [Day]]

    /// From `dailyCounts` (by actor id) dated `from`...`to` (either end open when nil).
    public init(dailyCounts: [String: [DailyStanceCount]], frame: Frame, by bucketing: DateBucketing = .week,
                from: Day? = nil, to: Day? = nil) {
        var positionsByPeriod: [Day: [String: String]] = [:]
        var periodsByActor: [String: [Day]] = [:]
        for (actor, counts) in dailyCounts {
            var tallies: [Day: StanceTally] = [:]
            for count in counts.dated(from: from, to: to) {
                tallies[bucketing.start(of: count.day), default: StanceTally()].add(count.stance, times: count.count)
            }
            for (period, tally) in tallies {
                let leaning = tally.leaning(in: frame)
                guard ComparisonSupport.isPosition(leaning, in: frame) else { continue }
                positionsByPeriod[period, default: [:]][actor] = leaning
                periodsByActor[actor, default: []].append(period)
            }
        }
        self.frame = frame
        self.bucketing = bucketing
        self.positionsByPeriod = positionsByPeriod
        self.periodsByActor = periodsByActor
    }

    /// The ids of the actors who leaned to a frame position in some period.
    public var positionedActorIDs: Set<String> { Set(periodsByActor.keys) }

    /// How often each other actor agreed and disagreed with `actorID` (actors it never met are left out).
    public func counts(with actorID: String) -> [String: AgreementMatrix.Count] {
        var counts: [String: AgreementMatrix.Count] = [:]
        for period in periodsByActor[actorID] ?? [] {
            guard let positions = positionsByPeriod[period], let own = positions[actorID] else { continue }
            for (other, position) in positions where other != actorID {
                if position == own { counts[other, default: .zero].agreements += 1 } else { counts[other, default: .zero].disagreements += 1 }
            }
        }
        return counts
    }

    /// Another actor and in how many periods it agreed (or disagreed) with the one asked about.
    public struct Partner: Hashable, Sendable {
        public var actorID: String
        public var times: Int
        public init(actorID: String, times: Int) {
            self.actorID = actorID
            self.times = times
        }
    }

    /// The actors who agreed and those who disagreed with `actorID` in at least one period, each
    /// most often first, then by name (`name` names an actor id), then id.
    public func partners(of actorID: String, name: (String) -> String) -> (agreeing: [Partner], disagreeing: [Partner]) {
        let counts = counts(with: actorID)
        return (Self.ranked(counts, \.agreements, name: name), Self.ranked(counts, \.disagreements, name: name))
    }

    static func ranked(_ counts: [String: AgreementMatrix.Count], _ times: KeyPath<AgreementMatrix.Count, Int>,
                       name: (String) -> String) -> [Partner] {
        counts.compactMap { id, count in
            count[keyPath: times] > 0 ? (partner: Partner(actorID: id, times: count[keyPath: times]), name: name(id).lowercased()) : nil
        }
        .sorted { ($0.partner.times, $1.name, $1.partner.actorID) > ($1.partner.times, $0.name, $0.partner.actorID) }
        .map(\.partner)
    }
}

/// Who agrees with whom, as discourse network analysis counts it (see `PeriodPositions`), for
/// every pair of actors.
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
    /// How many actors took a frame position in some period: more than `actors` when the matrix
    /// keeps only the most active (not in the JSON, whose reader sees the actors it has).
    public var positionedActorCount: Int

    private var index: [String: [String: Count]] = [:]

    private enum CodingKeys: String, CodingKey {
        case frame, bucketing, from, to, actors, pairs
    }

    init(frame: Frame, bucketing: DateBucketing, from: Day?, to: Day?, actors: [Actor], pairs: [Pair],
         positionedActorCount: Int? = nil) {
        self.frame = frame
        self.bucketing = bucketing
        self.from = from
        self.to = to
        self.actors = actors
        self.pairs = pairs
        self.positionedActorCount = positionedActorCount ?? actors.count
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

    /// Counts agreement among `actors` from their standing statements counted per day and stance
    /// (`dailyCounts`, by actor id), over the days `from`...`to` (either end open when nil). With
    /// `mostActive`, only that many actors are kept: those who took a position in the most periods
    /// (ties by name), as a corpus of thousands of actors makes a table nobody can read.
    public static func make(dailyCounts: [String: [DailyStanceCount]], actors: [Actor], frame: Frame,
                            by bucketing: DateBucketing = .week, from: Day? = nil, to: Day? = nil,
                            mostActive: Int? = nil) -> AgreementMatrix {
        let positions = PeriodPositions(dailyCounts: dailyCounts, frame: frame, by: bucketing, from: from, to: to)
        var positioned = positions.positionedActorIDs
        var shown = ComparisonSupport.sortedByName(actors.filter { positioned.remove($0.id) != nil })
        let positionedActorCount = shown.count
        if let mostActive, mostActive < shown.count {
            let periods = { (actor: Actor) in positions.periodsByActor[actor.id]?.count ?? 0 }
            let kept = Set(shown.enumerated()
                .sorted { (periods($0.element), $1.offset) > (periods($1.element), $0.offset) }
                .prefix(max(mostActive, 0)).map(\.element.id))
            shown.removeAll { !kept.contains($0.id) }
        }
        // Counted by the actors' places in `shown`, in one flat table: a large corpus meets
        // millions of pairs, which nested dictionaries keyed by id made seconds of hashing.
        let place = Dictionary(shown.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var counts = [Count](repeating: .zero, count: shown.count * shown.count)
        for period in positions.positionsByPeriod.values {
            let leanings = period.compactMap { id, leaning in place[id].map { (place: $0, leaning: leaning) } }
            for (i, a) in leanings.enumerated() {
                for b in leanings[(i + 1)...] {
                    let cell = min(a.place, b.place) * shown.count + max(a.place, b.place)
                    if a.leaning == b.leaning { counts[cell].agreements += 1 } else { counts[cell].disagreements += 1 }
                }
            }
        }
        var pairs: [Pair] = []
        for i in shown.indices {
            for j in (i + 1)..<shown.count where counts[i * shown.count + j] != .zero {
                pairs.append(Pair(first: shown[i].id, second: shown[j].id, count: counts[i * shown.count + j]))
            }
        }
        return AgreementMatrix(frame: frame, bucketing: bucketing, from: from, to: to, actors: shown, pairs: pairs,
                               positionedActorCount: positionedActorCount)
    }

    /// Counts agreement over the statements (those not rejected) dated `from`...`to` (either end
    /// open when nil), from their counts as `make(dailyCounts:)` counts it.
    public static func make(statements: [DatedStatement], frame: Frame, by bucketing: DateBucketing = .week,
                            from: Day? = nil, to: Day? = nil) -> AgreementMatrix {
        let counted = statements.countedChronologically { statement in
            (from.map { statement.date >= $0 } ?? true) && (to.map { statement.date <= $0 } ?? true)
        }
        return make(dailyCounts: DailyStanceCount.counts(of: counted), actors: counted.distinctActors, frame: frame,
                    by: bucketing, from: from, to: to)
    }

    /// `ReportJSON.encode(self)`, handed to `output` a few thousand pairs at a time: a corpus of
    /// thousands of actors meets about a million pairs, whose JSON tree alone took a gigabyte.
    public func writeJSON(to output: (String) -> Void) throws {
        var skeleton = self
        skeleton.pairs = []
        try ReportJSON.write(skeleton, key: CodingKeys.pairs.stringValue, elements: pairs, to: output)
    }

    /// How often two actors agreed and disagreed (zero for an actor with themself or strangers).
    public func count(between a: String, and b: String) -> Count { index[a]?[b] ?? .zero }

    /// The actors who agreed with `actorID` at least once, most often first.
    public func agreeing(with actorID: String) -> [Partner] { partners(of: actorID, \.agreements) }

    /// The actors who disagreed with `actorID` at least once, most often first.
    public func disagreeing(with actorID: String) -> [Partner] { partners(of: actorID, \.disagreements) }

    private func partners(of actorID: String, _ times: KeyPath<Count, Int>) -> [Partner] {
        let byID = Dictionary(actors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return PeriodPositions.ranked(index[actorID] ?? [:], times, name: { byID[$0]?.name ?? $0 }).compactMap { partner in
            byID[partner.actorID].map { Partner(actor: $0, times: partner.times) }
        }
    }
}
