import CLibXML2

/// The headline, byline and date elements of a page, looked for first in the article and then,
/// for pages whose header sits outside the text container, in the rest of the page (never in
/// navigation, asides or other furniture).
struct PageLandmarks {
    private(set) var headline: XMLNode?
    /// A byline outside the content roots, to write after the headline when the article has none.
    private(set) var outsideByline: XMLNode?
    private(set) var time: XMLNode?
    /// Texts of `rel=author` and `itemprop=author` elements, in page order, without repeats.
    private(set) var authorNames: [String] = []
    /// The name after "by" in the page's first byline element ("Text by NEWS WIRES", "By Jane
    /// Roe - 4 May"), for pages that mark no author.
    private(set) var bylineName: String?

    private static let maximumNameLength = 80
    private static let maximumBylineLength = 120

    /// `wrappers` are the elements holding the article (`ContentLocator.Choice.articleWrappers`),
    /// looked into whatever their class says.
    init(body: XMLNode, contentRoots: [XMLNode], wrappers: Set<XMLNode>, locator: ContentLocator,
         classes: ClassTraitsCache, declaredTitle: String?) {
        let roots = Set(contentRoots)
        var insideDepth = 0
        var headlineOutside: XMLNode?
        var bylineInside = false
        var timeOutside: XMLNode?
        var bylineSeen = false
        body.walk(enter: { node in
            // Elements the locator did not measure are excluded or hidden.
            guard node.isElement, let figures = locator.figures[node] else { return false }
            let isRoot = roots.contains(node)
            let name = node.name
            let traits = classes.traits(of: node)
            if !isRoot, node != body, !wrappers.contains(node), name == "aside" || traits.contains(.furniture) {
                return false
            }
            if isRoot { insideDepth += 1 }
            let inside = insideDepth > 0
            if name == "h1" {
                if inside, headline == nil { headline = node }
                if !inside, headlineOutside == nil { headlineOutside = node }
            }
            // Templates mark the date with a class and an ISO date in `title` as often as with <time>.
            if name == "time" || (traits.contains(.date) && HTMLVocabulary.machineDate(of: node) != nil) {
                if inside, time == nil { time = node }
                if !inside, timeOutside == nil { timeOutside = node }
            }
            // The locator's figures say whether any author mark lies in this subtree at all.
            let marksAuthor = figures.marksAuthor && HTMLVocabulary.marksAuthor(node)
            // A mark around another (the byline paragraph around the author link) leaves the name to it.
            if marksAuthor, !figures.hasAuthorMarkBelow, let name = Self.authorName(in: node),
               !authorNames.contains(name) {
                authorNames.append(name)
            }
            if marksAuthor || traits.contains(.byline) {
                // Only the first byline: later ones are often teasers' or an author's bio.
                if !bylineSeen, !marksAuthor, figures.length <= Self.maximumBylineLength {
                    bylineName = Self.nameAfterBy(HTMLArticleExtractor.inlineText(node))
                }
                bylineSeen = true
                if inside {
                    bylineInside = true
                } else if outsideByline == nil {
                    outsideByline = Self.bylineBlock(around: node, locator: locator)
                }
            }
            return true
        }, leave: { node in
            if roots.contains(node) { insideDepth -= 1 }
        })
        if headline == nil, let candidate = headlineOutside,
           declaredTitle.map({ Self.sharesWords(HTMLArticleExtractor.inlineText(candidate), $0) }) ?? true {
            headline = candidate
        }
        if time == nil { time = timeOutside }
        if bylineInside { outsideByline = nil }
    }

    /// The name an author mark holds: its schema.org `name` property when it has one, else its
    /// text without "By".
    private static func authorName(in marker: XMLNode) -> String? {
        var nameProperty: XMLNode?
        marker.walk { node in
            guard nameProperty == nil, node.isElement else { return false }
            if node != marker, HTMLVocabulary.hasItemProperty(node, "name") { nameProperty = node }
            return nameProperty == nil
        }
        let text = nameProperty.map { $0.attribute("content").flatMap(PageMetadata.clean) ?? HTMLArticleExtractor.inlineText($0) }
            ?? HTMLArticleExtractor.inlineText(marker)
        return cleanName(PageMetadata.removingBy(text))
    }

    /// The words after a standalone "by" ("By", "by:", "Text by") up to a date, time or separator;
    /// nil when the byline has no "by".
    private static func nameAfterBy(_ byline: String) -> String? {
        let words = byline.split(separator: " ")
        guard let by = words.prefix(4).firstIndex(where: { ["by", "by:"].contains($0.lowercased()) }) else { return nil }
        var name = words[(by + 1)...].joined(separator: " ")
        if let digit = name.firstIndex(where: \.isNumber) { name = String(name[..<digit]) }
        for separator in [" - ", " | ", " · ", " • ", " — "] {
            if let range = name.range(of: separator) { name = String(name[..<range.lowerBound]) }
        }
        return cleanName(name)
    }

    /// A name without a parenthesised remark ("(with Jane Roe)", "(Reuters)"); nil when that is
    /// not a name: empty, long, or holding digits (a date or time caught with it).
    private static func cleanName(_ text: String) -> String? {
        var name = text
        if let remark = name.range(of: " (") { name = String(name[..<remark.lowerBound]) }
        guard let cleaned = PageMetadata.clean(name), cleaned.count <= maximumNameLength,
              !cleaned.contains(where: \.isNumber)
        else { return nil }
        return cleaned
    }

    /// The block that holds an author mark, so that "By" and the date come with the name.
    private static func bylineBlock(around marker: XMLNode, locator: ContentLocator) -> XMLNode {
        var node = marker
        while !HTMLVocabulary.blockElements.contains(node.name), let parent = node.parentElement,
              (locator.figures[parent]?.length ?? .max) <= maximumBylineLength {
            node = parent
        }
        return node
    }

    /// Whether at least half the words of `heading` are in `title`, so that a site logo in an
    /// `<h1>` is not taken for the headline.
    private static func sharesWords(_ heading: String, _ title: String) -> Bool {
        func words(_ text: String) -> [String] {
            text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
        }
        let headingWords = words(heading)
        let titleWords = Set(words(title))
        guard !headingWords.isEmpty else { return false }
        return headingWords.filter(titleWords.contains).count * 2 >= headingWords.count
    }
}
