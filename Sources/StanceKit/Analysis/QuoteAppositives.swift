extension AnalysisRun {
    static let indefiniteArticles = WordSet(["a", "an"])
    static let relativeOpeners = WordSet(["that", "which"])

    /// "... “about the future, not about the past,” a formula that officials read as a refusal": a noun phrase
    /// after the closing mark that a relative clause describes is said of the quote; the verb inside that clause
    /// is no cue for it.
    func opensQuoteAppositive(_ range: Range<Int>) -> Bool {
        guard let first = word(range.lowerBound), Self.indefiniteArticles.contains(first) else { return false }
        // The relative word comes after the article and its noun: a tail of one or two words has none.
        let start = range.lowerBound + 2, end = min(range.upperBound, range.lowerBound + 5)
        return start < end && (start..<end).contains { word($0).map(Self.relativeOpeners.contains) ?? false && text.quoteOf[$0] < 0 }
    }
}

extension AnalysisRun {
    static let sayingNouns = WordSet(["announcement", "statement", "remarks", "comments", "pledge", "promise", "warning",
        "appeal", "declaration", "speech", "address", "message", "vow", "assurance", "assurances", "claim", "proposal"])
    static let agentReach = 4

    /// "an announcement on Monday by President X that her government would send a delegation “to listen”": a noun
    /// of saying with its author after "by" names the speaker of a quote later in the sentence.
    func sayingNounCue(in range: Range<Int>, sentence: Int) -> Cue? {
        guard let noun = range.reversed().first(where: {
            text.quoteOf[$0] < 0 && !tokens[$0].isCapitalized && (word($0).map(Self.sayingNouns.contains) ?? false)
        }) else { return nil }
        let after = (noun + 1)..<min(range.upperBound, noun + 1 + Self.agentReach)
        guard let by = after.first(where: { word($0) == Words.by }),
              let m = mentionStarting(in: (by + 1)..<min(range.upperBound, by + 1 + Self.agentReach)),
              entities.mentions[m].first > by, entities.mentions[m].actor >= 0 else { return nil }
        return .mention(m, verb: noun, sentence: sentence)
    }
}
