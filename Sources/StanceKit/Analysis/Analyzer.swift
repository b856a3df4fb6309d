/// Turns a source document into actors and dated, stance-scored statements within a frame. Pure and
/// immutable: one analyser can serve many threads.
public struct Analyzer: Sendable {
    public let frame: Frame
    let compiled: CompiledFrame

    /// - Precondition: the frame's cues compile (frames from `FrameLibrary` always do).
    public init(frame: Frame = FrameLibrary.defaultFrame) {
        self.frame = frame
        do { compiled = try CompiledFrame(frame) } catch {
            preconditionFailure("frame \(frame.id) has a bad cue: \(error)")
        }
    }

    public func analyze(_ doc: SourceDocument) -> ArticleAnalysis {
        let scalars = Scalars.of(doc.text)
        let hidden = Markup.hiddenMask(scalars)
        let article = ArticleParser.parse(doc, scalars: scalars, hidden: hidden)
        var run = AnalysisRun(text: AnalysisText(article: article, scalars: scalars, hidden: hidden), frame: frame, compiled: compiled)
        return run.perform()
    }

    public func analyze(article: Article) -> ArticleAnalysis {
        var run = AnalysisRun(text: AnalysisText(article: article), frame: frame, compiled: compiled)
        return run.perform()
    }
}

/// One analysis in progress; all state lives here, nothing is shared.
struct AnalysisRun {
    let article: Article
    let frame: Frame
    let text: AnalysisText
    var scorer: StanceScorer
    let lex = Lexicon.shared
    var entities: EntityRecognizer
    var drafts: [StatementDraft] = []
    /// The mention that names each quote's speaker, when one does.
    var cueMentionOfQuote: [Int: Int] = [:]
    /// Positions that people take as named members of a group ("the senators who signed the letter are X, Y").
    var memberSignals: [Int: StanceSignal] = [:]

    struct StatementDraft {
        var actor: Int
        var kind: StatementKind
        var text: String
        var cue: String?
        var span: TextSpan
        var date: Day?
        var dateText: String?
        var signal: StanceSignal
        /// The sentence whose date phrases date it; for inherited quotes the head quote's.
        var sentence: Int
        /// The cue verb's token, for direct quotes with a cue.
        var verb: Int? = nil
        /// For a quote that continues an earlier one, the sentence it closes in: a date phrase there
        /// ("..., the minister said on Tuesday") dates it before the earlier quote's does.
        var ownSentence: Int? = nil
    }

    init(text: AnalysisText, frame: Frame, compiled: CompiledFrame) {
        self.article = text.article
        self.frame = frame
        self.text = text
        scorer = StanceScorer(frame: compiled, text: text)
        entities = EntityRecognizer(text: text)
    }

    mutating func perform() -> ArticleAnalysis {
        entities.run()
        resolveDocumentAuthors()
        learnParties()
        var cues = text.quotes.indices.map { findCue(quote: $0) }
        shareCuesAcrossFragments(&cues)
        for (q, cue) in cues.enumerated() {
            if case .mention(let m, _, _) = cue {
                cueMentionOfQuote[q] = m
                entities.mentions[m].subjectLike = true
            }
        }
        resolvePronouns()
        attributeQuotes(cues)
        findTranscriptTurns()
        findReportedStatements()
        findRelativeClauses()
        findAppositiveDescriptions()
        findActionDescriptions()
        findProposals()
        findSideGroupPositions()
        findSideExemplars()
        assignDates()
        shareGroupPositions()
        shareWithNamedMembers()
        shareWithLeaders()
        return assemble()
    }

    // MARK: text helpers

    var tokens: [Token] { text.tokens }
    func word(_ i: Int) -> UInt64? { i >= 0 && i < tokens.count && tokens[i].kind == .word ? tokens[i].hash : nil }
    func isSpeechVerb(_ i: Int) -> Bool {
        guard let w = word(i), !tokens[i].isCapitalized || i == text.sentences[Int(text.sentenceOf[i])].lowerBound else { return false }
        return lex.verbs.value(word: w) == .speech
    }
    /// Verbs that characterise something in the subject's words: "called the attack “a war crime”".
    static let characterisingVerbs = WordSet(["called", "calls", "condemned", "denounced", "dismissed", "described",
        "praised", "hailed", "branded", "labeled", "labelled", "termed",
        "thanked", "thanks", "credited", "credits", "commended", "lauded", "applauded", "congratulated",
        "expressed", "expresses", "voiced", "pointed"])
    func isCharacterisingVerb(_ i: Int) -> Bool {
        guard let w = word(i), !tokens[i].isCapitalized, text.quoteOf[i] < 0 else { return false }
        return Self.characterisingVerbs.contains(w)
    }
    /// "reiterated that", "urged that": a verb of position before the clause it reports, whose quoted words (a
    /// clause's worth, not a scare-quoted phrase) are the subject's.
    func opensReportedClause(_ i: Int) -> Bool {
        guard word(i + 1) == Words.that, let w = word(i), !tokens[i].isCapitalized, text.quoteOf[i] < 0 else { return false }
        return lex.verbs.value(word: w) != nil
    }
    func inBody(_ t: Int) -> Bool {
        let role = text.role(ofToken: t)
        return role == .body || role == .standfirst
    }
    func sentenceRange(_ t: Int) -> Range<Int> { text.sentences[Int(text.sentenceOf[t])] }

