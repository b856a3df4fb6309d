import Foundation

/// The word lists in `Resources/Lexicon`, loaded once and keyed by word hashes (see `WordHash`).
/// Multi-word entries are keyed by `WordHash.key` of their words' hashes. A class: the analysis structs that
/// hold it (and are copied when their methods are called from mutating ones) carry one pointer, not twenty tables.
final class Lexicon: Sendable {
    enum Gender: UInt8, Sendable { case unknown, male, female }
    struct Title: Sendable {
        var canonical: String
        var gender: Gender
    }
    enum VerbKind: UInt8, Sendable { case speech, report }
    enum Polarity: UInt8, Sendable { case negator, reverser, hedge, boundary, topic }
    enum Abbreviation: UInt8, Sendable { case title, general }

    /// A table of phrases keyed by the hash key of their words, with the longest phrase length.
    struct PhraseTable<Value: Sendable>: Sendable {
        var entries = WordTable<Value>()
        var maxWords = 1
        /// `WordSet`'s filter over the words whose one-word key (`WordHash.combine(0, word)`, which is the word
        /// plus `combine(0, 0)`) an entry has: most tokens asked about are in none of the small tables (role
        /// nouns, group members, documents), and end here without a probe.
        private var wordFilter: UInt64 = 0
        mutating func insert(_ phrase: String, _ value: Value) {
            let words = WordHash.phrase(phrase)
            guard !words.isEmpty else { return }
            let key = WordHash.key(words)
            entries[key] = value
            wordFilter |= WordSet.filterBits(key &- WordHash.combine(0, 0))
            maxWords = max(maxWords, words.count)
        }
        func value(_ words: ArraySlice<UInt64>) -> Value? { entries[WordHash.key(words)] }
        @inline(__always) private func mayHold(word: UInt64) -> Bool {
            let bits = WordSet.filterBits(word)
            return wordFilter & bits == bits
        }
        func value(word: UInt64) -> Value? { mayHold(word: word) ? entries[WordHash.combine(0, word)] : nil }
        func contains(word: UInt64) -> Bool { mayHold(word: word) && entries[WordHash.combine(0, word)] != nil }
    }

    let titles: PhraseTable<Title>
    /// The first words of the titles: a capitalised word that opens none starts no title, and is not looked up
    /// again with each word after it.
    let titleStarts: WordTable<Bool>
    let roleNouns: PhraseTable<String>
    let givenNames: PhraseTable<Gender>
    let places: PhraseTable<String>
    let demonyms: PhraseTable<String>
    let orgHeads: PhraseTable<Bool>
    let orgNames: PhraseTable<Bool>
    let thingHeads: PhraseTable<Bool>
    /// Heads of a whole legislature ("Senate", "Parliament"): a venue whose votes are outcomes, not positions.
    let chambers: PhraseTable<Bool>
    let groupHeads: PhraseTable<Bool>
    let groupModifiers: PhraseTable<Bool>
    let groupCollectives: PhraseTable<Bool>
    /// Lower-case collective nouns that end a group's name after capitalised words ("the White Ribbon
    /// movement", "the Civic Accord faction"); they are collectives too ("the movement said").
    let groupNameEnds: PhraseTable<Bool>
    /// Lower-case plural nouns for the members of a group ("senators"): "Democratic senators", "the senators".
    let groupMembers: PhraseTable<Bool>
    /// Texts a group issues ("letter", "statement"): "the letter read" quotes its authors.
    let groupDocuments: PhraseTable<Bool>
    let verbs: PhraseTable<VerbKind>
    let polarity: PhraseTable<Polarity>
    let abbreviations: PhraseTable<Abbreviation>
    let stopwords: PhraseTable<Bool>
    /// Family names written first ("Moon Jae-in"), which then name the person alone ("Moon said").
    let familyNames: PhraseTable<Bool>

    static let shared: Lexicon = {
        do { return try Lexicon(directory: resourceDirectory()) } catch {
            fatalError("StanceKit lexicon missing from the resource bundle: \(error)")
        }
    }()

    static func resourceDirectory() -> URL {
        Bundle.module.url(forResource: "Lexicon", withExtension: nil) ?? Bundle.module.bundleURL.appendingPathComponent("Lexicon")
    }

