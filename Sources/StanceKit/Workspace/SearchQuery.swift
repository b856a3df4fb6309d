import Foundation

/// A search as the user typed it, read into what FTS5 looks up and what a snippet marks.
///
/// The language: words (all required), `"quoted words"` (a phrase: those words in that order),
/// a trailing `*` on a word or phrase (a prefix: `negot*`), and `OR` between two terms (either;
/// `a b OR c` is `a AND (b OR c)`). Anything else is text: punctuation separates words as the
/// index's tokenizer does, a quote without its closing quote is ignored, and a lowercase `or`
/// or an `OR` with no term on one side is a word. So no typed query is an FTS5 syntax error.
struct SearchQuery: Hashable, Sendable {
    /// A run of words to find in order; the last one only as a prefix if `isPrefix`.
    struct Phrase: Hashable, Sendable {
        /// As typed (FTS5 folds them itself).
        var words: [String]
        /// Lowercased and without diacritics, in UTF-8, to find them in a text.
        var folded: [[UInt8]]
        var isPrefix: Bool

        var ftsExpression: String { "\"" + words.joined(separator: " ") + "\"" + (isPrefix ? "*" : "") }
    }

    /// Every group must match; within a group any phrase does.
    let groups: [[Phrase]]

    /// A prefix shorter than this matches a large part of the vocabulary, which FTS5 merges for
    /// every query (hundreds of milliseconds for one letter).
    static let shortestPrefix = 3
    /// Words in a snippet, as many as FTS5's snippet() was given.
    static let snippetWords = 16
    /// Words shown before the first match in a snippet.
    static let snippetLead = 3

    /// Nil when the query has no words. Throws `WorkspaceError.invalidValue` for a prefix shorter
    /// than `shortestPrefix` letters.
    init?(_ query: String) throws {
        var groups: [[Phrase]] = []
        var orPending = false
        let items = try Self.items(of: query)
        for (index, item) in items.enumerated() {
            switch item {
            case .or:
                let joins = !groups.isEmpty && !orPending && index + 1 < items.count && items[index + 1] != .or
                if joins { orPending = true } else { groups.append([Self.phrase(["OR"], isPrefix: false)]) }
            case let .phrase(phrase):
                if orPending { groups[groups.count - 1].append(phrase) } else { groups.append([phrase]) }
                orPending = false
            }
        }
        guard !groups.isEmpty else { return nil }
        self.groups = groups
    }

    /// The query in FTS5 syntax: every phrase quoted (its words hold only letters and digits).
    /// FTS5 takes no implicit AND next to parentheses, so every AND is written.
    var ftsExpression: String {
        groups.map { group in
            let phrases = group.map(\.ftsExpression)
            return phrases.count == 1 ? phrases[0] : "(" + phrases.joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
    }

    /// Each phrase alone in FTS5 syntax, in the order FTS5 numbers the phrases of `ftsExpression`.
    var phraseExpressions: [String] { groups.joined().map(\.ftsExpression) }

    /// How many words FTS5 looks up in each matching article to rank it.
    var lookedUpWords: Int { groups.joined().reduce(0) { $0 + $1.words.count } }

    // MARK: - Reading the query

    private enum Item: Equatable {
        case phrase(Phrase)
        case or
    }

    private static func items(of query: String) throws -> [Item] {
        let scalars = Array(query.unicodeScalars)
        var items: [Item] = []
        var index = 0
        func add(_ text: String, isPrefix: Bool) throws {
            let words = SearchText.words(in: text)
            guard !words.isEmpty else { return }
            if isPrefix, let last = words.last, last.unicodeScalars.count < shortestPrefix {
                throw WorkspaceError.invalidValue("“\(text)*”: a prefix needs at least \(shortestPrefix) letters before "
                                                  + "the * (such as negot*); a shorter one matches too many words.")
            }
            items.append(.phrase(phrase(words, isPrefix: isPrefix)))
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                index += 1
            } else if scalar == "\"" {
                guard let close = scalars[(index + 1)...].firstIndex(of: "\"") else {
                    index += 1
                    continue
                }
                let isPrefix = close + 1 < scalars.count && scalars[close + 1] == "*"
                try add(String(String.UnicodeScalarView(scalars[(index + 1)..<close])), isPrefix: isPrefix)
                index = close + (isPrefix ? 2 : 1)
            } else {
                var end = index
                while end < scalars.count, !scalars[end].properties.isWhitespace, scalars[end] != "\"" { end += 1 }
                var word = String(String.UnicodeScalarView(scalars[index..<end]))
                index = end
                if word == "OR" {
                    items.append(.or)
                    continue
                }
                let isPrefix = word.hasSuffix("*")
                while word.hasSuffix("*") { word.removeLast() }
                try add(word, isPrefix: isPrefix)
            }
        }
        return items
    }

