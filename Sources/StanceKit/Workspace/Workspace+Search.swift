import Foundation
import GRDB
import GRDBSQLite

extension Workspace {
    /// Full-text search over titles and texts (accents and case ignored), in the query language of
    /// `SearchQuery`: every word must occur, `"two words"` as a phrase, `negot*` as a prefix,
    /// `truce OR ceasefire` for either. Best matches first (bm25, a title match weighing more
    /// than a body match, each phrase's share of the articles estimated: `SearchRanking`).
    /// Throws `WorkspaceError.invalidValue` for a query that cannot be run as typed (a prefix
    /// too short to look up).
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
            // A query of one phrase walks on to the ranking's sample of that phrase, if further.
            let phrases = parsed.phraseExpressions
            let walk = max(candidates, phrases.count == 1 ? SearchRanking.sampleSize : 0)
            let walked = try SearchRanking.newestMatches(of: pattern, count: walk, db)
            let oldestCandidate = walked.count >= candidates ? walked[candidates - 1] : 0
            // Rows first, ranked inside FTS5 (only rowids and scores are sorted); then the texts of
            // the rows returned, whose snippets are made here: FTS5's snippet() tokenizes and
            // scores every window of both columns, most of a query's time.
            let ranking = try SearchRanking.function(for: phrases, newestOfTheOnlyPhrase: phrases.count == 1 ? walked : nil, db)
            let ranked = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT rowid, rank FROM article_search
                WHERE article_search MATCH ? AND rank MATCH ? AND rowid >= ?
                ORDER BY rank LIMIT ?
                """), arguments: [pattern, ranking, oldestCandidate, limit])
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

/// bm25 as FTS5 computes it, with each phrase's document frequency estimated from a sample
/// instead of counted. FTS5's own bm25 counts, for every phrase of the query, every article that
/// holds it (a walk over the phrase's whole doclist, checking positions for a phrase and merging
/// every term for a prefix): 13-18 ms for "of the" at 10,000 articles, whatever the number of
/// candidates ranked. Here the newest `sampleSize` matches of each phrase are read (cheap: they
/// are close to the end of the doclist) and the phrase's share of the articles those span is
/// taken as its share of all articles. A phrase with fewer matches is counted exactly, so
/// scores equal FTS5's bm25 whenever no phrase has more than `sampleSize` matches. The
/// estimate changes only how phrases weigh against each other (the order of a one-phrase
/// query does not depend on it), and only by the sampling error.
enum SearchRanking {
    static let functionName = "sampled_bm25"
    /// Matches read per phrase: the share they estimate is off by about 1/sqrt(sampleSize).
    static let sampleSize = 200
    /// Title and text, as before: a title match weighs five body matches.
    static let columnWeights = [5.0, 1.0]
    private static let k1 = 1.2
    private static let b = 0.75

    /// The `rank MATCH` value for `phrases` (FTS5 expressions, in the order FTS5 numbers them):
    /// the column weights, then for each phrase the matches sampled and the articles the sample
    /// spans (0: all articles, the count is exact). `newestOfTheOnlyPhrase`: for a query of one
    /// phrase, its newest matches already walked (at least `sampleSize` of them, or all).
    static func function(for phrases: [String], newestOfTheOnlyPhrase: [Int64]?, _ db: Database) throws -> String {
        var arguments = columnWeights.map { String($0) }
        for phrase in phrases {
            let newest = try newestOfTheOnlyPhrase.map { Array($0.prefix(sampleSize)) }
                ?? newestMatches(of: phrase, count: sampleSize, db)
            var spanned: Int64 = 0
            if newest.count == sampleSize, let oldest = newest.last {
                spanned = try Int64.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM articles WHERE id >= ?"),
                                             arguments: [oldest]) ?? 0
            }
            arguments += [String(newest.count), String(spanned)]
        }
        return functionName + "(" + arguments.joined(separator: ", ") + ")"
    }

    /// The rowids of the newest `count` matches of an FTS5 expression, newest first.
    static func newestMatches(of expression: String, count: Int, _ db: Database) throws -> [Int64] {
        try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid DESC LIMIT ?
            """), arguments: [expression, count])
    }

    /// Makes the ranking function known to a connection: FTS5 keeps its functions per
    /// connection, so every connection the workspace opens registers it as it opens.
    static func register(_ db: Database) throws {
        let api = FTS5.api(db)
        let code = functionName.withCString { name in
            api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, { api, fts, context, count, values in
                SearchRanking.score(api, fts, context, Int(count), values)
            }, nil)
        }
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
    }

    private static func score(_ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ context: OpaquePointer?,
                              _ count: Int, _ values: UnsafeMutablePointer<OpaquePointer?>?) {
        guard let api = api?.pointee, let values else { return }
        let columns = Int(api.xColumnCount(fts)), phrases = Int(api.xPhraseCount(fts))
        guard count == columns + 2 * phrases else {
            sqlite3_result_error(context, "\(functionName): expected \(columns) column weights and 2 numbers per phrase", -1)
            return
        }
        var rows: sqlite3_int64 = 0, tokens: sqlite3_int64 = 0, instances: Int32 = 0, rowTokens: Int32 = 0
        var code = api.xRowCount(fts, &rows)
        if code == SQLITE_OK { code = api.xColumnTotalSize(fts, -1, &tokens) }
        if code == SQLITE_OK { code = api.xInstCount(fts, &instances) }
        if code == SQLITE_OK { code = api.xColumnSize(fts, -1, &rowTokens) }
        var frequencies = [Double](repeating: 0, count: phrases)
        var instance: Int32 = 0
        while code == SQLITE_OK, instance < instances {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            code = api.xInst(fts, instance, &phrase, &column, &offset)
            frequencies[Int(phrase)] += sqlite3_value_double(values[Int(column)])
            instance += 1
        }
        guard code == SQLITE_OK else {
            sqlite3_result_error_code(context, code)
            return
        }
        let lengthRatio = tokens > 0 ? Double(rowTokens) * Double(rows) / Double(tokens) : 1
        var score = 0.0
        for phrase in 0..<phrases {
            let sampled = Double(sqlite3_value_int64(values[columns + 2 * phrase]))
            let spanned = Double(sqlite3_value_int64(values[columns + 2 * phrase + 1]))
            let articles = spanned > 0 ? sampled * Double(rows) / spanned : sampled
            // As FTS5: a phrase in more than half the articles gets a tiny weight, not a negative one.
            var idf = log((Double(rows) - articles + 0.5) / (articles + 0.5))
            if idf <= 0 { idf = 1e-6 }
            let frequency = frequencies[phrase]
            score += idf * frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * lengthRatio))
        }
        sqlite3_result_double(context, -score)
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
