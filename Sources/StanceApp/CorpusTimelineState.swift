import StanceKit
import Terminal

/// The timeline pane's corpus mode: every actor's leaning per period across the whole corpus,
/// made once per change of bucket or filter.
public struct CorpusTimelineState: Sendable {
    public var bucket: BucketSize = .week
    public var filter = TimelineFilter()
    public var showsCounts = false
    public var timeline: CorpusTimeline
    /// Index into `timeline.lanes`.
    public var lane = 0
    public var laneScroll = 0
    /// Index into `timeline.buckets`: the period under the cursor.
    public var period = 0
    /// The first period shown when the axis is wider than the pane.
    public var firstPeriod = 0

    /// "kind person · position repair · outlet Harbour Gazette", for the pane title.
    public var filterDescription: String {
        var parts: [String] = []
        if let kinds = filter.kinds { parts.append("kind " + kinds.map(\.rawValue).sorted().joined(separator: "|")) }
        if let positions = filter.positions { parts.append("position " + positions.sorted().joined(separator: "|")) }
        if let outlets = filter.outlets { parts.append("outlet " + outlets.sorted().joined(separator: "|")) }
        return parts.joined(separator: " · ")
    }

    public var cursorCell: CorpusTimeline.Cell? {
        guard let lane = timeline.lanes[safe: lane], let bucket = timeline.buckets[safe: period] else { return nil }
        return lane.cell(for: bucket)
    }
}

extension AppState {
    mutating func runCorpusTimelineCommand(_ command: CommandID, argument: String?) -> [Effect] {
        if command == .toggleCorpusTimeline {
            if corpusTimeline != nil {
                corpusTimeline = nil
                message = StatusMessage(text: "Timeline of statements", isError: false)
                return []
            }
            return withDailyCounts(outlets: nil, command, argument) { state, counts in
                state.corpusTimeline = CorpusTimelineState(timeline: CorpusTimeline.make(
                    dailyCounts: counts, actors: state.corpus.actors.map(\.comparisonActor), frame: state.frame,
                    by: DateBucketing(.week)))
                state.placeCorpusTimelineCursor(onDay: nil)
                state.setFocus(.timeline)
                state.message = StatusMessage(text: "Corpus timeline: every actor's position per period", isError: false)
                return []
            }
        }
        guard var mode = corpusTimeline else {
            message = StatusMessage(text: "Not in the corpus timeline (C in the timeline switches)", isError: false)
            return []
        }
        switch command {
        case .nextTimelineLane, .previousTimelineLane:
            guard !mode.timeline.lanes.isEmpty else { return [] }
            mode.lane = clamp(mode.lane + (command == .nextTimelineLane ? 1 : -1), 0, mode.timeline.lanes.count - 1)
            corpusTimeline = mode
            select(actor: mode.timeline.lanes[mode.lane].actor.id)
        case .nextTimelineBucket, .previousTimelineBucket:
            mode.period = clamp(mode.period + (command == .nextTimelineBucket ? 1 : -1), 0,
                                max(0, mode.timeline.buckets.count - 1))
            corpusTimeline = mode
        case .finerTimelineBuckets, .coarserTimelineBuckets:
            let sizes = BucketSize.allCases
            let index = sizes.firstIndex(of: mode.bucket)! + (command == .finerTimelineBuckets ? -1 : 1)
            guard sizes.indices.contains(index) else {
                message = StatusMessage(text: index < 0 ? "Already showing days" : "Already showing months", isError: false)
                return []
            }
            corpusTimeline?.bucket = sizes[index]
            remakeCorpusTimeline()
            message = StatusMessage(text: "Corpus timeline by \(sizes[index].rawValue)", isError: false)
        case .toggleTimelineCounts:
            corpusTimeline?.showsCounts.toggle()
        case .nextPositionChange, .previousPositionChange:
            guard let lane = mode.timeline.lanes[safe: mode.lane], let bucket = mode.timeline.buckets[safe: mode.period]
            else { return [] }
            let forward = command == .nextPositionChange
            let change = forward ? mode.timeline.nextChange(for: lane.actor.id, after: bucket.start)
                : mode.timeline.previousChange(for: lane.actor.id, before: bucket.start)
            guard let change, let target = mode.timeline.buckets.firstIndex(where: { $0.contains(change.date) }) else {
                message = StatusMessage(text: "No \(forward ? "later" : "earlier") change of position for \(lane.actor.name)",
                                        isError: false)
                return []
            }
            mode.period = target
            corpusTimeline = mode
            message = StatusMessage(text: "\(lane.actor.name): \(glyphs.glyph(change.from)) \(change.from) → "
                                    + "\(glyphs.glyph(change.to)) \(change.to) on \(change.date)", isError: false)
        case .filterTimeline:
            guard let argument, let filter = Self.filter(mode.filter, adding: argument, frame: frame) else {
                message = StatusMessage(text: "Usage: :timeline-filter kind person|organization|group, "
                                        + "position POSITION or outlet NAME", isError: true)
                return []
            }
            return withDailyCounts(outlets: filter.outlets, command, argument) { state, _ in
                state.corpusTimeline?.filter = filter
                state.remakeCorpusTimeline()
                return []
            }
        case .clearTimelineFilter:
            return withDailyCounts(outlets: nil, command, argument) { state, _ in
                state.corpusTimeline?.filter = TimelineFilter()
                state.remakeCorpusTimeline()
                return []
            }
        case .openPeriodStatement:
            guard let lane = mode.timeline.lanes[safe: mode.lane], let cell = mode.cursorCell else {
                message = StatusMessage(text: "No statement here", isError: false)
                return []
            }
            let outlets = mode.filter.outlets.map { Set($0.map { $0.lowercased() }) }
            return withDatedStatements(of: [lane.actor.id], command, argument) { state, statements in
                // The period's first statement as the timeline counts them: standing, of the
                // filter's outlets, first in date order.
                let first = statements.filter { dated in
                    dated.actor.id == lane.actor.id && dated.counts && cell.bucket.contains(dated.date)
                        && (outlets.map { wanted in dated.outlet.map { wanted.contains($0.lowercased()) } ?? false } ?? true)
                }.min { a, b in
                    (a.date, a.articleID, a.statement.span.start, a.id) < (b.date, b.articleID, b.statement.span.start, b.id)
                }
                guard let first else {
                    state.message = StatusMessage(text: "No statement here", isError: false)
                    return []
                }
                state.setFocus(.article)
                return state.openStatement(first.id, inArticle: first.articleID)
            }
        default:
            break
        }
        followCorpusTimelineCursor()
        return []
    }

