import StanceKit
import Terminal

/// What an annotation popup is for, and so which write it ends in.
public enum AnnotationPurpose: Hashable, Sendable {
    case attributeSpan(article: ArticleID, span: TextSpan)
    case setActor(statement: String)
    case setStance(statement: String)
    case setKind(statement: String)
    case setDate(statement: String)
    case setNote(statement: String)
    case createActor
    case renameActor(CorpusActorID)
    case mergeActors(keep: CorpusActorID)
    case splitAlias(actor: CorpusActorID)
}

/// The actor picker: type-ahead over the workspace's actors, and a last row to create one.
public struct ActorChoice: Hashable, Sendable {
    public var filter = LineInput()
    /// The actors matching the filter, names starting with it first.
    public var rows: [CorpusActor] = []
    public var cursor = 0
    public var scroll = 0
    /// An actor not to offer (the one another is merged into).
    var excluded: CorpusActorID?
    /// Whether the last row creates a new actor named as typed.
    public var offersNewActor: Bool

    /// Rows shown, counting the "create" row.
    public var rowCount: Int { rows.count + (offersNewActor ? 1 : 0) }

    mutating func refresh(from actors: [CorpusActor]) {
        let needle = filter.text.lowercased().trimmingCharacters(in: .whitespaces)
        let candidates = actors.filter { $0.id != excluded }
        if needle.isEmpty {
            rows = candidates.sorted { $0.name.localizedLowercase < $1.name.localizedLowercase }
        } else {
            func rank(_ actor: CorpusActor) -> Int? {
                let names = [actor.name.lowercased()] + actor.aliases.map { $0.lowercased() }
                if names.contains(where: { $0.hasPrefix(needle) }) { return 0 }
                if names.contains(where: { name in name.split(separator: " ").contains { $0.hasPrefix(needle) } }) { return 1 }
                if names.contains(where: { $0.contains(needle) }) { return 2 }
                return nil
            }
            rows = candidates.compactMap { actor in rank(actor).map { (actor, $0) } }
                .sorted { a, b in a.1 != b.1 ? a.1 < b.1 : a.0.name.localizedLowercase < b.0.name.localizedLowercase }
                .map(\.0)
        }
        cursor = clamp(cursor, 0, max(0, rowCount - 1))
    }
}

/// One question of an annotation popup. Each keeps what was typed, so backing out with Esc and
/// coming forward again finds it as it was left.
public enum AnnotationStep: Hashable, Sendable {
    case chooseActor(ActorChoice)
    case newActorName(LineInput)
    case newActorKind
    case newActorRole(LineInput)
    case chooseKind
    case chooseStance
    case typeDate(LineInput)
    case typeNote(LineInput)
    case typeName(LineInput)
    case chooseAlias(aliases: [String], cursor: Int)

    var isNewActorStep: Bool {
        switch self {
        case .newActorName, .newActorKind, .newActorRole: return true
        default: return false
        }
    }

    /// The popup's title.
    public var title: String {
        switch self {
        case .chooseActor: return "Actor · type to filter · ↑↓ · Enter"
        case .newActorName: return "New actor: name"
        case .newActorKind: return "New actor: kind"
        case .newActorRole: return "New actor: role (optional)"
        case .chooseKind: return "Kind of statement"
        case .chooseStance: return "Stance"
        case .typeDate: return "Date YYYY-MM-DD (Enter: none)"
        case .typeNote: return "Note, the reason (Enter: none)"
        case .typeName: return "New name"
        case .chooseAlias: return "Alias to split off · ↑↓ · Enter"
        }
    }
}

/// What the popups gathered so far.
public struct AnnotationDraft: Hashable, Sendable {
    public var actor: ActorPick?
    public var newActorName = ""
    public var newActorKind: ActorKind = .person
    public var kind: StatementKind?
    public var stance: String?
    public var date: Day?
    public var note: String?
    public var name: String?
    public var alias: String?
}

