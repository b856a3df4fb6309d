/// People named as examples of a side the sentence before describes: "The decision drew praise from those who had
/// argued for talks. Dr. X, a historian, wrote that it came late." / "The truce was denounced by those who want the
/// offensive to go on; Senator Y said ..." The side is told by its source's clause ("those who ..."), not by the
/// example's own words, which often carry no cue.
extension AnalysisRun {
    static let those = WordHash.hash("those")
    /// Prepositions that make "those who ..." the source of a reaction ("praise from those who", "welcomed by those
    /// who", "among those who"), and not the object of someone's argument ("said those who want talks are naive").
    static let exemplarSources = WordSet(["from", "by", "among"])

    /// Gives the person who opens the sentence after "from those who <cue>" (as its subject) that clause's position,
    /// when the person's own words there carry none.
    mutating func findSideExemplars() {
        let quoteOf = text.quoteOf
        let sentences = text.sentences
        for s in sentences.indices.dropLast() {
            let sentence = sentences[s]
            guard let first = sentence.first, inBody(first) else { continue }
            guard let t = sentence.first(where: { word($0) == Self.those && quoteOf[$0] < 0 && word($0 + 1) == Words.who }),
                  let source = word(t - 1), Self.exemplarSources.contains(source) else { continue }
            var end = t + 2
            while end < sentence.upperBound, tokens[end].kind == .word || tokens[end].kind == .number || tokens[end].kind == .possessive { end += 1 }
            let signal = scorer.score([(t + 2)..<end]) { quoteOf[$0] >= 0 }
            guard signal.total > 0 else { continue }
            let next = sentences[s + 1]
            guard let opening = next.first, inBody(opening), let m = mentions(in: next).first else { continue }
            let mention = entities.mentions[m]
            guard mention.kind == .named, mention.subjectLike, mention.actor >= 0, mention.first - opening <= 1,
                  entities.actors[mention.actor].kind == .person,
                  !drafts.contains(where: { $0.actor == mention.actor && $0.sentence == s + 1 && $0.signal.total > 0 }) else { continue }
            drafts.append(StatementDraft(actor: mention.actor, kind: .description, text: text.text(t, end - 1), cue: nil,
                                         span: text.span(t, end - 1), signal: signal, sentence: s + 1))
        }
    }
}
