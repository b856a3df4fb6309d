import Foundation
import GRDB
import Testing
@testable import StanceKit
import TestSupport

@Suite struct WorkspaceSearchTests {
    /// An article without actors or statements: only its title and text matter to search.
    static func article(_ index: Int, title: String, text: String) -> ArticleAnalysis {
        ArticleAnalysis(article: Article(file: "\(index).txt", title: title, source: "Wire", published: Day(iso: "2023-01-02"),
                                         text: text + " (\(index))"), actors: [], statements: [])
    }

    /// Article 0 has the common word in its title, so bm25 ranks it first whenever it is ranked;
    /// articles 1-5 have it once in their text, and a rare word that article 0 does not have.
    static func corpus() throws -> Workspace {
        let workspace = try Workspace.inMemory()
        try workspace.addArticle(article(0, title: "Talks resume", text: "Envoys met again."))
        for index in 1...5 {
            try workspace.addArticle(article(index, title: "Report \(index)", text: "The envoy said talks went on; a ceasefire held."))
        }
        return workspace
    }

    @Test func ranksEveryMatchWhileThereAreFewerThanTheBound() throws {
        let workspace = try Self.corpus()
        let hits = try workspace.search("talks")
        #expect(hits.count == 6)
        #expect(hits.first?.title == "Talks resume")
        #expect(hits.map(\.score) == hits.map(\.score).sorted())
        let highlighted = try #require(hits.first).highlights.compactMap { hits[0].snippet.scalars(in: $0) }
        #expect(highlighted == ["Talks"])
    }

    @Test func beyondTheBoundOnlyTheNewestMatchesAreRanked() throws {
        let workspace = try Self.corpus()
        let newest = try workspace.search("talks", limit: 2, rankingAtMost: 3)
        let ids = try workspace.articleIDs(matching: "talks")
        #expect(newest.count == 2)
        #expect(Set(newest.map(\.articleID)).isSubset(of: Set(ids.suffix(3))))
        #expect(!newest.contains { $0.title == "Talks resume" })
        // Asking for more hits than the bound ranks them all, the oldest included.
        let all = try workspace.search("talks", limit: 10, rankingAtMost: 3)
        #expect(all.count == 6)
        #expect(all.first?.title == "Talks resume")
    }

    @Test func articleIDsAreEveryMatchInIDOrder() throws {
        let workspace = try Self.corpus()
        let articles = try workspace.articles()
        let withCeasefire = articles.filter { $0.title?.hasPrefix("Report") == true }.map(\.id).sorted()
        #expect(try workspace.articleIDs(matching: "CEASEFIRE") == withCeasefire)
        #expect(try workspace.articleIDs(matching: "talks").count == 6)
        #expect(try workspace.articleIDs(matching: "talks envoys").count == 1)
        #expect(try workspace.articleIDs(matching: "  ").isEmpty)
        #expect(try workspace.articleIDs(matching: "\"talks\" envoys (").count == 1)
    }

    /// Three articles whose texts differ in word order, prefixes and accents.
    static func languageCorpus() throws -> Workspace {
        let workspace = try Workspace.inMemory()
        try workspace.addArticle(article(1, title: "One", text: "Military support was pledged; negotiations stalled."))
        try workspace.addArticle(article(2, title: "Two", text: "Support for the military grew while negotiators waited."))
        try workspace.addArticle(article(3, title: "Three", text: "A truce in Brüssel, then more negotiating."))
        return workspace
    }

    @Test func quotedWordsArePhrasesAndStarsPrefixes() throws {
        let workspace = try Self.languageCorpus()
        let titles = { (query: String) in try workspace.search(query).map(\.title).compactMap { $0 }.sorted() }
        #expect(try titles("military support") == ["One", "Two"])
        #expect(try titles("\"military support\"") == ["One"])
        #expect(try titles("negotiat*") == ["One", "Three", "Two"])
        #expect(try titles("negotiatio*") == ["One"])
        #expect(try titles("\"support for the mil\"*") == ["Two"])
        // The prefix of a word is not the word: without the star it must occur whole.
        #expect(try titles("negotiat").isEmpty)
    }

