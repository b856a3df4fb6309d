import Foundation

/// The schema.org description of a news article a page embeds as JSON-LD.
struct JSONLDArticle: Equatable {
    var headline: String?
    var datePublished: String?
    var authors: [String] = []
    var publisher: String?
    var url: String?

    /// The first article object among the `<script type="application/ld+json">` texts of a page,
    /// found at the top level, in arrays or in `@graph`; `@id` references to people and
    /// organisations elsewhere in the same script are followed.
    static func first(in scripts: [String]) -> JSONLDArticle? {
        for script in scripts {
            guard let data = script.trimmingCharacters(in: .whitespacesAndNewlines).data(using: .utf8),
                  let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            var objects: [[String: Any]] = []
            collectObjects(json, into: &objects)
            var byID: [String: [String: Any]] = [:]
            for object in objects {
                if let id = object["@id"] as? String, byID[id] == nil || object.count > 1 { byID[id] = object }
            }
            if let article = objects.first(where: { isArticle($0["@type"]) }) {
                return JSONLDArticle(article, references: byID)
            }
        }
        return nil
    }

    private init(_ object: [String: Any], references: [String: [String: Any]]) {
        func resolved(_ value: Any) -> Any {
            if let reference = value as? [String: Any], reference["name"] == nil,
               let id = reference["@id"] as? String, let target = references[id] {
                return target
            }
            return value
        }
        func name(_ value: Any) -> String? {
            let value = resolved(value)
            if let text = value as? String { return Self.clean(text) }
            if let object = value as? [String: Any] {
                if let text = object["name"] as? String { return Self.clean(text) }
                if let names = object["name"] as? [Any] { return names.lazy.compactMap(name).first }
            }
            return nil
        }
        headline = (object["headline"] as? String).flatMap(Self.clean)
            ?? (object["name"] as? String).flatMap(Self.clean)
        datePublished = (object["datePublished"] as? String).flatMap(Self.clean)
            ?? (object["dateCreated"] as? String).flatMap(Self.clean)
        let authorValues = (object["author"] as? [Any]) ?? object["author"].map { [$0] } ?? []
        var seen: Set<String> = []
        authors = authorValues.compactMap(name).filter { !Self.looksLikeURL($0) && seen.insert($0).inserted }
        let publisherValue = (object["publisher"] as? [Any])?.first ?? object["publisher"]
        publisher = publisherValue.flatMap(name)
        if let address = object["url"] as? String {
            url = Self.clean(address)
        } else if let page = object["mainEntityOfPage"] {
            let page = resolved(page)
            url = ((page as? String) ?? ((page as? [String: Any])?["@id"] as? String)
                ?? ((page as? [String: Any])?["url"] as? String)).flatMap(Self.clean)
        }
    }

    private static func collectObjects(_ value: Any, into objects: inout [[String: Any]]) {
        if let array = value as? [Any] {
            for element in array { collectObjects(element, into: &objects) }
        } else if let object = value as? [String: Any] {
            objects.append(object)
            if let graph = object["@graph"] { collectObjects(graph, into: &objects) }
        }
    }

    /// NewsArticle, ReportageNewsArticle, OpinionNewsArticle, Article... and blog postings.
    private static func isArticle(_ type: Any?) -> Bool {
        let types = (type as? [Any])?.compactMap { $0 as? String } ?? (type as? String).map { [$0] } ?? []
        return types.contains { type in
            let name = type.split(separator: "/").last.map(String.init) ?? type
            return name.hasSuffix("Article") || name == "BlogPosting" || name == "LiveBlogPosting"
        }
    }

    static func looksLikeURL(_ text: String) -> Bool {
        text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("//")
    }

    /// Whitespace collapsed and HTML entities decoded: JSON-LD sits in a script element, where
    /// the HTML parser leaves `&amp;` and `&#8217;` as written, and publishers often escape anyway.
    static func clean(_ text: String) -> String? {
        PageMetadata.clean(text.contains("&") ? HTMLEntities.decode(text) : text)
    }
}
