import StanceKit
import Terminal

/// Everything that can happen to the workbench: keys and what they mean, a resize, and the results
/// of effects coming back from the runtime.
public enum Action: Sendable {
    case start
    case key(Key)
    case resized(Size)
    /// A command of the table, with its argument from the command line if any.
    case run(CommandID, argument: String?)
    /// The article list, read first: with the first article it is all the first frame needs.
    case articleListLoaded([ArticleSummary])
    /// The runtime drew the first frame; the rest of the corpus (actors, timeline) is read now.
    case firstFrameDrawn
    case corpusLoaded(CorpusSnapshot)
    /// The actors a write touched, read again.
    case corpusPatched(CorpusPatch)
    /// The statements of timeline rows that came into view.
    case timelineStatementsLoaded([CorpusActorID: [TimelineStatement]])
    /// The words of the statement under the timeline cursor; nil when it is gone.
    case statementTextLoaded(StatementRef, String?)
    /// The first statement of an actor across the corpus, to open; nil when it made none.
    case firstStatementFound(actorName: String, TimelineStatement?)
    /// Another workbench (or an import) saved changes to the file: read again, as `:refresh` does.
    case changedElsewhere
    /// An article arrived; `statement` is the one to show (from the timeline).
    case articleLoaded(LoadedArticle, statement: String?)
    case articlesMatched(query: String, [ArticleID])
    case themeSwitched(String)
    case effectFailed(String)
    /// The dated statements of `actors`.
    case datedStatementsLoaded(actors: Set<CorpusActorID>, [DatedStatement])
    /// Every actor's dated statements counted per day and stance (only those of `outlets`' articles
    /// when given), for the corpus timeline and agreement.
    case dailyStanceCountsLoaded(outlets: Set<String>?, [CorpusActorID: [DailyStanceCount]])
    /// A write was saved; `show` is the statement to show after the reload.
    case saved(SavedChange, show: String?)
    /// A write that found nothing to do (nothing to undo); the text says so.
    case nothingChanged(String)
    /// A write that failed; `changeWasSaved` when the change is in the workspace all the same
    /// (only its command log line is missing), so the screen must show it.
    case writeFailed(String, changeWasSaved: Bool)
    case exported(ExportReport)
    /// The open article read again after a write, keeping the reader's place.
    case articleReloaded(LoadedArticle, statement: String?)
}

/// Work `update` asks the runtime to do; the results come back as actions.
public enum Effect: Hashable, Sendable {
    case loadArticleList
    case loadCorpus
    /// Reads again the actors (and their timeline rows) a write touched.
    case patchCorpus(actors: Set<CorpusActorID>)
    case loadTimelineStatements([CorpusActorID])
    /// Reads the words of a statement the timeline shows without them.
    case loadStatementText(StatementRef)
    case findFirstStatement(of: CorpusActorID, actorName: String)
    case loadArticle(ArticleID, statement: String?)
    case findArticles(matching: String)
    case switchTheme(String)
    /// An annotation, saved before the next key is read; `show` is the statement to show after.
    case write(AnnotationWrite, show: String?)
    case reloadArticle(ArticleID, statement: String?)
    case quit
    /// Reads the dated statements of `actors`.
    case loadDatedStatements(of: Set<CorpusActorID>)
    /// Reads every actor's dated statements counted per day and stance (of `outlets` when given).
    case loadDailyStanceCounts(outlets: Set<String>?)
    /// Drops what the store keeps between reads, before the corpus is read again.
    case forgetCachedReads
    case export(ExportFormat, path: String)
}
