import StanceKit
import Terminal

/// A statement named across the corpus.
public struct StatementRef: Hashable, Sendable {
    public var articleID: ArticleID
    public var statementID: String
    public init(articleID: ArticleID, statementID: String) {
        self.articleID = articleID
        self.statementID = statementID
    }
}

/// Everything the corpus holds that the panes show besides the open article. The timeline's
/// statements are not in it: the timeline reads those of the rows it shows (`TimelineModel`).
public struct CorpusSnapshot: Hashable, Sendable {
    public var articles: [ArticleSummary]
    public var actors: [CorpusActor]
    public var timelineSummaries: [TimelineRowSummary]
    public init(articles: [ArticleSummary], actors: [CorpusActor], timelineSummaries: [TimelineRowSummary]) {
        self.articles = articles
        self.actors = actors
        self.timelineSummaries = timelineSummaries
    }

    /// The snapshot with `patch`'s actors read again: the ones it found replace theirs (a new
    /// or renamed one goes where its name sorts), the ones it did not find are gone.
    func patched(_ patch: CorpusPatch) -> CorpusSnapshot {
        var snapshot = self
        let found = Dictionary(patch.actors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var placed: Set<CorpusActorID> = []
        snapshot.actors = actors.compactMap { actor in
            guard patch.actorIDs.contains(actor.id) else { return actor }
            guard let fresh = found[actor.id], fresh.name == actor.name else { return nil }
            placed.insert(actor.id)
            return fresh
        }
        for actor in patch.actors where !placed.contains(actor.id) {
            let key = (actor.name.localizedLowercase, actor.id)
            let index = snapshot.actors.firstIndex { ($0.name.localizedLowercase, $0.id) > key } ?? snapshot.actors.endIndex
            snapshot.actors.insert(actor, at: index)
        }
        snapshot.timelineSummaries = timelineSummaries.filter { !patch.actorIDs.contains($0.actorID) } + patch.timelineSummaries
        return snapshot
    }
}

/// What a write changed in the corpus lists, read again for the actors it touched.
public struct CorpusPatch: Hashable, Sendable {
    /// The actors read again; those not among `actors` are gone (merged away, or created and undone).
    public var actorIDs: Set<CorpusActorID>
    public var actors: [CorpusActor]
    public var timelineSummaries: [TimelineRowSummary]
    public init(actorIDs: Set<CorpusActorID>, actors: [CorpusActor], timelineSummaries: [TimelineRowSummary]) {
        self.actorIDs = actorIDs
        self.actors = actors
        self.timelineSummaries = timelineSummaries
    }
}

/// The timeline's content: one row per actor with dated statements, most active first. Rows are
/// laid out from the actors' summaries; a row's events are read when it comes into view (the
/// runtime asks for `unreadActors`) and kept until a write touches its actor.
public struct TimelineModel: Sendable {
    /// A row's events are empty until its statements are read (`isRead`).
    public var rows: [TimelineRow<CorpusActorID, StatementRef>] = []
    /// Per row: its number of events (known from the summaries before they are read).
    public var eventCounts: [Int] = []
    /// Per row, per event: its statement, for the account of the one under the cursor; nil while
    /// the row is not read.
    public var statements: [[TimelineStatement]?] = []
    public var dateRange: ClosedRange<Day>?
    /// The widest row label in columns, measured once rather than per frame.
    public var widestLabel = 0
    /// Per row, per event: whether the statement is still only a suggestion (hollow glyph).
    public var isSuggested: [[Bool]] = []
    private var rowOfActor: [CorpusActorID: Int] = [:]

    public init() {}

