import Terminal

/// Where a command applies: one of the panes, an overlay, or everywhere outside overlays.
public enum CommandContext: String, CaseIterable, Sendable, Hashable {
    case global, article, selection, matches, actors, timeline, help, picker
    case comparison, actorPicker, corpusTimeline

    var title: String {
        switch self {
        case .global: return "Everywhere"
        case .article: return "Article"
        case .selection: return "Article, while selecting (v)"
        case .matches: return "Article, while a search is shown"
        case .actors: return "Actors"
        case .timeline: return "Timeline"
        case .help: return "Help"
        case .picker: return "Article picker"
        case .comparison: return "Comparison"
        case .actorPicker: return "Actor picker"
        case .corpusTimeline: return "Corpus timeline"
        }
    }
}

/// What a command takes after its name on the `:` command line.
public enum CommandArgument: Sendable, Hashable {
    case none
    case theme
    case actor
    /// Two actor names ("A B", "A, B" or "A vs B").
    case actorPair
    /// An export format (completed) and the path to write.
    case exportTarget
    case text(String)
}

/// Every command of the workbench, declared once in `CommandTable`.
public enum CommandID: String, CaseIterable, Sendable, Hashable {
    case quit
    case focusNextPane, focusPreviousPane, focusArticlePane, focusActorsPane, focusTimelinePane
    case showHelp, closeOverlay, openCommandLine
    case openArticlePicker, nextArticle, previousArticle, openSelectedArticle
    case scrollDown, scrollUp, scrollHalfPageDown, scrollHalfPageUp, scrollPageDown, scrollPageUp
    case scrollToTop, scrollToBottom
    case moveDown, moveUp
    case nextStatement, previousStatement
    case searchForward, nextMatch, previousMatch, clearSearch
    case cycleActorSort, filterActors, clearActorFilter, toggleCorpusActors, selectActor, showActorStatement
    case nextEvent, previousEvent, timelineZoomIn, timelineZoomOut, openEventStatement
    case setTheme
    case compareActors, compareActorPeriods, nextPickedActor, previousPickedActor, choosePickedActor
    case closeComparison, returnToComparison, nextComparisonRow, previousComparisonRow, switchComparisonSide
    case swapComparisonSides, cycleComparisonBucket, earlierComparisonWindow, laterComparisonWindow
    case showWholeComparison, openComparedStatement
    case toggleCorpusTimeline, nextTimelineLane, previousTimelineLane, nextTimelineBucket, previousTimelineBucket
    case finerTimelineBuckets, coarserTimelineBuckets, toggleTimelineCounts, nextPositionChange, previousPositionChange
    case filterTimeline, clearTimelineFilter, openPeriodStatement
    case showAgreement
    case moveCharacterForward, moveCharacterBackward, moveWordForward, moveWordBackward, moveWordEnd
    case moveSentenceForward, moveSentenceBackward, moveParagraphForward, moveParagraphBackward
    case startSelection, cancelSelection
    case attributeSpan, acceptStatement, rejectStatement, setActor, setStance, setKind, setSpan, setDate, setNote
    case deleteStatement
    case createActor, renameActor, mergeActors, splitAlias
    case undo, redo
    case refresh, exportWorkspace

    /// Whether the command changes the workspace (and so needs one that can be written).
    public var writes: Bool {
        switch self {
        case .attributeSpan, .acceptStatement, .rejectStatement, .setActor, .setStance, .setKind, .setSpan, .setDate,
             .setNote, .deleteStatement, .createActor, .renameActor, .mergeActors, .splitAlias, .undo, .redo:
            return true
        default:
            return false
        }
    }
}

/// One command: its verb-object name, what it does, where it applies and its default keys.
public struct CommandSpec: Sendable {
    public let id: CommandID
    public let name: String
    public let aliases: [String]
    public let help: String
    public let contexts: [CommandContext]
    public let keys: [Key]
    public let argument: CommandArgument
    /// A word or two for the status bar's key hints when its context has focus; nil: not hinted.
    public let hint: String?
}

