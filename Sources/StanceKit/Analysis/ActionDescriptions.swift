/// People, organisations and groups who take part in a frame act without being quoted: "X and rebel commander Y
/// signed the truce", "talks hosted by Norway", "the deal, brokered by the EU", "efforts by X and Y to persuade the
/// general to agree a truce", "thanked Norway for hosting the talks", "X and Y held talks". Each gets a description
/// with the stance the frame gives the act; an act that carries no cue of the frame gives none.
extension AnalysisRun {
    static let actVerbWords = ["signed", "co-signed", "countersigned", "initialled", "initialed", "inked", "hosted",
        "mediated", "brokered", "signing", "hosting", "mediating", "brokering", "broker", "facilitated", "facilitating"]
    static let actVerbs = WordSet(actVerbWords)
    /// Meeting verbs: an act of the frame only when the meeting is about it (a cue after the verb, or the
    /// headline's for the article's own meeting in its first sentences).
    static let meetingVerbWords = ["met", "meet", "meets", "held", "hold", "holds", "holding"]
    static let meetingVerbs = WordSet(meetingVerbWords)
    static let heldWords = WordSet(["held", "hold", "holds", "holding"])
    static let meetingClauseEnds = WordSet(["before", "after", "when", "while", "as", "since", "until", "because", "amid",
        "following", "despite", "ahead", "shortly", "days", "weeks", "months", "which", "who", "where"])
    /// What is held when a meeting is: "held talks", "holding negotiations", "hold a summit".
    static let meetingNouns = WordSet(["talks", "negotiations", "meeting", "meetings", "summit", "consultations", "discussions"])
    /// "Egypt welcomed the move": a welcome of something told just before, whose stance it takes.
    static let welcomingVerbWords = ["welcomed", "welcomes", "welcome", "welcoming", "hailed", "hails", "applauded",
        "applauds", "praised", "praises"]
    static let welcomingVerbs = WordSet(welcomingVerbWords)
    static let referringDeterminers = WordSet(["the", "this", "that", "these", "those", "its", "their"])
    static let moveNouns = WordSet(["move", "moves", "decision", "step", "steps", "announcement", "commitment", "pledge",
        "development", "gesture", "offer"])
    /// "The presidents of A and B have expressed support": plural offices of named countries, whose holders act.
    static let pluralOfficeWords = ["presidents", "leaders", "ministers", "premiers", "chancellors"]
    static let pluralOffices = WordSet(pluralOfficeWords)
    static let listLinks = WordSet(["and", "with"])
    /// How many body sentences open an article: a meeting told there is the one its headline is about.
    static let openingSentences = 3
    /// Every word that can start an act but a noun before "by", looked up once per word before the kind of act
    /// is told apart.
    static let actTriggers = WordSet(actVerbWords + welcomingVerbWords + pluralOfficeWords + meetingVerbWords + attendingVerbWords
        + signatoryNounWords)

    /// One act found in a sentence: who did it, the words that tell what was done, and whether it is a meeting.
    struct FrameAct {
        var verb: Int
        var agents: [Int]
        var act: Range<Int>
        var meeting: Bool
        /// A signing of a pact, which takes the frame's `signing` position when its words carry no cue.
        var signsPact = false
        /// A brokering of a pact, which takes the frame's `brokering` position when its words carry no cue.
        var brokersPact = false
    }

