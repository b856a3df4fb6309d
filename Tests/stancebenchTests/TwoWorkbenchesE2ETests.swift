import Foundation
import StanceKit
import Testing

/// Two workbenches (the real binary, two tmux servers) on one workspace file: each saves, the
/// other sees it (after `Ctrl-L`, or by itself once idle), both quit cleanly, and the file passes
/// integrity_check.
@Suite(.serialized, .enabled(if: TmuxSession.canRun && BinaryRunner.binary != nil,
                             "needs tmux and a built .build/debug/stancebench"))
struct TwoWorkbenchesE2ETests {
    @Test func eachSeesTheOthersChangesOnRefresh() throws {
        // Ctrl-L reads at once; the idle look (every half second) may come first, which is the
        // same read, so the test does not look in between.
        try Self.eachSeesTheOthersChanges { session in session.send("C-l") }
    }

    @Test func eachSeesTheOthersChangesWithoutRefreshing() throws {
        try Self.eachSeesTheOthersChanges { _ in }
    }

    /// `refresh` is what the person does in the workbench that should see the other's change.
    static func eachSeesTheOthersChanges(refresh: (TmuxSession) -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stancebench-two-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let workspacePath = folder.appendingPathComponent("workspace.sqlite").path
        let environment = { (_: URL) in ["XDG_DATA_HOME": folder.appendingPathComponent("xdg").path] }

        let first = try TmuxSession(arguments: { _ in ["--workspace", workspacePath, "--annotator", "ana"] },
                                    environment: environment, in: folder)
        defer { first.shutDown() }
        // The first run creates the workspace with the sample corpus; the second opens it after.
        try first.waitFor("NORMAL", seconds: 90)
        let second = try TmuxSession(arguments: { _ in ["--workspace", workspacePath, "--annotator", "ben"] },
                                     environment: environment, in: folder)
        defer { second.shutDown() }
        try second.waitFor("NORMAL", seconds: 30)

        try showCorpusActors(named: "Zyx", in: second)
        command("create-actor Zyx Quorum", in: first)
        try first.waitFor("Saved: actor Zyx Quorum created")
        refresh(second)
        try second.waitFor("Zyx Quorum")

        try showCorpusActors(named: "Ada", in: first)
        command("create-actor Ada Brook", in: second)
        try second.waitFor("Saved: actor Ada Brook created")
        refresh(first)
        try first.waitFor("Ada Brook")

        try first.quit(expecting: 0)
        try second.quit(expecting: 0)
        let workspace = try Workspace.open(path: workspacePath)
        #expect(try workspace.integrityProblems().isEmpty)
        let created = try workspace.actors().filter { ["Zyx Quorum", "Ada Brook"].contains($0.name) }.count
        #expect(created == 2)
    }

    /// The actors pane, whole corpus, filtered by `name`: a new actor with no statement yet shows.
    /// Waits until the workbench shows that no actor matches yet, so that the other workbench's
    /// change cannot land before this one has read its list (keys are read asynchronously).
    static func showCorpusActors(named name: String, in session: TmuxSession) throws {
        session.send("2", "c", "/")
        session.type(name)
        session.send("Enter")
        try session.waitFor("No actor matches “\(name)”")
    }

    static func command(_ line: String, in session: TmuxSession) {
        session.send(":")
        session.type(line)
        session.send("Enter")
    }
}
