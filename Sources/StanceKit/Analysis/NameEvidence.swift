/// Person names that the capitalised-run rules of `findNames` miss: a person known by one name, whose text has to
/// show that it is a person ("said Farida, a nurse", "Bongani, 34, a taxi driver,", "the leader of the party, Vey,"), titles that come in chains
/// ("Tan Sri Dato' Sri", "Datuk Seri"), and a first name written with a hyphen ("Pierre-Emmanuel Ndaye").
extension EntityRecognizer {
    /// Honorifics that follow another one in a chain but open no name alone ("Sri Lanka" is a place).
    static let chainedHonorifics = WordSet(["sri", "seri"])
    static let mononymPronouns = WordSet(["he", "she"])
    /// Single words that a capitalised sentence may open with or that sit beside a speech verb without naming anyone.
    static let mononymExclusions = WordSet(["officials", "sources", "police", "authorities", "witnesses", "residents",
        "analysts", "diplomats", "critics", "observers", "protesters", "organisers", "organizers", "reports", "both",
        "others", "many", "some", "most", "one", "everyone", "nobody", "somebody", "someone", "god", "allah",
        "earlier", "later", "meanwhile", "separately", "yesterday", "today", "tonight", "however", "instead", "elsewhere",
        "afterwards", "afterward", "still", "now", "then", "again", "overall", "nevertheless", "nonetheless", "moreover",
        "furthermore", "indeed", "finally", "initially", "previously", "recently", "currently", "there", "here"])
    static let oldestAge = 119

    /// "Tan Sri Dato' Sri Rahim Ismail", "Datuk Seri Anwar Ibrahim", "Prime Minister Datuk Seri X": titles written one after
    /// another before a name, as one title (the first, which is the office when there is one). A later title is joined
    /// only when a name follows it ("Senator Bishop said" keeps "Bishop" as the name).
    func extendTitleChain(_ title: (end: Int, title: Lexicon.Title)) -> (end: Int, title: Lexicon.Title) {
        var end = title.end
        for _ in 0..<4 {
            var next = end
            // "Dato'": the apostrophe these titles are spelled with.
            if next < count, tok(next).kind == .closeSingle, !tok(next).has(Token.spaceBefore) { next += 1 }
            guard next < count, sameBlock(title.end - 1, next) else { break }
            if tok(next).isCapitalized, Self.chainedHonorifics.contains(tok(next).hash), next + 1 < count, isNameToken(next + 1) {
                end = next + 1
                continue
            }
            guard let inner = matchTitle(at: next), inner.end < count, isNameToken(inner.end) || matchTitle(at: inner.end) != nil
                || tok(inner.end).kind == .closeSingle else { break }
            end = inner.end
        }
        if end < count, end > title.end, tok(end).kind == .closeSingle, !tok(end).has(Token.spaceBefore) { end += 1 }
        return (end, title.title)
    }

    /// "Pierre-Emmanuel Ndaye", "Jean-Luc Okafor": a first name joined to another by a hyphen opens with a given name.
    func opensWithHyphenatedGivenName(_ t: Int) -> Bool {
        let token = tok(t)
        let scalars = text.scalars
        var k = Int(token.start)
        while k < Int(token.end), scalars[k] != "-" { k += 1 }
        guard k > Int(token.start) + 1, k < Int(token.end) - 1 else { return false }
        var first = String.UnicodeScalarView()
        first.append(contentsOf: scalars[Int(token.start)..<k])
        let hash = WordHash.hash(String(first))
        return lex.givenNames.contains(word: hash) && !lex.places.contains(word: hash)
    }

    /// People named by one word: "said Farida, a nurse who uses one name", "Bongani, 34, a taxi driver, said",
    /// "Suharto told parliament ... He said". Run after the full names and their forms are known, so that a word that
    /// is part of a known person's name is left to `findSurnameMentions`.
    mutating func findMononyms() {
        let recognizer = self
        // The words of the persons' names, made when the first candidate is found (few articles have one).
        var named: Set<UInt64>?
        var loneSpeakers: [UInt64: Int]?
        for t in 0..<count where tok(t).isCapitalized && !covered[t] {
            // Cheapest tests first: most capitalised words stand beside another name word or show no evidence.
            guard recognizer.standsAlone(t), recognizer.showsMononymIsPerson(t, loneSpeakers: &loneSpeakers),
                  recognizer.isMononymCandidate(t),
                  text.quoteOf[t] < 0 else { continue }
            let role = text.role(ofToken: t)
            guard role == .body || role == .standfirst || role == .caption else { continue }
            let hash = tok(t).hash
            if named == nil {
                var words = Set<UInt64>()
                for actor in actors where actor.kind == .person {
                    for token in Tokenizer.tokenize(actor.name).tokens where token.kind == .word { words.insert(token.hash) }
                }
                named = words
            }
            guard personBySurname[hash] == nil, named?.contains(hash) == false else { continue }
            addPerson(titleStart: t, core: [t], last: t, title: nil, role: role)
            named?.insert(hash)
        }
    }

