import StanceKit
import Terminal

/// The bottom row: the mode, where the focused pane is, and a message or the most useful keys;
/// while typing, the search or command line.
enum StatusBarView {
    static func draw(_ state: AppState, in rect: Rect, into screen: inout Screen) {
        screen.fill(rect, style: Style(.status))
        switch state.mode {
        case .searching(let input):
            drawPrompt("/", input.text, in: rect, into: &screen)
            return
        case .commandLine(let line):
            drawPrompt(":", line.input.text, in: rect, into: &screen)
            return
        case .normal, .filteringActors:
            break
        }
        var x = rect.x
        x += screen.put(" \(modeName(state)) ", x: x, y: rect.y, style: Style(.statusMode, [.bold]), clip: rect)
        if state.readOnlyReason != nil {
            x += screen.put(" read-only ", x: x, y: rect.y, style: Style(.statusMode), clip: rect)
        }
        if let position = position(state) {
            x += screen.put(" \(position) ", x: x, y: rect.y, style: Style(.status), clip: rect)
        }
        x += screen.put("│ ", x: x, y: rect.y, style: Style(.status), clip: rect)
        if let message = state.message {
            screen.put(message.text, x: x, y: rect.y, style: Style(message.isError ? .error : .status), clip: rect)
        } else if state.annotation != nil {
            screen.put("answer the popup · Enter confirms · Esc goes back", x: x, y: rect.y, style: Style(.status), clip: rect)
        } else if state.mode == .filteringActors {
            screen.put("type to filter actors · Enter keeps · Esc clears", x: x, y: rect.y, style: Style(.status), clip: rect)
        } else if state.overlay == nil, state.focus == .timeline, let quote = TimelineView.describeCursor(state) {
            screen.put(quote, x: x, y: rect.y, style: Style(.status), clip: rect)
        } else {
            for (keys, hint) in hints(state) {
                guard x < rect.maxX else { break }
                x += screen.put(keys, x: x, y: rect.y, style: Style(.statusKey, [.bold]), clip: rect)
                x += screen.put(" \(hint)  ", x: x, y: rect.y, style: Style(.status), clip: rect)
            }
        }
    }

    private static func drawPrompt(_ prompt: String, _ text: String, in rect: Rect, into screen: inout Screen) {
        let used = screen.put(prompt + text, x: rect.x, y: rect.y, style: Style(.status), clip: rect)
        screen.put(" ", x: rect.x + used, y: rect.y, style: Style(.cursor, [.reverse]), clip: rect)
    }

    /// What keys do now: answering a popup, selecting, or the input mode's name.
    static func modeName(_ state: AppState) -> String {
        if state.annotation != nil { return "ANNOTATE" }
        if state.mode == .normal, state.article.selectionAnchor != nil { return "SELECT" }
        return state.mode.name
    }

    /// Where the focused pane is: lines of the article, the actor, the timeline row and event.
    static func position(_ state: AppState) -> String? {
        if let own = CompareView.statusPosition(state) { return own }
        switch state.focus {
        case .article:
            guard let prepared = state.article.prepared else { return nil }
            var text = "\(state.article.layout.map { "line \(state.article.scroll + 1)/\($0.lines.count)" } ?? "")"
            if let current = state.article.currentStatement {
                text += " · statement \(current + 1)/\(prepared.statements.count)"
            } else if !prepared.statements.isEmpty {
                text += " · \(prepared.statements.count) statements"
            }
            return text
        case .actors:
            return state.actors.rows.isEmpty ? nil : "actor \(state.actors.cursor + 1)/\(state.actors.rows.count)"
        case .timeline:
            guard let count = state.timeline.model.eventCounts[safe: state.timeline.row] else { return nil }
            guard let event = state.timeline.event else { return "\(count) events" }
            return "event \(event + 1)/\(count)"
        }
    }

    /// The hinted commands of the focused pane, then the global ones, as (keys, hint).
    static func hints(_ state: AppState) -> [(String, String)] {
        var seen: Set<CommandID> = []
        return state.commandContexts.flatMap { context in
            CommandTable.all.filter { $0.contexts.contains(context) && $0.hint != nil }
        }.compactMap { command in
            // Where nothing can be written, hints for writes would only mislead.
            guard seen.insert(command.id).inserted, !(command.id.writes && state.readOnlyReason != nil),
                  CommandTable.command(for: command.keys.first ?? .resize, in: state.commandContexts) == command.id
            else { return nil }
            return command.keys.first.map { (KeyNames.name(of: $0), command.hint ?? "") }
        }
    }
}
