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
        let scalars = Array(text.unicodeScalars)
        let tokens = tokenize(scalars, hidden: [Bool](repeating: false, count: scalars.count), range: 0..<scalars.count)
        return Output(scalars: scalars, tokens: tokens)
    }

    @inline(__always) static func isASCIILetter(_ v: UInt32) -> Bool { (v | 32) >= 97 && (v | 32) <= 122 }
    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v >= 48 && v <= 57 }
    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 { return isASCIILetter(v) }
        return s.properties.isAlphabetic
    }
    @inline(__always) static func isUpper(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 { return v >= 65 && v <= 90 }
        return s.properties.isUppercase
    }
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 32 || v &- 9 <= 4 }   // space, tab, line feed, vertical tab, form feed, return
        return v == 0xA0 || v == 0x2009 || v == 0x202F || v == 0x200B || v == 0x2028 || v == 0x2029
    }
    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 { return isASCIILetter(v) || isDigit(v) }
        return s.properties.isAlphabetic || s.properties.numericType != nil
            || s.properties.generalCategory == .nonspacingMark
    }

    static func tokenize(_ scalars: [Unicode.Scalar], hidden: [Bool], range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(range.count / 5 + 4)
        scalars.withUnsafeBufferPointer { s in hidden.withUnsafeBufferPointer { h in
            @inline(__always) func hiddenAt(_ i: Int) -> Bool { h[i] }
            var i = range.lowerBound
            let end = range.upperBound
            var sawSpace = true
            while i < end {
                let c = s[i]
                if hiddenAt(i) { i += 1; continue }
                if isSpace(c) {
                    sawSpace = true
                    i += 1
                    continue
                }
                var flags: UInt8 = 0
                if sawSpace { flags |= Token.spaceBefore }
                sawSpace = false
                let v = c.value
                if isLetter(c), i + 3 < end, s[i + 1].value == 46, isLetter(s[i + 2]), s[i + 3].value == 46 {
                    // Dotted acronyms keep their periods: "U.S.", "U.N.", "a.m.".
                    var k = i
                    while k + 1 < end, isLetter(s[k]), s[k + 1].value == 46,
                          k + 2 >= end || !isWordScalar(s[k + 2]) || (k + 3 < end && s[k + 3].value == 46) {
                        k += 2
                    }
                    var f = flags | Token.dotted
                    if isUpper(c) { f |= Token.capitalized | Token.allCaps }
                    tokens.append(Token(start: Int32(i), end: Int32(k), hash: WordHash.hash(s, i, k), kind: .word, flags: f))
                    i = k
                    continue
                }
                if isWordScalar(c) {
                    let start = i
                    let numeric = isDigit(v)
                    var j = i + 1
                    var upperCount = isUpper(c) ? 1 : 0
                    var letterCount = isLetter(c) ? 1 : 0
                    // The word's hash is taken as it is read (the `WordHash.hash` of `s[start..<j]`).
                    var h = WordHash.mix(WordHash.seed, WordHash.fold(c))
                    while j < end, !hiddenAt(j) {
                        let d = s[j]
                        let dv = d.value
                        if dv < 128 {
                            // ASCII letters and digits, most of any text, without the Unicode property checks.
                            if isASCIILetter(dv) {
                                if dv <= 90 { upperCount += 1 }
                                letterCount += 1
                                h = WordHash.mix(h, dv | 32)
                                j += 1
                                continue
                            }
                            if isDigit(dv) {
                                h = WordHash.mix(h, dv)
                                j += 1
                                continue
                            }
                        } else if isWordScalar(d) {
                            if isUpper(d) { upperCount += 1 }
                            if isLetter(d) { letterCount += 1 }
                            h = WordHash.mix(h, WordHash.fold(d))
                            j += 1
                            continue
                        }
                        let next: Unicode.Scalar? = j + 1 < end && !hiddenAt(j + 1) ? s[j + 1] : nil
                        // Hyphenated words and ranges: "Ocasio-Cortez", "MQ-1C".
                        let joins = (dv == 45 || dv == 0x2010 || dv == 0x2011) && next.map(isWordScalar) == true
                        // Numbers with separators: "1,000", "3.5".
                            || numeric && (dv == 44 || dv == 46) && next.map { isDigit($0.value) } == true
                        if joins {
                            h = WordHash.mix(h, WordHash.fold(d))
                            j += 1
                            continue
                        }
                        // Apostrophes: split a possessive 's, keep contractions and names (we’ve, O'Brien).
                        if dv == 39 || dv == 0x2019, let n = next, isLetter(n) {
                            let afterS = j + 2 < end ? s[j + 2] : " "
                            if (n.value | 32) == 115, !isWordScalar(afterS) { break }
                            h = WordHash.mix(h, WordHash.fold(d))
                            j += 1
                            continue
                        }
                        break
                    }
                    var f = flags
                    if isUpper(c) { f |= Token.capitalized }
                    if upperCount >= 2 && upperCount == letterCount { f |= Token.allCaps }
                    if j - start == 1, !numeric, isUpper(c), j < end, s[j].value == 46, !hiddenAt(j) {
                        f |= Token.initial
                    }
                    tokens.append(Token(start: Int32(start), end: Int32(j), hash: h,
                                        kind: numeric ? .number : .word, flags: f))
                    i = j
                    // The possessive 's as its own token.
                    if i + 1 < end, s[i].value == 39 || s[i].value == 0x2019, (s[i + 1].value | 32) == 115,
                       i + 2 >= end || !isWordScalar(s[i + 2]) {
                        tokens.append(Token(start: Int32(i), end: Int32(i + 2), hash: possessiveHash,
                                            kind: .possessive, flags: 0))
                        i += 2
                    }
                    continue
                }
                let kind: TokenKind
                switch v {
                case 0x201C, 0x201E, 0x00AB: kind = .openQuote
                case 0x201D, 0x00BB: kind = .closeQuote
                case 0x22:
                    let prevSpace = i == range.lowerBound || isSpace(s[i - 1]) || "([{—–-".unicodeScalars.contains(s[i - 1])
                        || h[i - 1]
                    let nextSpace = i + 1 >= end || isSpace(s[i + 1])
                    kind = prevSpace && !nextSpace ? .openQuote : .closeQuote
                case 0x2018: kind = .openSingle
                case 0x2019, 0x27:
                    let prevSpace = i == range.lowerBound || isSpace(s[i - 1]) || h[i - 1]
                    kind = prevSpace ? .openSingle : .closeSingle
                default: kind = .punct
                }
                tokens.append(Token(start: Int32(i), end: Int32(i + 1), hash: UInt64(v), kind: kind, flags: flags))
                i += 1
            }
        } }
        return tokens
    }

    static let possessiveHash = WordHash.hash("'s")
}
