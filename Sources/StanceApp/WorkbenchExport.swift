import Foundation
import StanceKit

/// A store whose corpus the workbench can write in the exchange formats (`:export`), through the
/// same `Exporter` as `stancebench export`, so the two cannot differ.
public protocol ExportingStore: WorkbenchStore {
    func exporter() throws -> Exporter
}

/// A store that keeps some reads between requests and can forget them, so that `:refresh` shows
/// what another process saved in the meantime, and that can tell cheaply whether one did.
public protocol RereadableStore: WorkbenchStore {
    func forgetCachedReads()
    /// Whether another process saved changes since the last call (false on the first).
    func hasChangedElsewhere() throws -> Bool
}

/// What `:export` wrote, for the status bar.
public struct ExportReport: Hashable, Sendable {
    public var format: ExportFormat
    /// Where it wrote, absolute (a folder for brat).
    public var path: String
    public var articleCount: Int
    public var statementCount: Int
}

/// Why `:export` wrote nothing, for the status bar.
public struct ExportFailure: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "Not exported: \(reason) (\(path))" }
}

extension ExportingStore {
    /// Writes the whole corpus as `format` to `path` (`~` expands; relative to the working folder).
    public func export(_ format: ExportFormat, to path: String) throws -> ExportReport {
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL
        let exporter = try exporter()
        do {
            try exporter.write(format, to: url)
        } catch let error as CocoaError {
            // Foundation's own wording ("You don't have permission…"), not its debug description.
            throw ExportFailure(path: url.path, reason: error.localizedDescription)
        }
        let articles = exporter.document.articles
        return ExportReport(format: format, path: url.path, articleCount: articles.count,
                            statementCount: articles.reduce(0) { $0 + $1.statements.count })
    }
}

extension WorkspaceWorkbenchStore: ExportingStore, RereadableStore {
    public func exporter() throws -> Exporter {
        try Exporter(workspace: workspace, frame: frame)
    }
}

extension InMemoryWorkbenchStore: ExportingStore {
    public func exporter() -> Exporter {
        let analyses = articleSummaries().compactMap { article($0.id)?.analysis }
        return Exporter(document: ExportDocument(analyses: analyses, frame: frame), frame: frame)
    }
}