    init(directory: URL) throws {
        var titles = PhraseTable<Title>()
        var titleStarts = WordTable<Bool>()
        var roleNouns = PhraseTable<String>()
        var givenNames = PhraseTable<Gender>()
        var places = PhraseTable<String>()
        var demonyms = PhraseTable<String>()
        var orgHeads = PhraseTable<Bool>()
        var orgNames = PhraseTable<Bool>()
        var thingHeads = PhraseTable<Bool>()
        var chambers = PhraseTable<Bool>()
        var groupHeads = PhraseTable<Bool>()
        var groupModifiers = PhraseTable<Bool>()
        var groupCollectives = PhraseTable<Bool>()
        var groupNameEnds = PhraseTable<Bool>()
        var groupMembers = PhraseTable<Bool>()
        var groupDocuments = PhraseTable<Bool>()
        var verbs = PhraseTable<VerbKind>()
        var polarity = PhraseTable<Polarity>()
        var abbreviations = PhraseTable<Abbreviation>()
        var stopwords = PhraseTable<Bool>()
        var familyNames = PhraseTable<Bool>()
        func rows(_ name: String) throws -> [[String]] {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            return Self.rows(Array(text.utf8))
        }
        func gender(_ text: String?) -> Gender {
            switch text { case "m": .male; case "f": .female; default: .unknown }
        }
        for row in try rows("titles.txt") {
            titles.insert(row[0], Title(canonical: row.count > 1 ? row[1] : row[0], gender: gender(row.count > 2 ? row[2] : nil)))
            if let first = WordHash.phrase(row[0]).first { titleStarts[first] = true }
        }
        for row in try rows("role-nouns.txt") { roleNouns.insert(row[0], row.count > 1 ? row[1] : row[0]) }
        for row in try rows("given-names.txt") { givenNames.insert(row[0], gender(row.count > 1 ? row[1] : nil)) }
        for row in try rows("places.txt") { places.insert(row[0], row[0]) }
        for row in try rows("demonyms.txt") { demonyms.insert(row[0], row.count > 1 ? row[1] : row[0]) }
        for row in try rows("organizations.txt") {
            switch row.count > 1 ? row[1] : "head" {
            case "name": orgNames.insert(row[0], true)
            case "thing": thingHeads.insert(row[0], true)
            case "chamber":
                orgHeads.insert(row[0], true)
                chambers.insert(row[0], true)
            default: orgHeads.insert(row[0], true)
            }
        }
        for row in try rows("groups.txt") {
            switch row.count > 1 ? row[1] : "head" {
            case "modifier": groupModifiers.insert(row[0], true)
            case "collective": groupCollectives.insert(row[0], true)
            case "named":
                groupCollectives.insert(row[0], true)
                groupNameEnds.insert(row[0], true)
            case "member": groupMembers.insert(row[0], true)
            case "document": groupDocuments.insert(row[0], true)
            default: groupHeads.insert(row[0], true)
            }
        }
        for row in try rows("verbs.txt") { verbs.insert(row[0], row.count > 1 && row[1] == "report" ? .report : .speech) }
        for row in try rows("negation.txt") {
            let kind: Polarity = switch row.count > 1 ? row[1] : "" {
            case "reverser": .reverser
            case "hedge": .hedge
            case "boundary": .boundary
            case "topic": .topic
            default: .negator
            }
            polarity.insert(row[0], kind)
        }
        for row in try rows("abbreviations.txt") {
            abbreviations.insert(row[0], row.count > 1 && row[1] == "general" ? .general : .title)
        }
        for row in try rows("stopwords.txt") { stopwords.insert(row[0], true) }
        for row in try rows("family-names.txt") { familyNames.insert(row[0], true) }
        self.titles = titles
        self.titleStarts = titleStarts
        self.roleNouns = roleNouns
        self.givenNames = givenNames
        self.places = places
        self.demonyms = demonyms
        self.orgHeads = orgHeads
        self.orgNames = orgNames
        self.thingHeads = thingHeads
        self.chambers = chambers
        self.groupHeads = groupHeads
        self.groupModifiers = groupModifiers
        self.groupCollectives = groupCollectives
        self.groupNameEnds = groupNameEnds
        self.groupMembers = groupMembers
        self.groupDocuments = groupDocuments
        self.verbs = verbs
        self.polarity = polarity
        self.abbreviations = abbreviations
        self.stopwords = stopwords
        self.familyNames = familyNames
    }
}

