/// "“The blockade must end,” it said", "The ministry issued a note. It added that talks would resume": "it" just before
/// a verb of saying stands for the organisation, government or group named last (a person is "he" or "she"), so the
/// body speaks, not the last person named.
extension EntityRecognizer {
    static let it: UInt64 = 0x08B7_3E07_B55C_55F0   // WordHash.hash("it")
    /// Adverbs between "it" and the verb: "it also said", "it further warned".
    static let speechAdverbs = WordSet(["also", "further", "later", "earlier", "separately", "then", "again"])

    /// The reference "it" at `i` makes when a speech verb follows it, as `collectiveReference` gives one.
    func institutionPronoun(at i: Int) -> (first: Int, organisations: Bool)? {
        guard tok(i).hash == Self.it else { return nil }
        var k = i + 1
        if let w = word(k), Self.speechAdverbs.contains(w) { k += 1 }
        guard let verb = word(k), !tok(k).isCapitalized, lex.verbs.value(word: verb) == .speech else { return nil }
        return (i, true)
    }
}
