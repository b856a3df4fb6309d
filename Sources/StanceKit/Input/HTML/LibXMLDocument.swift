import CLibXML2

typealias XMLNode = UnsafeMutablePointer<xmlNode>

/// A page parsed by libxml2's forgiving HTML parser; the tree is freed with this object.
final class LibXMLDocument {
    let pointer: htmlDocPtr
    /// The encoding libxml used: the one passed in, or the one the page declared (lower-cased);
    /// nil when the page declared none.
    let encoding: String?
    /// libxml met bytes it could not convert from the page's encoding; the text after them is lost.
    let hadConversionError: Bool

    /// Parses `bytes`; nil when libxml produced no document at all (no bytes, out of memory).
    /// With `encoding` given, the page's own `<meta charset>` is ignored.
    init?(_ bytes: ArraySlice<UInt8>, encoding: String?) {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        _ = Self.parserInitialised
        var options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
            // Without it text nodes stop at 10 MB and nesting at 256 levels; our own size limit applies.
            | XML_PARSE_HUGE.rawValue
        if encoding != nil { options |= HTML_PARSE_IGNORE_ENC.rawValue }

        // Conversion errors are reported without the parser context, so HTML_PARSE_NOERROR does not
        // silence them; a structured handler (per thread in libxml) catches them instead of stderr.
        let errors = ConversionErrorFlag()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(errors).toOpaque(), { context, error in
            guard let context, let error else { return }
            let domain = xmlErrorDomain(UInt32(error.pointee.domain))
            if domain == XML_FROM_I18N || (domain == XML_FROM_IO && error.pointee.code == Int32(XML_IO_ENCODER.rawValue)) {
                Unmanaged<ConversionErrorFlag>.fromOpaque(context).takeUnretainedValue().raised = true
            }
        })
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                htmlReadMemory(characters.baseAddress, Int32(characters.count), nil, encoding, Int32(options))
            }
        }
        guard let document else { return nil }
        pointer = document
        self.encoding = document.pointee.encoding.map { String(cString: $0).lowercased() }
        hadConversionError = errors.raised
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    var root: XMLNode? { xmlDocGetRootElement(pointer) }

    /// libxml's global tables must be set up once before parsers run on several threads.
    private static let parserInitialised: Void = xmlInitParser()
}

private final class ConversionErrorFlag {
    var raised = false
}

/// Read-only views of libxml nodes. Names of elements and attributes come lower-cased from the
/// HTML parser.
extension UnsafeMutablePointer where Pointee == xmlNode {
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE }

    var name: String { pointee.name.map { String(cString: $0) } ?? "" }

    func hasName(_ candidate: String) -> Bool {
        guard let own = pointee.name else { return false }
        return xmlStrEqual(own, candidate) != 0
    }

    var parentElement: XMLNode? {
        guard let parent = pointee.parent, parent.isElement else { return nil }
        return parent
    }

    /// An attribute's value, entities decoded, read in place (no libxml allocation to free).
    func attribute(_ attributeName: String) -> String? {
        var attribute = pointee.properties
        while let current = attribute {
            if let name = current.pointee.name, xmlStrEqual(name, attributeName) != 0 {
                var value = ""
                var child = current.pointee.children
                while let node = child {
                    if let content = node.pointee.content { value += String(cString: content) }
                    child = node.pointee.next
                }
                return value
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// `class` and `id` together, as written: the words page templates use to name furniture.
    var classAndID: String {
        switch (attribute("class"), attribute("id")) {
        case (nil, nil): return ""
        case (let words?, nil), (nil, let words?): return words
        case (let classes?, let id?): return classes + " " + id
        }
    }

    /// The text of all descendant text nodes, as written (whitespace not collapsed).
    var textContent: String {
        var text = ""
        walk { node in
            if node.isText, let content = node.pointee.content { text += String(cString: content) }
            return true
        }
        return text
    }

    /// Whether `ancestor` is this node or one of its ancestors.
    func isInside(_ ancestor: XMLNode) -> Bool {
        var node: XMLNode? = self
        while let current = node {
            if current == ancestor { return true }
            node = current.pointee.parent
        }
        return false
    }

    /// Visits the subtree in document order without recursion, since recovered pages can nest
    /// tens of thousands of elements deep. `enter` returns whether to visit a node's children;
    /// `leave` is then called for that node once its children are done.
    func walk(enter: (XMLNode) -> Bool, leave: (XMLNode) -> Void = { _ in }) {
        let root = self
        var node = root
        visiting: while true {
            let descend = enter(node)
            if descend, let child = node.pointee.children {
                node = child
                continue
            }
            if descend { leave(node) }
            while node != root {
                if let next = node.pointee.next {
                    node = next
                    continue visiting
                }
                guard let parent = node.pointee.parent else { return }
                node = parent
                leave(node)
            }
            return
        }
    }
}
