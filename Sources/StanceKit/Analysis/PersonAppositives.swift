/// Names newsrooms set off after a role, whose first names the given-name list may not know: "the heads of their
/// ministries, Wekesa Kamau and Ndlovu Thabani, respectively, ...", "the US special envoy to the region, Tarkan
/// Barzani, last week urged ...".
extension EntityRecognizer {
    /// Long enough for a role with an owner and a body ("The leader of President X's centre-right governing coalition
    /// in parliament, Y"): the search stops at the comma before the role anyway.
    static let roleAppositiveReach = 16
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

extension EntityRecognizer {
    /// "led by Sara Vanti and Bek Sorel", "talks between Marco Ortega and Tavo Mirel": a name of two or three words
    /// joined by "and" to a person's full name just read is a person too, whatever its first name. (Places, bodies and
    /// function words were turned away before this is asked.)
    func joinedToNamedPerson(_ start: Int, core: [Int]) -> Bool {
        guard (2...3).contains(core.count), word(start - 1) == Words.and, let previous = mentions.last,
              previous.last == start - 2, previous.last > previous.first, previous.kind == .named, previous.actor >= 0
        else { return false }
        return actors[previous.actor].kind == .person
    }
}
