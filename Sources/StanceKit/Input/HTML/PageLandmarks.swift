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

    private static let maximumNameLength = 80
    private static let maximumBylineLength = 120

    init(body: XMLNode, contentRoots: [XMLNode], locator: ContentLocator, classes: ClassTraitsCache,
         declaredTitle: String?) {
        let roots = Set(contentRoots)
        var insideDepth = 0
        var headlineOutside: XMLNode?
        var bylineInside = false
        var timeOutside: XMLNode?
        body.walk(enter: { node in
            // Elements the locator did not measure are excluded or hidden.
            guard node.isElement, locator.figures[node] != nil else { return false }
            let isRoot = roots.contains(node)
            let name = node.name
            if !isRoot, node != body,
               name == "aside" || classes.traits(of: node).contains(.furniture) {
                return false
            }
            if isRoot { insideDepth += 1 }
            let inside = insideDepth > 0
            switch name {
            case "h1":
                if inside, headline == nil { headline = node }
                if !inside, headlineOutside == nil { headlineOutside = node }
            case "time":
                if inside, time == nil { time = node }
                if !inside, timeOutside == nil { timeOutside = node }
            default:
                break
            }
            let marksAuthor = HTMLVocabulary.marksAuthor(node)
            if marksAuthor {
                let name = PageMetadata.removingBy(HTMLArticleExtractor.inlineText(node))
                if !name.isEmpty, name.count <= Self.maximumNameLength, !authorNames.contains(name) {
                    authorNames.append(name)
                }
            }
            if marksAuthor || classes.traits(of: node).contains(.byline) {
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
