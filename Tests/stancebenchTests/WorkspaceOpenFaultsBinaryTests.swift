import Foundation
import GRDB
import StanceKit
import Testing

/// A workspace file the binary must not change: not SQLite, damaged, another application's
/// database, from a newer version, or read-only. Every command that opens a workspace (the
/// workbench, import, export, timeline, agreement, replay) says what is wrong, and the folder holding the file is
/// byte for byte as it was: the file, and no journal, WAL or log left beside it.
@Suite(.serialized, .enabled(if: BinaryRunner.binary != nil, "needs a built .build/debug/stancebench"))
struct WorkspaceOpenFaultsBinaryTests {
    enum Fault: String, CaseIterable, CustomTestStringConvertible {
        case notSQLite, truncated, garbledPages, anotherApplication, newerSchema, readOnlyFile, readOnlyFolder
        var testDescription: String { rawValue }

        /// What the message says; nil for a file that opens read-only.
        var refusal: String? {
            switch self {
            case .notSQLite: "is not a workspace: it is not an SQLite database file."
            case .truncated, .garbledPages: "is damaged"
            case .anotherApplication: "is an SQLite database but not a StanceBench workspace"
            case .newerSchema: "was written by a newer StanceBench (unknown changes: v99-from-the-future)"
            case .readOnlyFile, .readOnlyFolder: nil
            }
        }
    }

    @Test(arguments: Fault.allCases)
    func everyCommandLeavesTheFileAsItWas(_ fault: Fault) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stancebench-fault-\(UUID().uuidString.prefix(8))")
        let holder = folder.appendingPathComponent("holder")
        try FileManager.default.createDirectory(at: holder, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: holder.path)
            try? FileManager.default.removeItem(at: folder)
        }
        let path = holder.appendingPathComponent("workspace.sqlite").path
        try Self.make(fault, at: path)
        let article = folder.appendingPathComponent("article.txt")
        try "Mayor Lena Brandt said: “We will repair the bridge.”\n".write(to: article, atomically: true, encoding: .utf8)
        // A log with one change, which a read-only workspace must refuse.
        let log = folder.appendingPathComponent("other.log.jsonl")
        try #"{"annotator":"ana","command":"create-actor","kind":"person","name":"Ana","role":null,"time":"2026-01-05T10:00:00.000Z"}"#
            .appending("\n").write(to: log, atomically: true, encoding: .utf8)
        let before = try Self.snapshot(holder)
        let environment = ["XDG_DATA_HOME": folder.appendingPathComponent("xdg").path]

        // The exit status each command gives a read-only workspace: reading works, writing fails
        // (import: 1; replay: 3, a line that could not be applied).
        let runs: [(name: String, arguments: [String], readOnlyStatus: Int32)] = [
            ("workbench", ["--workspace", path, "--print-screen", "80x24"], 0),
            ("export", ["export", "--workspace", path, "--format", "csv"], 0),
            ("timeline", ["timeline", "--workspace", path], 0),
            ("agreement", ["agreement", "--workspace", path], 0),
            ("import", ["import", "--workspace", path, article.path], 1),
            ("replay", ["replay", log.path, "--workspace", path], 3),
        ]
        for run in runs {
            let result = try BinaryRunner.run(run.arguments, environment: environment)
            if let refusal = fault.refusal {
                #expect(result.status == 1, "\(run.name): \(result.stderr)")
                #expect(result.stderr.hasPrefix("stancebench: \(path) "), "\(run.name): \(result.stderr)")
                #expect(result.stderr.contains(refusal), "\(run.name): \(result.stderr)")
            } else {
                #expect(result.status == run.readOnlyStatus, "\(run.name): \(result.stderr)")
                if run.readOnlyStatus != 0 { #expect(result.stderr.contains("read-only"), "\(run.name): \(result.stderr)") }
            }
            let after = try Self.snapshot(holder)
            #expect(after == before, "\(run.name) changed the folder: \(before) -> \(after)")
        }
    }

    /// Builds the faulty file from a real workspace holding one article.
    static func make(_ fault: Fault, at path: String) throws {
        let url = URL(fileURLWithPath: path)
        let logURL = Workspace.commandLogURL(forWorkspaceAt: path)
        func realWorkspace() throws {
            do {
                let workspace = try Workspace.open(path: path)
                _ = try workspace.addArticle(E2ECorpus.analyses[0])
            }   // closed: the WAL is checked back into the file
            try? FileManager.default.removeItem(at: logURL)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
        switch fault {
        case .notSQLite:
            try "Shopping list: milk, eggs\n".write(to: url, atomically: true, encoding: .utf8)
        case .truncated:
            try realWorkspace()
            let data = try Data(contentsOf: url)
            try data.prefix(data.count / 2).write(to: url)
        case .garbledPages:
            try realWorkspace()
            var data = try Data(contentsOf: url)
            for offset in stride(from: 4096, to: data.count, by: 4096) {   // the header page stays
                for index in offset..<min(offset + 64, data.count) { data[index] = 0xA5 }
            }
            try data.write(to: url)
        case .anotherApplication:
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "CREATE TABLE recipes(id INTEGER PRIMARY KEY, name TEXT)") }
            try queue.close()
        case .newerSchema:
            try realWorkspace()
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99-from-the-future')") }
            try queue.close()
        case .readOnlyFile:
            try realWorkspace()
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        case .readOnlyFolder:
            try realWorkspace()
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: url.deletingLastPathComponent().path)
        }
    }

    /// Every file in the folder with its bytes' digest and permissions.
    static func snapshot(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { name in
            let path = folder.appendingPathComponent(name).path
            let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? 0
            return "\(name) \(String(mode, radix: 8)) \(SHA256.hexDigest(try Data(contentsOf: URL(fileURLWithPath: path))))"
        }
    }
}
