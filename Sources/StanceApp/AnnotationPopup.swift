import StanceKit
import Terminal

/// The small window of an annotation flow: what it is about, the question, and the choices or
/// the line being typed.
enum AnnotationPopup {
    static let listRows = 8

    /// Centred a third of the way down, unless that hides `keepVisible` (the cursor's row): then
    /// below it, or above it when there is no room below.
    static func frame(size: Size, contentRows: Int, keepVisible row: Int? = nil) -> Rect {
        let width = min(size.width - 2, 64)
        let height = min(size.height - 2, contentRows + 4)
        var y = max(1, (size.height - height) / 3)
        if let row, row >= y, row < y + height {
            y = row + 2 + height <= size.height - 1 ? row + 2 : max(1, row - 1 - height)
        }
        return Rect(x: (size.width - width) / 2, y: y, width: width, height: height)
    }

    /// The screen row of the article cursor, when it is on screen.
    static func cursorRow(_ state: AppState) -> Int? {
        guard let cursor = state.article.cursor, let line = state.article.layout?.line(ofCharacter: cursor),
              let inside = state.layout.inside(.article) else { return nil }
        let row = inside.y + line - state.article.scroll
        return row >= inside.y && row < inside.maxY ? row : nil
    }

    /// Rows of the actor list that fit.
    static func listHeight(size: Size) -> Int { max(1, min(listRows, size.height - 8)) }

    static func draw(_ flow: AnnotationFlow, state: AppState, size: Size, into screen: inout Screen) {
        let lines = content(flow, state: state, size: size)
        let rect = frame(size: size, contentRows: lines.count, keepVisible: cursorRow(state))
        screen.fill(rect, style: Style(.popup))
        PaneFrame.draw(rect, title: flow.step.title, footer: "step \(flow.progress) · Esc back", focused: true,
                       into: &screen)
        let inside = rect.inset(by: 1)
        let clip = Rect(x: inside.x + 1, y: inside.y, width: inside.width - 2, height: inside.height)
        screen.put(flow.subject, x: clip.x, y: inside.y, style: Style(.textDim), clip: clip)
        for (row, line) in lines.enumerated() where row + 2 < inside.height {
            let y = inside.y + 2 + row
            if line.style.slot == .selection {
                screen.fill(Rect(x: clip.x, y: y, width: clip.width, height: 1), style: line.style)
            }
            var x = clip.x
            for (text, style) in line.runs { x += screen.put(text, x: x, y: y, style: style, clip: clip) }
        }
    }

    struct Line {
        var runs: [(String, Style)]
        var style: Style = Style(.popup)
    }

    private static func content(_ flow: AnnotationFlow, state: AppState, size: Size) -> [Line] {
        let plain = Style(.popup)
        func input(_ text: String) -> [Line] {
            [Line(runs: [("> " + text, plain), (" ", Style(.cursor, [.reverse]))])]
        }
        func choices(_ items: [(key: Character, label: String)]) -> [Line] {
            items.map { Line(runs: [(String($0.key), Style(.statusKey, [.bold])), ("  " + $0.label, plain)]) }
        }
        switch flow.step {
        case .chooseActor(let choice):
            var lines = [Line(runs: [("Filter: " + choice.filter.text, plain), (" ", Style(.cursor, [.reverse]))])]
            let height = listHeight(size: size)
            let end = min(choice.rowCount, choice.scroll + height)
            for index in choice.scroll..<end {
                let isCursor = index == choice.cursor
                let style = isCursor ? Style(.selection, [.bold]) : plain
                let text: String
                if index < choice.rows.count {
                    let actor = choice.rows[index]
                    text = actor.name + (actor.role.map { " · \($0)" } ?? "")
                } else {
                    let typed = choice.filter.text.trimmingCharacters(in: .whitespaces)
                    text = typed.isEmpty ? "+ Create a new actor" : "+ Create a new actor “\(typed)”"
                }
                lines.append(Line(runs: [((isCursor ? "▸ " : "  ") + text, style)], style: style))
            }
            if choice.rowCount == 0 { lines.append(Line(runs: [("No actor matches", Style(.textDim))])) }
            return lines
        case .newActorName(let text), .newActorRole(let text), .typeDate(let text), .typeNote(let text),
             .typeName(let text):
            return input(text.text)
        case .newActorKind:
            return choices(ChoiceKeys.actorKinds.map { ($0.key, $0.label) })
        case .chooseKind:
            return choices(ChoiceKeys.statementKinds.map { ($0.key, $0.label) })
        case .chooseStance:
            return ChoiceKeys.stances(state.frame).map { choice in
                Line(runs: [(String(choice.key), Style(.statusKey, [.bold])), ("  ", plain),
                            (state.glyphs.glyph(choice.stance), Style(state.glyphs.slotName(choice.stance))),
                            (" " + choice.label, plain)])
            }
        case .chooseAlias(let aliases, let cursor):
            return aliases.enumerated().map { index, alias in
                let style = index == cursor ? Style(.selection, [.bold]) : plain
                return Line(runs: [((index == cursor ? "▸ " : "  ") + alias, style)], style: style)
            }
        }
    }
}
