import Foundation
import GRDB

/// The persistent workspace: articles, actors, statements and the annotation history, in one
/// SQLite file. Callers use intention-named methods; no SQL leaves this type.
///
/// Durability: the file is in WAL mode with `synchronous = FULL`, so every write transaction is
/// fsynced into the WAL before its method returns. NORMAL would be faster but may lose the last
/// transactions on power loss, and an annotation is a person's decision we promised never to lose.
/// FULL costs one fsync per commit, which a person's keystrokes never notice and the importer
/// amortises by writing articles in batches.
///
/// Acknowledgement: an annotation is acknowledged when its line is in the command log. The line is
/// written (and fsynced) only after the change's transaction has committed, and the workbench says
/// "Saved" only after both; so after a crash the file holds every logged change, and at most one
/// more whose line had not been written yet (KillMidBurstTests checks this with SIGKILL).
///
/// Integrity: a damaged file is never written to. Opening checks what is cheap (the header, the
/// file's size against the page count it declares, the schema and the migrations applied) and
/// refuses a file that fails. SQLite's `quick_check` of every page, which takes half a second on a
/// file of 10,000 articles, then runs on a thread of its own while the workbench draws its first
/// frames; every write waits for it and is refused with `WorkspaceError.corrupt` when it found
/// damage, and so is opening a file that needs writing before it can be used (migrations, a
/// journal to switch to WAL, a WAL left by a crash, which closing would copy into the file). A
/// damaged file is left byte for byte as it was; `integrityStatus` tells the workbench what the
/// check found, so it can say so without waiting for a write. A file opened read-only as asked
/// (the commands that only read: export, compare, search) is not checked at all, since nothing
/// will be written: a read that meets a damaged page says so (`WorkspaceError.corrupt`).
public final class Workspace: Sendable {
    /// `nil` for an in-memory workspace.
    public let path: String?
    /// Why the workspace cannot be changed, or nil when it can.
    public let readOnlyReason: String?
    public var isReadOnly: Bool { readOnlyReason != nil }
    /// Where annotation commands are logged, one JSON line each; nil when nothing is logged.
    public let commandLogURL: URL?

    let connections: WorkspaceConnections
    /// The connection that writes (opening it if it is not open yet).
    var writer: any DatabaseWriter { get throws { try connections.writer() } }
    let commandLog: CommandLog?
    let now: @Sendable () -> Date
    let integrityCheck: IntegrityCheck
    /// Side files to take away on closing: a file nobody may write keeps its folder as it was.
    private let sideFilesToTidy: SQLiteSideFiles?
    /// The side files and the command log as they were before opening a writable file, to take
    /// away on closing those made for nothing: by a read-only connection, or for a damaged file.
    private let sideFilesBeforeOpening: (SQLiteSideFiles, commandLogExisted: Bool)?
    private let closing = FirstCall()

    private init(path: String?, connections: WorkspaceConnections, readOnlyReason: String?, commandLog: CommandLog?,
                 integrityCheck: IntegrityCheck, sideFilesToTidy: SQLiteSideFiles? = nil,
                 sideFilesBeforeOpening: (SQLiteSideFiles, commandLogExisted: Bool)? = nil,
                 now: @escaping @Sendable () -> Date) {
        self.path = path
        self.connections = connections
        self.readOnlyReason = readOnlyReason
        self.commandLog = commandLog
        self.commandLogURL = commandLog?.url
        self.integrityCheck = integrityCheck
        self.sideFilesToTidy = sideFilesToTidy
        self.sideFilesBeforeOpening = sideFilesBeforeOpening
        self.now = now
    }

    deinit { close() }

