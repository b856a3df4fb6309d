import Foundation
import Testing
@testable import StanceKit

/// Each annotation operation, its undo and its redo. `state` captures everything a person can
/// see, so "undo restores" means exactly the state before.
@Suite struct WorkspaceAnnotationTests {
    struct State: Equatable {
        var articles: [ArticleDetail]
        var actors: [ActorSummary]
    }

    static func state(_ workspace: Workspace) throws -> State {
        State(articles: try workspace.allArticles(), actors: try workspace.actors())
    }

    static func statement(_ workspace: Workspace, _ text: String) throws -> WorkspaceStatement {
        try #require(try workspace.allArticles().flatMap(\.statements).first { $0.statement.text == text })
    }

    static func actor(_ workspace: Workspace, _ name: String) throws -> ActorSummary {
        try #require(try workspace.actors().first { $0.name == name })
    }

    /// Applies `operation`, checks it changed the state as `check` expects, then that undo brings
    /// back the state before and redo the state after.
    static func roundTrip(_ workspace: Workspace, _ operation: () throws -> WorkspaceChange,
                          check: (WorkspaceChange) throws -> Void) throws {
        let before = try state(workspace)
        let change = try operation()
        #expect(change.direction == .applied)
        #expect(change.sequence > 0)
        try check(change)
        let after = try state(workspace)
        #expect(after != before)
        let undone = try #require(try workspace.undo(by: "ana"))
        #expect(undone.direction == .undone)
        #expect(undone.command == change.command)
        #expect(try state(workspace) == before)
        let redone = try #require(try workspace.redo(by: "ana"))
        #expect(redone.sequence == change.sequence)
        #expect(try state(workspace) == after)
    }

    @Test func acceptRejectAndEditsRecordTheAnnotator() throws {
        let workspace = try Fixtures.workspace()
        let quote = try Self.statement(workspace, "There has to be a mutual recognition,")
        try Self.roundTrip(workspace, { try workspace.accept(quote.id, by: "ana") }) { (change: WorkspaceChange) throws in
            #expect(change.statementIDs == [quote.id])
            let now = try Self.statement(workspace, quote.statement.text)
            #expect(now.statement.status == .accepted)
            #expect(now.annotator == "ana")
            #expect(now.decidedAt != nil)
        }
        try Self.roundTrip(workspace, { try workspace.reject(quote.id, by: "ben") }) { (_: WorkspaceChange) throws in
            #expect(try Self.statement(workspace, quote.statement.text).statement.status == .rejected)
        }
        try Self.roundTrip(workspace, { try workspace.setStance(quote.id, to: "support", by: "ana") }) { (_: WorkspaceChange) throws in
            let now = try Self.statement(workspace, quote.statement.text)
            #expect(now.statement.stance == "support")
            #expect(now.statement.status == .edited)
        }
        try Self.roundTrip(workspace, { try workspace.setKind(quote.id, to: .reported, by: "ana") }) { (_: WorkspaceChange) throws in
            #expect(try Self.statement(workspace, quote.statement.text).statement.kind == .reported)
        }
        try Self.roundTrip(workspace, { try workspace.setDate(quote.id, to: Day(iso: "2022-11-08"), dateText: "on Tuesday", by: "ana") }) { (_: WorkspaceChange) throws in
            let now = try Self.statement(workspace, quote.statement.text)
            #expect(now.statement.date == Day(iso: "2022-11-08"))
            #expect(now.statement.dateText == "on Tuesday")
        }
        let statusBeforeNote = try Self.statement(workspace, quote.statement.text).statement.status
        try Self.roundTrip(workspace, { try workspace.setNote(quote.id, to: "check the video", by: "ana") }) { (_: WorkspaceChange) throws in
            let now = try Self.statement(workspace, quote.statement.text)
            #expect(now.note == "check the video")
            #expect(now.statement.status == statusBeforeNote)   // a note is not a verdict
        }
        let span = Fixtures.span("There has to be a mutual recognition", in: Fixtures.milleyText)
        try Self.roundTrip(workspace, { try workspace.setSpan(quote.id, to: span, by: "ana") }) { (change: WorkspaceChange) throws in
            let now = try Self.statement(workspace, "There has to be a mutual recognition")
            #expect(now.id == quote.id)
            #expect(now.statement.span == span)
        }
        #expect(throws: WorkspaceError.self) { try workspace.setSpan(quote.id, to: TextSpan(start: 0, end: 99_999), by: "ana") }
        #expect(throws: WorkspaceError.self) { try workspace.setStance(quote.id, to: " ", by: "ana") }
        #expect(throws: WorkspaceError.unknownStatement("777")) { try workspace.accept(777, by: "ana") }
    }

