extension AnalysisRun {
    /// "Senator X, one of the steadfast backers of Velmaria's war effort, said ...": an appositive between
    /// a subject and its verb is the journalist's description of that person's position.
    mutating func findAppositiveDescriptions() {
        let quoteOf = text.quoteOf
        for m in entities.mentions where m.kind == .named && m.subjectLike && m.actor >= 0 && inBody(m.first) && quoteOf[m.first] < 0 {
            // A country or body too: "Norway, the host of the talks, said ...", "Kenya, a longtime mediator, ...".
            guard m.predicateStart > m.last + 2,
                  let open = (m.last + 1..<m.predicateStart).first(where: { text.isPunct($0, ",") }) else { continue }
            var end = m.predicateStart
            while end > open + 1, tokens[end - 1].kind == .punct { end -= 1 }
            let apposition = (open + 1)..<end
            guard !apposition.isEmpty, !apposition.contains(where: { quoteOf[$0] >= 0 }) else { continue }
            let signal = scorer.score([apposition])
            guard signal.total > 0 else { continue }
            drafts.append(StatementDraft(actor: m.actor, kind: .description, text: text.text(apposition.lowerBound, apposition.upperBound - 1),
                                         cue: nil, span: text.span(apposition.lowerBound, apposition.upperBound - 1),
                                         signal: signal, sentence: Int(text.sentenceOf[m.first])))
        }
    }
}

extension AnalysisRun {
    static let spokespeople = WordSet(["spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen"])
    static let forWord: UInt64 = 0xDCB2_7818_FED9_DA90   // WordHash.hash("for")

    /// "a spokesperson for the State Department": the organisation speaks through its spokesperson (for a
    /// person, "a spokesman for Mr. X", the speaker stays unnamed).
    func speaksFor(mention m: Int) -> Bool {
        let mention = entities.mentions[m]
        guard mention.actor >= 0, entities.actors[mention.actor].kind != .person, mention.first >= 2,
              word(mention.first - 1) == Self.forWord else { return false }
        return word(mention.first - 2).map(Self.spokespeople.contains) ?? false
    }
}

extension AnalysisRun {
    static let proposalNouns = WordSet(["plan", "plans", "proposal", "proposals", "push", "call", "calls", "effort",
        "efforts", "bid", "demand", "demands", "initiative", "campaign", "offer", "attempt", "attempts", "drive"])

    /// "the Trump administration", "the X government": an office word right after a name, which the name
    /// stands for.
    func namesOffice(after t: Int) -> Bool {
        guard let w = word(t + 1), !tokens[t + 1].isCapitalized else { return false }
        return Self.officeWords.contains(w)
    }
    static let officeWords = WordSet(["administration", "government", "campaign", "team", "cabinet", "camp", "regime"])

    /// "President X's plan for ending the war", "efforts by Senator Y to end the war": a plan or a push named
    /// as an actor's is that actor's position, wherever the name stands in the sentence.
    mutating func findProposals() {
        let quoteOf = text.quoteOf
        for m in entities.mentions where m.actor >= 0 && m.kind != .pronoun && inBody(m.first) && quoteOf[m.first] < 0 {
            let start: Int
            if m.last + 2 < tokens.count, tokens[m.last + 1].kind == .possessive, let noun = word(m.last + 2), Self.proposalNouns.contains(noun) {
                start = m.last + 2
            } else if let by = [m.first - 1, m.first - 2].first(where: { word($0) == Words.by }), let noun = word(by - 1),
                      Self.proposalNouns.contains(noun), by == m.first - 1 || word(m.first - 1) == Words.the,
                      let to = [m.last + 1, m.last + 2].first(where: { word($0) == Words.to }), to == m.last + 1 || namesOffice(after: m.last) {
                // "efforts by the Kremlin to ...", "efforts by the X administration to ...".
                start = to
            } else {
                continue
            }
            // The proposal runs to the end of its clause.
            var end = start
            let sentence = text.sentenceOf[m.first]
            while end < min(tokens.count, start + 24), text.sentenceOf[end] == sentence, quoteOf[end] < 0,
                  !(tokens[end].kind == .punct && (tokens[end].isPunct(",") || tokens[end].isPunct(";") || tokens[end].isPunct(":"))) {
                end += 1
            }
            let proposal = start..<end
            recordProposal(proposal, actor: m.actor, sentence: Int(sentence))
        }
        findAgentsOfProposals()
    }

    static let agentParticiples = WordSet(["led", "spearheaded", "brokered", "mediated", "hosted", "sponsored",
        "championed", "proposed", "drafted", "authored", "introduced", "backed", "pushed", "offered", "floated"])

    /// "peace talks spearheaded by UN envoy X", "a truce brokered by Y": the noun phrase just before a
    /// participle of leading or proposing is the position of the actor named after "by".
    mutating func findAgentsOfProposals() {
        let quoteOf = text.quoteOf
        for index in entities.mentions.indices {
            let m = entities.mentions[index]
            // "by UN Yemen envoy X": the person, reached from the name; the organisation only modifies them.
            guard m.actor >= 0, m.kind == .named, m.first >= 3, inBody(m.first), quoteOf[m.first] < 0,
                  personAfterModifier(index) == index else { continue }
            // Capitalised modifiers and a lower-case office may stand between "by" and the name.
            var by = m.first - 1
            while by > m.first - 5, by > 0, word(by) != Words.by, tokens[by].kind == .word,
                  tokens[by].isCapitalized || EntityRecognizer.personNouns.contains(tokens[by].hash) {
                by -= 1
            }
            guard word(by) == Words.by, let participle = word(by - 1), Self.agentParticiples.contains(participle) else { continue }
            let actor = m.actor
            var start = by - 1
            let sentence = text.sentenceOf[m.first]
            while start > by - 7, start > 0, text.sentenceOf[start - 1] == sentence, quoteOf[start - 1] < 0,
                  tokens[start - 1].kind == .word || tokens[start - 1].kind == .number || tokens[start - 1].kind == .possessive {
                start -= 1
            }
            recordProposal(start..<(by - 1), actor: actor, sentence: Int(sentence))
        }
    }

    /// Records a proposal the journalist ascribes to `actor`, when it carries cues.
    mutating func recordProposal(_ proposal: Range<Int>, actor: Int, sentence: Int) {
        guard !proposal.isEmpty else { return }
        let signal = scorer.score([proposal])
        guard signal.total > 0 else { return }
        drafts.append(StatementDraft(actor: actor, kind: .description, text: text.text(proposal.lowerBound, proposal.upperBound - 1),
                                     cue: nil, span: text.span(proposal.lowerBound, proposal.upperBound - 1),
                                     signal: signal, sentence: sentence))
    }
}
