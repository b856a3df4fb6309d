/// People who take part in a frame act without being quoted: "X and rebel commander Y signed the truce",
/// "talks hosted by X", "the deal, brokered by X and Y". Each gets a description with the stance the frame
/// gives the sentence that tells the act; a sentence whose act carries no cue of the frame gives none.
extension AnalysisRun {
    static let actVerbs = WordSet(["signed", "co-signed", "countersigned", "initialled", "initialed", "hosted",
        "mediated", "brokered"])
    static let agentBy = WordHash.hash("by")
    static let listLinks = WordSet(["and", "with"])

    mutating func findActionDescriptions() {
        let quoteOf = text.quoteOf
        // Who already has a statement in which sentence, as actor and sentence in one key: read once, not per sentence.
        var described = Set(drafts.map { Int64($0.actor) << 32 | Int64($0.sentence) })
        for (s, sentence) in text.sentences.enumerated() {
            guard let first = sentence.first, inBody(first),
                  let verb = sentence.first(where: { quoteOf[$0] < 0 && tokens[$0].kind == .word && !tokens[$0].isCapitalized
                      && Self.actVerbs.contains(tokens[$0].hash) }) else { continue }
            let passive = word(verb + 1) == Self.agentBy
            let agents = passive ? actPersons(from: verb + 2, in: sentence) : actPersons(endingBefore: verb, in: sentence)
            let fresh = agents.filter { !described.contains(Int64($0) << 32 | Int64(s)) }
            guard !fresh.isEmpty else { continue }
            // The act is what is signed or brokered: the object after the verb, or in the passive the subject before it.
            let act = passive ? sentence.lowerBound..<verb : verb..<sentence.upperBound
            let signal = scorer.score([act]) { quoteOf[$0] >= 0 }
            guard signal.total > 0 else { continue }
            var end = sentence.upperBound - 1
            while end > sentence.lowerBound, tokens[end].kind == .punct { end -= 1 }
            for actor in fresh {
                described.insert(Int64(actor) << 32 | Int64(s))
                drafts.append(StatementDraft(actor: actor, kind: .description, text: text.text(sentence.lowerBound, end),
                                             cue: text.text(verb, verb), span: text.span(sentence.lowerBound, end),
                                             signal: signal, sentence: s))
            }
        }
    }

    /// The persons named as a list just before `verb`, the clause's subject: "X and rebel commander Y", "X, Y
    /// and Z"; words between the last name and the verb are a few lower-case ones at most ("formally").
    func actPersons(endingBefore verb: Int, in sentence: Range<Int>) -> [Int] {
        let found = mentions(in: sentence.lowerBound..<verb)
        var persons: [Int] = []
        var boundary = verb
        for m in found.reversed() {
            let mention = entities.mentions[m]
            guard mention.actor >= 0, text.quoteOf[mention.first] < 0, entities.actors[mention.actor].kind == .person,
                  mention.last < boundary else { continue }
            let gap = (mention.last + 1)..<boundary
            if persons.isEmpty {
                guard gap.count <= 2, gap.allSatisfy({ k in word(k).map { !tokens[k].isCapitalized && lex.verbs.value(word: $0) == nil } ?? false })
                else { return [] }
            } else {
                guard gap.count <= 6, gap.contains(where: { word($0).map(Self.listLinks.contains) ?? false || text.isPunct($0, ",") }),
                      gap.allSatisfy({ text.isPunct($0, ",") || word($0).map { lex.verbs.value(word: $0) == nil } ?? false })
                else { break }
            }
            if !persons.contains(mention.actor) { persons.append(mention.actor) }
            boundary = mention.first
        }
        return persons
    }

    /// The persons named as a list from `start`, the agent after "by": "brokered by X and Y".
    func actPersons(from start: Int, in sentence: Range<Int>) -> [Int] {
        var persons: [Int] = []
        var t = start
        while t < sentence.upperBound, let m = mentionStarting(in: t..<min(sentence.upperBound, t + 5)) {
            let mention = entities.mentions[m]
            guard mention.actor >= 0, text.quoteOf[mention.first] < 0, entities.actors[mention.actor].kind == .person else { break }
            if !persons.contains(mention.actor) { persons.append(mention.actor) }
            // The list goes on after "and" or a comma.
            t = mention.last + 1
            guard t < sentence.upperBound, text.isPunct(t, ",") || word(t).map(Self.listLinks.contains) ?? false else { break }
            t += 1
        }
        return persons
    }
}
