extension AnalysisRun {
    static let pastMarkers = WordSet(["once", "formerly", "previously", "erstwhile", "onetime", "one-time"])
    static let used: UInt64 = 0x7D67_8AE4_032B_59F0   // WordHash.hash("used")
    static let pastCopulas = WordSet(["was", "were"])
    static let presentAuxiliaries = WordSet(["has", "have", "is", "are"])
    /// How much less a position counts once the article reports it as given up.
    static let pastWeight = 0.25

    /// The weight of each draft in its actor's stance for the article. When an article reports a shift,
    /// the actor's position is the latest one: statements dated more than a week before the actor's latest,
    /// and those the journalist marks as past ("once among the backers", "until recently an advocate", "In
    /// March she said"), count for less; `markedPast` tells the latter.
    func currentWeights() -> [(weight: Double, markedPast: Bool)] {
        var latest = [Int](repeating: Int.min, count: entities.actors.count)
        for d in drafts.indices { if let day = drafts[d].date { latest[drafts[d].actor] = max(latest[drafts[d].actor], day.ordinal) } }
        // Markers are found once per sentence: one sentence may hold thousands of statements.
        // By sentence index in an array: a dictionary SipHashed the key at every read.
        var markersBySentence = [[PastMarker]?](repeating: nil, count: text.sentences.count)
        var weights: [(weight: Double, markedPast: Bool)] = []
        weights.reserveCapacity(drafts.count)
        // By index: `for draft in drafts` copied each whole draft (its strings and signal) to read four fields.
        for d in drafts.indices {
            if let day = drafts[d].date, day.ordinal < latest[drafts[d].actor] - 7 {
                weights.append((Self.pastWeight, false))
                continue
            }
            let sentence = drafts[d].sentence
            if markersBySentence[sentence] == nil { markersBySentence[sentence] = pastMarkers(in: sentence) }
            let marked = Self.isMarkedPast(drafts[d].span, by: markersBySentence[sentence] ?? [])
            weights.append((marked ? Self.pastWeight : 1, marked))
        }
        return weights
    }

    /// A word outside quotes that puts what follows in the past, with the commas around it.
    struct PastMarker {
        var start: Int
        var followsComma: Bool
        /// Where the first comma after the marker starts, if the sentence has one.
        var nextCommaStart: Int?
    }

    /// The past markers of sentence `s`, in order: "once", "formerly", "until recently", "used to", "In
    /// March" for an earlier month of the publication year, and "For two months, ... was".
    func pastMarkers(in s: Int) -> [PastMarker] {
        let sentence = text.sentences[s]
        let published = article.published
        var markers: [PastMarker] = []
        var sawComma = false
        // Read once here: a `static let` read in the loop pays its lazy-initialisation check at every token.
        let pastMarkerWords = Self.pastMarkers
        for k in sentence {
            if text.isPunct(k, ",") {
                sawComma = true
                let start = Int(tokens[k].start)
                var index = markers.count - 1
                while index >= 0, markers[index].nextCommaStart == nil {
                    markers[index].nextCommaStart = start
                    index -= 1
                }
                continue
            }
            guard text.quoteOf[k] < 0, let w = word(k) else { continue }
            var marks = pastMarkerWords.contains(w) || (w == Self.until && word(k + 1) == DateParser.recently)
                || (w == Self.used && word(k + 1) == Words.to)
            if !marks, w == Words.in_, k + 1 < sentence.upperBound, tokens[k + 1].isCapitalized, let next = word(k + 1),
               let month = DateParser.months[next], let published, month < published.month,
               word(k + 2).map({ DateParser.months[$0] == nil }) ?? true, tokens.indices.contains(k + 2), tokens[k + 2].kind != .number {
                marks = true
            }
            // After a dateline too: "SAINT VERENA — For two months, ...".
            var opensSpan = false
            if !marks, w == Self.forWord, k == sentence.lowerBound || text.isPunct(k - 1, "—") || text.isPunct(k - 1, "–") || text.isPunct(k - 1, "-") {
                opensSpan = opensPastSpan(k..<sentence.upperBound)
                marks = opensSpan
            }
            // The span opens its clause, whatever commas a dateline put before it.
            if marks { markers.append(PastMarker(start: Int(tokens[k].start), followsComma: sawComma && !opensSpan)) }
        }
        return markers
    }

    /// "For two months, X was ...", "For most of the war, Y was ...": a span of time opening a sentence in
    /// the simple past tells what no longer holds ("For two years, Z has ..." still does).
    func opensPastSpan(_ clause: Range<Int>) -> Bool {
        guard let comma = clause.prefix(8).first(where: { text.isPunct($0, ",") }) else { return false }
        for k in (comma + 1)..<min(clause.upperBound, comma + 16) where text.quoteOf[k] < 0 {
            guard let w = word(k) else { continue }
            if Self.presentAuxiliaries.contains(w) { return false }
            if Self.pastCopulas.contains(w) { return true }
        }
        return false
    }

