/// What a token is. Quotation marks get their own kinds because quotes are found from them.
enum TokenKind: UInt8 {
    case word, number, punct
    case openQuote, closeQuote          // “ ” and straight " decided by context
    case openSingle, closeSingle        // ‘ ’ and straight ' used as quotation marks
    case possessive                     // the 's split from "Biden's"
}

/// One token: a word, number, punctuation mark or quotation mark, with offsets in Unicode scalars.
struct Token {
    var start: Int32
    var end: Int32
    /// Folded word hash for words and numbers; the scalar value for punctuation.
    var hash: UInt64
    var kind: TokenKind
    var flags: UInt8

    static let capitalized: UInt8 = 1
    static let allCaps: UInt8 = 2
    static let spaceBefore: UInt8 = 4
    /// A single letter followed by a period: an initial ("A." in "Mark A. Milley").
    static let initial: UInt8 = 16
    /// Written with internal periods ("U.S.", "a.m."), final period included.
    static let dotted: UInt8 = 32

    @inline(__always) func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
    var isWord: Bool { kind == .word }
    var isCapitalized: Bool { kind == .word && flags & Token.capitalized != 0 }
    @inline(__always) func isPunct(_ scalar: Unicode.Scalar) -> Bool { kind == .punct && hash == UInt64(scalar.value) }
    var span: TextSpan { TextSpan(start: Int(start), end: Int(end)) }
}

/// Splits scalars into tokens in one pass. Scalars marked hidden (Markdown link brackets, emphasis
/// marks) separate tokens but belong to none.
enum Tokenizer {
    struct Output {
        var scalars: [Unicode.Scalar]
        var tokens: [Token]
    }

    static func tokenize(_ text: String) -> Output {
        let scalars = Scalars.of(text)
        let tokens = tokenize(scalars, hidden: [Bool](specialisedRepeating: false, count: scalars.count), range: 0..<scalars.count)
        return Output(scalars: scalars, tokens: tokens)
    }

