import Terminal

/// The `?` window: every command of the table, grouped by where it applies, with its keys.
enum HelpOverlay {
    struct Line: Hashable {
        var text: String
        var isHeading: Bool
    }

    /// The help text, generated from the command table: a section per pane or window, as a
    /// keymap, the pane that has focus first.
    static func lines(first: CommandContext) -> [Line] {
        var lines: [Line] = []
        for context in [first] + CommandContext.allCases.filter({ $0 != first }) {
            let commands = CommandTable.all.filter { $0.contexts.contains(context) }
            guard !commands.isEmpty else { continue }
            if !lines.isEmpty { lines.append(Line(text: "", isHeading: false)) }
            lines.append(Line(text: context.title, isHeading: true))
            for command in commands {
                var keys = CommandTable.keyNames(command)
                if keys.isEmpty { keys = ":" + ([command.name] + command.aliases).last! }
                lines.append(Line(text: pad(keys, 16) + pad(command.name, 24) + command.help, isHeading: false))
            }
        }
        return lines
    }

    static func frame(size: Size) -> Rect {
        let width = min(size.width - 2, 100)
        let height = size.height - 2
        return Rect(x: (size.width - width) / 2, y: 1, width: width, height: height)
    }

    static func bodyHeight(size: Size) -> Int { max(1, frame(size: size).height - 2) }

    static func draw(scroll: Int, first: CommandContext, size: Size, into screen: inout Screen) {
        let rect = frame(size: size)
        let all = lines(first: first)
        screen.fill(rect)
        let inside = rect.inset(by: 1)
        let top = min(scroll, max(0, all.count - inside.height))
        PaneFrame.draw(rect, title: "Help · Esc closes · : runs a command by name",
                       footer: "\(top + 1)-\(min(all.count, top + inside.height))/\(all.count)", focused: true,
                       into: &screen)
        for (row, line) in all.dropFirst(top).prefix(inside.height).enumerated() {
            screen.put(line.text, x: inside.x + 1, y: inside.y + row,
                       style: line.isHeading ? Style(.headline, [.bold]) : .plain,
                       clip: Rect(x: inside.x + 1, y: inside.y, width: inside.width - 2, height: inside.height))
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - TerminalText.width(text)))
    }
}
