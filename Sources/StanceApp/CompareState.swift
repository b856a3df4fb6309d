import StanceKit
import Terminal

/// Which column of the comparison the cursor is in.
public enum ComparisonSide: Hashable, Sendable {
    case left, right
}

/// What a comparison sets side by side.
public enum ComparisonSubject: Hashable, Sendable {
    case actors(left: CorpusActorID, right: CorpusActorID)
    /// One actor in one period (left) against the same actor in another (right).
    case periods(CorpusActorID, left: ClosedRange<Day>, right: ClosedRange<Day>)

    /// The actors compared, whose statements the comparison reads.
    public var actors: Set<CorpusActorID> {
        switch self {
        case .actors(let left, let right): return [left, right]
        case .periods(let actor, _, _): return [actor]
        }
    }
}

/// The compare view: what is compared, how, and the computed comparison (made once per change
/// of actors, bucket or window, never per frame).
public struct ComparisonState: Sendable {
    public var subject: ComparisonSubject
    public var bucket: BucketSize = .week
    /// The first day of the time window; nil shows every date.
    public var windowStart: Day?
    public var comparison: ActorComparison
    /// Index into `comparison.rows`.
    public var cursor = 0
    public var side: ComparisonSide = .left
    /// The first row shown.
    public var scroll = 0

    /// Periods a time window spans, per bucket size: two weeks of days, a quarter of weeks, a year of months.
    public static func windowLength(_ bucket: BucketSize) -> Int {
        switch bucket {
        case .day: return 14
        case .week: return 13
        case .month: return 12
        }
    }

    /// The statement the cursor is on: the cursor side's first in the row, else the other side's.
    public var cursorStatement: DatedStatement? {
        guard let row = comparison.rows[safe: cursor] else { return nil }
        switch side {
        case .left: return row.left.first ?? row.right.first
        case .right: return row.right.first ?? row.left.first
        }
    }
}

/// The type-ahead list of actors to compare with `subject`.
public struct ActorPickerState: Hashable, Sendable {
    public var subject: CorpusActorID
    public var filter = LineInput()
    public var rows: [CorpusActor] = []
    public var cursor = 0
    public var scroll = 0
}

/// A command put off until the dated statements it needs have arrived.
public struct CommandAwaitingStatements: Hashable, Sendable {
    public var command: CommandID
    public var argument: String?
}

/// Every actor's dated statements counted per day and stance, as read: of the articles of
/// `outlets`, or of every article when `outlets` is nil.
public struct DailyStanceCountsRead: Sendable {
    public var outlets: Set<String>?
    public var counts: [CorpusActorID: [DailyStanceCount]]
}

/// The dated statements of `actors`, as read.
public struct DatedStatementsRead: Sendable {
    public var actors: Set<CorpusActorID>
    public var statements: [DatedStatement]

    /// Whether these hold every statement of `wanted`.
    func covers(_ wanted: Set<CorpusActorID>) -> Bool { wanted.isSubset(of: actors) }
}

extension AppState {
    /// The command context of the focused pane, which depends on the pane's mode.
    var paneContext: CommandContext {
        focus == .timeline && corpusTimeline != nil ? .corpusTimeline : focus.context
    }

    // MARK: Dated statements

    /// Runs `body` with dated statements that hold those of `actors`, or asks the store for them
    /// and runs `command` again when they arrive.
    mutating func withDatedStatements(of actors: Set<CorpusActorID>, _ command: CommandID, _ argument: String?,
                                      _ body: (inout AppState, [DatedStatement]) -> [Effect]) -> [Effect] {
        if let datedStatements, datedStatements.covers(actors) { return body(&self, datedStatements.statements) }
        return putOff(command, argument, until: .loadDatedStatements(of: actors), saying: "Loading the statements…")
    }

    mutating func datedStatementsArrived(_ read: DatedStatementsRead) -> [Effect] {
        datedStatements = read
        return readArrived { $0.recomputeComparison() }
    }

