@testable import StanceApp
import StanceKit
import Terminal
import Testing

@Suite struct WorkbenchTests {
    let size = Size(width: 100, height: 30)

    @Test func tabAndShiftTabCycleFocusAndTheFocusedBorderIsHeavy() {
        let runtime = Fixtures.runtime(size)
        #expect(runtime.state.focus == .article)
        #expect(runtime.screen.lines[1].hasPrefix("┏━ Article"))
        runtime.press(.tab)
        #expect(runtime.state.focus == .actors)
        #expect(runtime.screen.lines[1].hasPrefix("┌─ Article"))
        #expect(runtime.screen.lines[1].contains("┏━ Actors"))
        runtime.press(.tab)
        #expect(runtime.state.focus == .timeline)
        runtime.press(.tab)
        #expect(runtime.state.focus == .article)
        runtime.press(.backTab)
        #expect(runtime.state.focus == .timeline)
        let border = runtime.screen[0, runtime.state.layout.panes[.timeline]!.y]
        #expect(border.style.slot == .paneBorderFocused)
    }

    @Test func helpComesFromTheCommandTableAndClosesWithoutQuitting() {
        let runtime = Fixtures.runtime(size)
        runtime.press(.char("?"))
        guard case .help = runtime.state.overlay else {
            Issue.record("no help overlay")
            return
        }
        let text = runtime.screen.lines.joined(separator: "\n")
        #expect(text.contains("next-statement"))
        #expect(text.contains("Go to the next statement"))
        runtime.press(.ctrl("d"))
        #expect(runtime.state.overlay == .help(scroll: HelpOverlay.bodyHeight(size: size) / 2))
        runtime.press(.char("q"))
        #expect(runtime.state.overlay == nil)
        #expect(!runtime.hasQuit)
        runtime.press(.char("q"))
        #expect(runtime.hasQuit)
    }

    @Test func helpListsEveryCommand() {
        let text = CommandContext.allCases.flatMap { HelpOverlay.lines(first: $0) }.map(\.text).joined(separator: "\n")
        for command in CommandTable.all { #expect(text.contains(command.name), "\(command.name)") }
    }

    @Test func commandLineCompletesCommandNames() {
        let runtime = Fixtures.runtime(size)
        runtime.type(":next-st")
        runtime.press(.tab)
        #expect(runtime.state.mode == .commandLine(CommandLineState(input: LineInput("next-statement"))))
        runtime.type(":")   // typed into the line; Enter then rejects it
        runtime.press(.ctrl("w"))
        runtime.type("next-statement")
        runtime.press(.enter)
        #expect(runtime.state.mode == .normal)
        #expect(runtime.state.article.currentStatement == 0)
    }

    @Test func commandLineCompletesCommonPrefixThenCycles() {
        let runtime = Fixtures.runtime(size)
        runtime.type(":scroll-p")
        runtime.press(.tab)
        guard case .commandLine(let line) = runtime.state.mode else {
            Issue.record("command line closed")
            return
        }
        #expect(line.input.text == "scroll-page-")
        #expect(line.completions == ["scroll-page-down", "scroll-page-up"])
        runtime.press(.tab)
        #expect(runtime.state.mode == .commandLine(CommandLineState(
            input: LineInput("scroll-page-down"), completions: ["scroll-page-down", "scroll-page-up"],
            completionIndex: 0, completionPrefix: "")))
        runtime.press(.tab)
        guard case .commandLine(let cycled) = runtime.state.mode else { return }
        #expect(cycled.input.text == "scroll-page-up")
    }

    @Test func commandLineCompletesThemeAndActorNames() {
        let runtime = Fixtures.runtime(size)
        runtime.type(":the")
        runtime.press(.tab)
        runtime.type("du")
        runtime.press(.tab)
        guard case .commandLine(let line) = runtime.state.mode else {
            Issue.record("command line closed")
            return
        }
        #expect(line.input.text == "theme dusk")
        runtime.press(.enter)
        #expect(runtime.state.themeName == "dusk")
        #expect(runtime.screen.lines[0].contains("theme dusk"))

        runtime.type(":select-actor jo")
        runtime.press(.tab)
        guard case .commandLine(let actorLine) = runtime.state.mode else { return }
        #expect(actorLine.input.text == "select-actor Jonas Weber")
        runtime.press(.enter)
        #expect(runtime.state.selectedActor == "jonas weber")
        #expect(runtime.state.timeline.model.rows[runtime.state.timeline.row].label == "Jonas Weber")
    }

    @Test func commandLineReportsMistakes() {
        let runtime = Fixtures.runtime(size)
        runtime.type(":frobnicate")
        runtime.press(.enter)
        #expect(runtime.state.message == StatusMessage(text: "Unknown command: frobnicate", isError: true))
        runtime.type(":theme neon")
        runtime.press(.enter)
        #expect(runtime.state.message == StatusMessage(text: "No theme named neon", isError: true))
        #expect(runtime.state.themeName == "default")
        runtime.type(":quit now")
        runtime.press(.enter)
        #expect(!runtime.hasQuit)
        runtime.type(":quit")
        runtime.press(.enter)
        #expect(runtime.hasQuit)
    }

    @Test func pickerFiltersByMetadataAndTextAndOpens() {
        let runtime = Fixtures.runtime(size)
        runtime.press(.char("o"))
        runtime.type("courier")
        guard case .articlePicker(let picker) = runtime.state.overlay else {
            Issue.record("no picker")
            return
        }
        #expect(picker.rows.map(\.id) == ["courier-2026-03-16.txt"])
        runtime.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        runtime.type("railings")   // only in the text of the third article
        guard case .articlePicker(let byText) = runtime.state.overlay else { return }
        #expect(byText.rows.map(\.id) == ["gazette-2026-04-06.txt"])
        runtime.press(.enter)
        #expect(runtime.state.overlay == nil)
        #expect(runtime.state.currentArticle?.summary.id == "gazette-2026-04-06.txt")
    }

    @Test func nextAndPreviousArticleFollowDates() {
        let runtime = Fixtures.runtime(size)
        #expect(runtime.state.currentArticle?.summary.id == "gazette-2026-03-02.txt")
        runtime.press(.char(">"))
        #expect(runtime.state.currentArticle?.summary.id == "courier-2026-03-16.txt")
        runtime.press(.char(">"), .char(">"))
        #expect(runtime.state.currentArticle?.summary.id == "gazette-2026-04-06.txt")
        #expect(runtime.state.message?.text == "This is the last article")
        runtime.press(.char("<"))
        #expect(runtime.state.currentArticle?.summary.id == "courier-2026-03-16.txt")
    }

    @Test func resizeMovesBetweenLayoutsAndRedraws() {
        let runtime = Fixtures.runtime(Size(width: 160, height: 48))
        #expect(runtime.state.layout.kind == .full)
        var screen = runtime.resize(to: Size(width: 90, height: 26))
        #expect(runtime.state.layout.kind == .compact)
        #expect(screen.size == Size(width: 90, height: 26))
        #expect(screen.lines.contains { $0.contains("Timeline") } && screen.lines.contains { $0.contains("Actors") })
        screen = runtime.resize(to: Size(width: 50, height: 15))
        #expect(runtime.state.layout.kind == .single)
        #expect(screen.lines[0].contains("[1 Article]"))
        screen = runtime.resize(to: Size(width: 39, height: 15))
        #expect(screen.lines.contains { $0.contains("Terminal too small") })
        runtime.press(.char("j"))   // ignored while too small
        screen = runtime.resize(to: Size(width: 120, height: 40))
        #expect(runtime.state.layout.kind == .full)
        #expect(screen.lines.last!.contains("NORMAL"))
        #expect(runtime.state.article.layout?.width == runtime.state.layout.articleTextWidth)
    }

    @Test func layoutsKeepTheirPromises() {
        for (width, height) in [(100, 30), (160, 48), (200, 60), (80, 24), (99, 29)] {
            let layout = WorkbenchLayout(size: Size(width: width, height: height), focus: .article)
            let article = layout.panes[.article]!, actors = layout.panes[.actors]!, timeline = layout.panes[.timeline]!
            #expect(article.width * 2 >= width, "article at least half the width at \(width)x\(height)")
            #expect(article.maxX == actors.x && actors.maxX == width)
            #expect(timeline.width == width && timeline.maxY == height - 1)
            if width >= 100 && height >= 30 { #expect(timeline.height >= 8) } else { #expect(timeline.height >= 6) }
        }
    }

    @Test func unknownKeysSayHowToGetHelp() {
        let runtime = Fixtures.runtime(size)
        runtime.press(.char("Z"))
        #expect(runtime.state.message?.text == "Z does nothing here (? for help)")
        runtime.press(.char("j"))
        #expect(runtime.state.message == nil)
    }
}

