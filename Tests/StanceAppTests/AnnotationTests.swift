@testable import StanceApp
import StanceKit
import Terminal
import Testing

/// Annotation in the workbench against a real (in-memory) workspace: keys go in, and the
/// workspace's content is checked afterwards.
@Suite struct AnnotationTests {
    let size = Size(width: 100, height: 30)

    /// A workspace holding the fixtures' three articles, and a started workbench over it.
    static func annotating(_ size: Size) throws -> (WorkbenchRuntime<TestBackend>, Workspace) {
        let workspace = try Workspace.inMemory()
        for analysis in [Fixtures.councilSplit, Fixtures.costsRise, Fixtures.councilVotes] {
            _ = try workspace.addArticle(analysis, frameID: Fixtures.frame.id)
        }
        let store = WorkspaceWorkbenchStore(workspace: workspace, frame: Fixtures.frame, annotator: "tester")
        return (Fixtures.runtime(size, store: store), workspace)
    }

    /// The open article's statements as the workspace holds them now.
    static func statements(_ runtime: WorkbenchRuntime<TestBackend>, _ workspace: Workspace) throws -> [WorkspaceStatement] {
        let id = try #require(runtime.state.currentArticle.flatMap { Int64($0.summary.id) })
        return try workspace.article(id).statements
    }

    static func text(under cursor: Int?, _ runtime: WorkbenchRuntime<TestBackend>, count: Int = 8) -> String {
        guard let prepared = runtime.state.article.prepared, let cursor else { return "" }
        return String(prepared.characters[cursor..<min(prepared.characters.count, cursor + count)])
    }

    /// Puts the cursor on the first character of the paragraph starting with `start`.
    static func cursor(to start: String, _ runtime: WorkbenchRuntime<TestBackend>) {
        runtime.press(.char("w"))
        for _ in 0..<20 where !text(under: runtime.state.article.cursor, runtime, count: start.count).hasPrefix(start) {
            runtime.press(.char("}"))
        }
    }

    // MARK: Motions

    @Test func wordSentenceAndParagraphMotions() throws {
        let (runtime, _) = try Self.annotating(size)
        Self.cursor(to: "RIVERTON", runtime)
        #expect(Self.text(under: runtime.state.article.cursor, runtime).hasPrefix("RIVERTON"))
        runtime.press(.char("w"))
        #expect(Self.text(under: runtime.state.article.cursor, runtime, count: 1) == "—")
        runtime.press(.char("w"))
        #expect(Self.text(under: runtime.state.article.cursor, runtime, count: 3) == "The")
        runtime.press(.char("e"))
        #expect(Self.text(under: runtime.state.article.cursor, runtime, count: 1) == "e")
        runtime.press(.char("b"))
        #expect(Self.text(under: runtime.state.article.cursor, runtime, count: 3) == "The")
        runtime.press(.char("}"))
        #expect(Self.text(under: runtime.state.article.cursor, runtime, count: 7) == "“We can")
        // “Ms.” ends no sentence: the next one starts at the second quote.
        runtime.press(.char(")"))
        #expect(Self.text(under: runtime.state.article.cursor, runtime, count: 8) == "“A repai")
        runtime.press(.char("("))
        #expect(Self.text(under: runtime.state.article.cursor, runtime, count: 7) == "“We can")
        runtime.press(.char("{"))
        #expect(Self.text(under: runtime.state.article.cursor, runtime, count: 8) == "RIVERTON")
    }

    @Test func theCursorAndSelectionAreDrawnWithTheirSlots() throws {
        let (runtime, _) = try Self.annotating(size)
        Self.cursor(to: "RIVERTON", runtime)
        runtime.press(.char("v"), .char("e"))
        #expect(runtime.state.article.selection != nil)
        let screen = runtime.screen
        var slots: [Slot: Int] = [:]
        let pane = try #require(runtime.state.layout.panes[.article])
        for y in pane.y..<pane.maxY { for x in pane.x..<pane.maxX { slots[screen[x, y].style.slot, default: 0] += 1 } }
        #expect(slots[.cursor] == 1)
        #expect(slots[.selection] == 7)  // "RIVERTON" less the cursor's cell
        #expect(screen.lines.last!.contains("SELECT"))
        runtime.press(.escape)
        #expect(runtime.state.article.selection == nil)
        #expect(runtime.state.article.cursor != nil)
    }

