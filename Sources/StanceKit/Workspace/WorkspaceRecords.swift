import Foundation
import GRDB

// One Codable record type per table. Records are internal: nothing above the Workspace sees a row.

extension Day: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
        String.fromDatabaseValue(dbValue).flatMap { Day(iso: $0) }
    }
}

extension ActorKind: DatabaseValueConvertible {}
extension StatementKind: DatabaseValueConvertible {}
extension StatementStatus: DatabaseValueConvertible {}
extension StatementOrigin: DatabaseValueConvertible {}

/// Who made a statement: the analyser, or a person.
public enum StatementOrigin: String, Sendable, Codable, CaseIterable {
    case machine, human
}

/// Shared by every record. Columns are named by explicit CodingKeys rather than a snake_case
/// conversion strategy, which GRDB would otherwise apply to every key of every row written.
protocol WorkspaceRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    var id: Int64? { get set }
}

extension WorkspaceRecord {
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct ArticleRecord: WorkspaceRecord {
    static let databaseTableName = "articles"
    enum CodingKeys: String, CodingKey {
        case id, contentHash = "content_hash", fileHash = "file_hash", file, title, source, published, byline, url
        case text, blocks, warnings, frame, importedAt = "imported_at"
    }
    var id: Int64?
    var contentHash: String
    var fileHash: String?
    var file: String
    var title: String?
    var source: String?
    var published: Day?
    var byline: [String]
    var url: String?
    var text: String
    var blocks: [Block]
    var warnings: [String]
    var frame: String?
    var importedAt: Date

    var article: Article {
        Article(file: file, title: title, source: source, published: published, byline: byline, url: url,
                text: text, blocks: blocks, warnings: warnings)
    }
}

struct ActorRecord: WorkspaceRecord {
    static let databaseTableName = "actors"
    enum CodingKeys: String, CodingKey {
        case id, key, name, normalizedName = "normalized_name", kind, role, isParticipant = "is_participant"
    }
    var id: Int64?
    /// Fixed at creation and never changed by a rename: the command log names actors by it.
    var key: String
    var name: String
    var normalizedName: String
    var kind: ActorKind
    var role: String?
    var isParticipant: Bool
}

struct ActorAliasRecord: WorkspaceRecord {
    static let databaseTableName = "actor_aliases"
    enum CodingKeys: String, CodingKey {
        case id, actorId = "actor_id", alias, normalizedAlias = "normalized_alias"
    }
    var id: Int64?
    var actorId: Int64
    var alias: String
    var normalizedAlias: String
}

struct MentionRecord: WorkspaceRecord {
    static let databaseTableName = "mentions"
    enum CodingKeys: String, CodingKey {
        case id, actorId = "actor_id", articleId = "article_id", start, end
    }
    var id: Int64?
    var actorId: Int64
    var articleId: Int64
    var start: Int
    var end: Int
    var span: TextSpan { TextSpan(start: start, end: end) }
}

struct StatementRecord: WorkspaceRecord {
    static let databaseTableName = "statements"
    enum CodingKeys: String, CodingKey {
        case id, key, suggestionKey = "suggestion_key", articleId = "article_id", actorId = "actor_id", kind, text, cue
        case start, end, date, dateText = "date_text", stance, confidence, evidence, origin, status, annotator
        case decidedAt = "decided_at", note
    }
    var id: Int64?
    /// Fixed at creation: the command log names statements by it, so a log replays on another
    /// workspace built from the same articles.
    var key: String
    /// For a machine statement, article + kind + span as first suggested: a re-analysis proposing
    /// the same suggestion finds it, and a rejected one stays rejected. Nil for human statements.
    var suggestionKey: String?
    var articleId: Int64
    var actorId: Int64
    var kind: StatementKind
    var text: String
    var cue: String?
    var start: Int
    var end: Int
    var date: Day?
    var dateText: String?
    var stance: String
    var confidence: Double
    var evidence: [String]
    var origin: StatementOrigin
    var status: StatementStatus
    var annotator: String?
    var decidedAt: Date?
    var note: String?

    var span: TextSpan {
        get { TextSpan(start: start, end: end) }
        set { start = newValue.start; end = newValue.end }
    }

    /// A person has looked at it (decided, annotated, or moved it to another speaker): re-analysis
    /// must leave it as they left it.
    var isTouchedByHuman: Bool { origin == .human || status != .suggested || note != nil || annotator != nil }
}

struct HistoryRecord: WorkspaceRecord {
    static let databaseTableName = "history"
    enum CodingKeys: String, CodingKey {
        case id, command, forward, inverse, annotator, madeAt = "made_at"
    }
    var id: Int64?
    var command: WorkspaceCommand
    var forward: [RowEdit]
    var inverse: [RowEdit]
    var annotator: String
    var madeAt: Date
}

struct HistoryCursorRecord: WorkspaceRecord {
    static let databaseTableName = "history_cursor"
    var id: Int64?
    /// The id of the last applied history row; 0 before the first change or after undoing all.
    var position: Int64
}

/// The import's JSON columns (byline, warnings, blocks, evidence) written directly, byte for byte
/// as the records' encoder writes them (GRDB's JSONEncoder: sorted keys, `/` escaped, other
/// controls as `\u00xx`), so a row written either way reads back, compares and undoes alike.
/// Foundation's encoder, a container and a boxed value per element, cost the import's workers
/// as much as a third of what the analysis did. WorkspaceBulkImportTests compares both outputs.
enum JSONColumn {
    static func strings(_ values: [String]) -> String {
        var json: [UInt8] = [UInt8(ascii: "[")]
        json.reserveCapacity(2 + values.reduce(0) { $0 + $1.utf8.count + 3 })
        for (index, value) in values.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            appendQuoted(value, to: &json)
        }
        json.append(UInt8(ascii: "]"))
        return String(decoding: json, as: UTF8.self)
    }

    /// `[{"role":"body","span":{"end":12,"start":0}},…]`: Block's and TextSpan's coding keys, sorted.
    static func blocks(_ blocks: [Block]) -> String {
        var json: [UInt8] = [UInt8(ascii: "[")]
        json.reserveCapacity(2 + 48 * blocks.count)
        for (index, block) in blocks.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json.append(contentsOf: #"{"role":"#.utf8)
            appendQuoted(block.role.rawValue, to: &json)
            json.append(contentsOf: #","span":{"end":"#.utf8)
            json.append(contentsOf: String(block.span.end).utf8)
            json.append(contentsOf: #","start":"#.utf8)
            json.append(contentsOf: String(block.span.start).utf8)
            json.append(contentsOf: "}}".utf8)
        }
        json.append(UInt8(ascii: "]"))
        return String(decoding: json, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendQuoted(_ value: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                json.append(UInt8(ascii: "\\"))
                json.append(byte)
            case 0x08: json.append(contentsOf: #"\b"#.utf8)
            case 0x09: json.append(contentsOf: #"\t"#.utf8)
            case 0x0A: json.append(contentsOf: #"\n"#.utf8)
            case 0x0C: json.append(contentsOf: #"\f"#.utf8)
            case 0x0D: json.append(contentsOf: #"\r"#.utf8)
            case 0x00..<0x20:
                json.append(contentsOf: #"\u00"#.utf8)
                json.append(hexDigits[Int(byte >> 4)])
                json.append(hexDigits[Int(byte & 0x0F)])
            default:
                json.append(byte)
            }
        }
        json.append(UInt8(ascii: "\""))
    }
}
