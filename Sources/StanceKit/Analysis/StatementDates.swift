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

    private func leadsIntoEvent(_ first: Int) -> Bool {
        var k = first - 1
        if word(k) == Words.on { k -= 1 }
        return word(k).map(Self.eventDateLeads.contains) ?? false
    }
}