    mutating func findActionDescriptions() {
        let quoteOf = text.quoteOf
        // Who already has a statement in which sentence, as actor and sentence in one key: read once, not per sentence.
        var described = Set(drafts.map { Int64($0.actor) << 32 | Int64($0.sentence) })
        // Read only when a meeting in the opening sentences needs it.
        var headline: StanceSignal??
        var bodySentences = 0
        for (s, sentence) in text.sentences.enumerated() {
            guard let first = sentence.first, inBody(first) else { continue }
            bodySentences += 1
            let previous = s > 0 && inBody(text.sentences[s - 1].lowerBound) ? text.sentences[s - 1] : nil
            let next = s + 1 < text.sentences.count && inBody(text.sentences[s + 1].lowerBound) ? text.sentences[s + 1] : nil
            guard var found = frameAct(in: sentence, previous: previous, next: next), !isNegatedVerb(found.verb) else { continue }
            found.agents += partiesBetween(in: sentence, except: found.agents)
            let fresh = found.agents.filter { !described.contains(Int64($0) << 32 | Int64(s)) }
            guard !fresh.isEmpty else { continue }
            var signal = scorer.score([found.act]) { quoteOf[$0] >= 0 }
            if signal.total == 0, found.signsPact, let signing = actSignal("signing", verb: found.verb) { signal = signing }
            if signal.total == 0, found.brokersPact, let brokering = actSignal("brokering", verb: found.verb) { signal = brokering }
            if signal.total == 0, found.meeting, bodySentences <= Self.openingSentences {
                if headline == nil { headline = headlineMeetingSignal() }
                if let headline = headline ?? nil { signal = headline }
            }
            guard signal.total > 0 else { continue }
            var end = sentence.upperBound - 1
            while end > sentence.lowerBound, tokens[end].kind == .punct { end -= 1 }
            for actor in fresh {
                described.insert(Int64(actor) << 32 | Int64(s))
                drafts.append(StatementDraft(actor: actor, kind: .description, text: text.text(sentence.lowerBound, end),
                                             cue: text.text(found.verb, found.verb), span: text.span(sentence.lowerBound, end),
                                             signal: signal, sentence: s))
            }
        }
    }

    /// How many words before an act's verb its negation may stand: "have not yet signed".
    static let negationReach = 3

    /// "have not signed the accords", "never brokered a deal": a negation just before the act's verb, which then
    /// tells of no act (what the clause says is read as a statement of its subject).
    func isNegatedVerb(_ t: Int) -> Bool {
        var k = t - 1
        while k >= 0, t - k <= Self.negationReach, let w = word(k) {
            if lex.polarity.value(word: w) == .negator { return true }
            k -= 1
        }
        return false
    }

    /// The sentence's first act with agents. The act is what is signed or brokered: the object after the verb,
    /// or, when the agents follow "by", the whole sentence ("The accord, signed by X, is a declaration in support
    /// of the truce"); for a welcome of "the move", the `previous` sentence that tells the move. Holders of plural
    /// offices may be named in the `next` sentence.
    func frameAct(in sentence: Range<Int>, previous: Range<Int>?, next: Range<Int>?) -> FrameAct? {
        let quoteOf = text.quoteOf
        // Read once here: a `static let` read in the loop pays its lazy-initialisation check at every token.
        let triggers = Self.actTriggers
        for t in sentence where quoteOf[t] < 0 && tokens[t].kind == .word && (!tokens[t].isCapitalized || t == sentence.lowerBound) && (triggers.contains(tokens[t].hash) || word(t + 1) == Words.by) {
            let w = tokens[t].hash
            let after = t..<sentence.upperBound
            if Self.actVerbs.contains(w) {
                if let by = passiveAgentBy(verb: t, in: sentence) {
                    let agents = actAgents(from: by + 1, in: sentence)
                    if !agents.isEmpty { return withSigningParties(FrameAct(verb: t, agents: agents, act: sentence, meeting: false), in: sentence) }
                } else if word(t - 1) == Self.forWord {
                    // "thanked Norway for hosting the talks": the one thanked did it.
                    let agents = actAgents(endingBefore: t - 1, in: sentence)
                    if !agents.isEmpty { return FrameAct(verb: t, agents: agents, act: after, meeting: false) }
                } else {
                    let agents = actAgents(endingBefore: t, in: sentence)
                    if !agents.isEmpty { return withSigningParties(FrameAct(verb: t, agents: agents, act: after, meeting: false), in: sentence) }
                }
            } else if Self.attendingVerbs.contains(w) {
                guard attendsSigning(verb: t, in: sentence) else { continue }
                let agents = actAgents(endingBefore: t, in: sentence)
                if !agents.isEmpty { return FrameAct(verb: t, agents: agents, act: after, meeting: false, signsPact: true) }
            } else if Self.welcomingVerbs.contains(w), let previous, let d = word(t + 1), Self.referringDeterminers.contains(d),
                      let noun = word(t + 2), Self.moveNouns.contains(noun) {
                let agents = actAgents(endingBefore: t, in: sentence)
                // The welcome's own words count when they carry a cue ("welcomed the move towards a truce").
                if !agents.isEmpty {
                    let own = scorer.score([after]) { quoteOf[$0] >= 0 }
                    return FrameAct(verb: t, agents: agents, act: own.total > 0 ? after : previous, meeting: false)
                }
            } else if Self.pluralOffices.contains(w), word(t + 1) != Words.of {
                if let found = nationalOfficeAct(office: t, in: sentence, next: next) { return found }
            } else if Self.pluralOffices.contains(w), word(t + 1) == Words.of {
                let (places, end) = placeList(from: t + 2, in: sentence)
                guard places.count >= 2 else { continue }
                let named = sentence.lowerBound..<(next?.upperBound ?? sentence.upperBound)
                let agents = officeHolders(of: places, in: named)
                if !agents.isEmpty { return FrameAct(verb: t, agents: agents, act: end..<sentence.upperBound, meeting: false) }
            } else if Self.proposalNouns.contains(w), word(t + 1) == Words.by {
                // "efforts by Chile and Peru to persuade ...": a list of agents (one agent's effort is a proposal,
                // which `findProposals` reads).
                let agents = actAgents(from: t + 2, in: sentence)
                if agents.count >= 2 { return FrameAct(verb: t, agents: agents, act: sentence, meeting: false) }
            } else if Self.signatoryNouns.contains(w) {
                if let found = signatoryAct(noun: t, in: sentence) { return found }
            } else if Self.meetingVerbs.contains(w) {
                // "held" is a meeting only with what is held ("held talks"); "met" is one by itself.
                if Self.heldWords.contains(w),
                   !((t + 1)..<min(sentence.upperBound, t + 4)).contains(where: { word($0).map(Self.meetingNouns.contains) ?? false }) { continue }
                var agents = actAgents(endingBefore: t, in: sentence)
                guard !agents.isEmpty else { continue }
                // What the meeting is about comes before a clause of time or circumstance: "met X in Kyiv shortly
                // before negotiations ended" says nothing of the meeting.
                let end = after.first { $0 > t && (text.isPunct($0, ",") || word($0).map(Self.meetingClauseEnds.contains) ?? false) } ?? sentence.upperBound
                // "A and B met Tuesday with C": those met with took part too, unless the meeting has a purpose,
                // which is the subject's ("met with X to dissuade him from ...").
                if let with = ((t + 1)..<min(sentence.upperBound, t + 5)).first(where: { word($0) == Words.with }),
                   !(t..<end).contains(where: { word($0) == Words.to }) {
                    for other in actAgents(from: with + 1, in: sentence) where !agents.contains(other) { agents.append(other) }
                }
                return FrameAct(verb: t, agents: agents, act: t..<end, meeting: true)
            }
        }
        return nil
    }

