import Foundation
import GRDB

extension Workspace {
    /// Full-text search over titles and texts (accents and case ignored), in the query language of
    /// `SearchQuery`: every word must occur, `"two words"` as a phrase, `negot*` as a prefix,
    /// `truce OR ceasefire` for either. Best matches first (bm25, a title match weighing more
    /// than a body match). Throws `WorkspaceError.invalidValue` for a query that cannot be run
    /// as typed (a prefix too short to look up).
    ///
    /// When many articles match (words like "said" occur in nearly every article), only the most
    /// recently imported of them are ranked: ranking costs time in proportion to the matches
    /// ranked times the words looked up in each, while bm25 tells little apart for a word that is
    /// everywhere (its weight tends to zero). A one-word query ranks the newest `rankingAtMost`
    /// matches, a query of n words (phrase words and alternatives counted) the newest
    /// `rankingAtMost / n`; asking for more hits than that ranks that many.
    public func search(_ query: String, limit: Int = 50, rankingAtMost: Int = 500) throws -> [SearchHit] {
        guard let parsed = try SearchQuery(query), limit > 0 else { return [] }
        let pattern = parsed.ftsExpression
        let candidates = max(limit, rankingAtMost / parsed.lookedUpWords)
        let found: [(article: Row, score: Double)] = try read { db in
            // FTS5 walks the matches newest first and stops at the last candidate, without ranking.
            let oldestCandidate = try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?
                """), arguments: [pattern, candidates - 1]) ?? 0
            // Rows first, ranked inside FTS5 (only rowids and scores are sorted); then the texts of
            // the rows returned, whose snippets are made here: FTS5's snippet() tokenizes and
            // scores every window of both columns, most of a query's time.
            let ranked = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT rowid, rank FROM article_search
                WHERE article_search MATCH ? AND rank MATCH 'bm25(5.0, 1.0)' AND rowid >= ?
                ORDER BY rank LIMIT ?
                """), arguments: [pattern, oldestCandidate, limit])
            let ids: [Int64] = ranked.map { $0[0] }
            let articles = try Row.fetchAll(db, sql: """
                SELECT id, title, source, published, text FROM articles WHERE id IN (\(databaseQuestionMarks(count: ids.count)))
                """, arguments: StatementArguments(ids))
            let byID: [Int64: Row] = Dictionary(uniqueKeysWithValues: articles.map { ($0[0], $0) })
            return ranked.compactMap { row in byID[row[0]].map { ($0, row[1]) } }
        }
        return found.map { article, score in
            let title: String? = article["title"], text: String = article["text"]
            let snippet = parsed.snippet(text: text) ?? title.flatMap(parsed.snippet(text:)) ?? parsed.opening(of: text)
            return SearchHit(articleID: article["id"], title: title, source: article["source"], published: article["published"],
                             snippet: snippet.text, highlights: snippet.highlights, score: score)
        }
    }

    /// Every article the query matches (the same matching as `search`), by id, unranked and
    /// without snippets: for filtering a list, at a cost that barely grows with the number of hits.
    public func articleIDs(matching query: String) throws -> [Int64] {
        guard let parsed = try SearchQuery(query) else { return [] }
        return try read { db in
            try Int64.fetchAll(db.cachedStatement(sql: "SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid"),
                               arguments: [parsed.ftsExpression])
        }
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
