import StanceKit

/// Who agrees and who disagrees with an actor, week by week, as `AgreementMatrix` counts it: two
/// actors agree in a week when both leaned to the same frame position in it, and disagree when
/// they leaned to different ones. Made from each actor's statements counted per day and stance,
/// so no statement is read; the partners of one actor are counted when asked for, from the weeks
/// that actor took a position in.
public struct AgreementState: Sendable {
    /// Another actor and in how many weeks it agreed (or disagreed) with the one asked about.
    public struct Partner: Hashable, Sendable {
        public var actor: CorpusActorID
        public var weeks: Int
    }

    /// Per week (its first day), the frame position each actor leaned to; actors leaning mixed
    /// or none that week are left out, since they count neither way.
    private let positionsByWeek: [Day: [CorpusActorID: String]]
    /// The weeks in which each actor leaned to a frame position.
    private let weeksByActor: [CorpusActorID: [Day]]

    public init(dailyCounts: [CorpusActorID: [DailyStanceCount]], frame: Frame) {
        let bucketing = DateBucketing.week
        var positionsByWeek: [Day: [CorpusActorID: String]] = [:]
        var weeksByActor: [CorpusActorID: [Day]] = [:]
        for (actor, counts) in dailyCounts {
            var tallies: [Day: StanceTally] = [:]
            for count in counts {
                for _ in 0..<count.count { tallies[bucketing.start(of: count.day), default: StanceTally()].add(count.stance) }
            }
            for (week, tally) in tallies {
                let leaning = tally.leaning(in: frame)
                guard frame.positions.contains(where: { $0.id == leaning }) else { continue }
                positionsByWeek[week, default: [:]][actor] = leaning
                weeksByActor[actor, default: []].append(week)
            }
        }
        self.positionsByWeek = positionsByWeek
        self.weeksByActor = weeksByActor
    }

    /// The actors who agreed and those who disagreed with `actor` in at least one week, each
    /// most weeks first, then by name (`name` names an actor id).
    public func partners(of actor: CorpusActorID, name: (CorpusActorID) -> String)
        -> (agreeing: [Partner], disagreeing: [Partner]) {
        var agreements: [CorpusActorID: Int] = [:]
        var disagreements: [CorpusActorID: Int] = [:]
        for week in weeksByActor[actor] ?? [] {
            guard let positions = positionsByWeek[week], let own = positions[actor] else { continue }
            for (other, position) in positions where other != actor {
                if position == own { agreements[other, default: 0] += 1 } else { disagreements[other, default: 0] += 1 }
            }
        }
        func ranked(_ counts: [CorpusActorID: Int]) -> [Partner] {
            counts.map { (partner: Partner(actor: $0.key, weeks: $0.value), name: name($0.key).lowercased()) }
                .sorted { ($0.partner.weeks, $1.name, $1.partner.actor) > ($1.partner.weeks, $0.name, $0.partner.actor) }
                .map(\.partner)
        }
        return (ranked(agreements), ranked(disagreements))
    }
}