    /// `filter` narrowed by "kind VALUE", "position VALUE" or "outlet NAME"; values of one field
    /// add up. Nil when the text names no field or an unknown kind or position.
    static func filter(_ filter: TimelineFilter, adding text: String, frame: Frame) -> TimelineFilter? {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let value = parts[1].trimmingCharacters(in: .whitespaces)
        var filter = filter
        switch parts[0].lowercased() {
        case "kind":
            guard let kind = ActorKind.allCases.first(where: { $0.rawValue.hasPrefix(value.lowercased()) }) else { return nil }
            filter.kinds = (filter.kinds ?? []).union([kind])
        case "position":
            let lowered = value.lowercased()
            guard let stance = frame.stanceValues.first(where: {
                $0 == lowered || frame.position($0)?.label.lowercased() == lowered
            }) else { return nil }
            filter.positions = (filter.positions ?? []).union([stance])
        case "outlet":
            filter.outlets = (filter.outlets ?? []).union([value])
        default:
            return nil
        }
        return filter
    }

    /// Makes the corpus timeline again for its bucket and filter, keeping the cursor on the same
    /// actor and date.
    mutating func remakeCorpusTimeline() {
        guard var mode = corpusTimeline, let read = dailyCounts, read.outlets == mode.filter.outlets else { return }
        let day = mode.timeline.buckets[safe: mode.period]?.start
        mode.timeline = CorpusTimeline.make(dailyCounts: read.counts, actors: corpus.actors.map(\.comparisonActor),
                                            frame: frame, by: DateBucketing(mode.bucket), filter: mode.filter)
        corpusTimeline = mode
        placeCorpusTimelineCursor(onDay: day)
    }

    /// Puts the cursor on the selected actor's lane and on the period holding `day` (the last
    /// period when nil), and keeps it on screen.
    mutating func placeCorpusTimelineCursor(onDay day: Day?) {
        guard var mode = corpusTimeline else { return }
        let lanes = mode.timeline.lanes
        mode.lane = selectedActor.flatMap { id in lanes.firstIndex { $0.actor.id == id } } ?? min(mode.lane, max(0, lanes.count - 1))
        let buckets = mode.timeline.buckets
        mode.period = day.flatMap { day in buckets.firstIndex { $0.contains(day) } ?? buckets.lastIndex { $0.start <= day } }
            ?? max(0, buckets.count - 1)
        mode.period = clamp(mode.period, 0, max(0, buckets.count - 1))
        corpusTimeline = mode
        followCorpusTimelineCursor()
    }

    /// Keeps the cursor lane and period on screen.
    mutating func followCorpusTimelineCursor() {
        guard var mode = corpusTimeline, let inside = paneLayout(.timeline).inside(.timeline) else { return }
        let geometry = CorpusTimelineView.Geometry(mode, inside: inside)
        mode.laneScroll = scrollKeeping(mode.lane, visible: geometry.visibleLanes, current: mode.laneScroll,
                                        count: mode.timeline.lanes.count)
        mode.firstPeriod = scrollKeeping(mode.period, visible: geometry.visiblePeriods, current: mode.firstPeriod,
                                         count: mode.timeline.buckets.count)
        corpusTimeline = mode
    }

    // MARK: Agreement

    mutating func toggleAgreement() -> [Effect] {
        if agreement != nil {
            agreement = nil
            return []
        }
        return withDailyCounts(outlets: nil, .showAgreement, nil) { state, counts in
            state.agreement = PeriodPositions(dailyCounts: counts, frame: state.frame, by: .week)
            state.setFocus(.actors)
            return []
        }
    }

    /// Makes the shown agreement again from the current counts.
    mutating func remakeAgreement() {
        guard agreement != nil, let read = dailyCounts, read.outlets == nil else { return }
        agreement = PeriodPositions(dailyCounts: read.counts, frame: frame, by: .week)
    }
}
