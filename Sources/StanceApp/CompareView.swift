import StanceKit
import Terminal

/// The compare view: two actors (or one actor in two periods) side by side over the whole
/// screen, a header per side, then one row per period in which either spoke.
enum CompareView {
    /// Where everything goes at a screen size; shared by render and by update's scrolling.
    struct Geometry {
        static let labelWidth = 10
        static let headerHeight = 5

        let frame: Rect
        let label: Rect
        let left: Rect
        let right: Rect
        let header: Rect
        let body: Rect

        init(size: Size) {
            frame = Rect(x: 0, y: 0, width: size.width, height: max(0, size.height - 1))
            let inside = frame.inset(by: 1)
            header = Rect(x: inside.x, y: inside.y, width: inside.width, height: min(Self.headerHeight, inside.height))
            body = Rect(x: inside.x, y: inside.y + header.height + 1, width: inside.width,
                        height: max(0, inside.height - header.height - 1))
            // " 2026-W10 ≠ " then the two columns with " │ " between them.
            let columns = max(2, inside.width - Self.labelWidth - 3 - 3)
            let leftWidth = columns / 2
            label = Rect(x: inside.x, y: body.y, width: Self.labelWidth, height: body.height)
            left = Rect(x: inside.x + Self.labelWidth + 3, y: body.y, width: leftWidth, height: body.height)
            right = Rect(x: left.maxX + 3, y: body.y, width: columns - leftWidth, height: body.height)
        }
    }

    /// A run of text with its look.
    struct Run {
        var text: String
        var style: Style
    }

    typealias Line = [Run]

    // MARK: Measuring

    /// Rows take the height of their taller side, and a blank line after.
    static func height(of row: ActorComparison.Row, geometry: Geometry) -> Int {
        max(1, lineCount(row.left, width: geometry.left.width), lineCount(row.right, width: geometry.right.width)) + 1
    }

    private static func lineCount(_ statements: [DatedStatement], width: Int) -> Int {
        statements.reduce(0) { $0 + 1 + wrap(words(of: $1), width: width - 2).count }
    }

    private static func words(of statement: DatedStatement) -> [Substring] {
        statement.statement.text.split(whereSeparator: \.isWhitespace)
    }

    /// Greedy word wrap into lines of word indices; a word wider than the line gets a line of its own.
    static func wrap(_ words: [Substring], width: Int) -> [Range<Int>] {
        let width = max(1, width)
        var lines: [Range<Int>] = []
        var start = 0, used = 0
        for (index, word) in words.enumerated() {
            let columns = TerminalText.width(word)
            if index > start, used + 1 + columns > width {
                lines.append(start..<index)
                start = index
                used = columns
            } else {
                used += (index > start ? 1 : 0) + columns
            }
        }
        if start < words.count { lines.append(start..<words.count) }
        return lines
    }

    // MARK: Drawing

    static func draw(_ state: AppState, into screen: inout Screen) {
        guard let compare = state.comparison else { return }
        let geometry = Geometry(size: screen.size)
        let comparison = compare.comparison
        screen.fill(geometry.frame)
        PaneFrame.draw(geometry.frame, title: title(compare), footer: footer(compare), focused: true, into: &screen)
        drawHeader(comparison.left, in: leftHalf(of: geometry.header, geometry), state: state, into: &screen)
        drawHeader(comparison.right, in: rightHalf(of: geometry.header, geometry), state: state, into: &screen)
        let rule = Rect(x: geometry.header.x, y: geometry.header.maxY, width: geometry.header.width, height: 1)
        screen.fill(rule, style: Style(.paneBorder), with: "─")
        guard !comparison.rows.isEmpty else {
            screen.put("Neither said anything in this period", x: geometry.left.x, y: geometry.body.y,
                       style: Style(.textDim), clip: geometry.body)
            return
        }
        var y = geometry.body.y
        var index = compare.scroll
        while index < comparison.rows.count, y < geometry.body.maxY {
            let row = comparison.rows[index]
            let isCursor = index == compare.cursor
            drawLabel(row, comparison: comparison, isCursor: isCursor, y: y, geometry: geometry, into: &screen)
            drawStatements(row.left, x: geometry.left.x, width: geometry.left.width, y: y, bottom: geometry.body.maxY,
                           highlighted: isCursor && compare.side == .left, state: state, into: &screen)
            drawStatements(row.right, x: geometry.right.x, width: geometry.right.width, y: y, bottom: geometry.body.maxY,
                           highlighted: isCursor && compare.side == .right, state: state, into: &screen)
            let height = self.height(of: row, geometry: geometry)
            for line in y..<min(y + height - 1, geometry.body.maxY) {
                screen.put("│", x: geometry.left.maxX + 1, y: line, style: Style(.paneBorder))
            }
            y += height
            index += 1
        }
    }