    /// "Colombia, Peru and Chile": the places named as a list from `start`, and the token after the list.
    func placeList(from start: Int, in sentence: Range<Int>) -> (places: [String], end: Int) {
        var places: [String] = []
        var t = start
        if word(t) == Words.the { t += 1 }
        while t < sentence.upperBound, tokens[t].isCapitalized {
            var run = t
            while run < min(sentence.upperBound, t + 3), tokens[run].isCapitalized, tokens[run].kind == .word { run += 1 }
            // The longest run of capitalised words that names a place.
            var matched: (place: String, end: Int)?
            var e = run
            while e > t, matched == nil {
                if let place = lex.places.value((t..<e).map { tokens[$0].hash }[...]) { matched = (place, e) }
                e -= 1
            }
            guard let matched else { break }
            places.append(matched.place)
            t = matched.end
            guard t < sentence.upperBound, text.isPunct(t, ",") || word(t) == Words.and else { break }
            t += 1
            if word(t) == Words.and { t += 1 }
            if word(t) == Words.the { t += 1 }
        }
        return (places, t)
    }

    /// The persons named in `range` who hold an office of one of `places` ("Colombian President X", "President X
    /// of Peru").
    func officeHolders(of places: [String], in range: Range<Int>) -> [Int] {
        var holders: [Int] = []
        for m in mentions(in: range) {
            let mention = entities.mentions[m]
            guard mention.kind == .named, isActor(mention), entities.actors[mention.actor].kind == .person,
                  let place = entities.actors[mention.actor].place, places.contains(place), !holders.contains(mention.actor) else { continue }
            holders.append(mention.actor)
        }
        return holders
    }