    @Test func speakerChangesDeletionAndHumanStatements() throws {
        let workspace = try Fixtures.workspace()
        let quote = try Self.statement(workspace, "There has to be a mutual recognition,")
        let sullivan = try Self.actor(workspace, "Jake Sullivan")
        try Self.roundTrip(workspace, { try workspace.setActor(quote.id, to: sullivan.id, by: "ana") }) { (_: WorkspaceChange) throws in
            #expect(try Self.statement(workspace, quote.statement.text).actorID == sullivan.id)
        }
        try Self.roundTrip(workspace, { try workspace.deleteStatement(quote.id, by: "ana") }) { (change: WorkspaceChange) throws in
            #expect(change.statementIDs == [quote.id])
            #expect(try workspace.article(quote.articleID).statements.allSatisfy { $0.id != quote.id })
        }
        let span = Fixtures.span("urged talks", in: Fixtures.milleyText)
        let milley = try Self.actor(workspace, "Mark A. Milley")
        try Self.roundTrip(workspace, {
            try workspace.addStatement(article: quote.articleID, actor: milley.id, kind: .description, span: span,
                                       stance: "diplomacy", date: Day(iso: "2022-11-09"), note: "from the lede", by: "ana")
        }) { (change: WorkspaceChange) throws in
            let created = try #require(change.createdID)
            let added = try #require(try workspace.article(quote.articleID).statements.first { $0.id == created })
            #expect(added.statement.text == "urged talks")
            #expect(added.origin == .human)
            #expect(added.statement.status == .accepted)
            #expect(added.annotator == "ana")
            #expect(added.note == "from the lede")
        }
        // The same id comes back after undo and redo: ids are stable.
        let created = try #require(try workspace.article(quote.articleID).statements.first { $0.origin == .human }?.id)
        try workspace.undo(by: "ana")
        try workspace.redo(by: "ana")
        #expect(try workspace.article(quote.articleID).statements.contains { $0.id == created })
    }

    @Test func actorOperations() throws {
        let workspace = try Fixtures.workspace()
        try Self.roundTrip(workspace, { try workspace.createActor(name: "Antony Blinken", kind: .person, role: "Secretary of State", by: "ana") }) { (change: WorkspaceChange) throws in
            let created = try #require(change.createdID)
            #expect(try workspace.actors().first { $0.id == created }?.name == "Antony Blinken")
        }
        let milley = try Self.actor(workspace, "Mark A. Milley")
        try Self.roundTrip(workspace, { try workspace.renameActor(milley.id, to: "Mark Milley", by: "ana") }) { (_: WorkspaceChange) throws in
            let renamed = try Self.actor(workspace, "Mark Milley")
            #expect(renamed.id == milley.id)
            #expect(renamed.aliases.contains("Mark A. Milley"))
        }
        let jake = try Self.actor(workspace, "Jake Sullivan"), jill = try Self.actor(workspace, "Jill Sullivan")
        try Self.roundTrip(workspace, { try workspace.mergeActors(keep: jake.id, absorb: jill.id, by: "ana") }) { (change: WorkspaceChange) throws in
            #expect(change.actorIDs.contains(jill.id))
            let merged = try Self.actor(workspace, "Jake Sullivan")
            #expect(merged.aliases.contains("Jill Sullivan"))
            #expect(merged.articleCount == 2)
            #expect(try workspace.actors().allSatisfy { $0.id != jill.id })
        }
        #expect(throws: WorkspaceError.self) { try workspace.mergeActors(keep: jake.id, absorb: jake.id, by: "ana") }
    }