/// The one table of commands (as tig's request table): the keymap, the help screen, the command
/// line's completion and the README's key-binding table all come from it.
public enum CommandTable {
    public static let all: [CommandSpec] = [
        spec(.quit, "quit", "Quit the workbench", [.global], [.char("q"), .ctrl("c")], hint: "quit"),
        spec(.focusNextPane, "focus-next-pane", "Move focus to the next pane", [.global], [.tab], hint: "pane"),
        spec(.focusPreviousPane, "focus-previous-pane", "Move focus to the previous pane", [.global], [.backTab]),
        spec(.focusArticlePane, "focus-article-pane", "Focus the article pane", [.global], [.char("1")]),
        spec(.focusActorsPane, "focus-actors-pane", "Focus the actors pane", [.global], [.char("2")]),
        spec(.focusTimelinePane, "focus-timeline-pane", "Focus the timeline pane", [.global], [.char("3")]),
        spec(.showHelp, "show-help", "Show the keys and commands", [.global], [.char("?")], hint: "help"),
        spec(.closeOverlay, "close-overlay", "Close this window", [.help, .picker],
             [.escape, .char("q"), .char("?")], hint: "close"),
        spec(.openCommandLine, "open-command-line", "Type a command by name (Tab completes)", [.global],
             [.char(":")]),
        spec(.openArticlePicker, "open-article-picker", "Choose an article of the corpus", [.global],
             [.char("o")], hint: "articles"),
        spec(.nextArticle, "next-article", "Open the next article (by date)", [.global], [.char(">")]),
        spec(.previousArticle, "previous-article", "Open the previous article (by date)", [.global], [.char("<")]),
        spec(.openSelectedArticle, "open-selected-article", "Open the chosen article", [.picker], [.enter],
             hint: "open"),
        spec(.scrollDown, "scroll-down", "Scroll down a line", [.article, .help], [.char("j"), .down]),
        spec(.scrollUp, "scroll-up", "Scroll up a line", [.article, .help], [.char("k"), .up]),
        spec(.scrollHalfPageDown, "scroll-half-page-down", "Scroll down half a page",
             [.article, .actors, .timeline, .help, .picker], [.ctrl("d")]),
        spec(.scrollHalfPageUp, "scroll-half-page-up", "Scroll up half a page",
             [.article, .actors, .timeline, .help, .picker], [.ctrl("u")]),
        spec(.scrollPageDown, "scroll-page-down", "Scroll down a page",
             [.article, .actors, .timeline, .help, .picker], [.pageDown, .char(" ")]),
        spec(.scrollPageUp, "scroll-page-up", "Scroll up a page",
             [.article, .actors, .timeline, .help, .picker], [.pageUp]),
        spec(.scrollToTop, "scroll-to-top", "Go to the top", [.article, .actors, .timeline, .help, .picker],
             [.char("g"), .home]),
        spec(.scrollToBottom, "scroll-to-bottom", "Go to the bottom", [.article, .actors, .timeline, .help, .picker],
             [.char("G"), .end]),
        spec(.moveDown, "move-down", "Move the cursor down (next actor)", [.actors, .timeline, .picker],
             [.char("j"), .down, .ctrl("n")]),
        spec(.moveUp, "move-up", "Move the cursor up (previous actor)", [.actors, .timeline, .picker],
             [.char("k"), .up, .ctrl("p")]),
        spec(.nextStatement, "next-statement", "Go to the next statement", [.article], [.char("]")], hint: "statement"),
        spec(.previousStatement, "previous-statement", "Go to the previous statement", [.article], [.char("[")]),
        spec(.searchForward, "search-forward", "Search the article (ignoring case)", [.article], [.char("/")],
             argument: .text("TEXT"), hint: "search"),
        // While a search is shown `n` goes to the next match (as in vim); otherwise it rejects.
        spec(.nextMatch, "next-match", "Go to the next search match", [.matches], [.char("n")], hint: "match"),
        spec(.previousMatch, "previous-match", "Go to the previous search match", [.matches], [.char("N")]),
        spec(.clearSearch, "clear-search", "Forget the search (n rejects again); back to the comparison a statement was opened from", [.matches, .article], [.escape]),
        spec(.cycleActorSort, "cycle-actor-sort", "Sort actors by prominence, name or position", [.actors],
             [.char("s")], hint: "sort"),
        spec(.filterActors, "filter-actors", "Filter actors by typing part of a name", [.actors],
             [.char("/"), .char("f")], argument: .text("TEXT"), hint: "filter"),
        spec(.clearActorFilter, "clear-actor-filter", "Show all actors again", [.actors], [.escape]),
        spec(.toggleCorpusActors, "toggle-corpus-actors", "Show this article's actors or the whole corpus'",
             [.actors], [.char("c")], hint: "corpus"),
        spec(.selectActor, "select-actor", "Select an actor by name", [.global], [], argument: .actor),
        spec(.showActorStatement, "show-actor-statement", "Show the selected actor's next statement",
             [.actors], [.enter], hint: "show"),
        spec(.nextEvent, "next-event", "Move to the next statement on the row", [.timeline],
             [.char("l"), .right], hint: "event"),
        spec(.previousEvent, "previous-event", "Move to the previous statement on the row", [.timeline],
             [.char("h"), .left]),
        spec(.timelineZoomIn, "timeline-zoom-in", "Show shorter periods (months, weeks, days)", [.timeline],
             [.char("+"), .char("=")], hint: "zoom"),
        spec(.timelineZoomOut, "timeline-zoom-out", "Show longer periods", [.timeline], [.char("-")]),
        spec(.openEventStatement, "open-event-statement", "Open the statement in its article", [.timeline],
             [.enter], hint: "open"),
        spec(.setTheme, "set-theme", "Switch to a theme by name", [.global], [], aliases: ["theme"],
             argument: .theme),
        spec(.compareActors, "compare-actors", "Compare the selected actor with another, side by side",
             [.actors], [.char("C")], aliases: ["compare"], argument: .actorPair, hint: "compare"),
        spec(.compareActorPeriods, "compare-actor-periods",
             "Compare an actor with themself: the earlier half of their days against the later",
             [.comparison, .actors], [.char("p")], argument: .actor),
        spec(.nextPickedActor, "next-picked-actor", "Move to the next actor in the list", [.actorPicker],
             [.down, .ctrl("n")]),
        spec(.previousPickedActor, "previous-picked-actor", "Move to the previous actor in the list", [.actorPicker],
             [.up, .ctrl("p")]),
        spec(.choosePickedActor, "choose-picked-actor", "Compare with the chosen actor", [.actorPicker], [.enter],
             hint: "compare"),
        spec(.closeComparison, "close-comparison", "Close the comparison (or the actor picker)",
             [.comparison, .actorPicker], [.escape, .char("q")], hint: "close"),
        spec(.returnToComparison, "return-to-comparison", "Go back to the comparison", [.global], [.backspace]),
        spec(.nextComparisonRow, "next-comparison-row", "Move to the next period of the comparison", [.comparison],
             [.char("j"), .down]),
        spec(.previousComparisonRow, "previous-comparison-row", "Move to the previous period", [.comparison],
             [.char("k"), .up]),
        spec(.switchComparisonSide, "switch-comparison-side", "Move the cursor to the other column", [.comparison],
             [.char("h"), .char("l"), .left, .right, .tab]),
        spec(.swapComparisonSides, "swap-comparison-sides", "Swap the left and right columns", [.comparison],
             [.char("s")], hint: "swap"),
        spec(.cycleComparisonBucket, "cycle-comparison-bucket", "Compare by day, week or month", [.comparison],
             [.char("b")], hint: "bucket"),
        spec(.earlierComparisonWindow, "earlier-comparison-window", "Show an earlier time window", [.comparison],
             [.char("["), .char("<")], hint: "window"),
        spec(.laterComparisonWindow, "later-comparison-window", "Show a later time window", [.comparison],
             [.char("]"), .char(">")]),
        spec(.showWholeComparison, "show-whole-comparison", "Show every date again (no window)", [.comparison],
             [.char("a")]),
        spec(.openComparedStatement, "open-compared-statement", "Open the statement in its article", [.comparison],
             [.enter], hint: "open"),
        spec(.toggleCorpusTimeline, "toggle-corpus-timeline",
             "Switch the timeline between statements and every actor's position per period",
             [.timeline, .corpusTimeline], [.char("C")], hint: "corpus"),
        spec(.nextTimelineLane, "next-timeline-lane", "Move to the next actor", [.corpusTimeline], [.char("j"), .down]),
        spec(.previousTimelineLane, "previous-timeline-lane", "Move to the previous actor", [.corpusTimeline],
             [.char("k"), .up]),
        spec(.nextTimelineBucket, "next-timeline-period", "Move to the next period", [.corpusTimeline],
             [.char("l"), .right]),
        spec(.previousTimelineBucket, "previous-timeline-period", "Move to the previous period", [.corpusTimeline],
             [.char("h"), .left]),
        spec(.finerTimelineBuckets, "timeline-finer-periods", "Show shorter periods (month, week, day)",
             [.corpusTimeline], [.char("+"), .char("=")], hint: "zoom"),
        spec(.coarserTimelineBuckets, "timeline-coarser-periods", "Show longer periods", [.corpusTimeline],
             [.char("-")]),
        spec(.toggleTimelineCounts, "toggle-timeline-counts", "Show or hide statement counts per period",
             [.corpusTimeline], [.char("c")], hint: "counts"),
        spec(.nextPositionChange, "next-position-change", "Go to the actor's next change of position",
             [.corpusTimeline], [.char("n")], hint: "change"),
        spec(.previousPositionChange, "previous-position-change", "Go to the actor's previous change of position",
             [.corpusTimeline], [.char("N")]),
        spec(.filterTimeline, "timeline-filter",
             "Filter the corpus timeline: kind person|organization|group, position NAME, outlet NAME",
             [.corpusTimeline], [], argument: .text("FIELD VALUE")),
        spec(.clearTimelineFilter, "clear-timeline-filter", "Show every actor, position and outlet again",
             [.corpusTimeline], [.escape]),
        spec(.openPeriodStatement, "open-period-statement",
             "Open the first statement of the actor's period in its article", [.corpusTimeline], [.enter],
             hint: "open"),
        spec(.showAgreement, "show-agreement", "Show who agrees and who disagrees with the selected actor (by week)",
             [.actors], [.char("A")], hint: "agree"),
        spec(.moveCharacterForward, "move-character-forward", "Move the cursor a character right", [.article],
             [.char("l"), .right]),
        spec(.moveCharacterBackward, "move-character-backward", "Move the cursor a character left", [.article],
             [.char("h"), .left]),
        spec(.moveWordForward, "move-word-forward", "Move the cursor to the next word", [.article], [.char("w")]),
        spec(.moveWordBackward, "move-word-backward", "Move the cursor to the previous word", [.article], [.char("b")]),
        spec(.moveWordEnd, "move-word-end", "Move the cursor to the end of the word", [.article], [.char("e")]),
        spec(.moveSentenceForward, "move-sentence-forward", "Move the cursor to the next sentence", [.article],
             [.char(")")]),
        spec(.moveSentenceBackward, "move-sentence-backward", "Move the cursor to the sentence's start", [.article],
             [.char("(")]),
        spec(.moveParagraphForward, "move-paragraph-forward", "Move the cursor to the next paragraph", [.article],
             [.char("}")]),
        spec(.moveParagraphBackward, "move-paragraph-backward", "Move the cursor to the paragraph's start",
             [.article], [.char("{")]),
        spec(.startSelection, "start-selection", "Select from the cursor; motions extend it",
             [.article], [.char("v")], hint: "select"),
        spec(.cancelSelection, "cancel-selection", "Forget the selection", [.selection], [.escape], hint: "cancel"),
        spec(.attributeSpan, "attribute-span", "Attribute the selected words: actor, kind, stance, date, note",
             [.selection], [.char("a")], hint: "attribute"),
        spec(.setSpan, "set-span", "Move the statement to the selected words", [.selection], [.char("S")],
             hint: "span"),
        spec(.acceptStatement, "accept-statement", "Accept the statement and go to the next", [.article],
             [.char("y")], hint: "accept"),
        spec(.rejectStatement, "reject-statement", "Reject the statement and go to the next", [.article],
             [.char("n")], hint: "reject"),
        spec(.setActor, "set-actor", "Attribute the statement to another actor", [.article], [.char("A")]),
        spec(.setStance, "set-stance", "Set the statement's stance", [.article], [.char("s")],
             argument: .text("STANCE")),
        spec(.setKind, "set-kind", "Set the statement's kind (direct, reported, description)", [.article],
             [.char("t")], argument: .text("KIND")),
        spec(.setDate, "set-date", "Set the statement's date (YYYY-MM-DD; empty clears)", [.article], [.char("D")],
             argument: .text("DATE")),
        spec(.setNote, "set-note", "Write a note on the statement (the reason)", [.article], [.char("c")],
             argument: .text("TEXT")),
        spec(.deleteStatement, "delete-statement", "Delete the statement", [.article], [.char("x")]),
        spec(.createActor, "create-actor", "Create an actor: name, kind, role", [.actors], [.char("N")],
             argument: .text("NAME")),
        spec(.renameActor, "rename-actor", "Rename the actor (the old name stays an alias)", [.actors], [.char("r")],
             argument: .text("NAME"), hint: "rename"),
        spec(.mergeActors, "merge-actors", "Merge another actor into this one (pick the one to absorb)", [.actors],
             [.char("m")], argument: .actor, hint: "merge"),
        spec(.splitAlias, "split-alias", "Make one of the actor's aliases an actor of its own", [.actors],
             [.char("S")], hint: "split"),
        spec(.undo, "undo", "Undo the last change (kept across restarts)", [.global], [.char("u")]),
        spec(.redo, "redo", "Redo the last undone change", [.global], [.ctrl("r")]),
        spec(.refresh, "refresh", "Read the workspace again (shows what another workbench saved)", [.global],
             [.ctrl("l")]),
        spec(.exportWorkspace, "export",
             "Write every article and statement as json, jsonl, csv, brat (a folder) or markdown", [.global], [],
             argument: .exportTarget),
    ]