    /// A past marker before the statement ends, and not in an appositive before it ("Senator X, once a
    /// backer, now wants talks" marks only the appositive).
    static func isMarkedPast(_ span: TextSpan, by markers: [PastMarker]) -> Bool {
        for marker in markers {
            guard marker.start < span.end else { break }
            if marker.start < span.start, marker.followsComma, let comma = marker.nextCommaStart, comma < span.start {
                continue
            }
            return true
        }
        return false
    }
}

extension AnalysisRun {
    static let listWords = WordSet(["and", "along", "with", "as", "well", "together"])

    /// The mentions of `found` listed right after mention `m` as one subject: "Mike Lee (R-Utah) and Chris
    /// Murphy (D-Conn.), along with Democratic Reps. Ro Khanna (Calif.) and Mark Pocan (Wis.)". Between
    /// two names stand only commas, bracketed tags, capitalised titles and "and", "along with".
    func namesListedAfter(_ m: Int, in found: [Int]) -> [Int] {
        var listed: [Int] = []
        var previous = entities.mentions[m]
        for next in found where entities.mentions[next].first > previous.last {
            let mention = entities.mentions[next]
            // "and Republican leader X": a party or body named before the next person only modifies them.
            if mention.actor >= 0, entities.actors[mention.actor].kind != .person { continue }
            var depth = 0
            var linked = false
            var chains = true
            for k in (previous.last + 1)..<mention.first {
                let t = tokens[k]
                if t.isPunct("(") { depth += 1; continue }
                if t.isPunct(")") { depth -= 1; continue }
                if depth > 0 || t.isPunct(",") { linked = linked || t.isPunct(","); continue }
                if let w = word(k), Self.listWords.contains(w) { linked = true; continue }
                // "and Republican leader Mitch McConnell": an office in lower case before the next name.
                if let w = word(k), lex.roleNouns.value(word: w) != nil || lex.groupMembers.contains(word: w) { continue }
                // "Chuck Schumer, D-N.Y., and ...": an AP party tag without brackets.
                if t.isCapitalized || t.isPunct(".") || t.isPunct("-") { continue }
                chains = false
                break
            }
            guard chains, linked else { break }
            listed.append(next)
            previous = mention
        }
        return listed
    }
}

extension AnalysisRun {
    static let subjectOpeners = WordSet(["the", "a", "an", "some", "many", "most", "few", "several", "other", "others",
        "i", "we", "you", "he", "she", "they", "it", "this", "that", "these", "those", "nobody", "no", "every", "each"])

    /// "..., but 41 legislators voted ...", "but the caucus wants ...": a clause that names its own subject
    /// (a number, a determiner, a pronoun or a name) does not share the previous clause's.
    func opensWithOwnSubject(_ t: Int) -> Bool {
        guard t < tokens.count else { return false }
        let token = tokens[t]
        if token.kind == .number || token.isCapitalized { return true }
        return token.kind == .word && Self.subjectOpeners.contains(token.hash)
    }
}

extension AnalysisRun {
    static let leaderNouns = WordSet(["spokesman", "spokeswoman", "spokesperson", "chair", "chairman", "chairwoman",
        "chairperson", "co-chair", "leader", "head", "founder", "co-founder", "cofounder", "director", "organiser",
        "organizer", "president", "convener", "coordinator"])
    static let leaderVerbs = WordSet(["chairs", "co-chairs", "leads", "heads", "founded", "co-founded", "cofounded",
        "directs", "runs"])
    static let ledBy = WordSet(["led", "chaired", "headed", "founded", "co-founded", "directed"])
    static let possessiveDeterminers = WordSet(["its", "whose", "their"])
    static let leaderLinks = WordSet(["of", "for", "at"])

    /// A political group speaks through the person who chairs, leads or speaks for it ("its spokesman, X", "the caucus,
    /// whose chair, Y, said", "Z, who co-founded the movement", "the committee, led by W"): the group takes
    /// that person's position, and the person the group's.
    mutating func shareWithLeaders() {
        var ownSignals: [Int: StanceSignal] = [:]
        // By index: `for draft in drafts` copied each whole draft (its strings and signal) to read two fields.
        for d in drafts.indices { ownSignals[drafts[d].actor, default: StanceSignal(positions: frame.positions.count)].add(drafts[d].signal) }
        guard !ownSignals.isEmpty else { return }
        for (person, group) in leadership() {
            for (from, to) in [(person, group), (group, person)] {
                if let signal = ownSignals[from], signal.total > 0 { memberSignals[to, default: StanceSignal(positions: frame.positions.count)].add(signal) }
            }
        }
    }