    @Test func orTakesEitherOfTheTermsBesideIt() throws {
        let workspace = try Self.languageCorpus()
        let titles = { (query: String) in try workspace.search(query).map(\.title).compactMap { $0 }.sorted() }
        #expect(try titles("truce OR pledged") == ["One", "Three"])
        // OR binds the terms next to it only: negotiat* AND (truce OR pledged).
        #expect(try titles("waited OR truce negotiat*") == ["Three", "Two"])
        #expect(try titles("pledged OR \"for the military\"") == ["One", "Two"])
        // Lowercase, leading, trailing or doubled, it is the word "or", which no article has.
        #expect(try titles("truce or pledged").isEmpty)
        #expect(try titles("OR truce").isEmpty)
        #expect(try titles("truce OR").isEmpty)
        #expect(try titles("truce OR OR pledged").isEmpty)
    }

    @Test func strayQuotesAndPunctuationAreWords() throws {
        let workspace = try Self.languageCorpus()
        let titles = { (query: String) in try workspace.search(query).map(\.title).compactMap { $0 }.sorted() }
        #expect(try titles("\"military support") == ["One", "Two"])
        #expect(try titles("(truce") == ["Three"])
        #expect(try titles("truce) AND\" NOT:") .isEmpty)
        #expect(try titles("brussel-truce? ") .isEmpty)
        #expect(try titles("brüssel, truce!") == ["Three"])
        #expect(try titles("BRUSSEL") == ["Three"])
        #expect(try titles("( ) \" * ** -").isEmpty)
        // Whatever is typed, FTS5 is given a query it can parse.
        var generator = SeededGenerator(seed: 7)
        let pieces = ["\"", "(", ")", "*", "OR", "AND", "NOT", "NEAR(", "^", "-", ":", "+", "{", "}", "military", "truce", " ", "é"]
        for _ in 0..<300 {
            let query = (0..<Int.random(in: 1...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            do {
                _ = try workspace.search(query)
                _ = try workspace.articleIDs(matching: query)
            } catch let error as WorkspaceError {
                guard case let .invalidValue(message) = error else { throw error }
                #expect(message.contains("prefix"), "\(query): \(message)")
            }
        }
    }

    @Test func aPrefixTooShortToLookUpIsAnErrorThatSaysSo() throws {
        let workspace = try Self.languageCorpus()
        #expect(throws: WorkspaceError.invalidValue(
            "“ne*”: a prefix needs at least 3 letters before the * (such as negot*); a shorter one matches too many words.")) {
            try workspace.search("ne*")
        }
        #expect(throws: WorkspaceError.self) { try workspace.articleIDs(matching: "truce \"in b\"*") }
        #expect(try workspace.search("neg*").count == 3)
    }

    @Test func snippetsMarkTheMatchesWhereMostOfThemAre() throws {
        let workspace = try Workspace.inMemory()
        let filler = (1...40).map { "word\($0)" }.joined(separator: " ")
        try workspace.addArticle(Self.article(1, title: "Long", text: "Truce talk first.\n\(filler) the truce\nheld and aid arrived. \(filler)"))
        let hit = try #require(try workspace.search("truce aid").first)
        let marked = hit.highlights.compactMap { hit.snippet.scalars(in: $0) }
        // The window with both words wins over the earlier one with only "truce".
        #expect(marked == ["truce", "aid"])
        #expect(hit.snippet.hasPrefix("…") && hit.snippet.hasSuffix("…"))
        #expect(!hit.snippet.contains("\n"))
        #expect(hit.snippet.contains("the truce held and aid arrived"))
        #expect(hit.snippet.unicodeScalars.filter { $0 == " " }.count == SearchQuery.snippetWords - 1)

        let phrase = try #require(try workspace.search("\"truce held\"").first)
        #expect(phrase.highlights.compactMap { phrase.snippet.scalars(in: $0) } == ["truce held"])
        let prefix = try #require(try workspace.search("arriv*").first)
        #expect(prefix.highlights.compactMap { prefix.snippet.scalars(in: $0) } == ["arrived"])
    }

