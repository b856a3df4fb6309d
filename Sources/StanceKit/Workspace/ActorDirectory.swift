import GRDB

/// The workspace's actors as adding an article matches against them (kind, canonical name key,
/// alias keys, role), held in memory for a write transaction. Matching an article's actors by
/// queries cost several statements per actor, over a quarter of a bulk import's writing; the
/// directory reads the actors once and answers from dictionaries, in the same order the queries
/// did (the lowest id wins), and is kept in step by the writes that go through it.
struct ActorDirectory {
    struct Slot: Hashable {
        var kind: ActorKind
        var key: String
    }

    struct Entry {
        var normalizedName: String
        var role: String?
        var isParticipant: Bool
    }

    private struct Alias: Hashable {
        var actorID: Int64
        var key: String
    }

    private var entries: [Int64: Entry] = [:]
    /// Ids of the actors of a kind with this canonical name key, lowest first.
    private var named: [Slot: [Int64]] = [:]
    /// The lowest id of an actor of a kind with this alias key.
    private var aliasOwner: [Slot: Int64] = [:]
    private var aliases: Set<Alias> = []
    private var actorKeys: Set<String> = []

    init(_ db: Database) throws {
        let actors = try Row.fetchCursor(db, sql: """
            SELECT id, key, kind, normalized_name, role, is_participant FROM actors ORDER BY id
            """)
        while let row = try actors.next() {
            let id: Int64 = row[0]
            actorKeys.insert(row[1])
            entries[id] = Entry(normalizedName: row[3], role: row[4], isParticipant: row[5])
            named[Slot(kind: row[2], key: row[3]), default: []].append(id)
        }
        let aliasRows = try Row.fetchCursor(db, sql: """
            SELECT actor_aliases.actor_id, actors.kind, actor_aliases.normalized_alias
            FROM actor_aliases JOIN actors ON actors.id = actor_aliases.actor_id
            ORDER BY actor_aliases.actor_id
            """)
        while let row = try aliasRows.next() {
            recordAlias(actorID: row[0], kind: row[1], key: row[2])
        }
    }

    func entry(_ id: Int64) -> Entry? { entries[id] }

    /// The lowest id among the actors of `kind` whose canonical name key is `key`.
    func actor(named key: String, kind: ActorKind) -> Int64? {
        named[Slot(kind: kind, key: key)]?.first
    }

    /// Same kind, and the newcomer's name or aliases equal the actor's canonical name (its own
    /// name first), or the newcomer's canonical name is one of the actor's aliases. Alias against
    /// alias is not enough: two people may share a surname.
    func match(kind: ActorKind, names: PreparedArticle.ActorNames) -> Int64? {
        if let own = actor(named: names.nameKey, kind: kind) { return own }
        if let byName = names.lookupKeys.compactMap({ actor(named: $0, kind: kind) }).min() { return byName }
        return aliasOwner[Slot(kind: kind, key: names.nameKey)]
    }

    /// Whether `key` may be recorded as an alias of the actor: not recorded yet, and not the
    /// canonical name of another actor of its kind (a person split them apart).
    func acceptsAlias(_ key: String, actorID: Int64, kind: ActorKind) -> Bool {
        !aliases.contains(Alias(actorID: actorID, key: key))
            && (named[Slot(kind: kind, key: key)] ?? []).allSatisfy { $0 == actorID }
    }

    func isActorKeyTaken(_ key: String) -> Bool { actorKeys.contains(key) }

    mutating func recordActor(id: Int64, key: String, kind: ActorKind, entry: Entry) {
        entries[id] = entry
        actorKeys.insert(key)
        named[Slot(kind: kind, key: entry.normalizedName), default: []].append(id)
    }

    mutating func recordRole(of id: Int64, role: String?, isParticipant: Bool) {
        entries[id]?.role = role
        entries[id]?.isParticipant = isParticipant
    }

    mutating func recordAlias(actorID: Int64, kind: ActorKind, key: String) {
        aliases.insert(Alias(actorID: actorID, key: key))
        let slot = Slot(kind: kind, key: key)
        aliasOwner[slot] = min(aliasOwner[slot] ?? actorID, actorID)
    }
}

/// An import's actor directory, kept from one batch to the next while nothing else has written to
/// the workspace in between: not this connection (its count of changed rows is where the last
/// batch left it) and no other (SQLite's data version is the same). Otherwise it is read again.
/// Used by the importer's single writer only, one batch at a time.
final class ActorDirectoryCache: @unchecked Sendable {
    private var directory: ActorDirectory?
    private var leftAt: (dataVersion: Int64, totalChanges: Int)?

    init() {}

    /// The directory as of now, read again when the workspace changed since `keep` was called.
    func take(_ db: Database) throws -> ActorDirectory {
        if let directory, let leftAt, try Self.mark(db) == leftAt { return directory }
        return try ActorDirectory(db)
    }

    /// Keeps the directory for the next batch, as the workspace is now.
    func keep(_ directory: ActorDirectory, _ db: Database) throws {
        self.directory = directory
        leftAt = try Self.mark(db)
    }

    /// Forgets the directory (the batch's transaction was rolled back).
    func forget() {
        directory = nil
        leftAt = nil
    }

    private static func mark(_ db: Database) throws -> (dataVersion: Int64, totalChanges: Int) {
        (try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0, db.totalChangesCount)
    }
}