    private static func phrase(_ words: [String], isPrefix: Bool) -> Phrase {
        Phrase(words: words, folded: words.map { Array(SearchText.fold($0).utf8) }, isPrefix: isPrefix)
    }

    // MARK: - Snippets

    /// The words around the best place of `text` (the window of `snippetWords` words where the
    /// most of the query's groups match, the first such), with the matches marked; nil when no
    /// phrase is found in `text`.
    func snippet(text: String) -> (text: String, highlights: [TextSpan])? {
        var text = text
        let terms = SnippetTerms(groups)
        return text.withUTF8 { bytes in
            var scan = SnippetScan(bytes: bytes, terms: terms)
            guard let start = scan.bestWindow() else { return nil }
            return SearchText.excerpt(bytes, words: scan.words, complete: scan.isComplete, from: start,
                                      marking: scan.matches.map { ($0.first, $0.last) })
        }
    }

    /// The first words of `text`, unmarked: for an article whose match the snippet cannot place.
    func opening(of text: String) -> (text: String, highlights: [TextSpan]) {
        var text = text
        return text.withUTF8 { bytes in
            var reader = SearchText.WordReader(bytes: bytes)
            var words: [SearchText.WordRange] = []
            while words.count <= Self.snippetWords, let word = reader.next() { words.append(word) }
            return SearchText.excerpt(bytes, words: words, complete: words.count <= Self.snippetWords, from: 0, marking: [])
        }
    }
}

/// The query's phrases flattened for matching words without allocating: every folded word in
/// one byte array.
private struct SnippetTerms {
    struct Term {
        var offset: Int
        var count: Int
    }
    struct Phrase {
        var group: Int
        var firstTerm: Int
        var termCount: Int
        var isPrefix: Bool
    }
    var bytes: [UInt8] = []
    var terms: [Term] = []
    var phrases: [Phrase] = []
    let groupCount: Int
    /// Bit `length * 256 + first byte` (lengths from `longLength` up share one row) is set when a
    /// phrase's last word could be an ASCII word of that length and first letter, folded: most
    /// words of a text fail this one test, where comparing them with every phrase was most of
    /// a long query's snippets.
    private var lastWordShapes = [UInt64](repeating: 0, count: (longLength + 1) * 256 / 64)
    private static let longLength = 24

    init(_ groups: [[SearchQuery.Phrase]]) {
        groupCount = groups.count
        for (group, members) in groups.enumerated() {
            for phrase in members {
                phrases.append(Phrase(group: group, firstTerm: terms.count, termCount: phrase.folded.count,
                                      isPrefix: phrase.isPrefix))
                for word in phrase.folded {
                    terms.append(Term(offset: bytes.count, count: word.count))
                    bytes += word
                }
                guard let last = phrase.folded.last, let first = last.first else {
                    // A last word that folds to nothing (no such query word is known) is matched by comparing.
                    lastWordShapes = lastWordShapes.map { _ in UInt64.max }
                    continue
                }
                let lengths = phrase.isPrefix ? min(last.count, Self.longLength)...Self.longLength
                                              : min(last.count, Self.longLength)...min(last.count, Self.longLength)
                for length in lengths {
                    let bit = length * 256 + Int(first)
                    lastWordShapes[bit / 64] |= 1 << UInt64(bit % 64)
                }
            }
        }
    }

    /// False when no phrase can end with this ASCII word (`bytes` of `word`).
    func mayEndAPhrase(_ word: SearchText.WordRange, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let bit = min(word.end - word.start, Self.longLength) * 256 + Int(SearchText.lowercasedASCII(bytes[word.start]))
        return lastWordShapes[bit / 64] & (1 << UInt64(bit % 64)) != 0
    }
}

