/// A capitalised title written as a reference back to its holder: "Speaking to reporters later that day, the
/// Special Envoy said", "the Foreign Minister added". Newsrooms that capitalise offices (UN, EU and AU press
/// language, much European English) write the lower-case role noun ("the envoy") this way.
extension EntityRecognizer {
    static let titleModifierLimit = 3
    /// Courtesy titles say nothing of an office.
    static let courtesyTitles: Set<String> = ["Mr.", "Mrs.", "Ms.", "Dr."]
    static let servedPrepositions = WordSet(["for", "to"])

    /// The role mention (its holder unresolved) of a title phrase opening at `i` after "the" and up to
    /// `titleModifierLimit` capitalised places, nationalities or acronyms ("the UN Special Envoy for Yemen"),
    /// when no holder is named right after it: a name after the title or after a comma is read as a name
    /// (its title included), and a title qualified by "of" ("the President of France") names an office.
    /// A title after another word ("the Deputy Special Envoy") is a different office.
    func titleReference(at i: Int) -> Mention? {
        // The words before are read first: "the" and its modifiers turn away nearly every capitalised word
        // before the title is looked up.
        var j = i - 1
        var place: String?
        // ("The Special Envoy said" opens a sentence with a capital "The".)
        while j >= 0, i - j <= Self.titleModifierLimit, tok(j).isCapitalized, word(j) != Words.the, text.sentenceOf[j] == text.sentenceOf[i] {
            let h = tok(j).hash
            if let p = lex.demonyms.value(word: h) ?? lex.places.value(word: h) {
                place = place ?? p
            } else if !tok(j).has(Token.allCaps) {
                return nil
            }
            j -= 1
        }
        guard word(j) == Words.the, let (end, title) = matchTitle(at: i), !Self.courtesyTitles.contains(title.canonical) else { return nil }
        var last = end - 1
        while last >= i, tok(last).kind == .punct { last -= 1 }
        var next = end
        // "for Yemen", "to the Middle East": the place the office serves belongs to the title (not to its
        // place: the holder's own name is often written without it).
        if let w = word(next), Self.servedPrepositions.contains(w) {
            var k = next + 1
            if word(k) == Words.the { k += 1 }
            while k < count, k - next <= 5, tok(k).kind == .word, tok(k).isCapitalized, text.sentenceOf[k] == text.sentenceOf[i] { k += 1 }
            if k > next + 1, tok(k - 1).isCapitalized {
                last = k - 1
                next = k
            }
        }
        if next < count {
            let after = tok(next)
            if after.kind == .word, after.isCapitalized || after.hash == Words.of { return nil }
            if after.isPunct(","), next + 1 < count, tok(next + 1).kind == .word, tok(next + 1).isCapitalized { return nil }
        }
        return Mention(first: j, last: last, actor: -1, kind: .role, subjectLike: false, roleTitle: title.canonical, rolePlace: place)
    }
}

extension EntityRecognizer {
    /// Ranks written before a title that name another office: the deputy special envoy is not the special envoy.
    static let subordinateRankWords = ["deputy", "vice", "assistant", "associate", "under"]
    static let subordinateRanks = WordSet(subordinateRankWords)

    /// Whether a subordinate rank stands among the office words in `range` ("UN Deputy Special Envoy").
    func namesSubordinateRank(_ range: Range<Int>) -> Bool {
        range.contains { word($0).map(Self.subordinateRanks.contains) ?? false }
    }

    /// Whether a role has a subordinate rank among its words; read once per actor, as few roles have one.
    static func hasSubordinateRank(_ role: String?) -> Bool {
        guard let role else { return false }
        return Tokenizer.tokenize(role).tokens.contains { $0.kind == .word && subordinateRanks.contains($0.hash) }
    }

    /// Whether `role` names a subordinate of `title` ("Deputy Special Envoy for Yemen" for "Special Envoy").
    static func roleNamesSubordinate(_ role: String?, title: String?) -> Bool {
        guard let role, let title else { return false }
        return subordinateRankWords.contains { roleNames(role, title: "\($0) \(title)") }
    }
}

extension EntityRecognizer {
    /// "United Nations Special Envoy for Yemen Hans Grundberg", "Special Representative to the Sahel X": a title
    /// with the place it serves, written before a name that the place word would otherwise open. Returns the
    /// first office word (capitalised modifiers included) and the title, for the office ending at `officeStart`
    /// (the place's first word).
    func servedTitle(before officeStart: Int) -> (start: Int, title: Lexicon.Title)? {
        var link = officeStart - 1
        if word(link) == Words.the { link -= 1 }
        guard let w = word(link), Self.servedPrepositions.contains(w), !tok(link).isCapitalized else { return nil }
        // The longest title that ends at the link: "Special Envoy", not "Envoy".
        var longest: (start: Int, title: Lexicon.Title)?
        for start in stride(from: link - 1, through: max(0, link - lex.titles.maxWords), by: -1) {
            guard tok(start).isCapitalized else { break }
            if let (end, title) = matchTitle(at: start), end == link { longest = (start, title) }
        }
        if let (start, title) = longest {
            var first = start
            while first > 0, start - first < Self.titleModifierLimit, tok(first - 1).kind == .word, tok(first - 1).isCapitalized,
                  text.sentenceOf[first - 1] == text.sentenceOf[start] {
                first -= 1
            }
            return (first, title)
        }
        return nil
    }
}

extension EntityRecognizer {
    /// "UN envoy Staffan de Mistura", "US special envoy X", "Kremlin spokesman Y": the lower-case role noun written
    /// right before a name (with a lower-case word that makes a title with it, and capitalised modifiers), which
    /// "the envoy" later refers back to.
    func roleWordBefore(_ start: Int) -> String? {
        guard start >= 1, let noun = word(start - 1), !tok(start - 1).isCapitalized, Self.personNouns.contains(noun),
              !lineBreaks(between: start - 1, and: start) else { return nil }
        var first = start - 1
        if let w = word(first - 1), !tok(first - 1).isCapitalized, lex.titles.value([w, noun][...]) != nil { first -= 1 }
        while first > 0, start - first <= 1 + Self.titleModifierLimit, tok(first - 1).kind == .word, tok(first - 1).isCapitalized,
              !lex.stopwords.contains(word: tok(first - 1).hash), text.sentenceOf[first - 1] == text.sentenceOf[start] {
            first -= 1
        }
        return text.text(first, start - 1)
    }

    /// Whether a line ends between tokens `a` and `b`: a subheadline ending in "warns far-right leader" is no
    /// role of the name opening the next line.
    func lineBreaks(between a: Int, and b: Int) -> Bool {
        (Int(tok(a).end)..<Int(tok(b).start)).contains { text.scalars[$0] == "\n" }
    }
}

extension EntityRecognizer {
    static let speakerModifierLimit = 4

    /// "..., warns far-right leader", "said senior minister": headline style names the speaker of a quote by a role
    /// without an article, right after the verb of saying. Returns the first token of the role phrase, whose
    /// modifiers end at `j` (the token before the role noun).
    func roleAfterSpeechVerb(endingAt j: Int) -> Int? {
        var k = j
        while k >= 0, j - k <= Self.speakerModifierLimit, !tok(k).isCapitalized, text.quoteOf[k] < 0 {
            let t = tok(k)
            if t.kind == .word {
                if lex.verbs.value(word: t.hash) == .speech { return k + 1 }
                if Self.articles.contains(t.hash) || Self.prepositions.contains(t.hash) { return nil }
            } else if !t.isPunct("-") {
                return nil
            }
            k -= 1
        }
        return nil
    }
}
