import Foundation

public enum ExportFormat: String, Sendable, CaseIterable {
    case json, jsonl, csv, brat, markdown

    /// The file name extension; brat writes a folder.
    public var fileExtension: String? {
        switch self {
        case .json: "json"
        case .jsonl: "jsonl"
        case .csv: "csv"
        case .brat: nil
        case .markdown: "md"
        }
    }
}

/// Writes a set of analysed (and annotated) articles in the exchange formats. Every format is
/// rendered from the same `ExportDocument`, so they cannot disagree.
public struct Exporter: Sendable {
    public var document: ExportDocument
    /// The debate's positions, for labels and ordering; stance ids are used as they are without it.
    public var frame: Frame?

    public init(document: ExportDocument, frame: Frame? = nil) {
        self.document = document
        self.frame = frame
    }

    /// Everything in the workspace.
    public init(workspace: Workspace, frame: Frame? = nil) throws {
        var document = ExportDocument(workspaceArticles: try workspace.allArticles(), frame: frame?.id)
        if let frame, document.frame == frame.id { document.frameDetails = frame }
        self.init(document: document, frame: frame)
    }

    /// Writes the format to `url`: a file, or for brat a folder (created when missing).
    public func write(_ format: ExportFormat, to url: URL) throws {
        switch format {
        case .json: try json().write(to: url, options: .atomic)
        case .jsonl: try jsonLines().write(to: url, options: .atomic)
        case .csv: try Data(csv().utf8).write(to: url, options: .atomic)
        case .markdown: try Data(markdown().utf8).write(to: url, options: .atomic)
        case .brat: try BratExport(document: document, frame: frame).write(to: url)
        }
    }

    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The whole document, pretty-printed with sorted keys, ending in a newline.
    public func json() throws -> Data {
        var data = try Self.encoder(pretty: true).encode(document)
        data.append(0x0A)
        return data
    }

    /// One article per line, each carrying the frame so a line stands alone.
    public func jsonLines() throws -> Data {
        let writer = try lineWriter()
        var data = Data()
        for article in document.articles { data.append(try writer.line(article)) }
        return data
    }

    /// One article as a JSON line (newline included), carrying the frame so that it stands alone.
    public func line(_ article: ExportArticle) throws -> Data {
        var article = article
        article.frame = document.frame
        article.frameDetails = document.frameDetails
        var data = try Self.encoder(pretty: false).encode(article)
        data.append(0x0A)
        return data
    }

    /// A writer of `line`s that encodes the document's frame once, for many lines.
    public func lineWriter() throws -> LineWriter { try LineWriter(exporter: self) }

    /// Writes what `line` writes, with the frame encoded once: it is the same on every line and,
    /// with its cue lists, costs about as much to encode as an article. Each article is encoded
    /// with a placeholder frame id whose encoding is then replaced by the frame's.
    public struct LineWriter: Sendable {
        private let exporter: Exporter
        /// The frame's member (`"frame":{...}`), or nil when the document carries no frame details.
        private let frameMember: Data?
        /// The NUL character is never a frame id and encodes as an escape, so no text of an article,
        /// whose quotation marks are escaped, can encode to the placeholder member.
        private static let placeholderID = "\u{0}"
        private let placeholderMember: Data

        init(exporter: Exporter) throws {
            self.exporter = exporter
            let encoder = Exporter.encoder(pretty: false)
            frameMember = try exporter.document.frameDetails.map { Data("\"frame\":".utf8) + (try encoder.encode($0)) }
            // The placeholder encodes as {"frame":"\u0000"}: its member is that without the braces.
            placeholderMember = try encoder.encode(["frame": Self.placeholderID]).dropFirst().dropLast()
        }

        public func line(_ article: ExportArticle) throws -> Data {
            guard let frameMember else { return try exporter.line(article) }
            var article = article
            article.frame = Self.placeholderID
            article.frameDetails = nil
            var data = try Exporter.encoder(pretty: false).encode(article)
            guard let found = data.range(of: placeholderMember),
                  data[found.upperBound...].range(of: placeholderMember) == nil else {
                return try exporter.line(article)
            }
            data.replaceSubrange(found, with: frameMember)
            data.append(0x0A)
            return data
        }
    }

