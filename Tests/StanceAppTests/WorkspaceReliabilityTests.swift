import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import StanceApp
@testable import StanceKit
import Terminal
import TestSupport
import Testing

/// The workbench on a workspace file when things go wrong or others share it: `:export`,
/// `:refresh` between two workbenches, and writes that fail (read-only, disk full) without
/// stopping the workbench, losing a saved change or showing a failed one as saved.
@Suite(.serialized) struct WorkspaceReliabilityTests {
    let size = Size(width: 100, height: 30)

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stancebench-reliab-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A workspace file at `path` holding the fixtures' three articles.
    static func workspaceFile(at path: String) throws {
        let workspace = try Workspace.open(path: path)
        for analysis in [Fixtures.councilSplit, Fixtures.costsRise, Fixtures.councilVotes] {
            _ = try workspace.addArticle(analysis, frameID: Fixtures.frame.id)
        }
    }

    static func runtime(_ size: Size, path: String, annotator: String = "tester") throws -> WorkbenchRuntime<TestBackend> {
        let store = WorkspaceWorkbenchStore(workspace: try Workspace.open(path: path), frame: Fixtures.frame,
                                            annotator: annotator)
        return Fixtures.runtime(size, store: store)
    }

    static func command(_ line: String, _ runtime: WorkbenchRuntime<TestBackend>) {
        runtime.press(.char(":"))
        runtime.type(line)
        runtime.press(.enter)
    }

    static func status(_ runtime: WorkbenchRuntime<TestBackend>) -> String {
        runtime.state.message?.text ?? ""
    }

    static func actorNames(inWorkspaceAt path: String) throws -> Set<String> {
        Set(try Workspace.open(path: path, readOnly: true).actors().map(\.name))
    }

    // MARK: :export

    @Test func exportWritesEachFormatThroughTheExporterAndSaysWhereAndHowMany() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("workspace.sqlite").path
        try Self.workspaceFile(at: path)
        let runtime = try Self.runtime(size, path: path)
        let expected = try Exporter(workspace: Workspace.open(path: path, readOnly: true), frame: Fixtures.frame)
        let statements = expected.document.articles.reduce(0) { $0 + $1.statements.count }
        #expect(statements > 0)

