/// Date phrases read against the narration around them: a day named from another ("the following day"
/// after "On Friday") and a vague phrase that dates some other event than the statement's ("said ..., a week
/// after talks collapsed last week").
extension AnalysisRun {
    /// The date phrases of sentence `s`, read once and kept in `parsed`; a phrase counted from another
    /// ("the next day") is counted from the last date the narration wrote before it, in this sentence or
    /// the two before.
    func datePhrases(inSentence s: Int, parsed: inout [[DateMention]?]) -> [DateMention] {
        if let known = parsed[s] { return known }
        var found = rawDatePhrases(inSentence: s)
        if found.contains(where: { $0.anchor != nil }) {
            var before: Day?
            // Earlier sentences are read as they stand (their own anchors unresolved), so the look-back stays
            // two sentences deep whatever the text.
            for earlier in stride(from: s - 1, through: max(0, s - 2), by: -1) {
                let phrases = parsed[earlier] ?? rawDatePhrases(inSentence: earlier)
                if let last = phrases.last(where: { $0.anchor == nil && text.quoteOf[$0.first] < 0 }) {
                    before = last.day
                    break
                }
            }
            found = DateParser.resolvingAnchors(found, after: before)
        }
        parsed[s] = found
        return found
    }

    private func rawDatePhrases(inSentence s: Int) -> [DateMention] {
        let range = text.sentences[s]
        return text.scalars.withUnsafeBufferPointer {
            DateParser.mentions(tokens: tokens, range: range, scalars: $0, reference: article.published)
        }
    }

    static let cueReach = 40
    static let vagueDateStarts = WordSet(["last", "this", "earlier", "recently", "in"])
    /// Words that open a clause of its own after the cue verb: what they introduce happened on its own day.
    static let eventClauseOpeners = WordSet(["that", "after", "when", "since", "before", "because", "while", "as",
        "who", "which", "where", "whose", "whom", "following", "until", "once", "amid"])

    /// Whether a vague date phrase ("last week", "this month", "recently") in the cue verb's sentence
    /// dates another event than the saying: one standing after a clause of its own opened after the verb
    /// ("said ..., a week after his deputy met rebels last week"), or before the verb inside the subject's
    /// description ("X, who visited Kyiv last week, said"). A weekday names the saying's day too often to be
    /// read this way.
    func vagueDateOfOtherEvent(_ m: DateMention, verb: Int?) -> Bool {
        guard let verb, let first = word(m.first), Self.vagueDateStarts.contains(first),
              text.sentenceOf[verb] == text.sentenceOf[m.first] else { return false }
        let between = m.first > verb ? (verb + 1)..<m.first : (m.last + 1)..<verb
        guard !between.isEmpty else { return false }
        // Far from the verb it tells of something else; the bound keeps a sentence that never ends linear.
        guard between.count <= Self.cueReach else { return true }
        return between.contains { k in
            text.quoteOf[k] < 0 && (word(k).map(Self.eventClauseOpeners.contains) ?? false)
        }
    }
}

extension AnalysisRun {
    /// A narration sentence that names no actor ("His deputy had met rebel leaders last week.") is an aside
    /// in the speaker's scene: it neither dates the statement nor ends the search for the scene's date.
    func namesNoActor(sentence s: Int) -> Bool {
        !mentions(in: text.sentences[s]).contains { entities.mentions[$0].actor >= 0 && text.quoteOf[entities.mentions[$0].first] < 0 }
    }
}
