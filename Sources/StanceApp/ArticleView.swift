import StanceKit
import Terminal

/// The article pane: header, wrapped paragraphs with mentions, statements (stance colour and a
/// gutter glyph), search matches and boilerplate dimmed; Markdown as a reader sees it (emphasis
/// bold or italic, quote bars and bullets in front of their lines, the marks themselves hidden).
enum ArticleView {
    static func draw(_ state: AppState, in rect: Rect, into screen: inout Screen) {
        let focused = state.focus == .article && state.overlay == nil
        guard let prepared = state.article.prepared else {
            PaneFrame.draw(rect, title: Pane.article.title, focused: focused, into: &screen)
            let inside = rect.inset(by: 1)
            screen.put(state.isLoading ? "Loading…" : "No article open (o opens one)",
                       x: inside.x + 1, y: inside.y, style: Style(.textDim), clip: inside)
            return
        }
        let inside = rect.inset(by: 1)
        // A render without a prior update at this width (a test, the first frame) wraps here.
        let width = max(1, inside.width - WorkbenchLayout.articleGutter)
        let layout = state.article.layout.flatMap { $0.width == width ? $0 : nil } ?? ArticleLayout(prepared, width: width)
        let top = min(state.article.scroll, max(0, layout.lines.count - inside.height))
        let shown = min(layout.lines.count - top, inside.height)
        PaneFrame.draw(rect, title: Pane.article.title,
                       footer: position(top: top, shown: shown, total: layout.lines.count),
                       focused: focused, into: &screen)
        guard shown > 0 else { return }
        let decorations = Decorations(state: state, prepared: prepared)
        let textX = inside.x + WorkbenchLayout.articleGutter
        let textClip = Rect(x: textX, y: inside.y, width: width, height: inside.height)
        for row in 0..<shown {
            let line = layout.lines[top + row]
            let y = inside.y + row
            switch line.kind {
            case .meta:
                screen.put(line.header ?? "", x: textX, y: y, style: Style(.textDim), clip: textClip)
            case .title:
                screen.put(line.header ?? "", x: textX, y: y, style: Style(.headline, [.bold]), clip: textClip)
            case .rule:
                screen.fill(Rect(x: textX, y: y, width: width, height: 1), style: Style(.textDim), with: "─")
            case .blank:
                break
            case .block(let role):
                guard let characters = line.characters else { continue }
                if !line.lead.isEmpty {
                    screen.put(line.lead, x: textX, y: y, style: Style(.textDim), clip: textClip)
                }
                drawText(characters, role: role, y: y, x: textX + line.leadWidth, clip: textClip, prepared: prepared,
                         decorations: decorations, into: &screen)
                drawGutter(characters, x: inside.x, y: y, prepared: prepared, decorations: decorations, into: &screen)
            }
        }
    }

    /// "12-40/240 30%": the lines shown, of how many, and how far down.
    static func position(top: Int, shown: Int, total: Int) -> String {
        guard total > 0 else { return "" }
        let last = top + shown
        let percent = total <= shown ? 100 : top * 100 / max(1, total - shown)
        return "\(top + 1)-\(last)/\(total) \(percent)%"
    }

    /// What to highlight, gathered once per frame.
    struct Decorations {
        let statements: [Statement]
        let currentStatement: String?
        let selectedLocalActors: Set<String>
        let mentions: [PreparedArticle.Mention]
        let matches: [TextSpan]
        let currentMatch: TextSpan?
        let glyphs: StanceGlyphs
        let cursor: Int?
        let selection: ClosedRange<Int>?

        init(state: AppState, prepared: PreparedArticle) {
            cursor = state.article.cursor
            selection = state.article.selection
            statements = prepared.statements
            currentStatement = state.article.currentStatement.flatMap { prepared.statements[safe: $0]?.id }
            let loaded = prepared.loaded
            selectedLocalActors = state.selectedActor.map { selected in
                Set(loaded.corpusActorIDs.filter { $0.value == selected }.keys)
            } ?? []
            mentions = prepared.mentions
            matches = state.article.search?.matches ?? []
            currentMatch = state.article.search.flatMap { search in search.current.flatMap { search.matches[safe: $0] } }
            glyphs = state.glyphs
        }
    }

    /// Indices of the spans of a start-sorted list that overlap `range`; `longest` bounds how far
    /// back an overlapping span can start.
    private static func overlapping<T>(_ items: [T], span: (T) -> TextSpan, longest: Int, range: TextSpan) -> [Int] {
        var low = 0, high = items.count
        let from = range.start - longest
        while low < high {
            let mid = (low + high) / 2
            if span(items[mid]).start < from { low = mid + 1 } else { high = mid }
        }
        var result: [Int] = []
        var index = low
        while index < items.count, span(items[index]).start < range.end {
            if span(items[index]).overlaps(range) { result.append(index) }
            index += 1
        }
        return result
    }

    /// The scalars a line shows: from its first character's start to its last character's end.
    private static func lineSpan(_ characters: Range<Int>, _ prepared: PreparedArticle) -> TextSpan {
        guard let last = characters.last else {
            let offset = prepared.scalarOffsets[safe: characters.lowerBound] ?? prepared.scalarEnds.last ?? 0
            return TextSpan(start: offset, end: offset)
        }
        return TextSpan(start: prepared.scalarOffsets[characters.lowerBound], end: prepared.scalarEnds[last])
    }

