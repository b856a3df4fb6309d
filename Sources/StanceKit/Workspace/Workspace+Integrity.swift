import GRDB

extension Workspace {
    /// SQLite's full `integrity_check` of the file: empty when the file is sound, else the
    /// problems it found (the first hundred). Reads every page, so it takes a while on a large file.
    public func integrityProblems() throws -> [String] {
        try read { db in
            let report = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            return report == ["ok"] ? [] : report
        }
    }
}
