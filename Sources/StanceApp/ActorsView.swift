import StanceKit
import Terminal

/// The actors pane: cursor, stance glyph, name, role and statements per stance, one actor a row.
enum ActorsView {
    static func draw(_ state: AppState, in rect: Rect, into screen: inout Screen) {
        let focused = state.focus == .actors && state.overlay == nil
        let pane = state.actors
        let title = "Actors · \(pane.showsCorpus ? "corpus" : "article") · \(pane.sort.rawValue)"
        var footer = pane.rows.isEmpty ? "" : "\(pane.cursor + 1)/\(pane.rows.count)"
        if state.mode == .filteringActors {
            footer = "filter: \(pane.filter)▏ " + footer
        } else if !pane.filter.isEmpty {
            footer = "filter: \(pane.filter) " + footer
        }
        PaneFrame.draw(rect, title: title, footer: footer, focused: focused, into: &screen)
        let inside = rect.inset(by: 1)
        guard !inside.isEmpty else { return }
        guard !pane.rows.isEmpty else {
            let text = pane.filter.isEmpty ? "No actors" : "No actor matches “\(pane.filter)”"
            screen.put(text, x: inside.x + 1, y: inside.y, style: Style(.textDim), clip: inside)
            return
        }
        // Stance columns: the frame's positions and mixed, where any listed actor has a statement.
        let stances = state.frame.stanceValues.filter { stance in pane.rows.contains { ($0.statementCounts[stance] ?? 0) > 0 } }
        // " ◆ 2": a space between columns, the glyph, the count right-aligned.
        let countWidth = 4
        let showsCounts = inside.width >= 20 + stances.count * countWidth
        let countsWidth = showsCounts ? stances.count * countWidth : 0
        let textWidth = inside.width - 3 - countsWidth
        let longestName = pane.rows.map { TerminalText.width($0.name) }.max() ?? 0
        let nameWidth = min(longestName, textWidth)
        let showsRole = textWidth - nameWidth >= 6
        let end = min(pane.rows.count, pane.scroll + inside.height)
        for index in pane.scroll..<end {
            let row = pane.rows[index]
            let y = inside.y + index - pane.scroll
            let isCursor = index == pane.cursor
            if isCursor {
                screen.fill(Rect(x: inside.x, y: y, width: inside.width, height: 1), style: Style(.selection))
            }
            let base = isCursor ? Style(.selection, focused ? [.bold] : []) : Style(row.isParticipant ? .text : .textDim)
            screen.put(isCursor ? "▸" : " ", x: inside.x, y: y, style: base, clip: inside)
            screen.put(state.glyphs.glyph(row.stance), x: inside.x + 1, y: y,
                       style: isCursor ? base : Style(state.glyphs.slotName(row.stance)), clip: inside)
            // A cut name or role ends in "…", so that a shortened role does not read as a whole one.
            screen.put(TerminalText.truncated(row.name, toWidth: nameWidth), x: inside.x + 3, y: y, style: base, clip: inside)
            if showsRole, let role = row.role {
                screen.put(TerminalText.truncated(role, toWidth: textWidth - nameWidth - 1), x: inside.x + 4 + nameWidth, y: y,
                           style: isCursor ? base : Style(.textDim), clip: inside)
            }
            guard showsCounts else { continue }
            var x = inside.maxX - countsWidth
            for stance in stances {
                let count = row.statementCounts[stance] ?? 0
                if count > 0 {
                    let number = count > 99 ? "+" : String(count)
                    let cell = state.glyphs.glyph(stance) + String(repeating: " ", count: max(0, countWidth - 2 - number.count)) + number
                    screen.put(cell, x: x + 1, y: y, style: isCursor ? base : Style(state.glyphs.slotName(stance)), clip: inside)
                }
                x += countWidth
            }
        }
    }
}
