/// One dated stance on a timeline; `id` leads back to the statement.
public struct TimelineEvent<ID: Hashable & Sendable>: Hashable, Sendable {
    public var id: ID
    public var day: Day
    public var stance: String
    public init(id: ID, day: Day, stance: String) {
        self.id = id
        self.day = day
        self.stance = stance
    }
}

/// One line of a timeline (an actor): its events in date order.
public struct TimelineRow<RowID: Hashable & Sendable, EventID: Hashable & Sendable>: Hashable, Sendable {
    public var id: RowID
    public var label: String
    public private(set) var events: [TimelineEvent<EventID>]

    public init(id: RowID, label: String, events: [TimelineEvent<EventID>]) {
        self.id = id
        self.label = label
        // Stable, so events of one day keep the order they were given in (their order in the text).
        // Rows read from a workspace come in date order already: checking is cheaper than sorting.
        if zip(events, events.dropFirst()).allSatisfy({ $0.day <= $1.day }) {
            self.events = events
            return
        }
        self.events = events.enumerated().sorted { a, b in
            a.element.day != b.element.day ? a.element.day < b.element.day : a.offset < b.offset
        }.map(\.element)
    }
}

public enum Timeline {
    /// Rows ordered most active first; ties by label, so the order is stable. Rows without events go.
    public static func orderedByActivity<R, E>(_ rows: [TimelineRow<R, E>]) -> [TimelineRow<R, E>] {
        rows.filter { !$0.events.isEmpty }.sorted { a, b in
            a.events.count != b.events.count
                ? a.events.count > b.events.count
                : a.label.localizedLowercase < b.label.localizedLowercase
        }
    }

    /// The first and last day of any event, or nil without events.
    public static func dateRange<R, E>(of rows: [TimelineRow<R, E>]) -> ClosedRange<Day>? {
        let days = rows.flatMap { $0.events.map(\.day) }
        guard let low = days.min(), let high = days.max() else { return nil }
        return low...high
    }

    /// The one stance that stands for several events sharing a bucket: theirs when they agree,
    /// `mixed` when they differ, nil for none.
    public static func combinedStance(_ stances: some Sequence<String>) -> String? {
        var result: String?
        for stance in stances {
            if let current = result, current != stance { return Frame.mixed }
            result = stance
        }
        return result
    }
}