    /// The frame's signal in the headline when the headline tells of a meeting ("Leaders hold surprise truce
    /// talks"), or nil.
    func headlineMeetingSignal() -> StanceSignal? {
        var headline: Range<Int>?
        for sentence in text.sentences {
            guard let first = sentence.first else { continue }
            let role = text.role(ofToken: first)
            if role == .headline { headline = sentence; break }
            if role == .body { break }
        }
        guard let headline, headline.contains(where: { word($0).map { Self.meetingNouns.contains($0) || Self.meetingVerbs.contains($0) } ?? false })
        else { return nil }
        let signal = scorer.score([headline]) { text.quoteOf[$0] >= 0 }
        return signal.total > 0 ? signal : nil
    }

    /// A mention that can be an act's agent: a person however named, an organisation or group by its name (not
    /// "they", which may stand for anyone).
    func isActor(_ mention: Mention) -> Bool {
        mention.actor >= 0 && text.quoteOf[mention.first] < 0
            && (mention.kind == .named || entities.actors[mention.actor].kind == .person)
    }

    /// The agents named as a list just before `verb`, the clause's subject: "X and rebel commander Y", "X, Y
    /// and Z"; words between the last name and the verb are a few lower-case ones at most ("formally").
    func actAgents(endingBefore verb: Int, in sentence: Range<Int>) -> [Int] {
        let found = mentions(in: sentence.lowerBound..<verb)
        var agents: [Int] = []
        var boundary = verb
        for m in found.reversed() {
            let mention = entities.mentions[m]
            guard isActor(mention), mention.last < boundary else { continue }
            let gap = (mention.last + 1)..<boundary
            if agents.isEmpty {
                // "A and B on Tuesday signed": a day may stand there too; not "to" ("the Taliban to come and hold").
                let days = gap.filter { k in word(k).map { DateParser.weekdays[$0] != nil } ?? false }.count
                guard gap.count <= 2 + 2 * days, gap.allSatisfy({ k in word(k).map { ((!tokens[k].isCapitalized && lex.verbs.value(word: $0) == nil) || DateParser.weekdays[$0] != nil) && $0 != Words.to } ?? false })
                else { return [] }
            } else {
                guard gap.count <= 6, gap.contains(where: { word($0).map(Self.listLinks.contains) ?? false || text.isPunct($0, ",") }),
                      gap.allSatisfy({ text.isPunct($0, ",") || word($0).map { lex.verbs.value(word: $0) == nil } ?? false })
                else { break }
            }
            if !agents.contains(mention.actor) { agents.append(mention.actor) }
            boundary = mention.first
        }
        return agents
    }

    /// The agents named as a list from `start`, after "by": "brokered by X and Y", "signed by President A, his
    /// counterpart B and members of the Contact Group". A few lower-case words may stand before each name.
    func actAgents(from start: Int, in sentence: Range<Int>) -> [Int] {
        var agents: [Int] = []
        var t = start
        while t < sentence.upperBound {
            let window = t..<min(sentence.upperBound, t + 4)
            // A name before a role noun ("his counterpart B"): the name is the agent.
            let inWindow = mentions(in: window)
            guard let m = (inWindow.first(where: { entities.mentions[$0].kind == .named && isActor(entities.mentions[$0]) })
                           ?? inWindow.first(where: { isActor(entities.mentions[$0]) })).map(personAfterModifier) else { break }
            let mention = entities.mentions[m]
            guard isActor(mention), (t..<mention.first).allSatisfy(isAgentModifier) else { break }
            if !agents.contains(mention.actor) { agents.append(mention.actor) }
            // The list goes on after "and" or a comma.
            t = mention.last + 1
            guard t < sentence.upperBound, text.isPunct(t, ",") || word(t).map(Self.listLinks.contains) ?? false else { break }
            t += 1
            if word(t).map(Self.listLinks.contains) ?? false { t += 1 }
        }
        return agents
    }

    /// "his counterpart", "members of the": lower-case words that may stand before an agent's name; not a verb,
    /// which starts the clause's predicate ("..., is a joint declaration").
    func isAgentModifier(_ k: Int) -> Bool {
        // "Qatar’s Emir", "his Ukrainian counterpart": a place's possessive or a nationality may stand there too.
        if tokens[k].kind == .possessive { return true }
        guard let w = word(k), !tokens[k].isCapitalized || k == sentenceRange(k).lowerBound || lex.demonyms.contains(word: w)
                || lex.places.contains(word: w) else { return false }
        return lex.verbs.value(word: w) == nil && !StanceScorer.copulas.contains(w) && !EntityRecognizer.placeAuxiliaries.contains(w)
    }
}
