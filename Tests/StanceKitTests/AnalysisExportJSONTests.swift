import Foundation
import Testing
@testable import StanceKit

/// `analyze --json` prints the exchange document (`ExportDocument` through `Exporter`), so an
/// analysis is checked here in the form other tools read it.
@Suite("Analysis: JSON output")
struct AnalysisExportJSONTests {
    static func exporter(_ analyses: [ArticleAnalysis]) -> Exporter {
        let frame = AnalysisFixture.analyzer.frame
        return Exporter(document: ExportDocument(analyses: analyses, frame: frame), frame: frame)
    }

    @Test func documentCarriesTheSchemaWithNullsAndScalarOffsets() throws {
        let text = "Title: T\n\n“Talks now,” said Jane Smith, a professor, on Wednesday. 🇺🇦"
        let analysis = AnalysisFixture.analyze(text, path: "dir/a.txt")
        let data = try Self.exporter([analysis]).json()
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let frame = try #require(root["frame"] as? [String: Any])
        #expect(frame["id"] as? String == "diplomacy-vs-support")
        #expect((frame["positions"] as? [Any])?.isEmpty == false)
        let article = try #require((root["articles"] as? [[String: Any]])?.first)
        #expect(article["file"] as? String == "dir/a.txt")
        #expect(article["published"] is NSNull)
        let actor = try #require((article["actors"] as? [[String: Any]])?.first)
        #expect(Set(actor.keys).isSuperset(of: ["id", "name", "kind", "role", "aliases", "mentions", "stance", "confidence", "participant"]))
        let statement = try #require((article["statements"] as? [[String: Any]])?.first)
        #expect(Set(statement.keys).isSuperset(of: ["id", "actor", "kind", "text", "cue", "start", "end", "date", "date_text",
                                                    "stance", "confidence", "evidence"]))
        #expect(statement["text"] as? String == "Talks now")
        #expect(statement["date"] is NSNull)
        let start = try #require(statement["start"] as? Int), end = try #require(statement["end"] as? Int)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "Talks now")
    }

    @Test func outputIsDeterministicAndOneLinePerArticle() throws {
        let first = Self.exporter([AnalysisFixture.analyze(AnalysisArticleParserTests.pasted)])
        let second = Self.exporter([AnalysisFixture.analyze(AnalysisArticleParserTests.pasted)])
        let a = try first.jsonLines(), b = try second.jsonLines()
        #expect(a == b)
        #expect(a.filter { $0 == 10 }.count == 1)
        #expect(a.last == 10)
    }
}
