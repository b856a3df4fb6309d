import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StanceKit
import Testing

/// The workbench in tmux, typed a burst of annotations, killed with SIGKILL while it works through
/// them: every change it showed as "Saved", and every change in its command log, is in the
/// reopened workspace; at most one more (committed, not yet logged); and the file is sound.
@Suite(.serialized, .enabled(if: TmuxSession.canRun && BinaryRunner.binary != nil
                                 && FileManager.default.fileExists(atPath: "/proc/self/cmdline"),
                             "needs tmux, /proc and a built .build/debug/stancebench"))
struct WorkbenchKillE2ETests {
    static let burst = 40

    @Test func aKilledWorkbenchKeepsEveryChangeItShowedAsSaved() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stancebench-killtui-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let workspacePath = folder.appendingPathComponent("workspace.sqlite").path
        let log = Workspace.commandLogURL(forWorkspaceAt: workspacePath)
        let session = try TmuxSession(arguments: { _ in ["--workspace", workspacePath, "--annotator", "kill"] },
                                      environment: { _ in ["XDG_DATA_HOME": folder.appendingPathComponent("xdg").path] },
                                      in: folder)
        defer { session.shutDown() }
        try session.waitFor("NORMAL", seconds: 90)
        let pid = try #require(Self.process(runningWith: workspacePath))

        // First half: one command at a time, each shown as saved before the next. Second half:
        // all keys at once, so the workbench is busy when killed.
        var shownAsSaved: [String] = []
        for index in 0..<Self.burst / 2 {
            session.send(":")
            session.type("create-actor Burst Actor \(index)")
            session.send("Enter")
            try session.waitFor("Saved: actor Burst Actor \(index) created")
            shownAsSaved.append("Burst Actor \(index)")
        }
        // A carriage return is the Enter key to the terminal.
        session.type((Self.burst / 2..<Self.burst).map { ":create-actor Burst Actor \($0)\r" }.joined())
        let killAfter = Self.burst / 2 + 3
        let deadline = Date().addingTimeInterval(60)
        while (try KillMidBurstTests.completeLines(of: log).count) < killAfter, Date() < deadline { usleep(200) }
        kill(pid, SIGKILL)
        #expect(try session.waitForExit() == 137)

        let logged = try KillMidBurstTests.completeLines(of: log)
        #expect(logged.count >= killAfter)
        #expect(logged.count < Self.burst, "the kill came after the burst")
        let loggedNames = try logged.map { try JSONDecoder().decode(LoggedActor.self, from: Data($0.utf8)).name }
        #expect(loggedNames == (0..<logged.count).map { "Burst Actor \($0)" })
        #expect(Set(shownAsSaved).isSubset(of: loggedNames))

        let workspace = try Workspace.open(path: workspacePath)
        #expect(try workspace.integrityProblems().isEmpty)
        let inWorkspace = Set(try workspace.actors().map(\.name).filter { $0.hasPrefix("Burst Actor ") })
        #expect(inWorkspace.isSuperset(of: loggedNames + shownAsSaved))
        #expect(inWorkspace.count <= loggedNames.count + 1)
    }

    struct LoggedActor: Decodable { var name: String }

    /// The stancebench process whose arguments name `workspacePath` (this test's own scratch file).
    static func process(runningWith workspacePath: String) -> pid_t? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = pid_t(entry),
                  let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if arguments.first?.hasSuffix("/stancebench") == true, arguments.contains(workspacePath) { return pid }
        }
        return nil
    }
}