@Suite struct CommandTableTests {
    @Test func markdownTableListsEveryCommandWithItsKeys() {
        let table = CommandTable.markdownKeyBindings()
        let rows = table.split(separator: "\n").dropFirst(2)
        #expect(rows.count == CommandTable.all.count)
        for command in CommandTable.all {
            let row = rows.first { $0.hasPrefix("| `\(command.name)") }
            #expect(row != nil, "\(command.name) missing")
            for key in command.keys {
                let name = KeyNames.name(of: key)
                #expect(row?.contains("`\(name == "|" ? "\\|" : name)`") == true, "\(command.name): \(name)")
            }
        }
        #expect(table.contains("| `set-theme NAME` (also `:theme`) | `:` only |"))
    }

    @Test func everyCommandIsDeclaredOnceAndNoKeyIsBoundTwiceInAContext() {
        #expect(Set(CommandTable.all.map(\.id)).count == CommandID.allCases.count)
        #expect(CommandTable.all.count == CommandID.allCases.count)
        #expect(Set(CommandTable.commandNames).count == CommandTable.commandNames.count)
        for context in CommandContext.allCases {
            var seen: [Key: String] = [:]
            for command in CommandTable.all where command.contexts.contains(context) {
                for key in command.keys {
                    #expect(seen[key] == nil, "\(KeyNames.name(of: key)) bound to \(seen[key] ?? "") and \(command.name) in \(context)")
                    seen[key] = command.name
                }
            }
        }
    }

    @Test func paneBindingsWinOverGlobalOnesAndOverlaysAreClosed() {
        #expect(CommandTable.command(for: .char("/"), in: .article) == .searchForward)
        #expect(CommandTable.command(for: .char("/"), in: .actors) == .filterActors)
        #expect(CommandTable.command(for: .char("q"), in: .article) == .quit)
        #expect(CommandTable.command(for: .char("q"), in: .help) == .closeOverlay)
        #expect(CommandTable.command(for: .tab, in: .picker) == nil)
    }

    @Test func keyNamesRoundTrip() {
        for command in CommandTable.all {
            for key in command.keys { #expect(KeyNames.key(named: KeyNames.name(of: key)) == key) }
        }
        #expect(KeyNames.key(named: "ctrl-d") == .ctrl("d"))
        #expect(KeyNames.key(named: "F5") == .function(5))
        #expect(KeyNames.key(named: "Bogus") == nil)
    }
}