    // MARK: Attributing a span

    @Test func attributesASelectionThroughThePopups() throws {
        let (runtime, workspace) = try Self.annotating(size)
        let before = try Self.statements(runtime, workspace).count
        Self.cursor(to: "RIVERTON", runtime)
        runtime.press(.char("v"), .char("e"), .char("a"))
        guard case .chooseActor = runtime.state.annotation?.step else {
            Issue.record("no actor picker")
            return
        }
        runtime.type("nai")
        guard case .chooseActor(let choice) = runtime.state.annotation?.step else { return }
        #expect(choice.rows.map(\.name) == ["Priya Nair"])
        runtime.press(.enter)
        #expect(runtime.state.annotation?.step == .chooseKind)
        runtime.press(.char("s"))
        #expect(runtime.state.annotation?.step == .chooseStance)
        runtime.press(.char("p"))
        runtime.type("2026-03-03")
        runtime.press(.enter)
        runtime.type("opens the report")
        runtime.press(.enter)
        #expect(runtime.state.annotation == nil)
        #expect(runtime.screen.lines.last!.contains("Saved: statement by Priya Nair, replace"))
        let statements = try Self.statements(runtime, workspace)
        #expect(statements.count == before + 1)
        let added = try #require(statements.first { $0.statement.text == "RIVERTON" })
        #expect(added.statement.stance == "replace")
        #expect(added.statement.kind == .description)
        #expect(added.statement.date == Day(iso: "2026-03-03"))
        #expect(added.note == "opens the report")
        #expect(added.annotator == "tester")
        let nair = try #require(try workspace.actors().first { $0.name == "Priya Nair" })
        #expect(added.actorID == nair.id)
        // The new statement is current, and the selection is gone.
        #expect(runtime.state.article.selection == nil)
        #expect(runtime.state.article.currentStatement.flatMap { runtime.state.article.prepared?.statements[$0].id }
            == String(added.id))