    /// Closes the file now instead of when the last reference goes, and tidies what opening it
    /// left beside it (see `open`). A command that exits the process right after its work calls
    /// this: a reference still held by another thread (an import's writer queue lets go of its
    /// own just after it finishes) would otherwise go after the process has ended, leaving
    /// SQLite's side files beside a file that was never written. Nothing may use the workspace
    /// afterwards. Closing twice does nothing more.
    public func close() {
        guard closing.claim() else { return }
        // Last: the writer, closing, takes the WAL away.
        defer { connections.close() }
        let isDamaged = if case .damaged = integrityCheck.status { true } else { false }
        integrityCheck.cancel(path: path ?? "the workspace")
        if let sideFilesToTidy {
            connections.close()
            sideFilesToTidy.removeTheOnesMadeForNothing()
        }
        guard let (sideFiles, commandLogExisted) = sideFilesBeforeOpening else { return }
        // The writer takes the WAL away on closing; a read-only connection cannot.
        if isDamaged || !connections.writerIsOpen {
            connections.close()
            sideFiles.removeTheOnesMadeForNothing()
        }
        if isDamaged, !commandLogExisted, let commandLogURL, Self.isEmptyFile(commandLogURL.path) {
            try? FileManager.default.removeItem(at: commandLogURL)
        }
    }

