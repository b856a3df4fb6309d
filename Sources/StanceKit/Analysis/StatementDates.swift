/// Which of several date phrases in a statement's sentence dates the saying: "The pause, starting on May 3, was announced
/// on Thursday" (the day of the verb of saying, not of the event it announces), "X sent a note on Sunday and officials
/// said Tuesday" (the day on the speech verb, not the first one written).
extension AnalysisRun {
    /// Words that open a date phrase naming when something else begins, holds or ends: "starting on May 3",
    /// "effective Monday", "due on Friday", "took effect on Monday", "entered into force on May 1".
    static let eventDateLeads = WordSet(["starting", "beginning", "effective", "from", "due", "scheduled", "slated",
        "expires", "expiring", "ending", "through", "till", "by", "before", "effect", "force"])

    /// The phrase of `dates` (eligible, in text order) that dates the saying: the first one written on a verb of saying
    /// ("said on Tuesday", "announced Thursday", "on Tuesday told"), else the first that does not lead into another
    /// event, else the first.
    func datingPhrase(_ dates: [DateMention]) -> DateMention? {
        guard dates.count > 1 else { return dates.first }
        if let onVerb = dates.first(where: { followsReportingVerb($0.first) || precedesSpeechVerb($0.last) }) { return onVerb }
        return dates.first { !leadsIntoEvent($0.first) } ?? dates.first
    }

    /// "on Tuesday said", "Tuesday told": a speech verb right after the phrase.
    private func precedesSpeechVerb(_ last: Int) -> Bool {
        isSpeechVerb(last + 1) || (text.isPunct(last + 1, ",") && isSpeechVerb(last + 2))
    }

    /// Words before a date that make it the day of an event planned for it: "a planned December 15 summit" (a noun
    /// after the date), "talks planned for March 3", "a vote set for Friday". (After a bare article the date may name
    /// the saying: "in the Friday phone call".)
    static let attributiveDateOpeners = WordSet(["planned", "scheduled", "proposed", "postponed", "cancelled", "canceled",
        "delayed", "rescheduled", "upcoming"])
    static let eventSchedulers = WordSet(["planned", "scheduled", "set", "slated", "postponed", "delayed", "rescheduled",
        "moved", "pushed", "fixed"])

    /// Whether date phrase `m` names the day of an event planned for it rather than a day things happened on:
    /// "a planned December 15 summit ... was cancelled", "talks planned for March 3 collapsed".
    func datesNamedEvent(_ m: DateMention) -> Bool {
        guard let before = word(m.first - 1) else { return false }
        if before == Self.forWord { return word(m.first - 2).map(Self.eventSchedulers.contains) ?? false }
        guard Self.attributiveDateOpeners.contains(before), m.last + 1 < tokens.count else { return false }
        let next = tokens[m.last + 1]
        return next.kind == .word && !next.isCapitalized && lex.verbs.value(word: next.hash) == nil
    }

    private func leadsIntoEvent(_ first: Int) -> Bool {
        var k = first - 1
        if word(k) == Words.on { k -= 1 }
        return word(k).map(Self.eventDateLeads.contains) ?? false
    }
}

/// The lead's day for the quotes of a report of the event the lead dates: "Rebel and government envoys on Tuesday
/// opened talks in Lisbon. ... “We are here in good faith,” Ortega said." The speaker's scene is the lead's event
/// while the narration names no other day and the quote was said then: in the past tense ("said", not the
/// feature's "says" or the background's "has said") and not in a setting of its own ("told CNN in an interview").
extension AnalysisRun {
    /// Settings a quote was said in that are not the event the lead reports.
    static let separateSettings = WordSet(["interview", "interviews", "podcast", "memoir", "op-ed", "documentary"])
    static let irregularPastSpeech = WordSet(["said", "told", "wrote", "spoke", "put"])

    /// The day the article's opening reports, and how far its scene runs.
    struct LeadScene {
        /// The opening sentence that names the day, and its phrase.
        var sentence: Int
        var date: DateMention
        /// The first later body sentence whose main clause names another day, or one past the last sentence asked about.
        var end: Int
    }
    /// Paragraphs from the lead in which the opening may name its day (after a one-sentence summary).
    static let sceneOpeningParagraphs = 3

