import CLibXML2

/// Text figures of one element's subtree, in non-space characters.
struct SubtreeFigures {
    var length = 0
    var linkLength = 0
    /// The summed weights of the paragraphs inside.
    var paragraphWeight = 0
    /// Whether a `rel=author` or `itemprop=author` element is inside: a byline, however many links.
    var marksAuthor = false
    /// Whether such an element lies strictly below this one: a byline paragraph around the author link.
    var hasAuthorMarkBelow = false
    /// Whether the element sits inside a link (the name span in an author link): never a list of
    /// links itself, whatever its link density.
    var insideLink = false

    var linkDensity: Double { length > 0 ? Double(linkLength) / Double(length) : 0 }
}

/// Finds the elements that hold an article's text: the `<article>` element or
/// `[itemprop=articleBody]` when they hold most of the page's paragraph text, else the container
/// scoring best on paragraph text density, readability-style.
///
/// One walk over the body measures every element (bottom-up, so deep or huge pages stay linear):
/// a paragraph weighs its text length minus its link text; containers score the weights of their
/// paragraphs in full and of their grandchildren paragraphs by half.
struct ContentLocator {
    let body: XMLNode
    private let classes: ClassTraitsCache
    private(set) var figures: [XMLNode: SubtreeFigures] = [:]
    private var containerScores: [XMLNode: Double] = [:]
    /// Whether a scored container is furniture or lies inside furniture.
    private var inFurniture: [XMLNode: Bool] = [:]
    private var paragraphs: Set<XMLNode> = []
    /// The weights of the paragraphs directly under each element, outside furniture.
    private var ownParagraphWeight: [XMLNode: Int] = [:]
    private var semanticCandidates: [XMLNode] = []

    private static let minimumParagraphLength = 25
    private static let minimumOwnParagraphWeight = 150

    init(body: XMLNode, classes: ClassTraitsCache) {
        self.body = body
        self.classes = classes
        // The open elements from the body down, with their figures so far.
        var path: [(node: XMLNode, figures: SubtreeFigures, inFurniture: Bool, isParagraph: Bool)] = []
        var linkDepth = 0
        body.walk(enter: { node in
            if node.isText {
                let count = Self.visibleCharacterCount(node.pointee.content)
                if count > 0, !path.isEmpty {
                    path[path.count - 1].figures.length += count
                    if linkDepth > 0 { path[path.count - 1].figures.linkLength += count }
                }
                return false
            }
            guard node.isElement else { return false }
            let name = node.name
            if HTMLVocabulary.excludedElements.contains(name) || HTMLVocabulary.isHidden(node) { return false }
            if name == "article" || HTMLVocabulary.hasItemProperty(node, "articleBody") {
                semanticCandidates.append(node)
            }
            var opened = SubtreeFigures()
            opened.insideLink = linkDepth > 0
            if name == "a" { linkDepth += 1 }
            let isFurniture = node != body
                && (name == "aside" || name == "footer" || classes.traits(of: node).contains(.furniture))
            path.append((node, opened, isFurniture || (path.last?.inFurniture ?? false),
                         Self.isParagraphLike(node, name: name)))
            return true
        }, leave: { node in
            guard node.isElement, let last = path.last, last.node == node else { return }
            path.removeLast()
            if node.hasName("a") { linkDepth -= 1 }
            var own = last.figures
            own.hasAuthorMarkBelow = own.marksAuthor
            if HTMLVocabulary.marksAuthor(node) { own.marksAuthor = true }
            if last.isParagraph, own.length >= Self.minimumParagraphLength {
                let weight = own.length - own.linkLength
                own.paragraphWeight += weight
                paragraphs.insert(node)
                // Paragraphs in furniture (reader comments, teasers) count little for any
                // container, or the page body would win by holding them all.
                let score = Double(weight) * (last.inFurniture ? 0.2 : 1)
                if let parent = path.last {
                    if !last.inFurniture { ownParagraphWeight[parent.node, default: 0] += weight }
                    containerScores[parent.node, default: 0] += score
                    inFurniture[parent.node] = parent.inFurniture
                    if path.count >= 2 {
                        let grandparent = path[path.count - 2]
                        containerScores[grandparent.node, default: 0] += score / 2
                        inFurniture[grandparent.node] = grandparent.inFurniture
                    }
                }
            }
            figures[node] = own
            if !path.isEmpty {
                path[path.count - 1].figures.length += own.length
                path[path.count - 1].figures.linkLength += own.linkLength
                path[path.count - 1].figures.paragraphWeight += own.paragraphWeight
                if own.marksAuthor { path[path.count - 1].figures.marksAuthor = true }
            }
        })
    }

    /// Where the article is: the elements to write, in document order (the whole body when the
    /// page has no paragraphs), and the container densest in paragraph text.
    struct Choice {
        var roots: [XMLNode]
        var densest: XMLNode?

