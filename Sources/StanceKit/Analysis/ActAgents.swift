extension EntityRecognizer {
    static let thankingVerbs = WordSet(["thanked", "thanks", "thank", "thanking", "praised", "praising", "credited",
        "commended", "lauded", "hailed"])

    /// "hosted by Norway", "efforts by Chile and Peru", "thanked Norway for hosting the talks": a country named as
    /// the agent of a frame act stands for its government, an actor, as it does as the act's subject. `before` is
    /// the token before the name (and its "the"), `last` the name's last token.
    func placeActsAsAgent(before: Int, last: Int) -> Bool {
        guard let w = word(before), !tok(before).isCapitalized else { return false }
        if w == Words.by, let act = word(before - 1), !tok(before - 1).isCapitalized {
            return AnalysisRun.actVerbs.contains(act) || AnalysisRun.proposalNouns.contains(act)
        }
        if Self.thankingVerbs.contains(w), word(last + 1) == AnalysisRun.forWord, let act = word(last + 2) {
            return AnalysisRun.actVerbs.contains(act)
        }
        return false
    }
}
