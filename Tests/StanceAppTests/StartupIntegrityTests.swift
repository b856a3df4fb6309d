import Foundation
@testable import StanceApp
@testable import StanceKit
import Terminal
import Testing

/// The workbench opens a workspace before SQLite has checked every page of it: when the check
/// finds a damaged page, the workbench says so in the words of an open refused, every write is
/// refused, and the file stays byte for byte as it was.
@Suite struct StartupIntegrityTests {
    let size = Size(width: 100, height: 30)

    /// The fixtures' articles and, last in the list (undated), a long one whose text fills pages
    /// of its own at the end of the file; the file's last page garbled.
    static func damagedWorkspaceFile(at path: String) throws {
        do {
            let workspace = try Workspace.open(path: path)
            for analysis in [Fixtures.councilSplit, Fixtures.costsRise, Fixtures.councilVotes] {
                _ = try workspace.addArticle(analysis, frameID: Fixtures.frame.id)
            }
            let paragraph = "The harbour board met again and said the pier would be rebuilt by the summer. "
            let appendix = Analyzer(frame: Fixtures.frame).analyze(SourceDocument(
                path: "appendix.txt", text: "Title: Appendix\n\n" + String(repeating: paragraph, count: 400), format: .plain))
            _ = try workspace.addArticle(appendix, frameID: Fixtures.frame.id)
        }
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        let lastPage = data.count - 4096
        for index in lastPage..<lastPage + 64 { data[index] = 0xA5 }
        try data.write(to: URL(fileURLWithPath: path))
    }

    @Test func theWorkbenchSaysTheFileIsDamagedAndNothingIsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stancebench-integrity-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("workspace.sqlite").path
        try Self.damagedWorkspaceFile(at: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        do {
            let workspace = try Workspace.open(path: path)
            let store = WorkspaceWorkbenchStore(workspace: workspace, frame: Fixtures.frame, annotator: "tester")
            let runtime = Fixtures.runtime(size, store: store)
            #expect(runtime.state.currentArticle != nil)   // the first frame showed the first article
            #expect(throws: WorkspaceError.self) { try workspace.waitForIntegrityCheck() }
            runtime.reportDamageIfFound()
            runtime.draw()
            let status = try #require(runtime.state.message)
            #expect(status.isError && status.text.contains("\(path) is damaged"))
            #expect(runtime.screen.lines.last?.contains("is damaged") == true)
            let statement = try #require(runtime.state.currentArticle?.analysis.statements.first)
            #expect(throws: WorkspaceError.self) { try store.accept(statement: statement.id) }
            #expect(runtime.reportDamageIfFound() == false)   // said once
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
