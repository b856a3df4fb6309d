import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StanceKit
import Testing

/// The real binary in tmux, as NCURSES.md describes: a private server (`-L`) and config, keys sent
/// only after the first frame is drawn, and the exit status read from a file the shell writes.
@Suite(.serialized, .enabled(if: TmuxSession.canRun, "needs tmux and a built .build/debug/stancebench"))
struct WorkbenchE2ETests {
    @Test func startsWithThreePanes() throws {
        let session = try TmuxSession(arguments: E2ECorpus.write)
        defer { session.shutDown() }
        let screen = try session.waitFor("NORMAL")
        #expect(screen.contains("Article"))
        #expect(screen.contains("Actors"))
        #expect(screen.contains("Timeline"))
        #expect(screen.contains("Old Mill Bridge"))
        try session.quit(expecting: 0)
    }

    @Test func walksToAStatementAndOpensItFromTheTimeline() throws {
        let session = try TmuxSession(arguments: E2ECorpus.write)
        defer { session.shutDown() }
        try session.waitFor("NORMAL")
        // Most active first: Lena Brandt (3 statements), then Tomas Reyes (2).
        session.send("3", "j", "l", "l")
        try session.waitFor("Tomas Reyes, 2026-03-13 (Riverton Courier): “a new bridge")
        session.send("Enter")
        let screen = try session.waitFor("statement 1/2")
        #expect(screen.contains("Engineers Back New Bridge"))
        #expect(screen.contains("responsible choice"))
        try session.quit(expecting: 0)
    }

    @Test func searchesTheArticle() throws {
        let session = try TmuxSession(arguments: E2ECorpus.write)
        defer { session.shutDown() }
        try session.waitFor("NORMAL")
        session.send("/")
        session.type("RIVER")
        session.send("Enter")
        try session.waitFor("Match 1 of 2: RIVER")
        session.send("n")
        try session.waitFor("Match 2 of 2: RIVER")
        try session.quit(expecting: 0)
    }

    @Test func showsAndClosesHelp() throws {
        let session = try TmuxSession(arguments: E2ECorpus.write)
        defer { session.shutDown() }
        try session.waitFor("NORMAL")
        session.send("?")
        try session.waitFor("Go to the next statement")
        session.send("Escape")
        try session.waitUntil("help closed") { !$0.contains("Go to the next statement") }
        try session.quit(expecting: 0)
    }

    @Test(.enabled(if: E2ECorpus.otherTheme != nil, "needs a second built-in theme"))
    func switchesTheme() throws {
        let theme = try #require(E2ECorpus.otherTheme)
        let session = try TmuxSession(arguments: E2ECorpus.write)
        defer { session.shutDown() }
        try session.waitFor("NORMAL")
        session.send(":")
        session.type("theme \(theme)")
        session.send("Enter")
        try session.waitFor("theme \(theme)")
        try session.quit(expecting: 0)
    }

    @Test func followsResizesDownAndUp() throws {
        let session = try TmuxSession(arguments: E2ECorpus.write)
        defer { session.shutDown() }
        try session.waitFor("NORMAL")
        session.resize(width: 70, height: 20)
        try session.waitFor("[1 Article]")
        session.resize(width: 30, height: 10)
        try session.waitFor("Terminal too small")
        session.resize(width: 120, height: 40)
        let screen = try session.waitUntil("three panes again") { $0.contains("Actors ·") && $0.contains("Timeline ·") }
        #expect(!screen.contains("[1 Article]"))
        try session.quit(expecting: 0)
    }

    @Test func quitsWithStatusZero() throws {
        let session = try TmuxSession(arguments: E2ECorpus.write)
        defer { session.shutDown() }
        try session.waitFor("NORMAL")
        try session.quit(expecting: 0)
    }
}

/// A program running in a private tmux server.
final class TmuxSession {
    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let binary = repository.appendingPathComponent(".build/debug/stancebench")
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static var canRun: Bool { tmux != nil && FileManager.default.isExecutableFile(atPath: binary.path) }

    let socket = "stancebench-e2e-\(UUID().uuidString.prefix(8))"
    let directory: URL
    /// Whether the scratch folder is this session's own, to remove with it.
    private let ownsDirectory: Bool