        for format in ExportFormat.allCases {
            let target = folder.appendingPathComponent("out-\(format.rawValue)").path
            Self.command("export \(format.rawValue) \(target)", runtime)
            #expect(Self.status(runtime) == "Exported \(statements) statements of 3 articles as \(format.rawValue) to \(target)")
            #expect(runtime.state.message?.isError == false)
            switch format {
            case .csv: #expect(try String(contentsOfFile: target, encoding: .utf8) == expected.csv())
            case .markdown: #expect(try String(contentsOfFile: target, encoding: .utf8) == expected.markdown())
            case .json: #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == expected.json())
            case .jsonl: #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == expected.jsonLines())
            case .brat:
                let files = try FileManager.default.contentsOfDirectory(atPath: target)
                #expect(files.filter { $0.hasSuffix(".ann") }.count == 3)
                #expect(files.filter { $0.hasSuffix(".txt") }.count == 3)
            }
        }
        #expect(runtime.screen.lines.last!.contains("Exported \(statements) statements"))
    }

    @Test func exportMistakesAreShownAndTheWorkbenchGoesOn() throws {
        let runtime = Fixtures.runtime(size)
        Self.command("export", runtime)
        #expect(Self.status(runtime) == "Usage: :export json|jsonl|csv|brat|markdown PATH")
        Self.command("export xml out.xml", runtime)
        #expect(Self.status(runtime) == "No export format “xml” (json|jsonl|csv|brat|markdown)")
        let missing = "/nonexistent-folder-\(UUID().uuidString)/out.csv"
        Self.command("export csv \(missing)", runtime)
        #expect(runtime.state.message?.isError == true)
        #expect(Self.status(runtime).hasPrefix("Not exported: "), "\(Self.status(runtime))")
        #expect(Self.status(runtime).hasSuffix("(\(missing))"))
        #expect(!Self.status(runtime).contains("NSCocoaErrorDomain"))
        #expect(!runtime.hasQuit)
        // Still answering keys.
        runtime.press(.char("2"))
        #expect(runtime.state.focus == .actors)
    }

    @Test func exportFromFilesOpenedInMemoryWritesTheirAnalyses() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runtime = Fixtures.runtime(size)
        let target = folder.appendingPathComponent("report with spaces.md").path
        Self.command("export markdown \(target)", runtime)
        let statements = [Fixtures.councilSplit, Fixtures.costsRise, Fixtures.councilVotes].reduce(0) { $0 + $1.statements.count }
        #expect(Self.status(runtime) == "Exported \(statements) statements of 3 articles as markdown to \(target)")
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("## Lena Brandt"))
    }

    @Test func theCommandLineCompletesTheExportFormat() {
        let runtime = Fixtures.runtime(size)
        runtime.press(.char(":"))
        runtime.type("exp")
        runtime.press(.tab)
        #expect(commandLineText(runtime) == "export ")
        runtime.type("c")
        runtime.press(.tab)
        #expect(commandLineText(runtime) == "export csv ")
        runtime.press(.escape)
        runtime.press(.char(":"))
        runtime.type("export j")
        runtime.press(.tab)
        #expect(commandLineText(runtime) == "export json")
        runtime.press(.tab)
        #expect(commandLineText(runtime) == "export json")
        runtime.press(.tab)
        #expect(commandLineText(runtime) == "export jsonl")
    }

    private func commandLineText(_ runtime: WorkbenchRuntime<TestBackend>) -> String? {
        if case .commandLine(let line) = runtime.state.mode { return line.input.text }
        return nil
    }

    // MARK: Two workbenches, one file

    @Test func theSecondWorkbenchSeesTheFirstsChangesOnRefresh() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shared.sqlite").path
        try Self.workspaceFile(at: path)
        let first = try Self.runtime(size, path: path, annotator: "ana")
        let second = try Self.runtime(size, path: path, annotator: "ben")
        #expect(first.state.currentArticle?.summary.id == second.state.currentArticle?.summary.id)

        func current(_ runtime: WorkbenchRuntime<TestBackend>) -> Statement? {
            runtime.state.article.currentStatement.flatMap { runtime.state.article.prepared?.statements[$0] }
        }
        for _ in 0..<10 where current(first)?.status != .suggested { first.press(.char("]")) }
        let statement = try #require(current(first).map(\.id))
        first.press(.char("y"))
        #expect(Self.status(first).hasPrefix("Saved: accepted"))
        Self.command("create-actor Ines Varga", first)
        #expect(Self.status(first) == "Saved: actor Ines Varga created")

        func status(in runtime: WorkbenchRuntime<TestBackend>) -> StatementStatus? {
            runtime.state.article.prepared?.statements.first { $0.id == statement }?.status
        }
        #expect(status(in: second) == .suggested)
        #expect(!second.state.corpus.actors.contains { $0.name == "Ines Varga" })
        second.press(.ctrl("l"))
        #expect(Self.status(second) == "Read the workspace again")
        #expect(status(in: second) == .accepted)
        #expect(second.state.corpus.actors.contains { $0.name == "Ines Varga" })

        // And back: the second's change reaches the first.
        second.press(.char("]"), .char("n"))
        #expect(Self.status(second).hasPrefix("Saved: rejected"))
        first.press(.ctrl("l"))
        let rejected = try Workspace.open(path: path, readOnly: true).allArticles().flatMap(\.statements)
            .filter { $0.statement.status == .rejected }
        #expect(rejected.count == 1)
        #expect(first.state.article.prepared?.statements.first { $0.id == String(rejected[0].id) }?.status == .rejected)
        #expect(try Workspace.open(path: path, readOnly: true).integrityProblems().isEmpty)
    }

    // MARK: Writes that fail

    /// The file made read-only (chmod) while the workbench has it open: the connection could still
    /// write it, but the workspace refuses, says so, and saves again once it is writable.
    @Test func aFileMadeReadOnlyWhileOpenRefusesTheChangeAndKeepsTheSavedOnes() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("workspace.sqlite").path
        try Self.workspaceFile(at: path)
        let runtime = try Self.runtime(size, path: path)
        Self.command("create-actor Saved Before", runtime)
        #expect(Self.status(runtime) == "Saved: actor Saved Before created")

        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        Self.command("create-actor Refused While Read Only", runtime)
        #expect(Self.status(runtime) == "Not saved: the workspace was made read-only after it was opened; "
                + "make it writable to save again. (\(path))")
        #expect(runtime.state.message?.isError == true)
        #expect(runtime.screen.lines.last!.contains("Not saved: the workspace was made read-only"))
        #expect(!runtime.state.corpus.actors.contains { $0.name == "Refused While Read Only" })
        runtime.press(.char("]"))
        let before = runtime.state.article.prepared?.statements.map(\.status)
        runtime.press(.char("y"))
        #expect(runtime.state.message?.isError == true)
        #expect(runtime.state.article.prepared?.statements.map(\.status) == before)
        #expect(!runtime.hasQuit)

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        Self.command("create-actor Saved After", runtime)
        #expect(Self.status(runtime) == "Saved: actor Saved After created")
        let names = try Self.actorNames(inWorkspaceAt: path)
        #expect(names.isSuperset(of: ["Saved Before", "Saved After"]))
        #expect(!names.contains("Refused While Read Only"))
    }

    /// Disk full simulated with SQLite's `PRAGMA max_page_count` on the workspace's writer
    /// connection: the file may not grow, as on a full disk, so a write that needs a new page fails
    /// with SQLITE_FULL. (The tmpfs test below fills a real file system when it can mount one.)
    @Test func aFullDatabaseRefusesTheChangeAndKeepsTheSavedOnes() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("workspace.sqlite").path
        try Self.workspaceFile(at: path)
        let workspace = try Workspace.open(path: path)
        let store = WorkspaceWorkbenchStore(workspace: workspace, frame: Fixtures.frame, annotator: "tester")
        let runtime = Fixtures.runtime(size, store: store)
        Self.command("create-actor Saved Before The Disk Filled", runtime)
        #expect(Self.status(runtime) == "Saved: actor Saved Before The Disk Filled created")
        try workspace.writer.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        var outcome = try Self.annotateUntilAFailure(runtime)
        outcome.saved.append("Saved Before The Disk Filled")
        #expect(outcome.failed.count == 1)
        #expect(Self.status(runtime) == "Not saved: the disk is full; earlier changes are kept. "
                + "Free some space and do it again. (\(path))")
        #expect(runtime.screen.lines.last!.contains("Not saved: the disk is full"))

        try workspace.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
        Self.command("create-actor After Space Was Freed", runtime)
        #expect(Self.status(runtime) == "Saved: actor After Space Was Freed created")
        try Self.expectOnDisk(outcome, plus: ["After Space Was Freed"], path: path)
    }

    /// A real full file system: the workspace on a 1 MB tmpfs, the rest of it filled with a file.
    /// Needs the right to mount (root); skipped otherwise.
    @Test(.enabled(if: Tmpfs.canMount, "needs the right to mount a tmpfs (root)"))
    func aFullDiskRefusesTheChangeAndKeepsTheSavedOnes() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mount = try Tmpfs(at: folder.appendingPathComponent("disk"), kilobytes: 1024)
        defer { mount.unmount() }
        let path = mount.url.appendingPathComponent("workspace.sqlite").path
        try Self.workspaceFile(at: path)
        let runtime = try Self.runtime(size, path: path)
        Self.command("create-actor Saved Before The Disk Filled", runtime)
        #expect(Self.status(runtime) == "Saved: actor Saved Before The Disk Filled created")
        let filler = mount.url.appendingPathComponent("filler")
        try mount.fill(filler)

        var outcome = try Self.annotateUntilAFailure(runtime)
        outcome.saved.append("Saved Before The Disk Filled")
        #expect(outcome.failed.count + outcome.savedWithoutLog.count >= 1)
        #expect(!runtime.hasQuit)
        try FileManager.default.removeItem(at: filler)
        Self.command("create-actor After Space Was Freed", runtime)
        #expect(Self.status(runtime) == "Saved: actor After Space Was Freed created")
        try Self.expectOnDisk(outcome, plus: ["After Space Was Freed"], path: path)
    }

    /// The change committed but its command log line did not fit (the log, through a symlink, on
    /// a full tmpfs): the status bar says so as an error, and the screen shows the change, which is
    /// in the workspace.
    @Test(.enabled(if: Tmpfs.canMount, "needs the right to mount a tmpfs (root)"))
    func aChangeSavedWithoutItsLogLineIsShownWithTheWarning() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mount = try Tmpfs(at: folder.appendingPathComponent("disk"), kilobytes: 64)
        defer { mount.unmount() }
        let path = folder.appendingPathComponent("workspace.sqlite").path
        let logOnFullDisk = mount.url.appendingPathComponent("log.jsonl")
        try FileManager.default.createSymbolicLink(at: Workspace.commandLogURL(forWorkspaceAt: path),
                                                   withDestinationURL: logOnFullDisk)
        try Self.workspaceFile(at: path)
        let runtime = try Self.runtime(size, path: path)
        Self.command("create-actor Logged", runtime)
        #expect(Self.status(runtime) == "Saved: actor Logged created")
        try mount.fill(mount.url.appendingPathComponent("filler"))

        let name = "Unlogged " + String(repeating: "u", count: 5_000)
        Self.command("create-actor \(name)", runtime)
        #expect(Self.status(runtime) == "Saved, but not in the command log, which could not be written "
                + "(No space left on device). (\(Workspace.commandLogURL(forWorkspaceAt: path).path))")
        #expect(runtime.state.message?.isError == true)
        #expect(runtime.state.corpus.actors.contains { $0.name == name })
        #expect(try Self.actorNames(inWorkspaceAt: path).isSuperset(of: ["Logged", name]))
        let (entries, unreadable) = try CommandLog.read(logOnFullDisk)
        #expect(entries.count == 1 && unreadable.isEmpty)
    }

    /// What happened to each of a burst of writes, by the status bar.
    struct Outcome {
        var saved: [String] = []
        var savedWithoutLog: [String] = []
        var failed: [String] = []
    }

    /// Creates actors until one is refused (at most 200), sorting each by what the status bar said.
    static func annotateUntilAFailure(_ runtime: WorkbenchRuntime<TestBackend>) throws -> Outcome {
        var outcome = Outcome()
        for index in 0..<200 {
            let name = "Burst Actor \(index) " + String(repeating: "x", count: 200)
            command("create-actor \(name)", runtime)
            let text = status(runtime)
            if text == "Saved: actor \(name) created" {
                outcome.saved.append(name)
                #expect(runtime.state.corpus.actors.contains { $0.name == name })
            } else if text.hasPrefix("Saved, but not in the command log") {
                outcome.savedWithoutLog.append(name)
                #expect(runtime.state.corpus.actors.contains { $0.name == name })
            } else {
                #expect(text.hasPrefix("Not saved: "), "\(text)")
                #expect(runtime.state.message?.isError == true)
                #expect(!runtime.state.corpus.actors.contains { $0.name == name })
                outcome.failed.append(name)
                break
            }
        }
        return outcome
    }

    /// Reopened from disk: every change shown as saved is there, none shown as failed, and the file is sound.
    static func expectOnDisk(_ outcome: Outcome, plus more: [String], path: String) throws {
        let names = try actorNames(inWorkspaceAt: path)
        #expect(names.isSuperset(of: outcome.saved + outcome.savedWithoutLog + more))
        #expect(names.isDisjoint(with: outcome.failed))
        #expect(try Workspace.open(path: path, readOnly: true).integrityProblems().isEmpty)
    }
}
