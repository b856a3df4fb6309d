/// Countries that act for or against talks without saying so: "Ghana proposed a truce", "Serbia stepped up its
/// bombardment", "The U.K. and Kenya are trying to revive truce talks", "Chile and other countries have tried to
/// restart negotiations". The country stands as the subject of a verb of effort, proposal or escalation, and is its
/// government, an actor (the clause then tells its position, as it does for a verb of saying).
extension EntityRecognizer {
    /// Verbs of acting on a war or on talks that a government does, beyond `placeActionVerbs`.
    static let effortVerbs = WordSet(["tried", "tries", "pressed", "presses", "stepped", "steps", "launched", "launches",
        "intensified", "intensifies", "escalated", "escalates", "proposed", "proposes", "declared", "declares",
        "attended", "attends", "witnessed", "coordinated", "coordinates", "mediates", "brokers", "hosts",
        "co-signed", "countersigned", "initialled", "initialed", "renewed", "renews", "resumed", "revived", "revives",
        "pushed", "pushes", "urged", "urges", "worked", "works", "inked", "began", "begins", "started", "starts",
        "resisted", "resists", "halted", "halts", "paused", "pauses", "extended", "extends", "cancelled", "canceled",
        "cancels", "kept", "keeps", "continued", "continues", "insisted", "insists"])
    /// "are trying", "was pressing": a form of "be" before a participle of effort.
    static let progressiveForms = WordSet(["is", "are", "was", "were"])
    static let effortParticiples = WordSet(["trying", "working", "seeking", "pushing", "pressing", "stepping",
        "launching", "intensifying", "escalating", "mediating", "hosting", "brokering", "preparing", "proposing",
        "coordinating", "reviving", "renewing"])

    /// Words that open a clause set off by commas after a country, before its verb: "Kenya, having hosted the first
    /// round, offered", "Qatar, which hosted the talks, said", "Norway, a longtime mediator, has proposed".
    static let parentheticalOpeners = WordSet(["having", "which", "who", "itself", "once", "long", "already", "still",
        "a", "an", "the", "after", "despite", "as", "like", "unlike", "along", "together", "in", "on", "at", "however",
        "meanwhile", "instead", "too"])
    /// How long such a clause may be.
    static let parentheticalReach = 16

    /// The token after a parenthetical clause that opens with the comma at `j` ("Kenya, having hosted the first
    /// round, offered"), when its first word is lower case and opens such a clause (a participle in -ing as well),
    /// and it closes with a comma in the same sentence; else nil. A list ("Kenya, Uganda and Tanzania") opens with a
    /// capital and is no such clause.
    func afterParenthetical(comma j: Int) -> Int? {
        guard text.isPunct(j, ","), let w = word(j + 1), !tok(j + 1).isCapitalized,
              Self.parentheticalOpeners.contains(w) || endsInIng(j + 1) else { return nil }
        var k = j + 2
        while k < min(count, j + Self.parentheticalReach), text.sentenceOf[k] == text.sentenceOf[j], text.quoteOf[k] < 0 {
            if text.isPunct(k, ",") { return k + 1 }
            if tok(k).kind == .punct, !text.isPunct(k, "-") { return nil }
            k += 1
        }
        return nil
    }

    /// Whether the word at `k` ends in "ing" (a participle: "having", "hosting", "citing").
    private func endsInIng(_ k: Int) -> Bool {
        let t = tok(k)
        guard t.end - t.start >= 5 else { return false }
        let end = Int(t.end)
        return text.scalars[end - 3] == "i" && text.scalars[end - 2] == "n" && text.scalars[end - 1] == "g"
    }

    /// Determiners and plural nouns of the others a country acts with: "Chile and other countries", "Qatar and its
    /// partners", "Egypt and several other mediators".
    static let otherPartyDeterminers = WordSet(["other", "several", "some", "many", "its", "their", "fellow"])
    static let otherPartyNouns = WordSet(["countries", "nations", "states", "governments", "partners", "allies", "members",
        "mediators", "donors", "powers", "neighbours", "neighbors", "neighbouring", "neighboring", "capitals"])