    /// The rows of `snapshot`'s summaries, ordered as `Timeline.orderedByActivity` orders rows
    /// (most events first, then by name); the rows `previous` had read are kept, but for the
    /// actors in `changed`.
    public init(_ snapshot: CorpusSnapshot, keeping previous: TimelineModel? = nil, except changed: Set<CorpusActorID> = []) {
        let summaries = Dictionary(snapshot.timelineSummaries.map { ($0.actorID, $0) }, uniquingKeysWith: { first, _ in first })
        // The sort keys made once per actor: a write makes the model again.
        let ordered = snapshot.actors.compactMap { actor in
            summaries[actor.id].map { (actor: actor.id, label: actor.name, key: actor.name.localizedLowercase,
                                       count: $0.statementCount, days: $0.days) }
        }.sorted { a, b in a.count != b.count ? a.count > b.count : a.key < b.key }
        // The rows of actors the change did not touch are taken over as they are, read or not
        // (a read row's events were made once, in date order).
        let kept = { (actor: CorpusActorID) in changed.contains(actor) ? nil : previous?.rowOfActor[actor] }
        rows = ordered.map { entry in
            kept(entry.actor).map { previous!.rows[$0] } ?? TimelineRow(id: entry.actor, label: entry.label, events: [])
        }
        eventCounts = ordered.map { entry in kept(entry.actor).map { previous!.eventCounts[$0] } ?? entry.count }
        statements = ordered.map { entry in kept(entry.actor).flatMap { previous!.statements[$0] } }
        isSuggested = ordered.map { entry in kept(entry.actor).map { previous!.isSuggested[$0] } ?? [] }
        rowOfActor = Dictionary(rows.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        if let low = ordered.map(\.days.lowerBound).min(), let high = ordered.map(\.days.upperBound).max() {
            dateRange = low...high
        }
        widestLabel = rows.map { TerminalText.width($0.label) }.max() ?? 0
    }

    public func isRead(_ row: Int) -> Bool { statements[safe: row].map { $0 != nil } ?? false }

    /// The actors of `rows` (clamped) whose statements are not read yet.
    public func unreadActors(in rows: Range<Int>) -> [CorpusActorID] {
        rows.clamped(to: self.rows.indices).filter { statements[$0] == nil }.map { self.rows[$0].id }
    }

    /// Puts the statements read for these actors (in `statements(of:)` order) into their rows.
    public mutating func fill(_ statementsByActor: [CorpusActorID: [TimelineStatement]]) {
        for (actor, list) in statementsByActor {
            guard let row = rowOfActor[actor] else { continue }
            let events = Self.inDateOrder(list)
            statements[row] = events
            rows[row] = TimelineRow(id: actor, label: rows[row].label, events: events.map { entry in
                TimelineEvent(id: StatementRef(articleID: entry.articleID, statementID: entry.statementID),
                              day: entry.date!, stance: entry.stance)
            })
            eventCounts[row] = events.count
            isSuggested[row] = events.map { $0.status == .suggested }
        }
    }

    /// The dated statements, stably ordered by date as a row orders its events, so the two stay
    /// side by side.
    private static func inDateOrder(_ statements: [TimelineStatement]) -> [TimelineStatement] {
        let dated = statements.allSatisfy { $0.date != nil } ? statements : statements.filter { $0.date != nil }
        if zip(dated, dated.dropFirst()).allSatisfy({ $0.date! <= $1.date! }) { return dated }
        return dated.enumerated().sorted { a, b in
            a.element.date! != b.element.date! ? a.element.date! < b.element.date! : a.offset < b.offset
        }.map(\.element)
    }

    /// Puts the words read for `statement` into its place in `row`.
    public mutating func fillText(_ text: String, of statement: StatementRef, inRow row: Int) {
        guard let index = statements[safe: row]??.firstIndex(where: {
            $0.statementID == statement.statementID && $0.articleID == statement.articleID
        }) else { return }
        statements[row]![index].text = text
    }

    public func statement(row: Int, event: Int) -> TimelineStatement? {
        statements[safe: row]??[safe: event]
    }

    public func row(of actor: CorpusActorID) -> Int? { rowOfActor[actor] }
}

/// One actor as the actors pane lists it, for the open article or for the whole corpus.
public struct ActorRow: Hashable, Sendable {
    public var id: CorpusActorID
    public var name: String
    public var role: String?
    public var stance: String
    public var isParticipant: Bool
    public var statementCounts: [String: Int]
    public var mentionCount: Int

    public var statementCount: Int { statementCounts.values.reduce(0, +) }
}

public enum ActorSort: String, CaseIterable, Sendable {
    case prominence, name, position
}

/// A line being typed (search, filter, command line): the app's own until the kit's TextField.
public struct LineInput: Hashable, Sendable {
    public var text: String = ""
    public init(_ text: String = "") { self.text = text }

    /// Applies an editing key; false when the key is not an edit.
    public mutating func edit(with key: Key) -> Bool {
        switch key {
        case .char(let c):
            text.append(c)
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        case .ctrl("u"):
            text = ""
        case .ctrl("w"):
            while text.last == " " { text.removeLast() }
            while let last = text.last, last != " " { text.removeLast() }
        default:
            return false
        }
        return true
    }
}

public struct CommandLineState: Hashable, Sendable {
    public var input = LineInput()
    /// Candidates of the last Tab, and which one is shown; Tab again moves on.
    public var completions: [String] = []
    public var completionIndex: Int?
    /// The text before the word being completed.
    public var completionPrefix = ""
}

/// What typed keys go to.
public enum InputMode: Hashable, Sendable {
    case normal
    case searching(LineInput)
    case commandLine(CommandLineState)
    case filteringActors