    /// A long query no window holds whole ("last" is far from the rest): the snippet is the window
    /// with the most of its words, found among many matches of a common one; words of the same
    /// length and first letter as a query word ("tax" for "the", "aim" for "aid") are not matches,
    /// and a prefix marks the longer word.
    @Test func aLongQuerySnippetIsTheWindowWithTheMostOfItsWords() throws {
        let workspace = try Workspace.inMemory()
        let common = (1...30).map { "the tax \($0) the aim" }.joined(separator: " ")
        let text = "\(common) truce first. \(common) the truce held and aid arrived in spring at dawn. \(common) last."
        try workspace.addArticle(Self.article(1, title: "Long", text: text))
        let hit = try #require(try workspace.search("the truce aid spring dawn arriv* last").first)
        let marked = hit.highlights.compactMap { hit.snippet.scalars(in: $0) }
        #expect(hit.snippet.contains("the truce held and aid arrived in spring at dawn"))
        #expect(Set(marked) == ["the", "truce", "aid", "arrived", "spring", "dawn"])
    }

    @Test func snippetsCountUnicodeScalarsAndFoldAccents() throws {
        let workspace = try Workspace.inMemory()
        try workspace.addArticle(Self.article(1, title: "Accents", text: "Élan — “Zürich” and ZÜRICH’s café 🇺🇦 in Zurich."))
        let hit = try #require(try workspace.search("zurich cafe").first)
        #expect(hit.highlights.compactMap { hit.snippet.scalars(in: $0) } == ["Zürich", "ZÜRICH", "café", "Zurich"])
        #expect(hit.snippet.hasPrefix("Élan"))
    }

    @Test func manyWordsRankFewerOfTheNewestMatches() throws {
        // The oldest article repeats both words most, so bm25 puts it first whenever it is ranked.
        let workspace = try Workspace.inMemory()
        try workspace.addArticle(Self.article(1, title: "A", text: "Envoy talks; envoy talks; envoy talks again."))
        try workspace.addArticle(Self.article(2, title: "B", text: "The envoy and the talks, with other words around them."))
        try workspace.addArticle(Self.article(3, title: "C", text: "An envoy joined talks that went on with other words around them."))
        #expect(try workspace.search("envoy", limit: 1, rankingAtMost: 4).map(\.title) == ["A"])
        // Two words: half the bound, the newest two.
        let pair = try workspace.search("envoy talks", limit: 3, rankingAtMost: 4).map(\.title)
        #expect(pair.count == 3)
        #expect(try workspace.search("envoy talks", limit: 1, rankingAtMost: 4).map(\.title) != ["A"])
        #expect(Set(try workspace.search("envoy talks", limit: 2, rankingAtMost: 4).compactMap(\.title)) == ["B", "C"])
    }

    /// Articles added straight into the table (the trigger indexes them): `count` of them, article
    /// i holding "alpha" when i is even, "beta" when i is a multiple of 3, "alpha alpha" twice when
    /// a multiple of 7, and filler words of a length that varies, so bm25 has lengths and
    /// frequencies to tell apart.
    static func rankingCorpus(count: Int) throws -> Workspace {
        let workspace = try Workspace.inMemory()
        try workspace.write { db in
            for index in 1...count {
                var words = (0..<(index % 11 + 3)).map { "filler\($0)" }
                if index % 2 == 0 { words.append("alpha") }
                if index % 3 == 0 { words.append("beta") }
                if index % 7 == 0 { words += ["alpha alpha", "gamma"] }
                try db.execute(sql: """
                    INSERT INTO articles(content_hash, file, title, text, byline, blocks, warnings, imported_at)
                    VALUES (printf('%064d', ?), ?, ?, ?, '[]', '[]', '[]', '2023-01-02')
                    """, arguments: [index, "\(index).txt", "Article \(index)", words.joined(separator: " ")])
            }
        }
        return workspace
    }

    /// FTS5's own bm25 over every match, best first, for comparing with what `search` returns.
    static func builtInRanking(_ workspace: Workspace, _ expression: String) throws -> [(id: Int64, score: Double)] {
        try workspace.read { db in
            try Row.fetchAll(db, sql: """
                SELECT rowid, bm25(article_search, 5.0, 1.0) FROM article_search WHERE article_search MATCH ?
                ORDER BY 2, rowid
                """, arguments: [expression]).map { ($0[0], $0[1]) }
        }
    }

