/// Turns the bytes of an article file into a `SourceDocument`: decodes the text, recognises the
/// format and, for web pages, extracts the article with `HTMLArticleExtractor`.
///
/// Text is decoded as UTF-8 unless a byte order mark says UTF-16 or UTF-32. Bytes that are not
/// UTF-8 never fail a file: they become U+FFFD and a warning says how many there were. Line ends
/// are normalised (CRLF and lone CR become LF) before anything else, so every offset into
/// `SourceDocument.text`, including block spans, indexes the normalised text.
public enum SourceLoader {
    /// Reads a file (`-` for standard input) and decodes it.
    public static func load(path: String, limits: ReadLimits = .default) throws(InputError) -> SourceDocument {
        let bytes = try FileReading.readAll(path: path, limit: limits.maxBytes)
        return try decode(bytes, path: path, limits: limits)
    }

    /// Decodes bytes already in memory; `path` names them in messages and decides the format by
    /// its extension (.html .htm .xhtml, .md .markdown, anything else plain text). Text that starts
    /// like a web page is read as HTML whatever the extension.
    public static func decode(_ bytes: [UInt8], path: String, limits: ReadLimits = .default)
        throws(InputError) -> SourceDocument
    {
        guard bytes.count <= limits.maxBytes else {
            throw .tooLarge(path: path, size: bytes.count, limit: limits.maxBytes)
        }
        var warnings: [String] = []
        let mark = ByteOrderMark(prefixOf: bytes)
        let content: ArraySlice<UInt8>
        switch mark {
        case nil:
            content = bytes[...]
        case .utf8:
            content = bytes.dropFirst(3)
        case let wide?:
            let transcoded = TextEncoding.transcodeToUTF8(bytes.dropFirst(wide.length), from: wide)
            if transcoded.replaced > 0 {
                warnings.append("\(transcoded.replaced) invalid \(wide.encodingName) code unit"
                    + "\(transcoded.replaced == 1 ? "" : "s") replaced with U+FFFD")
            }
            content = transcoded.utf8[...]
        }
        guard !content.isEmpty else { throw .empty(path: path) }
        if TextEncoding.looksBinary(content) { throw .binary(path: path) }

        var format = SourceFormat(pathExtensionOf: path)
        if format != .html, TextEncoding.looksLikeHTML(content) { format = .html }
        if format == .html {
            var document = try HTMLArticleExtractor.extract(content, path: path, declaredEncoding: mark.map { _ in "UTF-8" })
            document.warnings.insert(contentsOf: warnings, at: 0)
            return document
        }

        let scan = UTF8Scan(content)
        if let first = scan.firstInvalidOffset {
            warnings.append(invalidUTF8Warning(scan, firstOffset: first + (mark?.length ?? 0), in: content, relativeOffset: first))
        }
        let withoutNULs = TextEncoding.replacingNULs(content)
        if withoutNULs.replaced > 0 {
            warnings.append("\(withoutNULs.replaced) NUL byte\(withoutNULs.replaced == 1 ? "" : "s") replaced with U+FFFD")
        }
        let text = String(decoding: TextEncoding.normalizingLineEnds(withoutNULs.bytes), as: UTF8.self)
        guard !isBlank(text) else { throw .empty(path: path) }
        return SourceDocument(path: path, text: text, format: format, warnings: warnings)
    }

    /// Bytes from Foundation's `Data` (a network download, a pasteboard).
    public static func decode<Bytes: Sequence<UInt8>>(_ bytes: Bytes, path: String, limits: ReadLimits = .default)
        throws(InputError) -> SourceDocument
    {
        try decode(Array(bytes), path: path, limits: limits)
    }

    /// "3 invalid UTF-8 bytes replaced with U+FFFD (the first at byte 120, line 4)"; the byte
    /// offset counts from the start of the file, byte order mark included.
    static func invalidUTF8Warning(_ scan: UTF8Scan, firstOffset: Int, in content: ArraySlice<UInt8>,
                                   relativeOffset: Int) -> String {
        let count = scan.invalidByteCount
        let line = TextEncoding.lineNumber(ofOffset: relativeOffset, in: content)
        return "\(count) invalid UTF-8 byte\(count == 1 ? "" : "s") replaced with U+FFFD"
            + " (the first at byte \(firstOffset), line \(line))"
    }

    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "\u{FEFF}" }
    }
}

extension SourceFormat {
    /// The format an extension promises; unknown extensions are plain text.
    init(pathExtensionOf path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            self = .plain
            return
        }
        switch name[name.index(after: dot)...].lowercased() {
        case "html", "htm", "xhtml": self = .html
        case "md", "markdown": self = .markdown
        default: self = .plain
        }
    }
}
