import StanceApp
import StanceKit

/// The workbench's view of a SQLite workspace, so that start-up is measured on the same corpus the
/// import benchmark wrote. Workspace ids become the workbench's string ids; actors are already
/// merged across articles by the workspace, so an article's actor id is its corpus id.
struct WorkspaceWorkbenchStore: WorkbenchStore {
    let workspace: Workspace
    let frame: Frame

    func articleSummaries() throws -> [StanceApp.ArticleSummary] {
        try workspace.articles().map { article in
            StanceApp.ArticleSummary(id: String(article.id), title: article.title ?? article.file, outlet: article.source,
                                     published: article.published, statementCount: article.statements.standing)
        }
    }

    func article(_ id: ArticleID) throws -> LoadedArticle? {
        guard let key = Int64(id) else { return nil }
        let detail = try workspace.article(key)
        let summary = StanceApp.ArticleSummary(
            id: id, title: detail.article.title ?? detail.article.file, outlet: detail.article.source,
            published: detail.article.published,
            statementCount: detail.statements.filter { $0.statement.status != .rejected }.count)
        let analysis = ArticleAnalysis(article: detail.article, actors: detail.actors,
                                       statements: detail.statements.map(\.statement))
        return LoadedArticle(summary: summary, analysis: analysis,
                             corpusActorIDs: Dictionary(uniqueKeysWithValues: detail.actors.map { ($0.id, $0.id) }))
    }

    func corpusActors() throws -> [CorpusActor] {
        try workspace.actors().map { actor in
            CorpusActor(id: String(actor.id), name: actor.name, kind: actor.kind, role: actor.role,
                        isParticipant: actor.isParticipant, statementCounts: actor.stanceCounts, mentionCount: 0,
                        articleCount: actor.articleCount, stance: actor.stance)
        }
    }

    func statements(of actor: CorpusActorID) throws -> [StanceApp.ActorStatement] {
        guard let key = Int64(actor) else { return [] }
        return try workspace.statements(actorID: key).map { found in
            StanceApp.ActorStatement(statement: found.statement.statement, articleID: String(found.statement.articleID),
                                     articleTitle: found.articleTitle ?? "", outlet: found.source, date: found.day)
        }
    }

    func articles(matching query: String) throws -> [ArticleID] {
        try workspace.search(query, limit: 1000).map { String($0.articleID) }
    }
}
