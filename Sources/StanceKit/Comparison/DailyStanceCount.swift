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

    /// Two lists of one actor's counts, each in day then stance order, as one in that order: the
    /// counts of a day and stance found in both are added.
    public static func merged(_ first: [DailyStanceCount], _ second: [DailyStanceCount]) -> [DailyStanceCount] {
        var result: [DailyStanceCount] = []
        result.reserveCapacity(first.count + second.count)
        var i = first.startIndex, j = second.startIndex
        while i < first.endIndex || j < second.endIndex {
            let next: DailyStanceCount
            if j == second.endIndex || (i < first.endIndex && (first[i].day, first[i].stance) <= (second[j].day, second[j].stance)) {
                next = first[i]
                i += 1
            } else {
                next = second[j]
                j += 1
            }
            if let last = result.last, last.day == next.day, last.stance == next.stance {
                result[result.count - 1].count += next.count
            } else {
                result.append(next)
            }
        }
        return result
    }
}

extension [DailyStanceCount] {
    /// The counts dated `from`...`to` (either end open when nil); the counts themselves when both are nil.
    func dated(from: Day?, to: Day?) -> [DailyStanceCount] {
        guard from != nil || to != nil else { return self }
        return filter { count in (from.map { count.day >= $0 } ?? true) && (to.map { count.day <= $0 } ?? true) }
    }
}
