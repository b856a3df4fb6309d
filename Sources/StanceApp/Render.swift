import StanceKit
import Terminal

/// Draws the whole workbench for `state` into `screen`. Pure: the same state gives the same screen,
/// and views name theme slots only, never colours.
public func render(_ state: AppState, into screen: inout Screen) {
    screen.fill(screen.bounds)
    let layout = WorkbenchLayout(size: screen.size, focus: state.focus)
    guard layout.kind != .tooSmall else {
        drawTooSmall(size: screen.size, into: &screen)
        return
    }
    if let titleBar = layout.titleBar { drawTitleBar(state, in: titleBar, into: &screen) }
    if let tabRow = layout.tabRow { drawTabRow(state, in: tabRow, into: &screen) }
    for (pane, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
        switch pane {
        case .article: ArticleView.draw(state, in: rect, into: &screen)
        case .actors where state.agreement != nil: AgreementView.draw(state, in: rect, into: &screen)
        case .actors: ActorsView.draw(state, in: rect, into: &screen)
        case .timeline where state.corpusTimeline != nil: CorpusTimelineView.draw(state, in: rect, into: &screen)
        case .timeline: TimelineView.draw(state, in: rect, into: &screen)
        }
    }
    switch state.overlay {
    case .help(let scroll): HelpOverlay.draw(scroll: scroll, first: state.focus.context, size: screen.size, into: &screen)
    case .articlePicker(let picker):
        ArticlePicker.draw(picker, current: state.currentArticle?.summary.id, size: screen.size, into: &screen)
    case .comparison: CompareView.draw(state, into: &screen)
    case .actorPicker(let picker):
        ActorPickerView.draw(picker, subjectName: state.name(of: picker.subject), size: screen.size, into: &screen)
    case nil: break
    }
    if let flow = state.annotation { AnnotationPopup.draw(flow, state: state, size: screen.size, into: &screen) }
    if case .commandLine(let line) = state.mode, !line.completions.isEmpty {
        drawCompletions(line, above: layout.status, into: &screen)
    }
    StatusBarView.draw(state, in: layout.status, into: &screen)
}

/// A screen of `state.size` with the workbench drawn in it.
public func render(_ state: AppState) -> Screen {
    var screen = Screen(size: state.size)
    render(state, into: &screen)
    return screen
}

private func drawTitleBar(_ state: AppState, in rect: Rect, into screen: inout Screen) {
    screen.fill(rect, style: Style(.titleBar))
    var left = " StanceBench"
    if let current = state.currentArticle?.summary {
        let index = state.corpus.articles.firstIndex { $0.id == current.id }.map { "\($0 + 1)/\(state.corpus.articles.count) " } ?? ""
        left += " │ \(index)\(current.title)"
    }
    // Before the corpus' actors are read (the first frame), their number is not known yet.
    let actors = state.isLoading && state.corpus.actors.isEmpty ? "…" : String(state.corpus.actors.count)
    let right = "\(state.corpus.articles.count) articles · \(actors) actors · theme \(state.themeName) "
    let rightWidth = TerminalText.width(right)
    let room = rect.width - rightWidth - 2
    if room > 20 {
        screen.put(left, x: rect.x, y: rect.y, style: Style(.titleBar, [.bold]), maxWidth: room)
        screen.put(right, x: rect.maxX - rightWidth, y: rect.y, style: Style(.titleBar))
    } else {
        screen.put(left, x: rect.x, y: rect.y, style: Style(.titleBar, [.bold]), clip: rect)
    }
}

private func drawTabRow(_ state: AppState, in rect: Rect, into screen: inout Screen) {
    screen.fill(rect, style: Style(.titleBar))
    var x = rect.x + 1
    for pane in Pane.allCases {
        let focused = pane == state.focus
        let label = focused ? "[\(pane.rawValue + 1) \(pane.title)]" : " \(pane.rawValue + 1) \(pane.title) "
        x += screen.put(label, x: x, y: rect.y,
                        style: Style(focused ? .paneTitleFocused : .titleBar, focused ? [.bold] : []), clip: rect)
        x += 1
    }
}

private func drawCompletions(_ line: CommandLineState, above status: Rect, into screen: inout Screen) {
    let row = Rect(x: status.x, y: status.y - 1, width: status.width, height: 1)
    screen.fill(row, style: Style(.status))
    var x = row.x + 1
    for (index, candidate) in line.completions.enumerated() {
        let chosen = index == line.completionIndex
        x += screen.put(candidate, x: x, y: row.y, style: chosen ? Style(.selection, [.reverse]) : Style(.status), clip: row)
        x += 2
    }
}

private func drawTooSmall(size: Size, into screen: inout Screen) {
    let minimum = WorkbenchLayout.singleMinimum
    let lines = ["Terminal too small", "\(size) here, \(minimum) needed", "q quits"]
    let top = max(0, (size.height - lines.count) / 2)
    for (index, line) in lines.enumerated() {
        let x = max(0, (size.width - TerminalText.width(line)) / 2)
        screen.put(line, x: x, y: top + index, style: Style(index == 0 ? .error : .text, index == 0 ? [.bold] : []))
    }
}
