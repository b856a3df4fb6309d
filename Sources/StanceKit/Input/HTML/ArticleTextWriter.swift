import CLibXML2

/// Writes an article's elements as text: one block per paragraph-like element, blocks separated
/// by one blank line, inline whitespace collapsed, `<br>` kept as a line break (two in a row end
/// the paragraph), and a role hint for every block with its span in Unicode scalars.
struct ArticleTextWriter {
    private let classes: ClassTraitsCache
    private(set) var text = ""
    private(set) var blocks: [Block] = []
    private var scalarCount = 0

    // The block being collected, as UTF-8 (libxml hands out UTF-8), and its length in scalars.
    private var pending: [UInt8] = []
    private var pendingLength = 0
    private var pendingRole: BlockRole = .body
    private var pendingSpace = false
    private var consecutiveBreaks = 0
    private var pendingHasAuthorMark = false
    private var pendingHasTime = false

    /// Roles set by enclosing elements (figcaption, aside, byline...), innermost last.
    private var roleContext: [(element: XMLNode, role: BlockRole)] = []
    /// Elements whose end closes the current block.
    private var openBlockElements: Set<XMLNode> = []

    /// Above these lengths a block in a byline element, or holding an author link, is running text.
    private static let maximumBylineLength = 300
    private static let maximumAuthorLinkBlockLength = 120
    private static let maximumDatelineLength = 80

    init(classes: ClassTraitsCache) {
        self.classes = classes
    }

    /// Adds a whole block, such as a headline taken from metadata. `marker` ("# ") is written before
    /// the text but left out of the block's span.
    mutating func addBlock(_ content: String, role: BlockRole, marker: String = "") {
        endBlock()
        guard let content = PageMetadata.clean(content) else { return }
        if !text.isEmpty { append("\n\n") }
        append(marker)
        let start = scalarCount
        append(content)
        blocks.append(Block(role: role, span: TextSpan(start: start, end: scalarCount)))
    }

    /// Writes the text under `root`. `skip` says which elements to leave out with their content
    /// (page furniture, the headline already written).
    mutating func write(_ root: XMLNode, skip: (XMLNode) -> Bool) {
        root.walk(enter: { node in enter(node, skip: skip) }, leave: { node in leave(node) })
        endBlock()
    }

    private mutating func enter(_ node: XMLNode, skip: (XMLNode) -> Bool) -> Bool {
        if node.isText {
            if let content = node.pointee.content { appendInline(content) }
            return false
        }
        guard node.isElement, !skip(node) else { return false }
        let name = node.name
        switch name {
        case "br":
            lineBreak()
            return false
        case "hr":
            endBlock()
            return false
        case "td", "th":
            pendingSpace = !pending.isEmpty
        case "time":
            pendingHasTime = true
        default:
            break
        }
        var startsBlock = HTMLVocabulary.blockElements.contains(name)
        if let role = contextRole(of: node, name: name, isBlock: startsBlock) {
            roleContext.append((node, role))
            startsBlock = true
        } else if HTMLVocabulary.marksAuthor(node) || classes.traits(of: node).contains(.byline) {
            pendingHasAuthorMark = true
        }
        if startsBlock {
            endBlock()
            openBlockElements.insert(node)
        }
        return true
    }

    private mutating func leave(_ node: XMLNode) {
        guard node.isElement else { return }
        if openBlockElements.remove(node) != nil { endBlock() }
        if roleContext.last?.element == node { roleContext.removeLast() }
        if node.hasName("td") || node.hasName("th") { pendingSpace = !pending.isEmpty }
    }

    /// The role an element gives the blocks inside it, if it gives one.
    private func contextRole(of node: XMLNode, name: String, isBlock: Bool) -> BlockRole? {
        let inCaption = roleContext.contains { $0.role == .caption }
        // Headings inside a caption or sidebar belong to it.
        let inBoilerplate = roleContext.contains { $0.role == .caption || $0.role == .sidebar }
        switch name {
        case "figcaption": return .caption
        case "aside": return .sidebar
        // The headline h1 is written separately, first; any other h1 is a subheading.
        case "h1" where !inBoilerplate: return .subheading
        case _ where !inBoilerplate && HTMLVocabulary.subheadingElements.contains(name): return .subheading
        case "cite" where inCaption, "small" where inCaption: return .credit
        default: break
        }
        let traits = classes.traits(of: node)
        if inCaption, traits.contains(.credit) { return .credit }
        guard isBlock else { return nil }
        if traits.contains(.byline) || HTMLVocabulary.marksAuthor(node) { return .byline }
        if traits.contains(.standfirst) { return .standfirst }
        return nil
    }

    /// Appends a text node's UTF-8 bytes, collapsing whitespace (no-break spaces included) and
    /// dropping soft hyphens, zero-width spaces and byte order marks, which would split the words
    /// the analyser looks for. Works on bytes: this is the innermost loop of extraction.
    private mutating func appendInline(_ content: UnsafeMutablePointer<xmlChar>) {
        var byte = UnsafePointer(content)
        while byte.pointee != 0 {
            // A lead byte is never followed by the terminator inside a multi-byte sequence, so
            // looking one or two bytes ahead stays within the string.
            switch byte.pointee {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
                markSpace()
                byte += 1
                continue
            case 0xC2 where byte[1] == 0xA0:
                markSpace()
                byte += 2
                continue
            case 0xC2 where byte[1] == 0xAD:
                byte += 2
                continue
            case 0xE2 where byte[1] == 0x80 && byte[2] == 0x8B, 0xEF where byte[1] == 0xBB && byte[2] == 0xBF:
                byte += 3
                continue
            default:
                break
            }
            if pending.isEmpty { pendingRole = roleContext.last?.role ?? .body }
            if pendingSpace {
                pending.append(0x20)
                pendingLength += 1
                pendingSpace = false
            }
            let value = byte.pointee
            pending.append(value)
            if value & 0xC0 != 0x80 { pendingLength += 1 }
            consecutiveBreaks = 0
            byte += 1
        }
    }

    private mutating func markSpace() {
        if !pending.isEmpty, pending.last != 0x0A { pendingSpace = true }
    }

    private mutating func lineBreak() {
        guard !pending.isEmpty else { return }
        consecutiveBreaks += 1
        if consecutiveBreaks == 1 {
            pending.append(0x0A)
            pendingLength += 1
            pendingSpace = false
        } else {
            endBlock()
        }
    }

    private mutating func endBlock() {
        defer {
            pending.removeAll(keepingCapacity: true)
            pendingLength = 0
            pendingSpace = false
            consecutiveBreaks = 0
            pendingHasAuthorMark = false
            pendingHasTime = false
        }
        while pending.last == 0x0A {
            pending.removeLast()
            pendingLength -= 1
        }
        guard !pending.isEmpty else { return }
        var role = pendingRole
        if role == .byline, pendingLength > Self.maximumBylineLength { role = .body }
        if role == .body, pendingHasAuthorMark, pendingLength <= Self.maximumAuthorLinkBlockLength { role = .byline }
        if role == .body, pendingHasTime, pendingLength <= Self.maximumDatelineLength { role = .dateline }
        if !text.isEmpty { append("\n\n") }
        let start = scalarCount
        text += String(decoding: pending, as: UTF8.self)
        scalarCount += pendingLength
        blocks.append(Block(role: role, span: TextSpan(start: start, end: scalarCount)))
    }

    private mutating func append(_ string: String) {
        text += string
        scalarCount += string.unicodeScalars.count
    }
}
