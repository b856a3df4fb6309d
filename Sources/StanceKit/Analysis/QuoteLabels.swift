/// Speakers named by a line's label or by a short sentence after the quote, as some outlets write them:
/// "Source: X's statement after the talks" over lines "Quote: “...”", "Quote from X: “...”", and
/// "“The ceasefire must hold.” X has stated." (the quote ends its sentence; the cue is a sentence of its own).
extension AnalysisRun {
    static let quoteLabel = WordHash.hash("quote")
    static let sourceLabel = WordHash.hash("source")
    static let fromWord = WordHash.hash("from")
    /// How many sentences back a "Source:" line names the speaker of the "Quote:" lines under it.
    static let sourceLineReach = 30
    /// A cue sentence after a quote: the speaker, the verb and at most a few words ("on Monday", "to reporters").
    static let cueSentenceWords = 9
    static let cueSentenceTail = 4

    /// The speaker of a quote that opens a "Quote:" or "Quote from X:" line: X, or whoever the latest "Source:"
    /// line names.
    func labelCue(quote: AnalysisText.QuoteSpan) -> Cue? {
        let open = quote.open
        let line = sentenceRange(open)
        guard open > line.lowerBound, isParagraphStart(line.lowerBound), word(line.lowerBound) == Self.quoteLabel,
              let colon = (line.lowerBound..<open).first(where: { text.isPunct($0, ":") }), colon + 1 == open
        else { return nil }
        let sentence = Int(text.sentenceOf[open])
        if colon > line.lowerBound + 1 {
            guard word(line.lowerBound + 1) == Self.fromWord,
                  let m = mentionStarting(in: (line.lowerBound + 2)..<colon), entities.mentions[m].actor >= 0 else { return nil }
            return .mention(m, verb: line.lowerBound, sentence: sentence)
        }
        var s = sentence - 1
        while s >= 0, sentence - s <= Self.sourceLineReach {
            let source = text.sentences[s]
            s -= 1
            guard !source.isEmpty, isParagraphStart(source.lowerBound), word(source.lowerBound) == Self.sourceLabel,
                  text.isPunct(source.lowerBound + 1, ":") else { continue }
            let named = mentions(in: (source.lowerBound + 2)..<source.upperBound).first {
                entities.mentions[$0].actor >= 0 && entities.mentions[$0].kind == .named
            }
            return named.map { .mention($0, verb: source.lowerBound, sentence: s + 1) }
        }
        return nil
    }

    /// "“...,” ... . X has stated." / "X remarked.": a quote that ends its sentence, and a short sentence after it in
    /// the same paragraph that holds only its speaker, the speech verb and a few words after it.
    func cueSentenceAfter(quote: AnalysisText.QuoteSpan) -> Cue? {
        guard let close = quote.close, tokens[quote.last].isPunct(".") || tokens[quote.last].isPunct("!") || tokens[quote.last].isPunct("?"),
              close + 1 < tokens.count, text.quoteOf[close + 1] < 0 else { return nil }
        let next = sentenceRange(close + 1)
        guard next.lowerBound == close + 1, text.paragraphOf[next.lowerBound] == text.paragraphOf[close],
              tokens[next.upperBound - 1].isPunct("."),
              next.filter({ tokens[$0].kind == .word }).count <= Self.cueSentenceWords,
              !next.contains(where: { tokens[$0].kind == .openQuote || tokens[$0].kind == .openSingle }),
              case .mention(let m, let verb, _)? = cueIn(next, leading: true) else { return nil }
        let tail = (max(verb, entities.mentions[m].last) + 1)..<next.upperBound
        guard tail.filter({ tokens[$0].kind == .word }).count <= Self.cueSentenceTail,
              !tail.contains(where: { word($0).map { $0 == Self.thatWord || lex.verbs.value(word: $0) != nil } ?? false })
        else { return nil }
        return .mention(m, verb: verb, sentence: Int(text.sentenceOf[next.lowerBound]))
    }
}