    /// The scene of the lead or of the first paragraphs after it that opens with a sentence naming a day, read as far
    /// as sentence `last` (the last quote's: the sentences after it are not parsed for dates).
    func leadScene(from lead: Int, through last: Int, parsed: inout [[DateMention]?]) -> LeadScene? {
        var s = lead, paragraphs = 0
        while s < text.sentences.count, paragraphs < Self.sceneOpeningParagraphs {
            let range = text.sentences[s]
            if !range.isEmpty, inBody(range.lowerBound), isParagraphStart(range.lowerBound) {
                paragraphs += 1
                // (A closure, not the method as a value: that copies the whole run into a context at each call.)
                let day = datingPhrase(datePhrases(inSentence: s, parsed: &parsed).filter { mayDateSaying($0) })
                if let day, namesADay(day) {
                    return LeadScene(sentence: s, date: day, end: sceneEnd(after: s, through: last, day: day.day, parsed: &parsed))
                }
            }
            s += 1
        }
        return nil
    }

    /// The first body sentence after `s` whose main clause writes a day other than `day` outside quotes (one still to
    /// come, bounding a range, or in a clause about another event, "since it opened an offensive May 12", names no
    /// other scene), or `last + 1`.
    private func sceneEnd(after s: Int, through last: Int, day: Day, parsed: inout [[DateMention]?]) -> Int {
        var k = s + 1
        while k <= last, k < text.sentences.count {
            let range = text.sentences[k]
            if !range.isEmpty, inBody(range.lowerBound), datePhrases(inSentence: k, parsed: &parsed).contains(where: { m in
                m.day != day && mayDateSaying(m) && !inClauseOfItsOwn(m)
            }) { return k }
            k += 1
        }
        return k
    }

    /// A date phrase a few words after a word opening a clause of its own ("since", "who", "when"), with no comma
    /// between.
    private func inClauseOfItsOwn(_ m: DateMention) -> Bool {
        var k = m.first - 1
        let start = text.sentences[Int(text.sentenceOf[m.first])].lowerBound
        while k >= start, m.first - k <= 8, tokens[k].kind == .word {
            if Self.eventClauseOpeners.contains(tokens[k].hash) { return true }
            k -= 1
        }
        return false
    }

    /// The lead's day for `draft`, a quote within the lead's scene whose cue verb reports a saying in the simple past,
    /// outside a setting of its own. `ownSettings` keeps, per sentence asked about, whether it tells a setting of its
    /// own: a sentence may hold many quotes (a paragraph without full stops is one sentence), and is read once.
    func leadDate(for draft: StatementDraft, scene: LeadScene, ownSettings: inout [Int: Bool]) -> DateMention? {
        guard draft.kind == .direct, draft.sentence > scene.sentence, draft.sentence < scene.end, let verb = draft.verb,
              saysInSimplePast(verb) else { return nil }
        if ownSettings[draft.sentence] == nil {
            let settings = Self.separateSettings
            ownSettings[draft.sentence] = text.sentences[draft.sentence].contains {
                text.quoteOf[$0] < 0 && (word($0).map(settings.contains) ?? false)
            }
        }
        return ownSettings[draft.sentence]! ? nil : scene.date
    }

    /// "said", "told", "added": a past form of the verb, not after "has" or "had".
    func saysInSimplePast(_ verb: Int) -> Bool {
        guard let w = word(verb), !(word(verb - 1).map(Self.perfectAuxiliaries.contains) ?? false) else { return false }
        if Self.irregularPastSpeech.contains(w) { return true }
        let t = tokens[verb]
        return t.end - t.start > 3 && text.scalars[Int(t.end) - 2] == "e" && text.scalars[Int(t.end) - 1] == "d"
    }

    /// A phrase naming one day ("on Tuesday", "yesterday", "March 3"), not a span ("last week", "recently").
    func namesADay(_ m: DateMention) -> Bool {
        let last = tokens[m.last]
        return last.kind == .number || word(m.last).map { DateParser.weekdays[$0] != nil || $0 == DateParser.yesterday
            || $0 == DateParser.today || $0 == DateParser.tonight } ?? false
    }
}
