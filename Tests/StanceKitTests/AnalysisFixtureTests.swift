@testable import StanceKit

/// Shared helpers for the analysis suites (no tests of their own): analyse a snippet of news text and
/// look things up. Named like the suites so the file stays within the analysis test files.
enum AnalysisFixture {
    static let analyzer = Analyzer(frame: FrameLibrary.defaultFrame)

    static func analyze(_ text: String, format: SourceFormat = .plain, path: String = "snippet.txt") -> ArticleAnalysis {
        analyzer.analyze(SourceDocument(path: path, text: text, format: format))
    }

    /// A body-only article with a publication date, as a `Key: value` header gives it.
    static func article(published: String = "2022-11-10", _ body: String) -> ArticleAnalysis {
        analyze("Title: Test\nDate: \(published)\n\n" + body)
    }
}

extension ArticleAnalysis {
    func actor(named surname: String) -> Actor? {
        actors.first { $0.name.hasSuffix(surname) || $0.name == surname }
    }

    func persons() -> [Actor] { actors.filter { $0.kind == .person } }

    func speaker(of words: String) -> Actor? {
        guard let statement = statements.first(where: { $0.kind == .direct && $0.text.contains(words) }) else { return nil }
        return actors.first { $0.id == statement.actorID }
    }

    func statement(containing words: String) -> Statement? {
        statements.first { $0.text.contains(words) }
    }
}
