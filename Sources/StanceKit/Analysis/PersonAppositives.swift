/// Names newsrooms set off after a role, whose first names the given-name list may not know: "the heads of their
/// ministries, Wekesa Kamau and Ndlovu Thabani, respectively, ...", "the US special envoy to the region, Tarkan
/// Barzani, last week urged ...".
extension EntityRecognizer {
    static let roleAppositiveReach = 10
    /// Plural role nouns that an appositive list of names can follow ("the two ministers, X and Y").
    static let pluralPersonNouns = WordSet(["heads", "ministers", "leaders", "envoys", "officials", "presidents", "chiefs",
        "negotiators", "mediators", "spokesmen", "spokespeople", "representatives", "delegates", "commanders", "diplomats",
        "ambassadors", "secretaries", "governors", "senators", "lawmakers", "chairmen", "directors"])

    /// Whether the name opening at `start` stands in apposition to a role: right after a comma that closes a
    /// noun phrase with a role noun in it ("the US special envoy to the region,"), or after "and" following a
    /// name that does.
    func namedInRoleAppositive(_ start: Int) -> Bool {
        if word(start - 1) == Words.and, let previous = mentions.last, previous.last == start - 2,
           previous.actor >= 0, actors[previous.actor].kind == .person {
            return namedInRoleAppositive(previous.first)
        }
        guard start >= 2, text.isPunct(start - 1, ",") else { return false }
        var k = start - 2
        while k >= 0, start - k <= Self.roleAppositiveReach, text.sentenceOf[k] == text.sentenceOf[start], !text.isPunct(k, ",") {
            if let w = word(k), !tok(k).isCapitalized, Self.personNouns.contains(w) || Self.pluralPersonNouns.contains(w) { return true }
            k -= 1
        }
        return false
    }
}