    /// Runs `body` with the daily stance counts of `outlets`' articles (of every article when
    /// nil), or asks the store for them and runs `command` again when they arrive.
    mutating func withDailyCounts(outlets: Set<String>?, _ command: CommandID, _ argument: String?,
                                  _ body: (inout AppState, [CorpusActorID: [DailyStanceCount]]) -> [Effect]) -> [Effect] {
        if let dailyCounts, dailyCounts.outlets == outlets { return body(&self, dailyCounts.counts) }
        return putOff(command, argument, until: .loadDailyStanceCounts(outlets: outlets),
                      saying: "Counting the corpus' statements…")
    }

    mutating func dailyCountsArrived(_ read: DailyStanceCountsRead) -> [Effect] {
        dailyCounts = read
        return readArrived {
            $0.remakeCorpusTimeline()
            $0.remakeAgreement()
        }
    }

    /// Asks the store for what `command` needs (`read`) and runs the command again when it arrives.
    private mutating func putOff(_ command: CommandID, _ argument: String?, until read: Effect, saying text: String) -> [Effect] {
        commandAwaitingStatements = CommandAwaitingStatements(command: command, argument: argument)
        message = StatusMessage(text: text, isError: false)
        return [read]
    }

    /// Runs the command put off for a read that has arrived; a read that no command waited for came
    /// after a write, and `refresh` makes what is open show the change at once.
    private mutating func readArrived(refreshing refresh: (inout AppState) -> Void) -> [Effect] {
        guard let waiting = commandAwaitingStatements else {
            refresh(&self)
            return []
        }
        return runAwaitingCommand(waiting)
    }

    private mutating func runAwaitingCommand(_ waiting: CommandAwaitingStatements) -> [Effect] {
        message = nil
        commandAwaitingStatements = nil
        return run(waiting.command, argument: waiting.argument)
    }

    /// After a write (which dropped what was read): reads again at once what an open comparison,
    /// corpus timeline or agreement shows. Agreement counts every outlet; the corpus timeline
    /// only its filter's, read last so that they are the ones kept.
    var reloadingOpenDatedViews: [Effect] {
        guard commandAwaitingStatements == nil else { return [] }
        var effects: [Effect] = []
        if dailyCounts == nil {
            if agreement != nil { effects.append(.loadDailyStanceCounts(outlets: nil)) }
            if let mode = corpusTimeline, agreement == nil || mode.filter.outlets != nil {
                effects.append(.loadDailyStanceCounts(outlets: mode.filter.outlets))
            }
        }
        if datedStatements == nil, let comparison { effects.append(.loadDatedStatements(of: comparison.subject.actors)) }
        return effects
    }

    // MARK: Comparison commands