    /// Not part of a longer capitalised run, nor an owner ("Chile's"), nor the object of a preposition ("Senator X of
    /// Norland, the senior member").
    private func standsAlone(_ t: Int) -> Bool {
        let token = tok(t)
        guard token.end - token.start >= 3, !token.has(Token.allCaps), !token.has(Token.dotted), !token.has(Token.initial) else { return false }
        if t > 0, sameBlock(t - 1, t), tok(t - 1).isCapitalized || tok(t - 1).kind == .possessive { return false }
        if t + 1 < count, sameBlock(t, t + 1), tok(t + 1).isCapitalized || tok(t + 1).kind == .possessive { return false }
        if let before = word(t - 1), Self.prepositions.contains(before) { return false }
        return true
    }

    /// None of the lexicon's places, bodies, groups, titles, role nouns, verbs or function words.
    private func isMononymCandidate(_ t: Int) -> Bool {
        let hash = tok(t).hash
        return !lex.places.contains(word: hash) && !lex.demonyms.contains(word: hash) && !lex.orgNames.contains(word: hash)
            && !lex.orgHeads.contains(word: hash) && !lex.groupHeads.contains(word: hash) && !lex.stopwords.contains(word: hash)
            && !lex.titles.contains(word: hash) && !lex.thingHeads.contains(word: hash) && !Self.personNouns.contains(hash)
            && !Self.mononymExclusions.contains(hash) && lex.verbs.value(word: hash) == nil
    }

    /// An age or a role appositive after the word, or a speech verb beside it together with a known first name or a
    /// "he"/"she" opening the next sentence. `t` stands alone (see `standsAlone`); `loneSpeakers` is made when first
    /// needed (see `loneSpeakerCounts`).
    private func showsMononymIsPerson(_ t: Int, loneSpeakers: inout [UInt64: Int]?) -> Bool {
        if hasAgeAppositive(after: t) || hasRoleAppositive(after: t) { return true }
        // "The leader of X's party, Vey, said": one word set off by commas after a role.
        if text.isPunct(t + 1, ","), namedInRoleAppositive(t) { return true }
        let speechBefore = t > 0 && !tok(t - 1).isCapitalized && word(t - 1).map { lex.verbs.value(word: $0) == .speech } == true
        let speechAfter = word(t + 1).map { !tok(t + 1).isCapitalized && lex.verbs.value(word: $0) == .speech } == true
        guard speechBefore || speechAfter else { return false }
        if lex.givenNames.contains(word: tok(t).hash) { return true }
        if speechAfter && opensSentence(t) && nextSentenceOpensWithPersonalPronoun(after: t) { return true }
        // "“...,” Bush said. ... “...,” Bush said": a surname the article never writes in full speaks more than once.
        // (A known person's surname, "Biden said", and a word the lexicon knows, "Moscow said", are passed before the
        // search over the text: 3.9 M in 130 analyses when only the surnames were.)
        guard speechAfter, personBySurname[tok(t).hash] == nil, isMononymCandidate(t) else { return false }
        // `t` itself stands alone before a verb of saying: once more elsewhere is twice.
        if loneSpeakers == nil { loneSpeakers = loneSpeakerCounts() }
        return loneSpeakers![tok(t).hash, default: 0] >= 2
    }

    /// How often each capitalised word stands alone right before a verb of saying, counted in one pass over the text:
    /// searching the text once per candidate took seconds on a long text full of them (a fuzzer's find).
    private func loneSpeakerCounts() -> [UInt64: Int] {
        var counts: [UInt64: Int] = [:]
        for k in 0..<count where tok(k).kind == .word && tok(k).isCapitalized && standsAlone(k) {
            if let next = word(k + 1), !tok(k + 1).isCapitalized, lex.verbs.value(word: next) == .speech {
                counts[tok(k).hash, default: 0] += 1
            }
        }
        return counts
    }

    /// "Jan Lipinski", "April Moreau": a first name spelled like a month (a function word to the lexicon) opens a name
    /// when it is written without a period and a capitalised name that is no function word or place follows.
    func firstNameSpelledLikeStopword(_ t: Int) -> Bool {
        guard t + 1 < count, lex.givenNames.contains(word: tok(t).hash), !tok(t).has(Token.allCaps), isNameToken(t + 1),
              !tok(t + 1).has(Token.initial) else { return false }
        let next = tok(t + 1).hash
        return !lex.stopwords.contains(word: next) && !lex.places.contains(word: next) && !lex.orgNames.contains(word: next)
            && !lex.titles.contains(word: next)
    }

    /// "Bongani, 34,", "Bongani (34)": an age between commas or in brackets.
    private func hasAgeAppositive(after t: Int) -> Bool {
        guard t + 3 < count, text.isPunct(t + 1, ",") && text.isPunct(t + 3, ",") || text.isPunct(t + 1, "(") && text.isPunct(t + 3, ")"),
              tok(t + 2).kind == .number,
              tok(t + 2).end - tok(t + 2).start <= 3 else { return false }
        var age = 0
        for k in Int(tok(t + 2).start)..<Int(tok(t + 2).end) {
            let digit = text.scalars[k].value &- 48
            guard digit < 10 else { return false }
            age = age * 10 + Int(digit)
        }
        return age >= 1 && age <= Self.oldestAge
    }