/// A popup flow: the question asked now, those answered (Esc goes back to them) and those to come.
public struct AnnotationFlow: Hashable, Sendable {
    public var purpose: AnnotationPurpose
    /// What the flow is about, shown in every popup: the selected words, the statement or the actor.
    public var subject: String
    public var step: AnnotationStep
    var answered: [AnnotationStep] = []
    var pending: [AnnotationStep]
    public var draft = AnnotationDraft()

    init(purpose: AnnotationPurpose, subject: String, steps: [AnnotationStep]) {
        self.purpose = purpose
        self.subject = subject
        self.step = steps[0]
        self.pending = Array(steps.dropFirst())
    }

    /// Step `n` of `m`, for the popup's footer.
    public var progress: String { "\(answered.count + 1)/\(answered.count + 1 + pending.count)" }

    /// The write the answers make; nil while something is missing.
    var write: AnnotationWrite? {
        switch purpose {
        case .attributeSpan(let article, let span):
            guard let actor = draft.actor, let kind = draft.kind, let stance = draft.stance else { return nil }
            return .attributeSpan(article: article, span: span, actor: actor, kind: kind, stance: stance,
                                  date: draft.date, note: draft.note)
        case .setActor(let statement):
            return draft.actor.map { .setActor(statement: statement, actor: $0) }
        case .setStance(let statement):
            return draft.stance.map { .setStance(statement: statement, stance: $0) }
        case .setKind(let statement):
            return draft.kind.map { .setKind(statement: statement, kind: $0) }
        case .setDate(let statement):
            return .setDate(statement: statement, date: draft.date)
        case .setNote(let statement):
            return .setNote(statement: statement, note: draft.note)
        case .createActor:
            guard case .new(let name, let kind, let role)? = draft.actor else { return nil }
            return .createActor(name: name, kind: kind, role: role)
        case .renameActor(let actor):
            return draft.name.map { .renameActor(actor, name: $0) }
        case .mergeActors(let keep):
            guard case .existing(let absorb)? = draft.actor else { return nil }
            return .mergeActors(keep: keep, absorb: absorb)
        case .splitAlias(let actor):
            return draft.alias.map { .splitAlias(actor: actor, alias: $0) }
        }
    }
}

