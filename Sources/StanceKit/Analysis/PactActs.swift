/// Acts whose position lies in the act itself, not in its words: signing an accord, a declaration or a document
/// between parties ("A and B then signed the document", "The second text, signed by A and B, ..."), attending its
/// signing ("attended the signing ceremony"), standing by at it ("in the presence of President C"), being the party
/// signed with ("signed an accord with C") or met ("the truce meeting between A and B was hosted by C"). A signing
/// whose words carry no cue of the frame takes the frame's `[acts] signing` position.
extension AnalysisRun {
    /// What is signed between parties; "agreement" and "deal" without a cue of their own are such a text too.
    static let pactNouns = WordSet(["agreement", "agreements", "accord", "accords", "deal", "deals", "declaration",
        "declarations", "document", "documents", "memorandum", "memoranda", "treaty", "treaties", "pact", "pacts",
        "protocol", "protocols", "communique", "communiqué", "communiques", "communiqués", "roadmap", "text",
        "texts", "charter", "framework", "frameworks", "armistice", "truce", "ceasefire", "cease-fire"])
    static let signingVerbs = WordSet(["signed", "co-signed", "countersigned", "initialled", "initialed", "signing", "inked"])
    /// How far after a signing verb its object's head may stand: "signed the Comprehensive Peace Accord".
    static let signedObjectReach = 7
    /// Verbs of attending what is named after them: an act of the frame when that is a signing.
    static let attendingVerbWords = ["attended", "attends", "attend", "attending", "witnessed", "witnesses", "witnessing"]
    static let attendingVerbs = WordSet(attendingVerbWords)
    static let signingNouns = WordSet(["signing", "signature", "signatures"])
    /// Words between a passive signing verb and the text signed before it: "The document was jointly signed by".
    static let passiveFillers = WordSet(["was", "were", "is", "are", "been", "being", "has", "have", "had", "be",
        "jointly", "formally", "later", "then", "also", "finally", "eventually"])
    /// Prepositions that end the object of a signing before its noun: "signed into law", "signed off on".
    static let objectEnds = WordSet(["of", "to", "by", "with", "for", "from", "at", "in", "on", "about", "against",
        "into", "off", "after", "before", "under", "over", "up"])
    static let presenceWord = WordHash.hash("presence")
    static let between = WordHash.hash("between")
    /// Nouns of a meeting whose parties are named after "between".
    static let meetingPartyNouns = WordSet(["talks", "negotiations", "meeting", "meetings", "summit", "consultations",
        "discussions", "encounter", "conversation", "call", "dialogue"])

    /// Whether the signing verb at `t` signs a pact: the text signed stands before "signed by" (its subject) or as
    /// the object after the verb, behind a few modifiers ("a framework accord", "separate but identical agreements").
    func signsPact(verb t: Int, in sentence: Range<Int>) -> Bool {
        guard let w = word(t), Self.signingVerbs.contains(w) else { return false }
        return pactIsObject(of: t, in: sentence)
    }

    /// Verbs of bringing parties to a pact: "brokered the deal", "the accord, brokered by Qatar".
    static let brokeringVerbs = WordSet(["brokered", "brokering", "broker", "brokers"])

    /// Whether the verb at `t` brokers a pact, which takes the frame's `[acts] brokering` position when its words carry
    /// no cue ("Tomas Ebre, who brokered the deal, ..."; "brokered the talks" has a cue of its own).
    func brokersPact(verb t: Int, in sentence: Range<Int>) -> Bool {
        guard let w = word(t), !tokens[t].isCapitalized, Self.brokeringVerbs.contains(w) else { return false }
        return pactIsObject(of: t, in: sentence)
    }

    /// Whether a pact is what the verb at `t` acts on: its subject before a passive ("The accord, signed by") or
    /// its object after it.
    private func pactIsObject(of t: Int, in sentence: Range<Int>) -> Bool {
        if passiveAgentBy(verb: t, in: sentence) != nil {
            var k = t - 1
            while k >= sentence.lowerBound, t - k <= 4, text.isPunct(k, ",") || (word(k).map(Self.passiveFillers.contains) ?? false) { k -= 1 }
            return k >= sentence.lowerBound && (word(k).map(Self.pactNouns.contains) ?? false)
        }
        // A pact is often named in capitals ("signed the Doha Agreement", "the Comprehensive Peace Accord"): a
        // capitalised word is part of the object's name, never a preposition or a verb that ends it.
        for k in (t + 1)..<min(sentence.upperBound, t + Self.signedObjectReach) {
            // "the 2019 accord": a year or a number names which one.
            if tokens[k].kind == .number { continue }
            guard let object = word(k) else { return false }
            if Self.pactNouns.contains(object) { return true }
            if !tokens[k].isCapitalized, Self.objectEnds.contains(object) || lex.verbs.value(word: object) != nil { return false }
        }
        return false
    }