    /// `$XDG_DATA_HOME/stancebench/workspace.sqlite`, with `~/.local/share` when XDG_DATA_HOME is unset.
    public static var defaultPath: String {
        let environment = ProcessInfo.processInfo.environment
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg   // the XDG spec says relative values are to be ignored
        } else {
            let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
            dataHome = (home as NSString).appendingPathComponent(".local/share")
        }
        return (dataHome as NSString).appendingPathComponent("stancebench/workspace.sqlite")
    }

    /// The command log that belongs to a workspace file: `x.sqlite` logs to `x.log.jsonl`.
    public static func commandLogURL(forWorkspaceAt path: String) -> URL {
        let url = URL(fileURLWithPath: path)
        return url.deletingPathExtension().appendingPathExtension("log.jsonl")
    }

    /// An empty workspace in memory, for tests and previews.
    public static func inMemory(commandLog: URL? = nil, now: @escaping @Sendable () -> Date = { Date() }) throws -> Workspace {
        let queue = try DatabaseQueue(configuration: configuration(readOnly: false))
        try WorkspaceSchema.migrator.migrate(queue)
        return Workspace(path: nil, connections: WorkspaceConnections(writer: queue), readOnlyReason: nil,
                         commandLog: try commandLog.map { try CommandLog(url: $0) }, integrityCheck: .notNeeded, now: now)
    }

    /// Opens (or creates) the workspace file. Checks it before changing anything: a file this
    /// version refuses (not SQLite, damaged, from a newer version) is left byte for byte as it was.
    /// A file or folder that cannot be written is opened read-only; `readOnlyReason` says why and
    /// every write throws `WorkspaceError.readOnly`.
    public static func open(path: String = Workspace.defaultPath, readOnly: Bool = false,
                            now: @escaping @Sendable () -> Date = { Date() }) throws -> Workspace {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw WorkspaceError.cannotOpen(path: path, details: "it is a folder") }

        var readOnlyReason: String? = readOnly ? "opened read-only as asked" : nil
        let sideFiles = SQLiteSideFiles(of: path)
        let logURL = commandLogURL(forWorkspaceAt: path)
        let commandLogExisted = fileManager.fileExists(atPath: logURL.path)
        var integrityCheck = IntegrityCheck.notNeeded
        var needsMigrating = true
        var missesIndexes = false
        var writesOnOpening = true
        // A writable workspace that an older version wrote, opened only to read (`timeline`,
        // `export`...): it is upgraded first, as opening it to write would, rather than refused.
        var upgradesBeforeReading = false
        if exists {
            let header = try checkHeader(path: path)
            let unwritable = unwritableReason(path: path)
            if readOnlyReason == nil { readOnlyReason = unwritable }
            do {
                if let header {
                    try header.checkSize(against: try fileSize(path), hasWAL: sideFiles.walHasContent, path: path)
                    (needsMigrating, missesIndexes) = try inspect(path: path, canUpgrade: unwritable == nil)
                    upgradesBeforeReading = readOnly && needsMigrating
                    integrityCheck = readOnly && !upgradesBeforeReading
                        ? .skipped : .start(path: path, configuration: configuration(readOnly: true))
                    // Each of these writes the file on opening or closing: only a sound file may be.
                    writesOnOpening = needsMigrating || missesIndexes || !header.isInWALMode || sideFiles.walHasContent
                    if unwritable == nil, writesOnOpening { try integrityCheck.requireSound() }
                }
            } catch {
                sideFiles.removeTheOnesMadeForNothing()
                throw error
            }
        } else if readOnly {
            throw WorkspaceError.cannotOpen(path: path, details: "there is no workspace there")
        } else {
            let folder = (path as NSString).deletingLastPathComponent
            do {
                try fileManager.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
            } catch {
                throw WorkspaceError.cannotOpen(path: path, details: "cannot create its folder (\(error.localizedDescription))")
            }
            if let reason = unwritableReason(path: path) { throw WorkspaceError.readOnly(path: path, reason: reason) }
        }

        do {
            if let readOnlyReason {
                if upgradesBeforeReading { try upgrade(path: path) }
                // A writable file opened read-only by choice may be written by another workbench
                // meanwhile, so its side files may be in use: it is read through a connection that
                // could write but may not (`query_only`), which lets SQLite itself take the side
                // files away when the last connection closes. A WAL with changes in it (a crash, or
                // a writer at work) is only read, unchecked, as a file nobody may write is.
                let readsByChoice = readOnly && unwritableReason(path: path) == nil
                let queryOnly = readsByChoice && !sideFiles.walHasContent
                let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: !queryOnly, queryOnly: queryOnly))
                return Workspace(path: path, connections: WorkspaceConnections(writer: queue), readOnlyReason: readOnlyReason,
                                 commandLog: nil,
                                 integrityCheck: integrityCheck, sideFilesToTidy: readsByChoice ? nil : sideFiles, now: now)
            }
            let openPool: @Sendable () throws -> any DatabaseWriter = {
                try DatabasePool(path: path, configuration: configuration(readOnly: false))
            }
            let connections: WorkspaceConnections
            if writesOnOpening {
                let pool = try openPool()
                if needsMigrating { try WorkspaceSchema.migrator.migrate(pool) }
                // An import cut short (a crash) left its read indexes dropped.
                if missesIndexes { try restoreDeferredIndexesUnlessBusy(pool) }
                connections = WorkspaceConnections(writer: pool)
            } else {
                // Opening the pool writes (GRDB makes sure the WAL is not empty): it waits for the first write.
                let reader = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
                connections = WorkspaceConnections(reader: reader, openWriter: openPool)
            }
            let log = try CommandLog(url: logURL)
            return Workspace(path: path, connections: connections, readOnlyReason: nil, commandLog: log,
                             integrityCheck: integrityCheck,
                             sideFilesBeforeOpening: (sideFiles, commandLogExisted: commandLogExisted), now: now)
        } catch {
            // The check's connection is closed first: it may have made side files too.
            integrityCheck.cancel(path: path)
            sideFiles.removeTheOnesMadeForNothing()
            throw error as? WorkspaceError ?? classify(error, path: path)
        }
    }

    private static func configuration(readOnly: Bool, queryOnly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.label = "StanceBench.Workspace"
        configuration.prepareDatabase { db in
            try SearchRanking.register(db)
            if queryOnly { try db.execute(sql: "PRAGMA query_only = ON") }
            if !readOnly { try db.execute(sql: "PRAGMA synchronous = FULL") }
        }
        return configuration
    }

    private static func fileSize(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Every SQLite file starts with these 16 bytes; anything else is refused before SQLite sees it.
    /// Nil for an empty file, which is an empty database.
    private static func checkHeader(path: String) throws -> SQLiteHeader? {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw WorkspaceError.cannotOpen(path: path, details: "it cannot be read")
        }
        defer { try? handle.close() }
        let bytes = (try? handle.read(upToCount: SQLiteHeader.length)) ?? Data()
        if bytes.isEmpty { return nil }
        guard let header = SQLiteHeader(bytes) else { throw WorkspaceError.notSQLite(path: path) }
        return header
    }

    static func isEmptyFile(_ path: String) -> Bool {
        ((try? fileSize(path)) ?? -1) == 0
    }

    /// Permission bits are checked as well as access(2): a file marked read-only stays unwritten
    /// even for a superuser, who access(2) would let through.
    private static func unwritableReason(path: String) -> String? {
        let fileManager = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        func ownerCanWrite(_ item: String) -> Bool {
            guard let mode = (try? fileManager.attributesOfItem(atPath: item))?[.posixPermissions] as? NSNumber else {
                return true
            }
            return mode.intValue & 0o200 != 0
        }
        if fileManager.fileExists(atPath: path), !fileManager.isWritableFile(atPath: path) || !ownerCanWrite(path) {
            return "the file is read-only"
        }
        let folderPath = folder.isEmpty ? "." : folder
        if !fileManager.isWritableFile(atPath: folderPath) || !ownerCanWrite(folderPath) {
            return "its folder is read-only, and SQLite needs to write its journal there"
        }
        return nil
    }

    /// Brings the schema of a sound, writable file up to date. The pool has opened no reader, so
    /// its writer is the last connection to close and takes the write-ahead log with it.
    private static func upgrade(path: String) throws {
        let pool = try DatabasePool(path: path, configuration: configuration(readOnly: false))
        try WorkspaceSchema.migrator.migrate(pool)
        try pool.close()
    }

    /// Looks at an existing file through a read-only connection: its schema (which SQLite parses
    /// whole before the first statement), the migrations applied, and whether an import cut short
    /// left indexes to make again.
    private static func inspect(path: String, canUpgrade: Bool) throws -> (needsMigrating: Bool, missesIndexes: Bool) {
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
            defer { try? queue.close() }
            return try queue.read { db in
                let migrator = WorkspaceSchema.migrator
                if try !db.tableExists("grdb_migrations") {
                    let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                    if tables > 0 { throw WorkspaceError.notAWorkspace(path: path) }
                    return (true, false)
                }
                if try migrator.hasBeenSuperseded(db) {
                    let known = Set(try migrator.appliedMigrations(db))
                    let unknown = try migrator.appliedIdentifiers(db).subtracting(known)
                    throw WorkspaceError.newerSchema(path: path, unknownMigrations: Array(unknown))
                }
                let needsMigrating = try !migrator.hasCompletedMigrations(db)
                if !canUpgrade, needsMigrating {
                    throw WorkspaceError.readOnly(path: path, reason: "it was written by an older version and "
                                                  + "needs upgrading, which a read-only file does not allow")
                }
                return (needsMigrating, try hasDeferredIndexes(db))
            }
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw classify(error, path: path)
        }
    }

    static func classify(_ error: any Error, path: String) -> WorkspaceError {
        guard let error = error as? DatabaseError else {
            return .cannotOpen(path: path, details: "\(error)")
        }
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notSQLite(path: path)
        case .SQLITE_CORRUPT: return .corrupt(path: path, details: error.message ?? "malformed")
        case .SQLITE_READONLY, .SQLITE_PERM: return .readOnly(path: path, reason: error.message ?? "not writable")
        default: return .cannotOpen(path: path, details: error.message ?? "\(error)")
        }
    }

    /// One write transaction; refused on a read-only workspace with a clear message. A file made
    /// read-only after it was opened is refused too: the open connection could still write it, but
    /// whoever took the write permission away meant the file to stay as it is. Failures of the
    /// storage itself (disk full, I/O error) become `WorkspaceError`s that say the change was not
    /// saved; the transaction is rolled back, so the file holds every earlier change and none of this one.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        if let readOnlyReason {
            throw WorkspaceError.readOnly(path: path ?? "the workspace", reason: readOnlyReason)
        }
        if let path, Self.unwritableReason(path: path) != nil { throw WorkspaceError.madeReadOnly(path: path) }
        try integrityCheck.requireSound()
        do {
            return try connections.writer().write(updates)
        } catch let error as DatabaseError {
            throw Self.classifyWriteFailure(error, path: path ?? "the workspace")
        }
    }

    /// Storage failures are worded for the person; rule violations (a CHECK, a foreign key) are
    /// the caller's mistake and stay as they are.
    private static func classifyWriteFailure(_ error: DatabaseError, path: String) -> any Error {
        switch error.resultCode {
        case .SQLITE_FULL:
            return WorkspaceError.diskFull(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return WorkspaceError.notSaved(path: path, details: error.message ?? "\(error.resultCode)")
        default:
            return error
        }
    }

    /// One read. A damaged page met on the way is reported as the damage it is, whether or not
    /// the check of every page has come to it yet.
    /// Whether another connection (another workbench, an import, a replay) committed to the file
    /// since the last call; false on the first. Cheap (`PRAGMA data_version`, no table is read),
    /// so a workbench asks it whenever it is idle and reads again only when it says so. This
    /// workspace's own writes do not count.
    public func changedElsewhere() throws -> Bool {
        try connections.changedElsewhere()
    }

    func read<T>(_ value: (Database) throws -> T) throws -> T {
        do {
            return try connections.reader.read(value)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            throw Self.classify(error, path: path ?? "the workspace")
        }
    }
}