    static let csvColumns = ["article", "outlet", "published", "actor", "actor_kind", "kind", "stance", "confidence",
                             "date", "date_text", "text", "cue", "start", "end", "status", "annotator", "note"]

    /// RFC 4180: a header row, one row per statement, CRLF line ends, fields quoted when they
    /// hold a comma, quote or line break, quotes doubled.
    public func csv() -> String {
        var rows = [Self.csvColumns]
        for article in document.articles {
            let actors = Dictionary(article.actors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for statement in article.statements {
                let actor = actors[statement.actor]
                rows.append([
                    article.title ?? article.file, article.source ?? "", article.published?.description ?? "",
                    actor?.name ?? statement.actor, actor?.kind.rawValue ?? "", statement.kind.rawValue,
                    statement.stance, Self.number(statement.confidence), statement.date?.description ?? "",
                    statement.dateText ?? "", statement.text, statement.cue ?? "", String(statement.start),
                    String(statement.end), (statement.status ?? .suggested).rawValue, statement.annotator ?? "",
                    statement.note ?? "",
                ])
            }
        }
        return rows.map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Shortest form that reads back to the same value ("0.85", "1").
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A report for reading: per actor, their statements grouped by position, each quote with its
    /// date and outlet. Rejected statements are left out.
    public func markdown() -> String {
        struct Quote { var statement: ExportStatement; var article: ExportArticle }
        struct Speaker { var name: String; var kind: ActorKind; var role: String?; var quotes: [Quote] = [] }
        var speakers: [String: Speaker] = [:]
        for article in document.articles {
            let actors = Dictionary(article.actors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for statement in article.statements where statement.status != .rejected {
                guard let actor = actors[statement.actor] else { continue }
                // The same person across articles: workspace ids are shared, analyser ids are not.
                let key = "\(actor.kind.rawValue)/\(NameKey.normalize(actor.name))"
                speakers[key, default: Speaker(name: actor.name, kind: actor.kind, role: actor.role)]
                    .quotes.append(Quote(statement: statement, article: article))
            }
        }
        let positionOrder = (frame?.stanceValues ?? []) + [Frame.mixed, Frame.none]
        func rank(_ stance: String) -> Int { positionOrder.firstIndex(of: stance) ?? positionOrder.count }
        func label(_ stance: String) -> String { frame?.position(stance)?.label ?? stance }

        var lines = ["# Who said what", ""]
        if let frameID = document.frame { lines += ["Frame: \(frame?.name ?? frameID)", ""] }
        let sorted = speakers.values.sorted { ($1.quotes.count, $0.name) < ($0.quotes.count, $1.name) }
        for speaker in sorted {
            let role = speaker.role.map { ", \($0)" } ?? ""
            lines += ["## \(speaker.name)", "", "\(speaker.kind.rawValue)\(role); \(speaker.quotes.count) statement\(speaker.quotes.count == 1 ? "" : "s")", ""]
            let byStance = Dictionary(grouping: speaker.quotes, by: \.statement.stance)
            for stance in byStance.keys.sorted(by: { (rank($0), $0) < (rank($1), $1) }) {
                lines += ["### \(label(stance))", ""]
                let quotes = byStance[stance, default: []].sorted { a, b in
                    let dayA = (a.statement.date ?? a.article.published)?.ordinal ?? Int.max
                    let dayB = (b.statement.date ?? b.article.published)?.ordinal ?? Int.max
                    return (dayA, a.article.file, a.statement.start) < (dayB, b.article.file, b.statement.start)
                }
                for quote in quotes {
                    let words = Self.oneLine(quote.statement.text)
                    let shown = quote.statement.kind == .direct ? "“\(words)”" : words
                    let day = (quote.statement.date ?? quote.article.published)?.description ?? "undated"
                    let outlet = quote.article.source ?? quote.article.title ?? quote.article.file
                    let status = quote.statement.status.map { $0 == .suggested ? " (suggested)" : "" } ?? ""
                    lines.append("- \(shown) (\(quote.statement.kind.rawValue)) — \(outlet), \(day)\(status)")
                }
                lines.append("")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
    }
}
