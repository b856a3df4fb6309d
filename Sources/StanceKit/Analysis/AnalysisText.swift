/// An article prepared for analysis: its scalars, tokens (per block), logical paragraphs, sentences and
/// direct-quote spans, all as integer ranges over one token array.
struct AnalysisText {
    let article: Article
    let scalars: [Unicode.Scalar]
    let hidden: [Bool]
    let blocks: [Block]
    var tokens: [Token] = []
    /// Block index of each token.
    var blockOf: [Int32] = []
    /// Sentences as token ranges; a sentence never spans two logical paragraphs.
    var sentences: [Range<Int>] = []
    var sentenceOf: [Int32] = []
    /// Logical paragraphs: blocks, with a block that was cut mid-sentence joined to the next.
    var paragraphOf: [Int32] = []
    /// Direct quotes, in order; `quoteOf[t]` is the quote whose marks enclose token t, or -1.
    var quotes: [QuoteSpan] = []
    var quoteOf: [Int32] = []

    struct QuoteSpan {
        /// Token ranges inside the marks; several when a quote runs over paragraphs.
        var parts: [Range<Int>]
        var open: Int
        var close: Int?
        var innerWords: Int
        var first: Int { parts[0].lowerBound }
        var last: Int { parts[parts.count - 1].upperBound - 1 }
    }

    init(article: Article) {
        let scalars = Scalars.of(article.text)
        self.init(article: article, scalars: scalars, hidden: Markup.hiddenMask(scalars))
    }

    init(article: Article, scalars: [Unicode.Scalar], hidden: [Bool]) {
        self.article = article
        self.scalars = scalars
        self.hidden = hidden
        blocks = article.blocks
        // About a token for every five scalars: one allocation each instead of a series of doublings.
        tokens.reserveCapacity(scalars.count / 5 + 16)
        blockOf.reserveCapacity(scalars.count / 5 + 16)
        for (index, block) in blocks.enumerated() {
            let start = max(0, min(block.span.start, scalars.count)), end = max(start, min(block.span.end, scalars.count))
            let before = tokens.count
            Tokenizer.tokenize(scalars, hidden: hidden, range: start..<end, into: &tokens)
            blockOf.append(contentsOf: repeatElement(Int32(index), count: tokens.count - before))
        }
        segment()
        findQuotes()
    }

    func role(ofToken t: Int) -> BlockRole { blocks[Int(blockOf[t])].role }

    func text(_ first: Int, _ last: Int) -> String {
        guard first <= last, first >= 0, last < tokens.count else { return "" }
        return Markup.visible(scalars, hidden, Int(tokens[first].start)..<Int(tokens[last].end))
    }

    func span(_ first: Int, _ last: Int) -> TextSpan {
        TextSpan(start: Int(tokens[first].start), end: Int(tokens[last].end))
    }

    @inline(__always) func isPunct(_ t: Int, _ scalar: Unicode.Scalar) -> Bool { t >= 0 && t < tokens.count && tokens[t].isPunct(scalar) }

    // MARK: sentences

    /// "no." ends a sentence in lower case; "No. 2" abbreviates "number".
    static let no: UInt64 = 0x08B3_5907_B558_9AFA   // WordHash.hash("no")

    @inline(__always) private static func isTerminal(_ hash: UInt64) -> Bool {
        hash == 46 || hash == 63 || hash == 33 || hash == 0x2026
    }

