/// Speakers named by a line's label or by a short sentence after the quote, as some outlets write them:
/// "Source: X's statement after the talks" over lines "Quote: “...”", "Quote from X: “...”", and
/// "“The ceasefire must hold.” X has stated." (the quote ends its sentence; the cue is a sentence of its own).
extension AnalysisRun {
    static let quoteLabel = WordHash.hash("quote")
    static let sourceLabel = WordHash.hash("source")
    static let fromWord = WordHash.hash("from")
    /// How many tokens back a "Source:" line names the speaker of the "Quote:" lines under it.
    static let sourceLineReach = 600
    /// "Quote from Foreign Minister X Y:": the longest label read.
    static let labelWords = 10
    /// A cue sentence after a quote: the speaker, the verb and at most a few words ("on Monday", "to reporters").
    static let cueSentenceWords = 9
    static let cueSentenceTail = 4

    /// The speaker of a quote that opens a "Quote:" or "Quote from X:" line: X, or whoever the latest "Source:"
    /// line names.
    func labelCue(quote: AnalysisText.QuoteSpan) -> Cue? {
        let open = quote.open
        // The label opens its line (a line without a full stop may share a logical paragraph with the next).
        guard open > 0, let start = (max(0, open - Self.labelWords)..<open).first(where: { text.blockOf[$0] == text.blockOf[open] }),
              opensLine(start), word(start) == Self.quoteLabel,
              let colon = (start..<open).first(where: { text.isPunct($0, ":") }), colon + 1 == open
        else { return nil }
        let sentence = Int(text.sentenceOf[open])
        if colon > start + 1 {
            guard word(start + 1) == Self.fromWord,
                  let m = mentionStarting(in: (start + 2)..<colon), entities.mentions[m].actor >= 0 else { return nil }
            return .mention(m, verb: start, sentence: sentence)
        }
        var k = start - 1
        while k >= 0, start - k <= Self.sourceLineReach {
            defer { k -= 1 }
            guard opensLine(k), word(k) == Self.sourceLabel, text.isPunct(k + 1, ":") else { continue }
            var lineEnd = k + 2
            while lineEnd < start, text.blockOf[lineEnd] == text.blockOf[k] { lineEnd += 1 }
            let named = mentions(in: (k + 2)..<lineEnd).first {
                entities.mentions[$0].actor >= 0 && entities.mentions[$0].kind == .named
            }
            return named.map { .mention($0, verb: k, sentence: Int(text.sentenceOf[k])) }
        }
        return nil
    }

    func opensLine(_ t: Int) -> Bool { t == 0 || text.blockOf[t - 1] != text.blockOf[t] }

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
