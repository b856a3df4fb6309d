import Foundation

/// Recognises an article's structure in a decoded file: metadata (YAML front matter, a `Key: value`
/// header, HTML metadata), and blocks with roles, including the shape of text pasted from a news site
/// (outlet and date line, `#` headline, standfirst, caption with `Credit...`, `By ...` byline, sidebar
/// boxes, promo lines, "contributed reporting" lines).
public enum ArticleParser {
    public static func parse(_ doc: SourceDocument) -> Article {
        let scalars = Scalars.of(doc.text)
        return parse(doc, scalars: scalars, hidden: Markup.hiddenMask(scalars))
    }

    /// Parsing with the scalars and markup mask the analyser reuses afterwards.
    static func parse(_ doc: SourceDocument, scalars: [Unicode.Scalar], hidden: [Bool]?) -> Article {
        var meta = Metadata()
        meta.title = doc.metadata.title
        meta.source = doc.metadata.source
        meta.url = doc.metadata.url
        if let author = doc.metadata.author { meta.authors = splitNames(author) }
        meta.dateText = doc.metadata.published

        var blocks: [Block]
        if !doc.blocks.isEmpty {
            blocks = doc.blocks
            meta.fill(from: blocks, scalars, hidden)
        } else {
            var cursor = 0
            readFrontMatter(scalars, &cursor, &meta)
            readHeaderBlock(scalars, &cursor, &meta)
            blocks = classify(paragraphs(scalars, hidden, from: cursor), scalars, hidden, &meta)
        }
        let published = meta.dateText.flatMap { DateParser.firstDate(in: $0) } ?? meta.textDate
        return Article(file: doc.path, title: meta.title ?? meta.headline, source: meta.source,
                       published: published, byline: meta.authors.isEmpty ? meta.bylineNames : meta.authors,
                       url: meta.url, text: doc.text, blocks: blocks, warnings: doc.warnings)
    }

    /// What was learnt about the article while reading; metadata beats what the text shows.
    struct Metadata {
        var title: String?
        var source: String?
        var url: String?
        var authors: [String] = []
        var dateText: String?
        var headline: String?
        var textDate: Day?
        var bylineNames: [String] = []

        mutating func fill(from blocks: [Block], _ s: [Unicode.Scalar], _ hidden: [Bool]?) {
            for block in blocks {
                let text = Markup.visible(s, hidden, block.span.start..<block.span.end)
                switch block.role {
                case .headline where headline == nil: headline = text
                case .byline:
                    let (names, date) = ArticleParser.readByline(text)
                    if bylineNames.isEmpty { bylineNames = names }
                    if textDate == nil { textDate = date }
                case .dateline where textDate == nil: textDate = DateParser.firstDate(in: text)
                default: break
                }
            }
        }
    }

    // MARK: metadata blocks

    static let titleKeys: Set<String> = ["title", "headline"]
    static let sourceKeys: Set<String> = ["source", "outlet", "publisher", "publication", "site", "newspaper"]
    static let dateKeys: Set<String> = ["date", "published", "publication date", "pubdate", "published_at", "dateline"]
    static let authorKeys: Set<String> = ["author", "authors", "byline", "by", "writer"]
    static let urlKeys: Set<String> = ["url", "link", "canonical", "source_url"]

    static func knownKey(_ key: String) -> Bool {
        let k = key.lowercased()
        return titleKeys.contains(k) || sourceKeys.contains(k) || dateKeys.contains(k) || authorKeys.contains(k)
            || urlKeys.contains(k)
    }

