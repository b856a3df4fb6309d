import StanceKit

/// The workbench over the SQLite workspace. Everything is read on demand through the workspace's
/// intention-named queries (no SQL here), so opening a workspace of thousands of articles reads the
/// article list and the actors, not every text. Annotations go through the workspace's
/// intention-named writes, each one transaction made by `annotator`, logged and undoable.
public final class WorkspaceWorkbenchStore: AnnotatingStore {
    public let frame: Frame
    public let workspace: Workspace
    public let annotator: String
    private var summaries: [ArticleSummary]?
    private var summaryOrder: [ArticleID: Int] = [:]

    public init(workspace: Workspace, frame: Frame, annotator: String) {
        self.workspace = workspace
        self.frame = frame
        self.annotator = annotator
    }

    public func articleSummaries() throws -> [ArticleSummary] {
        if let summaries { return summaries }
        let loaded = try workspace.articles().map { article in
            ArticleSummary(id: String(article.id), title: article.title ?? Self.fileName(article.file),
                           outlet: article.source, published: article.published)
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
        let summary = try articleSummaries()[safe: summaryOrder[id] ?? -1]
            ?? ArticleSummary(id: id, title: detail.article.title ?? Self.fileName(detail.article.file),
                              outlet: detail.article.source, published: detail.article.published)
        // Workspace actor ids already name one actor across all articles.
        let corpusIDs = Dictionary(detail.actors.map { ($0.id, $0.id) }, uniquingKeysWith: { first, _ in first })
        let notes = Dictionary(detail.statements.compactMap { item in item.note.map { (String(item.id), $0) } },
                               uniquingKeysWith: { first, _ in first })
        return LoadedArticle(summary: summary, analysis: analysis, corpusActorIDs: corpusIDs, notes: notes)
    }

    public func corpusActors() throws -> [CorpusActor] {
        try workspace.actors(countingArticles: false).map(corpusActor)
    }

    public func corpusActors(among ids: Set<CorpusActorID>) throws -> [CorpusActor] {
        try workspace.actors(ids: Self.numbers(ids), countingArticles: false).map(corpusActor)
    }

    private func corpusActor(_ actor: StanceKit.ActorSummary) -> CorpusActor {
        CorpusActor(id: String(actor.id), name: actor.name, kind: actor.kind, role: actor.role,
                    isParticipant: actor.isParticipant, statementCounts: actor.stanceCounts,
                    mentionCount: actor.statementCount, articleCount: nil,
                    stance: InMemoryWorkbenchStore.overallStance(actor.stanceCounts, frame: frame),
                    aliases: actor.aliases)
    }

    public func statements(of actor: CorpusActorID) throws -> [ActorStatement] {
        guard let number = Int64(actor) else { return [] }
        return try workspace.statements(actorID: number)
            .filter { $0.statement.statement.status != .rejected }
            .map(Self.actorStatement)
    }

    public func timelineSummaries(among ids: Set<CorpusActorID>?) throws -> [TimelineRowSummary] {
        try workspace.timelineSummaries(actorIDs: ids.map(Self.numbers)).values.map(Self.rowSummary)
    }

    public func corpusActorsAndTimelineSummaries(among ids: Set<CorpusActorID>?) throws
        -> (actors: [CorpusActor], timelineSummaries: [TimelineRowSummary]) {
        let read = try workspace.actorsAndTimelineSummaries(ids: ids.map(Self.numbers))
        return (read.actors.map(corpusActor), read.timelineSummaries.values.map(Self.rowSummary))
    }

    private static func numbers(_ ids: Set<CorpusActorID>) -> [Int64] { ids.compactMap { Int64($0) }.sorted() }

    private static func rowSummary(_ summary: TimelineActorSummary<Int64>) -> TimelineRowSummary {
        TimelineRowSummary(actorID: String(summary.actorID), stanceCounts: summary.stanceCounts, days: summary.days)
    }

    public func statementText(_ statement: StatementRef) throws -> String? {
        guard let number = Int64(statement.statementID) else { return nil }
        return try workspace.statementText(number)
    }

    public func timelineStatements(of actors: [CorpusActorID]) throws -> [CorpusActorID: [TimelineStatement]] {
        let numbers = actors.compactMap { Int64($0) }
        guard !numbers.isEmpty else { return [:] }
        let placements = try workspace.standingStatementPlacements(actorIDs: numbers)
        // Outlets of the articles these statements are in, from the article list already read.
        let summaries = try articleSummaries()
        var result = Dictionary(actors.map { ($0, [TimelineStatement]()) }, uniquingKeysWith: { first, _ in first })
        for (actor, placements) in placements {
            result[String(actor)] = placements.map { placement in
                let articleID = String(placement.articleID)
                return TimelineStatement(statementID: String(placement.id), articleID: articleID,
                                         outlet: summaryOrder[articleID].map { summaries[$0].outlet } ?? nil,
                                         date: placement.day, stance: placement.stance,
                                         status: placement.status, text: nil)
            }
        }
        return result
    }

    private static func actorStatement(_ item: StanceKit.ActorStatement) -> ActorStatement {
        ActorStatement(statement: item.statement.statement, articleID: String(item.statement.articleID),
                       articleTitle: item.articleTitle ?? "", outlet: item.source, date: item.day)
    }

    /// Full-text search (FTS5), returned in the order of the article list. A filter needs every
    /// match and no ranking or snippets, which is what makes it cheap on a large workspace.
    public func articles(matching query: String) throws -> [ArticleID] {
        let all = try articleSummaries()   // also fills `summaryOrder`
        guard !query.trimmingCharacters(in: .whitespaces).isEmpty else { return all.map(\.id) }
        return try workspace.articleIDs(matching: query)
            .map { String($0) }
            .sorted { (summaryOrder[$0] ?? .max) < (summaryOrder[$1] ?? .max) }
    }

    public func datedStatements(of actors: Set<CorpusActorID>?) throws -> [DatedStatement] {
        try workspace.datedStatements(actorIDs: actors.map { $0.compactMap { Int64($0) }.sorted() })
    }

    public func dailyStanceCounts(outlets: Set<String>?) throws -> [CorpusActorID: [DailyStanceCount]] {
        try workspace.comparisonDailyCounts(outlets: outlets)
    }

    /// The article list is kept between requests; another workbench's writes make it stale.
    public func forgetCachedReads() {
        summaries = nil
    }

    public func hasChangedElsewhere() throws -> Bool {
        try workspace.changedElsewhere()
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

extension WorkspaceWorkbenchStore: IntegrityCheckedStore {
    public var integrityProblem: String? {
        if case .damaged(let error) = workspace.integrityStatus { return error.description }
        return nil
    }
}

extension WorkspaceWorkbenchStore {
    public var readOnlyReason: String? { workspace.readOnlyReason }

    public func accept(statement: String) throws -> SavedChange {
        try saved("accepted", workspace.accept(try number(statement), by: annotator))
    }

    public func reject(statement: String) throws -> SavedChange {
        try saved("rejected", workspace.reject(try number(statement), by: annotator))
    }

    public func setStance(statement: String, to stance: String) throws -> SavedChange {
        try saved("stance \(stance)", workspace.setStance(try number(statement), to: stance, by: annotator))
    }

    public func setKind(statement: String, to kind: StatementKind) throws -> SavedChange {
        try saved("kind \(kind.rawValue)", workspace.setKind(try number(statement), to: kind, by: annotator))
    }

    public func setActor(statement: String, to actor: ActorPick) throws -> SavedChange {
        let (actorID, name) = try actorNumber(actor)
        return try saved("attributed to \(name)", workspace.setActor(try number(statement), to: actorID, by: annotator))
    }

    public func setSpan(statement: String, to span: TextSpan) throws -> SavedChange {
        try saved("span moved", workspace.setSpan(try number(statement), to: span, by: annotator))
    }

    public func setDate(statement: String, to date: Day?) throws -> SavedChange {
        try saved(date.map { "date \($0)" } ?? "date cleared", workspace.setDate(try number(statement), to: date, by: annotator))
    }

    public func setNote(statement: String, to note: String?) throws -> SavedChange {
        try saved(note == nil ? "note removed" : "note", workspace.setNote(try number(statement), to: note, by: annotator))
    }

    public func deleteStatement(_ statement: String) throws -> SavedChange {
        try saved("deleted", workspace.deleteStatement(try number(statement), by: annotator))
    }

    public func attributeSpan(article: ArticleID, span: TextSpan, to actor: ActorPick, kind: StatementKind,
                              stance: String, date: Day?, note: String?) throws -> SavedChange {
        let articleID = try number(article)
        let (actorID, name) = try actorNumber(actor)
        let change = try workspace.addStatement(article: articleID, actor: actorID, kind: kind, span: span,
                                                stance: stance, date: date, note: note, by: annotator)
        return saved("statement by \(name), \(stance)", change)
    }

    public func createActor(name: String, kind: ActorKind, role: String?) throws -> SavedChange {
        saved("actor \(name) created", try workspace.createActor(name: name, kind: kind, role: role, by: annotator))
    }

    public func renameActor(_ actor: CorpusActorID, to name: String) throws -> SavedChange {
        try saved("renamed to \(name)", workspace.renameActor(try number(actor), to: name, by: annotator))
    }

    public func mergeActors(keep: CorpusActorID, absorb: CorpusActorID) throws -> SavedChange {
        try saved("actors merged", workspace.mergeActors(keep: try number(keep), absorb: try number(absorb), by: annotator))
    }

    public func splitAlias(actor: CorpusActorID, alias: String) throws -> SavedChange {
        try saved("\(alias) split off", workspace.splitAlias(actor: try number(actor), alias: alias, by: annotator))
    }

    public func undo() throws -> SavedChange? {
        try workspace.undo(by: annotator).map { saved("undid \($0.command.name)", $0) }
    }

    public func redo() throws -> SavedChange? {
        try workspace.redo(by: annotator).map { saved("redid \($0.command.name)", $0) }
    }

    /// Annotations change statements, actors, aliases and mentions, never the article list, which
    /// is kept; the change names the actors it touched, for the workbench to read again.
    private func saved(_ description: String, _ change: WorkspaceChange) -> SavedChange {
        let created = change.direction == .applied && change.command.name == "attribute-span" ? change.createdID : nil
        return SavedChange(description: description, createdStatement: created.map(String.init),
                           touchedActors: Set(change.actorIDs.map(String.init)))
    }

    private func number(_ id: String) throws -> Int64 {
        guard let number = Int64(id) else { throw WorkspaceError.unknownStatement(id) }
        return number
    }

    /// The workspace id of the picked actor, creating it first when it is new (its own change,
    /// undone separately), and its name for the status bar.
    private func actorNumber(_ pick: ActorPick) throws -> (Int64, String) {
        switch pick {
        case .existing(let id):
            let actorID = try number(id)
            let name = try workspace.actors(ids: [actorID], countingArticles: false).first?.name ?? id
            return (actorID, name)
        case .new(let name, let kind, let role):
            let change = try workspace.createActor(name: name, kind: kind, role: role, by: annotator)
            guard let created = change.createdID else { throw WorkspaceError.unknownActor(name) }
            return (created, name)
        }
    }
}
