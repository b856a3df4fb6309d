/// The formats an article file can come in.
public enum SourceFormat: String, Sendable, Codable {
    /// Plain text, including text pasted from a news site.
    case plain
    /// Markdown, possibly with YAML front matter.
    case markdown
    /// A saved web page; `SourceDocument.text` then holds the extracted article text.
    case html
}

/// Metadata a file declares about itself (HTML `<meta>`, Open Graph, JSON-LD, `<time>`), raw as
/// found: dates are parsed later, together with dates written in the text.
public struct SourceMetadata: Hashable, Sendable, Codable {
    public var title: String?
    public var source: String?
    public var author: String?
    public var published: String?
    public var url: String?
    public init(title: String? = nil, source: String? = nil, author: String? = nil,
                published: String? = nil, url: String? = nil) {
        self.title = title
        self.source = source
        self.author = author
        self.published = published
        self.url = url
    }
}

/// A file's decoded text, before the article structure is recognised.
public struct SourceDocument: Hashable, Sendable {
    /// The path as the user gave it (`-` for standard input).
    public var path: String
    public var text: String
    public var format: SourceFormat
    public var metadata: SourceMetadata
    /// Problems met while reading that did not stop it (invalid UTF-8 replaced, ...).
    public var warnings: [String]
    /// Blocks the format itself marks (HTML's `<h1>`, `<figcaption>`, `<aside>`), as spans into `text`;
    /// empty when the structure must be recognised from the text alone.
    public var blocks: [Block]
    public init(path: String, text: String, format: SourceFormat, metadata: SourceMetadata = .init(),
                warnings: [String] = [], blocks: [Block] = []) {
        self.blocks = blocks
        self.path = path
        self.text = text
        self.format = format
        self.metadata = metadata
        self.warnings = warnings
    }
}