    public static func spec(for id: CommandID) -> CommandSpec {
        all.first { $0.id == id }!
    }

    /// The command `key` runs in `context`; a pane's own binding wins over the global one, and
    /// overlays see only their own bindings.
    public static func command(for key: Key, in context: CommandContext) -> CommandID? {
        command(for: key, in: context == .help || context == .picker ? [context] : [context, .global])
    }

    /// The command `key` runs in the first of `contexts` (most specific first) that binds it.
    public static func command(for key: Key, in contexts: [CommandContext]) -> CommandID? {
        contexts.lazy.compactMap { table[KeyInContext(key: key, context: $0)] }.first
    }

    /// The command named `name` (or one of its aliases) on the command line.
    public static func command(named name: String) -> CommandSpec? {
        all.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// Every name the command line accepts, sorted.
    public static var commandNames: [String] {
        all.flatMap { [$0.name] + $0.aliases }.sorted()
    }

    /// The key bindings as a Markdown table, for the README.
    public static func markdownKeyBindings() -> String {
        var lines = ["| Command | Keys | Where | What it does |", "|---|---|---|---|"]
        for command in all {
            let keys = command.keys.map { "`\(escapeMarkdown(KeyNames.name(of: $0)))`" }.joined(separator: ", ")
            let name = command.argument == .none ? command.name : "\(command.name) \(argumentName(command.argument))"
            let aliases = command.aliases.isEmpty ? "" : " (also `:\(command.aliases.joined(separator: "`, `:"))`)"
            lines.append("| `\(name)`\(aliases) | \(keys.isEmpty ? "`:` only" : keys) | "
                + command.contexts.map(\.title).joined(separator: ", ") + " | \(command.help) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func argumentName(_ argument: CommandArgument) -> String {
        switch argument {
        case .none: return ""
        case .theme: return "NAME"
        case .actor: return "ACTOR"
        case .actorPair: return "ACTOR ACTOR"
        case .exportTarget: return "FORMAT PATH"
        case .text(let name): return name
        }
    }

    /// Names of `command`'s keys for the help screen and status bar ("j/Down").
    static func keyNames(_ command: CommandSpec) -> String {
        command.keys.map { KeyNames.name(of: $0) }.joined(separator: "/")
    }

    private struct KeyInContext: Hashable {
        var key: Key
        var context: CommandContext
    }

    private static let table: [KeyInContext: CommandID] = {
        var table: [KeyInContext: CommandID] = [:]
        for command in all {
            for context in command.contexts {
                for key in command.keys where table[KeyInContext(key: key, context: context)] == nil {
                    table[KeyInContext(key: key, context: context)] = command.id
                }
            }
        }
        return table
    }()

    private static func escapeMarkdown(_ text: String) -> String {
        text == "|" ? "\\|" : text
    }

    private static func spec(_ id: CommandID, _ name: String, _ help: String, _ contexts: [CommandContext],
                             _ keys: [Key], aliases: [String] = [], argument: CommandArgument = .none,
                             hint: String? = nil) -> CommandSpec {
        CommandSpec(id: id, name: name, aliases: aliases, help: help, contexts: contexts, keys: keys,
                    argument: argument, hint: hint)
    }
}