        runtime.press(.char("u"))
        #expect(runtime.screen.lines.last!.contains("Saved: undid attribute-span"))
        #expect(try Self.statements(runtime, workspace).count == before)
        runtime.press(.ctrl("r"))
        #expect(try Self.statements(runtime, workspace).contains { $0.statement.text == "RIVERTON" })
    }

    @Test func createsANewActorOnTheWay() throws {
        let (runtime, workspace) = try Self.annotating(size)
        Self.cursor(to: "RIVERTON", runtime)
        runtime.press(.char("v"), .char("e"), .char("a"))
        runtime.type("Ada Quill")
        guard case .chooseActor(let choice) = runtime.state.annotation?.step else { return }
        #expect(choice.rows.isEmpty && choice.rowCount == 1)
        runtime.press(.enter)
        #expect(runtime.state.annotation?.step == .newActorName(LineInput("Ada Quill")))
        runtime.press(.enter)
        runtime.press(.char("g"))
        runtime.type("residents' group")
        runtime.press(.enter)
        runtime.press(.char("d"), .char("r"), .enter, .enter)
        let actor = try #require(try workspace.actors().first { $0.name == "Ada Quill" })
        #expect(actor.kind == .group)
        #expect(actor.role == "residents' group")
        let added = try #require(try Self.statements(runtime, workspace).first { $0.statement.text == "RIVERTON" })
        #expect(added.actorID == actor.id)
        #expect(added.statement.stance == "repair")
        #expect(added.statement.date == nil)
    }

    @Test func attributingWithoutASelectionSaysHowToMakeOne() throws {
        let (runtime, _) = try Self.annotating(size)
        runtime.press(.char("a"))
        #expect(runtime.state.annotation == nil)
        #expect(runtime.screen.lines.last!.contains("a (attribute-span) works on a selection: v starts one"))
    }

    @Test func escapeGoesBackAStepKeepingWhatWasTypedAndSavesNothing() throws {
        let (runtime, workspace) = try Self.annotating(size)
        let before = try Self.statements(runtime, workspace)
        Self.cursor(to: "RIVERTON", runtime)
        runtime.press(.char("v"), .char("e"), .char("a"))
        runtime.type("rey")
        runtime.press(.enter)
        #expect(runtime.state.annotation?.step == .chooseKind)
        runtime.press(.escape)
        guard case .chooseActor(let choice) = runtime.state.annotation?.step else {
            Issue.record("not back at the actor picker")
            return
        }
        #expect(choice.filter.text == "rey")
        runtime.press(.escape)
        #expect(runtime.state.annotation == nil)
        #expect(runtime.state.article.selection != nil)
        #expect(try Self.statements(runtime, workspace) == before)
    }

    // MARK: Existing statements

    @Test func acceptAndRejectMoveOnAndRejectedStaysVisible() throws {
        let (runtime, workspace) = try Self.annotating(size)
        runtime.press(.char("]"), .char("]"))
        let second = try #require(runtime.state.article.prepared?.statements[1].id)
        runtime.press(.char("y"))
        #expect(runtime.screen.lines.last!.contains("Saved: accepted"))
        var statements = try Self.statements(runtime, workspace)
        #expect(statements.first { String($0.id) == second }?.statement.status == .accepted)
        #expect(runtime.state.article.currentStatement == 2)
        let third = try #require(runtime.state.article.prepared?.statements[2].id)
        runtime.press(.char("n"))
        statements = try Self.statements(runtime, workspace)
        #expect(statements.first { String($0.id) == third }?.statement.status == .rejected)
        #expect(runtime.state.article.currentStatement == 3)
        let rejected = try #require(runtime.state.article.prepared?.statements.first { $0.id == third })
        #expect(rejected.status == .rejected)
        #expect(runtime.screen.lines.contains { $0.contains(StatusMark.rejectedGlyph) })
    }

    @Test func nIsNextMatchWhileASearchIsShownAndRejectsAfterEscape() throws {
        let (runtime, workspace) = try Self.annotating(size)
        runtime.press(.char("/"))
        runtime.type("bridge")
        runtime.press(.enter)
        runtime.press(.char("n"))
        #expect(runtime.state.article.search?.current == 1)
        #expect(try Self.statements(runtime, workspace).allSatisfy { $0.statement.status != .rejected })
        runtime.press(.escape, .char("]"), .char("n"))
        #expect(try Self.statements(runtime, workspace).contains { $0.statement.status == .rejected })
    }

    @Test func changesStanceKindDateNoteActorAndSpan() throws {
        let (runtime, workspace) = try Self.annotating(size)
        runtime.press(.char("]"))
        let id = try #require(runtime.state.article.prepared?.statements[0].id)
        func current() throws -> WorkspaceStatement { try #require(try Self.statements(runtime, workspace).first { String($0.id) == id }) }
        runtime.press(.char("s"))
        #expect(runtime.state.annotation?.step == .chooseStance)
        runtime.press(.char("m"))
        #expect(try current().statement.stance == Frame.mixed)
        runtime.press(.char("t"), .char("r"))
        #expect(try current().statement.kind == .reported)
        runtime.press(.char("D"), .ctrl("u"))
        runtime.type("2026-02-28")
        runtime.press(.enter)
        #expect(try current().statement.date == Day(iso: "2026-02-28"))
        runtime.press(.char("D"), .ctrl("u"))
        runtime.type("soon")
        runtime.press(.enter)
        #expect(runtime.state.annotation != nil)
        #expect(runtime.screen.lines.last!.contains("Not a date"))
        runtime.press(.escape)
        runtime.press(.char("c"))
        runtime.type("quoted twice")
        runtime.press(.enter)
        #expect(try current().note == "quoted twice")
        runtime.press(.char("A"))
        runtime.type("tomas")
        runtime.press(.enter)
        let reyes = try #require(try workspace.actors().first { $0.name == "Tomas Reyes" })
        #expect(try current().actorID == reyes.id)
        // The span: select the first three words of the statement and move it there.
        runtime.press(.char("v"), .char("e"), .char("w"), .char("e"), .char("w"), .char("e"), .char("S"))
        #expect(try current().statement.text == "We can save")
        #expect(try current().statement.status == .edited)
        runtime.press(.char("x"))
        #expect(try Self.statements(runtime, workspace).allSatisfy { String($0.id) != id })
        runtime.press(.char("u"))
        #expect(try Self.statements(runtime, workspace).contains { String($0.id) == id })
    }

    @Test func commandLineArgumentsSkipThePopups() throws {
        let (runtime, workspace) = try Self.annotating(size)
        runtime.press(.char("]"))
        let id = try #require(runtime.state.article.prepared?.statements[0].id)
        runtime.type(":set-stance replace")
        runtime.press(.enter)
        runtime.type(":set-date 2026-01-05")
        runtime.press(.enter)
        let statement = try #require(try Self.statements(runtime, workspace).first { String($0.id) == id })
        #expect(statement.statement.stance == "replace")
        #expect(statement.statement.date == Day(iso: "2026-01-05"))
    }

    // MARK: Actors

    @Test func renamesMergesAndSplitsActors() throws {
        let (runtime, workspace) = try Self.annotating(size)
        runtime.press(.char("2"), .char("c"))
        let names = { try workspace.actors().map(\.name) }
        let reyesRow = try #require(runtime.state.actors.rows.firstIndex { $0.name == "Tomas Reyes" })
        runtime.press(.char("g"))
        for _ in 0..<reyesRow { runtime.press(.char("j")) }
        runtime.press(.char("r"), .ctrl("u"))
        runtime.type("Tomás Reyes")
        runtime.press(.enter)
        #expect(try names().contains("Tomás Reyes"))
        #expect(try !names().contains("Tomas Reyes"))

        runtime.press(.char("m"))
        runtime.type("jonas")
        runtime.press(.enter)
        #expect(try !names().contains("Jonas Weber"))
        let merged = try #require(try workspace.actors().first { $0.name == "Tomás Reyes" })
        #expect(merged.aliases.contains("Jonas Weber"))

        runtime.press(.char("S"))
        guard case .chooseAlias(let aliases, _) = runtime.state.annotation?.step else {
            Issue.record("no alias list")
            return
        }
        for _ in 0..<(aliases.firstIndex(of: "Jonas Weber") ?? 0) { runtime.press(.down) }
        runtime.press(.enter)
        #expect(try names().contains("Jonas Weber"))
    }

    // MARK: Read-only

    @Test func theInMemoryCorpusSaysItIsReadOnly() {
        let runtime = Fixtures.runtime(size)
        runtime.press(.char("]"), .char("y"))
        #expect(runtime.screen.lines.last!.contains("open a workspace to annotate"))
        #expect(runtime.screen.lines.last!.contains("read-only"))
        runtime.press(.char("u"))
        #expect(runtime.screen.lines.last!.contains("open a workspace to annotate"))
    }

    // MARK: Screens

    @Test func popupScreens() throws {
        let (runtime, _) = try Self.annotating(size)
        Self.cursor(to: "RIVERTON", runtime)
        runtime.press(.char("v"), .char("e"), .char("a"))
        ScreenExpectation.check(runtime.screen, named: "annotate-actor-picker-100x30")
        runtime.type("ada")
        ScreenExpectation.check(runtime.screen, named: "annotate-actor-typeahead-100x30")
        runtime.press(.escape, .char("a"))
        runtime.type("nair")
        runtime.press(.enter)
        ScreenExpectation.check(runtime.screen, named: "annotate-kind-100x30")
        runtime.press(.char("d"))
        ScreenExpectation.check(runtime.screen, named: "annotate-stance-100x30")
        runtime.press(.char("r"))
        ScreenExpectation.check(runtime.screen, named: "annotate-date-100x30")
        runtime.press(.enter, .enter)
        ScreenExpectation.check(runtime.screen, named: "annotate-saved-100x30")
    }
}