    /// Index of the first mention starting at or after token `t` (mentions are sorted by start).
    func firstMention(from t: Int) -> Int {
        var lo = 0, hi = entities.mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entities.mentions[mid].first < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Indices of the mentions starting inside `range`.
    func mentions(in range: Range<Int>) -> Range<Int> {
        let a = firstMention(from: range.lowerBound)
        var b = a
        while b < entities.mentions.count, entities.mentions[b].first < range.upperBound { b += 1 }
        return a..<b
    }

    func mentionStarting(in range: Range<Int>) -> Int? {
        let found = mentions(in: range)
        return found.isEmpty ? nil : groupJoining(personAfterModifier(found.lowerBound))
    }

    /// "White House national security adviser Jake Sullivan": an organisation named just before a
    /// person, with only lower-case role words between, modifies that person, who is the one meant.
    func personAfterModifier(_ m: Int) -> Int {
        // Fields read in place: copies of the two mentions (retaining their strings) cost more than the test.
        let mentions = entities.mentions
        guard mentions[m].actor >= 0, entities.actors[mentions[m].actor].kind != .person, m + 1 < mentions.count else { return m }
        let last = mentions[m].last, next = (actor: mentions[m + 1].actor, first: mentions[m + 1].first)
        guard next.actor >= 0, entities.actors[next.actor].kind == .person, next.first - last <= 5,
              ((last + 1)..<next.first).allSatisfy({ tokens[$0].kind == .word && !tokens[$0].isCapitalized && !isSpeechVerb($0) })
        else { return m }
        return m + 1
    }

    // MARK: quotes

    enum Cue {
        case mention(Int, verb: Int, sentence: Int)
        case anonymous
        case none
    }

    static let anonymousWords = WordSet(["they", "officials", "official", "aides", "sources", "people",
        "analysts", "experts", "diplomats", "spokesman", "spokeswoman", "spokesperson", "it", "we", "i", "you"])

    /// Where a quote's speaker is named: after it ("...," he said), before it (X said: "...").
    func findCue(quote q: Int) -> Cue {
        let quote = text.quotes[q]
        guard inBody(quote.first) else { return .none }
        let close = quote.close ?? quote.last
        // After the closing mark, within the same sentence.
        var t = close + 1
        // "...?” Murphy said." The question or exclamation mark ends a sentence, but the cue still follows.
        let endsAsked = tokens[quote.last].isPunct("?") || tokens[quote.last].isPunct("!")
        if t < tokens.count, text.sentenceOf[t] == text.sentenceOf[close] || (endsAsked && sentenceRange(t).lowerBound == t && text.blockOf[t] == text.blockOf[close]),
           text.quoteOf[t] < 0 {
            while t < tokens.count, tokens[t].kind == .punct, tokens[t].isPunct(",") || tokens[t].isPunct("—") { t += 1 }
            let sentence = sentenceRange(min(t, tokens.count - 1))
            var end = min(sentence.upperBound, t + 40)
            if let nextQuote = (t..<end).first(where: { tokens[$0].kind == .openQuote || tokens[$0].kind == .openSingle }) { end = nextQuote }
            if let found = cueIn(t..<end, leading: true) { return found }
            // "“parallel moves” were under way, Mr Kerry said.": a cue closing the sentence.
            if end == sentence.upperBound, let comma = (t..<end).last(where: { tokens[$0].isPunct(",") && text.quoteOf[$0] < 0 }),
               end - comma <= 10, let found = cueIn((comma + 1)..<end, leading: true) {
                return found
            }
        }
        // Before the opening mark: the sentence so far, or the previous sentence ending with a colon.
        let open = quote.open
        let sentence = sentenceRange(open)
        if open > sentence.lowerBound {
            let before = sentence.lowerBound..<open
            let lastMark = tokens[open - 1]
            // "said he “was not surprised”", "called the attack “a war crime”": a partial quote of any length
            // inside a sentence whose verb reports speech or a position is its subject's words.
            // ("said Saturday at a campaign rally in X that Russia should do “...”", "threatening to “dismantle ...”":
            // the verb may stand a long clause before the quote.)
            let embedded = lastMark.kind == .word
                && (max(sentence.lowerBound, open - 30)..<open).contains { isSpeechVerb($0) || isCharacterisingVerb($0) || isPositionVerb($0) }
            if lastMark.isPunct(":") || lastMark.isPunct(",") || embedded || (lastMark.kind == .word && quote.innerWords >= 4),
               let found = cueIn(before.clamped(to: max(sentence.lowerBound, open - 40)..<open), leading: false, report: embedded) {
                return found
            }
        } else if open > 0, tokens[open - 1].isPunct(":"), Int(text.paragraphOf[open]) - Int(text.paragraphOf[open - 1]) <= 1 {
            let previous = sentenceRange(open - 1)
            if let found = cueIn(previous, leading: false) { return found }
        }
        return labelCue(quote: quote) ?? cueSentenceAfter(quote: quote) ?? .none
    }

    /// "“We have asked one day more” in order to “finalize details,” negotiators said": fragments of one sentence
    /// joined by words without a verb of their own share the cue of the fragment after them.
    func shareCuesAcrossFragments(_ cues: inout [Cue]) {
        guard cues.count > 1 else { return }
        for q in stride(from: cues.count - 2, through: 0, by: -1) {
            guard case .none = cues[q], case .mention = cues[q + 1] else { continue }
            let quote = text.quotes[q], next = text.quotes[q + 1]
            let close = quote.close ?? quote.last
            guard inBody(quote.first), text.sentenceOf[close] == text.sentenceOf[next.open], next.open - close <= 8,
                  !((close + 1)..<next.open).contains(where: { word($0).map { lex.verbs.value(word: $0) != nil } ?? false })
            else { continue }
            cues[q] = cues[q + 1]
        }
    }

    /// A speech verb with its subject in `range`: "he said", "said Charles A. Kupchan", "X, a ..., told".
    func cueIn(_ range: Range<Int>, leading: Bool, report: Bool = false) -> Cue? {
        guard !range.isEmpty else { return nil }
        let sentence = Int(text.sentenceOf[range.lowerBound])
        // "according to X"
        if let w = word(range.lowerBound), w == Words.according, range.count > 1, word(range.lowerBound + 1) == Words.to {
            if let m = mentionStarting(in: (range.lowerBound + 2)..<min(range.upperBound, range.lowerBound + 5)) {
                return .mention(m, verb: range.lowerBound, sentence: sentence)
            }
            return .anonymous
        }
        if leading {
            if opensQuoteAppositive(range) { return nil }
            // "said X" / "X said": the verb or the subject opens the tail.
            if isSpeechVerb(range.lowerBound) {
                // "said X", "said Ukraine's foreign minister, X": the first actor named after the verb (not one after
                // "of": "said of the mediator", "said a commander of Holt" name what was said about).
                let near = (range.lowerBound + 1)..<min(range.upperBound, range.lowerBound + 4)
                if near.contains(where: { word($0).map(Self.anonymousWords.contains) ?? false }),
                   mentionStarting(in: near) == nil { return .anonymous }
                let after = (range.lowerBound + 1)..<min(range.upperBound, range.lowerBound + 9)
                if let m = mentions(in: after).first(where: {
                    (entities.mentions[$0].actor >= 0 || entities.mentions[$0].kind == .pronoun) && word(entities.mentions[$0].first - 1) != Words.of
                }) {
                    return .mention(m, verb: range.lowerBound, sentence: sentence)
                }
                return nil
            }
            // "X said", "Ukraine's foreign minister, X, said": a subject near the start, then the verb.
            let head = range.lowerBound..<min(range.upperBound, range.lowerBound + 6)
            if let m = mentionStarting(in: head) {
                // "a spokesman for Mr. X said" names X but quotes someone else.
                let lead = range.lowerBound..<entities.mentions[m].first
                let anonymousLead = lead.contains { word($0).map(Self.anonymousWords.contains) ?? false }
                    && !speaksFor(mention: m)
                if !anonymousLead, let verb = speechVerb(after: entities.mentions[m].last, in: range) {
                    return .mention(m, verb: verb, sentence: sentence)
                }
            }
            for k in head where word(k).map(Self.anonymousWords.contains) ?? false {
                if speechVerb(after: k, in: range) != nil { return .anonymous }
            }
            return nil
        }
        // Before the quote: the last speech verb, its subject before it (or after: "said X:").
        guard let verb = range.reversed().first(where: {
            isSpeechVerb($0) || opensReportedClause($0) || (report && (isCharacterisingVerb($0) || isPositionVerb($0)))
        }) else {
            return sayingNounCue(in: range, sentence: sentence)
        }
        let subjects = mentions(in: range).filter { entities.mentions[$0].last < verb }
        if let m = subjects.last(where: { entities.mentions[$0].subjectLike }) ?? subjects.last {
            return .mention(groupJoining(m), verb: verb, sentence: sentence)
        }
        if word(verb + 1) != Words.of, let m = mentionStarting(in: (verb + 1)..<min(range.upperBound, verb + 4)) {
            return .mention(m, verb: verb, sentence: sentence)
        }
        return .anonymous
    }

    /// The first speech verb after `from` in the range, skipping an appositive.
    func speechVerb(after from: Int, in range: Range<Int>) -> Int? {
        var k = from + 1
        while k < range.upperBound {
            if isSpeechVerb(k) { return k }
            if tokens[k].kind == .openQuote { return nil }
            k += 1
        }
        return nil
    }

    /// Subject pronouns take the most recent compatible person standing as a subject within a few
    /// sentences (a quote's speaker counts as one), else the most recent compatible person.
    mutating func resolvePronouns() {
        var mentions = entities.mentions
        let genders = Array(Set(mentions.lazy.filter { $0.kind == .pronoun }.map(\.gender)))
        guard !genders.isEmpty else { return }
        // Per sentence and per pronoun gender, the mentions of people a pronoun could take, nearest last.
        // A person whose gender becomes known never fits the other gender again, so one that no longer
        // fits is dropped from the top for good: each pronoun costs amortised constant time, however
        // many mentions a sentence holds (a paragraph without full stops is one long sentence). Only the
        // last four sentences are ever asked, so they live in four slots, sentence s in slot s % 4.
        struct Candidates {
            var sentence = -1
            var subjects: [[Int]]
            var all: [[Int]]
        }
        let window = 4
        var slots = [Candidates](repeating: Candidates(subjects: Array(repeating: [], count: genders.count),
                                                        all: Array(repeating: [], count: genders.count)), count: window)
        func fits(_ actor: Int, _ gender: Lexicon.Gender) -> Bool {
            let known = entities.actors[actor].gender
            return known == .unknown || known == gender
        }
        func nearestFitting(_ stack: inout [Int], _ gender: Lexicon.Gender) -> Int? {
            while let top = stack.last {
                if fits(mentions[top].actor, gender) { return mentions[top].actor }
                stack.removeLast()
            }
            return nil
        }
        var lastSubject: Int?
        for index in mentions.indices {
            let sentence = Int(text.sentenceOf[mentions[index].first])
            if mentions[index].kind == .pronoun {
                let gender = mentions[index].gender
                let g = genders.firstIndex(of: gender)!
                var chosen = -1
                // The subject of the nearest sentence that has a fitting one ("The plan was drafted by Y. “...,” he
                // said": the one who acts, not the name in the passive or the object); else the nearest person named.
                let searched = stride(from: sentence, through: max(0, sentence - (window - 1)), by: -1)
                for s in searched where slots[s % window].sentence == s {
                    if let actor = nearestFitting(&slots[s % window].subjects[g], gender) {
                        chosen = actor
                        break
                    }
                }
                if chosen < 0 {
                    for s in searched where slots[s % window].sentence == s {
                        if let actor = nearestFitting(&slots[s % window].all[g], gender) {
                            chosen = actor
                            break
                        }
                    }
                }
                mentions[index].actor = chosen
                if chosen >= 0, entities.actors[chosen].gender == .unknown { entities.actors[chosen].gender = gender }
            }
            // Tested in place, then copied: most mentions are no person's in the narration, and a copy retains the
            // mention's strings.
            let (actor, first) = (mentions[index].actor, mentions[index].first)
            guard actor >= 0, inBody(first), text.quoteOf[first] < 0, entities.actors[actor].kind == .person else { continue }
            let m = mentions[index]
            let slot = sentence % window
            if slots[slot].sentence != sentence {
                slots[slot].sentence = sentence
                for g in genders.indices {
                    slots[slot].subjects[g].removeAll(keepingCapacity: true)
                    slots[slot].all[g].removeAll(keepingCapacity: true)
                }
            }
            // "X said the general had told him ...": the subject of the reported clause is no subject a
            // later "he said" reaches; the one reporting is.
            var standsAsSubject = m.subjectLike
            if standsAsSubject, let reporter = lastSubject, text.sentenceOf[reporter] == Int32(sentence), reporter < m.first,
               ((reporter + 1)..<m.first).suffix(12).contains(where: { word($0).map { lex.verbs.value(word: $0) != nil } ?? false }) {
                standsAsSubject = false
            }
            if standsAsSubject, standsInReportedClause(m) { standsAsSubject = false }
            if standsAsSubject { lastSubject = m.last }
            for (g, gender) in genders.enumerated() where fits(m.actor, gender) {
                slots[slot].all[g].append(index)
                if standsAsSubject { slots[slot].subjects[g].append(index) }
            }
        }
        entities.mentions = mentions
    }

    mutating func attributeQuotes(_ cues: [Cue]) {
        var speakerOfQuote: [Int: (actor: Int, draft: Int)] = [:]
        for (q, quote) in text.quotes.enumerated() {
            guard inBody(quote.first) else { continue }
            var actor = -1
            var cueText: String?
            var sentence = Int(text.sentenceOf[quote.close ?? quote.last])
            var inherited: Int?
            var verbToken: Int?
            switch cues[q] {
            case .mention(let m, let verb, let s):
                actor = entities.mentions[m].actor
                cueText = cuePhrase(verb)
                sentence = s
                verbToken = verb
            case .anonymous:
                continue
            case .none:
                // A quote with no cue continues the previous speaker's, in the same or the previous paragraph.
                guard quote.innerWords > 3 || quoteStandsAlone(quote), q > 0, let previous = speakerOfQuote[q - 1] else { continue }
                let prior = text.quotes[q - 1]
                let paragraphGap = Int(text.paragraphOf[quote.open]) - Int(text.paragraphOf[prior.last])
                guard paragraphGap == 0 || (paragraphGap == 1 && isParagraphStart(quote.open)) else { continue }
                let between = (prior.close ?? prior.last)..<quote.open
                // ("“...,” Y said after his deputy, X, had signed the deal. “...”": a subject in the cue's own sentence
                // is no new speaker.)
                let cueSentence = text.sentenceOf[prior.close ?? prior.last]
                let interrupted = mentions(in: between).map { entities.mentions[$0] }.contains {
                    $0.subjectLike && $0.actor >= 0 && $0.actor != previous.actor && text.sentenceOf[$0.first] != cueSentence
                        && $0.kind == .named && text.quoteOf[$0.first] < 0 && entities.actors[$0.actor].kind == .person
                }
                guard !interrupted else { continue }
                actor = previous.actor
                inherited = previous.draft
            }
            guard actor >= 0 else { continue }
            if quote.innerWords <= 3, inherited == nil, verbToken == nil, !quoteStandsAlone(quote) { continue }
            let inner = quote.parts.map { text.text($0.lowerBound, $0.upperBound - 1) }.joined(separator: " ")
            // The span ends where the text does: without the comma before the closing mark.
            var spanEnd = quote.last
            while spanEnd > quote.first, tokens[spanEnd].isPunct(",") { spanEnd -= 1 }
            let signal = scorer.score(quote.parts)
            let draft = StatementDraft(actor: actor, kind: .direct, text: trimQuote(inner), cue: cueText,
                                       span: text.span(quote.first, spanEnd), signal: signal,
                                       sentence: inherited.map { drafts[$0].sentence } ?? sentence,
                                       verb: inherited.flatMap { drafts[$0].verb } ?? verbToken,
                                       ownSentence: inherited == nil ? nil : Int(text.sentenceOf[quote.close ?? quote.last]))
            speakerOfQuote[q] = (actor, inherited ?? drafts.count)
            drafts.append(draft)
        }
    }

    /// A short quote is a statement only when it is a sentence of its own ("Seize the moment," he said).
    func quoteStandsAlone(_ quote: AnalysisText.QuoteSpan) -> Bool {
        let lastInner = tokens[quote.last]
        let endsWithMark = lastInner.kind == .punct && (lastInner.isPunct(",") || lastInner.isPunct(".") || lastInner.isPunct("!") || lastInner.isPunct("?"))
        let sentenceStart = sentenceRange(quote.open).lowerBound == quote.open
        return endsWithMark && sentenceStart
    }

    func isParagraphStart(_ t: Int) -> Bool { t == 0 || text.paragraphOf[t - 1] != text.paragraphOf[t] }

    func trimQuote(_ s: String) -> String {
        var out = s
        while let last = out.last, last == "," || last == " " { out.removeLast() }
        return out
    }

    /// "told reporters", "wrote", "said": the verb and a following object noun.
    func cuePhrase(_ verb: Int) -> String {
        var end = verb
        if let w = word(verb), w == Words.according { return text.text(verb, min(verb + 1, tokens.count - 1)) }
        if let next = word(verb + 1), !tokens[verb + 1].isCapitalized, !EntityRecognizer.blockers.contains(next),
           next != Words.he && next != Words.she && DateParser.weekdays[next] == nil {
            end = verb + 1
        }
        return text.text(verb, end)
    }

    // MARK: reported speech and descriptions

    static let clauseOpeners = WordSet(["but", "while", "although", "though", "whereas"])
    static let thatWord: UInt64 = 0x256C_ADEF_3232_570C   // WordHash.hash("that")
    static let butWord: UInt64 = 0x0061_1E19_135A_72CC   // WordHash.hash("but")

    mutating func findReportedStatements() {
        var mentionCursor = 0
        let mentions = entities.mentions
        // The token tests read through this one copy: a method called on `self` in this mutating loop made
        // Swift copy the whole run at each token (callgrind: a 1,184-byte memcpy a token). They read only the
        // text and the lexicon, which recording statements does not change.
        let run = self
        let clauseOpeners = Self.clauseOpeners
        for sentence in text.sentences {
            guard let first = sentence.first, inBody(first) else { continue }
            var clauseStart = sentence.lowerBound
            var previousSubject: Int?
            var k = sentence.lowerBound
            while k <= sentence.upperBound {
                let ends = k == sentence.upperBound || run.tokens[k].isPunct(";")
                    || (k > clauseStart && run.text.quoteOf[k] < 0 && (run.word(k).map(clauseOpeners.contains) ?? false || run.opensReportingClause(k)))
                if ends {
                    if k > clauseStart {
                        while mentionCursor < mentions.count, mentions[mentionCursor].first < clauseStart { mentionCursor += 1 }
                        previousSubject = clauseStatement(clauseStart..<k, mentionFrom: mentionCursor, inherit: previousSubject, via: run)
                    }
                    clauseStart = k
                }
                k += 1
            }
        }
    }

    static let asWord: UInt64 = 0x089C_5507_B545_B54D   // WordHash.hash("as")
    static let clauseDeterminers = WordSet(["a", "an", "the", "some", "many", "several", "other"])

    /// "..., as a bloc of legislators pressed to tie aid to a ceasefire": "as" opening a clause with its own
    /// subject and reporting verb, whose position is not the main subject's.
    func opensReportingClause(_ k: Int) -> Bool {
        guard word(k) == Self.asWord, let next = word(k + 1), Self.clauseDeterminers.contains(next) else { return false }
        var j = k + 2
        while j < min(tokens.count, k + 10), tokens[j].kind == .word {
            if lex.verbs.value(word: tokens[j].hash) != nil { return true }
            j += 1
        }
        return false
    }

    /// "..., a clash with Senator X, who has called support for Kyiv a top priority": the relative clause
    /// after a person named outside subject position describes that person; so does one set off by commas after a
    /// subject ("Mediator X, who shepherded the talks, flew home"), whose predicate starts after it. A country or body
    /// is described by "which" ("Switzerland, which is hosting the talks, offered ...").
    mutating func findRelativeClauses() {
        let quoteOf = text.quoteOf
        for m in entities.mentions where m.kind == .named && m.actor >= 0 && inBody(m.first) && quoteOf[m.first] < 0 {
            guard text.isPunct(m.last + 1, ","), let relative = word(m.last + 2),
                  relative == Words.who || relative == Words.which && entities.actors[m.actor].kind != .person else { continue }
            var end = m.last + 3
            while end < tokens.count, text.sentenceOf[end] == text.sentenceOf[m.first], !text.isPunct(end, ","),
                  !text.isPunct(end, "."), !text.isPunct(end, ";"), quoteOf[end] < 0 || end == m.last + 3 {
                end += 1
            }
            let clause = (m.last + 3)..<end
            guard !clause.isEmpty, !m.subjectLike || text.isPunct(end, ",") else { continue }
            var signal = scorer.score([clause]) { quoteOf[$0] >= 0 }
            // "who brokered the deal", "which mediated the accord": the act's own position.
            if signal.total == 0, let act = clause.first(where: { brokersPact(verb: $0, in: clause) }) { signal = actSignal("brokering", verb: act) ?? signal }
            guard signal.total > 0 else { continue }
            let verb = clause.prefix(3).first { word($0).map { lex.verbs.value(word: $0) != nil } ?? false }
            drafts.append(StatementDraft(actor: m.actor, kind: verb == nil ? .description : .reported, text: text.text(clause.lowerBound, clause.upperBound - 1),
                                         cue: verb.map { text.text($0, $0) }, span: text.span(clause.lowerBound, clause.upperBound - 1),
                                         signal: signal, sentence: Int(text.sentenceOf[m.first])))
        }
    }

    /// Records a statement for the clause's subject when the rest of the clause carries cues; returns the
    /// subject, which a following "but ..." clause without one of its own shares. The helpers that find the subject
    /// and predicate are called on `run`, the caller's copy of the run: called on `self` from this mutating method,
    /// each call copied the whole run first (callgrind: 19,395 copies of 1,208 bytes, 2.6 M in 130 analyses). They
    /// read the text, the mentions and the actors, which recording statements does not change.
    mutating func clauseStatement(_ clause: Range<Int>, mentionFrom: Int, inherit: Int?, via run: AnalysisRun) -> Int? {
        var subject: Mention?
        var m = mentionFrom
        // Read through locals: `entities.…` in this mutating method copied the whole recognizer per read.
        let mentionList = entities.mentions, actorList = entities.actors
        while m < mentionList.count, mentionList[m].first < clause.upperBound {
            let mention = mentionList[m]
            m += 1
            guard text.quoteOf[mention.first] < 0, mention.actor >= 0 else { continue }
            let chosen = mentionList[run.personAfterModifier(m - 1)]
            if chosen.first != mention.first {
                let governed = word(mention.first - 1).map(EntityRecognizer.blockers.contains) ?? false
                guard chosen.subjectLike, !governed else { continue }
                // The person the organisation's name modifies stands as the subject.
                subject = Mention(first: mention.first, last: chosen.last, actor: chosen.actor, kind: .named,
                                  subjectLike: true, predicateStart: chosen.predicateStart)
                break
            }
            guard mention.subjectLike else { continue }
            // "Asked if he thought ...": a question put to the actor, not a position taken.
            if let prev = word(mention.first - 1), lex.polarity.value(word: prev) == .hedge { continue }
            let actor = actorList[mention.actor]
            guard actor.participant || actor.kind != .person, !run.namesWholeChamber(mention) else { continue }
            subject = mentionList[run.groupJoining(m - 1)]
            break
        }
        var predicateStart = clause.lowerBound
        var predicateEnd = clause.upperBound
        let actor: Int
        if let subject {
            actor = subject.actor
            predicateStart = max(subject.last + 1, min(subject.predicateStart, clause.upperBound))
        } else if let inherit, let w = word(clause.lowerBound), w == Self.butWord, !run.opensWithOwnSubject(clause.lowerBound + 1) {
            actor = inherit
        } else if let source = run.accordingTo(in: clause) {
            // "Talks are premature, according to Mr. X": the clause's content is X's.
            actor = source.actor
            predicateStart = source.content.lowerBound
            predicateEnd = source.content.upperBound
        } else {
            return nil
        }
        // A subject whose name runs past the clause's end (a long name cut by the clause) leaves no predicate.
        guard predicateStart <= predicateEnd else { return nil }
        var predicate = predicateStart..<predicateEnd
        // "declined to discuss reports that Gen. X has urged talks", "after Y told the house that the war had
        // stalled": a person named inside the predicate with a reporting verb of their own is the source of
        // what follows, and the subject's part ends before them.
        if let inner = run.innerSpeaker(in: predicate, besides: actor) {
            let mention = entities.mentions[inner]
            recordStatement(actor: mention.actor, predicate: mention.predicateStart..<predicate.upperBound, clause: clause)
            predicate = predicate.lowerBound..<mention.first
        }
        recordStatement(actor: actor, predicate: predicate, clause: clause)
        if let partner = run.coordinatedOrganization(opening: predicate, besides: actor) {
            let mention = entities.mentions[partner]
            recordStatement(actor: mention.actor, predicate: mention.predicateStart..<predicate.upperBound, clause: clause)
        }
        return actor
    }

    /// "Saudi Arabia and the US called on ...": an organisation joined to the subject by "and" shares its predicate.
    func coordinatedOrganization(opening predicate: Range<Int>, besides actor: Int) -> Int? {
        guard entities.actors[actor].kind != .person, word(predicate.lowerBound) == Words.and,
              let m = mentions(in: predicate.lowerBound..<min(predicate.upperBound, predicate.lowerBound + 3)).first
        else { return nil }
        let mention = entities.mentions[m]
        guard mention.actor >= 0, mention.actor != actor, mention.subjectLike, entities.actors[mention.actor].kind != .person,
              predicate.contains(mention.predicateStart) else { return nil }
        return m
    }

    /// "The Senate approved ...", "the U.S. Congress": a whole legislature, whose votes are outcomes, not a
    /// position of its own (its members and committees do take positions).
    func namesWholeChamber(_ mention: Mention) -> Bool {
        guard mention.kind == .named, entities.actors[mention.actor].kind == .organization else { return false }
        var sawChamber = false
        for k in mention.first...mention.last where tokens[k].kind == .word {
            let w = tokens[k].hash
            if lex.chambers.contains(word: w) { sawChamber = true; continue }
            guard w == Words.the || tokens[k].has(Token.dotted) || lex.places.contains(word: w) || lex.demonyms.contains(word: w) else { return false }
        }
        return sawChamber
    }

    /// The first mention of a person other than `actor` standing as the subject of a reporting verb inside
    /// `predicate` ("... that Gen. X, the chairman, has urged ...").
    func innerSpeaker(in predicate: Range<Int>, besides actor: Int) -> Int? {
        mentions(in: predicate).first { m in
            let mention = entities.mentions[m]
            guard mention.kind == .named, mention.subjectLike, mention.actor >= 0, mention.actor != actor,
                  text.quoteOf[mention.first] < 0, entities.actors[mention.actor].kind == .person,
                  predicate.contains(mention.predicateStart) else { return false }
            var verb = mention.predicateStart
            if let w = word(verb), Self.perfectAuxiliaries.contains(w) { verb += 1 }
            guard let w = word(verb), !tokens[verb].isCapitalized else { return false }
            return lex.verbs.value(word: w) != nil
        }
    }

    static let perfectAuxiliaries = WordSet(["has", "had", "have"])

    /// Records the statement a predicate makes for `actor`, when it carries cues.
    mutating func recordStatement(actor: Int, predicate: Range<Int>, clause: Range<Int>) {
        let predicateStart = predicate.lowerBound
        guard !predicate.isEmpty else { return }
        let quoteOf = text.quoteOf
        let signal = scorer.score([predicate]) { quoteOf[$0] >= 0 }
        guard signal.total > 0 else { return }
        // A reporting verb near the start makes it reported speech; otherwise the journalist describes.
        var kind = StatementKind.description
        var cue: String?
        var textStart = predicateStart
        for k in predicate.prefix(8) where text.quoteOf[k] < 0 {
            if let w = word(k), !tokens[k].isCapitalized, lex.verbs.value(word: w) != nil {
                kind = .reported
                var cueEnd = k
                if let that = (k..<min(predicate.upperBound, k + 8)).first(where: { word($0) == Self.thatWord }) {
                    textStart = that + 1
                    cueEnd = that - 1
                }
                cue = text.text(k, cueEnd)
                break
            }
        }
        while textStart < predicate.upperBound, tokens[textStart].kind == .punct { textStart += 1 }
        var textEnd = predicate.upperBound - 1
        while textEnd > textStart, tokens[textEnd].kind == .punct { textEnd -= 1 }
        guard textStart <= textEnd else { return }
        drafts.append(StatementDraft(actor: actor, kind: kind, text: text.text(textStart, textEnd), cue: cue,
                                     span: text.span(textStart, textEnd), signal: signal,
                                     sentence: Int(text.sentenceOf[predicateStart < clause.upperBound ? predicateStart : clause.lowerBound])))
    }

    /// "according to X" (or "according to a statement from X") in a clause, with X a known actor, and the
    /// part of the clause that X is the source of: before the attribution, or after it when it leads.
    func accordingTo(in clause: Range<Int>) -> (actor: Int, content: Range<Int>)? {
        var k = clause.lowerBound
        while k + 2 < clause.upperBound {
            if word(k) == Words.according, word(k + 1) == Words.to, text.quoteOf[k] < 0,
               let m = mentionStarting(in: (k + 2)..<min(clause.upperBound, k + 8)), entities.mentions[m].actor >= 0,
               entities.mentions[m].kind == .named {
                var end = k
                while end > clause.lowerBound, tokens[end - 1].kind == .punct { end -= 1 }
                if end > clause.lowerBound { return (entities.mentions[m].actor, clause.lowerBound..<end) }
                var start = entities.mentions[m].last + 1
                while start < clause.upperBound, tokens[start].kind == .punct { start += 1 }
                return start < clause.upperBound ? (entities.mentions[m].actor, start..<clause.upperBound) : nil
            }
            k += 1
        }
        return nil
    }

    // MARK: dates

    static let since: UInt64 = 0x2B82_7D4F_5E0A_DA9D   // WordHash.hash("since")
    static let until: UInt64 = 0x1FCC_8B4E_81FB_AC2F   // WordHash.hash("until")

    static let relativePronouns = WordSet(["who", "which", "whose", "whom"])

    /// The first date phrase of a sentence that can date `draft`: outside quotes, not a range's start
    /// ("since May"), not inside a reported statement's own content, and not in a relative clause
    /// describing a speaker named after the verb ("said X, who recently wrote ..."). `parsed` keeps each
    /// sentence's phrases once read: every statement of a sentence asks, and a sentence that never ends
    /// can hold thousands of statements.
    func firstDate(inSentence s: Int, for draft: StatementDraft, parsed: inout [[DateMention]?]) -> DateMention? {
        let found = datePhrases(inSentence: s, parsed: &parsed)
        return datingPhrase(found.filter { m in
            if !mayDateSaying(m) { return false }
            if draft.kind != .direct, draft.span.contains(Int(tokens[m.first].start)), !followsReportingVerb(m.first) { return false }
            if let verb = draft.verb, verb < m.first, text.sentenceOf[verb] == Int32(s),
               (verb..<m.first).contains(where: { word($0).map(Self.relativePronouns.contains) ?? false }) {
                return false
            }
            if vagueDateOfOtherEvent(m, verb: draft.verb) { return false }
            return true
        })
    }

    /// Whether date phrase `m` may date a saying at all: outside quotes, not still to come ("will be in Havana Friday")
    /// nor the day of a planned event, not after the publication, not a range's bound ("since May").
    func mayDateSaying(_ m: DateMention) -> Bool {
        if text.quoteOf[m.first] >= 0 || m.future || datesNamedEvent(m) { return false }
        if let published = article.published, m.day > published { return false }
        return !(word(m.first - 1).map { $0 == Self.since || $0 == Self.until } ?? false)
    }

    /// "said on Monday that ...": a date phrase right after a reporting verb dates the saying, even inside
    /// a statement's span.
    func followsReportingVerb(_ t: Int) -> Bool {
        var k = t - 1
        if word(k) == Words.on { k -= 1 }
        return word(k).map { lex.verbs.value(word: $0) != nil } ?? false
    }

    func mentionsActor(sentence s: Int, actor: Int) -> Bool {
        return mentions(in: text.sentences[s]).contains {
            entities.mentions[$0].actor == actor && text.quoteOf[entities.mentions[$0].first] < 0
        }
    }

    /// The date of the scene a statement belongs to, read in sentence `s`, where the sentences about its speaker
    /// run back to: the lead's ("the Senate's leaders argued on Sunday ... . X and Y issued warnings ... . “...,”
    /// Y said": the event the article opens with continues), or a date opening the statement's own paragraph
    /// ("On Saturday night, X said ... . Y issued a similar warning").
    func sceneDate(sentence s: Int, for draft: StatementDraft, lead: Int?, parsed: inout [[DateMention]?]) -> DateMention? {
        if s == lead { return firstDate(inSentence: s, for: draft, parsed: &parsed) }
        let range = text.sentences[s]
        guard text.paragraphOf[range.lowerBound] == text.paragraphOf[text.sentences[draft.sentence].lowerBound],
              let date = firstDate(inSentence: s, for: draft, parsed: &parsed) else { return nil }
        var opening = range.lowerBound
        if word(opening) == Words.on || word(opening) == Words.in_ { opening += 1 }
        return date.first == range.lowerBound || date.first == opening ? date : nil
    }

    /// A statement's date: a phrase in its own sentence, else in the sentences just before it that speak
    /// of the same actor, back to the one that introduces the speaker (sentences inside quotes are the
    /// speaker's words and do not break the chain), else the publication date.
    mutating func assignDates() {
        // Calls go through this copy: a method called on `self` from this mutating loop made Swift copy the
        // whole run at each call (callgrind: a memcpy per call). They read the text and the mentions, which
        // this pass does not change, and take the draft they date as an argument. The drafts are dated in an array
        // of their own, which the copy does not share: the first date written copied the whole shared array.
        var drafts = self.drafts
        self.drafts = []
        let run = self
        // By sentence index in an array: a dictionary SipHashed the key at every read and write (10,500 of them in
        // 130 analyses) and grew as sentences were parsed.
        var parsed = [[DateMention]?](repeating: nil, count: text.sentences.count)
        // The lead: the first body sentence opening a paragraph, of a lead's length (a furniture line or a
        // one-line summary left in the body is no lead).
        let tokens = text.tokens
        let lead = text.sentences.firstIndex { sentence in
            !sentence.isEmpty && run.inBody(sentence.lowerBound) && run.isParagraphStart(sentence.lowerBound)
                && sentence.reduce(0) { tokens[$1].kind == .word ? $0 + 1 : $0 } >= 20   // (counted without an array)
        }
        // The lead's scene (see `leadScene`), found when a quote first asks.
        var scene: LeadScene??
        var ownSettings: [Int: Bool] = [:]
        for index in drafts.indices {
            let draft = drafts[index]
            var found = draft.ownSentence.flatMap { run.firstDate(inSentence: $0, for: draft, parsed: &parsed) }
            if found == nil { found = run.firstDate(inSentence: draft.sentence, for: draft, parsed: &parsed) }
            if found == nil {
                var s = draft.sentence - 1
                var steps = 0
                while s >= 0, steps < 8 {
                    steps += 1
                    let sentence = text.sentences[s]
                    if sentence.isEmpty || !run.inBody(sentence.lowerBound) { break }
                    // Quotation marks lie outside the quote: a sentence is quoted when all its words are.
                    let quoted = sentence.allSatisfy { tokens[$0].kind != .word && tokens[$0].kind != .number || text.quoteOf[$0] >= 0 }
                    if !quoted {
                        guard run.mentionsActor(sentence: s, actor: draft.actor) else {
                            found = run.sceneDate(sentence: s, for: draft, lead: lead, parsed: &parsed)
                            if found == nil, run.namesNoActor(sentence: s) { s -= 1; continue }
                            break
                        }
                        if let d = run.firstDate(inSentence: s, for: draft, parsed: &parsed) { found = d; break }
                    }
                    s -= 1
                }
            }
            if found == nil, let lead {
                if scene == nil {
                    var lastQuote = lead
                    for d in drafts where d.kind == .direct { lastQuote = max(lastQuote, d.sentence) }
                    scene = run.leadScene(from: lead, through: lastQuote, parsed: &parsed)
                }
                found = scene!.flatMap { run.leadDate(for: draft, scene: $0, ownSettings: &ownSettings) }
            }
            if let found {
                drafts[index].date = found.day
                drafts[index].dateText = text.text(found.first, found.last)
            } else {
                drafts[index].date = article.published
            }
        }
        self.drafts = drafts
    }

    // MARK: group members

    static let membershipWords = WordSet(["signed", "signers", "signatories", "signatory", "including", "includes",
        "include", "included", "among", "joined", "led", "leads", "spearheaded", "sponsored", "co-sponsored",
        "cosponsored", "authored", "co-authored", "drafted", "along", "consisted", "consists", "comprised", "comprising",
        "composed"])
    static let memberLinks = WordSet(["by", "and", "or", "with"])

    /// People named as signers, leaders or members of a group ("Among those who signed were X and Y", "a
    /// statement by senators including X") share the position the group takes in the article: the group
    /// named in that sentence, else the one named last in the sentences just before.
    mutating func shareGroupPositions() {
        var groupSignals = [StanceSignal](repeating: StanceSignal(positions: frame.positions.count), count: entities.actors.count)
        // Drafts are read in place, by index: `for draft in drafts` copied each one (retaining its strings).
        for d in drafts.indices where entities.actors[drafts[d].actor].kind != .person { groupSignals[drafts[d].actor].add(drafts[d].signal) }
        var lastGroup: (actor: Int, sentence: Int)?
        // Reads go through locals and this one copy of the run: a method called on `self` in this loop made
        // Swift copy the whole run at each call (callgrind: half the analysis time, when it was per token).
        let run = self
        let quoteOf = text.quoteOf
        let tokens = text.tokens
        let mentionList = entities.mentions
        let actorList = entities.actors
        let documents = lex.groupDocuments
        var draftsBySentence = [[Int]](repeating: [], count: text.sentences.count)
        for index in drafts.indices where drafts[index].kind != .direct && entities.actors[drafts[index].actor].kind == .person {
            draftsBySentence[drafts[index].sentence].append(index)
        }
        for (s, sentence) in text.sentences.enumerated() {
            guard let first = sentence.first, run.inBody(first) else { continue }
            let found = run.mentions(in: sentence).filter { quoteOf[mentionList[$0].first] < 0 && mentionList[$0].actor >= 0 }
            // "the resolution spearheaded by X and Y": an organisation's document has sponsors, as a group has members.
            // Scanned only when an organisation with a position is named here.
            lazy var namesDocument = sentence.contains { quoteOf[$0] < 0 && tokens[$0].kind == .word && documents.contains(word: tokens[$0].hash) }
            let groupHere = found.map { mentionList[$0].actor }.first {
                (actorList[$0].kind == .group || (namesDocument && actorList[$0].kind == .organization)) && groupSignals[$0].total > 0
            }
            defer { if let groupHere { lastGroup = (groupHere, s) } }
            let reported = draftsBySentence[s]
            if !reported.isEmpty {
                for (actor, signal) in run.coSubjects(reported, sentence: s, mentions: found) {
                    memberSignals[actor, default: StanceSignal(positions: frame.positions.count)].add(signal)
                }
            }
            var source = groupHere
            if source == nil, let lastGroup, s - lastGroup.sentence <= 3 { source = lastGroup.actor }
            // The word scan last: most sentences have no group to share from.
            guard let source, sentence.contains(where: { quoteOf[$0] < 0 && tokens[$0].kind == .word && Self.membershipWords.contains(tokens[$0].hash) })
            else { continue }
            for m in found where mentionList[m].kind == .named {
                let actor = mentionList[m].actor
                guard actorList[actor].kind == .person else { continue }
                // "issued a statement urging Biden to ...": the person addressed is no member.
                if let prev = run.word(mentionList[m].first - 1), EntityRecognizer.blockers.contains(prev),
                   !Self.memberLinks.contains(prev) { continue }
                memberSignals[actor, default: StanceSignal(positions: frame.positions.count)].add(groupSignals[source])
            }
        }
    }

    static let along: UInt64 = 0x8393_02BB_8243_9D6A   // WordHash.hash("along")

    /// Whether a name at `t` stands in a list of names: at the sentence start, after a comma or bracket,
    /// "and" or "along with".
    func isListed(_ t: Int, sentence s: Int) -> Bool {
        if t == text.sentences[s].lowerBound { return true }
        let prev = tokens[t - 1]
        if prev.kind == .punct { return prev.isPunct(",") || prev.isPunct(")") }
        if prev.hash == Words.and { return true }
        return prev.hash == Words.with && word(t - 2) == Self.along
    }

    /// "X, Y and Z introduced a resolution to end the war": the people named together as a clause's
    /// subject share the position reported for the first of them. Returns each sharer (an actor) with the
    /// signal it shares, in order.
    func coSubjects(_ reported: [Int], sentence s: Int, mentions found: [Int]) -> [(actor: Int, signal: StanceSignal)] {
        var shared: [(actor: Int, signal: StanceSignal)] = []
        // Only another named person can share a statement; a sentence whose people are all the speaker
        // (one long run of "X said ...; X said ...") has no one to share it with, and is not scanned per statement.
        // Through locals: the lazy chain's closures would otherwise capture (copy) the whole run.
        let mentionList = entities.mentions, actorList = entities.actors
        let people = Set(found.lazy.map { mentionList[$0] }
            .filter { $0.kind == .named && actorList[$0.actor].kind == .person }.map(\.actor))
        for draft in reported.map({ drafts[$0] }) {
            guard people.contains(where: { $0 != draft.actor }), let own = found.first(where: { entities.mentions[$0].actor == draft.actor && Int(tokens[entities.mentions[$0].last].end) <= draft.span.start })
            else { continue }
            var chained = Set(namesListedAfter(own, in: found))
            // "Chuck Schumer, D-N.Y., and Republican leader Mitch McConnell issued ...": a name listed just
            // before the speaker's shares the clause as well.
            if let ownIndex = found.firstIndex(of: own) {
                for earlier in found[max(0, ownIndex - 3)..<ownIndex] where namesListedAfter(earlier, in: found).contains(own) {
                    chained.insert(earlier)
                }
            }
            let subjects = found.filter {
                let m = entities.mentions[$0]
                guard m.kind == .named, m.actor != draft.actor, entities.actors[m.actor].kind == .person else { return false }
                if chained.contains($0) { return true }
                return Int(tokens[m.last].end) <= draft.span.start && isListed(m.first, sentence: s)
            }
            for m in subjects { shared.append((entities.mentions[m].actor, draft.signal)) }
        }
        return shared
    }

    // MARK: output

    func stance(of signal: StanceSignal, threshold: Double) -> (String, Double) {
        let total = signal.total
        guard total > 0, let top = signal.weights.indices.max(by: { signal.weights[$0] < signal.weights[$1] }) else {
            return (Frame.none, 0)
        }
        let share = signal.weights[top] / total
        let strength = min(1, total / 2)
        if share >= threshold { return (frame.positions[top].id, (share * strength * 100).rounded() / 100) }
        return (Frame.mixed, ((1 - share) * strength * 100).rounded() / 100)
    }

    func assemble() -> ArticleAnalysis {
        var actorSignals = [StanceSignal](repeating: StanceSignal(positions: frame.positions.count), count: entities.actors.count)
        var hasStatements = [Bool](repeating: false, count: entities.actors.count)
        // An actor whose every position the article marks as given up ("once a steadfast backer") holds none
        // that it tells.
        var holdsCurrent = [Bool](repeating: false, count: entities.actors.count)
        // Drafts are read in place, by index: iterating them copied each one (retaining its strings).
        for (index, weight) in currentWeights().enumerated() {
            let actor = drafts[index].actor
            actorSignals[actor].add(drafts[index].signal, factor: weight.weight)
            hasStatements[actor] = true
            if !weight.markedPast, drafts[index].signal.total > 0 { holdsCurrent[actor] = true }
        }
        for (actor, signal) in memberSignals {
            actorSignals[actor].add(signal)
            holdsCurrent[actor] = true
            // A group that speaks only through its chair is an actor all the same.
            if entities.actors[actor].kind != .person { hasStatements[actor] = true }
        }
        var idOf = [String?](repeating: nil, count: entities.actors.count)
        var actors: [Actor] = []
        var spansOf = [[TextSpan]](repeating: [], count: entities.actors.count)
        var firstSeen = [Int](repeating: Int.max, count: entities.actors.count)
        for m in entities.mentions where m.actor >= 0 {
            spansOf[m.actor].append(text.span(m.first, m.last))
            firstSeen[m.actor] = min(firstSeen[m.actor], m.first)
        }
        let order = entities.actors.indices.sorted { firstSeen[$0] < firstSeen[$1] }
        for index in order {
            let draft = entities.actors[index]
            guard draft.kind == .person || hasStatements[index] else { continue }
            let id = "a\(actors.count + 1)"
            idOf[index] = id
            let participant = draft.participant || hasStatements[index]
            let (stance, confidence) = participant && holdsCurrent[index] ? stance(of: actorSignals[index], threshold: 0.6) : (Frame.none, 0)
            let spans = spansOf[index]
            actors.append(Actor(id: id, name: draft.name, kind: draft.kind, role: draft.role, aliases: draft.aliases,
                                mentions: spans, stance: stance, confidence: confidence, isParticipant: participant))
        }
        var statements: [Statement] = []
        let starts = drafts.map(\.span.start)
        for index in drafts.indices.sorted(by: { starts[$0] < starts[$1] }) {
            let draft = drafts[index]
            guard let actorID = idOf[draft.actor] else { continue }
            let (stance, confidence) = stance(of: draft.signal, threshold: 0.66)
            statements.append(Statement(id: "s\(statements.count + 1)", actorID: actorID, kind: draft.kind, text: draft.text,
                                        cue: draft.cue, span: draft.span, date: draft.date, dateText: draft.dateText,
                                        stance: stance, confidence: confidence, evidence: draft.signal.evidence))
        }
        return ArticleAnalysis(article: article, actors: actors, statements: statements)
    }
}
