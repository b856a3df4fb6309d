/// Markdown that pasted articles carry (`[text](url)`, `**bold**`, `# `, `\$`): the marks stay in the
/// article text, so offsets match the file, but are hidden from tokens, names and quotes.
enum Markup {
    static func hiddenMask(_ scalars: [Unicode.Scalar]) -> [Bool] {
        var hidden = [Bool](repeating: false, count: scalars.count)
        // Every scalar is read here: through a buffer pointer, without an array's checks.
        scalars.withUnsafeBufferPointer { s in hidden.withUnsafeMutableBufferPointer { hidden in
            var lineStart = true
            var i = 0
            let n = s.count
            while i < n {
                let v = s[i].value
                // Nothing above "_" is a mark, here or at a line's start: most scalars stop at this test.
                if v > 95 { lineStart = false; i &+= 1; continue }
                if v == 10 { lineStart = true; i += 1; continue }
                if lineStart {
                    if v == 32 || v == 9 { i += 1; continue }
                    lineStart = false
                    // Heading and block-quote marks at the start of a line; a list bullet is left to
                    // the emphasis rule below, which hides a `*` and keeps `-` and `+`.
                    if let (mark, end) = lineMark(scalars, at: i), mark != .bullet {
                        for j in i..<end { hidden[j] = true }
                        i = end
                        continue
                    }
                }
                switch v {
                case 42: hidden[i] = true                                   // * emphasis
                case 95 where i + 1 < n && s[i + 1].value == 95:            // __ emphasis
                    hidden[i] = true
                    hidden[i + 1] = true
                    i += 1
                case 92 where i + 1 < n && isMarkdownEscapable(s[i + 1].value):
                    hidden[i] = true
                    if s[i + 1].value == 92 { hidden[i + 1] = true; i += 1 }
                case 91:                                                    // [text](target)
                    if let (close, end) = linkEnd(scalars, from: i) {
                        if i > 0, s[i - 1].value == 33 { hidden[i - 1] = true }
                        hidden[i] = true
                        for k in close..<end { hidden[k] = true }
                    }
                default: break
                }
                i += 1
            }
        } }
        return hidden
    }

    enum LineMarkKind: Equatable { case heading, quote(depth: Int), bullet }

    /// The mark a line's text starts with at `i` (after any indentation), and where the text after
    /// it begins: a run of `#` or of `>` with one following space, or a `*`, `-` or `+` bullet
    /// followed by a space.
    static func lineMark(_ s: [Unicode.Scalar], at i: Int) -> (LineMarkKind, end: Int)? {
        let n = s.count
        guard i < n else { return nil }
        let v = s[i].value
        switch v {
        case 35, 62:
            var j = i
            while j < n, s[j].value == v { j += 1 }
            let depth = j - i
            if j < n, s[j].value == 32 { j += 1 }
            return (v == 35 ? .heading : .quote(depth: depth), j)
        case 42, 45, 43:
            return i + 1 < n && s[i + 1].value == 32 ? (.bullet, i + 2) : nil
        default:
            return nil
        }
    }

    private static func isMarkdownEscapable(_ v: UInt32) -> Bool {
        "\\`*_{}[]()#+-.!$<>|~".unicodeScalars.contains { $0.value == v }
    }

    /// For a `[` at `open`: the offset of the matching `](` and the end of `)`, within one paragraph.
    private static func linkEnd(_ s: [Unicode.Scalar], from open: Int) -> (Int, Int)? {
        var j = open + 1
        var depth = 0
        let limit = min(s.count, open + 600)
        while j < limit {
            let v = s[j].value
            if v == 10, j + 1 < s.count, s[j + 1].value == 10 { return nil }
            if v == 91 { depth += 1 }
            if v == 93 {
                if depth > 0 { depth -= 1; j += 1; continue }
                guard j + 1 < s.count, s[j + 1].value == 40 else { return nil }
                var k = j + 2
                while k < min(s.count, j + 2000) {
                    let w = s[k].value
                    if w == 41 { return (j, k + 1) }
                    if w == 10 { return nil }
                    k += 1
                }
                return nil
            }
            j += 1
        }
        return nil
    }

    /// The visible text of a range: hidden scalars dropped, runs of white space folded to one space.
    static func visible(_ s: [Unicode.Scalar], _ hidden: [Bool]?, _ range: Range<Int>) -> String {
        precondition(hidden.map { $0.count == s.count } ?? true)
        return s.withUnsafeBufferPointer { sp in (hidden ?? []).withUnsafeBufferPointer { hp in
            visible(sp, hidden == nil ? nil : hp, range)
        } }
    }