    public var name: String {
        switch self {
        case .normal: return "NORMAL"
        case .searching: return "SEARCH"
        case .commandLine: return "COMMAND"
        case .filteringActors: return "FILTER"
        }
    }
}

public struct PickerState: Hashable, Sendable {
    public var filter = LineInput()
    /// Articles whose text matched the filter, from the store; nil before it answered.
    public var textMatches: Set<ArticleID>?
    public var rows: [ArticleSummary] = []
    public var cursor = 0
    public var scroll = 0
}

public enum Overlay: Hashable, Sendable {
    case help(scroll: Int)
    case articlePicker(PickerState)
    /// The compare view over the whole screen; its content is `AppState.comparison`.
    case comparison
    case actorPicker(ActorPickerState)
}

public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
}

public struct ArticleSearch: Hashable, Sendable {
    public var query: String
    public var matches: [TextSpan]
    public var current: Int?
}

public struct ArticlePaneState: Sendable {
    public var prepared: PreparedArticle?
    public var layout: ArticleLayout?
    /// The first line shown.
    public var scroll = 0
    /// Index into `prepared.statements`.
    public var currentStatement: Int?
    public var search: ArticleSearch?
    /// The text cursor, a character index of the prepared article; nil until a motion places it.
    public var cursor: Int?
    /// Where the selection started (`v`); the selection runs from here to the cursor, both included.
    public var selectionAnchor: Int?

    /// The selected characters, both ends included.
    public var selection: ClosedRange<Int>? {
        guard let anchor = selectionAnchor, let cursor else { return nil }
        return min(anchor, cursor)...max(anchor, cursor)
    }
}

public struct ActorsPaneState: Hashable, Sendable {
    public var showsCorpus = false
    public var sort: ActorSort = .prominence
    public var filter = ""
    /// The rows shown: filtered and sorted.
    public var rows: [ActorRow] = []
    public var cursor = 0
    public var scroll = 0
}

public struct TimelinePaneState: Sendable {
    public var model = TimelineModel()
    /// nil: the granularity that fits the pane.
    public var zoom: TimelineGranularity?
    public var row = 0
    public var rowScroll = 0
    /// Index into the cursor row's events.
    public var event: Int?
    /// The first bucket shown when the axis is wider than the pane.
    public var firstBucket = 0
    /// The day the cursor was on when it moved to a row not read yet: its event is the one
    /// nearest this day, once the row is read.
    public var dayAwaitingRow: Day?
}

/// The whole state of the workbench. `update` changes it, `render` draws it; nothing else does.
public struct AppState: Sendable {
    public var size: Size
    public var frame: Frame
    public var glyphs: StanceGlyphs
    public var themeName: String
    public var themeNames: [String]
    public var corpus = CorpusSnapshot(articles: [], actors: [], timelineSummaries: [])
    public var isLoading = true
    public var article = ArticlePaneState()
    public var actors = ActorsPaneState()
    public var timeline = TimelinePaneState()
    public var selectedActor: CorpusActorID?
    public var focus: Pane = .article
    public var mode: InputMode = .normal
    public var overlay: Overlay?
    public var message: StatusMessage?
    /// Statements placed in time, read when a comparison (its actors') or the corpus timeline
    /// (the actor of a period opened) first needs them.
    public var datedStatements: DatedStatementsRead?
    /// Every actor's dated statements counted per day and stance, read when the corpus timeline
    /// or agreement first needs them.
    public var dailyCounts: DailyStanceCountsRead?
    public var commandAwaitingStatements: CommandAwaitingStatements?
    public var comparison: ComparisonState?
    /// A statement was opened from the comparison: Esc in the article goes back to it.
    public var returnsToComparison = false
    /// The timeline pane's corpus mode; nil: the statement timeline.
    public var corpusTimeline: CorpusTimelineState?
    /// Who agrees and disagrees with the selected actor, shown in the actors pane; nil: hidden.
    public var agreement: PeriodPositions?
    /// The annotation popup being answered, step by step.
    public var annotation: AnnotationFlow?
    /// Why nothing can be annotated here (a corpus held in memory, a read-only file); nil when it can.
    public var readOnlyReason: String?

    public init(size: Size, frame: Frame, themeName: String, themeNames: [String], readOnlyReason: String? = nil) {
        self.readOnlyReason = readOnlyReason
        self.size = size
        self.frame = frame
        self.glyphs = StanceGlyphs(frame: frame)
        self.themeName = themeName
        self.themeNames = themeNames
    }

    public var layout: WorkbenchLayout { WorkbenchLayout(size: size, focus: focus) }

    public var currentArticle: LoadedArticle? { article.prepared?.loaded }
}
