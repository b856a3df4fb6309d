import ArgumentParser
import Foundation
import StanceKit

extension BucketSize: ExpressibleByArgument {}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

/// What the comparison commands share: the workspace's dated statements (or their counts) and the frame.
struct CorpusOptions: ParsableArguments {
    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(name: .long, help: ArgumentHelp("A built-in frame name or a frame TOML file.", valueName: "NAME|FILE"))
    var frame: String = FrameLibrary.defaultName

    @Option(name: .long, help: "Bucket by day, week or month.")
    var by: BucketSize = .week

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    /// The frame, the actors named by `actorQueries` (in that order), and their dated statements;
    /// with no queries, every statement of the workspace. Only the named actors' statements are
    /// read, so comparing two actors stays quick in a workspace of thousands of articles.
    func load(actors actorQueries: [String] = []) throws -> (statements: [DatedStatement], frame: Frame, actors: [Actor]) {
        let frame = try loadFrame(frame)
        return try reading { workspace in
            let actors = try named(actorQueries, in: workspace)
            let statements = try workspace.datedStatements(actorIDs: actors.isEmpty ? nil : actors.compactMap { Int64($0.id) })
            return (statements, frame, actors)
        }
    }

    /// The frame, every actor, the actors named by `actorQueries` (in that order), and each actor's
    /// standing statements counted per day and stance: what the timeline and agreement are made of,
    /// read in one grouped query instead of every statement.
    func loadCounts(actors actorQueries: [String] = [])
        throws -> (counts: [String: [DailyStanceCount]], frame: Frame, actors: [Actor], chosen: [Actor]) {
        let frame = try loadFrame(frame)
        return try reading { workspace in
            let actors = try workspace.comparisonActors()
            let chosen = try actorQueries.map { try actor($0, among: actors) }
            return (try workspace.comparisonDailyCounts(), frame, actors, chosen)
        }
    }

    /// The timeline of the actors named by `actorQueries` (in that order; every actor with none),
    /// each period's statements named and each change's statement given whole, without reading
    /// every statement (see `Workspace.corpusTimeline`).
    func loadTimeline(actors actorQueries: [String], by bucketing: DateBucketing) throws -> CorpusTimeline {
        let frame = try loadFrame(frame)
        return try reading { workspace in
            let chosen = try named(actorQueries, in: workspace)
            return try workspace.corpusTimeline(frame: frame, by: bucketing,
                                                filter: TimelineFilter(actorIDs: chosen.isEmpty ? nil : chosen.map(\.id)))
        }
    }

    /// `body`'s answer from the workspace opened read-only; a workspace that cannot be read is
    /// reported and fails the command, a usage error passes through.
    private func reading<T>(_ body: (Workspace) throws -> T) throws -> T {
        let workspace = try workspaceOptions.open(readOnly: true)
        defer { workspace.close() }
        do {
            return try body(workspace)
        } catch let error as ValidationError {
            throw error
        } catch {
            printError("stancebench: cannot read the workspace: \(error)")
            throw ExitStatus.failure
        }
    }

    /// The actors named by `queries`, in that order; the workspace's actors are read only when a query asks.
    private func named(_ queries: [String], in workspace: Workspace) throws -> [Actor] {
        guard !queries.isEmpty else { return [] }
        let directory = try workspace.comparisonActors()
        return try queries.map { try actor($0, among: directory) }
    }

    /// One actor by id, name or alias; an unknown or ambiguous name is a usage error naming the candidates.
    private func actor(_ query: String, among actors: [Actor]) throws -> Actor {
        let found = ActorLookup.find(query, among: actors)
        guard let first = found.first else {
            throw ValidationError("No actor in the workspace is called '\(query)'.")
        }
        if found.count > 1, first.name.lowercased() != query.lowercased() {
            let names = found.prefix(5).map(\.name).joined(separator: ", ")
            throw ValidationError("'\(query)' could be \(names); give more of the name.")
        }
        return first
    }

    func emit(_ value: some Encodable, table: () -> String) throws {
        print(json ? try ReportJSON.encode(value) : terminalSafe(table()))
    }

