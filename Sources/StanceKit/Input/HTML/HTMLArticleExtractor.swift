import CLibXML2

/// Extracts the article from a saved web page with libxml2's HTML parser: the text of the
/// `<article>` element (or `[itemprop=articleBody]`, or the container densest in paragraph text),
/// without navigation, sharing buttons, related links, scripts and forms; the metadata the page
/// declares; and a role hint for every block.
///
/// The text starts with the headline as `# Headline` (the page's `<h1>`, else the declared title);
/// its block span covers the headline without the `# `. Blocks are separated by one blank line.
public enum HTMLArticleExtractor {
    /// Extracts from the bytes of a page. Without `encoding` the page's `<meta charset>` decides,
    /// UTF-8 when it declares none; labels of ISO-8859-1 and US-ASCII are read as Windows-1252, as
    /// browsers do.
    public static func extract(_ bytes: [UInt8], path: String, encoding: String? = nil)
        throws(InputError) -> SourceDocument
    {
        try extract(bytes[...], path: path, declaredEncoding: encoding)
    }

    /// Extracts from a page already decoded.
    public static func extract(html: String, path: String) throws(InputError) -> SourceDocument {
        try extract(Array(html.utf8)[...], path: path, declaredEncoding: "UTF-8")
    }

    static func extract(_ bytes: ArraySlice<UInt8>, path: String, declaredEncoding: String?)
        throws(InputError) -> SourceDocument
    {
        let parsed = parse(bytes, declaredEncoding: declaredEncoding)
        guard let document = parsed.document, let root = document.root else { throw .empty(path: path) }
        let body = firstElement(named: "body", in: root) ?? root
        let page = PageMetadata(document: root)
        let classes = ClassTraitsCache()
        let locator = ContentLocator(body: body, classes: classes)
        let choice = locator.choose()
        let contentRoots = choice.roots
        let wrappers = choice.articleWrappers
        let landmarks = PageLandmarks(body: body, contentRoots: contentRoots, wrappers: wrappers, locator: locator,
                                      classes: classes, declaredTitle: page.declaredTitle)

        let pageHeadline = landmarks.headline.map(inlineText)
        let metadata = page.resolve(pageHeadline: pageHeadline, articleTime: landmarks.time.flatMap(timeText),
                                    pageAuthors: landmarks.authorNames.isEmpty
                                        ? [landmarks.bylineName].compactMap { $0 } : landmarks.authorNames)
        var writer = ArticleTextWriter(classes: classes)
        if let headline = pageHeadline ?? metadata.title {
            writer.addBlock(headline, role: .headline, marker: "# ")
        }
        let skip = furnitureFilter(choice, wrappers: wrappers, locator: locator, classes: classes,
                                   headline: landmarks.headline)
        if let byline = landmarks.outsideByline {
            // The byline block itself is written even when made mostly of links (author pages,
            // "Follow" buttons); furniture inside it is still left out.
            writer.write(byline, skip: { $0 != byline && skip($0) })
        }
        for contentRoot in contentRoots {
            writer.write(contentRoot, skip: skip)
        }
        guard writer.blocks.contains(where: { $0.role != .headline && $0.role != .byline }) else {
            throw .empty(path: path)
        }
        return SourceDocument(path: path, text: writer.text, format: .html, metadata: metadata,
                              warnings: parsed.warnings, blocks: writer.blocks)
    }

