import CLibXML2

/// What a page says about itself in its head and markup, gathered in one pass; `resolve` then
/// applies the precedence JSON-LD, Open Graph, plain `<meta>`, the page itself.
struct PageMetadata {
    private(set) var titleElement: String?
    /// `<meta>` contents by lower-cased `property` or `name`, first occurrence kept.
    private(set) var properties: [String: String] = [:]
    private(set) var names: [String: String] = [:]
    private(set) var canonicalURL: String?
    private(set) var itemDatePublished: String?
    private(set) var jsonLD: JSONLDArticle?

    init(document root: XMLNode) {
        var scripts: [String] = []
        root.walk { node in
            guard node.isElement else { return false }
            switch node.name {
            case "title":
                if titleElement == nil { titleElement = Self.clean(node.textContent) }
                return false
            case "meta":
                readMeta(node)
                return false
            case "link":
                if canonicalURL == nil,
                   node.attribute("rel")?.lowercased().split(separator: " ").contains("canonical") == true {
                    canonicalURL = node.attribute("href").flatMap(Self.clean)
                }
                return false
            case "script":
                if node.attribute("type")?.lowercased().hasPrefix("application/ld+json") == true {
                    scripts.append(node.textContent)
                }
                return false
            case "style", "template", "svg":
                return false
            default:
                if itemDatePublished == nil, HTMLVocabulary.hasItemProperty(node, "datePublished") {
                    itemDatePublished = Self.clean(node.attribute("content") ?? node.attribute("datetime")
                        ?? node.textContent)
                }
                return true
            }
        }
        jsonLD = JSONLDArticle.first(in: scripts)
    }

    private mutating func readMeta(_ node: XMLNode) {
        guard let content = node.attribute("content").flatMap(Self.clean) else { return }
        if let property = node.attribute("property")?.lowercased(), properties[property] == nil {
            properties[property] = content
        }
        if let name = node.attribute("name")?.lowercased(), names[name] == nil {
            names[name] = content
        }
    }

    /// The title the page declares for itself, before its own `<h1>` is looked at.
    var declaredTitle: String? {
        jsonLD?.headline ?? meta(["og:title", "twitter:title"]) ?? titleElement
    }

    /// The first of `keys` present (as `property` or `name`) whose content `accept` takes.
    private func meta(_ keys: [String], accept: (String) -> Bool = { _ in true }) -> String? {
        keys.lazy.flatMap { [properties[$0], names[$0]] }.compactMap { $0 }.first(where: accept)
    }

    /// The metadata, given what the extractor found in the article: the `<h1>` headline, the
    /// `<time datetime>` and the `rel=author`/byline names.
    func resolve(pageHeadline: String?, articleTime: String?, pageAuthors: [String]) -> SourceMetadata {
        var metadata = SourceMetadata()
        metadata.source = jsonLD?.publisher ?? meta(["og:site_name", "application-name"])
        metadata.title = jsonLD?.headline ?? meta(["og:title", "twitter:title", "title", "dc.title"])
            ?? pageHeadline ?? titleElement.map { Self.removingSiteName(from: $0, source: metadata.source) }
        // article:author is often a link to a profile page rather than a name.
        let metaAuthor = meta(["article:author", "author", "byl", "parsely-author", "sailthru.author", "dc.creator"],
                              accept: { !JSONLDArticle.looksLikeURL($0) }).map(Self.removingBy)
        metadata.author = Self.joinedNames(jsonLD?.authors ?? []) ?? metaAuthor ?? Self.joinedNames(pageAuthors)
        metadata.published = jsonLD?.datePublished
            ?? meta(["article:published_time", "og:published_time", "date", "pubdate", "publishdate",
                     "publish-date", "parsely-pub-date", "dc.date", "dc.date.issued", "dcterms.date",
                     "dcterms.created", "sailthru.date"])
            ?? itemDatePublished ?? articleTime
        metadata.url = jsonLD?.url ?? meta(["og:url"]) ?? canonicalURL
        return metadata
    }

    /// "A", "A and B", "A, B and C": one string, as `SourceMetadata.author` holds one.
    static func joinedNames(_ names: [String]) -> String? {
        switch names.count {
        case 0: return nil
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
        }
    }

    /// `byl` and some author fields read "By Jane Doe".
    static func removingBy(_ text: String) -> String {
        guard text.lowercased().hasPrefix("by "), let name = clean(String(text.dropFirst(3))) else { return text }
        return name
    }

    /// "Headline | Site" or "Headline - Site" without the site name, when it is the known source.
    static func removingSiteName(from title: String, source: String?) -> String {
        guard let source = source?.lowercased() else { return title }
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            guard let range = title.ranges(of: separator).last else { continue }
            if clean(String(title[range.upperBound...]))?.lowercased() == source,
               let headline = clean(String(title[..<range.lowerBound])) {
                return headline
            }
        }
        return title
    }

    /// Whitespace runs collapsed to one space and trimmed; nil when nothing is left.
    static func clean(_ text: String) -> String? {
        let collapsed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }
}
