import StanceKit
import Terminal

/// The timeline pane in corpus mode: an axis of periods, one lane per actor, in each period the
/// glyph of the position the actor leaned to (and, on demand, how many statements).
enum CorpusTimelineView {
    struct Geometry {
        let inside: Rect
        let nameWidth: Int
        let columnsPerPeriod: Int
        let plotX: Int
        let visiblePeriods: Int
        let visibleLanes: Int

        init(_ mode: CorpusTimelineState, inside: Rect) {
            self.inside = inside
            let widest = mode.timeline.lanes.map { TerminalText.width($0.actor.name) }.max() ?? 0
            nameWidth = min(widest, max(8, inside.width / 4))
            // A glyph and a space; with counts, a glyph, two digits and a space.
            columnsPerPeriod = mode.showsCounts ? 4 : 2
            plotX = inside.x + nameWidth + 1
            visiblePeriods = max(1, (inside.maxX - plotX) / columnsPerPeriod)
            visibleLanes = max(1, inside.height - 1)
        }
    }

    static func draw(_ state: AppState, in rect: Rect, into screen: inout Screen) {
        guard let mode = state.corpusTimeline else { return }
        let focused = state.focus == .timeline && state.overlay == nil
        var title = "Timeline · corpus · by \(mode.bucket.rawValue)"
        if !mode.filterDescription.isEmpty { title += " · \(mode.filterDescription)" }
        PaneFrame.draw(rect, title: title, footer: footer(mode, state: state), focused: focused, into: &screen)
        let inside = rect.inset(by: 1)
        guard !inside.isEmpty else { return }
        let geometry = Geometry(mode, inside: inside)
        let timeline = mode.timeline
        guard !timeline.lanes.isEmpty else {
            screen.put("No actor took a position here", x: inside.x + 1, y: inside.y, style: Style(.textDim), clip: inside)
            return
        }
        let plot = Rect(x: geometry.plotX, y: inside.y, width: inside.maxX - geometry.plotX, height: inside.height)
        let periods = mode.firstPeriod..<min(timeline.buckets.count, mode.firstPeriod + geometry.visiblePeriods)
        drawAxis(timeline.buckets, periods: periods, geometry: geometry, plot: plot, into: &screen)

        let lanes = mode.laneScroll..<min(timeline.lanes.count, mode.laneScroll + geometry.visibleLanes)
        for index in lanes {
            let lane = timeline.lanes[index]
            let y = inside.y + 1 + index - mode.laneScroll
            let isCursorLane = index == mode.lane
            let nameStyle = isCursorLane ? Style(.selection, focused ? [.bold] : []) : .plain
            if isCursorLane { screen.fill(Rect(x: inside.x, y: y, width: geometry.nameWidth, height: 1), style: nameStyle) }
            screen.put(lane.actor.name, x: inside.x, y: y, style: nameStyle, maxWidth: geometry.nameWidth)
            // Cells are in date order, as are the buckets: walk both once.
            var bucketIndex = periods.lowerBound
            for cell in lane.cells {
                while bucketIndex < periods.upperBound, timeline.buckets[bucketIndex] < cell.bucket { bucketIndex += 1 }
                guard bucketIndex < periods.upperBound else { break }
                guard timeline.buckets[bucketIndex] == cell.bucket else { continue }
                let x = plot.x + (bucketIndex - periods.lowerBound) * geometry.columnsPerPeriod
                let isCursor = isCursorLane && bucketIndex == mode.period
                let style = isCursor ? Style(.cursor, [.reverse, .bold]) : Style(state.glyphs.slotName(cell.leaning))
                screen.put(state.glyphs.glyph(cell.leaning), x: x, y: y, style: style, clip: plot)
                if mode.showsCounts {
                    let count = cell.tally.total > 99 ? "+" : String(cell.tally.total)
                    screen.put(count, x: x + 1, y: y, style: Style(.textDim), clip: plot)
                }
            }
            if isCursorLane, periods.contains(mode.period), lane.cell(for: timeline.buckets[mode.period]) == nil {
                let x = plot.x + (mode.period - periods.lowerBound) * geometry.columnsPerPeriod
                screen.put("┊", x: x, y: y, style: Style(.cursor, [.bold]), clip: plot)
            }
        }
    }

