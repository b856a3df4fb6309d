import Foundation
import Testing
@testable import StanceKit

@Suite("Analysis: JSON output")
struct AnalysisJSONTests {
    @Test func documentCarriesTheSchemaWithNullsAndScalarOffsets() throws {
        let text = "Title: T\n\n“Talks now,” said Jane Smith, a professor, on Wednesday. 🇺🇦"
        let analysis = AnalysisFixture.analyze(text, path: "dir/a.txt")
        let data = try AnalysisJSON.document(frame: AnalysisFixture.analyzer.frame, analyses: [analysis])
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let frame = try #require(root["frame"] as? [String: Any])
        #expect(frame["id"] as? String == "diplomacy-vs-support")
        let article = try #require((root["articles"] as? [[String: Any]])?.first)
        #expect(article["file"] as? String == "dir/a.txt")
        #expect(article["published"] is NSNull)
        let actor = try #require((article["actors"] as? [[String: Any]])?.first)
        #expect(Set(actor.keys).isSuperset(of: ["id", "name", "kind", "role", "aliases", "mentions", "stance", "confidence", "participant"]))
        let statement = try #require((article["statements"] as? [[String: Any]])?.first)
        #expect(Set(statement.keys) == ["id", "actor", "kind", "text", "cue", "start", "end", "date", "date_text", "stance", "confidence", "evidence"])
        #expect(statement["text"] as? String == "Talks now")
        #expect(statement["date"] is NSNull)
        let start = try #require(statement["start"] as? Int), end = try #require(statement["end"] as? Int)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "Talks now")
    }

    @Test func outputIsDeterministic() throws {
        let analysis = AnalysisFixture.analyze(AnalysisArticleParserTests.pasted)
        let a = try AnalysisJSON.line(analysis), b = try AnalysisJSON.line(AnalysisFixture.analyze(AnalysisArticleParserTests.pasted))
        #expect(a == b)
        #expect(!a.contains(10))
    }
}
