import Foundation
import StanceKit
import Testing

/// Each hostile input through the loader, the analyser and an import into a workspace, in
/// process: bounded time, a sensible result or a clear message, and the analysis invariants.
@Suite struct RobustnessInProcessTests {
    static let analyzer = Analyzer()

    @Test(arguments: HostileInput.selected)
    func loadsAnalysesAndImports(_ input: HostileInput) throws {
        let analyzer = Self.analyzer
        let finished = try withinWatchdog(seconds: input.isHuge ? 300 : 60) { () -> Result<ArticleAnalysis, InputError> in
            do throws(InputError) {
                let document = try SourceLoader.decode(input.bytes, path: input.fileName)
                var analysis = analyzer.analyze(document)
                analysis.article.warnings = document.warnings
                return .success(analysis)
            } catch {
                return .failure(error)
            }
        }
        let outcome = try #require(finished, "\(input.name) did not finish within the watchdog")

        switch (input.outcome, outcome) {
        case let (.unreadable(message), .failure(error)):
            #expect(error.description.contains(message), "\(error.description)")
            #expect(error.description.contains(input.fileName), "the message names the file: \(error.description)")
        case let (.unreadable(message), .success(analysis)):
            Issue.record("expected “\(message)”, but it was read: \(analysis.article.text.prefix(80))")
        case let (.readable, .failure(error)):
            Issue.record("expected it to be read, but: \(error)")
        case let (.readable(warning), .success(analysis)):
            if let warning {
                #expect(analysis.article.warnings.contains { $0.contains(warning) }, "\(analysis.article.warnings)")
            }
            #expect(!analysis.article.text.contains("\r"), "line ends are normalised")
            #expect(AnalysisInvariants.violations(of: analysis, frame: analyzer.frame) == [])
            guard !input.isHuge else { return }   // storing 50 MB proves nothing the small ones do not
            try importsIntoWorkspace(analysis)
        }
    }

    /// The workspace keeps what it was given and can search it, whatever characters it holds.
    private func importsIntoWorkspace(_ analysis: ArticleAnalysis) throws {
        let workspace = try Workspace.inMemory()
        let added = try workspace.addArticle(analysis, frameID: Self.analyzer.frame.id)
        guard case let .added(id) = added else {
            Issue.record("a fresh workspace called it a duplicate")
            return
        }
        let stored = try workspace.article(id)
        #expect(stored.article.text == analysis.article.text)
        #expect(stored.statements.count == analysis.statements.count)
        for word in analysis.article.text.split(whereSeparator: \.isWhitespace).prefix(3) {
            _ = try workspace.search(String(word))
        }
        #expect(try workspace.addArticle(analysis) == .duplicate(id))
    }
}
