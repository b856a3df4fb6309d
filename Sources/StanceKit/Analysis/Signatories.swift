/// People and states named as the signatories of a pact: "A and B were among the signatories of the communique",
/// "Signatories to the accord included A, B and C", "A, a signatory of the declaration, said ...". Signing is the
/// frame's `signing` act, told by a noun instead of a verb.
extension AnalysisRun {
    static let signatoryNounWords = ["signatories", "signatory", "co-signatories", "co-signatory", "cosignatories", "cosignatory"]
    static let signatoryNouns = WordSet(signatoryNounWords)
    /// Words between the signatories and the list of them after: "included", "were", a colon.
    static let signatoryListOpeners = WordSet(["included", "include", "includes", "including", "were", "are", "was", "is"])
    /// Words between a list of names and the signatory noun after them: "were among the", "is one of the", "was a".
    static let signatoryLinks = WordSet(["were", "was", "are", "is", "among", "the", "a", "an", "one", "of", "also",
        "both", "all", "two", "three", "its", "as", "been", "have", "has", "became", "become", "key", "original", "main"])
    /// How far after the signatory noun the pact must be named: "signatories to the 2019 Doha accord".
    static let signatoryPactReach = 8

    /// The signing told by the signatory noun at `t`, with the agents listed after it or before it.
    func signatoryAct(noun t: Int, in sentence: Range<Int>) -> FrameAct? {
        let pactNamed = ((t + 1)..<min(sentence.upperBound, t + Self.signatoryPactReach)).contains {
            word($0).map(Self.pactNouns.contains) ?? false
        }
        guard pactNamed else { return nil }
        var agents: [Int] = []
        // After: "Signatories to the accord included A and B", "the signatories, A and B, ...".
        var k = t + 1
        while k < sentence.upperBound, !text.isPunct(k, "."), k - t <= Self.signatoryPactReach + 2 {
            if text.isPunct(k, ":") || (word(k).map(Self.signatoryListOpeners.contains) ?? false) {
                agents = actAgents(from: k + 1, in: sentence)
                break
            }
            k += 1
        }
        // Before: "A and B were among the signatories", "A, one of the signatories, said".
        if agents.isEmpty {
            var b = t - 1
            while b >= sentence.lowerBound, t - b <= 6, text.isPunct(b, ",") || (word(b).map(Self.signatoryLinks.contains) ?? false) { b -= 1 }
            if b >= sentence.lowerBound, b < t - 1 { agents = actAgents(endingBefore: b + 1, in: sentence) }
        }
        guard !agents.isEmpty else { return nil }
        return FrameAct(verb: t, agents: agents, act: (t + 1)..<sentence.upperBound, meeting: false, signsPact: true)
    }
}