    /// Words before a verb that make it passive: "was signed", "were jointly brokered".
    static let passiveMarkers = WordSet(["was", "were", "is", "are", "been", "being", "be", "jointly", "formally"])
    /// How many words of place and time may stand between a passive act's verb and the "by" of its agents.
    static let passiveAgentReach = 8

    /// The "by" that names the agents of the act at `t`: right after the verb ("signed by"), or after words of place
    /// and time when the verb is passive or opens a participle clause ("was signed in Nairobi on Sunday by", "The
    /// accord, brokered last week in Doha by").
    func passiveAgentBy(verb t: Int, in sentence: Range<Int>) -> Int? {
        if word(t + 1) == Words.by { return t + 1 }
        guard t > sentence.lowerBound, text.isPunct(t - 1, ",") || (word(t - 1).map(Self.passiveMarkers.contains) ?? false) else { return nil }
        var k = t + 1
        while k < min(sentence.upperBound, t + Self.passiveAgentReach), tokens[k].kind == .word || tokens[k].kind == .number {
            if word(k) == Words.by { return k }
            // An object after the verb makes it active: "signed the accord by the river" names no agent.
            if let w = word(k), Self.pactNouns.contains(w) { return nil }
            k += 1
        }
        return nil
    }

    /// "attended the signing ceremony", "witnessed the signing of the accord": an attending verb whose object
    /// (within a few words, in the same clause) is a signing.
    func attendsSigning(verb t: Int, in sentence: Range<Int>) -> Bool {
        for k in (t + 1)..<min(sentence.upperBound, t + 5) {
            guard let w = word(k) else { return false }
            if Self.signingNouns.contains(w) { return true }
        }
        return false
    }

    /// A signing act with the parties named around it: those signed with ("signed an accord with C and D") and
    /// those in whose presence it was signed.
    func withSigningParties(_ act: FrameAct, in sentence: Range<Int>) -> FrameAct {
        if brokersPact(verb: act.verb, in: sentence) {
            var found = act
            found.brokersPact = true
            return found
        }
        guard signsPact(verb: act.verb, in: sentence) else { return act }
        var found = act
        found.signsPact = true
        func addAgents(from start: Int) {
            for other in actAgents(from: start, in: sentence) where !found.agents.contains(other) { found.agents.append(other) }
        }
        var k = act.verb + 1
        while k < sentence.upperBound, !text.isPunct(k, ".") {
            if word(k) == Words.with, k - act.verb <= 8 {
                addAgents(from: k + 1)
            } else if word(k) == Self.presenceWord, word(k + 1) == Words.of {
                addAgents(from: k + 2)
                break
            }
            k += 1
        }
        return found
    }

    /// "The truce meeting between A and B": the people named after "between" a meeting noun of a sentence that
    /// tells a frame act, other than `known`. Only people: "talks between Israel and Qatar" names places.
    func partiesBetween(in sentence: Range<Int>, except known: [Int]) -> [Int] {
        var parties: [Int] = []
        for t in sentence where word(t) == Self.between && text.quoteOf[t] < 0 {
            guard let noun = word(t - 1), Self.meetingPartyNouns.contains(noun) else { continue }
            let named = actAgents(from: t + 1, in: sentence).filter { entities.actors[$0].kind == .person }
            guard named.count >= 2 else { continue }
            for actor in named where !known.contains(actor) && !parties.contains(actor) { parties.append(actor) }
        }
        return parties
    }

    /// The signal of an act whose words carry no cue: the frame's position for its kind, with the verb as evidence.
    func actSignal(_ kind: String, verb: Int) -> StanceSignal? {
        guard let position = scorer.frame.actPositions[kind] else { return nil }
        var signal = StanceSignal(positions: frame.positions.count)
        signal.weights[position] = 1
        signal.evidence = [text.text(verb, verb)]
        return signal
    }
}