    /// Starts the binary with the arguments `arguments` returns, given a scratch folder that goes
    /// away with the session.
    /// `environment` adds variables for the program (paths under the scratch folder, say).
    init(arguments: (URL) throws -> [String], environment: (URL) -> [String: String] = { _ in [:] },
         in folder: URL? = nil, width: Int = 120, height: Int = 40) throws {
        directory = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        ownsDirectory = folder == nil
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let arguments = try arguments(directory)
        let variables = environment(directory).sorted { $0.key < $1.key }.map { Self.quoted("\($0.key)=\($0.value)") }
        let config = directory.appendingPathComponent("tmux.conf")
        try """
            set -g default-terminal tmux-256color
            set -g escape-time 0
            set -g remain-on-exit on
            set -g status off
            """.write(to: config, atomically: true, encoding: .utf8)
        let command = ([Self.binary.path] + arguments).map(Self.quoted).joined(separator: " ")
        // The server this starts keeps the descriptors it inherits: give it no pipe to hold open.
        tmux(["-f", config.path, "new-session", "-d", "-s", "app", "-x", "\(width)", "-y", "\(height)",
              "env LANG=C.UTF-8 LC_ALL=C.UTF-8 \((variables + [command]).joined(separator: " ")); "
                + "status=$?; echo $status > \(Self.quoted(exitStatusFile.path)); echo \"[exit=$status]\""],
             capturingOutput: false)
    }

    /// Keys by tmux name ("Enter", "Escape", "NPage", "j").
    func send(_ keys: String...) { tmux(["send-keys", "-t", "app"] + keys) }

    /// Text typed literally.
    func type(_ text: String) { tmux("send-keys", "-t", "app", "-l", text) }

    func resize(width: Int, height: Int) { tmux("resize-window", "-t", "app", "-x", "\(width)", "-y", "\(height)") }

    func capture(history: Bool = false) -> String {
        tmux(["capture-pane", "-p", "-t", "app"] + (history ? ["-S", "-"] : []))
    }