    /// The status bar's "where": the comparison's row and side, or the corpus timeline's actor;
    /// nil when neither is in front.
    static func statusPosition(_ state: AppState) -> String? {
        if case .comparison = state.overlay, let compare = state.comparison {
            let rows = compare.comparison.rows.count
            return rows == 0 ? "no rows" : "row \(compare.cursor + 1)/\(rows) · \(compare.side == .left ? "left" : "right")"
        }
        if state.overlay == nil, state.focus == .timeline, let mode = state.corpusTimeline, !mode.timeline.lanes.isEmpty {
            return "actor \(mode.lane + 1)/\(mode.timeline.lanes.count)"
        }
        return nil
    }

    private static func title(_ compare: ComparisonState) -> String {
        let comparison = compare.comparison
        var title = "Compare · "
        switch compare.subject {
        case .actors: title += "\(comparison.left.actor.name) and \(comparison.right.actor.name)"
        case .periods: title += "\(comparison.left.actor.name), earlier and later"
        }
        title += " · by \(compare.bucket.rawValue)"
        if compare.windowStart != nil, let from = comparison.left.from, let to = comparison.left.to {
            title += " · \(from) to \(to)"
        }
        return title
    }

    private static func footer(_ compare: ComparisonState) -> String {
        let rows = compare.comparison.rows
        let opposed = rows.filter(\.isOpposed).count
        return rows.isEmpty ? "" : "\(opposed) opposed · row \(compare.cursor + 1)/\(rows.count)"
    }

    private static func leftHalf(of rect: Rect, _ geometry: Geometry) -> Rect {
        Rect(x: geometry.left.x, y: rect.y, width: geometry.left.width, height: rect.height)
    }

    private static func rightHalf(of rect: Rect, _ geometry: Geometry) -> Rect {
        Rect(x: geometry.right.x, y: rect.y, width: geometry.right.width, height: rect.height)
    }

    /// Name and role; the period; statements per position; first and latest position; changes.
    private static func drawHeader(_ side: ComparedActor, in rect: Rect, state: AppState, into screen: inout Screen) {
        let glyphs = state.glyphs
        var lines: [Line] = []
        var name: Line = [Run(text: side.actor.name, style: Style(.text, [.bold]))]
        if let role = side.actor.role { name.append(Run(text: " · \(role)", style: Style(.textDim))) }
        lines.append(name)
        let counts = state.frame.stanceValues.filter { side.tally.count($0) > 0 }.flatMap { stance in
            [Run(text: glyphs.glyph(stance), style: Style(glyphs.slotName(stance))),
             Run(text: " \(side.tally.count(stance)) \(label(stance, state.frame))  ", style: Style(.text))]
        }
        var period = "\(side.statementCount) statement\(side.statementCount == 1 ? "" : "s")"
        if let from = side.from, let to = side.to { period += ", \(from) to \(to)" }
        lines.append([Run(text: period, style: Style(.textDim))])
        lines.append(counts.isEmpty ? [Run(text: "no statements", style: Style(.textDim))] : counts)
        var positions: Line = []
        for (word, position) in [("first", side.first), ("latest", side.latest)] {
            guard let position else { continue }
            positions += [Run(text: "\(word) ", style: Style(.textDim)),
                          Run(text: glyphs.glyph(position.position), style: Style(glyphs.slotName(position.position))),
                          Run(text: " \(position.date)  ", style: Style(.text))]
        }
        lines.append(positions.isEmpty ? [Run(text: "took no position", style: Style(.textDim))] : positions)
        var changes: Line = [Run(text: side.shifts.isEmpty ? "no change of position" : "changed ", style: Style(.textDim))]
        for shift in side.shifts {
            changes += [Run(text: glyphs.glyph(shift.from), style: Style(glyphs.slotName(shift.from))),
                        Run(text: "→", style: Style(.text)),
                        Run(text: glyphs.glyph(shift.to), style: Style(glyphs.slotName(shift.to))),
                        Run(text: " \(shift.date)  ", style: Style(.text))]
        }
        lines.append(changes)
        for (offset, line) in lines.prefix(rect.height).enumerated() {
            put(line, x: rect.x, y: rect.y + offset, clip: rect, into: &screen)
        }
    }

    private static func label(_ stance: String, _ frame: Frame) -> String {
        frame.position(stance)?.label.lowercased() ?? stance
    }

