import Foundation
import StanceKit
import Terminal

/// The one place where the state changes. Returns the effects for the runtime to run.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .start:
        state.isLoading = true
        return [.loadArticleList]
    case .articleListLoaded(let articles):
        state.corpus.articles = articles
        if state.currentArticle == nil, let first = articles.first { return [.loadArticle(first.id, statement: nil)] }
        return []
    case .firstFrameDrawn:
        return [.loadCorpus]
    case .key(let key):
        state.message = nil
        return state.handle(key)
    case .resized(let size):
        state.size = size
        state.layoutChanged()
        return []
    case .run(let command, let argument):
        return state.run(command, argument: argument)
    case .corpusLoaded(let snapshot):
        state.isLoading = false
        state.corpusChanged(to: snapshot, timeline: TimelineModel(snapshot))
        if state.currentArticle == nil, let first = snapshot.articles.first {
            return [.loadArticle(first.id, statement: nil)]
        }
        if snapshot.articles.isEmpty { state.message = StatusMessage(text: "The corpus is empty", isError: true) }
        return []
    case .corpusPatched(let patch):
        let snapshot = state.corpus.patched(patch)
        state.corpusChanged(to: snapshot, timeline: TimelineModel(snapshot, keeping: state.timeline.model, except: patch.actorIDs))
        return []
    case .timelineStatementsLoaded(let statements):
        state.timelineStatementsArrived(statements)
        return []
    case .statementTextLoaded(let statement, let text):
        // A statement gone since its row was read has no words to show; "" stops asking again.
        state.timeline.model.fillText(text ?? "", of: statement, inRow: state.timeline.row)
        return []
    case .firstStatementFound(let name, let statement):
        guard let statement else {
            state.message = StatusMessage(text: "\(name) made no statement", isError: false)
            return []
        }
        return [.loadArticle(statement.articleID, statement: statement.statementID)]
    case .changedElsewhere:
        state.message = StatusMessage(text: "Read the workspace again: another workbench saved changes", isError: false)
        return [.forgetCachedReads] + state.rereadAfterChange(show: nil)
    case .articleLoaded(let loaded, let statement):
        state.open(loaded, statement: statement)
        return []
    case .articlesMatched(let query, let ids):
        if case .articlePicker(var picker) = state.overlay, picker.filter.text == query {
            picker.textMatches = Set(ids)
            state.overlay = .articlePicker(state.refreshed(picker))
        }
        return []
    case .themeSwitched(let name):
        state.themeName = name
        state.message = StatusMessage(text: "Theme: \(name)", isError: false)
        return []
    case .effectFailed(let text):
        state.message = StatusMessage(text: text, isError: true)
        return []
    case .datedStatementsLoaded(let actors, let statements):
        return state.datedStatementsArrived(DatedStatementsRead(actors: actors, statements: statements))
    case .dailyStanceCountsLoaded(let outlets, let counts):
        return state.dailyCountsArrived(DailyStanceCountsRead(outlets: outlets, counts: counts))
    case .saved(let change, let show):
        return state.saved(change, show: show) + state.reloadingOpenDatedViews
    case .nothingChanged(let text):
        state.message = StatusMessage(text: text, isError: false)
        return []
    case .writeFailed(let text, let changeWasSaved):
        // Nothing on screen changes unless the change is in the workspace after all.
        state.message = StatusMessage(text: text, isError: true)
        return changeWasSaved ? state.rereadAfterChange(show: nil) : []
    case .exported(let report):
        let statements = "\(report.statementCount) statement\(report.statementCount == 1 ? "" : "s")"
        let articles = "\(report.articleCount) article\(report.articleCount == 1 ? "" : "s")"
        state.message = StatusMessage(text: "Exported \(statements) of \(articles) as \(report.format.rawValue) to \(report.path)",
                                      isError: false)
        return []
    case .articleReloaded(let loaded, let statement):
        state.reload(loaded, statement: statement)
        return []
    }
}

extension AppState {
    // MARK: Keys