    /// "Farida, a nurse", "Bongani, a taxi driver", "Amina, the group's spokeswoman": an appositive whose head is a
    /// person noun, within a few words and before the next comma; or a relative clause opening with "who".
    private func hasRoleAppositive(after t: Int) -> Bool {
        // "said Farida, who uses one name": an organisation takes "which".
        if text.isPunct(t + 1, ","), word(t + 2) == Words.who { return true }
        guard text.isPunct(t + 1, ","), let article = word(t + 2),
              article == Words.a || article == Words.an || article == Words.the else { return false }
        // "Earlier, the head of the council": an opening adverb's comma, then the subject.
        if article == Words.the, opensSentence(t) { return false }
        var j = t + 3
        while j < min(count, t + 8), !text.isPunct(j, ","), !text.isPunct(j, ".") {
            if tok(j).kind == .word, !tok(j).isCapitalized, Self.personNouns.contains(tok(j).hash) { return true }
            j += 1
        }
        return false
    }

    private func opensSentence(_ t: Int) -> Bool { text.sentences[Int(text.sentenceOf[t])].lowerBound == t }

    /// "Suharto told parliament the talks would go ahead. He said ...": the next sentence opens with a personal pronoun
    /// (an organisation would be "it").
    private func nextSentenceOpensWithPersonalPronoun(after t: Int) -> Bool {
        let next = text.sentences[Int(text.sentenceOf[t])].upperBound
        guard next < count, text.sentenceOf[next] != text.sentenceOf[t], let w = word(next) else { return false }
        return Self.mononymPronouns.contains(w)
    }

    static let creditMarkers = WordSet(["photo", "photograph", "photos", "photographs", "credit", "picture", "pictures",
        "image", "images"])
    static let longestCreditName = 4

    /// "PHOTO: JOHN SMITH/AFP", "Photo by KWAME ASANTE / REUTERS": a photographer named in capitals after a credit marker,
    /// up to the slash or the end of the line. (Capitals make no name anywhere else: headlines, acronyms, shouting.)
    mutating func findCapitalisedCredits() {
        let markers = Self.creditMarkers
        for t in 0..<count where tok(t).kind == .word && markers.contains(tok(t).hash) {
            var first = t + 1
            if text.isPunct(first, ":") || word(first) == Words.by { first += 1 } else { continue }
            var last = first - 1
            while last + 1 < count, last + 1 - first < Self.longestCreditName, sameBlock(t, last + 1), !covered[last + 1],
                  tok(last + 1).has(Token.allCaps) || tok(last + 1).has(Token.initial) {
                last += 1
                if tok(last).has(Token.initial), text.isPunct(last + 1, ".") { last += 1 }
            }
            let words = (first...max(first, last)).filter { tok($0).kind == .word }
            guard last > first, words.count >= 2, words.count <= Self.longestCreditName,
                  last + 1 >= count || !sameBlock(t, last + 1) || text.isPunct(last + 1, "/") || text.isPunct(last + 1, "|")
                    || text.isPunct(last + 1, ",") || text.isPunct(last + 1, ";"),
                  !words.contains(where: { lex.orgNames.contains(word: tok($0).hash) || lex.orgHeads.contains(word: tok($0).hash)
                    || lex.places.contains(word: tok($0).hash) || lex.demonyms.contains(word: tok($0).hash)
                    || markers.contains(tok($0).hash) }) else { continue }
            addPerson(titleStart: first, core: words, last: last, title: nil, role: text.role(ofToken: first))
        }
    }
}

extension EntityRecognizer {
    /// Words of a byline that name a desk, not a person: "Al Jazeera Staff", "News Agencies".
    static let deskWords = WordSet(["staff", "agencies", "agency", "desk", "team", "editors", "editor", "reporters",
        "correspondents", "news", "wires", "wire", "online", "web", "bureau"])

    /// Authors named only in the metadata ("Author: Mara Lind" in a header) are persons of the article who take no
    /// part in it: the text never shows them, so they are added without mentions (a byline in the text is read there).
    mutating func addMetadataAuthors() {
        guard !text.article.byline.isEmpty, !text.article.blocks.contains(where: { $0.role == .byline }) else { return }
        for name in text.article.byline {
            let words = Tokenizer.tokenize(name).tokens.filter { $0.kind == .word }
            guard (2...4).contains(words.count), words.allSatisfy({ $0.isCapitalized }), let surname = words.last?.hash,
                  personBySurname[surname] == nil,
                  !words.contains(where: { Self.deskWords.contains($0.hash) || lex.orgNames.contains(word: $0.hash)
                      || lex.orgHeads.contains(word: $0.hash) || lex.places.contains(word: $0.hash) }) else { continue }
            actors.append(ActorDraft(name: name, kind: .person, key: surname, nameTokens: words.count))
        }
    }
}
