import Foundation
import Testing
@testable import StanceKit

/// The analyser's fast paths against the slow definitions they stand in for.
@Suite("Analysis: hot paths")
struct AnalysisHotPathTests {
    @Test func literalWordHashesAreTheHashesOfTheirWords() {
        let literals: [(UInt64, String)] = [
            (Words.the, "the"), (Words.a, "a"), (Words.an, "an"), (Words.of, "of"), (Words.and, "and"),
            (Words.who, "who"), (Words.that, "that"), (Words.he, "he"), (Words.she, "she"), (Words.to, "to"),
            (Words.on, "on"), (Words.in_, "in"), (Words.according, "according"), (Words.said, "said"),
            (Words.told, "told"), (Words.not, "not"), (Words.whether, "whether"), (Words.which, "which"),
            (AnalysisText.no, "no"), (Tokenizer.possessiveHash, "'s"),
            (DateParser.may, "may"), (DateParser.mar, "mar"), (DateParser.last, "last"), (DateParser.next, "next"),
            (DateParser.this, "this"), (DateParser.earlier, "earlier"), (DateParser.week, "week"),
            (DateParser.month, "month"), (DateParser.yesterday, "yesterday"), (DateParser.today, "today"),
            (DateParser.tonight, "tonight"), (DateParser.recently, "recently"), (DateParser.recent, "recent"),
            (DateParser.days, "days"), (DateParser.the, "the"), (DateParser.later, "later"), (DateParser.that, "that"),
            (DateParser.day, "day"),
            (EntityRecognizer.former, "former"), (EntityRecognizer.administration, "administration"),
            (EntityRecognizer.ambiguousRole, "general"), (EntityRecognizer.they, "they"),
            (AnalysisRun.thatWord, "that"), (AnalysisRun.butWord, "but"), (AnalysisRun.asWord, "as"),
            (AnalysisRun.since, "since"), (AnalysisRun.until, "until"),
            (Words.with, "with"), (Words.by, "by"), (DateParser.recently, "recently"), (AnalysisRun.used, "used"),
            (AnalysisRun.forWord, "for"), (AnalysisRun.along, "along"),
        ]
        for (literal, word) in literals {
            #expect(literal == WordHash.hash(word), "hash of “\(word)”")
        }
    }

    /// The tokenizer counts the capitals of a word only when it does not open with a lower-case ASCII letter.
    @Test func allCapsFlagFollowsItsDefinition() {
        let text = "NATO US U.S. McCAIN McCain iPHONE aB 2ND 2nd F-16 F-A ÉTATS États É ÇA ça O'BRIEN O’BRIEN O'Brien "
            + "NATO-led ПУТИН Путин ⅫⅡ x²AB ²AB A A1 1,000 ΑΘΗΝΑ"
        let output = Tokenizer.tokenize(text)
        for token in output.tokens where token.kind == .word || token.kind == .number {
            let scalars = output.scalars[Int(token.start)..<Int(token.end)]
            let upper = scalars.filter { $0.properties.isUppercase }.count
            let letters = scalars.filter { $0.properties.isAlphabetic }.count
            let word = String(String.UnicodeScalarView(scalars))
            #expect(token.has(Token.allCaps) == (upper >= 2 && upper == letters), "“\(word)”")
        }
    }

    /// `isAllCaps` stops at the first letter in lower case because no upper-case scalar is anything but a letter.
    @Test func everyUpperCaseScalarIsALetter() {
        for value in UInt32(0)...UInt32(0x10FFFF) {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isUppercase else { continue }
            #expect(scalar.properties.isAlphabetic, "U+\(String(value, radix: 16))")
        }
    }

