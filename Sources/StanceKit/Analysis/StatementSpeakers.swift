/// Statements, letters and communiqués as speakers: "the ministry said in a statement", "A European Union (EU)
/// statement has it that ...", "according to a joint statement from the Bolivian government". What "the statement
/// said" (or "reads", "added") later is the words of that statement's author, not of whoever was named last.
extension AnalysisRun {
    /// Words between a document's determiner and its noun: "a joint statement", "a brief written statement".
    static let documentModifiers = WordSet(["joint", "written", "brief", "short", "separate", "official", "earlier",
        "later", "new", "final", "second", "first", "lengthy", "strongly-worded", "strongly", "worded", "signed",
        "open", "formal", "terse", "televised", "press", "public"])
    static let definiteDocument = WordSet(["the", "this", "that", "its", "their", "his", "her"])
    static let documentSources = WordSet(["from", "by", "of"])
    static let issuingWords = WordSet(["signed", "issued", "released", "published"])
    /// How far back (in sentences) a document stays the one "the statement" means: press quotes run for paragraphs.
    static let documentReach: Int32 = 12

    /// Gives each reference to a document ("the statement said") the author of the document introduced last,
    /// and gives each introduction whose author is named ("a statement from X", "X's statement", "X said in a
    /// statement") a mention of that author, so "according to a statement from X" names X. One pass over the
    /// tokens; each document word looks only at the few tokens and mentions around it.
    mutating func resolveDocumentAuthors() {
        let tokens = text.tokens
        let quoteOf = text.quoteOf
        var added: [Mention] = []
        // Per document noun ("the letter" is the last letter, not the last statement), the author of the one
        // introduced last, -1 when it was introduced without a known author.
        var latestOf: [UInt64: (actor: Int, sentence: Int32)] = [:]
        for i in entities.documentWords {
            guard quoteOf[i] < 0, inBody(i), tokens[min(i + 1, tokens.count - 1)].kind != .possessive || i + 1 == tokens.count else { continue }
            let sentence = text.sentenceOf[i]
            var opener = i - 1
            while opener > i - 4, let w = word(opener), Self.documentModifiers.contains(w) { opener -= 1 }
            let sourced = documentSource(after: i)
            let source = sourced?.actor
            if source == nil, let w = word(opener), Self.definiteDocument.contains(w), !endsMention(at: opener - 1) {
                // "the statement said": the author of the document introduced last, when there is one near.
                guard let latest = latestOf[tokens[i].hash], sentence - latest.sentence <= Self.documentReach,
                      let m = documentMention(ending: i) else { continue }
                entities.mentions[m].actor = latest.actor
                continue
            }
            let author = source ?? ownerAuthor(before: opener + 1) ?? sentenceSubject(around: opener + 1, document: i)
            // An author not known yet ("he said in a statement") leaves later references as the recogniser read them.
            guard let author else { latestOf[tokens[i].hash] = nil; continue }
            latestOf[tokens[i].hash] = (author, sentence)
            guard author >= 0 else { continue }
            // "a statement from the Hungarian Foreign Ministry" names the author through its whole phrase.
            let last = sourced?.last ?? i
            let first = word(opener).map { $0 == Words.a || $0 == Words.an || Self.definiteDocument.contains($0) } ?? false ? opener : opener + 1
            // The introduction names its author as a name would ("according to a statement from X" is X's).
            if let m = documentMention(ending: i) {
                entities.mentions[m].actor = author
                entities.mentions[m].kind = .named
                entities.mentions[m].last = last
            } else {
                added.append(Mention(first: first, last: last, actor: author, kind: .named, subjectLike: false, predicateStart: last + 1))
            }
        }
        guard !added.isEmpty else { return }
        entities.mentions.append(contentsOf: added)
        entities.mentions.sort { $0.first < $1.first }
    }

    /// The collective mention a document word ends ("a statement", "the letter"), if the recogniser made one.
    func documentMention(ending i: Int) -> Int? {
        mentions(in: max(0, i - 2)..<(i + 1)).first { entities.mentions[$0].last == i && entities.mentions[$0].kind == .collective }
    }

    /// Whether a named actor's mention ends at token `t`, or its bracketed acronym does ("European Union (EU)").
    func endsMention(at t: Int) -> Bool { mentionEnding(at: t) != nil }

    func mentionEnding(at t: Int) -> Int? {
        guard t >= 0 else { return nil }
        var end = t
        if text.isPunct(end, ")"), let open = (max(0, end - 4)..<end).last(where: { text.isPunct($0, "(") }) { end = open - 1 }
        if end >= 0, tokens[end].kind == .possessive { end -= 1 }
        guard end >= 0 else { return nil }
        return mentions(in: max(0, end - 8)..<(end + 1)).last(where: {
            entities.mentions[$0].last == end && entities.mentions[$0].actor >= 0 && entities.mentions[$0].kind == .named
        })
    }

    /// "a statement from the Bolivian government", "a letter signed by X": the actor named right after the
    /// source word (with the token its mention ends at); -1 for a source that names no actor ("a joint statement from
    /// the three countries").
    func documentSource(after i: Int) -> (actor: Int, last: Int)? {
        var k = i + 1
        // "a statement released late on Thursday by X": the source may stand a few words after the participle.
        if let w = word(k), Self.issuingWords.contains(w) {
            k += 1
            while k < min(tokens.count, i + 6), let w = word(k), !Self.documentSources.contains(w), text.quoteOf[k] < 0 { k += 1 }
        }
        guard let w = word(k), Self.documentSources.contains(w), text.sentenceOf[k] == text.sentenceOf[i] else { return nil }
        // The actor must open the phrase: in "by senators including X", X is one signer, not the author.
        guard let m = mentionStarting(in: (k + 1)..<min(tokens.count, k + 3)), entities.mentions[m].actor >= 0 else { return (-1, i) }
        return (entities.mentions[m].actor, entities.mentions[m].last)
    }

    /// "A European Union (EU) statement", "the ministry's statement": the actor named just before the document.
    func ownerAuthor(before first: Int) -> Int? {
        var t = first - 1
        if let w = word(t), w == Words.a || w == Words.an || w == Words.the { t -= 1 }
        return mentionEnding(at: t).map { entities.mentions[$0].actor }
    }

    /// "X said in a statement", "X issued a joint statement", "In a communique, the bloc said": the subject of
    /// the sentence the document is introduced in (before it, else the first after it).
    func sentenceSubject(around first: Int, document i: Int) -> Int? {
        // A window around the document, not the whole sentence: a sentence that never ends can hold thousands of them.
        let sentence = sentenceRange(i)
        let found = mentions(in: max(sentence.lowerBound, i - 40)..<min(sentence.upperBound, i + 40))
        let subject: (Int) -> Bool = { m in
            let mention = entities.mentions[m]
            return mention.subjectLike && mention.actor >= 0 && text.quoteOf[mention.first] < 0
        }
        if let m = found.last(where: { entities.mentions[$0].last < first && subject($0) }) { return entities.mentions[m].actor }
        // Only a document the sentence opens with ("In a communique, the bloc said") is its later subject's: in "reads
        // a statement released by senators including X", X is no author.
        guard word(first - 1) == Words.in_ || word(first - 2) == Words.in_ else { return nil }
        return found.first(where: { entities.mentions[$0].first > i && subject($0) }).map { entities.mentions[$0].actor }
    }
}
