import StanceKit
import Terminal

/// The article cursor, the selection and the annotation commands.
extension AppState {
    // MARK: Cursor and selection

    mutating func moveCursor(_ motion: TextMotion) {
        guard let prepared = article.prepared, focus == .article else { return }
        if let cursor = article.cursor {
            article.cursor = prepared.move(cursor, by: motion)
        } else {
            // The first motion places the cursor where the reader is: the top of the pane.
            let top = article.layout?.firstCharacter(atOrAfter: article.scroll) ?? 0
            article.cursor = prepared.firstShownCharacter(atOrAfter: top)
        }
        guard let cursor = article.cursor else { return }
        let offset = prepared.scalarOffsets[cursor]
        if let index = statementIndex(at: offset) { article.currentStatement = index }
        if let line = article.layout?.line(ofCharacter: cursor) { reveal(line: line) }
    }

    mutating func toggleSelection() {
        guard let prepared = article.prepared else { return }
        if article.selectionAnchor != nil {
            article.selectionAnchor = nil
            return
        }
        if article.cursor == nil { moveCursor(.characterForward) }
        guard let cursor = article.cursor, prepared.firstShownCharacter(atOrAfter: cursor) != nil else { return }
        article.selectionAnchor = cursor
        message = StatusMessage(text: "Selecting: w b e ( ) { } extend · a attributes · Esc cancels", isError: false)
    }

    /// The statement at scalar `offset`, preferring the current one where statements overlap.
    private func statementIndex(at offset: Int) -> Int? {
        guard let statements = article.prepared?.statements else { return nil }
        if let current = article.currentStatement, statements[safe: current]?.span.contains(offset) == true {
            return current
        }
        return statements.firstIndex { $0.span.contains(offset) }
    }

    /// The statement the statement commands act on: the one under the cursor, else the current one.
    var targetStatement: Int? {
        if let cursor = article.cursor, let offset = article.prepared?.scalarOffsets[safe: cursor],
           let index = statementIndex(at: offset) {
            return index
        }
        return article.currentStatement
    }

    var selectedSpan: TextSpan? {
        guard let selection = article.selection else { return nil }
        return article.prepared?.span(ofCharacters: selection)
    }

    // MARK: Commands