    /// The scalars a line stands for when a statement starts: its own, and the hidden markup
    /// before its first character (a statement may start at a link's `[` or a `**`).
    private static func leadingSpan(_ characters: Range<Int>, _ prepared: PreparedArticle) -> TextSpan {
        let shown = lineSpan(characters, prepared)
        let start = characters.lowerBound > 0 ? prepared.scalarEnds[characters.lowerBound - 1] : 0
        return TextSpan(start: min(start, shown.start), end: shown.end)
    }

    private static func drawText(_ characters: Range<Int>, role: BlockRole, y: Int, x: Int, clip: Rect,
                                 prepared: PreparedArticle, decorations: Decorations, into screen: inout Screen) {
        let span = lineSpan(characters, prepared)
        // Each decoration on the line with its style, made once per line rather than per character.
        let statements = overlapping(decorations.statements, span: \.span, longest: prepared.longestStatement, range: span)
            .map { index -> (span: TextSpan, standing: Bool, style: Style) in
                let statement = decorations.statements[index]
                var attributes: TextAttributes = []
                if decorations.selectedLocalActors.contains(statement.actorID) { attributes.insert(.underline) }
                if statement.id == decorations.currentStatement { attributes.insert(.bold) }
                let standing = statement.status != .rejected
                return (statement.span, standing, standing ? Style(decorations.glyphs.slotName(statement.stance), attributes)
                                                           : Style(.textDim, attributes.union(.dim)))
            }
        let mentions = overlapping(decorations.mentions, span: \.span, longest: prepared.longestMention, range: span)
            .map { index in
                let mention = decorations.mentions[index]
                let selected = decorations.selectedLocalActors.contains(mention.actorID)
                return (span: mention.span, style: Style(.mention, selected ? [.reverse, .bold] : []))
            }
        let matchLength = decorations.matches.first?.length ?? 0
        let matches = overlapping(decorations.matches, span: { $0 }, longest: matchLength, range: span)
            .map { index in
                let match = decorations.matches[index]
                return (span: match, style: Style(.searchMatch, match == decorations.currentMatch ? [.reverse] : []))
            }
        let emphasis = overlapping(prepared.emphasis, span: \.span, longest: prepared.longestEmphasis, range: span)
            .map { prepared.emphasis[$0] }
        let base: Style
        switch role {
        case .headline: base = Style(.headline, [.bold])
        case .subheading: base = Style(.text, [.bold])
        default: base = role.isBoilerplate ? Style(.textDim) : .plain
        }
        var column = x
        for index in characters {
            let offset = prepared.scalarOffsets[index]
            var style = base
            // A standing statement wins over a rejected one on the same words.
            if let statement = statements.first(where: { $0.standing && $0.span.contains(offset) })
                ?? statements.first(where: { $0.span.contains(offset) }) {
                style = statement.style
            }
            if let mention = mentions.first(where: { $0.span.contains(offset) }) { style = mention.style }
            if let match = matches.first(where: { $0.span.contains(offset) }) { style = match.style }
            for marked in emphasis where marked.span.contains(offset) {
                style.attributes.insert(marked.strong ? .bold : .italic)
            }
            if decorations.selection?.contains(index) == true { style = Style(.selection) }
            if index == decorations.cursor { style = Style(.cursor, [.reverse]) }
            for piece in Int(prepared.firstPiece[index])..<Int(prepared.firstPiece[index + 1]) {
                let width = Int(prepared.pieceWidths[piece])
                let placed = screen.putPiece(prepared.pieceTexts[piece], width: width, x: column, y: y, style: style,
                                             clip: clip)
                // Past the clip's right edge: the rest of the line is not shown.
                guard placed == width else { return }
                column += width
            }
        }
    }

    /// The stance glyph where a statement starts, and a bar down its lines: dotted while suggested,
    /// solid once confirmed; a rejected one keeps a dim cross and no bar.
    private static func drawGutter(_ characters: Range<Int>, x: Int, y: Int, prepared: PreparedArticle,
                                   decorations: Decorations, into screen: inout Screen) {
        let span = lineSpan(characters, prepared)
        let indices = overlapping(decorations.statements, span: \.span, longest: prepared.longestStatement, range: span)
        guard let first = indices.first else { return }
        let leading = leadingSpan(characters, prepared)
        let starting = indices.first { leading.contains(decorations.statements[$0].span.start) }
        let statement = decorations.statements[starting ?? first]
        let isCurrent = statement.id == decorations.currentStatement
        if starting != nil {
            if statement.status == .rejected {
                screen.put(StatusMark.rejectedGlyph, x: x, y: y, style: Style(.textDim, isCurrent ? [.reverse] : [.dim]))
            } else {
                screen.put(decorations.glyphs.glyph(statement.stance, status: statement.status), x: x, y: y,
                           style: Style(decorations.glyphs.slotName(statement.stance), isCurrent ? [.reverse] : []))
            }
        }
        screen.put(StatusMark.bar(for: statement.status), x: x + 1, y: y,
                   style: Style(StatusMark.slot(for: statement.status), isCurrent ? [.bold] : []))
    }
}
