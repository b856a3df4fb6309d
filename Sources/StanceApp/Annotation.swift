import StanceKit

/// Who a statement is attributed to: an actor of the workspace, or one the annotator creates on
/// the way.
public enum ActorPick: Hashable, Sendable {
    case existing(CorpusActorID)
    case new(name: String, kind: ActorKind, role: String?)
}

/// One annotation write, named by intention; `update` asks for it as an effect and the runtime
/// hands it to the store.
public enum AnnotationWrite: Hashable, Sendable {
    case acceptStatement(String)
    case rejectStatement(String)
    case setStance(statement: String, stance: String)
    case setKind(statement: String, kind: StatementKind)
    case setActor(statement: String, actor: ActorPick)
    case setSpan(statement: String, span: TextSpan)
    case setDate(statement: String, date: Day?)
    case setNote(statement: String, note: String?)
    case deleteStatement(String)
    case attributeSpan(article: ArticleID, span: TextSpan, actor: ActorPick, kind: StatementKind, stance: String,
                       date: Day?, note: String?)
    case createActor(name: String, kind: ActorKind, role: String?)
    case renameActor(CorpusActorID, name: String)
    case mergeActors(keep: CorpusActorID, absorb: CorpusActorID)
    case splitAlias(actor: CorpusActorID, alias: String)
    case undo
    case redo
}

/// What a saved write did, for the status bar, and the statement to show afterwards.
public struct SavedChange: Hashable, Sendable {
    public var description: String
    /// The statement the write created, if any.
    public var createdStatement: String?
    /// The actors whose statements, mentions, aliases or own row the write changed: the corpus
    /// panes read these again, not the whole corpus. nil when the store cannot tell (all are read).
    public var touchedActors: Set<CorpusActorID>?
    public init(description: String, createdStatement: String? = nil, touchedActors: Set<CorpusActorID>? = nil) {
        self.description = description
        self.createdStatement = createdStatement
        self.touchedActors = touchedActors
    }
}

/// A store a person can annotate. Each method is one durable change, made by the store's
/// annotator and undoable; it returns only once the change is saved.
public protocol AnnotatingStore: WorkbenchStore {
    /// Why this store cannot be written now (a read-only file), else nil.
    var readOnlyReason: String? { get }
    func accept(statement: String) throws -> SavedChange
    func reject(statement: String) throws -> SavedChange
    func setStance(statement: String, to stance: String) throws -> SavedChange
    func setKind(statement: String, to kind: StatementKind) throws -> SavedChange
    func setActor(statement: String, to actor: ActorPick) throws -> SavedChange
    func setSpan(statement: String, to span: TextSpan) throws -> SavedChange
    func setDate(statement: String, to date: Day?) throws -> SavedChange
    func setNote(statement: String, to note: String?) throws -> SavedChange
    func deleteStatement(_ statement: String) throws -> SavedChange
    func attributeSpan(article: ArticleID, span: TextSpan, to actor: ActorPick, kind: StatementKind, stance: String,
                       date: Day?, note: String?) throws -> SavedChange
    func createActor(name: String, kind: ActorKind, role: String?) throws -> SavedChange
    func renameActor(_ actor: CorpusActorID, to name: String) throws -> SavedChange
    func mergeActors(keep: CorpusActorID, absorb: CorpusActorID) throws -> SavedChange
    func splitAlias(actor: CorpusActorID, alias: String) throws -> SavedChange
    /// nil when there is nothing to undo (or redo).
    func undo() throws -> SavedChange?
    func redo() throws -> SavedChange?
}

extension AnnotatingStore {
    /// Hands `write` to the intention-named method that makes it.
    public func perform(_ write: AnnotationWrite) throws -> SavedChange? {
        switch write {
        case .acceptStatement(let id): return try accept(statement: id)
        case .rejectStatement(let id): return try reject(statement: id)
        case .setStance(let id, let stance): return try setStance(statement: id, to: stance)
        case .setKind(let id, let kind): return try setKind(statement: id, to: kind)
        case .setActor(let id, let actor): return try setActor(statement: id, to: actor)
        case .setSpan(let id, let span): return try setSpan(statement: id, to: span)
        case .setDate(let id, let date): return try setDate(statement: id, to: date)
        case .setNote(let id, let note): return try setNote(statement: id, to: note)
        case .deleteStatement(let id): return try deleteStatement(id)
        case .attributeSpan(let article, let span, let actor, let kind, let stance, let date, let note):
            return try attributeSpan(article: article, span: span, to: actor, kind: kind, stance: stance, date: date,
                                     note: note)
        case .createActor(let name, let kind, let role): return try createActor(name: name, kind: kind, role: role)
        case .renameActor(let id, let name): return try renameActor(id, to: name)
        case .mergeActors(let keep, let absorb): return try mergeActors(keep: keep, absorb: absorb)
        case .splitAlias(let actor, let alias): return try splitAlias(actor: actor, alias: alias)
        case .undo: return try undo()
        case .redo: return try redo()
        }
    }
}

/// The keys that choose a stance, a statement kind or an actor kind in the annotation popups.
public enum ChoiceKeys {
    /// One key per position of the frame (its own `key`), then `mixed` and `none` on the first
    /// free key of a few candidates.
    public static func stances(_ frame: Frame) -> [(key: Character, stance: String, label: String)] {
        var result: [(key: Character, stance: String, label: String)] = frame.positions.compactMap { position in
            position.key.first.map { ($0, position.id, position.label) }
        }
        for (stance, label, candidates) in [(Frame.mixed, "Mixed", "mx*"), (Frame.none, "None", "n0-")] {
            if let key = candidates.first(where: { candidate in !result.contains { $0.key == candidate } }) {
                result.append((key, stance, label))
            }
        }
        return result
    }

    public static let statementKinds: [(key: Character, kind: StatementKind, label: String)] = [
        ("d", .direct, "Direct quote"), ("r", .reported, "Reported speech"), ("s", .description, "Description"),
    ]

    public static let actorKinds: [(key: Character, kind: ActorKind, label: String)] = [
        ("p", .person, "Person"), ("o", .organization, "Organisation"), ("g", .group, "Group"),
    ]
}