    @Test func wordScalarsBeyondASCIIFollowTheirProperties() {
        for value in UInt32(0x80)..<UInt32(0x3000) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let p = scalar.properties
            let expected = p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            #expect(Tokenizer.isWordScalar(scalar) == expected, "U+\(String(value, radix: 16))")
        }
    }

    /// The arrays made in specialised code are the arrays the standard library's initialisers make.
    @Test(arguments: [0, 1, 2, 7, 16, 1_000])
    func specialisedArraysEqualTheStandardOnes(_ count: Int) {
        #expect([Double](specialisedRepeating: 0.5, count: count) == [Double](repeating: 0.5, count: count))
        #expect([String?](specialisedRepeating: "a", count: count) == [String?](repeating: "a", count: count))
        let written = [Int](smallCapacity: count) { out in
            for i in 0..<(count / 2) { out[i] = i * 3 }
            return count / 2
        }
        #expect(written == (0..<(count / 2)).map { $0 * 3 })
        let words = [String](smallCapacity: count) { out in
            for i in 0..<count { (out.baseAddress! + i).initialize(to: "w\(i)") }
            return count
        }
        #expect(words == (0..<count).map { "w\($0)" })
    }

    /// Short strings (decoded on the stack) and long ones, ASCII and beyond, decode to the string's own scalars.
    @Test(arguments: [
        "", "a", "Zelensky", "José Núñez", "Ελένη 𝔘𝔫𝔦 ✓", String(repeating: "x", count: 256),
        String(repeating: "é", count: 128), String(repeating: "é", count: 129), String(repeating: "Word … “quoted” ", count: 40),
    ])
    func scalarsOfAStringAreItsUnicodeScalars(_ text: String) {
        #expect(Scalars.of(text) == Array(text.unicodeScalars))
    }

    /// The names the Foundation replacements and split give.
    func namesByFoundation(_ text: String) -> [String] {
        text.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: "&", with: ",")
            .split(separator: ",").map { TrimSet.nameSeparators.trim($0) }
            .filter { !$0.isEmpty && $0.first?.isUppercase == true }
    }

    @Test(arguments: [
        "Peter Baker", "Peter Baker and Michael Crowley", "A, B and C", "Ann Lee & Bo Kim, Cy Dunn",
        "x and and Y", " and Ann and ", ",,&&", "Ann andersen and Bob", "Ann Band, Lee Andrews AND Kim",
        "Ann and\tBob", "Ann|Bob · Cy", "", "Reporting by Ann Lee; editing by Bo Kim",
        "José Núñez and Ana Ruiz", "Ann and \u{301}Bob", "Ann &\u{301} Bob",
    ])
    func splitNamesAgreesWithFoundation(_ text: String) {
        #expect(ArticleParser.splitNames(text) == namesByFoundation(text))
    }

    /// Hidden scalars dropped and runs of white space folded to one space, scalar by scalar.
    func visibleByScalars(_ s: [Unicode.Scalar], _ hidden: [Bool], _ range: Range<Int>) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for i in range where !hidden[i] {
            if Tokenizer.isSpace(s[i]) {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" ") }
            space = false
            out.append(s[i])
        }
        return String(out)
    }

    static let markedTexts = [
        "He [told the Intercept](#) so.", "**Bold** and __strong__ words,\n\n  spaced \t out… “quoted” — dash",
        "Café Zelenskyy’s \\$5 *em*phasis [a [nested] link](http://x.y/z) end", "  \n ", "x",
        "ASCII~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./ and \u{7F}DEL\u{7F} then  Ünïcödé\u{A0}nbsp",
    ]

    // The long one takes the path for texts of more than 64 scalars.
    @Test(arguments: markedTexts + [String(repeating: "Word **and** [link](x) … more  ", count: 8)])
    func visibleTextAgreesWithAScalarByScalarCopy(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        let hidden = Markup.hiddenMask(scalars)
        for start in [0, 1, scalars.count / 2] where start <= scalars.count {
            #expect(Markup.visible(scalars, hidden, start..<scalars.count) == visibleByScalars(scalars, hidden, start..<scalars.count))
        }
    }

    @Test(arguments: markedTexts + [String(repeating: "Word **and** [link](x) … more ", count: 60)])
    func paragraphWordsAndFoldAgreeWithAScalarByScalarReading(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        let hidden = Markup.hiddenMask(scalars)
        for p in ArticleParser.paragraphs(scalars, hidden, from: 0) {
            var words = 0
            var folded: [UInt8] = []
            var inWord = false
            var inLink = false
            var outsideLink = false
            for i in p.span {
                let v = scalars[i].value
                if hidden[i] {
                    if v == 91 { inLink = true } else if v == 93 { inLink = false }
                    continue
                }
                if Tokenizer.isSpace(scalars[i]) {
                    if inWord, folded.count < ArticleParser.foldLimit { folded.append(32) }
                    inWord = false
                    continue
                }
                if !inWord { words += 1 }
                inWord = true
                if !inLink { outsideLink = true }
                guard folded.count < ArticleParser.foldLimit else { continue }
                if v < 128 {
                    folded.append(UInt8(v >= 65 && v <= 90 ? v + 32 : v))
                } else if v == 0x2026 {
                    folded += [46, 46, 46]
                } else {
                    folded.append(0xFF)
                }
            }
            #expect(p.words == words)
            #expect(p.folded == folded)
            #expect(p.allLink == !outsideLink)
        }
    }

    @Test func paragraphContainsFindsPhrasesAmongManyFirstLetters() {
        let text = "it is in the interim, inviting ideas; reporting by Ann Lee, compiled by Bo Kim"
        let scalars = Array(text.unicodeScalars)
        let p = ArticleParser.paragraphs(scalars, nil, from: 0)[0]
        #expect(p.contains("ing by") && p.contains("led by") && p.contains("by bo kim") && p.contains("i"))
        #expect(!p.contains("ing bx") && !p.contains("contribut") && !p.contains("kim "))
    }

    /// Each date form the parser reads, in a sentence of its own: every one it finds lies in a sentence that
    /// passes the pre-check that lets `DateParser.mentions` skip a sentence.
    @Test(arguments: [
        "It was signed on Nov. 10, 2022 in Cairo.", "Talks began on 10 November 2022.", "The file is dated 2022-11-10T08:00:00Z.",
        "Filed 11/10/2022 by the clerk.", "He spoke on Sept. 3 about it.", "She said on Wednesday that it held.",
        "Last Friday the talks stalled.", "Next Monday the talks resume.", "He said yesterday it failed.",
        "They meet today and tonight.", "Officials recently said so.", "It happened last week.", "It ended last month.",
        "It began this week.", "He spoke earlier this month.", "In recent days the mood changed.",
        "The next day he resigned.", "The following day it ended.", "The previous day she spoke.", "The same day it fell.",
        "Later that day it fell.", "That day it fell.", "That same day it fell.", "A day later it fell.",
        "Two days earlier they met.", "Three days later they left.", "On the 10th of May they met.",
        "They may meet in March, he said.", "The talks in Rome were held with the envoy.",
    ])
    func everyDatePhraseLiesInASentenceThatMayHoldOne(_ sentence: String) {
        let out = Tokenizer.tokenize(sentence)
        let range = 0..<out.tokens.count
        let found = out.scalars.withUnsafeBufferPointer {
            DateParser.phrases(tokens: out.tokens, range: range, scalars: $0, reference: Day(year: 2022, month: 11, day: 10))
        }
        if !found.isEmpty { #expect(DateParser.mayHoldDate(tokens: out.tokens, range: range)) }
        let mentions = out.scalars.withUnsafeBufferPointer {
            DateParser.mentions(tokens: out.tokens, range: range, scalars: $0, reference: Day(year: 2022, month: 11, day: 10))
        }
        #expect(mentions.map(\.first) == found.map(\.first) && mentions.map(\.last) == found.map(\.last))
    }

    @Test func sentencesWithoutNumbersOrDateWordsAreSkipped() {
        let out = Tokenizer.tokenize("The minister said the talks in Rome would go on, and that a deal was near.")
        #expect(!DateParser.mayHoldDate(tokens: out.tokens, range: 0..<out.tokens.count))
    }

    /// The filter in front of the table turns away only words the set does not hold.
    @Test func wordSetHoldsItsWordsAndNoOthers() {
        let words = (0..<400).map { "word\($0)" } + ["the", "said", "but", "while", "Biden’s", "ceasefire"]
        for size in [1, 5, 40, 200] {
            let set = WordSet(Array(words.prefix(size)))
            for (i, w) in words.enumerated() { #expect(set.contains(WordHash.hash(w)) == (i < size), "\(w) in a set of \(size)") }
        }
    }

    /// A phrase table's filter turns away only words that find no entry in the table itself.
    @Test func phraseTableFilterTurnsAwayOnlyAbsentWords() {
        let words = (0..<300).map { "name\($0)" } + ["minister", "foreign minister", "the", "senators"]
        for size in [3, 20, 120] {
            var table = Lexicon.PhraseTable<Int>()
            for (i, w) in words.prefix(size).enumerated() { table.insert(w, i) }
            table.insert("deputy foreign minister", -1)
            for w in words {
                let hash = WordHash.hash(w)
                #expect(table.contains(word: hash) == (table.entries[WordHash.combine(0, hash)] != nil), "\(w)")
                #expect(table.value(word: hash) == table.entries[WordHash.combine(0, hash)], "\(w)")
            }
        }
        let lex = Lexicon.shared
        for w in ["general", "minister", "senators", "statement", "the", "Velmaria"] {
            let hash = WordHash.hash(w)
            #expect(lex.roleNouns.value(word: hash) == lex.roleNouns.entries[WordHash.combine(0, hash)])
            #expect(lex.groupMembers.contains(word: hash) == (lex.groupMembers.entries[WordHash.combine(0, hash)] != nil))
        }
    }

    /// A phrase of ASCII letters and spaces is hashed on its bytes: the same words as the tokenizer finds, and
    /// phrases with other marks still go to the tokenizer.
    @Test func letterPhrasesHashAsTheTokenizerSplitsThem() throws {
        func tokenized(_ text: String) -> [UInt64] {
            Tokenizer.tokenize(text).tokens.filter { $0.kind == .word || $0.kind == .number }.map(\.hash)
        }
        var phrases = ["Maria", "prime minister", "  deputy   foreign minister ", "McDonald", "UN", "a", "",
                       "Lt. Gen.", "co-sponsored", "O'Brien", "Élysée", "G7 summit", "U.S. envoy", "José Luis"]
        let directory = Lexicon.resourceDirectory()
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".txt") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            phrases += Lexicon.rows(Array(text.utf8)).flatMap { $0 }
        }
        #expect(phrases.count > 2_000)
        for phrase in phrases { #expect(WordHash.phrase(phrase) == tokenized(phrase), "\(phrase)") }
        #expect(WordHash.phrase("prime minister") == [WordHash.hash("prime"), WordHash.hash("minister")])
    }

    /// Lexicon rows: comments and blank lines skipped, tab- or bar-separated fields trimmed, any line ending.
    @Test func lexiconRowsSplitLinesAndFields() {
        func rows(_ text: String) -> [[String]] { Lexicon.rows(Array(text.utf8)) }
        #expect(rows("# header\n\nMaria | f\n  John|m  \n") == [["Maria", "f"], ["John", "m"]])
        #expect(rows("prime minister\tPrime Minister\tm\r\nforeign minister") == [["prime minister", "Prime Minister", "m"], ["foreign minister"]])
        #expect(rows("a | b | \n   # indented comment\n\t\n") == [["a", "b", ""]])
        #expect(rows("Élysée | name\rcommuniqué|document") == [["Élysée", "name"], ["communiqué", "document"]])
        #expect(rows("\u{A0}Zoe\u{A0} | f") == [["Zoe", "f"]])
        #expect(rows("a|b\tc") == [["a|b", "c"]])
        #expect(rows("").isEmpty && rows("\n\n  \n").isEmpty)
    }
}
