import Foundation
import Testing
@testable import StanceKit

@Suite struct WorkspaceCommandLogTests {
    @Test func commandsEncodeFlatByVerbObjectName() throws {
        let entry = CommandLogEntry(time: Date(timeIntervalSince1970: 1_668_000_000), annotator: "ana",
                                    command: .setStance(statement: "abc/direct/3-9", stance: "support"))
        let line = String(decoding: try CommandLogEntry.encoder.encode(entry), as: UTF8.self)
        #expect(line == #"{"annotator":"ana","command":"set-stance","stance":"support","statement":"abc/direct/3-9","time":"2022-11-09T13:20:00.000Z"}"#)
        #expect(try CommandLogEntry.decoder.decode(CommandLogEntry.self, from: Data(line.utf8)) == entry)
    }

    @Test func everyCommandRoundTripsThroughJSON() throws {
        let span = TextSpan(start: 1, end: 4)
        let commands: [WorkspaceCommand] = [
            .acceptStatement(statement: "k"), .rejectStatement(statement: "k"), .setStance(statement: "k", stance: "mixed"),
            .setSpeaker(statement: "k", actor: "person/x"), .setKind(statement: "k", kind: .description),
            .setSpan(statement: "k", span: span), .setDate(statement: "k", date: Day(iso: "2022-01-02"), dateText: "Sunday"),
            .setDate(statement: "k", date: nil, dateText: nil), .setNote(statement: "k", note: "n"), .setNote(statement: "k", note: nil),
            .deleteStatement(statement: "k"),
            .attributeSpan(article: "h", actor: "person/x", kind: .direct, span: span, stance: "none", date: nil, note: "n"),
            .createActor(name: "X", kind: .group, role: nil), .renameActor(actor: "person/x", name: "Y"),
            .mergeActors(keep: "a", absorb: "b"), .splitAlias(actor: "a", alias: "B"), .undo, .redo,
        ]
        for command in commands {
            let data = try JSONEncoder().encode(command)
            #expect(try JSONDecoder().decode(WorkspaceCommand.self, from: data) == command)
        }
        #expect(Set(commands.map(\.name)).count == 16)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(WorkspaceCommand.self, from: Data(#"{"command":"set-span","statement":"k","start":5,"end":2}"#.utf8))
        }
    }

    /// A session of annotation on one workspace, logged; the log replayed on a fresh workspace with
    /// the same imports gives the same workspace.
    @Test func replayReproducesTheSameState() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("workspace.sqlite").path
        let workspace = try Workspace.open(path: path, now: Fixtures.clock())
        for analysis in [Fixtures.milley, Fixtures.brussels, Fixtures.kyiv] { try workspace.addArticle(analysis) }

        let quote = try WorkspaceAnnotationTests.statement(workspace, "There has to be a mutual recognition,")
        let pentagon = try WorkspaceAnnotationTests.statement(workspace, "We stand with Ukraine,\nand we will.")
        let jake = try WorkspaceAnnotationTests.actor(workspace, "Jake Sullivan")
        let jill = try WorkspaceAnnotationTests.actor(workspace, "Jill Sullivan")
        try workspace.accept(quote.id, by: "ana")
        try workspace.setStance(pentagon.id, to: "mixed", by: "ben")
        try workspace.reject(pentagon.id, by: "ben")
        try workspace.undo(by: "ben")
        let blinken = try #require(try workspace.createActor(name: "Antony Blinken", kind: .person, by: "ana").createdID)
        let added = try #require(try workspace.addStatement(
            article: quote.articleID, actor: blinken, kind: .description,
            span: Fixtures.span("urged talks", in: Fixtures.milleyText), stance: "diplomacy", by: "ana").createdID)
        try workspace.setNote(added, to: "not Blinken, surely", by: "ana")
        try workspace.setActor(added, to: jake.id, by: "ana")
        try workspace.mergeActors(keep: jake.id, absorb: jill.id, by: "ana")
        try workspace.renameActor(jake.id, to: "Jacob Sullivan", by: "ana")
        try workspace.undo(by: "ana")
        try workspace.redo(by: "ana")
        try workspace.setSpan(quote.id, to: Fixtures.span("mutual recognition", in: Fixtures.milleyText), by: "ana")
        try workspace.setDate(quote.id, to: nil, by: "ana")
        try workspace.deleteStatement(pentagon.id, by: "ben")
        try workspace.undo(by: "ben")

        let logURL = try #require(workspace.commandLogURL)
        #expect(logURL.lastPathComponent == "workspace.log.jsonl")
        let logLines = try String(contentsOf: logURL, encoding: .utf8).split(separator: "\n")
        #expect(logLines.count == 16)
        #expect(logLines.first?.contains(#""command":"accept-statement""#) == true)

        let fresh = try Workspace.inMemory(now: Fixtures.clock())
        for analysis in [Fixtures.milley, Fixtures.brussels, Fixtures.kyiv] { try fresh.addArticle(analysis) }
        let summary = try CommandReplayer.replay(logURL, into: fresh)
        #expect(summary.failures.isEmpty)
        #expect(summary.applied == 16)
        #expect(try WorkspaceAnnotationTests.state(fresh) == WorkspaceAnnotationTests.state(workspace))
        // The history came along too: undo goes on working the same way.
        try workspace.undo(by: "x")
        try fresh.undo(by: "x")
        #expect(try WorkspaceAnnotationTests.state(fresh) == WorkspaceAnnotationTests.state(workspace))
    }

    @Test func replayReportsBadLinesAndGoesOn() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try Fixtures.workspace([Fixtures.kyiv])
        let statement = try workspace.allArticles()[0].statements[0]
        let key = try workspace.read { db in try Workspace.statementKey(statement.id, db) }
        let log = folder.appendingPathComponent("session.log.jsonl")
        try """
            {"command":"accept-statement","statement":"\(key)","annotator":"ana","time":"2022-11-09T13:20:00.000Z"}
            this is not json
            {"command":"reject-statement","statement":"no-such-statement","annotator":"ana","time":"2022-11-09T13:20:01Z"}
            {"command":"set-note","statement":"\(key)","note":"ok","annotator":"ana","time":"2022-11-09T13:20:02Z"}

            """.write(to: log, atomically: true, encoding: .utf8)
        let summary = try CommandReplayer.replay(log, into: workspace)
        #expect(summary.applied == 2)
        #expect(summary.failures.map(\.line) == [2, 3])
        #expect(summary.failures[1].command == "reject-statement")
        let now = try workspace.allArticles()[0].statements[0]
        #expect(now.statement.status == .accepted)
        #expect(now.note == "ok")
        #expect(now.decidedAt == Timestamp.parse("2022-11-09T13:20:02Z"))
    }
}
