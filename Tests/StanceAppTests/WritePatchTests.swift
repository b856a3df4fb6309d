import Foundation
@testable import StanceApp
import StanceKit
import Terminal
import Testing

/// A write reads again only the actors it touched, and the corpus panes come out as a full read
/// would make them; the timeline reads the statements of the rows it shows; and a workbench reads
/// again by itself when another connection saved to its file.
@Suite(.serialized) struct WritePatchTests {
    let size = Size(width: 100, height: 30)

    /// What the corpus panes show, comparable between a patched workbench and a fresh one.
    struct CorpusView: Equatable {
        var actors: [CorpusActor]
        var rows: [String]
        var eventCounts: [Int]
        var dateRange: ClosedRange<Day>?
        var readEvents: [[StatementRef]]

        init(_ state: AppState) {
            actors = state.corpus.actors
            let model = state.timeline.model
            rows = model.rows.map { "\($0.id) \($0.label)" }
            eventCounts = model.eventCounts
            dateRange = model.dateRange
            readEvents = model.rows.indices.filter(model.isRead).map { model.rows[$0].events.map(\.id) }
        }
    }

    /// The state of a workbench started afresh on `store`: what a full read shows.
    static func fullRead(_ store: any WorkbenchStore, size: Size) -> AppState {
        Fixtures.runtime(size, store: store).state
    }

    @Test func eachWriteReadsOnlyItsActorsAndShowsWhatAFullReadShows() throws {
        let workspace = try Workspace.inMemory()
        for analysis in [Fixtures.costsRise, Fixtures.councilVotes, Fixtures.councilSplit] {
            _ = try workspace.addArticle(analysis, frameID: Fixtures.frame.id)
        }
        let store = WorkspaceWorkbenchStore(workspace: workspace, frame: Fixtures.frame, annotator: "tester")
        let runtime = Fixtures.runtime(size, store: store)
        let lena = try #require(runtime.state.corpus.actors.first { $0.name == "Lena Brandt" })
        let steps: [(String, () -> Void)] = [
            ("accept", { runtime.press(.char("]"), .char("y")) }),
            ("set-stance", { runtime.command("set-stance replace") }),
            ("set-actor", { runtime.press(.char("A")); runtime.type("tomas"); runtime.press(.enter) }),
            ("create-actor", { runtime.command("create-actor Ada Brook") }),
            ("rename-actor", { runtime.command("select-actor Lena Brandt"); runtime.press(.char("2"))
                runtime.command("rename-actor Lena Brandt-Okafor") }),
            ("undo", { runtime.press(.char("u")) }),
            ("undo", { runtime.press(.char("u")) }),
            ("redo", { runtime.press(.ctrl("r")) }),
            ("reject", { runtime.press(.char("1"), .char("]"), .char("n")) }),
        ]
        for (name, step) in steps {
            step()
            #expect(runtime.state.message?.text.hasPrefix("Saved") == true, "\(name): \(runtime.state.message?.text ?? "")")
            #expect(CorpusView(runtime.state) == CorpusView(Self.fullRead(store, size: size)), "\(name)")
        }
        #expect(runtime.state.corpus.actors.contains { $0.id == lena.id })
    }

    @Test func aSavedChangeAsksForItsActorsNotTheCorpus() {
        var state = Fixtures.runtime(size).state
        let effects = update(&state, .saved(SavedChange(description: "accepted", touchedActors: ["7", "9"]), show: nil))
        #expect(effects.contains(.patchCorpus(actors: ["7", "9"])))
        #expect(!effects.contains(.loadCorpus))
        // A store that cannot tell what a write touched has the whole corpus read again.
        let unknown = update(&state, .saved(SavedChange(description: "accepted"), show: nil))
        #expect(unknown.contains(.loadCorpus))
    }

    @Test func theTimelineReadsTheRowsItShowsAndMovingReadsMore() throws {
        // Four rows fit in the timeline pane here: the rows shown are read before the second frame,
        // a screenful below after it.
        let store = StartupTests.RecordingStore(Fixtures.store)
        let runtime = Fixtures.runtime(Size(width: 80, height: 24), store: store)
        let model = runtime.state.timeline.model
        #expect(model.rows.indices.allSatisfy(model.isRead))
        #expect(store.log.filter { $0 == "timeline rows" }.count == 2)
        // Nothing more to read while the rows stay the same.
        runtime.press(.char("3"), .char("j"), .char("k"))
        #expect(store.log.filter { $0 == "timeline rows" }.count == 2)
        // A row not read yet is read before the frame, and the cursor finds its event then.
        var state = runtime.state
        state.timeline.model = TimelineModel(state.corpus)
        #expect(state.timelineRowsToRead(pagesAround: 1) != nil)
        #expect(TimelineModel(state.corpus).unreadActors(in: 0..<100).count == model.rows.count)
    }

    @Test func anotherWorkbenchsSaveIsReadWhenIdle() throws {
        let folder = try WorkspaceReliabilityTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("workspace.sqlite").path
        try WorkspaceReliabilityTests.workspaceFile(at: path)
        let mine = try WorkspaceReliabilityTests.runtime(size, path: path, annotator: "ana")
        let other = try WorkspaceReliabilityTests.runtime(size, path: path, annotator: "ben")
        #expect(!mine.rereadIfChangedElsewhere())

        WorkspaceReliabilityTests.command("create-actor Zyx Quorum", other)
        #expect(other.state.message?.text == "Saved: actor Zyx Quorum created")
        #expect(!mine.state.corpus.actors.contains { $0.name == "Zyx Quorum" })
        #expect(mine.rereadIfChangedElsewhere())
        #expect(mine.state.corpus.actors.contains { $0.name == "Zyx Quorum" })
        #expect(!mine.rereadIfChangedElsewhere())

        // Its own saves are on screen already: they do not count as another's.
        WorkspaceReliabilityTests.command("create-actor Ada Brook", mine)
        #expect(mine.state.message?.text == "Saved: actor Ada Brook created")
        #expect(!mine.rereadIfChangedElsewhere())
        #expect(other.rereadIfChangedElsewhere())
        #expect(other.state.corpus.actors.contains { $0.name == "Ada Brook" })
    }
}
