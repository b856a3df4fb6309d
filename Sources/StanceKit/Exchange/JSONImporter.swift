import Foundation

/// Reads the JSON exchange format back: a whole document (`json` export, `stancebench analyze
/// --json`) or JSON lines (`jsonl` export, one article per line).
public enum JSONImporter {
    public struct Contents: Hashable, Sendable {
        public var frame: String?
        public var analyses: [ArticleAnalysis]
        /// The articles with provenance as exported (origin, annotator, decision time, note).
        public var articles: [ExportArticle]
    }

    public static func read(_ url: URL) throws -> Contents {
        try read(Data(contentsOf: url))
    }

    public static func read(_ data: Data) throws -> Contents {
        let decoder = JSONDecoder()
        // A document is one object with an `articles` key; JSON lines are objects, one per line.
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], object["articles"] != nil {
            let document = try decoder.decode(ExportDocument.self, from: data)
            return Contents(frame: document.frame, analyses: document.articles.map(\.analysis), articles: document.articles)
        }
        var articles: [ExportArticle] = []
        for (index, line) in data.split(separator: 0x0A).enumerated() {
            guard line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { continue }
            do {
                articles.append(try decoder.decode(ExportArticle.self, from: Data(line)))
            } catch {
                throw WorkspaceError.invalidValue("Line \(index + 1) is not an exported article: \(error)")
            }
        }
        return Contents(frame: articles.first?.frame, analyses: articles.map(\.analysis), articles: articles)
    }
}