/// The workspace's connections. A file opened before its check is done is read through a
/// read-only connection, and the connection that writes is opened by the first write, which
/// comes after the check passed: opening it writes (GRDB makes sure the WAL is not empty).
final class WorkspaceConnections: @unchecked Sendable {
    // The variables are guarded by `lock`.
    private let lock = NSLock()
    private var readOnlyConnection: (any DatabaseReader)?
    private var openedWriter: (any DatabaseWriter)?
    private let openWriter: (@Sendable () throws -> any DatabaseWriter)?

    init(writer: any DatabaseWriter) {
        openedWriter = writer
        openWriter = nil
    }

    init(reader: any DatabaseReader, openWriter: @escaping @Sendable () throws -> any DatabaseWriter) {
        readOnlyConnection = reader
        self.openWriter = openWriter
    }

    var writerIsOpen: Bool { lock.withLock { openedWriter != nil } }

    /// The data version last read, and of which connection: each connection counts on its own.
    private var seenDataVersion: (connection: ObjectIdentifier, version: Int)?
    /// The read-only connection had seen another's commit when the writer replaced it.
    private var changeSeenOnClosedConnection = false

    private static func dataVersion(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
    }

    func changedElsewhere() throws -> Bool {
        let current: any DatabaseReader = lock.withLock { openedWriter ?? readOnlyConnection! }
        // A pool reads on any of its connections, and its writer's commits change the version the
        // others see: asked on the writer's connection, only other connections' commits count.
        let version = try (current as? any DatabaseWriter)?.writeWithoutTransaction(Self.dataVersion)
            ?? current.read(Self.dataVersion)
        let connection = ObjectIdentifier(current)
        return lock.withLock {
            defer {
                seenDataVersion = (connection, version)
                changeSeenOnClosedConnection = false
            }
            guard let seen = seenDataVersion, seen.connection == connection else { return changeSeenOnClosedConnection }
            return seen.version != version || changeSeenOnClosedConnection
        }
    }