/// One pass over a text that finds the query's phrases and stops as soon as the best window is
/// known: a window where every group matches is the best, and the earliest one ends the search (for a
/// one-word query, a few words after its first occurrence), so most of a long article is never
/// read.
private struct SnippetScan {
    /// A phrase found: the words it covers and the group it is in.
    struct Match {
        var first: Int
        var last: Int
        var group: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let terms: SnippetTerms
    private(set) var words: [SearchText.WordRange] = []
    private(set) var matches: [Match] = []
    /// Whether every word of the text was read (else the text goes on after the last one read).
    private(set) var isComplete = false
    /// Folded non-ASCII words, by word index (few in English text).
    private var folded: [Int: [UInt8]] = [:]
    /// For counting a window's groups without a set: group n was seen in the window being
    /// counted when `seenInWindow[n]` is that window's number.
    private var seenInWindow: [Int]
    private var windowsCounted = 0

    init(bytes: UnsafeBufferPointer<UInt8>, terms: SnippetTerms) {
        self.bytes = bytes
        self.terms = terms
        seenInWindow = Array(repeating: 0, count: terms.groupCount)
    }

    /// The first word of the best window; nil when no phrase occurs.
    mutating func bestWindow() -> Int? {
        var reader = SearchText.WordReader(bytes: bytes)
        var best: (start: Int, groups: Int)?
        var nextAnchor = 0
        let all = terms.groupCount
        words.reserveCapacity(256)
        while let word = reader.next() {
            let index = words.count
            words.append(word)
            // Windows that end before this word are complete: score them, in order.
            while nextAnchor < matches.count, windowStart(matches[nextAnchor], wordCount: nil) + SearchQuery.snippetWords <= index {
                let start = windowStart(matches[nextAnchor], wordCount: nil)
                let score = groups(inWindowFrom: start)
                if score > (best?.groups ?? 0) { best = (start, score) }
                if score == all { return start }
                nextAnchor += 1
            }
            findMatches(endingAt: index)
        }
        isComplete = true
        while nextAnchor < matches.count {
            let start = windowStart(matches[nextAnchor], wordCount: words.count)
            let score = groups(inWindowFrom: start)
            if score > (best?.groups ?? 0) { best = (start, score) }
            if score == all { break }
            nextAnchor += 1
        }
        return best?.start
    }

    /// A few words before the match, or the last window of the text when the text is known to
    /// end sooner.
    private func windowStart(_ match: Match, wordCount: Int?) -> Int {
        let start = max(0, match.first - SearchQuery.snippetLead)
        guard let wordCount else { return start }
        return max(0, min(start, wordCount - SearchQuery.snippetWords))
    }

    /// How many groups match inside the window. Matches are in the order of their last words, so
    /// those that can lie in it are found by bisection: the window's cost is its own matches,
    /// not every match so far (which made a long query's snippets quadratic in its matches).
    private mutating func groups(inWindowFrom start: Int) -> Int {
        let end = start + SearchQuery.snippetWords
        var low = 0, high = matches.count
        while low < high {
            let middle = (low + high) / 2
            if matches[middle].last < start { low = middle + 1 } else { high = middle }
        }
        windowsCounted += 1
        var count = 0
        for match in matches[low...] {
            guard match.last < end else { break }
            if match.first >= start, seenInWindow[match.group] != windowsCounted {
                seenInWindow[match.group] = windowsCounted
                count += 1
            }
        }
        return count
    }

    private mutating func findMatches(endingAt last: Int) {
        if words[last].isASCII, !terms.mayEndAPhrase(words[last], in: bytes) { return }
        for phrase in terms.phrases where phrase.termCount <= last + 1 {
            let first = last - phrase.termCount + 1
            // The last word first: it is the one just read, and it fails most often.
            var all = true
            for offset in (0..<phrase.termCount).reversed() where all {
                all = wordMatches(first + offset, term: terms.terms[phrase.firstTerm + offset],
                                  prefix: phrase.isPrefix && offset == phrase.termCount - 1)
            }
            if all { matches.append(Match(first: first, last: last, group: phrase.group)) }
        }
    }