extension Lexicon {
    /// The rows of a lexicon file: lines end at a line feed or return; blank lines and "#" comments are skipped; a
    /// line's fields are split at tabs if it has one, else at "|", and trimmed of spaces and tabs (and of Unicode
    /// spaces at a non-ASCII end). Read on the UTF-8 bytes: splitting the text into Characters and trimming
    /// Substrings cost about 16,000 instructions a line, most of the lexicon's load.
    static func rows(_ bytes: [UInt8]) -> [[String]] {
        var rows: [[String]] = []
        bytes.withUnsafeBufferPointer { b in
            func isBlank(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 }
            func field(_ start: Int, _ end: Int) -> String {
                var a = start, z = end
                while a < z, isBlank(b[a]) { a += 1 }
                while z > a, isBlank(b[z - 1]) { z -= 1 }
                let text = String(decoding: UnsafeBufferPointer(rebasing: b[a..<z]), as: UTF8.self)
                return a < z && (b[a] >= 0x80 || b[z - 1] >= 0x80) ? TrimSet.whitespaces.trim(text) : text
            }
            var lineStart = 0
            while lineStart < b.count {
                var lineEnd = lineStart
                while lineEnd < b.count, b[lineEnd] != 10, b[lineEnd] != 13 { lineEnd += 1 }
                var start = lineStart
                while start < lineEnd, isBlank(b[start]) { start += 1 }
                if start < lineEnd, b[start] != UInt8(ascii: "#") {
                    let separator = b[start..<lineEnd].contains(9) ? 9 : UInt8(ascii: "|")
                    // Reserved to size: growing from empty allocated two or three arrays a row.
                    var fields: [String] = []
                    fields.reserveCapacity(b[start..<lineEnd].reduce(1) { $1 == separator ? $0 + 1 : $0 })
                    var fieldStart = start
                    for k in start...lineEnd where k == lineEnd || b[k] == separator {
                        fields.append(field(fieldStart, k))
                        fieldStart = k + 1
                    }
                    rows.append(fields)
                }
                lineStart = lineEnd + 1
            }
        }
        return rows
    }
}

/// Hashes of single words the code itself tests for; named here once. Written as literals (each the
/// `WordHash.hash` of the word in its comment, checked by AnalysisHotPathTests): a `static let` computed by a
/// call is initialised lazily, and every read of it in a token loop paid a `swift_once` check.
enum Words {
    static let the: UInt64 = 0x56F5_C919_4461_D57C   // WordHash.hash("the")
    static let a: UInt64 = 0xAF63_DC4C_8601_EC8C   // WordHash.hash("a")
    static let an: UInt64 = 0x089C_3807_B545_8406   // WordHash.hash("an")
    static let of: UInt64 = 0x08B0_6007_B556_7108   // WordHash.hash("of")
    static let and: UInt64 = 0xE6F7_9719_051F_F286   // WordHash.hash("and")
    static let who: UInt64 = 0x5EC5_FC19_4891_690F   // WordHash.hash("who")
    static let that: UInt64 = 0x256C_ADEF_3232_570C   // WordHash.hash("that")
    static let he: UInt64 = 0x08BA_5307_B55E_AF76   // WordHash.hash("he")
    static let she: UInt64 = 0x8245_AA19_5CEA_9E21   // WordHash.hash("she")
    static let to: UInt64 = 0x08C8_3907_B56A_C0A4   // WordHash.hash("to")
    static let on: UInt64 = 0x08B0_5807_B556_6370   // WordHash.hash("on")
    static let in_: UInt64 = 0x08B7_3807_B55C_4BBE   // WordHash.hash("in")
    static let according: UInt64 = 0x2206_9A7D_CA73_9B67   // WordHash.hash("according")
    static let said: UInt64 = 0x096E_4D18_BF89_481C   // WordHash.hash("said")
    static let told: UInt64 = 0x2FD9_F6EF_389A_0874   // WordHash.hash("told")
    static let not: UInt64 = 0x215A_D619_258E_9F4A   // WordHash.hash("not")
    static let whether: UInt64 = 0x9945_F6A9_A016_BAE2   // WordHash.hash("whether")
    static let which: UInt64 = 0xCE98_9E88_581F_9422   // WordHash.hash("which")
    static let with: UInt64 = 0xA66B_06F6_55A0_C2E9   // WordHash.hash("with")
    static let by: UInt64 = 0x08A6_4B07_B54D_F8D4   // WordHash.hash("by")
}