    var reader: any DatabaseReader {
        lock.withLock { openedWriter ?? readOnlyConnection! }
    }

    func writer() throws -> any DatabaseWriter {
        try lock.withLock {
            if let openedWriter { return openedWriter }
            // What another connection committed since the last look on the read-only connection
            // is not lost with it: the next look says so.
            if let reader = readOnlyConnection, let seen = seenDataVersion, seen.connection == ObjectIdentifier(reader),
               let version = try? reader.read(Self.dataVersion), version != seen.version {
                changeSeenOnClosedConnection = true
            }
            let writer = try openWriter!()
            // The writer's count starts here, so that what others commit from now on is seen.
            if seenDataVersion != nil, let version = try? writer.writeWithoutTransaction(Self.dataVersion) {
                seenDataVersion = (ObjectIdentifier(writer), version)
            }
            // Closed, so that the writer is the last connection to close and takes the WAL away.
            try? readOnlyConnection?.close()
            readOnlyConnection = nil
            openedWriter = writer
            return writer
        }
    }

    func close() {
        lock.withLock {
            try? readOnlyConnection?.close()
            // A pool closes its writer before its readers (GRDB), so the writer was not the last
            // connection and left the WAL, full, beside the file: its readers are closed first.
            (openedWriter as? DatabasePool)?.releaseMemory()
            try? openedWriter?.close()
        }
    }
}