    private mutating func wordMatches(_ index: Int, term: SnippetTerms.Term, prefix: Bool) -> Bool {
        let word = words[index]
        if word.isASCII {
            let length = word.end - word.start
            guard prefix ? length >= term.count : length == term.count else { return false }
            for offset in 0..<term.count
            where SearchText.lowercasedASCII(bytes[word.start + offset]) != terms.bytes[term.offset + offset] {
                return false
            }
            return true
        }
        let foldedWord: [UInt8]
        if let known = folded[index] {
            foldedWord = known
        } else {
            foldedWord = Array(SearchText.fold(String(decoding: UnsafeBufferPointer(rebasing: bytes[word.start..<word.end]),
                                                      as: UTF8.self)).utf8)
            folded[index] = foldedWord
        }
        let target = terms.bytes[term.offset..<(term.offset + term.count)]
        return prefix ? foldedWord.starts(with: target) : foldedWord.elementsEqual(target)
    }
}

/// The text side of search: words cut as FTS5's unicode61 tokenizer cuts them (runs of letters,
/// digits and private-use characters; everything else separates), folded as it folds them
/// (case, and diacritics with `remove_diacritics 2`), and excerpts with marks.
enum SearchText {
    /// Where a word is, in UTF-8 bytes.
    struct WordRange {
        var start: Int
        var end: Int
        var isASCII: Bool
    }

    static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    static func fold(_ word: String) -> String {
        word.folding(options: .diacriticInsensitive, locale: nil).lowercased()
    }

    static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isWordByte(UInt8(scalar.value)) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }

    /// The words of a UTF-8 text (which a Swift string always holds valid), one at a time.
    struct WordReader {
        let bytes: UnsafeBufferPointer<UInt8>
        private var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func next() -> WordRange? {
            var start = -1
            var isASCII = true
            while index < bytes.count {
                let lead = bytes[index]
                let length: Int
                let isWord: Bool
                if lead < 0x80 {
                    length = 1
                    isWord = isWordByte(lead)
                } else {
                    length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for offset in 1..<length where index + offset < bytes.count {
                        value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F)
                    }
                    isWord = Unicode.Scalar(value).map(isWordScalar) ?? false
                }
                if isWord {
                    if start < 0 { start = index }
                    if lead >= 0x80 { isASCII = false }
                } else if start >= 0 {
                    return WordRange(start: start, end: index, isASCII: isASCII)
                }
                index += length
            }
            return start >= 0 ? WordRange(start: start, end: bytes.count, isASCII: isASCII) : nil
        }
    }

    /// `snippetWords` words from word `first` of those read (`complete` when they are all the
    /// text's), with `…` where the text was cut, line breaks and tabs read as spaces, and
    /// `marking` (first and last word of each match, in order) as highlights in Unicode scalars of
    /// the excerpt. The text before the first word is kept when the excerpt starts the text, and
    /// after the last when it ends it.
    static func excerpt(_ bytes: UnsafeBufferPointer<UInt8>, words: [WordRange], complete: Bool, from first: Int,
                        marking: [(first: Int, last: Int)]) -> (text: String, highlights: [TextSpan]) {
        guard !words.isEmpty else { return (String(decoding: bytes, as: UTF8.self), []) }
        let end = min(words.count, first + SearchQuery.snippetWords)
        let endsText = complete && end == words.count
        let startByte = first == 0 ? 0 : words[first].start
        let endByte = endsText ? bytes.count : words[end - 1].end
        let ellipsis = first > 0 ? 1 : 0
        let marks = marking.filter { $0.first >= first && $0.last < end }.map { (words[$0.first].start, words[$0.last].end) }
        var excerpt: [UInt8] = []
        excerpt.reserveCapacity(endByte - startByte)
        // Unicode scalars of the excerpt before each byte offset of the text that a mark needs.
        var scalarsBefore: [Int: Int] = [:]
        var nextMark = marks.flatMap { [$0.0, $0.1] }.sorted()[...]
        var scalars = ellipsis
        for index in startByte..<endByte {
            while nextMark.first == index {
                scalarsBefore[index] = scalars
                nextMark = nextMark.dropFirst()
            }
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 { scalars += 1 }
            excerpt.append(byte == 0x0A || byte == 0x0D || byte == 0x09 ? 0x20 : byte)
        }
        scalarsBefore[endByte] = scalars
        var highlights: [TextSpan] = []
        for (start, stop) in marks {
            guard let from = scalarsBefore[start], let to = scalarsBefore[stop] else { continue }
            if let last = highlights.last, from <= last.end {
                highlights[highlights.count - 1] = TextSpan(start: last.start, end: max(last.end, to))
            } else {
                highlights.append(TextSpan(start: from, end: to))
            }
        }
        let text = (ellipsis == 1 ? "…" : "") + String(decoding: excerpt, as: UTF8.self) + (endsText ? "" : "…")
        return (text, highlights)
    }
}
