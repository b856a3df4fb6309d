/// Other forms of a person's name within one article, by which a bare name later refers back: a given name or
/// other element of the full name ("Malaysian Prime Minister Anwar Ibrahim", then "hosted by Anwar": Malay, Thai,
/// Indonesian and Arabic names are shortened so), a surname without its particle ("Omar al-Bashir", then "Bashir
/// said"), and a long surname spelled with one letter fewer ("Mikheil Saakashvilli", then "Saakashvili told").
extension EntityRecognizer {
    /// Shorter elements are too often initials, acronyms or words ("Un", "Al").
    static let shortFormMinimumLength = 3
    /// A misspelling is read only in long surnames, where one letter more or less makes no other name.
    static let variantMinimumLength = 7
    static let longestVariantSource = 24

    /// Makes each form a key for `findSurnameMentions`, when only one person in the article bears it, no person
    /// bears it as a surname, it is no word of the lexicon's other lists, and the article never writes it in lower
    /// case (a word, not a name). Costs a pass over each person's name and, when forms were found, one over the words.
    mutating func addNameForms() {
        // A form's person, or -1 when two people share it. A `WordTable`: every capitalised token of the article is
        // looked up in it below (a `Dictionary` hashed each with SipHash, 7.4 M instructions of 26.5 M).
        var owner = WordTable<Int>(capacity: 64)
        var elementForms: [UInt64] = []
        // Every form offered is asked about (10,000 in 130 analyses, most of them variants no one has): a `WordTable`
        // of the names already known turns most away without the dictionary's SipHash.
        var isKnown = WordTable<Bool>(capacity: personBySurname.count)
        for form in personBySurname.keys { isKnown[form] = true }
        func offer(_ form: UInt64, _ person: Int) {
            if isKnown[form] != nil, let known = personBySurname[form], !known.allSatisfy({ $0 == person }) { return }
            if let previous = owner[form] {
                if previous != person { owner[form] = -1 }
            } else {
                owner[form] = person
            }
        }
        // By index: enumerating the actors copied each whole draft (its strings, titles and aliases).
        for person in actors.indices where actors[person].kind == .person && actors[person].nameTokens >= 2 {
            let name = Tokenizer.tokenize(actors[person].name)
            let words = name.tokens.filter { $0.kind == .word }
            guard words.count >= 2 else { continue }
            for (index, token) in words.enumerated() {
                let scalars = name.scalars[Int(token.start)..<Int(token.end)]
                if let hyphen = scalars.firstIndex(of: "-"), hyphen > scalars.startIndex,
                   Self.particles.contains(WordHash.hash(String(String.UnicodeScalarView(scalars[..<hyphen])))) {
                    // "al-Bashir" is read as "Bashir" as well.
                    let rest = scalars[(hyphen + 1)...]
                    if rest.count >= Self.shortFormMinimumLength, rest.first?.properties.isUppercase == true {
                        offer(WordHash.hash(String(String.UnicodeScalarView(rest))), person)
                    }
                    continue
                }
                if index == words.count - 1 {
                    for variant in Self.variants(of: scalars) { offer(variant, person) }
                } else if isShortForm(token) {
                    elementForms.append(token.hash)
                    offer(token.hash, person)
                }
            }
        }
        guard owner.count > 0 else { return }
        // Only a form the article writes capitalised can be a mention (`findSurnameMentions` asks no other token), so
        // the one-letter-short variants of every surname, most of which the article never writes, are not kept.
        var common = Set<UInt64>()
        var written = Set<UInt64>()
        let elementFilter = elementForms.reduce(UInt64(0)) { $0 | WordFilter.mask($1) }
        let elements = Set(elementForms)
        for t in text.tokens {
            if t.isCapitalized {
                if owner[t.hash] != nil { written.insert(t.hash) }
            } else if t.kind == .word, elementFilter & WordFilter.mask(t.hash) == WordFilter.mask(t.hash), elements.contains(t.hash) {
                common.insert(t.hash)
            }
        }
        for form in written where !common.contains(form) && personBySurname[form] == nil {
            if let person = owner[form], person >= 0 { personBySurname[form] = [person] }
        }
    }

    /// An element of a full name that can stand for the whole: a capitalised name word, not an initial, particle,
    /// acronym or a word the lexicon knows as something else.
    private func isShortForm(_ token: Token) -> Bool {
        guard token.isCapitalized, !token.has(Token.allCaps), !token.has(Token.initial), !token.has(Token.dotted),
              token.end - token.start >= Int32(Self.shortFormMinimumLength) else { return false }
        let w = token.hash
        return !Self.particles.contains(w) && !Self.suffixes.contains(w) && !lex.stopwords.contains(word: w)
            && !lex.places.contains(word: w) && !lex.demonyms.contains(word: w) && !lex.titles.contains(word: w)
            && !lex.orgHeads.contains(word: w) && !lex.orgNames.contains(word: w) && !lex.groupHeads.contains(word: w)
            && !lex.thingHeads.contains(word: w) && !Self.personNouns.contains(w) && lex.verbs.value(word: w) == nil
    }

    /// The surname with one letter left out (never the first): "Saakashvilli" offers "Saakashvili".
    static func variants(of surname: ArraySlice<Unicode.Scalar>) -> [UInt64] {
        guard surname.count >= variantMinimumLength, surname.count <= longestVariantSource,
              surname.allSatisfy({ $0.isASCII ? ($0.value | 0x20) >= 0x61 && ($0.value | 0x20) <= 0x7A : $0.properties.isAlphabetic })
        else { return [] }
        // Hashed as `WordHash.hash` would hash each variant, without building it: the hash of the letters before
        // the one left out, continued over the letters after it.
        let folded = surname.map(WordHash.fold)
        var prefix = WordHash.mix(WordHash.seed, folded[0])
        var found: [UInt64] = []
        for dropped in 1..<folded.count {
            var h = prefix
            for k in (dropped + 1)..<folded.count { h = WordHash.mix(h, folded[k]) }
            found.append(h)
            prefix = WordHash.mix(prefix, folded[dropped])
        }
        return found
    }
}