    mutating func runComparisonCommand(_ command: CommandID, argument: String?) -> [Effect] {
        switch command {
        case .compareActors:
            if let argument {
                guard let (left, right) = actorPair(named: argument) else {
                    message = StatusMessage(text: "Usage: :compare-actors ACTOR ACTOR (Tab completes names)", isError: true)
                    return []
                }
                return withDatedStatements(of: [left.id, right.id], command, argument) { state, _ in
                    state.openComparison(.actors(left: left.id, right: right.id))
                    return []
                }
            }
            guard let subject = selectedActor ?? actors.rows[safe: actors.cursor]?.id else {
                message = StatusMessage(text: "Select an actor to compare first", isError: false)
                return []
            }
            var picker = ActorPickerState(subject: subject)
            picker = refreshed(picker)
            overlay = .actorPicker(picker)
        case .nextPickedActor, .previousPickedActor:
            guard case .actorPicker(var picker) = overlay else { return [] }
            picker.cursor = clamp(picker.cursor + (command == .nextPickedActor ? 1 : -1), 0, max(0, picker.rows.count - 1))
            overlay = .actorPicker(refreshed(picker))
        case .choosePickedActor:
            guard case .actorPicker(let picker) = overlay, let other = picker.rows[safe: picker.cursor] else { return [] }
            overlay = nil
            let subject = ComparisonSubject.actors(left: picker.subject, right: other.id)
            return withDatedStatements(of: subject.actors, .compareActors,
                                       "\(name(of: picker.subject)), \(other.name)") { state, _ in
                state.openComparison(subject)
                return []
            }
        case .compareActorPeriods:
            let actor: CorpusActorID?
            if let argument {
                actor = actorNamedForComparison(argument)?.id
            } else if case .comparison = overlay, let comparison {
                switch comparison.subject {
                case .actors(let left, let right): actor = comparison.side == .left ? left : right
                case .periods(let id, _, _): actor = id
                }
            } else {
                actor = selectedActor ?? actors.rows[safe: actors.cursor]?.id
            }
            guard let actor else {
                message = StatusMessage(text: "No actor named “\(argument ?? "")”", isError: true)
                return []
            }
            return withDatedStatements(of: [actor], command, argument ?? name(of: actor)) { state, statements in
                guard let halves = Self.halves(of: statements.filter { $0.actor.id == actor && $0.counts }.map(\.date)) else {
                    state.message = StatusMessage(text: "\(state.name(of: actor)) spoke on fewer than two days",
                                                  isError: false)
                    return []
                }
                state.openComparison(.periods(actor, left: halves.earlier, right: halves.later))
                return []
            }
        case .closeComparison:
            if case .actorPicker = overlay {
                overlay = nil
            } else {
                overlay = nil
                comparison = nil
                returnsToComparison = false
            }
        case .returnToComparison:
            guard comparison != nil else {
                message = StatusMessage(text: "No comparison open (C compares the selected actor)", isError: false)
                return []
            }
            overlay = .comparison
            returnsToComparison = false
        case .nextComparisonRow, .previousComparisonRow:
            guard var state = comparison, !state.comparison.rows.isEmpty else { return [] }
            state.cursor = clamp(state.cursor + (command == .nextComparisonRow ? 1 : -1), 0, state.comparison.rows.count - 1)
            comparison = state
            followComparisonCursor()
        case .switchComparisonSide:
            if let side = comparison?.side { comparison?.side = side == .left ? .right : .left }
        case .swapComparisonSides:
            guard var state = comparison else { return [] }
            switch state.subject {
            case .actors(let left, let right): state.subject = .actors(left: right, right: left)
            case .periods(let actor, let left, let right): state.subject = .periods(actor, left: right, right: left)
            }
            comparison = state
            recomputeComparison()
        case .cycleComparisonBucket:
            guard var state = comparison else { return [] }
            let sizes = BucketSize.allCases
            state.bucket = sizes[(sizes.firstIndex(of: state.bucket)! + 1) % sizes.count]
            comparison = state
            recomputeComparison()
            message = StatusMessage(text: "Compared by \(state.bucket.rawValue)", isError: false)
        case .earlierComparisonWindow, .laterComparisonWindow:
            moveComparisonWindow(later: command == .laterComparisonWindow)
        case .showWholeComparison:
            comparison?.windowStart = nil
            recomputeComparison()
        case .openComparedStatement:
            guard let statement = comparison?.cursorStatement else {
                message = StatusMessage(text: "No statement in this row", isError: false)
                return []
            }
            overlay = nil
            returnsToComparison = true
            setFocus(.article)
            message = StatusMessage(text: "Esc or Backspace returns to the comparison", isError: false)
            return openStatement(statement.id, inArticle: statement.articleID)
        default:
            break
        }
        return []
    }

