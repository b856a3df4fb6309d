import Foundation

/// Every annotation command, once: the Workspace applies these, the history stores them and the
/// command log writes them. Statements, actors and articles are named by stable keys (not row ids)
/// so a log replays on a fresh workspace built from the same articles.
///
/// Encoded flat, visidata style: `{"command":"set-stance","statement":"...","stance":"support"}`.
public enum WorkspaceCommand: Hashable, Sendable {
    case acceptStatement(statement: String)
    case rejectStatement(statement: String)
    case setStance(statement: String, stance: String)
    case setSpeaker(statement: String, actor: String)
    case setKind(statement: String, kind: StatementKind)
    case setSpan(statement: String, span: TextSpan)
    case setDate(statement: String, date: Day?, dateText: String?)
    case setNote(statement: String, note: String?)
    case deleteStatement(statement: String)
    /// A human statement: the actor said the words at `span` of the article (content hash).
    case attributeSpan(article: String, actor: String, kind: StatementKind, span: TextSpan, stance: String,
                       date: Day?, note: String?)
    case createActor(name: String, kind: ActorKind, role: String?)
    case renameActor(actor: String, name: String)
    case mergeActors(keep: String, absorb: String)
    case splitAlias(actor: String, alias: String)
    case undo
    case redo

    /// The verb-object name used in the log and on the command line.
    public var name: String {
        switch self {
        case .acceptStatement: "accept-statement"
        case .rejectStatement: "reject-statement"
        case .setStance: "set-stance"
        case .setSpeaker: "set-speaker"
        case .setKind: "set-kind"
        case .setSpan: "set-span"
        case .setDate: "set-date"
        case .setNote: "set-note"
        case .deleteStatement: "delete-statement"
        case .attributeSpan: "attribute-span"
        case .createActor: "create-actor"
        case .renameActor: "rename-actor"
        case .mergeActors: "merge-actors"
        case .splitAlias: "split-alias"
        case .undo: "undo"
        case .redo: "redo"
        }
    }

    /// The statement the command is about, when there is one.
    var statementKey: String? {
        switch self {
        case let .acceptStatement(key), let .rejectStatement(key), let .setStance(key, _),
             let .setSpeaker(key, _), let .setKind(key, _), let .setSpan(key, _), let .setDate(key, _, _),
             let .setNote(key, _), let .deleteStatement(key):
            key
        default: nil
        }
    }
}