    /// The token after "and other countries" (or the like) opening at `j`, where the shared verb stands, or nil.
    func afterOtherParties(and j: Int) -> Int? {
        guard word(j) == Words.and else { return nil }
        var k = j + 1
        var determiners = 0
        while determiners < 2, let w = word(k), !tok(k).isCapitalized, Self.otherPartyDeterminers.contains(w) { k += 1; determiners += 1 }
        guard determiners > 0 else { return nil }
        // "other African countries", "other Gulf states": a nationality or region may stand before the noun.
        if tok(k).isCapitalized, word(k + 1).map(Self.otherPartyNouns.contains) ?? false { k += 1 }
        guard let noun = word(k), !tok(k).isCapitalized, Self.otherPartyNouns.contains(noun) else { return nil }
        return k + 1
    }

    /// Whether the name starting at `first` ("the" included) opens its clause: it starts the sentence or follows a
    /// comma, a semicolon, a colon or a clause opener ("Hamas and Israel agreed", not "talks between Hamas and Israel").
    func opensClause(at first: Int) -> Bool {
        let p = first - 1
        guard p >= 0, text.sentenceOf[p] == text.sentenceOf[first] else { return true }
        if let w = word(p) { return Self.clauseOpeners.contains(w) && (!tok(p).isCapitalized || p == text.sentences[Int(text.sentenceOf[p])].lowerBound) }
        return text.isPunct(p, ",") || text.isPunct(p, ";") || text.isPunct(p, ":") || closesQuote(p)
    }

    /// Whether the word at `j`, right after a country and its auxiliaries, is a verb of effort or escalation.
    func placeActsThroughEffort(at j: Int) -> Bool {
        guard let verb = word(j), !tok(j).isCapitalized else { return false }
        if Self.effortVerbs.contains(verb) { return true }
        guard Self.progressiveForms.contains(verb), let next = word(j + 1), !tok(j + 1).isCapitalized else { return false }
        return Self.effortParticiples.contains(next)
    }
}

extension AnalysisRun {
    /// Lower-case words between a list of nationalities and a plural office: "Thai and Cambodian foreign ministers".
    static let officeModifiers = WordSet(["foreign", "prime", "defence", "defense", "top", "senior", "two", "both"])
    /// How many sentences before a plural office its holders may be named in, and at most how many tokens either
    /// side of it (one endless sentence of offices must not make each look through all its names).
    static let officeHolderReach = 8
    static let officeHolderTokens = 400

    /// "Thai and Cambodian leaders have agreed to implement a truce": the plural office at `t` after a list of two
    /// or more nationalities is the act of the holders of those offices named in the sentences around it.
    func nationalOfficeAct(office t: Int, in sentence: Range<Int>, next: Range<Int>?) -> FrameAct? {
        var k = t - 1
        while k >= sentence.lowerBound, t - k <= 2, let w = word(k), !tokens[k].isCapitalized, Self.officeModifiers.contains(w) { k -= 1 }
        var places: [String] = []
        while k >= sentence.lowerBound, tokens[k].isCapitalized, let w = word(k), let place = lex.demonyms.value(word: w) {
            if !places.contains(place) { places.append(place) }
            k -= 1
            guard k >= sentence.lowerBound, word(k) == Words.and || text.isPunct(k, ",") else { break }
            k -= 1
            if k >= sentence.lowerBound, word(k) == Words.and { k -= 1 }
        }
        guard places.count >= 2 else { return nil }
        let s = Int(text.sentenceOf[t])
        let from = max(text.sentences[max(0, s - Self.officeHolderReach)].lowerBound, t - Self.officeHolderTokens)
        let to = min(next?.upperBound ?? sentence.upperBound, t + Self.officeHolderTokens)
        let holders = officeHolders(of: places, in: from..<to)
        guard !holders.isEmpty else { return nil }
        return FrameAct(verb: t, agents: holders, act: (t + 1)..<sentence.upperBound, meeting: false)
    }
}

extension EntityRecognizer {
    /// How many words may stand between a signing verb and the "with" that names the party signed with.
    static let signedWithReach = 8

    /// "signed a framework accord with Norway": the place after `with` at `p` is a party to a signing before it in
    /// the same clause (no punctuation between), and so its government, an actor.
    func placeSignedWith(before p: Int) -> Bool {
        guard word(p) == Words.with else { return false }
        var k = p - 1
        while k >= 0, p - k <= Self.signedWithReach, let w = word(k), text.sentenceOf[k] == text.sentenceOf[p] {
            if AnalysisRun.signingVerbs.contains(w) { return true }
            k -= 1
        }
        return false
    }
}
