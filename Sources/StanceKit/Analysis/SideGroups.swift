/// Groups named by the side they take: "Opponents of the peace deal celebrated the results", "Supporters of the
/// accord reacted", "foes of the truce say it gives too much to the rebels". As the subject of a clause such a phrase
/// is a group of its own, and its name tells its position: what its members are for, or the other side of what they
/// are against.
extension EntityRecognizer {
    static let sideNounWords = ["opponents", "supporters", "foes", "critics", "backers", "proponents", "advocates",
        "defenders", "champions", "detractors", "enemies", "opposers"]
    static let sideNouns = WordSet(sideNounWords)
    /// Turns away nearly every token before the set is asked (callgrind: the scan of every token cost 1.7 % of the
    /// analysis without it).
    static let sideNounFilter = WordFilter(sideNounWords)
    static let sideLinks = WordSet(["of", "to"])
    /// Words that may open a subject before the side noun: "Many opponents of ...", "Some supporters of ...".
    static let sideQuantifiers = WordSet(["many", "some", "most", "other", "fierce", "staunch", "vocal", "leading"])
    /// How many words may name what the side is for or against: "of the peace deal with the rebels".
    static let sideObjectReach = 7
    /// What such a group does as a clause's subject, beyond saying and the acts of states: "celebrated the results".
    static let sideGroupVerbs = WordSet(["celebrated", "celebrate", "cheered", "cheer", "reacted", "react",
        "rallied", "rally", "protested", "protest", "marched", "march", "gathered", "fear", "feared", "fears", "worry",
        "worried", "hope", "hoped", "campaigned", "campaign", "voted", "vote", "won", "lost", "took", "poured"])

    /// Records "opponents of X" that opens a clause and is followed by its verb as a group actor.
    mutating func findSideGroups() {
        let tokens = text.tokens
        for i in tokens.indices where Self.sideNounFilter.mayContain(tokens[i].hash) && tokens[i].kind == .word
            && Self.sideNouns.contains(tokens[i].hash) && !covered[i] {
            guard let link = word(i + 1), Self.sideLinks.contains(link), text.quoteOf[i] < 0 else { continue }
            let role = text.role(ofToken: i)
            guard role == .body || role == .standfirst, sidePhraseOpensClause(i) else { continue }
            let sentence = text.sentenceOf[i]
            var last: Int?
            var k = i + 2
            while k < min(count, i + 2 + Self.sideObjectReach), tok(k).kind == .word || tok(k).kind == .possessive,
                  text.sentenceOf[k] == sentence, !covered[k] {
                if tok(k).kind == .word, verbFollows(k) || (word(k + 1).map(Self.sideGroupVerbs.contains) ?? false) { last = k; break }
                k += 1
            }
            guard let last else { continue }
            var first = i
            if i > 0, let w = word(i - 1), Self.sideQuantifiers.contains(w), text.sentenceOf[i - 1] == sentence { first = i - 1 }
            addOther(kind: .group, first: first, last: last)
        }
    }

    /// The side noun at `i` (or a quantifier before it) opens its sentence or a clause.
    private func sidePhraseOpensClause(_ i: Int) -> Bool {
        var p = i - 1
        if p >= 0, let w = word(p), Self.sideQuantifiers.contains(w) || w == Words.the { p -= 1 }
        guard p >= 0, text.sentenceOf[p] == text.sentenceOf[i] else { return true }
        if tok(p).kind == .punct { return tok(p).isPunct(",") || tok(p).isPunct(";") || tok(p).isPunct(":") || tok(p).isPunct("—") }
        return word(p).map(Self.clauseOpeners.contains) ?? false
    }
}

extension AnalysisRun {
    /// Side nouns of those against what follows them.
    static let opposingSideNouns = WordSet(["opponents", "foes", "critics", "detractors", "enemies", "opposers"])

    /// A group named by its side ("opponents of the peace deal") takes the position its name tells, once, as a
    /// description in the sentence that names it first: the cues after "of", or for those against it, the other
    /// position (in a frame of two).
    mutating func findSideGroupPositions() {
        var done = Set<Int>()
        let mentionList = entities.mentions
        for m in mentionList where m.kind == .named && m.actor >= 0 && !done.contains(m.actor) && entities.actors[m.actor].kind == .group {
            var noun = m.first
            while noun < min(m.last, m.first + 2), !(word(noun).map(EntityRecognizer.sideNouns.contains) ?? false) { noun += 1 }
            guard let w = word(noun), EntityRecognizer.sideNouns.contains(w), let link = word(noun + 1),
                  EntityRecognizer.sideLinks.contains(link), noun + 2 <= m.last else { continue }
            var signal = scorer.score([(noun + 2)..<(m.last + 1)])
            guard signal.total > 0 else { continue }
            if Self.opposingSideNouns.contains(w) {
                guard signal.weights.count == 2 else { continue }
                signal.weights.reverse()
            }
            done.insert(m.actor)
            drafts.append(StatementDraft(actor: m.actor, kind: .description, text: text.text(m.first, m.last), cue: nil,
                                         span: text.span(m.first, m.last), signal: signal, sentence: Int(text.sentenceOf[m.first])))
        }
    }
}
