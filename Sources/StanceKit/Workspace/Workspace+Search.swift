import Foundation
import GRDB

extension Workspace {
    /// Full-text search over titles and texts. Every word the user typed must occur (accents and
    /// case ignored); the words are quoted, so FTS5 syntax in the query is taken literally.
    /// Best matches first (bm25, a title match weighing more than a body match).
    ///
    /// When more than `rankingAtMost` articles match (words like "said" occur in nearly every
    /// article), the most recently imported `rankingAtMost` of them are ranked: ranking every
    /// match costs time in proportion to the corpus, while bm25 tells little apart for a word that
    /// is everywhere (its weight tends to zero). Asking for more hits than that ranks them all.
    public func search(_ query: String, limit: Int = 50, rankingAtMost: Int = 500) throws -> [SearchHit] {
        guard let pattern = Self.searchPattern(query), limit > 0 else { return [] }
        let candidates = max(limit, rankingAtMost)
        return try read { db in
            // FTS5 walks the matches newest first and stops at the last candidate, without ranking.
            let oldestCandidate = try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?
                """), arguments: [pattern, candidates - 1]) ?? 0
            // ORDER BY rank is done inside FTS5 (only rowids and scores are sorted), so the join and
            // the snippet run for the rows returned, not for every candidate.
            return try Row.fetchAll(db.cachedStatement(sql: """
                SELECT articles.id, articles.title, articles.source, articles.published,
                       snippet(article_search, -1, char(2), char(3), '…', 16) AS snippet, rank
                FROM article_search JOIN articles ON articles.id = article_search.rowid
                WHERE article_search MATCH ? AND rank MATCH 'bm25(5.0, 1.0)' AND article_search.rowid >= ?
                ORDER BY rank
                LIMIT ?
                """), arguments: [pattern, oldestCandidate, limit]).map { row in
                let (snippet, highlights) = Self.splitMarks(row["snippet"] ?? "")
                return SearchHit(articleID: row["id"], title: row["title"], source: row["source"],
                                 published: row["published"], snippet: snippet, highlights: highlights, score: row["rank"])
            }
        }
    }

    /// Every article the query matches (the same matching as `search`), by id, unranked and
    /// without snippets: for filtering a list, at a cost that barely grows with the number of hits.
    public func articleIDs(matching query: String) throws -> [Int64] {
        guard let pattern = Self.searchPattern(query) else { return [] }
        return try read { db in
            try Int64.fetchAll(db.cachedStatement(sql: "SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid"),
                               arguments: [pattern])
        }
    }

    /// The user's words, each quoted (FTS5 syntax is taken as text), all required; nil for no words.
    private static func searchPattern(_ query: String) -> String? {
        let words = query.split(whereSeparator: { $0.isWhitespace })
        guard !words.isEmpty else { return nil }
        return words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " ")
    }

    /// Removes the STX/ETX marks SQLite put around matches, keeping where they were.
    private static func splitMarks(_ marked: String) -> (String, [TextSpan]) {
        var text = String.UnicodeScalarView()
        var highlights: [TextSpan] = []
        var openedAt: Int?
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "\u{2}": openedAt = text.count
            case "\u{3}":
                if let start = openedAt { highlights.append(TextSpan(start: start, end: text.count)) }
                openedAt = nil
            default: text.append(scalar)
            }
        }
        // Whitespace in the article (newlines between paragraphs) reads as one space in a snippet line.
        return (String(text).replacingOccurrences(of: "\n", with: " "), highlights)
    }
}

/// A full-text search result.
public struct SearchHit: Hashable, Sendable, Identifiable {
    public var articleID: Int64
    public var title: String?
    public var source: String?
    public var published: Day?
    /// Words around the match, with `…` where text was cut.
    public var snippet: String
    /// Where the matched words are in `snippet`, in Unicode scalars.
    public var highlights: [TextSpan]
    /// bm25 relevance: lower is better, as SQLite reports it.
    public var score: Double
    public var id: Int64 { articleID }
}