    private mutating func segment() {
        let lex = Lexicon.shared
        sentenceOf = [Int32](repeating: 0, count: tokens.count)
        paragraphOf = [Int32](repeating: 0, count: tokens.count)
        var paragraph: Int32 = 0
        var sentenceStart = 0
        var i = 0
        let n = tokens.count
        func closeSentence(_ end: Int) {
            guard end > sentenceStart else { return }
            let index = Int32(sentences.count)
            for k in sentenceStart..<end { sentenceOf[k] = index }
            sentences.append(sentenceStart..<end)
            sentenceStart = end
        }
        while i < n {
            paragraphOf[i] = paragraph
            let t = tokens[i]
            let lastInBlock = i + 1 == n || blockOf[i + 1] != blockOf[i]
            if lastInBlock {
                // A paragraph cut mid-sentence (a pasted page's line break) continues in the next body block.
                let cut = t.kind == .word && i + 1 < n && tokens[i + 1].kind == .word && !tokens[i + 1].has(Token.capitalized)
                    && role(ofToken: i) == .body && role(ofToken: i + 1) == .body
                if !cut {
                    closeSentence(i + 1)
                    paragraph += 1
                }
                i += 1
                continue
            }
            var boundary = false
            var end = i + 1
            if t.kind == .punct, AnalysisText.isTerminal(t.hash) {
                while end < n, blockOf[end] == blockOf[i],
                      tokens[end].kind == .closeQuote || tokens[end].kind == .closeSingle || tokens[end].isPunct(")") {
                    end += 1
                }
                if end >= n || blockOf[end] != blockOf[i] {
                    boundary = true
                } else {
                    let next = tokens[end]
                    let startsSentence = next.isCapitalized || next.kind == .number || next.kind == .openQuote
                        || next.kind == .openSingle || next.isPunct("(")
                    // "Chuck Schumer, D-N.Y., and": a full stop with a letter right after it, no space, is inside an abbreviation.
                    boundary = startsSentence && !(end == i + 1 && next.kind == .word && !next.has(Token.spaceBefore))
                    if boundary, t.hash == 46, i > 0, tokens[i - 1].kind == .word, !tokens[i].has(Token.spaceBefore) {
                        let prev = tokens[i - 1]
                        if prev.has(Token.initial) && next.isCapitalized {
                            boundary = false
                        } else if let kind = lex.abbreviations.value(word: prev.hash) {
                            boundary = kind == .general && next.isCapitalized && lex.stopwords.contains(word: next.hash)
                            if kind == .title, prev.hash == AnalysisText.no, !prev.isCapitalized { boundary = true }
                        }
                    }
                }
            } else if t.kind == .word, t.has(Token.dotted), i + 1 < n, blockOf[i + 1] == blockOf[i],
                      scalars[Int(t.end) - 1].value == 46 {
                // "... in the U.S. The next ..." ends a sentence only before a word that starts sentences.
                let next = tokens[i + 1]
                boundary = next.isCapitalized && lex.stopwords.contains(word: next.hash)
            }
            if boundary {
                for k in (i + 1)..<end { paragraphOf[k] = paragraph }
                closeSentence(end)
                i = end
                continue
            }
            i += 1
        }
        closeSentence(n)
    }

    // MARK: quotes

    private mutating func findQuotes() {
        quoteOf = [Int32](repeating: -1, count: tokens.count)
        var hasDouble = false
        for (i, t) in tokens.enumerated() where (t.kind == .openQuote || t.kind == .closeQuote) && !role(ofToken: i).isBoilerplate {
            hasDouble = true
            break
        }
        // Outlets that quote with single marks (‘...’) use them only when no double marks appear.
        let openKind: TokenKind = hasDouble ? .openQuote : .openSingle
        let closeKind: TokenKind = hasDouble ? .closeQuote : .closeSingle
        var open: Int?
        var parts: [Range<Int>] = []
        var firstOpen = 0
        func finish(close: Int?) {
            let words = parts.reduce(0) { sum, r in sum + r.reduce(0) { $0 + (tokens[$1].kind == .word || tokens[$1].kind == .number ? 1 : 0) } }
            if !parts.isEmpty, words > 0 {
                let index = Int32(quotes.count)
                quotes.append(QuoteSpan(parts: parts, open: firstOpen, close: close, innerWords: words))
                for r in parts { for k in r { quoteOf[k] = index } }
            }
            parts = []
            open = nil
        }
        var i = 0
        let n = tokens.count
        while i < n {
            let t = tokens[i]
            let paragraphEnds = i + 1 == n || paragraphOf[i + 1] != paragraphOf[i]
            if t.kind == openKind {
                if let o = open, o + 1 <= i - 1 {
                    // A new opening mark before a close: the earlier quote ended unmarked.
                    parts.append((o + 1)..<i)
                    finish(close: nil)
                } else if open != nil {
                    parts = []
                }
                if parts.isEmpty { firstOpen = i }
                open = i
            } else if t.kind == closeKind, let o = open {
                if o + 1 < i { parts.append((o + 1)..<i) }
                finish(close: i)
            }
            if paragraphEnds, let o = open {
                // A quote left open at a paragraph's end continues when the next paragraph opens with a mark.
                if o + 1 <= i { parts.append((o + 1)..<(i + 1)) }
                if i + 1 < n, tokens[i + 1].kind == openKind {
                    open = nil
                    i += 1
                    open = i
                    i += 1
                    continue
                }
                finish(close: nil)
            }
            i += 1
        }
    }
}