    static func visible(_ sp: UnsafeBufferPointer<Unicode.Scalar>, _ mask: UnsafeBufferPointer<Bool>?,
                        _ range: Range<Int>) -> String {
        precondition(range.lowerBound >= 0 && range.upperBound <= sp.count && (mask.map { $0.count == sp.count } ?? true))
        // At most four bytes a scalar: a folded space stands for at least one white-space scalar.
        func write(_ out: UnsafeMutableBufferPointer<UInt8>) -> Int {
            var n = 0
            var space = false
            // An index loop with wrapping adds (the range is checked above and `n` stays below four
            // bytes a scalar): the range iterator and overflow checks cost a third of each scalar.
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
                let c = sp[i]
                let skipped = mask?[i] ?? false
                i &+= 1
                if skipped { continue }
                if Tokenizer.isSpace(c) {
                    space = n > 0
                    continue
                }
                if space {
                    out[n] = 32
                    n &+= 1
                    space = false
                }
                n &+= Scalars.writeUTF8(c, to: out, at: n)
                // The rest of the word while it is visible printable ASCII, byte for byte: the steps above
                // would write each such scalar as it is (most scalars of a text pass here).
                while i < end {
                    let w = sp[i].value
                    guard w &- 33 < 94, !(mask?[i] ?? false) else { break }
                    out[n] = UInt8(truncatingIfNeeded: w)
                    n &+= 1
                    i &+= 1
                }
            }
            return n
        }
        // A name or a short phrase, most calls: written to stack space first, so that one of up to 15 bytes becomes
        // a small string without an allocation (`String(unsafeUninitializedCapacity:)` allocates whenever its
        // capacity, four bytes a scalar here, passes 15).
        if range.count <= 64 {
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count * 4) { out in
                String(decoding: UnsafeBufferPointer(rebasing: out[..<write(out)]), as: UTF8.self)
            }
        }
        return String(unsafeUninitializedCapacity: range.count * 4, initializingUTF8With: write)
    }
}

/// What a reader sees of an article's Markdown: the marks the analyser reads past stay hidden, and
/// a line's block-quote or list mark (with its indentation) is hidden too, for the reader's view to
/// draw as a bar or a bullet in front of the line and its wrapped continuation.
public struct ReaderMarkup: Sendable {
    public enum LineMark: Sendable, Hashable {
        case quote(depth: Int)
        case bullet
    }

    /// A line that opens with a block-quote or list mark.
    public struct MarkedLine: Sendable, Hashable {
        /// The scalar where the line's text begins, after its mark.
        public var textStart: Int
        public var mark: LineMark
        /// How far the mark was indented, in columns (a tab counting as four), for nested lists.
        public var indent: Int
    }

    /// Text between a pair of emphasis marks: `**strong**` or `__strong__`, `*emphasis*`.
    public struct Emphasis: Sendable, Hashable {
        public var span: TextSpan
        public var strong: Bool
    }

    /// For each scalar of the text, whether it is markup a reader should not see.
    public let hidden: [Bool]
    /// The marked lines in text order.
    public let markedLines: [MarkedLine]
    /// Emphasised text in order of its closing mark; a mark left open by the end of a paragraph
    /// emphasises nothing.
    public let emphasis: [Emphasis]

    public init(text: String) {
        let scalars = Scalars.of(text)
        var hidden = Markup.hiddenMask(scalars)
        var marked: [MarkedLine] = []
        var lineStart = 0
        while lineStart < scalars.count {
            var first = lineStart, indent = 0
            while first < scalars.count, scalars[first].value == 32 || scalars[first].value == 9 {
                indent += scalars[first].value == 9 ? 4 : 1
                first += 1
            }
            if let (kind, end) = Markup.lineMark(scalars, at: first) {
                let mark: LineMark? = switch kind {
                case .quote(let depth): .quote(depth: depth)
                case .bullet: .bullet
                case .heading: nil
                }
                if let mark {
                    for index in lineStart..<end { hidden[index] = true }
                    marked.append(MarkedLine(textStart: end, mark: mark, indent: indent))
                }
            }
            var next = first
            while next < scalars.count, scalars[next].value != 10 { next += 1 }
            lineStart = next + 1
        }
        self.hidden = hidden
        self.markedLines = marked
        self.emphasis = Self.emphasis(scalars, hidden: hidden, isBullet: Set(marked.filter { $0.mark == .bullet }.map(\.textStart)))
    }

    /// Pairs the hidden runs of `*` and `_` within each paragraph: a run of two or more opens or
    /// closes strong text, an odd run emphasis (three do both). A bullet's star, ending at a
    /// `textStart` in `isBullet`, is no emphasis.
    private static func emphasis(_ s: [Unicode.Scalar], hidden: [Bool], isBullet: Set<Int>) -> [Emphasis] {
        var found: [Emphasis] = []
        var openStrong: Int?, openEmphasis: Int?
        var i = 0
        while i < s.count {
            let v = s[i].value
            if v == 10, i + 1 < s.count, s[i + 1].value == 10 { (openStrong, openEmphasis) = (nil, nil) }
            guard hidden[i], v == 42 || v == 95 else { i += 1; continue }
            var end = i
            while end < s.count, hidden[end], s[end].value == v { end += 1 }
            defer { i = end }
            if isBullet.contains(end + 1) { continue }
            let run = end - i
            if run >= 2 {
                if let open = openStrong {
                    found.append(Emphasis(span: TextSpan(start: open, end: i), strong: true))
                    openStrong = nil
                } else {
                    openStrong = end
                }
            }
            if run % 2 == 1 {
                if let open = openEmphasis {
                    found.append(Emphasis(span: TextSpan(start: open, end: i), strong: false))
                    openEmphasis = nil
                } else {
                    openEmphasis = end
                }
            }
        }
        return found
    }
}