        /// The roots, the densest container and all their ancestors: elements that hold the
        /// article, never furniture whatever their class says (pages wrap everything in an
        /// "ad-portal" or a layout "with-sidebar").
        var articleWrappers: Set<XMLNode> {
            var wrappers: Set<XMLNode> = []
            for start in roots + [densest].compactMap({ $0 }) {
                var node: XMLNode? = start
                while let current = node, wrappers.insert(current).inserted {
                    node = current.parentElement
                }
            }
            return wrappers
        }
    }

    func choose() -> Choice {
        let semantic = semanticCandidates.map { ($0, paragraphWeight(under: $0)) }.max { $0.1 < $1.1 }
        guard let best = bestContainer() else {
            if let semantic, semantic.1 > 0 { return Choice(roots: [semantic.0]) }
            return Choice(roots: [body])
        }
        if let semantic, semantic.1 > 0, semantic.1 * 2 >= paragraphWeight(under: best.node) {
            return Choice(roots: [semantic.0], densest: best.node)
        }
        let container = enclosingArticle(of: best.node)
        return Choice(roots: withContentSiblings(container, score: best.score), densest: best.node)
    }

    /// Up to three levels above the best container, the nearest element with paragraphs of its
    /// own: articles whose lede and first paragraphs sit above a "read more" fold or a wrapper
    /// holding the rest.
    private func enclosingArticle(of best: XMLNode) -> XMLNode {
        let threshold = max(Self.minimumOwnParagraphWeight, paragraphWeight(under: best) * 15 / 100)
        var ancestor = best.parentElement
        for _ in 0..<3 {
            guard let current = ancestor, current != body, figures[current] != nil,
                  !["aside", "footer"].contains(current.name),
                  !classes.traits(of: current).contains(.furniture)
            else { break }
            if ownParagraphWeight[current, default: 0] >= threshold { return current }
            ancestor = current.parentElement
        }
        return best
    }

    func paragraphWeight(under node: XMLNode) -> Int { figures[node]?.paragraphWeight ?? 0 }

    /// Containers score their paragraphs, reduced by their own link density; furniture (and
    /// anything inside it) keeps a fifth, containers named like article text gain a quarter.
    private func score(_ node: XMLNode) -> Double {
        guard let base = containerScores[node] else { return 0 }
        let factor = inFurniture[node] == true ? 0.2
            : classes.traits(of: node).contains(.content) ? 1.25 : 1
        return base * factor * (1 - (figures[node]?.linkDensity ?? 0))
    }

    /// The container scoring best. Scores are never above 1.25 times the raw paragraph sum, so
    /// candidates are taken in raw order until none can win (pages can have thousands).
    private func bestContainer() -> (node: XMLNode, score: Double)? {
        var best: (node: XMLNode, score: Double)?
        for (node, raw) in containerScores.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
            if let best, raw * 1.25 <= best.score { break }
            let candidate = score(node)
            if candidate > best?.score ?? 0 { best = (node, candidate) }
        }
        return best
    }

    /// The best container and those of its siblings that carry text too: articles split by an
    /// inline advertisement or figure into several containers, or with the lede outside them.
    private func withContentSiblings(_ best: XMLNode, score bestScore: Double) -> [XMLNode] {
        guard let parent = best.parentElement else { return [best] }
        var siblings: [XMLNode] = []
        var child = parent.pointee.children
        while let node = child {
            if node.isElement { siblings.append(node) }
            child = node.pointee.next
        }
        let carriesText = siblings.map { sibling -> Bool in
            if sibling == best { return true }
            let name = sibling.name
            guard !["aside", "footer", "header"].contains(name), figures[sibling] != nil,
                  !classes.traits(of: sibling).contains(.furniture)
            else { return false }
            if paragraphs.contains(sibling) { return paragraphWeight(under: sibling) >= 80 }
            return score(sibling) >= bestScore * 0.2
        }
        guard let first = carriesText.firstIndex(of: true), let last = carriesText.lastIndex(of: true) else {
            return [best]
        }
        // Figures between text parts belong to the article too.
        return siblings.indices.filter { index in
            carriesText[index] || ((first...last).contains(index) && siblings[index].name == "figure")
        }.map { siblings[$0] }
    }

    /// `<p>`, or a `<div>`/`<section>` that holds text and inline elements only (older templates
    /// separate paragraphs with `<br>` inside such divs).
    private static func isParagraphLike(_ node: XMLNode, name: String) -> Bool {
        if name == "p" { return true }
        guard name == "div" || name == "section" else { return false }
        var hasText = false
        var child = node.pointee.children
        while let current = child {
            if current.isElement, HTMLVocabulary.blockElements.contains(current.name) { return false }
            if current.isText, visibleCharacterCount(current.pointee.content) > 0 { hasText = true }
            child = current.pointee.next
        }
        return hasText
    }

    /// Counts UTF-8 lead bytes that are not ASCII whitespace, without building a String.
    private static func visibleCharacterCount(_ content: UnsafeMutablePointer<xmlChar>?) -> Int {
        guard var byte = content else { return 0 }
        var count = 0
        while byte.pointee != 0 {
            let value = byte.pointee
            if value & 0xC0 != 0x80, value != 0x20, value != 0x0A, value != 0x09, value != 0x0D, value != 0x0C {
                count += 1
            }
            byte += 1
        }
        return count
    }
}
