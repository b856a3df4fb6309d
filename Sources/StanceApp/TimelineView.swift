import StanceKit
import Terminal

/// The timeline pane: a date axis, one row per actor (most active first), a glyph per bucket with
/// statements, and the cursor on one statement.
enum TimelineView {
    static func draw(_ state: AppState, in rect: Rect, into screen: inout Screen) {
        let focused = state.focus == .timeline && state.overlay == nil
        let model = state.timeline.model
        let geometry = TimelineGeometry(model: model, zoom: state.timeline.zoom, inside: rect.inset(by: 1))
        var title = Pane.timeline.title
        if let granularity = geometry.granularity {
            title += " · \(granularity)" + (state.timeline.zoom == nil ? "" : " (zoomed)")
        }
        let footer = model.rows.isEmpty ? "" : "\(state.timeline.row + 1)/\(model.rows.count)"
        PaneFrame.draw(rect, title: title, footer: footer, focused: focused, into: &screen)
        let inside = geometry.inside
        guard !inside.isEmpty else { return }
        guard let axis = geometry.axis else {
            screen.put(state.isLoading ? "Loading…" : "No dated statements", x: inside.x + 1, y: inside.y,
                       style: Style(.textDim), clip: inside)
            return
        }
        let first = state.timeline.firstBucket
        let visible = first..<min(axis.bucketCount, first + geometry.visibleBuckets)
        let plot = Rect(x: geometry.plotX, y: inside.y, width: geometry.plotWidth, height: inside.height)
        for label in axis.labels(visible: visible, columnsPerBucket: geometry.columnsPerBucket) {
            screen.put(label.text, x: plot.x + label.column, y: inside.y, style: Style(.axis), clip: plot)
        }
        if first > 0 { screen.put("◂", x: plot.x - 1, y: inside.y, style: Style(.axis)) }
        if visible.upperBound < axis.bucketCount { screen.put("▸", x: plot.maxX - 1, y: inside.y, style: Style(.axis)) }

        let cursorEvent = state.timelineCursorEvent
        let end = min(model.rows.count, state.timeline.rowScroll + geometry.visibleRows)
        for index in state.timeline.rowScroll..<end {
            let row = model.rows[index]
            let y = inside.y + 1 + index - state.timeline.rowScroll
            let isCursorRow = index == state.timeline.row
            let nameStyle = isCursorRow ? Style(.selection, focused ? [.bold] : []) : .plain
            if isCursorRow {
                screen.fill(Rect(x: inside.x, y: y, width: geometry.nameWidth, height: 1), style: nameStyle)
            }
            screen.put(row.label, x: inside.x, y: y, style: nameStyle, maxWidth: geometry.nameWidth)
            // Events in date order, so a bucket's events are consecutive; one glyph stands for them.
            let events = row.events
            var start = firstEvent(in: events, from: axis.firstDay(ofBucket: visible.lowerBound))
            while start < events.count {
                let bucket = axis.bucket(of: events[start].day)
                guard bucket < visible.upperBound else { break }
                var end = start + 1
                while end < events.count, axis.bucket(of: events[end].day) == bucket { end += 1 }
                let group = start..<end
                start = end
                guard let stance = Timeline.combinedStance(group.lazy.map { events[$0].stance }) else { continue }
                let suggested = group.contains { model.isSuggested[index][$0] }
                let glyph = state.glyphs.glyph(stance, status: suggested ? .suggested : .accepted)
                let holdsCursor = isCursorRow && group.contains { events[$0].id == cursorEvent }
                let style = holdsCursor ? Style(.cursor, [.reverse, .bold]) : Style(state.glyphs.slotName(stance))
                let x = plot.x + (bucket - first) * geometry.columnsPerBucket
                screen.put(glyph, x: x, y: y, style: style, clip: plot)
                if group.count > 1, geometry.columnsPerBucket > 2 {
                    screen.put(group.count > 9 ? "+" : String(group.count), x: x + 1, y: y, style: Style(.textDim), clip: plot)
                }
            }
        }
    }

    /// The first of the date-ordered `events` on or after `day`.
    private static func firstEvent(in events: [TimelineEvent<StatementRef>], from day: Day) -> Int {
        var low = 0, high = events.count
        while low < high {
            let mid = (low + high) / 2
            if events[mid].day < day { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The status bar's account of the statement under the cursor.
    static func describeCursor(_ state: AppState) -> String? {
        guard let event = state.timeline.event,
              let detail = state.timeline.model.statement(row: state.timeline.row, event: event),
              let row = state.timeline.model.rows[safe: state.timeline.row] else { return nil }
        let date = detail.date?.description ?? "undated"
        let outlet = detail.outlet.map { " (\($0))" } ?? ""
        return "\(row.label), \(date)\(outlet)" + (detail.text.map { ": “\($0)”" } ?? "")
    }
}