    /// Labels where they fit, in full where the year changes.
    private static func drawAxis(_ buckets: [DateBucket], periods: Range<Int>, geometry: Geometry,
                                 plot: Rect, into screen: inout Screen) {
        var free = plot.x
        var lastYear: Int?
        for index in periods {
            let bucket = buckets[index]
            let x = plot.x + (index - periods.lowerBound) * geometry.columnsPerPeriod
            let label = lastYear == bucket.year ? bucket.shortLabel : bucket.label
            if x >= free, x + TerminalText.width(label) <= plot.maxX {
                screen.put(label, x: x, y: plot.y, style: Style(.axis), clip: plot)
                free = x + TerminalText.width(label) + 1
                lastYear = bucket.year
            }
        }
        if periods.lowerBound > 0 { screen.put("◂", x: plot.x - 1, y: plot.y, style: Style(.axis)) }
        if periods.upperBound < buckets.count { screen.put("▸", x: plot.maxX - 1, y: plot.y, style: Style(.axis)) }
    }

    /// The cursor's actor and period, and what they said in it.
    private static func footer(_ mode: CorpusTimelineState, state: AppState) -> String {
        guard let lane = mode.timeline.lanes[safe: mode.lane], let bucket = mode.timeline.buckets[safe: mode.period]
        else { return "" }
        var text = "\(lane.actor.name) · \(bucket.label)"
        if let cell = mode.cursorCell {
            let counts = state.frame.stanceValues.filter { cell.tally.count($0) > 0 }
                .map { "\(state.glyphs.glyph($0))\(cell.tally.count($0))" }
            text += ": " + counts.joined(separator: " ")
        }
        return text
    }
}

/// The actors pane showing agreement: for the selected actor, who took the same position in
/// the same week, and who the opposite, with how many weeks each.
enum AgreementView {
    static func draw(_ state: AppState, in rect: Rect, into screen: inout Screen) {
        guard let agreement = state.agreement else { return }
        let focused = state.focus == .actors && state.overlay == nil
        let actor = state.selectedActor ?? state.actors.rows[safe: state.actors.cursor]?.id
        PaneFrame.draw(rect, title: "Agreement · by week", footer: "j/k another actor · A back",
                       focused: focused, into: &screen)
        let inside = rect.inset(by: 1)
        guard !inside.isEmpty, let actor else { return }
        var y = inside.y
        screen.put("▸ \(state.name(of: actor))", x: inside.x, y: y, style: Style(.text, [.bold]), clip: inside)
        y += 2
        let names = Dictionary(state.corpus.actors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let name = { (id: CorpusActorID) in names[id] ?? id }
        let (agreeing, disagreeing) = agreement.partners(of: actor, name: name)
        for (heading, partners) in [("Agree with them", agreeing), ("Disagree with them", disagreeing)] {
            guard y < inside.maxY else { return }
            screen.put(heading, x: inside.x, y: y, style: Style(.paneTitle, [.bold]), clip: inside)
            y += 1
            if partners.isEmpty {
                screen.put("  nobody", x: inside.x, y: y, style: Style(.textDim), clip: inside)
                y += 1
            }
            for partner in partners {
                guard y < inside.maxY else { return }
                let weeks = "\(partner.times) week\(partner.times == 1 ? "" : "s")"
                let width = TerminalText.width(weeks)
                screen.put("  \(name(partner.actorID))", x: inside.x, y: y, style: Style(.text),
                           maxWidth: inside.width - width - 1, clip: inside)
                screen.put(weeks, x: inside.maxX - width, y: y, style: Style(.textDim), clip: inside)
                y += 1
            }
            y += 1
        }
    }
}
