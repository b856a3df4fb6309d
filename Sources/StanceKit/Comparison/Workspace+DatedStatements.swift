extension Workspace {
    /// Every statement in the workspace placed in time, for comparisons, timelines and agreement.
    /// Actors carry their workspace ids, so one person is one actor across articles.
    public func datedStatements() throws -> [DatedStatement] {
        try allArticles().flatMap { detail in
            let analysis = ArticleAnalysis(article: detail.article, actors: detail.actors,
                                           statements: detail.statements.map(\.statement))
            return DatedStatement.statements(of: analysis, articleID: String(detail.id))
        }
    }
}