    @inline(__always) static func isASCIILetter(_ v: UInt32) -> Bool { (v | 32) >= 97 && (v | 32) <= 122 }
    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v >= 48 && v <= 57 }
    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 { return isASCIILetter(v) }
        return isAlphabetic(s)
    }
    @inline(__always) static func isUpper(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 { return v >= 65 && v <= 90 }
        return isUppercase(s)
    }
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 32 || v &- 9 <= 4 }   // space, tab, line feed, vertical tab, form feed, return
        return v == 0xA0 || v == 0x2009 || v == 0x202F || v == 0x200B || v == 0x2028 || v == 0x2029
    }
    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 { return isASCIILetter(v) || isDigit(v) }
        // General Punctuation (curly quotes, dashes, spaces) holds no letter, digit or mark: tested
        // here because a property look-up costs about 1,400 instructions, and a quote mark or dash
        // opens or follows most quotes (checked against the properties in TokenizerTests).
        if v &- 0x2000 < 0x70 { return false }
        return isWordScalarBeyondASCII(s)
    }

    // The Unicode property look-ups stay out of line: `Unicode.Scalar.Properties` and its enums are
    // resilient types, and a function that inlines one sets up their metadata and stack space on every
    // call (measured: about 100 instructions a word when the word loop carried them).
    @inline(never) private static func isAlphabetic(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }
    @inline(never) private static func isUppercase(_ s: Unicode.Scalar) -> Bool { s.properties.isUppercase }
    @inline(never) private static func isWordScalarBeyondASCII(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil || s.properties.generalCategory == .nonspacingMark
    }

    static func tokenize(_ scalars: [Unicode.Scalar], hidden: [Bool], range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        // A token for every four or five scalars in prose; short blocks (bylines, headings) run denser.
        tokens.reserveCapacity(range.count / 4 + 8)
        tokenize(scalars, hidden: hidden, range: range, into: &tokens)
        return tokens
    }

    /// Appends the tokens of `range` to `tokens`: an article's blocks go into one array, without an array
    /// of their own to allocate and copy each.
    static func tokenize(_ scalars: [Unicode.Scalar], hidden: [Bool], range: Range<Int>, into tokens: inout [Token]) {
        // Checked once here, so the loops below index raw buffers and narrow offsets without traps.
        precondition(range.lowerBound >= 0 && range.upperBound <= scalars.count && hidden.count == scalars.count
                     && range.upperBound <= Int(Int32.max), "a token range inside the text and its mask")
        scalars.withUnsafeBufferPointer { s in hidden.withUnsafeBufferPointer { h in
            var i = range.lowerBound
            let end = range.upperBound
            var sawSpace = true
            while i < end {
                if h[i] { i &+= 1; continue }
                let c = s[i]
                if isSpace(c) {
                    sawSpace = true
                    i &+= 1
                    continue
                }
                let flags = sawSpace ? Token.spaceBefore : 0
                sawSpace = false
                if isWordScalar(c) {
                    // Dotted acronyms keep their periods: "U.S.", "U.N.", "a.m.".
                    if i &+ 3 < end, s[i &+ 1].value == 46, s[i &+ 3].value == 46, isLetter(c), isLetter(s[i &+ 2]) {
                        let k = dottedEnd(s, from: i, end: end)
                        var f = flags | Token.dotted
                        if isUpper(c) { f |= Token.capitalized | Token.allCaps }
                        tokens.append(Token(start: Int32(truncatingIfNeeded: i), end: Int32(truncatingIfNeeded: k),
                                            hash: WordHash.hash(s, i, k), kind: .word, flags: f))
                        i = k
                        continue
                    }
                    let word = scanWord(s, h, from: i, end: end)
                    let j = word.end
                    let numeric = isDigit(c.value)
                    var f = flags
                    let upper = isUpper(c)
                    if upper { f |= Token.capitalized }
                    // A word opening with a lower-case ASCII letter, most of a text, has a letter in lower case.
                    if c.value &- 97 >= 26, isAllCaps(s, from: i, to: j) { f |= Token.allCaps }
                    if j &- i == 1, !numeric, upper, j < end, s[j].value == 46, !h[j] {
                        f |= Token.initial
                    }
                    tokens.append(Token(start: Int32(truncatingIfNeeded: i), end: Int32(truncatingIfNeeded: j), hash: word.hash,
                                        kind: numeric ? .number : .word, flags: f))
                    i = j
                    // The possessive 's as its own token.
                    if i &+ 1 < end, s[i].value == 39 || s[i].value == 0x2019, (s[i &+ 1].value | 32) == 115,
                       i &+ 2 >= end || !isWordScalar(s[i &+ 2]) {
                        tokens.append(Token(start: Int32(truncatingIfNeeded: i), end: Int32(truncatingIfNeeded: i &+ 2),
                                            hash: possessiveHash, kind: .possessive, flags: 0))
                        i &+= 2
                    }
                    continue
                }
                let v = c.value
                let kind: TokenKind
                switch v {
                case 0x201E, 0x00AB: kind = .openQuote
                case 0x201C:
                    // „So“ (German and Central European quoting): after a word and before a space it closes.
                    let closes = i > range.lowerBound && !isSpace(s[i &- 1]) && (i &+ 1 >= end || isSpace(s[i &+ 1]) || isClosingPunct(s[i &+ 1].value))
                    kind = closes ? .closeQuote : .openQuote
                case 0x201D:
                    // "”Text,” he said": a closing mark typed where a quote opens (after a space, before a word).
                    let opens = (i == range.lowerBound || isSpace(s[i &- 1])) && i &+ 1 < end && !isSpace(s[i &+ 1])
                    kind = opens ? .openQuote : .closeQuote
                case 0x00BB: kind = .closeQuote
                case 0x22:
                    let prevSpace = i == range.lowerBound || isSpace(s[i &- 1]) || opensQuoteAfter(s[i &- 1].value) || h[i &- 1]
                    let nextSpace = i &+ 1 >= end || isSpace(s[i &+ 1])
                    kind = prevSpace && !nextSpace ? .openQuote : .closeQuote
                case 0x2018, 0x201A: kind = .openSingle
                case 0x27 where i &+ 1 < end && s[i &+ 1].value == 0x27 && !h[i &+ 1]:
                    // ''Two apostrophes'' typed for a double quotation mark: one mark, placed like a straight '"'.
                    let prevSpace = i == range.lowerBound || isSpace(s[i &- 1]) || opensQuoteAfter(s[i &- 1].value) || h[i &- 1]
                    let nextSpace = i &+ 2 >= end || isSpace(s[i &+ 2])
                    tokens.append(Token(start: Int32(truncatingIfNeeded: i), end: Int32(truncatingIfNeeded: i &+ 2), hash: 0x22,
                                        kind: prevSpace && !nextSpace ? .openQuote : .closeQuote, flags: flags))
                    i &+= 2
                    continue
                case 0x60 where i &+ 1 < end && s[i &+ 1].value == 0x60 && !h[i &+ 1]:
                    // ``TeX-style'' quoting: two grave accents open a quote that two apostrophes close.
                    tokens.append(Token(start: Int32(truncatingIfNeeded: i), end: Int32(truncatingIfNeeded: i &+ 2), hash: 0x22,
                                        kind: .openQuote, flags: flags))
                    i &+= 2
                    continue
                case 0x2019, 0x27:
                    let prevSpace = i == range.lowerBound || isSpace(s[i &- 1]) || h[i &- 1]
                    kind = prevSpace ? .openSingle : .closeSingle
                default: kind = .punct
                }
                tokens.append(Token(start: Int32(truncatingIfNeeded: i), end: Int32(truncatingIfNeeded: i &+ 1),
                                    hash: UInt64(v), kind: kind, flags: flags))
                i &+= 1
            }
        } }
    }

    /// Marks that may follow a closing quotation mark directly: ".,;:!?)".
    @inline(__always) private static func isClosingPunct(_ v: UInt32) -> Bool {
        v == 46 || v == 44 || v == 59 || v == 58 || v == 33 || v == 63 || v == 41
    }

    /// Marks after which a straight double quote opens a quote: "([{—–-".
    @inline(__always) private static func opensQuoteAfter(_ v: UInt32) -> Bool {
        v == 40 || v == 91 || v == 123 || v == 0x2014 || v == 0x2013 || v == 45
    }

    /// The end of a dotted acronym starting at `i` (a letter, a period, a letter, a period).
    private static func dottedEnd(_ s: UnsafeBufferPointer<Unicode.Scalar>, from i: Int, end: Int) -> Int {
        var k = i
        while k &+ 1 < end, isLetter(s[k]), s[k &+ 1].value == 46,
              k &+ 2 >= end || !isWordScalar(s[k &+ 2]) || (k &+ 3 < end && s[k &+ 3].value == 46) {
            k &+= 2
        }
        return k
    }

    /// Whether the word `start..<end` is in capitals: two upper-case scalars or more, as many as its letters.
    /// Every upper-case scalar is a letter (Unicode's Other_Uppercase scalars are all Other_Alphabetic or Nl),
    /// so the first letter in lower case ends the test: in "Biden" its second scalar. Only words that do not
    /// open with a lower-case ASCII letter are asked.
    private static func isAllCaps(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, to end: Int) -> Bool {
        var upperCount = 0
        var k = start
        while k < end {
            if isUpper(s[k]) {
                upperCount &+= 1
            } else if isLetter(s[k]) {
                return false
            }
            k &+= 1
        }
        return upperCount >= 2
    }

    /// A word read from its first scalar at `start`: where it ends and its `WordHash`. The loop keeps its
    /// state in these few locals and takes ASCII letters and digits, most of any text, without Unicode
    /// property look-ups.
    @inline(__always)
    private static func scanWord(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ h: UnsafeBufferPointer<Bool>,
                                 from start: Int, end: Int) -> (end: Int, hash: UInt64) {
        let c = s[start]
        var hash = WordHash.mix(WordHash.seed, WordHash.fold(c))
        var j = start &+ 1
        while j < end, !h[j] {
            let dv = s[j].value
            if dv < 128 {
                let lower = dv | 32
                if lower &- 97 < 26 {
                    hash = WordHash.mix(hash, lower)
                    j &+= 1
                    continue
                }
                if dv &- 48 < 10 {
                    hash = WordHash.mix(hash, dv)
                    j &+= 1
                    continue
                }
            } else if isWordScalar(s[j]) {
                hash = WordHash.mix(hash, WordHash.fold(s[j]))
                j &+= 1
                continue
            }
            // Most words end at a space or a mark that cannot join them: tested here before the call.
            let mayJoin = dv < 64 ? (joinCandidates >> UInt64(dv)) & 1 != 0 : dv == 0x2010 || dv == 0x2011 || dv == 0x2019
            guard mayJoin, continuesWord(s, h, at: j, end: end, numeric: isDigit(c.value)) else { break }
            hash = WordHash.mix(hash, WordHash.fold(s[j]))
            j &+= 1
        }
        return (j, hash)
    }

    /// The ASCII scalars that can join a word (`'`, `,`, `-`, `.`), as bits of their values.
    private static let joinCandidates: UInt64 = 1 << 39 | 1 << 44 | 1 << 45 | 1 << 46

    /// Whether the scalar at `j`, which is not a letter or digit, joins the word around it: a hyphen
    /// before a word scalar ("Ocasio-Cortez", "MQ-1C"), a separator between digits of a number
    /// ("1,000", "3.5"), or an apostrophe of a contraction or name ("we’ve", "O'Brien", but not the
    /// possessive 's, which becomes its own token).
    private static func continuesWord(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ h: UnsafeBufferPointer<Bool>,
                                      at j: Int, end: Int, numeric: Bool) -> Bool {
        let dv = s[j].value
        let hyphen = dv == 45 || dv == 0x2010 || dv == 0x2011
        let separator = numeric && (dv == 44 || dv == 46)
        let apostrophe = dv == 39 || dv == 0x2019
        guard hyphen || separator || apostrophe else { return false }
        guard j &+ 1 < end, !h[j &+ 1] else { return false }
        let n = s[j &+ 1]
        if hyphen && isWordScalar(n) || separator && isDigit(n.value) { return true }
        if apostrophe, isLetter(n) {
            let afterS = j &+ 2 < end ? s[j &+ 2] : " "
            return (n.value | 32) != 115 || isWordScalar(afterS)
        }
        return false
    }

    static let possessiveHash: UInt64 = 0x07BB_4507_B485_D7AF   // WordHash.hash("'s")
}