    @Test func withFewMatchesPerPhraseTheScoresAreFTS5sBM25() throws {
        let workspace = try Self.rankingCorpus(count: 60)
        for query in ["alpha", "alpha beta", "beta OR gamma", "\"alpha alpha\"", "alp*", "alpha \"alpha gamma\"*"] {
            let parsed = try #require(try SearchQuery(query))
            let expected = try Self.builtInRanking(workspace, parsed.ftsExpression)
            let hits = try workspace.search(query, limit: 100)
            #expect(hits.count == expected.count, "\(query)")
            for (hit, reference) in zip(hits, expected) {
                #expect(abs(hit.score - reference.score) <= 1e-9 * max(1, abs(reference.score)), "\(query)")
            }
            #expect(hits.map(\.score) == hits.map(\.score).sorted(), "\(query)")
        }
    }

    @Test func withManyMatchesTheDocumentFrequencyIsEstimatedFromTheNewest() throws {
        // 1,200 articles: "alpha" in 600, "beta" in 400, evenly spread, so the newest 200 matches of
        // each phrase span a share of the articles equal to the phrase's share of all of them.
        let workspace = try Self.rankingCorpus(count: 1200)
        #expect(SearchRanking.sampleSize < 400)
        for query in ["alpha", "alpha beta", "beta OR gamma"] {
            let parsed = try #require(try SearchQuery(query))
            let expected = try Self.builtInRanking(workspace, parsed.ftsExpression)
            let hits = try workspace.search(query, limit: 2000, rankingAtMost: 2000)
            #expect(hits.count == expected.count, "\(query)")
            let reference = Dictionary(uniqueKeysWithValues: expected.map { ($0.id, $0.score) })
            var largestError = 0.0
            for hit in hits {
                let score = try #require(reference[hit.articleID])
                largestError = max(largestError, abs(hit.score - score) / max(abs(score), 1e-9))
            }
            #expect(largestError < 0.02, "\(query): scores off by up to \(largestError)")
            // Same order where FTS5's scores differ by more than the estimate can move them.
            for (hit, next) in zip(hits, hits.dropFirst()) {
                let (a, b) = (try #require(reference[hit.articleID]), try #require(reference[next.articleID]))
                #expect(a <= b + 0.05 * abs(b), "\(query): \(hit.articleID) before \(next.articleID)")
            }
        }
    }

    @Test func aVersion5WorkspaceGetsThePrefixIndexAndFindsWhatItFoundBefore() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v5.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try WorkspaceSchema.migrator.migrate(queue, upTo: "v5-timeline-summaries-from-indexes")
        try queue.write { db in
            for (index, text) in ["Negotiations stalled in Brüssel.", "Negotiators waited; the truce held.", "Nothing here."].enumerated() {
                try db.execute(sql: """
                    INSERT INTO articles(content_hash, file, title, text, byline, blocks, warnings, imported_at)
                    VALUES (printf('%064d', ?), ?, ?, ?, '[]', '[]', '[]', '2023-01-02')
                    """, arguments: [index, "\(index).txt", "Title \(index)", text])
            }
        }
        let before = try queue.read { db in
            try Int64.fetchAll(db, sql: "SELECT rowid FROM article_search WHERE article_search MATCH '\"neg\"*' ORDER BY rowid")
        }
        try queue.close()

        let workspace = try Workspace.open(path: path)
        let definition = try workspace.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'article_search'")
        }
        #expect(definition?.contains("prefix = '3'") == true)
        #expect(before.count == 2)
        #expect(try workspace.articleIDs(matching: "neg*") == before)
        #expect(try workspace.articleIDs(matching: "negotiat*") == before)
        #expect(try workspace.articleIDs(matching: "brussel") == [before[0]])
        try workspace.write { db in
            try db.execute(sql: "INSERT INTO article_search(article_search) VALUES ('integrity-check')")
            // The triggers still keep the table in step.
            try db.execute(sql: "UPDATE articles SET text = 'Negligible.' WHERE id = ?", arguments: [before[1]])
        }
        #expect(try workspace.articleIDs(matching: "neg*") == before)
        #expect(try workspace.articleIDs(matching: "negotiat*") == [before[0]])
        #expect(try workspace.articleIDs(matching: "negl*") == [before[1]])
    }
}
