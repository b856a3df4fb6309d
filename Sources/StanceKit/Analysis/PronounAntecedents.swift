/// Where a person named in a sentence stands for a later "he said": the subject of a main clause does; a person
/// inside what someone else reports ("with CNN reporting that Prime Minister X issued ...", "according to the
/// paper, X ...") or named in an appositive to a preposition's object ("the arrival of the envoy, X, ...") does not.
extension AnalysisRun {
    static let reportedClauseReach = 14
    /// Verbs of a media report, which the speech lexicon leaves out ("CNN reported" quotes no one).
    static let reportingVerbs = WordSet(["reported", "reporting", "reports", "report", "quoted", "quoting", "citing",
        "cited", "learned", "revealed", "revealing", "disclosed", "confirmed", "confirming"])

    /// Whether mention `m`, which stands as a subject, does so only inside a clause another source reports, or
    /// inside an appositive to the object of a preposition.
    func standsInReportedClause(_ m: Mention) -> Bool {
        let sentence = text.sentenceOf[m.first]
        let start = max(Int(text.sentences[Int(sentence)].lowerBound), m.first - Self.reportedClauseReach)
        var k = m.first - 1
        // "according to X, C ...": the source's comma right before the person.
        if k > start, text.isPunct(k, ","),
           ((max(start, k - 8))..<k).contains(where: { word($0) == Words.according && word($0 + 1) == Words.to }) {
            return true
        }
        if appositiveToObject(m) { return true }
        while k >= start {
            if text.isPunct(k, ";") { return false }
            if word(k) == Self.thatWord, text.quoteOf[k] < 0 {
                // "reporting that", "said on Monday that": a reporting verb a few words before the "that".
                for v in stride(from: k - 1, through: max(start, k - 3), by: -1) {
                    guard let w = word(v), !tokens[v].isCapitalized else { continue }
                    if lex.verbs.value(word: w) != nil || Self.reportingVerbs.contains(w) { return true }
                }
            }
            k -= 1
        }
        return false
    }

    /// "the arrival of the envoy, X, ...", "talks with the mediator, X,": a name set off by a comma after a role
    /// noun that a preposition governs.
    func appositiveToObject(_ m: Mention) -> Bool {
        var k = m.first - 1
        guard text.isPunct(k, ",") else { return false }
        k -= 1
        var nouns = 0
        while k >= 0, m.first - k <= 6, let w = word(k) {
            let lower = !tokens[k].isCapitalized
            if lower, EntityRecognizer.personNouns.contains(w) {
                nouns += 1
            } else if !(lower && EntityRecognizer.articles.contains(w)) && !tokens[k].has(Token.allCaps) {
                break
            }
            k -= 1
        }
        guard nouns > 0, let w = word(k), !tokens[k].isCapitalized else { return false }
        return EntityRecognizer.prepositions.contains(w) && text.sentenceOf[k] == text.sentenceOf[m.first]
    }
}
