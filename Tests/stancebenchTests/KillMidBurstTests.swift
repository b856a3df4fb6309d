import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StanceKit
import Testing

/// The real binary applying a long burst of annotations (`stancebench replay LOG`) is killed with
/// SIGKILL at several points, and the workspace is reopened each time.
///
/// The acknowledgement of a change is its line in the workspace's command log: the workspace
/// writes the line only after the change's transaction is committed and fsynced (WAL,
/// synchronous = FULL), and the workbench shows "Saved" only after both. So after a kill the
/// workspace must hold exactly the logged changes, or those and the one next change (committed,
/// killed before its line was written), and nothing else; and `PRAGMA integrity_check` is ok.
@Suite(.serialized, .enabled(if: BinaryRunner.binary != nil, "needs a built .build/debug/stancebench"))
struct KillMidBurstTests {
    static let burstLength = 120
    /// How many acknowledged changes to wait for before each kill.
    static let killPoints = [1, 15, 40, 70, 100, 115]

    @Test func everyAcknowledgedChangeSurvivesASigkill() throws {
        let binary = try #require(BinaryRunner.binary)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stancebench-kill-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let environment = ["XDG_DATA_HOME": folder.appendingPathComponent("xdg").path]

        // A workspace with the sample corpus, made by the binary on first run.
        let template = folder.appendingPathComponent("template.sqlite")
        let created = try BinaryRunner.run(["--workspace", template.path, "--print-screen", "80x24"], environment: environment)
        try #require(created.status == 0, "\(created.stderr)")

        // The burst, made once in this process on a copy: its command log is what the binary
        // replays, and the state after each of its commands is what a killed replay may leave.
        let source = folder.appendingPathComponent("source.sqlite")
        try Self.copyWorkspace(template, to: source)
        let burst = try Workspace.open(path: source.path)
        var fingerprints = [try Self.fingerprint(burst)]
        try Self.applyBurst(to: burst) { fingerprints.append(try Self.fingerprint(burst)) }
        let log = try #require(burst.commandLogURL)
        let logLines = try Self.completeLines(of: log)
        try #require(logLines.count == Self.burstLength)

        var killedMidBurst = 0
        for (index, point) in Self.killPoints.enumerated() {
            let target = folder.appendingPathComponent("killed-\(index).sqlite")
            try Self.copyWorkspace(template, to: target)
            let targetLog = Workspace.commandLogURL(forWorkspaceAt: target.path)
            let pid = try Self.spawn(binary.path, ["replay", log.path, "--workspace", target.path], environment: environment)
            let exitedEarly = Self.waitForLines(point, in: targetLog, whileRunning: pid)
            // A little later than the line, by a different amount each time, so that some kills land
            // between a commit and its log line.
            usleep(useconds_t(index * 3_100 % 17_000))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)

            let logged = try Self.completeLines(of: targetLog)
            let raw = (try? Data(contentsOf: targetLog)) ?? Data()
            #expect(raw.isEmpty || raw.last == 0x0A, "kill point \(point): the log ends in a cut line")
            #expect(logged == Array(logLines.prefix(logged.count)), "kill point \(point): the log is not the burst's")
            if !exitedEarly && logged.count < Self.burstLength { killedMidBurst += 1 }

            let reopened = try Workspace.open(path: target.path)
            #expect(try reopened.integrityProblems().isEmpty, "kill point \(point)")
            let found = try Self.fingerprint(reopened)
            let acknowledged = logged.count
            let allowed = fingerprints[acknowledged...min(acknowledged + 1, fingerprints.count - 1)]
            #expect(allowed.contains(found),
                    "kill point \(point): after \(acknowledged) acknowledged changes the workspace holds something else")
        }
        // Most kills must land inside the burst, or the test proved nothing.
        #expect(killedMidBurst >= Self.killPoints.count - 1, "only \(killedMidBurst) kills landed mid-burst")
    }

    /// A mix of what people do: notes, stances, accepting, rejecting and new actors, spread over
    /// the corpus's statements. `after` runs after each command.
    static func applyBurst(to workspace: Workspace, after: () throws -> Void) throws {
        let statements = try workspace.allArticles().flatMap(\.statements).map(\.id)
        let stances = FrameLibrary.defaultFrame.stanceValues
        try #require(!statements.isEmpty)
        for step in 0..<burstLength {
            let statement = statements[(step * 7) % statements.count]
            switch step % 5 {
            case 0: try workspace.setNote(statement, to: "burst note \(step)", by: "burst")
            case 1: try workspace.setStance(statement, to: stances[step % stances.count], by: "burst")
            case 2: try workspace.accept(statement, by: "burst")
            case 3: try workspace.reject(statement, by: "burst")
            default: try workspace.createActor(name: "Burst Actor \(step)", kind: .person, by: "burst")
            }
            try after()
        }
    }

    /// Everything the burst can change: every statement (actor, stance, status, note, annotator,
    /// time) and the actors with their aliases. Compared within this process only, so a hash will do.
    static func fingerprint(_ workspace: Workspace) throws -> Int {
        var hasher = Hasher()
        for article in try workspace.allArticles() {
            hasher.combine(article.id)
            hasher.combine(article.statements)
        }
        hasher.combine(try workspace.actors().map { [String($0.id), $0.name, $0.kind.rawValue] + $0.aliases })
        return hasher.finalize()
    }

    /// The main file and its write-ahead log (the binary that made it did not close it).
    static func copyWorkspace(_ from: URL, to: URL) throws {
        try FileManager.default.copyItem(at: from, to: to)
        let wal = URL(fileURLWithPath: from.path + "-wal")
        if FileManager.default.fileExists(atPath: wal.path) {
            try FileManager.default.copyItem(at: wal, to: URL(fileURLWithPath: to.path + "-wal"))
        }
    }

    static func completeLines(of url: URL) throws -> [String] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        var lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        lines.removeLast()   // after the last newline: empty, or a cut line (not acknowledged)
        return lines
    }

    /// Polls until the log holds `count` lines; true when the process ended first.
    static func waitForLines(_ count: Int, in url: URL, whileRunning pid: pid_t) -> Bool {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if ((try? completeLines(of: url).count) ?? 0) >= count { return false }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return true }
            usleep(500)
        }
        return false
    }

    /// posix_spawn, for a pid to kill; output goes nowhere.
    static func spawn(_ path: String, _ arguments: [String], environment: [String: String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var variables = ProcessInfo.processInfo.environment
        for (key, value) in environment { variables[key] = value }
        let cArguments = ([path] + arguments).map { strdup($0) } + [nil]
        let cEnvironment = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, nil, cArguments, cEnvironment)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        return pid
    }
}