    mutating func handle(_ key: Key) -> [Effect] {
        if annotation != nil { return handleAnnotationKey(key) }
        switch mode {
        case .searching(var input):
            switch key {
            case .enter:
                mode = .normal
                search(for: input.text)
            case .escape:
                mode = .normal
            default:
                if input.edit(with: key) { mode = .searching(input) }
            }
            return []
        case .commandLine(var line):
            switch key {
            case .enter:
                mode = .normal
                return execute(commandLine: line.input.text)
            case .escape:
                mode = .normal
            case .tab, .backTab:
                complete(&line, forward: key == .tab)
                mode = .commandLine(line)
            default:
                if line.input.edit(with: key) {
                    line.completions = []
                    line.completionIndex = nil
                    mode = .commandLine(line)
                }
            }
            return []
        case .filteringActors:
            switch key {
            case .enter:
                mode = .normal
            case .escape:
                mode = .normal
                setActorFilter("")
            case .down, .up:
                moveActorCursor(by: key == .down ? 1 : -1)
            default:
                var input = LineInput(actors.filter)
                if input.edit(with: key) { setActorFilter(input.text) }
            }
            return []
        case .normal:
            break
        }
        if layout.kind == .tooSmall {
            return CommandTable.command(for: key, in: .global) == .quit ? [.quit] : []
        }
        if case .articlePicker(var picker) = overlay {
            if case .char = key, picker.filter.edit(with: key) { return pickerFilterChanged(picker) }
            if key == .backspace || key == .ctrl("w") || key == .ctrl("u") {
                _ = picker.filter.edit(with: key)
                return pickerFilterChanged(picker)
            }
        }
        if editActorPicker(with: key) { return [] }
        guard let command = CommandTable.command(for: key, in: commandContexts) else {
            if focus == .article, overlay == nil, let selecting = CommandTable.command(for: key, in: [.selection]) {
                message = StatusMessage(text: "\(KeyNames.name(of: key)) (\(CommandTable.spec(for: selecting).name)) works on "
                                        + "a selection: v starts one", isError: false)
                return []
            }
            message = StatusMessage(text: "\(KeyNames.name(of: key)) does nothing here (? for help)", isError: false)
            return []
        }
        return run(command, argument: nil)
    }

    // MARK: Commands