/// The first 100 bytes of an SQLite file, which say what opening it needs to know before SQLite
/// reads further (https://www.sqlite.org/fileformat.html#the_database_header).
struct SQLiteHeader {
    static let length = 100
    let pageSize: Int
    /// The pages the file holds, when the header's count is valid (files by SQLite 3.7.0 and later).
    let pageCount: Int?
    /// Read and write versions 2: the file is in WAL mode, so opening it for writing changes nothing.
    let isInWALMode: Bool

    init?(_ bytes: Data) {
        let bytes = [UInt8](bytes)
        guard bytes.count == Self.length, bytes.prefix(16).elementsEqual("SQLite format 3\0".utf8) else { return nil }
        func bigEndian(_ offset: Int, _ count: Int) -> Int {
            bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
        }
        let size = bigEndian(16, 2)
        pageSize = size == 1 ? 65_536 : size
        guard pageSize >= 512, pageSize & (pageSize - 1) == 0 else { return nil }
        let changeCounter = bigEndian(24, 4), validFor = bigEndian(92, 4), pages = bigEndian(28, 4)
        pageCount = changeCounter == validFor && pages > 0 ? pages : nil
        isInWALMode = bytes[18] == 2 && bytes[19] == 2
    }

    /// A file shorter than the pages it declares lost its end. (Pages a WAL holds may be missing
    /// from the file, and the full check looks at those.)
    func checkSize(against fileSize: Int, hasWAL: Bool, path: String) throws {
        guard !hasWAL, let pageCount else { return }
        if fileSize < pageCount * pageSize {
            throw WorkspaceError.corrupt(path: path, details: "the file is \(fileSize) bytes long, but its header "
                                         + "declares \(pageCount) pages of \(pageSize) bytes: it was cut short")
        }
    }
}

/// The `-wal` and `-shm` files SQLite keeps beside a database in WAL mode. A read-only connection
/// creates them and cannot remove them when it closes; those it created for nothing (the WAL
/// still empty) are taken away, so a file that was refused or only read leaves its folder as it
/// was. A WAL with anything in it holds changes and is never touched.
struct SQLiteSideFiles: Sendable {
    let path: String
    private let walExisted: Bool
    private let sharedMemoryExisted: Bool

    /// A WAL holding changes not yet copied into the file (left by a crash, or by a connection still open).
    let walHasContent: Bool

    init(of path: String) {
        self.path = path
        walExisted = FileManager.default.fileExists(atPath: path + "-wal")
        sharedMemoryExisted = FileManager.default.fileExists(atPath: path + "-shm")
        walHasContent = walExisted && !Workspace.isEmptyFile(path + "-wal")
    }

    func removeTheOnesMadeForNothing() {
        let fileManager = FileManager.default
        let wal = path + "-wal"
        // A connection that could write removed the WAL on closing, but not the shared memory.
        if fileManager.fileExists(atPath: wal) {
            guard !walExisted, Workspace.isEmptyFile(wal) else { return }
            try? fileManager.removeItem(atPath: wal)
        }
        if !sharedMemoryExisted { try? fileManager.removeItem(atPath: path + "-shm") }
    }
}

/// Says yes to the first caller only, from any thread.
private final class FirstCall: @unchecked Sendable {
    private let lock = NSLock()
    private var called = false

    func claim() -> Bool {
        lock.withLock {
            defer { called = true }
            return !called
        }
    }
}
