import Foundation
import GRDB

extension StatementRecord {
    /// Read column by column. Comparisons, timelines and the workbench read statements by the
    /// hundred thousand, and the Codable decoding GRDB would otherwise use took most of that
    /// time (a keyed container and a JSON decoder per row). A value that does not convert
    /// (a damaged file) throws, as the Codable decoding did.
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        key = try row.decode(forColumn: "key")
        suggestionKey = try row.decode(forColumn: "suggestion_key")
        articleId = try row.decode(forColumn: "article_id")
        actorId = try row.decode(forColumn: "actor_id")
        kind = try row.decode(forColumn: "kind")
        text = try row.decode(forColumn: "text")
        cue = try row.decode(forColumn: "cue")
        start = try row.decode(forColumn: "start")
        end = try row.decode(forColumn: "end")
        date = try row.decode(forColumn: "date")
        dateText = try row.decode(forColumn: "date_text")
        stance = try row.decode(forColumn: "stance")
        confidence = try row.decode(forColumn: "confidence")
        evidence = try Self.evidence(fromJSON: row.decode(forColumn: "evidence"))
        origin = try row.decode(forColumn: "origin")
        status = try row.decode(forColumn: "status")
        annotator = try row.decode(forColumn: "annotator")
        decidedAt = try row.decode(forColumn: "decided_at")
        note = try row.decode(forColumn: "note")
    }

    /// The evidence column holds a JSON array of strings; most rows have an empty one.
    private static func evidence(fromJSON json: String) throws -> [String] {
        json == "[]" ? [] : try JSONDecoder().decode([String].self, from: Data(json.utf8))
    }
}
