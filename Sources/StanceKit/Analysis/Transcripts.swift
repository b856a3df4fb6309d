extension AnalysisRun {
    /// Words after a comma in a transcript label that mark the newsroom's own voice ("KELEMEN, BYLINE:").
    static let journalistLabels = WordSet(["byline", "host", "anchor", "reporter", "correspondent", "interviewer",
        "moderator", "narrator"])
    /// Labels for voices the transcript does not name ("UNIDENTIFIED MAN", "CROWD"): no one's statement.
    static let unnamedLabels = WordSet(["unidentified", "unknown", "crowd", "audience", "protesters", "protester",
        "group", "voice", "voices", "announcer", "translator", "interpreter", "caller", "participant", "participants"])
    /// Words in a label that may stand between a name and its colon, or longer: "SEN. X Y (R), SOUTH CAROLINA:".
    static let labelReach = 14
    static let mixedCaseLabelReach = 8

    /// A transcript turn: a paragraph opening with a speaker label and a colon.
    struct TranscriptTurn {
        /// The label's name tokens (without a role after a comma).
        var name: Range<Int>
        var turn: ClosedRange<Int>
        var journalist: Bool
    }

    /// Interview and hearing transcripts ("SULLIVAN: We will ...", "JAMES RISCH: ...", "Mr. Blinken: ...")
    /// quote the labelled speaker directly for the rest of the paragraph. The newsroom's own turns (a label
    /// marked BYLINE or HOST, and later turns of the same person) are left alone.
    mutating func findTranscriptTurns() {
        let turns = transcriptTurns()
        guard !turns.isEmpty else { return }
        var journalists = Set<Int>()
        var speakers: [Int] = []
        // Several labelled turns make the article a transcript, where a label in capitals names a person.
        let isTranscript = turns.count >= 3
        for turn in turns {
            let actor = transcriptSpeaker(turn.name, isTranscript: isTranscript)
            speakers.append(actor)
            if turn.journalist || isBylineName(turn.name), actor >= 0 { journalists.insert(actor) }
        }
        // The newsroom's voice takes no side, wherever else it is named.
        for actor in journalists { entities.actors[actor].participant = false }
        for (turn, actor) in zip(turns, speakers) where actor >= 0 && !journalists.contains(actor) {
            entities.actors[actor].participant = true
            let range = turn.turn.lowerBound..<(turn.turn.upperBound + 1)
            drafts.append(StatementDraft(actor: actor, kind: .direct, text: text.text(turn.turn.lowerBound, turn.turn.upperBound),
                                         cue: nil, span: text.span(turn.turn.lowerBound, turn.turn.upperBound),
                                         signal: scorer.score([range]), sentence: Int(text.sentenceOf[turn.name.lowerBound])))
        }
    }

    /// Body paragraphs that open with a label: words in capitals ("JAMES RISCH", "KELEMEN, BYLINE") or a
    /// person named in ordinary case ("Mr. Blinken"), then a colon and the turn itself.
    func transcriptTurns() -> [TranscriptTurn] {
        var found: [TranscriptTurn] = []
        // Read once: this loop visits every token, and `tokens` is a computed view of `text`. The closure holds
        // the array alone: one that used `self` copied the whole analysis run each time it was made.
        let tokens = text.tokens
        // A label in capitals may run longer and carry a bracket; one in ordinary case is a name and its colon.
        let capitalsOnly: (Int) -> Bool = { tokens[$0].kind != .word || tokens[$0].has(Token.allCaps) }
        var t = 0
        while t < tokens.count {
            defer { t += 1 }
            guard isParagraphStart(t), inBody(t), tokens[t].kind == .word, tokens[t].isCapitalized else { continue }
            var end = paragraphEnd(t)
            var reach = t + 1
            while reach < min(end + 1, t + Self.labelReach), !text.isPunct(reach, ":"), capitalsOnly(reach) || reach < t + Self.mixedCaseLabelReach { reach += 1 }
            guard reach <= end, text.isPunct(reach, ":") else { continue }
            let colon = reach
            let inCapitals = (t..<colon).allSatisfy(capitalsOnly)
            guard inCapitals || colon < t + Self.mixedCaseLabelReach else { continue }
            var turnStart = colon + 1
            if colon == end {
                // "MARY KELLER, HOST:" on a line of its own: the turn is the next paragraph.
                guard end + 1 < tokens.count, inBody(end + 1) else { continue }
                turnStart = end + 1
                end = paragraphEnd(turnStart)
            }
            var nameEnd = colon
            var journalist = false
            // "X, BYLINE:", "SEN. X (R), SOUTH CAROLINA:": the name ends at the comma or bracket.
            if let stop = (t..<colon).first(where: { text.isPunct($0, ",") || (inCapitals && text.isPunct($0, "(")) }) {
                nameEnd = stop
                journalist = ((stop + 1)..<colon).contains { word($0).map(Self.journalistLabels.contains) ?? false }
            }
            let name = t..<nameEnd
            let words = name.filter { tokens[$0].kind == .word }
            guard !words.isEmpty, !words.contains(where: { Self.unnamedLabels.contains(tokens[$0].hash) }) else { continue }
            let capitals = words.allSatisfy { tokens[$0].has(Token.allCaps) && !tokens[$0].has(Token.dotted) && tokens[$0].end - tokens[$0].start >= 2 }
            let namedPerson = mentionStarting(in: t..<(t + 1)).map { m in
                entities.mentions[m].last + 1 == nameEnd && entities.mentions[m].actor >= 0
                    && entities.actors[entities.mentions[m].actor].kind == .person
            } ?? false
            guard capitals || namedPerson else { continue }
            found.append(TranscriptTurn(name: name, turn: turnStart...end, journalist: journalist))
            t = end
        }
        return found
    }

    /// The person a label names: a person mentioned there, one with that surname, or, for a full name in
    /// capitals that starts with a given name ("ROYA RAHMANI") or stands in a transcript, a new person.
    mutating func transcriptSpeaker(_ name: Range<Int>, isTranscript: Bool) -> Int {
        for m in mentions(in: name) where entities.mentions[m].actor >= 0 && entities.actors[entities.mentions[m].actor].kind == .person {
            return entities.mentions[m].actor
        }
        var words = name.filter { tokens[$0].kind == .word }
        guard let surname = words.last else { return -1 }
        // "PRIME MINISTER ARNO VELDKAMP": the title is no part of the name.
        let title = entities.matchTitle(at: words[0]).flatMap { $0.end <= surname ? $0 : nil }
        if let title { words.removeAll { $0 < title.end } }
        if let known = entities.actors.lastIndex(where: { $0.kind == .person && $0.key == tokens[surname].hash }) { return known }
        guard words.count >= 2, words.count <= 4, isTranscript || lex.givenNames.contains(word: tokens[words[0]].hash),
              !words.contains(where: { lex.stopwords.contains(word: tokens[$0].hash) || lex.places.contains(word: tokens[$0].hash)
                  || lex.orgHeads.contains(word: tokens[$0].hash) || lex.orgNames.contains(word: tokens[$0].hash) })
        else { return -1 }
        let spelled = words.map { k -> String in
            let w = text.text(k, k)
            return w.prefix(1).uppercased() + w.dropFirst().lowercased()
        }
        let index = entities.actors.count
        entities.actors.append(ActorDraft(name: spelled.joined(separator: " "), kind: .person, key: tokens[surname].hash,
                                          given: tokens[words[0]].hash, mentionCount: 1, nameTokens: words.count))
        if let title {
            entities.actors[index].titles.insert(title.title.canonical)
            entities.actors[index].role = title.title.canonical
            entities.actors[index].gender = title.title.gender
        }
        let at = firstMention(from: name.lowerBound)
        entities.mentions.insert(Mention(first: name.lowerBound, last: name.upperBound - 1, actor: index, kind: .named, subjectLike: false), at: at)
        return index
    }

    func paragraphEnd(_ t: Int) -> Int {
        var end = t
        while end + 1 < tokens.count, text.paragraphOf[end + 1] == text.paragraphOf[t] { end += 1 }
        return end
    }

    /// Whether a label names the article's reporter ("KELEMEN:" under the byline "By Michele Kelemen").
    func isBylineName(_ name: Range<Int>) -> Bool {
        guard let surname = name.last(where: { tokens[$0].kind == .word }) else { return false }
        return article.byline.contains { byline in
            Tokenizer.tokenize(byline).tokens.last(where: { $0.kind == .word })?.hash == tokens[surname].hash
        }
    }
}
