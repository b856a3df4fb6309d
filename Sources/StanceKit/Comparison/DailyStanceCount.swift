/// How many of an actor's standing statements took one stance on one day: what the corpus
/// timeline and agreement are made from (`CorpusTimeline.make(dailyCounts:)`,
/// `PeriodPositions`), so that a large workspace can hand them over from one grouped query
/// (`Workspace.dailyStanceCounts`) instead of every statement.
public struct DailyStanceCount: Hashable, Sendable {
    public var day: Day
    public var stance: String
    public var count: Int
    public init(day: Day, stance: String, count: Int) {
        self.day = day
        self.stance = stance
        self.count = count
    }

    /// `statements` counted per actor (by `actor.id`), day and stance, each actor's in day order,
    /// then stance order, as the workspace's query orders them. Every statement given is counted:
    /// the caller leaves out those that do not count.
    public static func counts(of statements: [DatedStatement]) -> [String: [DailyStanceCount]] {
        var byActor: [String: [Day: [String: Int]]] = [:]
        for dated in statements {
            byActor[dated.actor.id, default: [:]][dated.date, default: [:]][dated.stance, default: 0] += 1
        }
        return byActor.mapValues { days in
            days.sorted { $0.key < $1.key }.flatMap { day, stances in
                stances.sorted { $0.key < $1.key }.map { DailyStanceCount(day: day, stance: $0.key, count: $0.value) }
            }
        }
    }
}

extension [DailyStanceCount] {
    /// The counts dated `from`...`to` (either end open when nil); the counts themselves when both are nil.
    func dated(from: Day?, to: Day?) -> [DailyStanceCount] {
        guard from != nil || to != nil else { return self }
        return filter { count in (from.map { count.day >= $0 } ?? true) && (to.map { count.day <= $0 } ?? true) }
    }
}
