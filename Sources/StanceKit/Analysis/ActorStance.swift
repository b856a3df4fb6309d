extension AnalysisRun {
    static let pastMarkers = WordSet(["once", "formerly", "previously", "erstwhile", "onetime", "one-time"])
    static let recently = WordHash.hash("recently")
    static let used = WordHash.hash("used")
    static let inWord = WordHash.hash("in")
    /// How much less a position counts once the article reports it as given up.
    static let pastWeight = 0.25

    /// The weight of each draft in its actor's stance for the article. When an article reports a shift,
    /// the actor's position is the latest one: statements dated more than a week before the actor's latest,
    /// and those the journalist marks as past ("once among the backers", "until recently an advocate", "In
    /// March she said"), count for less.
    func currentWeights() -> [Double] {
        var latest = [Int](repeating: Int.min, count: entities.actors.count)
        for draft in drafts { if let day = draft.date { latest[draft.actor] = max(latest[draft.actor], day.ordinal) } }
        // Markers are found once per sentence: one sentence may hold thousands of statements.
        var markersBySentence: [Int: [PastMarker]] = [:]
        var weights: [Double] = []
        weights.reserveCapacity(drafts.count)
        for draft in drafts {
            if let day = draft.date, day.ordinal < latest[draft.actor] - 7 {
                weights.append(Self.pastWeight)
                continue
            }
            if markersBySentence[draft.sentence] == nil { markersBySentence[draft.sentence] = pastMarkers(in: draft.sentence) }
            weights.append(Self.isMarkedPast(draft, by: markersBySentence[draft.sentence] ?? []) ? Self.pastWeight : 1)
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

    /// The past markers of sentence `s`, in order: "once", "formerly", "until recently", "used to", and
    /// "In March" for an earlier month of the publication year.
    func pastMarkers(in s: Int) -> [PastMarker] {
        let sentence = text.sentences[s]
        let published = article.published
        var markers: [PastMarker] = []
        var sawComma = false
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
            var marks = Self.pastMarkers.contains(w) || (w == Self.until && word(k + 1) == Self.recently)
                || (w == Self.used && word(k + 1) == Words.to)
            if !marks, w == Self.inWord, k + 1 < sentence.upperBound, tokens[k + 1].isCapitalized, let next = word(k + 1),
               let month = DateParser.months[next], let published, month < published.month,
               word(k + 2).map({ DateParser.months[$0] == nil }) ?? true, tokens.indices.contains(k + 2), tokens[k + 2].kind != .number {
                marks = true
            }
            if marks { markers.append(PastMarker(start: Int(tokens[k].start), followsComma: sawComma)) }
        }
        return markers
    }

    /// A past marker before the statement ends, and not in an appositive before it ("Senator X, once a
    /// backer, now wants talks" marks only the appositive).
    static func isMarkedPast(_ draft: StatementDraft, by markers: [PastMarker]) -> Bool {
        for marker in markers {
            guard marker.start < draft.span.end else { break }
            if marker.start < draft.span.start, marker.followsComma, let comma = marker.nextCommaStart, comma < draft.span.start {
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
            var depth = 0
            var linked = false
            var chains = true
            for k in (previous.last + 1)..<mention.first {
                let t = tokens[k]
                if t.isPunct("(") { depth += 1; continue }
                if t.isPunct(")") { depth -= 1; continue }
                if depth > 0 || t.isPunct(",") { linked = linked || t.isPunct(","); continue }
                if let w = word(k), Self.listWords.contains(w) { linked = true; continue }
                if t.isCapitalized || t.isPunct(".") { continue }
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
