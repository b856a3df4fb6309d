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
                if v == 10 { lineStart = true; i += 1; continue }
                if lineStart {
                    if v == 32 || v == 9 { i += 1; continue }
                    lineStart = false
                    // Heading and block-quote marks at the start of a line.
                    if v == 35 || v == 62 {
                        var j = i
                        while j < n, s[j].value == v { hidden[j] = true; j += 1 }
                        if j < n, s[j].value == 32 { hidden[j] = true; j += 1 }
                        i = j
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
        precondition(range.lowerBound >= 0 && range.upperBound <= s.count && (hidden.map { $0.count == s.count } ?? true))
        return s.withUnsafeBufferPointer { sp in (hidden ?? []).withUnsafeBufferPointer { hp in
            let mask = hidden == nil ? nil : hp
            // At most four bytes a scalar: a folded space stands for at least one white-space scalar.
            return String(unsafeUninitializedCapacity: range.count * 4) { out in
                var n = 0
                var space = false
                for i in range {
                    if let mask, mask[i] { continue }
                    let c = sp[i]
                    if Tokenizer.isSpace(c) {
                        space = n > 0
                        continue
                    }
                    if space {
                        out[n] = 32
                        n += 1
                        space = false
                    }
                    n += Scalars.writeUTF8(c, to: out, at: n)
                }
                return n
            }
        } }
    }
}