    /// Two actors from "A B", "A, B" or "A vs B": the split where both names are an actor's
    /// name (ignoring case), else where both begin one.
    func actorPair(named text: String) -> (CorpusActor, CorpusActor)? {
        for separator in [",", " vs ", " versus "] where text.lowercased().contains(separator) {
            let parts = text.lowercased().components(separatedBy: separator)
            guard parts.count == 2, let left = actorNamedForComparison(parts[0]),
                  let right = actorNamedForComparison(parts[1]) else { continue }
            return (left, right)
        }
        let words = text.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return nil }
        let splits = (1..<words.count).map { (words[..<$0].joined(separator: " "), words[$0...].joined(separator: " ")) }
        let byName = { (name: String, exact: Bool) -> CorpusActor? in
            let lowered = name.lowercased()
            return corpus.actors.first { exact ? $0.name.lowercased() == lowered : $0.name.lowercased().hasPrefix(lowered) }
        }
        for exact in [true, false] {
            for (left, right) in splits {
                if let a = byName(left, exact), let b = byName(right, exact) { return (a, b) }
            }
        }
        return nil
    }

    private func actorNamedForComparison(_ text: String) -> CorpusActor? {
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !lowered.isEmpty else { return nil }
        return corpus.actors.first { $0.name.lowercased() == lowered }
            ?? corpus.actors.first { $0.name.lowercased().hasPrefix(lowered) }
            ?? corpus.actors.first { $0.name.lowercased().contains(lowered) }
    }

    /// Completions for two actor names: actor names, and once the text starts with a whole name
    /// and a space, that name followed by each other actor's.
    func actorPairCompletions(_ text: String) -> [String] {
        let names = corpus.actors.map(\.name)
        let lowered = text.lowercased()
        if let first = names.filter({ lowered.hasPrefix($0.lowercased() + " ") }).max(by: { $0.count < $1.count }) {
            return names.filter { $0 != first }.map { "\(first) \($0)" }
        }
        return names
    }

    func name(of actor: CorpusActorID) -> String {
        corpus.actors.first { $0.id == actor }?.name ?? actor
    }

    /// The actor as the comparison names it: from its statements, else from the corpus list.
    private func comparedActor(_ id: CorpusActorID, in statements: [DatedStatement]) -> Actor {
        if let said = statements.first(where: { $0.actor.id == id }) { return said.actor }
        let listed = corpus.actors.first { $0.id == id }
        return Actor(id: id, name: listed?.name ?? id, kind: listed?.kind ?? .person, role: listed?.role)
    }

    /// Splits an actor's days in two: the earlier half of the days they spoke on and the later.
    static func halves(of days: [Day]) -> (earlier: ClosedRange<Day>, later: ClosedRange<Day>)? {
        let distinct = Array(Set(days)).sorted()
        guard distinct.count >= 2 else { return nil }
        let middle = distinct.count / 2
        return (distinct[0]...distinct[middle - 1], distinct[middle]...distinct[distinct.count - 1])
    }

    private mutating func openComparison(_ subject: ComparisonSubject) {
        let placeholder = ActorComparison.make(left: Actor(id: "", name: "", kind: .person),
                                               right: Actor(id: "", name: "", kind: .person),
                                               statements: [], frame: frame)
        comparison = ComparisonState(subject: subject, comparison: placeholder)
        recomputeComparison()
        overlay = .comparison
        returnsToComparison = false
    }

    /// Makes the comparison again for its subject, bucket and window, keeping the cursor on the
    /// same period where it still exists.
    mutating func recomputeComparison() {
        guard var state = comparison, let read = datedStatements, read.covers(state.subject.actors) else { return }
        let statements = read.statements
        let keptDay = state.comparison.rows[safe: state.cursor]?.leftBucket.start
        let bucketing = DateBucketing(state.bucket)
        switch state.subject {
        case .actors(let left, let right):
            let to = state.windowStart.map {
                bucketing.advance(bucketing.bucket(of: $0), by: ComparisonState.windowLength(state.bucket) - 1).end
            }
            state.comparison = ActorComparison.make(
                left: comparedActor(left, in: statements), right: comparedActor(right, in: statements),
                statements: statements, frame: frame, by: bucketing, from: state.windowStart, to: to)
        case .periods(let actor, let left, let right):
            state.comparison = ActorComparison.make(actor: comparedActor(actor, in: statements), period: left,
                                                    against: right, statements: statements, frame: frame, by: bucketing)
        }
        let rows = state.comparison.rows
        state.cursor = keptDay.flatMap { day in rows.lastIndex { $0.leftBucket.start <= day } } ?? 0
        state.cursor = clamp(state.cursor, 0, max(0, rows.count - 1))
        state.scroll = min(state.scroll, state.cursor)
        comparison = state
        followComparisonCursor()
    }

    private mutating func moveComparisonWindow(later: Bool) {
        guard var state = comparison, let read = datedStatements, read.covers(state.subject.actors) else { return }
        let statements = read.statements
        guard case .actors(let left, let right) = state.subject else {
            message = StatusMessage(text: "A comparison of two periods has no time window", isError: false)
            return
        }
        let days = statements.filter { ($0.actor.id == left || $0.actor.id == right) && $0.counts }.map(\.date)
        guard let first = days.min(), let last = days.max() else { return }
        let bucketing = DateBucketing(state.bucket)
        let length = ComparisonState.windowLength(state.bucket)
        let start: DateBucket
        if let current = state.windowStart {
            start = bucketing.advance(bucketing.bucket(of: current), by: later ? length : -length)
        } else {
            start = later ? bucketing.bucket(of: first)
                : bucketing.advance(bucketing.bucket(of: last), by: 1 - length)
        }
        let end = bucketing.advance(start, by: length - 1)
        guard end.end >= first, start.start <= last else {
            message = StatusMessage(text: later ? "No statements later" : "No statements earlier", isError: false)
            return
        }
        state.windowStart = start.start
        comparison = state
        recomputeComparison()
        message = StatusMessage(text: "Window \(start.label) to \(end.label)", isError: false)
    }

    /// Keeps the cursor row on screen; rows are as tall as their wrapped statements.
    mutating func followComparisonCursor() {
        guard var state = comparison else { return }
        let geometry = CompareView.Geometry(size: size)
        if state.cursor < state.scroll { state.scroll = state.cursor }
        while state.scroll < state.cursor {
            let height = (state.scroll...state.cursor).reduce(0) {
                $0 + CompareView.height(of: state.comparison.rows[$1], geometry: geometry)
            }
            if height <= geometry.body.height { break }
            state.scroll += 1
        }
        comparison = state
    }

    // MARK: Actor picker

    func refreshed(_ picker: ActorPickerState) -> ActorPickerState {
        var picker = picker
        let needle = picker.filter.text.lowercased()
        picker.rows = corpus.actors.filter { actor in
            actor.id != picker.subject && (needle.isEmpty || actor.name.lowercased().contains(needle)
                || (actor.role?.lowercased().contains(needle) ?? false))
        }.sorted { a, b in
            // Names that begin with what was typed come first.
            let (x, y) = (a.name.lowercased().hasPrefix(needle), b.name.lowercased().hasPrefix(needle))
            if x != y { return x }
            return a.name.localizedLowercase < b.name.localizedLowercase
        }
        picker.cursor = clamp(picker.cursor, 0, max(0, picker.rows.count - 1))
        picker.scroll = scrollKeeping(picker.cursor, visible: ActorPickerView.bodyHeight(size: size),
                                      current: picker.scroll, count: picker.rows.count)
        return picker
    }

    /// Applies a typed key to the picker's filter; false when the key is not an edit.
    mutating func editActorPicker(with key: Key) -> Bool {
        guard case .actorPicker(var picker) = overlay else { return false }
        switch key {
        case .char, .backspace, .ctrl("w"), .ctrl("u"):
            guard picker.filter.edit(with: key) else { return false }
            picker.cursor = 0
            overlay = .actorPicker(refreshed(picker))
            return true
        default:
            return false
        }
    }
}