extension WorkspaceCommand: Codable {
    enum CodingKeys: String, CodingKey {
        case command, statement, stance, actor, kind, start, end, date, dateText = "date_text", note
        case article, name, role, keep, absorb, alias
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .command)
        if let statement = statementKey { try c.encode(statement, forKey: .statement) }
        switch self {
        case .acceptStatement, .rejectStatement, .deleteStatement, .undo, .redo:
            break
        case let .setStance(_, stance):
            try c.encode(stance, forKey: .stance)
        case let .setSpeaker(_, actor):
            try c.encode(actor, forKey: .actor)
        case let .setKind(_, kind):
            try c.encode(kind, forKey: .kind)
        case let .setSpan(_, span):
            try c.encode(span.start, forKey: .start)
            try c.encode(span.end, forKey: .end)
        case let .setDate(_, date, dateText):
            try c.encode(date, forKey: .date)
            try c.encode(dateText, forKey: .dateText)
        case let .setNote(_, note):
            try c.encode(note, forKey: .note)
        case let .attributeSpan(article, actor, kind, span, stance, date, note):
            try c.encode(article, forKey: .article)
            try c.encode(actor, forKey: .actor)
            try c.encode(kind, forKey: .kind)
            try c.encode(span.start, forKey: .start)
            try c.encode(span.end, forKey: .end)
            try c.encode(stance, forKey: .stance)
            try c.encode(date, forKey: .date)
            try c.encode(note, forKey: .note)
        case let .createActor(name, kind, role):
            try c.encode(name, forKey: .name)
            try c.encode(kind, forKey: .kind)
            try c.encode(role, forKey: .role)
        case let .renameActor(actor, name):
            try c.encode(actor, forKey: .actor)
            try c.encode(name, forKey: .name)
        case let .mergeActors(keep, absorb):
            try c.encode(keep, forKey: .keep)
            try c.encode(absorb, forKey: .absorb)
        case let .splitAlias(actor, alias):
            try c.encode(actor, forKey: .actor)
            try c.encode(alias, forKey: .alias)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .command)
        func statement() throws -> String { try c.decode(String.self, forKey: .statement) }
        func span() throws -> TextSpan {
            let start = try c.decode(Int.self, forKey: .start), end = try c.decode(Int.self, forKey: .end)
            guard start >= 0, end >= start else {
                throw DecodingError.dataCorruptedError(forKey: .end, in: c,
                                                       debugDescription: "span \(start)..<\(end) is not a range")
            }
            return TextSpan(start: start, end: end)
        }
        switch name {
        case "accept-statement": self = .acceptStatement(statement: try statement())
        case "reject-statement": self = .rejectStatement(statement: try statement())
        case "set-stance": self = .setStance(statement: try statement(), stance: try c.decode(String.self, forKey: .stance))
        case "set-speaker": self = .setSpeaker(statement: try statement(), actor: try c.decode(String.self, forKey: .actor))
        case "set-kind": self = .setKind(statement: try statement(), kind: try c.decode(StatementKind.self, forKey: .kind))
        case "set-span": self = .setSpan(statement: try statement(), span: try span())
        case "set-date":
            self = .setDate(statement: try statement(), date: try c.decodeIfPresent(Day.self, forKey: .date),
                            dateText: try c.decodeIfPresent(String.self, forKey: .dateText))
        case "set-note": self = .setNote(statement: try statement(), note: try c.decodeIfPresent(String.self, forKey: .note))
        case "delete-statement": self = .deleteStatement(statement: try statement())
        case "attribute-span":
            self = .attributeSpan(article: try c.decode(String.self, forKey: .article),
                                  actor: try c.decode(String.self, forKey: .actor),
                                  kind: try c.decode(StatementKind.self, forKey: .kind), span: try span(),
                                  stance: try c.decode(String.self, forKey: .stance),
                                  date: try c.decodeIfPresent(Day.self, forKey: .date),
                                  note: try c.decodeIfPresent(String.self, forKey: .note))
        case "create-actor":
            self = .createActor(name: try c.decode(String.self, forKey: .name),
                                kind: try c.decode(ActorKind.self, forKey: .kind),
                                role: try c.decodeIfPresent(String.self, forKey: .role))
        case "rename-actor":
            self = .renameActor(actor: try c.decode(String.self, forKey: .actor), name: try c.decode(String.self, forKey: .name))
        case "merge-actors":
            self = .mergeActors(keep: try c.decode(String.self, forKey: .keep), absorb: try c.decode(String.self, forKey: .absorb))
        case "split-alias":
            self = .splitAlias(actor: try c.decode(String.self, forKey: .actor), alias: try c.decode(String.self, forKey: .alias))
        case "undo": self = .undo
        case "redo": self = .redo
        default:
            throw DecodingError.dataCorruptedError(forKey: .command, in: c, debugDescription: "unknown command \(name)")
        }
    }
}

/// What a command did, for the UI to refresh and to say ("Accepted statement 12").
public struct WorkspaceChange: Hashable, Sendable {
    public enum Direction: String, Hashable, Sendable { case applied, undone, redone }
    /// The history entry; undo and redo report the entry they moved over.
    public var sequence: Int64
    public var command: WorkspaceCommand
    public var direction: Direction
    public var annotator: String
    public var date: Date
    /// Statements whose rows changed (inserted, updated or deleted).
    public var statementIDs: [Int64]
    /// Actors whose row, aliases, mentions or statements changed: a statement moved between
    /// actors counts for both. What a reader of per-actor summaries reads again.
    public var actorIDs: [Int64]
    /// Articles whose statements or mentions changed.
    public var articleIDs: [Int64] = []
    /// The statement or actor the command created (attribute-span, create-actor, split-alias).
    public var createdID: Int64?
}
