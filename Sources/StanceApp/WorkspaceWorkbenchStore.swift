import StanceKit

/// The workbench over the SQLite workspace. Everything is read on demand through the workspace's
/// intention-named queries (no SQL here), so opening a workspace of thousands of articles reads the
/// article list and the actors, not every text.
public final class WorkspaceWorkbenchStore: WorkbenchStore {
    public let frame: Frame
    public let workspace: Workspace
    private var summaries: [ArticleSummary]?
    private var summaryOrder: [ArticleID: Int] = [:]

    public init(workspace: Workspace, frame: Frame) {
        self.workspace = workspace
        self.frame = frame
    }

    public func articleSummaries() throws -> [ArticleSummary] {
        if let summaries { return summaries }
        let loaded = try workspace.articles().map { article in
            ArticleSummary(id: String(article.id), title: article.title ?? Self.fileName(article.file),
                           outlet: article.source, published: article.published,
                           statementCount: article.statements.standing)
        }
        summaries = loaded
        summaryOrder = Dictionary(loaded.enumerated().map { ($0.element.id, $0.offset) },
                                  uniquingKeysWith: { first, _ in first })
        return loaded
    }

    public func article(_ id: ArticleID) throws -> LoadedArticle? {
        guard let number = Int64(id) else { return nil }
        let detail = try workspace.article(number)
        let analysis = ArticleAnalysis(article: detail.article, actors: detail.actors,
                                       statements: detail.statements.map(\.statement))
        let summary = try articleSummaries().first { $0.id == id }
            ?? ArticleSummary(id: id, title: detail.article.title ?? Self.fileName(detail.article.file),
                              outlet: detail.article.source, published: detail.article.published,
                              statementCount: detail.statements.count)
        // Workspace actor ids already name one actor across all articles.
        let corpusIDs = Dictionary(detail.actors.map { ($0.id, $0.id) }, uniquingKeysWith: { first, _ in first })
        return LoadedArticle(summary: summary, analysis: analysis, corpusActorIDs: corpusIDs)
    }

    public func corpusActors() throws -> [CorpusActor] {
        try workspace.actors().map { actor in
            CorpusActor(id: String(actor.id), name: actor.name, kind: actor.kind, role: actor.role,
                        isParticipant: actor.isParticipant, statementCounts: actor.stanceCounts,
                        mentionCount: actor.statementCount, articleCount: actor.articleCount,
                        stance: InMemoryWorkbenchStore.overallStance(actor.stanceCounts, frame: frame))
        }
    }

    public func statements(of actor: CorpusActorID) throws -> [ActorStatement] {
        guard let number = Int64(actor) else { return [] }
        return try workspace.statements(actorID: number)
            .filter { $0.statement.statement.status != .rejected }
            .map { item in
                ActorStatement(statement: item.statement.statement, articleID: String(item.statement.articleID),
                               articleTitle: item.articleTitle ?? "", outlet: item.source, date: item.day)
            }
    }

    /// Full-text search (FTS5), returned in the order of the article list.
    public func articles(matching query: String) throws -> [ArticleID] {
        let all = try articleSummaries()
        guard !query.trimmingCharacters(in: .whitespaces).isEmpty else { return all.map(\.id) }
        return try workspace.search(query, limit: all.count)
            .map { String($0.articleID) }
            .sorted { (summaryOrder[$0] ?? .max) < (summaryOrder[$1] ?? .max) }
    }

    public func datedStatements() throws -> [DatedStatement] {
        try workspace.datedStatements()
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
