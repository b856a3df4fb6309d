/// What elements and template class names say about a page's parts.
enum HTMLVocabulary {
    /// Elements whose content is never article text.
    static let excludedElements: Set<String> = [
        "script", "style", "noscript", "nav", "form", "button", "iframe", "svg", "template", "select",
        "textarea", "input", "object", "embed", "canvas", "dialog", "menu", "head", "title", "meta", "link",
    ]

    /// Elements that start and end a block of text.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "tfoot", "thead", "tr", "ul",
    ]

    static let subheadingElements: Set<String> = ["h2", "h3", "h4"]

    /// Class or id words of navigation, sharing, advertising, teasers and comments, matched as
    /// whole words ("ad" must not match "header")...
    private static let furnitureWords: Set<String> = [
        "ad", "ads", "adslot", "advert", "advertisement", "breadcrumb", "breadcrumbs",
        "comment", "comments", "commentlist", "cookie", "cookies", "disqus", "footer", "masthead", "menu", "modal",
        "nav", "navbar", "navigation", "newsletter", "outbrain", "popup", "promo", "pullquote", "rail",
        "recirc", "recommended", "related", "share", "sharing", "sidebar", "signup", "social",
        "sponsor", "sponsored", "subscribe", "subscription", "taboola", "tags", "toolbar", "trending",
    ]
    /// ...and as the start of a compound word ("sharebar", "relatedlinks", "newsletterbox"; not
    /// "comment", which would take "commentary" for reader comments).
    private static let furniturePrefixes = [
        "advert", "breadcrumb", "newsletter", "outbrain", "promo", "pullquote", "recirc",
        "related", "share", "sidebar", "social", "sponsor", "subscri", "taboola",
    ]
    /// Class or id words of the containers that hold an article's text.
    private static let contentWords: Set<String> = [
        "article", "body", "content", "entry", "main", "post", "story", "text",
    ]
    private static let bylineWords: Set<String> = ["author", "authors"]
    private static let creditWords: Set<String> = ["credit", "credits", "copyright", "photographer", "source"]
    private static let standfirstWords: Set<String> = ["standfirst", "dek", "deck", "summary", "subtitle", "strapline", "lede"]
    private static let dateWords: Set<String> = ["date", "datetime", "timestamp", "published", "pubdate", "dateline"]

    /// What lower-cased class and id words say about an element.
    static func traits(classAndID: String) -> ClassTraits {
        var traits: ClassTraits = []
        for word in classAndID.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let whole = String(word)
            if furnitureWords.contains(whole) || furniturePrefixes.contains(where: { word.hasPrefix($0) }) {
                traits.insert(.furniture)
            }
            if contentWords.contains(whole) { traits.insert(.content) }
            if word.hasPrefix("byline") || bylineWords.contains(whole) { traits.insert(.byline) }
            if creditWords.contains(whole) { traits.insert(.credit) }
            if standfirstWords.contains(whole) { traits.insert(.standfirst) }
            if dateWords.contains(whole) { traits.insert(.date) }
        }
        return traits
    }

    /// `hidden`, `aria-hidden="true"` or an inline `display: none`.
    static func isHidden(_ element: XMLNode) -> Bool {
        if element.attribute("hidden") != nil { return true }
        if element.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = element.attribute("style")?.lowercased().filter({ !$0.isWhitespace }),
           style.contains("display:none") || style.contains("visibility:hidden") {
            return true
        }
        return false
    }

    /// `rel="author"` (a space-separated list) or `itemprop="author"`.
    static func marksAuthor(_ element: XMLNode) -> Bool {
        for attribute in ["rel", "itemprop"] {
            if let value = element.attribute(attribute)?.lowercased(),
               value.split(separator: " ").contains("author") {
                return true
            }
        }
        return false
    }

    /// A machine-readable date ("2015-03-13", "2015-03-13T21:00:00+11:00") in `datetime`,
    /// `content` or `title`: what `<time>` and the date elements of page templates carry.
    static func machineDate(of element: XMLNode) -> String? {
        for attribute in ["datetime", "content", "title"] {
            if let value = element.attribute(attribute).flatMap(PageMetadata.clean), startsWithISODate(value) {
                return value
            }
        }
        return nil
    }

    /// "YYYY-MM-DD" at the start.
    private static func startsWithISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10 else { return false }
        return bytes.indices.allSatisfy { index in
            index == 4 || index == 7 ? bytes[index] == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
        }
    }

    /// An `itemprop` list containing `property`.
    static func hasItemProperty(_ element: XMLNode, _ property: String) -> Bool {
        element.attribute("itemprop")?.split(whereSeparator: \.isWhitespace)
            .contains { $0.lowercased() == property.lowercased() } ?? false
    }
}

/// What the words of an element's class and id say about it.
struct ClassTraits: OptionSet {
    let rawValue: UInt8
    /// Navigation, sharing, advertising, teasers, comments.
    static let furniture = ClassTraits(rawValue: 1 << 0)
    /// A container of article text ("story-body", "entry-content").
    static let content = ClassTraits(rawValue: 1 << 1)
    static let byline = ClassTraits(rawValue: 1 << 2)
    /// A photo credit, inside a caption.
    static let credit = ClassTraits(rawValue: 1 << 3)
    static let standfirst = ClassTraits(rawValue: 1 << 4)
    /// A publication date or time stamp.
    static let date = ClassTraits(rawValue: 1 << 5)
}

/// Class traits cached per distinct class/id text: templates repeat a few hundred class strings
/// over thousands of elements. One per extraction, used on one thread.
final class ClassTraitsCache {
    private var known: [String: ClassTraits] = [:]

    func traits(of element: XMLNode) -> ClassTraits {
        let key = element.classAndID
        guard !key.isEmpty else { return [] }
        if let traits = known[key] { return traits }
        let traits = HTMLVocabulary.traits(classAndID: key.lowercased())
        known[key] = traits
        return traits
    }
}