extension AppState {
    /// A key while a popup is open: it answers the popup's question; Esc goes back a step (and
    /// closes the popup from the first).
    mutating func handleAnnotationKey(_ key: Key) -> [Effect] {
        guard var flow = annotation else { return [] }
        if key == .escape {
            if let previous = flow.answered.popLast() {
                flow.pending.insert(flow.step, at: 0)
                flow.step = previous
                annotation = flow
            } else {
                annotation = nil
                message = StatusMessage(text: "Cancelled", isError: false)
            }
            return []
        }
        switch flow.step {
        case .chooseActor(var choice):
            switch key {
            case .enter:
                guard choice.rowCount > 0 else { return [] }
                if choice.cursor < choice.rows.count {
                    flow.draft.actor = .existing(choice.rows[choice.cursor].id)
                    flow.pending.removeAll { $0.isNewActorStep }
                } else {
                    let typed = choice.filter.text.trimmingCharacters(in: .whitespaces)
                    flow.pending.removeAll { $0.isNewActorStep }
                    flow.pending.insert(contentsOf: [.newActorName(LineInput(typed)), .newActorKind,
                                                     .newActorRole(LineInput())], at: 0)
                }
                return advance(flow)
            case .down, .ctrl("n"), .up, .ctrl("p"):
                let step = key == .down || key == .ctrl("n") ? 1 : -1
                choice.cursor = clamp(choice.cursor + step, 0, max(0, choice.rowCount - 1))
            case .pageDown, .pageUp:
                let page = AnnotationPopup.listHeight(size: size)
                choice.cursor = clamp(choice.cursor + (key == .pageDown ? page : -page), 0, max(0, choice.rowCount - 1))
            default:
                guard choice.filter.edit(with: key) else { return [] }
                choice.cursor = 0
                choice.refresh(from: corpus.actors)
            }
            choice.scroll = scrollKeeping(choice.cursor, visible: AnnotationPopup.listHeight(size: size),
                                          current: choice.scroll, count: choice.rowCount)
            flow.step = .chooseActor(choice)
        case .newActorName(var input):
            if key == .enter {
                let name = input.text.trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else {
                    message = StatusMessage(text: "An actor needs a name", isError: true)
                    return []
                }
                flow.draft.newActorName = name
                return advance(flow)
            }
            if input.edit(with: key) { flow.step = .newActorName(input) }
        case .newActorKind:
            guard case .char(let c) = key, let choice = ChoiceKeys.actorKinds.first(where: { $0.key == c }) else {
                return unknownChoice(key)
            }
            flow.draft.newActorKind = choice.kind
            return advance(flow)
        case .newActorRole(var input):
            if key == .enter {
                let role = input.text.trimmingCharacters(in: .whitespaces)
                flow.draft.actor = .new(name: flow.draft.newActorName, kind: flow.draft.newActorKind,
                                        role: role.isEmpty ? nil : role)
                return advance(flow)
            }
            if input.edit(with: key) { flow.step = .newActorRole(input) }
        case .chooseKind:
            guard case .char(let c) = key, let choice = ChoiceKeys.statementKinds.first(where: { $0.key == c }) else {
                return unknownChoice(key)
            }
            flow.draft.kind = choice.kind
            return advance(flow)
        case .chooseStance:
            guard case .char(let c) = key, let choice = ChoiceKeys.stances(frame).first(where: { $0.key == c }) else {
                return unknownChoice(key)
            }
            flow.draft.stance = choice.stance
            return advance(flow)
        case .typeDate(var input):
            if key == .enter {
                let text = input.text.trimmingCharacters(in: .whitespaces)
                guard text.isEmpty || Day(iso: text) != nil else {
                    message = StatusMessage(text: "Not a date: “\(text)” (YYYY-MM-DD)", isError: true)
                    return []
                }
                flow.draft.date = text.isEmpty ? nil : Day(iso: text)
                return advance(flow)
            }
            if input.edit(with: key) { flow.step = .typeDate(input) }
        case .typeNote(var input):
            if key == .enter {
                let note = input.text.trimmingCharacters(in: .whitespaces)
                flow.draft.note = note.isEmpty ? nil : note
                return advance(flow)
            }
            if input.edit(with: key) { flow.step = .typeNote(input) }
        case .typeName(var input):
            if key == .enter {
                let name = input.text.trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else {
                    message = StatusMessage(text: "A name cannot be empty", isError: true)
                    return []
                }
                flow.draft.name = name
                return advance(flow)
            }
            if input.edit(with: key) { flow.step = .typeName(input) }
        case .chooseAlias(let aliases, let cursor):
            switch key {
            case .enter:
                guard aliases.indices.contains(cursor) else { return [] }
                flow.draft.alias = aliases[cursor]
                return advance(flow)
            case .down, .ctrl("n"), .char("j"):
                flow.step = .chooseAlias(aliases: aliases, cursor: min(cursor + 1, max(0, aliases.count - 1)))
            case .up, .ctrl("p"), .char("k"):
                flow.step = .chooseAlias(aliases: aliases, cursor: max(cursor - 1, 0))
            default:
                return []
            }
        }
        annotation = flow
        return []
    }

    private mutating func unknownChoice(_ key: Key) -> [Effect] {
        message = StatusMessage(text: "\(KeyNames.name(of: key)) is not a choice here (Esc goes back)", isError: false)
        return []
    }

    /// Moves to the next question, or, after the last, closes the popup and asks for the write.
    private mutating func advance(_ flow: AnnotationFlow) -> [Effect] {
        var flow = flow
        guard flow.pending.isEmpty else {
            flow.answered.append(flow.step)
            flow.step = flow.pending.removeFirst()
            annotation = flow
            return []
        }
        annotation = nil
        guard let write = flow.write else {
            message = StatusMessage(text: "Something was left unanswered; nothing saved", isError: true)
            return []
        }
        if case .attributeSpan = flow.purpose { article.selectionAnchor = nil }
        return [.write(write, show: nil)]
    }
}
