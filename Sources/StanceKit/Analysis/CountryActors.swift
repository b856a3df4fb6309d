/// Countries and their governments as one organisation actor: "Chile", "the Chilean government", "Chile's
/// presidency", "the Chilean foreign ministry" and "the Chilean hosts" speak for one state, so they share one actor
/// (named by the country, its forms aliases).
extension EntityRecognizer {
    /// Lower-case heads after a nationality or a country's possessive that stand for the state ("the Peruvian
    /// presidency", "Norwegian officials", "the Norwegian hosts said"). "government" and "cabinet" are
    /// `governmentHeads`.
    static let institutionHeadsAfterPlace = WordSet(["presidency", "administration", "ministry", "authorities", "officials",
        "hosts", "leadership", "delegation", "negotiators", "diplomats"])
    /// Lower-case words that may stand between a nationality and that head: "the Norwegian foreign ministry".
    static let institutionModifiers = WordSet(["foreign", "trade", "defense", "defence", "interior", "economy", "finance",
        "justice", "transitional", "interim", "current", "new", "federal", "national", "military", "government", "senior",
        "top", "presidential", "state"])

    /// Records a country (or a place standing for its government) at `first...last` as the organisation actor of the
    /// place named by `place` (its name or a nationality word).
    mutating func addCountry(first: Int, last: Int, place: ClosedRange<Int>) {
        let tokens = text.tokens
        let hashes = place.map { tokens[$0].hash }
        let canonical = lex.places.value(hashes[...]) ?? (hashes.count == 1 ? lex.demonyms.value(word: hashes[0]) : nil)
        let known = actors.count
        addOther(kind: .organization, first: first, last: last, key: canonical.map { WordHash.key(WordHash.phrase($0)) })
        // A state is named as itself, whatever form named it first; that form stays an alias.
        if let canonical, actors.count > known {
            let form = actors[known].name
            actors[known].name = canonical
            actors[known].addAlias(form)
        }
    }

    /// "Peruvian presidency", "Norwegian foreign ministry": the token of a state institution's head right after the
    /// nationality or place ending at `last` (at most two lower-case modifiers between).
    func institutionAfterDemonym(_ last: Int) -> Int? {
        let tokens = text.tokens
        var k = last + 1
        while k < tokens.count, k - last <= 3, tokens[k].kind == .word, !tokens[k].isCapitalized,
              text.blockOf[k] == text.blockOf[last] {
            let w = tokens[k].hash
            if Self.governmentHeads.contains(w) || Self.institutionHeadsAfterPlace.contains(w) { return k }
            guard Self.institutionModifiers.contains(w) else { return nil }
            k += 1
        }
        return nil
    }

    /// "“...,” the Norwegian foreign ministry said": a closing quotation mark (or the comma after one) before a
    /// place, where the cue after a quote opens.
    func closesQuote(_ p: Int) -> Bool {
        let tokens = text.tokens
        var k = p
        if tokens[k].kind == .punct, tokens[k].isPunct(","), k > 0 { k -= 1 }
        return tokens[k].kind == .closeQuote || tokens[k].kind == .closeSingle
    }

    /// "summit chair Norway said", "current chair Peru said": a lower-case role noun (with up to two
    /// modifiers) before a country opens the clause whose subject the country is, when nothing governs the role noun.
    func roleNounOpensSubject(_ p: Int) -> Bool {
        let tokens = text.tokens
        guard tokens[p].kind == .word, !tokens[p].isCapitalized, Self.personNouns.contains(tokens[p].hash) else { return false }
        let sentence = text.sentences[Int(text.sentenceOf[p])]
        var k = p
        while k > sentence.lowerBound, p - k < 2, tokens[k - 1].kind == .word, !tokens[k - 1].isCapitalized || k - 1 == sentence.lowerBound,
              !Self.blockers.contains(tokens[k - 1].hash), !Self.clauseOpeners.contains(tokens[k - 1].hash),
              lex.verbs.value(word: tokens[k - 1].hash) == nil {
            k -= 1
        }
        if k > sentence.lowerBound, tokens[k - 1].kind == .word, tokens[k - 1].hash == Words.the || tokens[k - 1].hash == Words.a { k -= 1 }
        guard k > sentence.lowerBound else { return true }
        let before = tokens[k - 1]
        if before.kind == .punct { return before.isPunct(",") || before.isPunct(";") || before.isPunct(":") }
        return before.kind == .word && !before.isCapitalized && Self.clauseOpeners.contains(before.hash)
    }
}
