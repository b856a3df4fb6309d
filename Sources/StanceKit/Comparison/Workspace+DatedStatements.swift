import GRDB

extension Workspace {
    /// Every statement in the workspace placed in time, for comparisons, timelines and agreement.
    /// Actors carry their workspace ids, so one person is one actor across articles. Statements
    /// come article by article in the article list's order, each article's in text order.
    ///
    /// Reads the statements, mentions and actors, and of the articles only what places and names
    /// them: a statement keeps its own words, so no article text is read.
    public func datedStatements() throws -> [DatedStatement] {
        try read { db in
            let statements = Dictionary(grouping: try StatementRecord
                .order(Column("article_id"), Column("start"), Column("end"), Column("id")).fetchAll(db), by: \.articleId)
            let mentions = Dictionary(grouping: try MentionRecord
                .order(Column("article_id"), Column("start"), Column("end")).fetchAll(db), by: \.articleId)
            let actors = Dictionary(uniqueKeysWithValues: try ActorRecord.fetchAll(db).map { ($0.id ?? 0, $0) })
            let aliases = try Self.aliasesByActor(Array(actors.keys), db)
            var dated: [DatedStatement] = []
            for article in try Row.fetchAll(db, sql: """
                SELECT id, title, source, published FROM articles ORDER BY published IS NULL, published, title, id
                """) {
                let articleID: Int64 = article[0]
                guard let own = statements[articleID] else { continue }
                let title: String? = article[1], outlet: String? = article[2], published: Day? = article[3]
                let byID = Dictionary(uniqueKeysWithValues: Self.articleActors(
                    statements: own, mentions: mentions[articleID] ?? [], actors: actors, aliases: aliases).map { ($0.id, $0) })
                for record in own {
                    let statement = Self.workspaceStatement(record).statement
                    guard let actor = byID[statement.actorID], let date = statement.date ?? published else { continue }
                    dated.append(DatedStatement(statement: statement, actor: actor, articleID: String(articleID),
                                                articleTitle: title, outlet: outlet, date: date))
                }
            }
            return dated
        }
    }
}