    static func apply(key: String, value raw: String, to meta: inout Metadata) {
        var value = TrimSet.whitespaces.trim(raw)
        if value.count >= 2, let f = value.first, let l = value.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") {
            value = String(value.dropFirst().dropLast())
        }
        guard !value.isEmpty else { return }
        let k = key.lowercased()
        if titleKeys.contains(k), meta.title == nil { meta.title = value }
        if sourceKeys.contains(k), meta.source == nil { meta.source = value }
        if dateKeys.contains(k), meta.dateText == nil { meta.dateText = value }
        if urlKeys.contains(k), meta.url == nil { meta.url = value }
        if authorKeys.contains(k), meta.authors.isEmpty {
            let list = value.hasPrefix("[") ? String(value.dropFirst().dropLast()) : value
            // (Foundation's replacement is asked only when there is a quote byte: it finds no quote without one.)
            meta.authors = splitNames(list.utf8.contains(34) ? list.replacingOccurrences(of: "\"", with: "") : list)
        }
    }

    static func line(_ s: [Unicode.Scalar], at start: Int) -> (text: String, next: Int) {
        var j = start
        while j < s.count, s[j].value != 10 { j += 1 }
        return (TrimSet.whitespacesAndNewlines.trim(Scalars.string(s, start..<j)), min(s.count, j + 1))
    }

    /// Whether the line at `start` holds a visible ASCII scalar other than `allowed`. Trimming keeps those, so
    /// the header readers ask this before building a line's text (often a whole paragraph): a line with one is
    /// not blank, and with one besides "-" no fence.
    static func lineHoldsVisibleASCII(_ s: [Unicode.Scalar], at start: Int, besides allowed: UInt32 = 0) -> Bool {
        var j = start
        while j < s.count, s[j].value != 10 {
            let v = s[j].value
            if v > 32, v < 127, v != allowed { return true }
            j += 1
        }
        return false
    }

    /// Whether the line at `start` holds `scalar`.
    static func lineHolds(_ scalar: UInt32, _ s: [Unicode.Scalar], at start: Int) -> Bool {
        var j = start
        while j < s.count, s[j].value != 10 {
            if s[j].value == scalar { return true }
            j += 1
        }
        return false
    }

    static func keyValue(_ text: String) -> (String, String)? {
        // In ASCII text a byte is a character, so the colon is found on bytes: the header reader tries the
        // article's first line, often a whole paragraph, where walking characters cost 23,000 instructions.
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        guard let colon = ascii ? text.utf8.firstIndex(of: 58) : text.firstIndex(of: ":") else { return nil }
        let key = TrimSet.whitespaces.trim(text[..<colon])
        // (Foundation's `contains` is asked only when there is a space byte: it can find no space without one.)
        guard !key.isEmpty, key.count <= 24, !key.utf8.contains(32) || !key.contains(" ") || key.split(separator: " ").count <= 2
        else { return nil }
        return (key, String(text[text.index(after: colon)...]))
    }

    /// YAML front matter between `---` lines; list values (`- name`) under a key are collected.
    static func readFrontMatter(_ s: [Unicode.Scalar], _ cursor: inout Int, _ meta: inout Metadata) {
        guard !lineHoldsVisibleASCII(s, at: cursor, besides: 45) else { return }
        var (first, next) = line(s, at: cursor)
        guard first == "---" else { return }
        var pendingKey: String?
        var pendingList: [String] = []
        func flush() {
            if let key = pendingKey, !pendingList.isEmpty {
                apply(key: key, value: pendingList.joined(separator: ", "), to: &meta)
            }
            pendingKey = nil
            pendingList = []
        }
        while next < s.count {
            (first, next) = line(s, at: next)
            if first == "---" || first == "..." { flush(); cursor = next; return }
            if first.hasPrefix("- "), pendingKey != nil {
                pendingList.append(TrimSet.quotesAndSpace.trim(first.dropFirst(2)))
                continue
            }
            flush()
            if let (key, value) = keyValue(first) {
                if TrimSet.whitespaces.trim(value).isEmpty { pendingKey = key } else { apply(key: key, value: value, to: &meta) }
            }
        }
    }

    /// A block of `Key: value` lines at the top, ended by a blank line, when the keys are ones we know.
    static func readHeaderBlock(_ s: [Unicode.Scalar], _ cursor: inout Int, _ meta: inout Metadata) {
        var position = cursor
        while position < s.count, !lineHoldsVisibleASCII(s, at: position) {
            let (text, next) = line(s, at: position)
            guard text.isEmpty else { break }
            position = next
        }
        var pairs: [(String, String)] = []
        var end = position
        while end < s.count {
            // Not blank and without a colon: no key's line.
            if lineHoldsVisibleASCII(s, at: end), !lineHolds(58, s, at: end) { return }
            let (text, next) = line(s, at: end)
            if text.isEmpty { break }
            guard let (key, value) = keyValue(text), knownKey(key) else { return }
            pairs.append((key, value))
            end = next
        }
        guard !pairs.isEmpty else { return }
        for (key, value) in pairs { apply(key: key, value: value, to: &meta) }
        cursor = end
    }

    // MARK: paragraphs

    struct Paragraph {
        var span: Range<Int>
        var headingLevel: Int
        var words: Int
        var allLink: Bool
        var boldLabel: Bool
        /// The visible start of the paragraph (up to 600 scalars), lower-cased ASCII bytes for cheap tests;
        /// other scalars become 0xFF, an ellipsis becomes "...".
        var folded: [UInt8]
        var text: String

        func contains(_ needle: String) -> Bool {
            var needle = needle
            return needle.withUTF8 { n in
                folded.withUnsafeBufferPointer { f in
                    guard let head = n.first, n.count <= f.count, let base = f.baseAddress else { return false }
                    // memchr finds candidate starts (a paragraph is tested for a dozen phrases).
                    var i = 0
                    let last = f.count - n.count
                    while i <= last, let hit = memchr(base + i, Int32(head), last - i + 1) {
                        i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                        // The second byte first: most candidates ("i" of "ing by") fail there, without a call.
                        if n.count < 2 || f[i + 1] == n[1], memcmp(base + i, n.baseAddress!, n.count) == 0 { return true }
                        i += 1
                    }
                    return false
                }
            }
        }

        func hasPrefix(_ needle: String) -> Bool {
            var needle = needle
            return needle.withUTF8 { n in
                n.count <= folded.count && folded.withUnsafeBufferPointer { f in
                    var k = 0
                    while k < n.count, f[k] == n[k] { k += 1 }
                    return k == n.count
                }
            }
        }
    }

    static let foldLimit = 600

    /// One pass over a paragraph's scalars: its visible words, whether any visible text stands outside a
    /// link, and its folded start (see `Paragraph.folded`). Locals and raw buffers only: this runs on
    /// every scalar of the text.
    private static func scan(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ hidden: UnsafeBufferPointer<Bool>,
                             _ range: Range<Int>) -> (folded: [UInt8], words: Int, hasVisibleOutsideLink: Bool) {
        var words = 0
        var hasVisibleOutsideLink = false
        // An ellipsis folds to three bytes, so the fold can pass its limit by two.
        let folded = [UInt8](smallCapacity: min(range.count * 3, foldLimit + 2)) { out in
            var n = 0
            // Inside a word means the last visible scalar was not white space, so a space folds only then.
            var inWord = false
            var inLink = false
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
                let c = s[i]
                let v = c.value
                if hidden[i] {
                    inLink = v == 91 ? true : (v == 93 ? false : inLink)
                    i &+= 1
                    continue
                }
                i &+= 1
                if Tokenizer.isSpace(c) {
                    if inWord, n < foldLimit {
                        out[n] = 32
                        n &+= 1
                    }
                    inWord = false
                    continue
                }
                if !inWord { words &+= 1 }
                inWord = true
                if !inLink { hasVisibleOutsideLink = true }
                if n < foldLimit {
                    if v < 128 {
                        out[n] = UInt8(truncatingIfNeeded: v &- 65 < 26 ? v | 32 : v)
                        n &+= 1
                    } else if v == 0x2026 {
                        out[n] = 46; out[n &+ 1] = 46; out[n &+ 2] = 46
                        n &+= 3
                    } else {
                        out[n] = 0xFF
                        n &+= 1
                    }
                }
                // The rest of the word while it is visible printable ASCII: it changes none of the flags
                // above, so only its bytes are folded (most scalars of a text pass here).
                while i < end {
                    let w = s[i].value
                    guard w &- 33 < 94, !hidden[i] else { break }
                    if n < foldLimit {
                        out[n] = UInt8(truncatingIfNeeded: w &- 65 < 26 ? w | 32 : w)
                        n &+= 1
                    }
                    i &+= 1
                }
            }
            return n
        }
        return (folded, words, hasVisibleOutsideLink)
    }

    /// Paragraphs are runs of non-blank lines; a heading line is a paragraph by itself.
    static func paragraphs(_ s: [Unicode.Scalar], _ hidden: [Bool]?, from start: Int) -> [Paragraph] {
        precondition(hidden.map { $0.count == s.count } ?? true, "the markup mask covers the text")
        let mask = hidden ?? [Bool](repeating: false, count: s.count)
        return s.withUnsafeBufferPointer { s in mask.withUnsafeBufferPointer { mask in
            paragraphs(s, mask, hidden, from: start)
        } }
    }

    private static func paragraphs(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ mask: UnsafeBufferPointer<Bool>,
                                   _ hidden: [Bool]?, from start: Int) -> [Paragraph] {
        var result: [Paragraph] = []
        var position = start
        var current: Range<Int>?
        func close() {
            guard let r = current else { return }
            current = nil
            var a = r.lowerBound, b = r.upperBound
            while a < b, Tokenizer.isSpace(s[a]) { a += 1 }
            while b > a, Tokenizer.isSpace(s[b - 1]) { b -= 1 }
            guard a < b else { return }
            let (folded, words, hasVisibleOutsideLink) = scan(s, mask, a..<b)
            guard words > 0 else { return }
            var level = 0
            while a + level < b, s[a + level].value == 35 { level += 1 }
            if level > 0, a + level < b, s[a + level].value != 32 { level = 0 }
            let bold = s[a].value == 42 && folded.prefix(40).contains(58)
            // Only short paragraphs near the top, or bylines, can be headlines, bylines or datelines: the
            // only ones whose text is read.
            let byline = folded.count > 3 && folded[0] == 98 && folded[1] == 121 && folded[2] == 32
            let text = words <= 30 && (result.count < 20 || byline) ? Markup.visible(s, hidden == nil ? nil : mask, a..<b) : ""
            result.append(Paragraph(span: a..<b, headingLevel: level, words: words, allLink: !hasVisibleOutsideLink,
                                    boldLabel: bold, folded: folded, text: text))
        }
        let count = s.count
        while position < count {
            var j = position
            while j < count, s[j].value == 32 || s[j].value == 9 { j &+= 1 }
            let first = j
            while j < count, s[j].value != 10, Tokenizer.isSpace(s[j]) { j &+= 1 }
            let blank = j == count || s[j].value == 10
            while j < count, s[j].value != 10 { j &+= 1 }
            let heading = first < count && s[first].value == 35
            if blank {
                close()
            } else if heading {
                close()
                current = position..<j
                close()
            } else {
                current = (current?.lowerBound ?? position)..<j
            }
            position = j + 1
        }
        close()
        return result
    }

    static let promoStarts = ["learn more", "read more", "sign up", "subscribe", "related:", "see also", "see more",
                              "advertisement", "supported by", "share full article", "listen to this article",
                              "click here", "more on this", "follow us", "watch:", "read the latest", "continue reading",
                              "skip advertisement", "get the latest", "newsletter", "read next", "recommended",
                              "read in app", "leer en espa", "give this article", "send any friend", "sign in",
                              "most read", "related content", "site index", "editors' picks", "trending"]
    static let contributorPhrases = ["contributed reporting", "contributed to this report", "contributed research",
                                     "additional reporting", "reporting was contributed", "contributed additional reporting",
                                     "reporting by", "editing by", "writing by", "compiled by"]

    static func isByline(_ p: Paragraph) -> Bool {
        guard p.words <= 30, p.headingLevel == 0 else { return false }
        if p.hasPrefix("by ") { return p.text.dropFirst(3).first.map { $0.isUppercase } ?? false }
        // "From Ana Ruiz, CNN": a name and an outlet on a short line of their own (a sentence opening with "From"
        // ends with a mark).
        guard p.words <= 6, p.hasPrefix("from "), p.text.dropFirst(5).first?.isUppercase == true,
              p.text.last?.isLetter == true else { return false }
        return p.contains(",")
    }

    static func isPromo(_ p: Paragraph) -> Bool {
        guard p.words <= 25 else { return false }
        return p.allLink || promoStarts.contains { p.hasPrefix($0) }
    }

    static func isContributor(_ p: Paragraph) -> Bool {
        guard p.words <= 80, p.contains("contribut") || p.contains("ing by") || p.contains("led by") else { return false }
        return contributorPhrases.contains { p.contains($0) }
    }

    static func hasCredit(_ p: Paragraph) -> Bool {
        // "credit" and "photo" are searched for first: most paragraphs hold neither, and each search walks one.
        p.words <= 80 && (p.contains("credit") && (p.contains("credit...") || p.contains("credit:")) || p.hasPrefix("photo: ")
            || p.contains("photo") && (p.contains("photograph: ") || p.contains("photo by ") || p.contains("photo/"))
            || p.contains("reuters/") && p.text.contains("REUTERS/"))
    }

    static func classify(_ paras: [Paragraph], _ s: [Unicode.Scalar], _ hidden: [Bool]?, _ meta: inout Metadata) -> [Block] {
        var blocks: [Block] = []
        func add(_ role: BlockRole, _ r: Range<Int>) { blocks.append(Block(role: role, span: TextSpan(start: r.lowerBound, end: r.upperBound))) }
        let headlineIndex = paras.prefix(12).firstIndex { $0.headingLevel == 1 }
            ?? (meta.title == nil ? plainHeadlineIndex(paras) : nil)
        let bylineIndex = paras.prefix(20).firstIndex(where: isByline)
        var inSidebar = false
        for (index, p) in paras.enumerated() {
            let beforeHeadline = headlineIndex.map { index < $0 } ?? false
            let beforeByline = bylineIndex.map { index < $0 } ?? false
            if index == headlineIndex {
                meta.headline = meta.headline ?? p.text
                add(.headline, p.span)
                continue
            }
            if beforeHeadline || (headlineIndex == nil && beforeByline && p.words <= 12 && DateParser.firstDate(in: p.text) != nil) {
                if let day = DateParser.firstDate(in: p.text) {
                    meta.textDate = meta.textDate ?? day
                    if meta.source == nil, let outlet = outletBeforeDate(p.text) { meta.source = outlet }
                }
                add(.dateline, p.span)
                continue
            }
            if index == bylineIndex {
                let (names, date) = readByline(p.text)
                meta.bylineNames = names
                meta.textDate = meta.textDate ?? date
                add(.byline, p.span)
                continue
            }
            if hasCredit(p) {
                addCaption(p, s, &blocks)
                continue
            }
            if beforeByline, headlineIndex != nil {
                let standfirstTaken = blocks.contains { $0.role == .standfirst }
                add(standfirstTaken ? .caption : .standfirst, p.span)
                continue
            }
            if p.headingLevel >= 2 {
                let next = index + 1 < paras.count ? paras[index + 1] : nil
                inSidebar = next?.boldLabel ?? false
                add(inSidebar ? .sidebar : .subheading, p.span)
                continue
            }
            if inSidebar, p.boldLabel {
                add(.sidebar, p.span)
                continue
            }
            inSidebar = false
            if isContributor(p) { add(.contributor, p.span); continue }
            if isPromo(p) { add(.promo, p.span); continue }
            add(.body, p.span)
        }
        return blocks
    }

    /// Plain text without a `#` heading: after any outlet-and-date lines, a short line without closing
    /// punctuation is the headline.
    static func plainHeadlineIndex(_ paras: [Paragraph]) -> Int? {
        for (index, p) in paras.prefix(4).enumerated() {
            guard p.headingLevel == 0, !isByline(p), p.words <= 20, p.words >= 2, let last = p.text.last else { return nil }
            if p.words <= 12, DateParser.firstDate(in: p.text) != nil { continue }
            return ".!?\"”".contains(last) ? nil : index
        }
        return nil
    }

    /// A caption paragraph with its credit split off as a `credit` block.
    static func addCaption(_ p: Paragraph, _ s: [Unicode.Scalar], _ blocks: inout [Block]) {
        var i = p.span.lowerBound
        // Compared in place: arrays built per scalar and marker cost half a million instructions a caption.
        let markers = ["Credit", "Photo: ", "Photograph: ", "Photo by "].map { Array($0.unicodeScalars) }
        while i < p.span.upperBound {
            for m in markers {
                if i + m.count <= p.span.upperBound, s[i..<(i + m.count)].elementsEqual(m) {
                    if i > p.span.lowerBound {
                        blocks.append(Block(role: .caption, span: TextSpan(start: p.span.lowerBound, end: i)))
                    }
                    blocks.append(Block(role: .credit, span: TextSpan(start: i, end: p.span.upperBound)))
                    return
                }
            }
            i += 1
        }
        blocks.append(Block(role: .caption, span: TextSpan(start: p.span.lowerBound, end: p.span.upperBound)))
    }

    /// "The New York Times 10. November 2022" -> "The New York Times".
    static func outletBeforeDate(_ text: String) -> String? {
        let out = Tokenizer.tokenize(text)
        return out.scalars.withUnsafeBufferPointer { s -> String? in
            for i in out.tokens.indices {
                if DateParser.absolute(at: i, tokens: out.tokens, scalars: s, reference: nil) != nil {
                    guard i > 0 else { return nil }
                    let outlet = TrimSet.outletSeparators.trim(Scalars.string(out.scalars, 0..<Int(out.tokens[i - 1].end)))
                    return outlet.isEmpty ? nil : outlet
                }
            }
            return nil
        }
    }

    /// "By Peter Baker Nov. 10, 2022" -> (["Peter Baker"], 2022-11-10); "By A, B and C" -> three names.
    static func readByline(_ text: String) -> ([String], Day?) {
        // "From Ana Ruiz, CNN": one author, then the outlet.
        let from = text.hasPrefix("From ") || text.hasPrefix("FROM ")
        let body = text.hasPrefix("By ") || text.hasPrefix("by ") || text.hasPrefix("BY ") ? String(text.dropFirst(3))
            : from ? String(text.dropFirst(5)) : text
        let out = Tokenizer.tokenize(body)
        var cut = out.scalars.count
        var date: Day?
        out.scalars.withUnsafeBufferPointer { s in
            for i in out.tokens.indices {
                if let m = DateParser.absolute(at: i, tokens: out.tokens, scalars: s, reference: nil) {
                    cut = Int(out.tokens[i].start)
                    date = m.day
                    break
                }
                // Times and "Updated" markers end the names too.
                if out.tokens[i].kind == .word, !out.tokens[i].isCapitalized, out.tokens[i].hash != Words.and {
                    cut = Int(out.tokens[i].start)
                    break
                }
                if out.tokens[i].kind == .word, let marker = timeMarkerStart(out.tokens[i], s) {
                    cut = marker
                    date = ((i + 1)..<out.tokens.count).lazy.compactMap {
                        DateParser.absolute(at: $0, tokens: out.tokens, scalars: s, reference: nil)?.day
                    }.first
                    break
                }
            }
        }
        // "By Peter Baker, Reporting from Kyiv": a byline name has at least two words.
        // (Foundation's `contains` is asked only when there is a space byte: it can find no space without one.)
        let names = splitNames(Scalars.string(out.scalars, 0..<cut)).filter { $0.utf8.contains(32) && $0.contains(" ") }
        return (from ? Array(names.prefix(1)) : names, date)
    }

    static let timeMarkers = ["Published", "Updated", "Posted", "Last"].map { Array($0.unicodeScalars) }

    /// Where a byline's time marker starts in `token`: the token itself ("Updated 12:30"), or its end when the page
    /// glued the marker to the last name ("Mara LindPublished 3 May 2019"), after a lower-case letter.
    static func timeMarkerStart(_ token: Token, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> Int? {
        let start = Int(token.start), end = Int(token.end)
        for marker in timeMarkers where end - start >= marker.count {
            let at = end - marker.count
            guard s[at..<end].elementsEqual(marker) else { continue }
            if at == start || s[at - 1].properties.isLowercase { return at }
        }
        return nil
    }

    static func splitNames(_ text: String) -> [String] {
        // An ASCII list (nearly every byline) is cut on its bytes: there a byte is a character, so the pieces
        // are the ones Foundation's replacements and the split give, without their tens of thousands of
        // instructions a call.
        let pieces = text.utf8.allSatisfy({ $0 < 0x80 }) ? asciiNamePieces(text)
            : text.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: "&", with: ",")
                .split(separator: ",")
        return pieces.map { TrimSet.nameSeparators.trim($0) }
            .filter { !$0.isEmpty && $0.first?.isUppercase == true }
    }

    /// The non-empty pieces of an ASCII text between ",", "&" and " and " (found left to right).
    static func asciiNamePieces(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var pieces: [Substring] = []
        var start = utf8.startIndex
        var i = start
        while i < utf8.endIndex {
            let b = utf8[i]
            let separator = b == 44 || b == 38 ? 1 : b == 32 && utf8[i...].starts(with: " and ".utf8) ? 5 : 0
            guard separator > 0 else {
                i = utf8.index(after: i)
                continue
            }
            if start < i { pieces.append(text[start..<i]) }
            i = utf8.index(i, offsetBy: separator)
            start = i
        }
        if start < utf8.endIndex { pieces.append(text[start...]) }
        return pieces
    }
}