    // Waits are long because a debug binary shares two cores with the rest of a parallel test run;
    // they cost nothing when the screen is right and only bound how long a wrong one takes to fail.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 45) throws -> String {
        try waitUntil("“\(text)” on screen", seconds: seconds) { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(_ what: String, seconds: Double = 45, history: Bool = false,
                   _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = capture(history: history)
        while !condition(screen) {
            guard Date() < deadline else {
                throw Timeout(description: "Timed out waiting for \(what). The screen:\n\(screen)")
            }
            Thread.sleep(forTimeInterval: 0.02)
            screen = capture(history: history)
        }
        return screen
    }

    func quit(expecting status: Int) throws {
        send("q")
        #expect(try waitForExit() == status)
    }

    /// Where the shell writes the program's exit status. The pane's `[exit=N]` line is for people
    /// watching; under load tmux can mark the pane dead before it shows that last line.
    var exitStatusFile: URL { directory.appendingPathComponent("exit-status-\(socket)") }

    /// Waits for the program to end and returns its exit status.
    func waitForExit(seconds: Double = 45) throws -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            // `echo` writes the number and its newline at once: a whole line is the whole status.
            if let line = try? String(contentsOf: exitStatusFile, encoding: .utf8), line.hasSuffix("\n"),
               let status = Int(line.dropLast()) {
                return status
            }
            guard Date() < deadline else {
                throw Timeout(description: "Timed out waiting for the program to exit. The screen:\n\(capture(history: true))")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    func shutDown() {
        let socketPath = tmux("display-message", "-p", "#{socket_path}").trimmingCharacters(in: .whitespacesAndNewlines)
        tmux("kill-session", "-t", "app")
        tmux("kill-server")
        if !socketPath.isEmpty { try? FileManager.default.removeItem(atPath: socketPath) }
        if ownsDirectory { try? FileManager.default.removeItem(at: directory) }
    }

    @discardableResult
    private func tmux(_ arguments: String...) -> String { tmux(arguments) }

    /// Runs tmux on the private socket and returns what it printed. posix_spawn and waitpid
    /// rather than Foundation's Process, whose exit monitoring stalled under the test runner.
    @discardableResult
    private func tmux(_ arguments: [String], capturingOutput: Bool = true) -> String {
        guard let tmux = Self.tmux else { return "" }
        let argv = [tmux, "-L", socket] + arguments
        var fds: [Int32] = [-1, -1]
        guard capturingOutput ? pipe(&fds) == 0 : true else { return "" }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capturingOutput {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
            posix_spawn_file_actions_addclose(&actions, fds[1])
        } else {
            // The server this may start keeps the descriptors it inherits: give it no pipe.
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The test runner's own descriptors must not live on in a tmux server.
        for fd in Self.openDescriptors() where fd > 2 && !(capturingOutput && fds.contains(fd)) {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        // The test runner's threads may block signals, and a spawned process inherits the mask: the
        // tmux server, and through it the workbench, would never see SIGWINCH. Start them clean.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux, &actions, &attributes, &cArguments, environ)
        if capturingOutput { close(fds[1]) }
        var output = Data()
        if capturingOutput {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while spawned == 0 {
                let count = read(fds[0], &buffer, buffer.count)
                if count <= 0 { break }
                output.append(contentsOf: buffer[0..<count])
            }
            close(fds[0])
        }
        if spawned == 0 {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func openDescriptors() -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/dev/fd")) ?? []
        return names.compactMap { Int32($0) }.filter { fcntl($0, F_GETFD) != -1 }
    }

    private static func quoted(_ argument: String) -> String {
        "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Two small analyses of a fictional debate, written as JSON files for the binary to open.
enum E2ECorpus {
    /// A built-in theme other than the first, for the theme journey.
    static var otherTheme: String? {
        let folder = TmuxSession.repository.appendingPathComponent("Themes/builtin")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
        return names.count > 1 ? names[1] : nil
    }

    /// Writes the analyses into `folder` as JSON exports, with a frame file for their debate;
    /// returns the workbench's arguments.
    static func write(into folder: URL) throws -> [String] {
        let frameFile = folder.appendingPathComponent("bridge.toml")
        try frame.write(to: frameFile, atomically: true, encoding: .utf8)
        var paths: [String] = []
        for (index, analysis) in analyses.enumerated() {
            let file = folder.appendingPathComponent("article-\(index + 1).json")
            try Exporter(document: ExportDocument(analyses: [analysis], frame: "bridge")).json().write(to: file)
            paths.append(file.path)
        }
        return ["--frame", frameFile.path] + paths
    }

    /// The fixture's debate as a user would write it: frames are data.
    static let frame = """
        id = "bridge"
        name = "Repair or replace the bridge"
        description = "Should the town repair the Old Mill Bridge or build a new one?"

        [[positions]]
        id = "repair"
        label = "Repair"
        glyph = "▲"
        key = "r"
        cues = ["repair*", "save"]

        [[positions]]
        id = "replace"
        label = "Replace"
        glyph = "■"
        key = "p"
        cues = ["new bridge", "replace*"]
        """

    static var analyses: [ArticleAnalysis] {
        [
            analysis(file: "gazette.txt", title: "Council Split Over Old Mill Bridge", source: "Harbour Gazette",
                     published: "2026-03-02",
                     paragraphs: [
                        "RIVERTON — The town council split on Monday over the Old Mill Bridge.",
                        "“We can save this bridge and its history,” Mayor Lena Brandt said. “A repair keeps the river open.”",
                        "Tomas Reyes, the city engineer, said that the steel was beyond saving.",
                     ],
                     statements: [
                        ("Lena Brandt", "We can save this bridge and its history", "repair", "2026-03-02"),
                        ("Lena Brandt", "A repair keeps the river open.", "repair", "2026-03-02"),
                        ("Tomas Reyes", "the steel was beyond saving", "replace", "2026-03-02"),
                     ]),
            analysis(file: "courier.txt", title: "Engineers Back New Bridge as Costs Rise", source: "Riverton Courier",
                     published: "2026-03-16",
                     paragraphs: [
                        "Mr. Reyes said on Friday that “a new bridge is now the only responsible choice.”",
                        "Mayor Lena Brandt said on Sunday: “This town does not throw away its past.”",
                     ],
                     statements: [
                        ("Tomas Reyes", "a new bridge is now the only responsible choice.", "replace", "2026-03-13"),
                        ("Lena Brandt", "This town does not throw away its past.", "repair", "2026-03-15"),
                     ]),
        ]
    }

    static func analysis(file: String, title: String, source: String, published: String, paragraphs: [String],
                         statements: [(actor: String, quote: String, stance: String, date: String)]) -> ArticleAnalysis {
        let text = paragraphs.joined(separator: "\n\n")
        func span(of needle: String) -> TextSpan {
            let range = text.range(of: needle)!
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
            return TextSpan(start: start, end: start + needle.unicodeScalars.count)
        }
        let names = Array(Set(statements.map(\.actor))).sorted()
        let actors = names.enumerated().map { index, name in
            Actor(id: "a\(index)", name: name, kind: .person,
                  mentions: text.contains(name) ? [span(of: name)] : [],
                  stance: statements.first { $0.actor == name }!.stance)
        }
        let values = statements.enumerated().map { index, item in
            Statement(id: "s\(index)", actorID: "a\(names.firstIndex(of: item.actor)!)", kind: .direct, text: item.quote,
                      span: span(of: item.quote), date: Day(iso: item.date), stance: item.stance)
        }
        return ArticleAnalysis(article: Article(file: file, title: title, source: source, published: Day(iso: published),
                                                text: text),
                               actors: actors, statements: values)
    }
}
