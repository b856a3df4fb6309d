import Foundation
import StanceKit
import Testing

/// An annotation journey on the real binary in tmux, on a workspace in a scratch folder: select
/// words by keyboard, attribute them to a new actor with a stance, undo, redo, quit, restart and
/// find the statement; then the command log replayed into a fresh workspace gives the same.
@Suite(.serialized, .enabled(if: TmuxSession.canRun && BinaryRunner.binary != nil,
                             "needs tmux and a built .build/debug/stancebench"))
struct WorkbenchAnnotationE2ETests {
    static let actor = "Zyx Quorum"

    @Test func annotatesUndoesRedoesAndKeepsItAcrossARestartAndAReplay() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stancebench-annotate-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspacePath = folder.appendingPathComponent("work/workspace.sqlite").path
        let dataHome = folder.appendingPathComponent("xdg").path
        let arguments = { (_: URL) in ["--workspace", workspacePath, "--annotator", "e2e"] }
        let environment = { (_: URL) in ["XDG_DATA_HOME": dataHome] }
        try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("work").path,
                                                withIntermediateDirectories: true)

        do {
            let session = try TmuxSession(arguments: arguments, environment: environment, in: folder)
            defer { session.shutDown() }
            // The first run creates the workspace with the sample corpus.
            try session.waitFor("NORMAL", seconds: 90)
            session.send("w", "v", "e", "e", "a")
            try session.waitFor("type to filter")
            session.type(Self.actor)
            try session.waitFor("Create a new actor “\(Self.actor)”")
            session.send("Enter")
            try session.waitFor("New actor: name")
            session.send("Enter")
            try session.waitFor("New actor: kind")
            session.send("p")
            try session.waitFor("New actor: role")
            session.type("tester")
            session.send("Enter")
            try session.waitFor("Kind of statement")
            session.send("d")
            try session.waitFor("━ Stance ━")
            let stanceKey = try #require(FrameLibrary.defaultFrame.positions.first?.key)
            session.send(stanceKey)
            try session.waitFor("Date YYYY-MM-DD")
            session.type("2026-01-15")
            session.send("Enter")
            try session.waitFor("Note, the reason")
            session.send("Enter")
            try session.waitFor("Saved: statement by \(Self.actor)")
            session.send("u")
            try session.waitFor("Saved: undid attribute-span")
            session.send("C-r")
            try session.waitFor("Saved: redid attribute-span")
            try session.quit(expecting: 0)
        }

        let statement = try #require(try Self.statements(by: Self.actor, inWorkspaceAt: workspacePath).first)
        #expect(statement.statement.date == Day(iso: "2026-01-15"))
        #expect(statement.annotator == "e2e")

        do {
            let session = try TmuxSession(arguments: arguments, environment: environment, in: folder)
            defer { session.shutDown() }
            try session.waitFor("NORMAL", seconds: 30)
            // The article's actors list the new actor: the statement is still there.
            try session.waitFor(Self.actor)
            // And the history survived the restart: undo reaches back into the first session.
            session.send("u")
            try session.waitFor("Saved: undid attribute-span")
            session.send("C-r")
            try session.waitFor("Saved: redid attribute-span")
            try session.quit(expecting: 0)
        }

        // A fresh workspace with the same sample corpus, and the log replayed into it.
        let freshPath = folder.appendingPathComponent("fresh/workspace.sqlite").path
        try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("fresh").path,
                                                withIntermediateDirectories: true)
        let created = try BinaryRunner.run(["--workspace", freshPath, "--print-screen", "80x24"],
                                           environment: ["XDG_DATA_HOME": dataHome])
        #expect(created.status == 0, "\(created.stderr)")
        let log = Workspace.commandLogURL(forWorkspaceAt: workspacePath).path
        let replayed = try BinaryRunner.run(["replay", log, "--workspace", freshPath],
                                            environment: ["XDG_DATA_HOME": dataHome])
        #expect(replayed.status == 0, "\(replayed.stderr)")
        let original = try Self.statements(by: Self.actor, inWorkspaceAt: workspacePath).map(Self.essence)
        let copy = try Self.statements(by: Self.actor, inWorkspaceAt: freshPath).map(Self.essence)
        #expect(!original.isEmpty)
        #expect(copy == original)
    }

    /// What must survive a replay: the words, the kind, the stance and the date.
    static func essence(_ item: WorkspaceStatement) -> String {
        "\(item.statement.span.start)-\(item.statement.span.end) \(item.statement.text) \(item.statement.kind) "
            + "\(item.statement.stance) \(item.statement.date?.description ?? "-")"
    }

    static func statements(by name: String, inWorkspaceAt path: String) throws -> [WorkspaceStatement] {
        let workspace = try Workspace.open(path: path, readOnly: true)
        guard let actor = try workspace.actors().first(where: { $0.name == name }) else { return [] }
        return try workspace.statements(actorID: actor.id).map(\.statement)
    }
}