    private static func drawLabel(_ row: ActorComparison.Row, comparison: ActorComparison, isCursor: Bool, y: Int,
                                  geometry: Geometry, into screen: inout Screen) {
        let style = isCursor ? Style(.selection, [.bold]) : Style(.axis)
        let text = comparison.alignment == .calendar ? row.leftBucket.label : "+\(row.offset) \(row.leftBucket.size.rawValue)"
        if isCursor { screen.fill(Rect(x: geometry.label.x, y: y, width: geometry.label.width, height: 1), style: style) }
        screen.put(text, x: geometry.label.x, y: y, style: style, maxWidth: geometry.label.width)
        if row.isOpposed {
            screen.put(ReportGlyphs.opposed, x: geometry.label.maxX + 1, y: y, style: Style(.error, [.bold]))
        }
    }

    /// Each statement: its glyph, date and outlet, then the words wrapped below, the evidence emphasised.
    private static func drawStatements(_ statements: [DatedStatement], x: Int, width: Int, y: Int, bottom: Int,
                                       highlighted: Bool, state: AppState, into screen: inout Screen) {
        let clip = Rect(x: x, y: y, width: width, height: max(0, bottom - y))
        var line = y
        for (index, dated) in statements.enumerated() {
            let stance = dated.stance
            let heading = highlighted && index == 0
            if heading { screen.fill(Rect(x: x, y: line, width: width, height: 1), style: Style(.selection)) }
            let base = heading ? Style(.selection, [.bold]) : Style(.textDim)
            var top: Line = [Run(text: state.glyphs.glyph(stance, status: dated.statement.status),
                                 style: heading ? base : Style(state.glyphs.slotName(stance))),
                             Run(text: " \(dated.date)", style: base)]
            if let outlet = dated.outlet { top.append(Run(text: " · \(outlet)", style: base)) }
            put(top, x: x, y: line, clip: clip, into: &screen)
            line += 1
            let words = words(of: dated)
            let evidence = Set(dated.statement.evidence.flatMap { $0.lowercased().split(whereSeparator: \.isWhitespace) }
                .map { $0.trimmingCharacters(in: .punctuationCharacters) })
            for range in wrap(words, width: width - 2) {
                guard line < bottom else { return }
                var column = x + 2
                for index in range {
                    let word = words[index]
                    let isEvidence = evidence.contains(word.lowercased().trimmingCharacters(in: .punctuationCharacters))
                    column += screen.put(word, x: column, y: line,
                                         style: isEvidence ? Style(.text, [.bold, .underline]) : Style(.text), clip: clip)
                    column += 1
                }
                line += 1
            }
        }
    }

    private static func put(_ line: Line, x: Int, y: Int, clip: Rect, into screen: inout Screen) {
        var column = x
        for run in line { column += screen.put(run.text, x: column, y: y, style: run.style, clip: clip) }
    }
}

/// The actor picker of a comparison: type part of a name, move with the arrows, Enter compares.
enum ActorPickerView {
    static func frame(size: Size) -> Rect {
        let width = min(60, size.width - 4)
        let height = min(18, size.height - 4)
        return Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
    }

    /// Rows of actors shown: the frame less its border and the filter line.
    static func bodyHeight(size: Size) -> Int { max(1, frame(size: size).height - 3) }

    static func draw(_ picker: ActorPickerState, subjectName: String, size: Size, into screen: inout Screen) {
        let rect = frame(size: size)
        screen.fill(rect, style: Style(.popup))
        PaneFrame.draw(rect, title: "Compare \(subjectName) with…", footer: picker.rows.isEmpty ? "" : "\(picker.cursor + 1)/\(picker.rows.count)",
                       focused: true, into: &screen)
        let inside = rect.inset(by: 1)
        screen.put("› \(picker.filter.text)▏", x: inside.x + 1, y: inside.y, style: Style(.popup, [.bold]), clip: inside)
        guard !picker.rows.isEmpty else {
            screen.put("No actor matches", x: inside.x + 1, y: inside.y + 2, style: Style(.textDim), clip: inside)
            return
        }
        let end = min(picker.rows.count, picker.scroll + bodyHeight(size: size))
        for index in picker.scroll..<end {
            let actor = picker.rows[index]
            let y = inside.y + 2 + index - picker.scroll
            let isCursor = index == picker.cursor
            let style = isCursor ? Style(.selection, [.bold]) : Style(.popup)
            if isCursor { screen.fill(Rect(x: inside.x, y: y, width: inside.width, height: 1), style: style) }
            var x = inside.x + screen.put(isCursor ? "▸ " : "  ", x: inside.x, y: y, style: style, clip: inside)
            x += screen.put(actor.name, x: x, y: y, style: style, clip: inside)
            if let role = actor.role {
                screen.put(" · \(role)", x: x, y: y, style: isCursor ? style : Style(.textDim), clip: inside)
            }
        }
    }
}
