/// Armed groups, regimes and governments named by a common noun that act or speak as one: "The rebels agreed to the
/// truce", "the junta walked out of the talks", "The M23 rebels rejected the plan", "the government in Kabul refused to
/// join the talks", "The government announced that ...". As the subject of a clause whose verb says or does something,
/// such a phrase is a group (an organisation for a government) of its own; a mere mention ("fighting between the army
/// and the rebels") is none.
extension EntityRecognizer {
    /// Heads of armed or ruling groups that act as one; `actingGovernmentHeads` are organisations.
    static let actingGroupHeadWords = ["rebels", "insurgents", "militants", "separatists", "guerrillas", "junta",
        "militia", "militias", "paramilitaries", "jihadists", "putschists", "fighters", "rulers"]
    static let actingGroupHeads = WordSet(actingGroupHeadWords)
    /// ("the administration" is left out: it refers back to a leader's, "the Biden administration", whose person acts.)
    static let actingGovernmentHeadWords = ["government", "regime"]
    static let actingGovernmentHeads = WordSet(actingGovernmentHeadWords)
    /// Turns away nearly every token before the sets are asked.
    static let actingHeadFilter = WordFilter(actingGroupHeadWords + actingGovernmentHeadWords)
    /// Verbs of turning away from talks, which `verbFollows` does not know: "walked out", "pulled out", "withdrew".
    static let withdrawalVerbs = WordSet(["walked", "walks", "pulled", "pulls", "withdrew", "withdraws", "withdrawn",
        "boycotted", "boycotts", "snubbed", "abandoned", "quit"])
    /// Words that may stand between "the" and the head: "the Houthi rebels", "the Rwanda-backed M23 rebels", "the
    /// military junta", "the Taliban-led government".
    static let actingGroupModifierReach = 3

    /// Records each "the rebels", "the military junta", "the government (in Kabul)" that opens a clause and is followed
    /// by its verb.
    mutating func findActingGroups() {
        let tokens = text.tokens
        for i in tokens.indices where Self.actingHeadFilter.mayContain(tokens[i].hash) && tokens[i].kind == .word
            && !tokens[i].isCapitalized && !covered[i] && (Self.actingGroupHeads.contains(tokens[i].hash) || Self.actingGovernmentHeads.contains(tokens[i].hash)) {
            let role = text.role(ofToken: i)
            guard role == .body || role == .standfirst, text.quoteOf[i] < 0, let first = actingGroupStart(head: i) else { continue }
            var last = i
            // "the government in Kabul", "the junta in Naypyidaw", "the government of Angola": a place names whose
            // government it is.
            if word(i + 1) == Words.in_ || word(i + 1) == Words.of, i + 2 < count, tok(i + 2).isCapitalized, lex.places.contains(word: tok(i + 2).hash) { last = i + 2 }
            let conjunct = conjunctAfter(last)
            guard actsAfter(last) || conjunct.map(actsAfter) ?? false else { continue }
            addOther(kind: Self.actingGovernmentHeads.contains(tokens[i].hash) ? .organization : .group, first: first, last: last)
            // "the rebels and Kenya signed": a country joined to the group acts with it (names were read before the
            // group was known to act).
            if let conjunct, !covered[conjunct], lex.places.contains(word: tokens[conjunct].hash), tokens[conjunct].isCapitalized {
                addCountry(first: conjunct, last: conjunct, place: conjunct...conjunct)
            }
        }
    }

    /// The first token of the group's name when "the" (and a few modifiers) or a capitalised name before the head at
    /// `i` open a clause: the token after "the", or the name's first word; else nil.
    private func actingGroupStart(head i: Int) -> Int? {
        var k = i - 1
        while k >= 0, i - k <= Self.actingGroupModifierReach, word(k) != Words.the, text.sentenceOf[k] == text.sentenceOf[i],
              tok(k).kind == .word || tok(k).kind == .number, !covered[k], lex.verbs.value(word: tok(k).hash) == nil,
              !Self.prepositions.contains(tok(k).hash) {
            k -= 1
        }
        // "Houthi rebels began a truce", "M23 fighters rejected the plan": a capitalised name before the head
        // stands for "the" (a lower-case word alone, "armed rebels", does not).
        let article = k >= 0 && word(k) == Words.the && text.sentenceOf[k] == text.sentenceOf[i]
        if !article {
            // The name opens at its first capitalised word ("as Iranian-backed Houthi rebels began": not at "as").
            guard let name = (k + 1..<i).first(where: { tok($0).isCapitalized }),
                  (name..<i).contains(where: {
                      tok($0).isCapitalized && !lex.places.contains(word: tok($0).hash) && !lex.stopwords.contains(word: tok($0).hash)
                  })
            else { return nil }
            k = name - 1
        }
        let p = article ? k - 1 : k
        if p >= 0, text.sentenceOf[p] == text.sentenceOf[i] {
            if let w = word(p) {
                guard Self.clauseOpeners.contains(w), !tok(p).isCapitalized || p == text.sentences[Int(text.sentenceOf[p])].lowerBound else { return nil }
            } else if !(text.isPunct(p, ",") || text.isPunct(p, ";") || text.isPunct(p, ":") || closesQuote(p)) {
                return nil
            }
        }
        return k + 1
    }

    /// "The government and the militia agreed", "the rebels and Kenya signed": the last token of a second subject
    /// joined by "and" after the name ending at `last` (a capitalised name or "the" and a few words), where the shared
    /// verb follows; nil when no such conjunct stands there.
    private func conjunctAfter(_ last: Int) -> Int? {
        guard word(last + 1) == Words.and else { return nil }
        var k = last + 2
        let lowerCase = word(k) == Words.the
        if lowerCase { k += 1 }
        let start = k
        while k < count, k - start <= Self.actingGroupModifierReach, let w = word(k), text.sentenceOf[k] == text.sentenceOf[last],
              lex.verbs.value(word: w) == nil, !Self.placeActionVerbs.contains(w), !Self.placeAuxiliaries.contains(w),
              !Self.prepositions.contains(w), tok(k).isCapitalized || lowerCase {
            k += 1
        }
        return k > start ? k - 1 : nil
    }

    /// Whether the clause's verb follows the name ending at `last`: a verb of saying, position, acting or effort, or one
    /// of turning away.
    private func actsAfter(_ last: Int) -> Bool {
        if verbFollows(last) { return true }
        var j = afterParenthetical(comma: last + 1) ?? last + 1
        var skipped = 0
        while skipped < 3, let w = word(j), Self.placeAuxiliaries.contains(w) || isAdverbInLy(j) { j += 1; skipped += 1 }
        if placeActsThroughEffort(at: j) { return true }
        guard let w = word(j), !tok(j).isCapitalized else { return false }
        return Self.withdrawalVerbs.contains(w) || AnalysisRun.actVerbs.contains(w) || lex.verbs.value(word: w) != nil
            || Self.placeActionVerbs.contains(w)
    }

    /// "largely agreed", "formally accepted": a lower-case adverb in -ly between a subject and its verb.
    func isAdverbInLy(_ k: Int) -> Bool {
        let t = tok(k)
        guard t.kind == .word, !t.isCapitalized, t.end - t.start >= 5 else { return false }
        let end = Int(t.end)
        return text.scalars[end - 2] == "l" && text.scalars[end - 1] == "y"
    }
}