    /// The (person, group) pairs of named people who lead or speak for a political group, in text order.
    /// Found apart from `shareWithLeaders` because calling the helpers on `self` from a mutating method
    /// copies the whole run at each call.
    private func leadership() -> [(person: Int, group: Int)] {
        var pairs: [(person: Int, group: Int)] = []
        var lastGroup: Int?
        for index in entities.mentions.indices {
            // Fields read in place: a copy of each mention retained its strings.
            let (actor, first, kind) = (entities.mentions[index].actor, entities.mentions[index].first, entities.mentions[index].kind)
            guard actor >= 0, text.quoteOf[first] < 0, inBody(first) else { continue }
            if entities.actors[actor].kind != .person {
                lastGroup = index
                continue
            }
            // An institution's officers ("the chairman of the Joint Chiefs") hold offices, not its position.
            guard kind == .named, let group = ledGroup(ofPersonAt: index, lastGroup: lastGroup), isPoliticalGroup(group) else { continue }
            pairs.append((actor, group))
        }
        return pairs
    }

    /// A group, or an organisation named as one ("the Peace Caucus", "the Stand With Velmaria coalition").
    private func isPoliticalGroup(_ actor: Int) -> Bool {
        let draft = entities.actors[actor]
        guard draft.kind != .group else { return true }
        guard draft.kind == .organization, let head = draft.name.split(separator: " ").last else { return false }
        return lex.groupNameEnds.contains(word: WordHash.hash(head))
    }

    /// The group (an actor index) that the person named by mention `index` leads or speaks for, if the
    /// words around the name say so. `lastGroup` is the latest group or organisation mention before it.
    private func ledGroup(ofPersonAt index: Int, lastGroup: Int?) -> Int? {
        let m = entities.mentions[index]
        let sentence = text.sentenceOf[m.first]
        func group(endingAt t: Int) -> Int? {
            let found = mentions(in: max(0, t - 8)..<(t + 1)).last { entities.mentions[$0].last == t && entities.mentions[$0].actor >= 0 }
            return found.map { entities.mentions[$0].actor }.flatMap { entities.actors[$0].kind == .person ? nil : $0 }
        }
        func group(startingIn range: Range<Int>) -> Int? {
            let found = mentions(in: range).first { entities.mentions[$0].actor >= 0 && entities.actors[entities.mentions[$0].actor].kind != .person }
            return found.map { entities.mentions[$0].actor }
        }
        // Before the name: "its spokesman, X", "whose chair, X", "the caucus's chair X", "Peace Caucus chair X".
        var k = m.first - 1
        if text.isPunct(k, ",") { k -= 1 }
        if let noun = word(k), Self.leaderNouns.contains(noun) {
            if let owner = word(k - 1), Self.possessiveDeterminers.contains(owner), let g = lastGroup {
                let named = entities.mentions[g]
                if sentence - text.sentenceOf[named.first] <= 2 { return named.actor }
            }
            if k >= 1, tokens[k - 1].kind == .possessive { return group(endingAt: k - 2) }
            if let g = group(endingAt: k - 1) { return g }
        }
        // "the committee, led by X": the group just before the participle.
        if tokens.indices.contains(m.first - 2), word(m.first - 1) == Words.by, let verb = word(m.first - 2), Self.ledBy.contains(verb) {
            var g = m.first - 3
            if text.isPunct(g, ",") { g -= 1 }
            if let found = group(endingAt: g) { return found }
        }
        // "the faction's leader": the latest group whose name ends in that noun.
        func groupNamed(by t: Int) -> Int? {
            guard word(t - 1) == Words.the, let head = word(t), let g = lastGroup,
                  tokens[entities.mentions[g].last].hash == head, sentence - text.sentenceOf[entities.mentions[g].first] <= 2 else { return nil }
            return entities.mentions[g].actor
        }
        // In an appositive after the name: ", who chairs the caucus", ", a co-founder of the movement", ", a
        // nurse who co-founded the movement", ", the faction's leader".
        guard text.isPunct(m.last + 1, ",") else { return nil }
        var j = m.last + 2
        while j + 1 < min(tokens.count, m.last + 18), tokens[j].kind == .word || tokens[j].kind == .possessive, text.quoteOf[j] < 0 {
            let w = tokens[j].hash
            if tokens[j].kind == .possessive {
                if let noun = word(j + 1), Self.leaderNouns.contains(noun) { return group(endingAt: j - 1) ?? groupNamed(by: j - 1) }
                j += 1
                continue
            }
            if w == Words.who, let verb = word(j + 1), Self.leaderVerbs.contains(verb) {
                return group(startingIn: (j + 2)..<min(tokens.count, j + 5))
            }
            if Self.leaderNouns.contains(w), let link = word(j + 1), Self.leaderLinks.contains(link) {
                return group(startingIn: (j + 2)..<min(tokens.count, j + 5))
            }
            j += 1
        }
        return nil
    }
}