    /// `emit` for a result whose JSON is written a part at a time (`writeJSON`): the same bytes, without
    /// the whole document in memory.
    func emit(writingJSON writeJSON: ((String) -> Void) throws -> Void, table: () -> String) throws {
        if json {
            try writeJSON { print($0, terminator: "") }
            print()
        } else {
            print(terminalSafe(table()))
        }
    }
}

/// The width to fit tables to: the terminal's, `COLUMNS`, or 80 when piped.
var outputWidth: Int {
    var size = winsize()
    if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
        return Int(size.ws_col)
    }
    return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
}

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Set two actors' positions side by side, aligned by date.",
        discussion: """
            Each actor's statements across the workspace in date order, rows aligned by day, week or \
            month, rows where the two took opposite positions marked ≠; a header per actor with their \
            statements per position, first and latest position, and each change of position.

            Examples:
              stancebench compare Achterberg Moravec
              stancebench compare "Carla Brandvold" Pruitt --by month --from 2031-03-01
              stancebench compare Oldane Seddik --json
            """
    )

    @OptionGroup var corpus: CorpusOptions

    @Option(name: .long, help: ArgumentHelp("Leave out statements before this day.", valueName: "YYYY-MM-DD"))
    var from: Day?

    @Option(name: .long, help: ArgumentHelp("Leave out statements after this day.", valueName: "YYYY-MM-DD"))
    var to: Day?

    @Argument(help: "The actor on the left (a name, an alias or part of one).")
    var left: String

    @Argument(help: "The actor on the right.")
    var right: String

    func run() throws {
        let (statements, frame, actors) = try corpus.load(actors: [left, right])
        let comparison = ActorComparison.make(left: actors[0], right: actors[1], statements: statements, frame: frame,
                                              by: DateBucketing(corpus.by), from: from, to: to)
        try corpus.emit(comparison) { comparison.compareTable(width: outputWidth) }
    }
}

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Chart actors' positions over time.",
        discussion: """
            One row per actor, one column per day, week or month; each cell shows the position the actor \
            leaned to then (± where split), readable without colour.

            Examples:
              stancebench timeline
              stancebench timeline --actor Brandvold --actor Oldane --by month
              stancebench timeline --json > timeline.json
            """
    )

    @OptionGroup var corpus: CorpusOptions

    @Option(name: .customLong("actor"), help: "Only this actor (repeat for several).")
    var actors: [String] = []

    func run() throws {
        let bucketing = DateBucketing(corpus.by)
        let timeline: CorpusTimeline
        if corpus.json {
            // The JSON names each period's statements and the statement of each change.
            timeline = try corpus.loadTimeline(actors: actors, by: bucketing)
        } else {
            let (counts, frame, all, chosen) = try corpus.loadCounts(actors: actors)
            timeline = CorpusTimeline.make(dailyCounts: counts, actors: all, frame: frame, by: bucketing,
                                           filter: TimelineFilter(actorIDs: chosen.isEmpty ? nil : chosen.map(\.id)))
        }
        try corpus.emit(writingJSON: timeline.writeJSON) { timeline.timelineChart(width: outputWidth) }
    }
}

struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Who agrees with whom: same position in the same period.",
        discussion: """
            Two actors agree when they took the same position in the same bucket, and disagree when they \
            took opposite ones (as discourse network analysis counts it). Prints the actor-by-actor table; \
            in a large corpus, --top or --actor keeps it readable.

            Examples:
              stancebench agreement
              stancebench agreement --by month --json
              stancebench agreement --top 12
              stancebench agreement --actor Brandvold --actor Oldane --actor Moravec
            """
    )

    @OptionGroup var corpus: CorpusOptions

    @Option(name: .customLong("actor"), help: "Only this actor (repeat for several).")
    var actors: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only the N actors who took a position in the most periods.", valueName: "N"))
    var top: Int?

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top wants a number of actors, 1 or more.") }
    }

    func run() throws {
        let (allCounts, frame, all, chosen) = try corpus.loadCounts(actors: actors)
        let chosenIDs = Set(chosen.map(\.id))
        let counts = chosen.isEmpty ? allCounts : allCounts.filter { chosenIDs.contains($0.key) }
        let matrix = AgreementMatrix.make(dailyCounts: counts, actors: all, frame: frame, by: DateBucketing(corpus.by),
                                          mostActive: top)
        try corpus.emit(writingJSON: matrix.writeJSON) { matrix.agreementTable() }
    }
}