    @Test func splitAliasTakesItsMentionsAndStatements() throws {
        // An analyser that took two people for one: "Kupchan" named as an alias of Milley.
        let text = "Gen. Mark A. Milley said “talk now.” Charles Kupchan said “talk later.”"
        let analysis = ArticleAnalysis(
            article: Article(file: "mixup.txt", title: "Mixup", published: Day(iso: "2022-11-11"), text: text),
            actors: [Actor(id: "x", name: "Mark A. Milley", kind: .person, aliases: ["Charles Kupchan"],
                           mentions: [Fixtures.span("Gen. Mark A. Milley", in: text), Fixtures.span("Charles Kupchan", in: text)])],
            statements: [
                Statement(id: "1", actorID: "x", kind: .direct, text: "talk now.", span: Fixtures.span("talk now.", in: text), stance: "diplomacy"),
                Statement(id: "2", actorID: "x", kind: .direct, text: "talk later.", span: Fixtures.span("talk later.", in: text), stance: "support"),
            ])
        let workspace = try Fixtures.workspace([analysis])
        let milley = try Self.actor(workspace, "Mark A. Milley")
        try Self.roundTrip(workspace, { try workspace.splitAlias(actor: milley.id, alias: "charles kupchan", by: "ana") }) { (change: WorkspaceChange) throws in
            let kupchanID = try #require(change.createdID)
            let detail = try workspace.article(try workspace.articles()[0].id)
            let kupchan = try #require(detail.actors.first { $0.id == String(kupchanID) })
            #expect(kupchan.name == "Charles Kupchan")
            #expect(kupchan.mentions == [Fixtures.span("Charles Kupchan", in: text)])
            #expect(detail.statements.first { $0.statement.text == "talk later." }?.actorID == kupchanID)
            #expect(detail.statements.first { $0.statement.text == "talk now." }?.actorID == milley.id)
            #expect(try Self.actor(workspace, "Mark A. Milley").aliases == ["Mark Milley"])
        }
        #expect(throws: WorkspaceError.self) { try workspace.splitAlias(actor: milley.id, alias: "Nobody", by: "ana") }

        // A re-analysis that repeats the confusion does not undo the person's split.
        let articleID = try workspace.articles()[0].id
        try workspace.reanalyze(articleID: articleID, with: analysis)
        let detail = try workspace.article(articleID)
        let kupchan = try #require(detail.actors.first { $0.name == "Charles Kupchan" })
        #expect(kupchan.mentions == [Fixtures.span("Charles Kupchan", in: text)])
        #expect(detail.statements.first { $0.statement.text == "talk later." }?.actorID == Int64(kupchan.id))
        #expect(try Self.actor(workspace, "Mark A. Milley").aliases == ["Mark Milley"])
    }

    @Test func undoIsUnlimitedAndANewChangeDropsTheRedoTail() throws {
        let workspace = try Fixtures.workspace()
        let initial = try Self.state(workspace)
        let ids = try workspace.allArticles().flatMap(\.statements).map(\.id)
        for id in ids { try workspace.accept(id, by: "ana") }
        let allAccepted = try Self.state(workspace)
        for _ in ids { #expect(try workspace.undo(by: "ana") != nil) }
        #expect(try workspace.undo(by: "ana") == nil)
        #expect(try Self.state(workspace) == initial)
        #expect(try workspace.canUndoRedo() == (undo: false, redo: true))
        for _ in ids { try workspace.redo(by: "ana") }
        #expect(try workspace.redo(by: "ana") == nil)
        #expect(try Self.state(workspace) == allAccepted)

        try workspace.undo(by: "ana")
        try workspace.undo(by: "ana")
        try workspace.reject(ids[0], by: "ana")
        #expect(try workspace.canUndoRedo() == (undo: true, redo: false))
        #expect(try workspace.redo(by: "ana") == nil)
    }

    @Test func acceptingTwiceIsNotAChange() throws {
        let workspace = try Fixtures.workspace()
        let quote = try Self.statement(workspace, "There has to be a mutual recognition,")
        try workspace.accept(quote.id, by: "ana")
        let again = try workspace.accept(quote.id, by: "ana")
        #expect(again.sequence == 0)
        #expect(again.statementIDs.isEmpty)
        try workspace.undo(by: "ana")
        #expect(try Self.statement(workspace, quote.statement.text).statement.status == .suggested)
    }

    @Test func historySurvivesReopeningTheFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("workspace.sqlite").path
        var quoteID: Int64 = 0
        var accepted: State?
        do {
            let workspace = try Workspace.open(path: path, now: Fixtures.clock())
            for analysis in [Fixtures.milley, Fixtures.brussels] { try workspace.addArticle(analysis) }
            quoteID = try Self.statement(workspace, "There has to be a mutual recognition,").id
            try workspace.accept(quoteID, by: "ana")
            accepted = try Self.state(workspace)
            try workspace.setStance(quoteID, to: "support", by: "ana")
            try workspace.undo(by: "ana")
        }
        let reopened = try Workspace.open(path: path)
        #expect(try Self.state(reopened) == accepted)
        #expect(try reopened.canUndoRedo() == (undo: true, redo: true))
        let redone = try #require(try reopened.redo(by: "ana"))
        #expect(redone.command.name == "set-stance")
        #expect(try Self.statement(reopened, "There has to be a mutual recognition,").statement.stance == "support")
        try reopened.undo(by: "ana")
        try reopened.undo(by: "ana")
        #expect(try Self.statement(reopened, "There has to be a mutual recognition,").statement.status == .suggested)
    }
}