    /// Parses with the page's declared encoding, correcting what libxml alone gets wrong: pages
    /// labelled ISO-8859-1 that hold Windows-1252 quotes, and bytes that are not the UTF-8 the
    /// page claims (or, undeclared, the UTF-8 it is taken for).
    private static func parse(_ bytes: ArraySlice<UInt8>, declaredEncoding: String?)
        -> (document: LibXMLDocument?, warnings: [String])
    {
        if let declaredEncoding {
            return (LibXMLDocument(bytes, encoding: declaredEncoding), [])
        }
        guard let document = LibXMLDocument(bytes, encoding: nil) else { return (nil, []) }
        let declared = document.encoding
        if let declared, windows1252Labels.contains(declared) {
            guard bytes.contains(where: { (0x80...0x9F).contains($0) }) else { return (document, []) }
            return (LibXMLDocument(TextEncoding.windows1252ToUTF8(bytes)[...], encoding: "UTF-8"), [])
        }
        if declared == nil || declared == "utf-8" || declared == "utf8" {
            let scan = UTF8Scan(bytes)
            if let first = scan.firstInvalidOffset {
                if declared == nil, scan.multibyteSequenceCount == 0 {
                    return (LibXMLDocument(TextEncoding.windows1252ToUTF8(bytes)[...], encoding: "UTF-8"),
                            ["the page declares no character set and is not UTF-8; read as Windows-1252"])
                }
                let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
                return (LibXMLDocument(repaired[...], encoding: "UTF-8"),
                        [SourceLoader.invalidUTF8Warning(scan, firstOffset: first, in: bytes, relativeOffset: first)])
            }
        }
        let warnings = document.hadConversionError
            ? ["some bytes could not be converted from \(declared ?? "the page's encoding"); text after them may be missing"]
            : []
        return (document, warnings)
    }

    /// The WHATWG labels that all mean Windows-1252.
    private static let windows1252Labels: Set<String> = [
        "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100",
        "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii",
        "windows-1252", "x-cp1252",
    ]

    /// Which elements under the content roots to leave out: excluded and hidden elements, the
    /// headline (written first), page headers and footers outside an article (inside one they are
    /// kept, whatever their class, for the byline and contributor lines), and furniture (named like
    /// it, or mostly links but neither a byline nor inside a link), unless it wraps the article (a
    /// layout "with-sidebar" around the story).
    private static func furnitureFilter(_ choice: ContentLocator.Choice, wrappers: Set<XMLNode>,
                                        locator: ContentLocator, classes: ClassTraitsCache,
                                        headline: XMLNode?) -> (XMLNode) -> Bool {
        let rootSet = Set(choice.roots)
        var articleAncestry = ArticleAncestry()
        return { node in
            if node == headline { return true }
            // Elements the locator did not measure are excluded, hidden or inside such.
            guard let figures = locator.figures[node] else { return true }
            if rootSet.contains(node) { return false }
            let name = node.name
            if name == "header" || name == "footer" { return !articleAncestry.hasArticleAncestor(node) }
            let traits = classes.traits(of: node)
            let looksLikeFurniture = traits.contains(.furniture)
                || (linkListElements.contains(name) && figures.linkDensity > 0.5 && !figures.insideLink
                    && !figures.marksAuthor && !traits.contains(.byline))
            guard looksLikeFurniture else { return false }
            return !wrappers.contains(node)
        }
    }

    /// Elements that, made mostly of links, are lists of other stories or tags.
    private static let linkListElements: Set<String> = ["div", "section", "ul", "ol", "li", "p", "table", "span"]

    private static func firstElement(named name: String, in root: XMLNode) -> XMLNode? {
        var found: XMLNode?
        root.walk { node in
            guard found == nil, node.isElement else { return false }
            if node.hasName(name) {
                found = node
                return false
            }
            return true
        }
        return found
    }

    /// An element's text on one line: whitespace collapsed, `<br>` as a space.
    static func inlineText(_ element: XMLNode) -> String {
        var text = ""
        element.walk { node in
            if node.isText, let content = node.pointee.content { text += String(cString: content) }
            guard node.isElement else { return false }
            if node.hasName("br") { text += " " }
            return !HTMLVocabulary.excludedElements.contains(node.name)
        }
        return PageMetadata.clean(text) ?? ""
    }

    private static func timeText(_ element: XMLNode) -> String? {
        HTMLVocabulary.machineDate(of: element)
            ?? (element.attribute("datetime") ?? element.attribute("content")).flatMap(PageMetadata.clean)
            ?? PageMetadata.clean(inlineText(element))
    }
}

/// Whether elements lie inside an `<article>` (or `[itemprop=articleBody]`), remembered for the
/// elements passed on the way up so that deeply nested headers cost no more than shallow ones.
private struct ArticleAncestry {
    private var known: [XMLNode: Bool] = [:]

    mutating func hasArticleAncestor(_ node: XMLNode) -> Bool {
        var passed: [XMLNode] = []
        var ancestor = node.parentElement
        var found = false
        while let current = ancestor {
            if let answer = known[current] {
                found = answer
                break
            }
            if current.hasName("article") || HTMLVocabulary.hasItemProperty(current, "articleBody") {
                found = true
                break
            }
            passed.append(current)
            ancestor = current.parentElement
        }
        for element in passed { known[element] = found }
        return found
    }
}