    mutating func annotate(_ command: CommandID, argument: String?) -> [Effect] {
        if let readOnlyReason {
            message = StatusMessage(text: readOnlyReason, isError: true)
            return []
        }
        switch command {
        case .undo: return [.write(.undo, show: nil)]
        case .redo: return [.write(.redo, show: nil)]
        case .createActor:
            if let name = argument?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
                return [.write(.createActor(name: name, kind: .person, role: nil), show: nil)]
            }
            annotation = AnnotationFlow(purpose: .createActor, subject: "A new actor",
                                        steps: [.newActorName(LineInput()), .newActorKind, .newActorRole(LineInput())])
            return []
        case .renameActor, .mergeActors, .splitAlias:
            return annotateActor(command, argument: argument)
        case .attributeSpan:
            guard let span = selectedSpan, let loaded = currentArticle else {
                message = StatusMessage(text: "Select words first: v, then w e ) to extend", isError: false)
                return []
            }
            annotation = AnnotationFlow(purpose: .attributeSpan(article: loaded.summary.id, span: span),
                                        subject: quoted(span), steps: [.chooseActor(actorChoice(offersNewActor: true)),
                                                                       .chooseKind, .chooseStance,
                                                                       .typeDate(LineInput()), .typeNote(LineInput())])
            return []
        default:
            break
        }
        guard let index = targetStatement, let statement = article.prepared?.statements[safe: index] else {
            message = StatusMessage(text: "No statement here: ] goes to the next one", isError: false)
            return []
        }
        let id = statement.id
        let next = article.prepared?.statements[safe: index + 1]?.id
        let subject = quoted(statement.span)
        switch command {
        case .acceptStatement:
            return [.write(.acceptStatement(id), show: next ?? id)]
        case .rejectStatement:
            return [.write(.rejectStatement(id), show: next ?? id)]
        case .deleteStatement:
            return [.write(.deleteStatement(id), show: next ?? article.prepared?.statements[safe: index - 1]?.id)]
        case .setSpan:
            guard let span = selectedSpan else {
                message = StatusMessage(text: "Select the words first: v, then motions", isError: false)
                return []
            }
            article.selectionAnchor = nil
            return [.write(.setSpan(statement: id, span: span), show: id)]
        case .setActor:
            annotation = AnnotationFlow(purpose: .setActor(statement: id), subject: subject,
                                        steps: [.chooseActor(actorChoice(offersNewActor: true))])
        case .setStance:
            if let argument {
                guard let stance = stanceNamed(argument) else {
                    message = StatusMessage(text: "No stance “\(argument)” (\(frame.stanceValues.joined(separator: ", ")))",
                                            isError: true)
                    return []
                }
                return [.write(.setStance(statement: id, stance: stance), show: id)]
            }
            annotation = AnnotationFlow(purpose: .setStance(statement: id), subject: subject, steps: [.chooseStance])
        case .setKind:
            if let argument {
                guard let kind = StatementKind(rawValue: argument.lowercased()) else {
                    message = StatusMessage(text: "No kind “\(argument)” (direct, reported, description)", isError: true)
                    return []
                }
                return [.write(.setKind(statement: id, kind: kind), show: id)]
            }
            annotation = AnnotationFlow(purpose: .setKind(statement: id), subject: subject, steps: [.chooseKind])
        case .setDate:
            if let argument {
                guard let day = Day(iso: argument) else {
                    message = StatusMessage(text: "Not a date: “\(argument)” (YYYY-MM-DD)", isError: true)
                    return []
                }
                return [.write(.setDate(statement: id, date: day), show: id)]
            }
            annotation = AnnotationFlow(purpose: .setDate(statement: id), subject: subject,
                                        steps: [.typeDate(LineInput(statement.date?.description ?? ""))])
        case .setNote:
            if let argument { return [.write(.setNote(statement: id, note: argument), show: id)] }
            annotation = AnnotationFlow(purpose: .setNote(statement: id), subject: subject,
                                        steps: [.typeNote(LineInput(currentArticle?.notes[id] ?? ""))])
        default:
            break
        }
        return []
    }

    private mutating func annotateActor(_ command: CommandID, argument: String?) -> [Effect] {
        let id = focus == .actors ? actors.rows[safe: actors.cursor]?.id ?? selectedActor : selectedActor
        guard let id, let actor = corpus.actors.first(where: { $0.id == id }) else {
            message = StatusMessage(text: "Choose an actor first (2 focuses the actors)", isError: false)
            return []
        }
        switch command {
        case .renameActor:
            if let name = argument?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
                return [.write(.renameActor(id, name: name), show: nil)]
            }
            annotation = AnnotationFlow(purpose: .renameActor(id), subject: actor.name,
                                        steps: [.typeName(LineInput(actor.name))])
        case .mergeActors:
            if let argument {
                let lowered = argument.lowercased()
                guard let absorbed = corpus.actors.first(where: { $0.id != id && $0.name.lowercased() == lowered }) else {
                    message = StatusMessage(text: "No other actor named “\(argument)”", isError: true)
                    return []
                }
                return [.write(.mergeActors(keep: id, absorb: absorbed.id), show: nil)]
            }
            var choice = actorChoice(offersNewActor: false, excluding: id)
            choice.refresh(from: corpus.actors)
            annotation = AnnotationFlow(purpose: .mergeActors(keep: id), subject: "Merge into \(actor.name)",
                                        steps: [.chooseActor(choice)])
        default:
            guard !actor.aliases.isEmpty else {
                message = StatusMessage(text: "\(actor.name) has no alias to split off", isError: false)
                return []
            }
            annotation = AnnotationFlow(purpose: .splitAlias(actor: id), subject: actor.name,
                                        steps: [.chooseAlias(aliases: actor.aliases, cursor: 0)])
        }
        return []
    }

    private func actorChoice(offersNewActor: Bool, excluding excluded: CorpusActorID? = nil) -> ActorChoice {
        var choice = ActorChoice(excluded: excluded, offersNewActor: offersNewActor)
        choice.refresh(from: corpus.actors)
        return choice
    }

    private func stanceNamed(_ text: String) -> String? {
        let lowered = text.lowercased()
        if frame.stanceValues.contains(lowered) { return lowered }
        return frame.positions.first { $0.label.lowercased() == lowered || $0.key == lowered }?.id
    }

    /// The words of `span`, quoted and shortened for a popup.
    private func quoted(_ span: TextSpan) -> String {
        guard let text = currentArticle?.analysis.article.text else { return "" }
        let words = ArticleText.substring(of: text, span: span).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return "“" + (words.count > 120 ? words.prefix(119) + "…" : words) + "”"
    }

    // MARK: After a write

    /// Says the change is saved and reads again what it may have changed: the corpus lists and
    /// the open article.
    mutating func saved(_ change: SavedChange, show: String?) -> [Effect] {
        message = StatusMessage(text: "Saved: \(change.description)", isError: false)
        return rereadAfterChange(show: change.createdStatement ?? show, touchedActors: change.touchedActors)
    }

    /// Reads again what a change (here or in another process) may have touched: the corpus lists
    /// (the actors it touched when it says which, else all) and the open article, keeping the
    /// reader's place; `show` becomes the current statement.
    mutating func rereadAfterChange(show: String?, touchedActors: Set<CorpusActorID>? = nil) -> [Effect] {
        // The change may move a statement between actors, stances or dates: the next comparison,
        // corpus timeline or agreement reads the statements again.
        datedStatements = nil
        dailyCounts = nil
        var effects: [Effect] = [touchedActors.map { .patchCorpus(actors: $0) } ?? .loadCorpus]
        if let current = currentArticle {
            let currentID = article.currentStatement.flatMap { article.prepared?.statements[safe: $0]?.id }
            effects.append(.reloadArticle(current.summary.id, statement: show ?? currentID))
        }
        return effects
    }

    /// The open article read again: the reader keeps the place, the cursor and the search; the
    /// statement to show (if still there) becomes current.
    mutating func reload(_ loaded: LoadedArticle, statement: String?) {
        guard currentArticle?.summary.id == loaded.summary.id else { return }
        let kept = article
        article = ArticlePaneState()
        article.prepared = PreparedArticle(loaded)
        article.scroll = kept.scroll
        if let prepared = article.prepared {
            article.cursor = kept.cursor.flatMap { prepared.firstShownCharacter(atOrAfter: $0) }
            article.selectionAnchor = kept.selectionAnchor.flatMap { prepared.firstShownCharacter(atOrAfter: $0) }
        }
        layoutChanged()
        if let query = kept.search?.query {
            article.search = ArticleSearch(query: query, matches: article.prepared?.matches(of: query) ?? [], current: nil)
        }
        if let statement, let index = article.prepared?.statements.firstIndex(where: { $0.id == statement }) {
            showStatement(at: index)
        }
        refreshActorRows()
    }
}