    mutating func run(_ command: CommandID, argument: String?) -> [Effect] {
        switch command {
        case .quit:
            return [.quit]
        case .focusNextPane, .focusPreviousPane:
            let panes = Pane.allCases
            let step = command == .focusNextPane ? 1 : panes.count - 1
            setFocus(panes[(focus.rawValue + step) % panes.count])
        case .focusArticlePane: setFocus(.article)
        case .focusActorsPane: setFocus(.actors)
        case .focusTimelinePane: setFocus(.timeline)
        case .showHelp:
            if case .help = overlay { overlay = nil } else { overlay = .help(scroll: 0) }
        case .closeOverlay:
            overlay = nil
        case .openCommandLine:
            mode = .commandLine(CommandLineState())
        case .openArticlePicker:
            var picker = PickerState()
            picker = refreshed(picker)
            if let current = currentArticle?.summary.id, let index = picker.rows.firstIndex(where: { $0.id == current }) {
                picker.cursor = index
            }
            overlay = .articlePicker(refreshed(picker))
        case .nextArticle, .previousArticle:
            return openNeighbourArticle(step: command == .nextArticle ? 1 : -1)
        case .openSelectedArticle:
            guard case .articlePicker(let picker) = overlay, picker.rows.indices.contains(picker.cursor) else { return [] }
            overlay = nil
            return [.loadArticle(picker.rows[picker.cursor].id, statement: nil)]
        case .scrollDown, .scrollUp:
            scroll(by: command == .scrollDown ? 1 : -1)
        case .scrollHalfPageDown, .scrollHalfPageUp:
            let half = max(1, pageHeight / 2)
            scroll(by: command == .scrollHalfPageDown ? half : -half)
        case .scrollPageDown, .scrollPageUp:
            let page = max(1, pageHeight - 1)
            scroll(by: command == .scrollPageDown ? page : -page)
        case .scrollToTop:
            scroll(by: Int.min / 2)
        case .scrollToBottom:
            scroll(by: Int.max / 2)
        case .moveDown, .moveUp:
            scroll(by: command == .moveDown ? 1 : -1)
        case .nextStatement:
            goToStatement(forward: true)
        case .previousStatement:
            goToStatement(forward: false)
        case .searchForward:
            if let argument { search(for: argument) } else { mode = .searching(LineInput()) }
        case .nextMatch:
            goToMatch(step: 1)
        case .previousMatch:
            goToMatch(step: -1)
        case .clearSearch:
            if article.search == nil, returnsToComparison { return run(.returnToComparison, argument: nil) }
            article.search = nil
        case .cycleActorSort:
            let sorts = ActorSort.allCases
            actors.sort = sorts[(sorts.firstIndex(of: actors.sort)! + 1) % sorts.count]
            refreshActorRows()
            message = StatusMessage(text: "Actors by \(actors.sort.rawValue)", isError: false)
        case .filterActors:
            setFocus(.actors)
            if let argument { setActorFilter(argument) } else { mode = .filteringActors }
        case .clearActorFilter:
            setActorFilter("")
        case .toggleCorpusActors:
            actors.showsCorpus.toggle()
            refreshActorRows()
            message = StatusMessage(text: actors.showsCorpus ? "Actors of the whole corpus" : "Actors of this article",
                                    isError: false)
        case .selectActor:
            guard let argument, let actor = actorNamed(argument) else {
                message = StatusMessage(text: "No actor named “\(argument ?? "")”", isError: true)
                return []
            }
            select(actor: actor.id)
        case .showActorStatement:
            return showSelectedActorStatement()
        case .nextEvent, .previousEvent:
            moveTimelineEvent(step: command == .nextEvent ? 1 : -1)
        case .timelineZoomIn, .timelineZoomOut:
            zoomTimeline(finer: command == .timelineZoomIn)
        case .openEventStatement:
            guard let ref = timelineCursorEvent else {
                message = StatusMessage(text: "No statement under the cursor", isError: false)
                return []
            }
            return openStatement(ref.statementID, inArticle: ref.articleID)
        case .setTheme:
            guard let name = argument?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
                message = StatusMessage(text: "Usage: :theme NAME (\(themeNames.joined(separator: ", ")))", isError: true)
                return []
            }
            return [.switchTheme(name)]
        case .compareActors, .compareActorPeriods, .nextPickedActor, .previousPickedActor, .choosePickedActor,
             .closeComparison, .returnToComparison, .nextComparisonRow, .previousComparisonRow, .switchComparisonSide,
             .swapComparisonSides, .cycleComparisonBucket, .earlierComparisonWindow, .laterComparisonWindow,
             .showWholeComparison, .openComparedStatement:
            return runComparisonCommand(command, argument: argument)
        case .toggleCorpusTimeline, .nextTimelineLane, .previousTimelineLane, .nextTimelineBucket,
             .previousTimelineBucket, .finerTimelineBuckets, .coarserTimelineBuckets, .toggleTimelineCounts,
             .nextPositionChange, .previousPositionChange, .filterTimeline, .clearTimelineFilter, .openPeriodStatement:
            return runCorpusTimelineCommand(command, argument: argument)
        case .showAgreement:
            return toggleAgreement()
        case .moveCharacterForward: moveCursor(.characterForward)
        case .moveCharacterBackward: moveCursor(.characterBackward)
        case .moveWordForward: moveCursor(.wordForward)
        case .moveWordBackward: moveCursor(.wordBackward)
        case .moveWordEnd: moveCursor(.wordEnd)
        case .moveSentenceForward: moveCursor(.sentenceForward)
        case .moveSentenceBackward: moveCursor(.sentenceBackward)
        case .moveParagraphForward: moveCursor(.paragraphForward)
        case .moveParagraphBackward: moveCursor(.paragraphBackward)
        case .startSelection: toggleSelection()
        case .cancelSelection: article.selectionAnchor = nil
        case .attributeSpan, .acceptStatement, .rejectStatement, .setActor, .setStance, .setKind, .setSpan, .setDate,
             .setNote, .deleteStatement, .createActor, .renameActor, .mergeActors, .splitAlias, .undo, .redo:
            assert(command.writes)
            return annotate(command, argument: argument)
        case .refresh:
            message = StatusMessage(text: "Read the workspace again", isError: false)
            return [.forgetCachedReads] + rereadAfterChange(show: nil)
        case .exportWorkspace:
            return exportCommand(argument)
        }
        return []
    }

    /// `:export FORMAT PATH`; the rest of the line after the format is the path, spaces and all.
    private mutating func exportCommand(_ argument: String?) -> [Effect] {
        let formats = ExportFormat.allCases.map(\.rawValue).joined(separator: "|")
        let parts = (argument ?? "").split(separator: " ", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[1].isEmpty else {
            message = StatusMessage(text: "Usage: :export \(formats) PATH", isError: true)
            return []
        }
        guard let format = ExportFormat(rawValue: parts[0].lowercased()) else {
            message = StatusMessage(text: "No export format “\(parts[0])” (\(formats))", isError: true)
            return []
        }
        return [.export(format, path: parts[1])]
    }

    /// Where keys are looked up, most specific first: an overlay's own keys only; in the article
    /// pane, the selection's and the search's before the pane's; then the global ones.
    var commandContexts: [CommandContext] {
        switch overlay {
        case .help: return [.help]
        case .articlePicker: return [.picker]
        case .comparison: return [.comparison, .global]
        case .actorPicker: return [.actorPicker, .global]
        case nil: break
        }
        guard focus == .article else { return [paneContext, .global] }
        var contexts: [CommandContext] = []
        if article.selectionAnchor != nil { contexts.append(.selection) }
        if article.search != nil { contexts.append(.matches) }
        return contexts + [.article, .global]
    }

    // MARK: Command line

    mutating func execute(commandLine text: String) -> [Effect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        let parts = trimmed.split(separator: " ", maxSplits: 1)
        let name = String(parts[0])
        let argument = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : nil
        guard let command = CommandTable.command(named: name) else {
            message = StatusMessage(text: "Unknown command: \(name)", isError: true)
            return []
        }
        if command.argument == .none, argument != nil {
            message = StatusMessage(text: "\(command.name) takes no argument", isError: true)
            return []
        }
        return run(command.id, argument: argument)
    }

    /// Completes the word under the cursor: a command name first, then the command's argument
    /// (theme or actor names). Several candidates: the first Tab completes their common prefix,
    /// the next ones cycle through them.
    mutating func complete(_ line: inout CommandLineState, forward: Bool) {
        if !line.completions.isEmpty {
            let count = line.completions.count
            let next = line.completionIndex.map { ($0 + (forward ? 1 : count - 1)) % count } ?? (forward ? 0 : count - 1)
            line.completionIndex = next
            line.input.text = line.completionPrefix + line.completions[next]
            return
        }
        let text = line.input.text
        let candidates: [String]
        let prefix: String
        let word: String
        // An export format is followed by the path: a completed one gets its space.
        var argumentSuffix = ""
        if let space = text.firstIndex(of: " ") {
            let name = String(text[..<space])
            prefix = String(text[...space])
            word = String(text[text.index(after: space)...])
            switch CommandTable.command(named: name)?.argument {
            case .theme?: candidates = themeNames
            case .actor?: candidates = corpus.actors.map(\.name)
            case .actorPair?: candidates = actorPairCompletions(word)
            case .exportTarget?:
                candidates = word.contains(" ") ? [] : ExportFormat.allCases.map(\.rawValue)
                argumentSuffix = " "
            default: candidates = []
            }
        } else {
            prefix = ""
            word = text
            candidates = CommandTable.commandNames
        }
        let lowered = word.lowercased()
        let matching = Array(Set(candidates.filter { $0.lowercased().hasPrefix(lowered) })).sorted()
        guard !matching.isEmpty else {
            message = StatusMessage(text: "No completion for “\(word)”", isError: false)
            return
        }
        if matching.count == 1 {
            let suffix = CommandTable.command(named: matching[0]).map { $0.argument == .none ? "" : " " } ?? ""
            line.input.text = prefix + matching[0] + (prefix.isEmpty ? suffix : argumentSuffix)
            return
        }
        let common = matching.dropFirst().reduce(matching[0]) { commonPrefix($0, $1) }
        line.input.text = prefix + (common.count > word.count ? common : word)
        line.completions = matching
        line.completionPrefix = prefix
        line.completionIndex = nil
    }

    private func commonPrefix(_ a: String, _ b: String) -> String {
        String(zip(a, b).prefix { $0.lowercased() == $1.lowercased() }.map(\.0))
    }

    // MARK: Focus and layout

    mutating func setFocus(_ pane: Pane) {
        focus = pane
        layoutChanged()
    }

    /// Re-wraps the article if its width changed (keeping the reading place) and keeps every
    /// cursor on screen.
    mutating func layoutChanged() {
        if let prepared = article.prepared, let width = paneLayout(.article).articleTextWidth,
           article.layout?.width != width || article.layout?.articleID != prepared.loaded.summary.id {
            let anchor = article.layout?.firstCharacter(atOrAfter: article.scroll)
            let current = article.currentStatement.flatMap { prepared.statements[safe: $0] }
            let currentWasShown = current.map(isOnScreen) ?? false
            let layout = ArticleLayout(prepared, width: width)
            article.layout = layout
            if let anchor, let line = layout.line(ofCharacter: anchor) { article.scroll = line }
            clampArticleScroll()
            if let current, currentWasShown, let line = articleLine(ofScalar: current.span.start) { reveal(line: line) }
        }
        clampArticleScroll()
        followActorCursor()
        followTimelineCursor()
    }

    /// The layout as it is when `pane` is on screen (in the one-pane layout, when it has focus).
    func paneLayout(_ pane: Pane) -> WorkbenchLayout {
        WorkbenchLayout(size: size, focus: layout.kind == .single ? pane : focus)
    }

    private var pageHeight: Int {
        switch overlay {
        case .help: return HelpOverlay.bodyHeight(size: size)
        case .articlePicker: return ArticlePicker.bodyHeight(size: size)
        case .comparison: return CompareView.Geometry(size: size).body.height
        case .actorPicker: return ActorPickerView.bodyHeight(size: size)
        case nil:
            let height = paneLayout(focus).inside(focus)?.height ?? 1
            return focus == .timeline ? max(1, height - 1) : height
        }
    }

    private mutating func scroll(by lines: Int) {
        switch overlay {
        case .help(let scroll):
            let maximum = max(0, HelpOverlay.lines(first: focus.context).count - HelpOverlay.bodyHeight(size: size))
            overlay = .help(scroll: clamp(scroll.addingReportingOverflow(lines).partialValue, 0, maximum))
            return
        case .articlePicker(var picker):
            picker.cursor = clamp(picker.cursor.addingReportingOverflow(lines).partialValue, 0, max(0, picker.rows.count - 1))
            overlay = .articlePicker(refreshed(picker))
            return
        case .comparison, .actorPicker:
            return
        case nil:
            break
        }
        switch focus {
        case .article:
            article.scroll = article.scroll.addingReportingOverflow(lines).partialValue
            clampArticleScroll()
        case .actors:
            moveActorCursor(by: lines)
        case .timeline:
            moveTimelineRow(by: lines)
        }
    }

    // MARK: Article

    mutating func open(_ loaded: LoadedArticle, statement: String?) {
        let isSame = currentArticle?.summary.id == loaded.summary.id
        if !isSame || currentArticle != loaded {
            article = ArticlePaneState()
            article.prepared = PreparedArticle(loaded)
        }
        layoutChanged()
        refreshActorRows()
        if let statement {
            setFocus(.article)
            showStatement(id: statement)
        }
    }

    private mutating func openNeighbourArticle(step: Int) -> [Effect] {
        let list = corpus.articles
        guard !list.isEmpty else { return [] }
        let index = currentArticle.flatMap { current in list.firstIndex { $0.id == current.summary.id } }
        let target = (index ?? -step) + step
        guard list.indices.contains(target) else {
            message = StatusMessage(text: step > 0 ? "This is the last article" : "This is the first article", isError: false)
            return []
        }
        return [.loadArticle(list[target].id, statement: nil)]
    }

    var articleViewHeight: Int { paneLayout(.article).inside(.article)?.height ?? 1 }

    mutating func clampArticleScroll() {
        let count = article.layout?.lines.count ?? 0
        article.scroll = clamp(article.scroll, 0, max(0, count - articleViewHeight))
    }

    /// The line of the article layout where scalar `offset` is shown.
    func articleLine(ofScalar offset: Int) -> Int? {
        guard let prepared = article.prepared, let layout = article.layout else { return nil }
        return layout.line(ofCharacter: prepared.characterIndex(ofScalar: offset))
    }

    /// Scrolls so `line` is on screen, a third of the way down when it must move.
    mutating func reveal(line: Int) {
        let height = articleViewHeight
        if line < article.scroll || line >= article.scroll + height {
            article.scroll = line - height / 3
        }
        clampArticleScroll()
    }

    /// Shows a statement in the article pane: at once when its article is open, else once the
    /// article has loaded (opening an article at a statement focuses the article pane).
    mutating func openStatement(_ id: String, inArticle articleID: ArticleID) -> [Effect] {
        guard articleID == currentArticle?.summary.id else { return [.loadArticle(articleID, statement: id)] }
        setFocus(.article)
        showStatement(id: id)
        return []
    }

    mutating func showStatement(id: String) {
        guard let index = article.prepared?.statements.firstIndex(where: { $0.id == id }) else {
            message = StatusMessage(text: "That statement is not in this article any more", isError: true)
            return
        }
        showStatement(at: index)
    }

    mutating func showStatement(at index: Int) {
        guard let statement = article.prepared?.statements[index] else { return }
        article.currentStatement = index
        // The cursor goes with it, so the statement commands act on what is shown as current.
        if let prepared = article.prepared {
            article.cursor = prepared.firstShownCharacter(atOrAfter: prepared.characterIndex(ofScalar: statement.span.start))
        }
        if let line = articleLine(ofScalar: statement.span.start) { reveal(line: line) }
    }

    private mutating func goToStatement(forward: Bool) {
        guard let statements = article.prepared?.statements, !statements.isEmpty else {
            message = StatusMessage(text: "No statements in this article", isError: false)
            return
        }
        let target: Int?
        if let current = article.currentStatement, isOnScreen(statements[current]) {
            target = forward ? current + 1 : current - 1
        } else {
            // Start from what is on screen rather than from a statement scrolled far away.
            let below = firstStatement(onOrAfterLine: forward ? article.scroll : article.scroll + articleViewHeight)
            target = forward ? (below < statements.count ? below : nil) : (below > 0 ? below - 1 : nil)
        }
        guard let target, statements.indices.contains(target) else {
            message = StatusMessage(text: forward ? "No more statements below" : "No more statements above", isError: false)
            return
        }
        showStatement(at: target)
    }

    /// The first statement (by position) shown on `line` or below; statements and lines share
    /// their order, so a binary search finds it.
    private func firstStatement(onOrAfterLine line: Int) -> Int {
        let statements = article.prepared?.statements ?? []
        var low = 0, high = statements.count
        while low < high {
            let mid = (low + high) / 2
            if (articleLine(ofScalar: statements[mid].span.start) ?? 0) < line { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private func isOnScreen(_ statement: Statement) -> Bool {
        guard let line = articleLine(ofScalar: statement.span.start) else { return false }
        return line >= article.scroll && line < article.scroll + articleViewHeight
    }

    mutating func search(for query: String) {
        guard !query.isEmpty, let prepared = article.prepared else {
            article.search = nil
            return
        }
        let matches = prepared.matches(of: query)
        article.search = ArticleSearch(query: query, matches: matches, current: nil)
        guard !matches.isEmpty else {
            message = StatusMessage(text: "Not found: \(query)", isError: true)
            return
        }
        let first = matches.firstIndex { (articleLine(ofScalar: $0.start) ?? 0) >= article.scroll } ?? 0
        showMatch(first)
    }

    private mutating func goToMatch(step: Int) {
        guard let search = article.search else {
            message = StatusMessage(text: "No search yet (/ searches)", isError: false)
            return
        }
        guard !search.matches.isEmpty else {
            message = StatusMessage(text: "Not found: \(search.query)", isError: true)
            return
        }
        let count = search.matches.count
        let current = search.current ?? (step > 0 ? -1 : 0)
        let next = current + step
        let wrapped = (next % count + count) % count
        showMatch(wrapped)
        if next != wrapped {
            message = StatusMessage(text: step > 0 ? "Search wrapped to the top" : "Search wrapped to the bottom",
                                    isError: false)
        }
    }

    private mutating func showMatch(_ index: Int) {
        guard var search = article.search else { return }
        search.current = index
        article.search = search
        if let line = articleLine(ofScalar: search.matches[index].start) { reveal(line: line) }
        message = StatusMessage(text: "Match \(index + 1) of \(search.matches.count): \(search.query)", isError: false)
    }

    // MARK: Actors

    /// Rebuilds the actors list from the article or the corpus, filtered and sorted, keeping the
    /// selected actor under the cursor.
    mutating func refreshActorRows() {
        var rows: [ActorRow]
        if actors.showsCorpus {
            rows = corpus.actors.map { actor in
                ActorRow(id: actor.id, name: actor.name, role: actor.role, stance: actor.stance,
                         isParticipant: actor.isParticipant, statementCounts: actor.statementCounts,
                         mentionCount: actor.mentionCount)
            }
        } else if let prepared = article.prepared {
            let loaded = prepared.loaded
            var byID: [CorpusActorID: ActorRow] = [:]
            var order: [CorpusActorID] = []
            for actor in loaded.analysis.actors {
                let id = loaded.corpusActorIDs[actor.id] ?? actor.id
                if byID[id] == nil {
                    order.append(id)
                    byID[id] = ActorRow(id: id, name: actor.name, role: actor.role, stance: actor.stance,
                                        isParticipant: actor.isParticipant, statementCounts: [:], mentionCount: 0)
                }
                byID[id]!.mentionCount += actor.mentions.count
                byID[id]!.isParticipant = byID[id]!.isParticipant || actor.isParticipant
            }
            for statement in prepared.statements where statement.status != .rejected {
                guard let id = loaded.corpusActorIDs[statement.actorID] ?? Optional(statement.actorID) else { continue }
                byID[id]?.statementCounts[statement.stance, default: 0] += 1
            }
            rows = order.compactMap { byID[$0] }
        } else {
            rows = []
        }
        let needle = actors.filter.lowercased()
        if !needle.isEmpty {
            rows = rows.filter { $0.name.lowercased().contains(needle) || ($0.role?.lowercased().contains(needle) ?? false) }
        }
        let order = Dictionary(frame.stanceValues.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        rows.sort { a, b in
            let byName = a.name.localizedLowercase < b.name.localizedLowercase
            switch actors.sort {
            case .name:
                return a.name.localizedLowercase != b.name.localizedLowercase ? byName : a.id < b.id
            case .prominence, .position:
                if a.isParticipant != b.isParticipant { return a.isParticipant }
                if actors.sort == .position {
                    let (x, y) = (order[a.stance] ?? order.count, order[b.stance] ?? order.count)
                    if x != y { return x < y }
                }
                if a.statementCount != b.statementCount { return a.statementCount > b.statementCount }
                if a.mentionCount != b.mentionCount { return a.mentionCount > b.mentionCount }
                return a.name.localizedLowercase != b.name.localizedLowercase ? byName : a.id < b.id
            }
        }
        actors.rows = rows
        if let selected = selectedActor, let index = rows.firstIndex(where: { $0.id == selected }) {
            actors.cursor = index
        }
        actors.cursor = clamp(actors.cursor, 0, max(0, rows.count - 1))
        followActorCursor()
    }

    private mutating func setActorFilter(_ text: String) {
        actors.filter = text
        refreshActorRows()
        if !actors.rows.isEmpty, !actors.rows.contains(where: { $0.id == selectedActor }) {
            actors.cursor = 0
            select(actor: actors.rows[0].id)
        }
    }

    private mutating func moveActorCursor(by lines: Int) {
        guard !actors.rows.isEmpty else { return }
        actors.cursor = clamp(actors.cursor.addingReportingOverflow(lines).partialValue, 0, actors.rows.count - 1)
        select(actor: actors.rows[actors.cursor].id)
    }

    private mutating func followActorCursor() {
        let height = paneLayout(.actors).inside(.actors)?.height ?? 1
        actors.scroll = scrollKeeping(actors.cursor, visible: height, current: actors.scroll, count: actors.rows.count)
    }

    /// Makes `id` the selected actor everywhere: the actors list, the timeline row and the article's
    /// highlights.
    mutating func select(actor id: CorpusActorID) {
        selectedActor = id
        if let index = actors.rows.firstIndex(where: { $0.id == id }) {
            actors.cursor = index
            followActorCursor()
        }
        if let row = timeline.model.row(of: id), row != timeline.row {
            let day = timelineCursorDay
            timeline.row = row
            timeline.event = day.flatMap { nearestEvent(in: row, to: $0) }
            // A row not read yet gets its event when its statements come.
            timeline.dayAwaitingRow = timeline.model.isRead(row) ? nil : day
            followTimelineCursor()
        }
    }

    /// The corpus lists replaced (loaded, patched after a write): the actors list and the timeline
    /// follow, the timeline cursor staying on its row and event.
    mutating func corpusChanged(to snapshot: CorpusSnapshot, timeline model: TimelineModel) {
        corpus = snapshot
        timeline.model = model
        timeline.row = min(timeline.row, max(0, model.rows.count - 1))
        refreshActorRows()
        followTimelineCursor()
    }

    /// The rows the timeline shows, with `pagesAround` screenfuls above and below (so that moving
    /// the cursor a row or a page finds its row read), and the cursor row: those not read yet, to read.
    public func timelineRowsToRead(pagesAround: Int) -> Effect? {
        guard let geometry = timelineGeometry, !timeline.model.rows.isEmpty else { return nil }
        let page = max(1, geometry.visibleRows)
        let shown = max(0, timeline.rowScroll - pagesAround * page)..<(timeline.rowScroll + (1 + pagesAround) * page)
        var actors = timeline.model.unreadActors(in: shown)
        if let cursor = timeline.model.rows[safe: timeline.row]?.id, !timeline.model.isRead(timeline.row),
           !actors.contains(cursor) {
            actors.append(cursor)
        }
        return actors.isEmpty ? nil : .loadTimelineStatements(actors)
    }

    /// The statement under the timeline cursor when its words are not read yet: the status bar
    /// shows them.
    public var timelineTextToRead: Effect? {
        guard let event = timeline.event, timeline.model.statement(row: timeline.row, event: event)?.text == nil,
              let statement = timelineCursorEvent else { return nil }
        return .loadStatementText(statement)
    }

    mutating func timelineStatementsArrived(_ statements: [CorpusActorID: [TimelineStatement]]) {
        timeline.model.fill(statements)
        if let day = timeline.dayAwaitingRow, timeline.model.isRead(timeline.row) {
            timeline.dayAwaitingRow = nil
            timeline.event = nearestEvent(in: timeline.row, to: day)
            followTimelineCursor()
        }
    }

    private func actorNamed(_ name: String) -> CorpusActor? {
        let lowered = name.lowercased()
        return corpus.actors.first { $0.name.lowercased() == lowered }
            ?? corpus.actors.first { $0.name.lowercased().hasPrefix(lowered) }
            ?? corpus.actors.first { $0.name.lowercased().contains(lowered) }
    }

    /// Goes to the selected actor's next statement in this article; when the article has none,
    /// opens the article of the actor's first statement in the corpus.
    private mutating func showSelectedActorStatement() -> [Effect] {
        guard let actor = selectedActor ?? actors.rows[safe: actors.cursor]?.id else { return [] }
        let name = actors.rows.first { $0.id == actor }?.name ?? actor
        if let prepared = article.prepared {
            let mine = prepared.statements.indices.filter {
                prepared.statements[$0].status != .rejected
                    && prepared.loaded.corpusActorIDs[prepared.statements[$0].actorID] == actor
            }
            if !mine.isEmpty {
                let next = mine.first { $0 > (article.currentStatement ?? -1) } ?? mine[0]
                setFocus(.article)
                showStatement(at: next)
                return []
            }
        }
        return [.findFirstStatement(of: actor, actorName: name)]
    }

    // MARK: Timeline

    var timelineGeometry: TimelineGeometry? {
        paneLayout(.timeline).inside(.timeline).map {
            TimelineGeometry(model: timeline.model, zoom: timeline.zoom, inside: $0)
        }
    }

    /// The statement under the timeline cursor.
    public var timelineCursorEvent: StatementRef? {
        guard let event = timeline.event, let row = timeline.model.rows[safe: timeline.row] else { return nil }
        return row.events[safe: event]?.id
    }

    private var timelineCursorDay: Day? {
        guard let event = timeline.event, let row = timeline.model.rows[safe: timeline.row] else { return nil }
        return row.events[safe: event]?.day
    }

    private func nearestEvent(in row: Int, to day: Day) -> Int? {
        guard let events = timeline.model.rows[safe: row]?.events, !events.isEmpty else { return nil }
        return events.indices.min { abs(events[$0].day.ordinal - day.ordinal) < abs(events[$1].day.ordinal - day.ordinal) }
    }

    private mutating func moveTimelineRow(by lines: Int) {
        let rows = timeline.model.rows
        guard !rows.isEmpty else { return }
        let target = clamp(timeline.row.addingReportingOverflow(lines).partialValue, 0, rows.count - 1)
        select(actor: rows[target].id)
        timeline.row = target
        followTimelineCursor()
    }

    private mutating func moveTimelineEvent(step: Int) {
        guard let row = timeline.model.rows[safe: timeline.row], !row.events.isEmpty else {
            message = StatusMessage(text: "No dated statements on this row", isError: false)
            return
        }
        let next = timeline.event.map { $0 + step } ?? (step > 0 ? 0 : row.events.count - 1)
        guard row.events.indices.contains(next) else {
            message = StatusMessage(text: step > 0 ? "Last statement of \(row.label)" : "First statement of \(row.label)",
                                    isError: false)
            return
        }
        timeline.event = next
        if selectedActor != row.id { select(actor: row.id) }
        followTimelineCursor()
    }

    private mutating func zoomTimeline(finer: Bool) {
        guard let geometry = timelineGeometry, let current = geometry.granularity else { return }
        guard let next = finer ? current.finer : current.coarser else {
            message = StatusMessage(text: finer ? "Already showing days" : "Already showing years", isError: false)
            return
        }
        timeline.zoom = next
        followTimelineCursor()
        message = StatusMessage(text: "Timeline in \(next)", isError: false)
    }

    /// Keeps the cursor row and event on screen.
    mutating func followTimelineCursor() {
        guard let geometry = timelineGeometry else { return }
        timeline.rowScroll = scrollKeeping(timeline.row, visible: geometry.visibleRows, current: timeline.rowScroll,
                                           count: timeline.model.rows.count)
        let bucket = timelineCursorDay.flatMap { geometry.axis?.bucket(of: $0) }
        timeline.firstBucket = geometry.firstBucket(showing: bucket, current: timeline.firstBucket)
    }

    // MARK: Article picker

    private mutating func pickerFilterChanged(_ picker: PickerState) -> [Effect] {
        var picker = picker
        picker.textMatches = nil
        picker.cursor = 0
        overlay = .articlePicker(refreshed(picker))
        return picker.filter.text.isEmpty ? [] : [.findArticles(matching: picker.filter.text)]
    }

    /// The picker's rows for its filter: articles whose date, outlet or title contain it, and
    /// those whose text does (as the store found).
    func refreshed(_ picker: PickerState) -> PickerState {
        var picker = picker
        let needle = picker.filter.text.lowercased()
        picker.rows = corpus.articles.filter { summary in
            needle.isEmpty
                || summary.title.lowercased().contains(needle)
                || (summary.outlet?.lowercased().contains(needle) ?? false)
                || (summary.published?.description.contains(needle) ?? false)
                || (picker.textMatches?.contains(summary.id) ?? false)
        }
        picker.cursor = clamp(picker.cursor, 0, max(0, picker.rows.count - 1))
        picker.scroll = scrollKeeping(picker.cursor, visible: ArticlePicker.bodyHeight(size: size),
                                      current: picker.scroll, count: picker.rows.count)
        return picker
    }
}

/// The scroll offset that keeps `cursor` among `visible` rows, moving as little as possible.
func scrollKeeping(_ cursor: Int, visible: Int, current: Int, count: Int) -> Int {
    let visible = max(1, visible)
    var scroll = current
    if cursor < scroll { scroll = cursor }
    if cursor >= scroll + visible { scroll = cursor - visible + 1 }
    return clamp(scroll, 0, max(0, count - visible))
}

func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), high) }

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
