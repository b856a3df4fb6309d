/// A place in the text that names (or refers back to) an actor.
struct Mention {
    /// `collective`: "they", "the senators", "the letter", which stand for a group named before.
    enum Kind { case named, role, pronoun, collective }
    var first: Int
    var last: Int
    /// Index into the actor drafts; -1 while a pronoun is unresolved or when it stays so.
    var actor: Int
    var kind: Kind
    /// Placed where the subject of a clause stands (not after "of", "to", "by"; not a possessive).
    var subjectLike: Bool
    var gender: Lexicon.Gender = .unknown
    /// The token after the mention's noun phrase (its "of" qualifier and appositive skipped).
    var predicateStart: Int = 0
    /// For role nouns: the canonical title referred to ("General"), or "*" for any title.
    var roleTitle: String? = nil
    var rolePlace: String? = nil
}

/// An actor while it is being collected.
struct ActorDraft {
    var name: String
    var kind: ActorKind
    var role: String?
    var titles: Set<String> = []
    var gender: Lexicon.Gender = .unknown
    /// The place in "President X of Russia" or a demonym in the role: who "the Russian leader" is.
    var place: String?
    var aliases: [String] = []
    var key: UInt64
    var given: UInt64 = 0
    /// The word before the surname in a name of three or more words: "Ben" in "Itamar Ben Gvir".
    var beforeSurname: UInt64 = 0
    var participant = false
    var mentionCount = 0
    var nameTokens = 0
    /// Whether the role was searched for a nationality or country already.
    var placeChecked = false

    mutating func addAlias(_ alias: String) {
        if alias != name, !aliases.contains(alias) { aliases.append(alias) }
    }
}

/// Finds people, organisations and groups by general patterns and the lexicon lists, merges aliases
/// ("President Biden", "Mr. Biden", "Biden") and collects every mention, including role nouns ("the
/// general") and subject pronouns, which are resolved later.
struct EntityRecognizer {
    let text: AnalysisText
    let lex = Lexicon.shared
    var actors: [ActorDraft] = []
    var mentions: [Mention] = []
    var personBySurname: [UInt64: [Int]] = [:]
    var otherByKey: [UInt64: Int] = [:]
    var covered: [Bool]
    /// Tokens of document nouns ("statement", "letter"), collected on the pass for representatives.
    var documentWords: [Int] = []
    /// Groups formed from people named together ("the leaders said"), with those people.
    var namedMembers: [(group: Int, members: [Int])] = []

    static let blockers = WordSet(["of", "to", "by", "with", "for", "from", "at", "in", "on", "about", "against",
        "than", "between", "among", "toward", "towards", "into", "like", "over", "under", "after", "before", "via",
        "per", "behind", "without", "through", "the", "a", "an", "his", "her", "their", "its", "our", "as", "urging",
        "pushing", "pressing", "pressuring", "asking", "told", "and", "or", "nor"])
    /// Words after a name that show it is not a clause's subject: "Biden of Delaware", "Biden and".
    static let prepositions = WordSet(["of", "to", "by", "with", "for", "from", "at", "in", "on", "about",
        "against", "than", "between", "among", "toward", "towards", "into", "like", "over", "under", "after", "before",
        "via", "per", "behind", "without", "through", "the", "a", "an", "or", "nor"])
    static let particles = WordSet(["van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "du",
        "la", "le", "bin", "ibn", "al", "el", "ter", "ten", "st"])
    static let suffixes = WordSet(["jr", "sr", "ii", "iii", "iv"])
    static let partyWords = WordSet(["democrat", "republican", "independent", "conservative", "labour",
        "liberal"])
    static let former: UInt64 = 0x64CD_628E_EFF3_227C   // WordHash.hash("former")
    static let administration: UInt64 = 0x0424_99D0_6B5B_2C6F   // WordHash.hash("administration")
    static let ambiguousRole: UInt64 = 0x9E27_5796_A0D9_A90B   // WordHash.hash("general")
    static let verbish = WordSet(["has", "had", "is", "was", "will", "would", "could", "should", "said", "says",
        "told", "added", "argued", "also", "did", "does", "then", "who", "cites", "made", "wants", "thinks", "believes",
        "warned", "urged", "insisted", "later", "quickly", "repeatedly", "declined", "rejected", "suggested"])
    static let nonParticipantRoles: Set<BlockRole> = [.byline, .caption, .credit, .contributor]
    static let creditLikeRoles: Set<BlockRole> = [.byline, .credit, .contributor]

    init(text: AnalysisText) {
        self.text = text
        covered = [Bool](repeating: false, count: text.tokens.count)
    }

    mutating func run() {
        findNames()
        findCapitalisedCredits()
        findAcronymGroups()
        findRepresentedOrganisations()
        findCommonNounGroups()
        findSideGroups()
        findActingGroups()
        addNameForms()
        findMononyms()
        findSurnameMentions()
        findRoleNounsAndPronouns()
        addMetadataAuthors()
        mentions.sort { $0.first < $1.first }
        // Read through one copy: a method called on `self` from this mutating method copied the whole
        // recognizer at each mention.
        let recognizer = self
        let positions = mentions.map { recognizer.subjectPosition($0) }
        for index in mentions.indices {
            let (subject, predicate) = positions[index]
            if mentions[index].kind != .pronoun { mentions[index].subjectLike = subject }
            mentions[index].predicateStart = predicate
        }
    }

    // MARK: names

    func tok(_ i: Int) -> Token { text.tokens[i] }
    var count: Int { text.tokens.count }
    func sameBlock(_ a: Int, _ b: Int) -> Bool { b < count && text.blockOf[a] == text.blockOf[b] }
    func word(_ i: Int) -> UInt64? { i >= 0 && i < count && tok(i).kind == .word ? tok(i).hash : nil }

    /// The longest title phrase starting at `i` ("Gen.", "Secretary of Defense"), as the token after it.
    func matchTitle(at i: Int) -> (end: Int, title: Lexicon.Title)? {
        guard tok(i).isCapitalized, lex.titleStarts[tok(i).hash] != nil else { return nil }
        var key: UInt64 = 0
        var words = 0
        var j = i
        var best: (Int, Lexicon.Title)?
        while j < count, sameBlock(i, j), words < lex.titles.maxWords {
            let t = tok(j)
            if t.isPunct(".") { j += 1; continue }
            guard t.kind == .word else { break }
            key = WordHash.combine(key, t.hash)
            words += 1
            j += 1
            if let title = lex.titles.entries[key] {
                var end = j
                if end < count, tok(end).isPunct("."), sameBlock(i, end) { end += 1 }
                best = (end, title)
            }
        }
        return best
    }

    func isNameToken(_ i: Int) -> Bool {
        let t = tok(i)
        guard t.kind == .word, t.isCapitalized else { return false }
        if t.has(Token.dotted) {
            // Run-together initials ("J.D. Vance"), but not places or bodies ("U.S. Senate").
            return Int(t.end - t.start) <= 6 && !lex.places.contains(word: t.hash) && !lex.orgNames.contains(word: t.hash)
                && i + 1 < count && tok(i + 1).isCapitalized && !tok(i + 1).has(Token.allCaps)
                && !lex.titles.contains(word: tok(i + 1).hash) && !lex.orgHeads.contains(word: tok(i + 1).hash)
        }
        if t.has(Token.allCaps) && !Self.suffixes.contains(t.hash) { return false }
        return true
    }

    /// A lower-case particle, a hyphen and a capitalised name in one word: "al-Assad", "bin-Salman".
    private func isParticleName(_ i: Int) -> Bool {
        let t = tok(i)
        guard !t.isCapitalized, t.end - t.start >= 4 else { return false }
        let scalars = text.scalars
        var k = Int(t.start)
        while k < Int(t.end), scalars[k] != "-" { k += 1 }
        guard k + 1 < Int(t.end), scalars[k + 1].properties.isUppercase else { return false }
        var particle = String.UnicodeScalarView()
        particle.append(contentsOf: scalars[Int(t.start)..<k])
        return Self.particles.contains(WordHash.hash(String(particle)))
    }

    /// The run of name tokens from `start`: capitalised words, initials, particles, suffixes.
    private func nameRun(from start: Int) -> [Int] {
        var run: [Int] = []
        var j = start
        // Particles lengthen a name without making it less of one: "Mohammed bin Abdulrahman bin Jassim Al Thani".
        var limit = 6
        // Room for a full name at once: appending to an empty array allocated, and again when it grew.
        if start < count, isNameToken(start) { run.reserveCapacity(limit) }
        while j < count, sameBlock(start, j), run.count < limit {
            let t = tok(j)
            if isNameToken(j) {
                // Months, weekdays and function words end a name: "By Peter Baker Nov. 10".
                if !run.isEmpty, !t.has(Token.initial), lex.stopwords.contains(word: t.hash), !endsFamilyFirstName(j, run: run) { break }
                if opensNextName(at: j, after: run) { break }
                run.append(j)
                j += 1
                if t.has(Token.initial) || lex.abbreviations.value(word: t.hash) == .general {
                    if j < count, tok(j).isPunct(".") { j += 1 }
                }
                continue
            }
            if t.kind == .word, !run.isEmpty || (j == start && isTitleEnd(start - 1)), isParticleName(j) {
                // "Bashar al-Assad", "Abdel Fattah el-Sisi": a particle joined to the surname by a hyphen.
                run.append(j)
                limit += 1
                j += 1
                continue
            }
            // "Mr. de Mistura": after a title a name may open with its particle.
            if t.kind == .word, !run.isEmpty || (j == start && isTitleEnd(start - 1)),
               Self.particles.contains(t.hash) {
                // "von der Leyen": particles count only when a name follows them.
                var k = j
                while k < count, tok(k).kind == .word, Self.particles.contains(tok(k).hash), k - j < 3 { k += 1 }
                if k < count, isNameToken(k) {
                    run.append(contentsOf: j..<k)
                    limit += k - j
                    j = k
                    continue
                }
            }
            break
        }
        return run
    }

    /// "Nguyen Van An", "Tran Thi Thu": a short last part of a name written family name first, which a function word
    /// or a day's abbreviation may spell, when no capitalised word or number follows it ("Nguyen Van Tuan On
    /// Monday" is no name in "On").
    private func endsFamilyFirstName(_ j: Int, run: [Int]) -> Bool {
        run.count == 2 && tok(j).end - tok(j).start <= 3 && lex.familyNames.contains(word: tok(run[0]).hash)
            && !(j + 1 < count && sameBlock(j, j + 1) && (tok(j + 1).isCapitalized || tok(j + 1).kind == .number))
    }

    /// "President X Y Spokesman Z W": a role word written between two names ends the first (one that opens
    /// with a given name or follows a title; "Senate Minority Leader X" is one office); the second is read
    /// afresh with the role as its office.
    private func opensNextName(at j: Int, after run: [Int]) -> Bool {
        run.count >= 2 && Self.personNouns.contains(tok(j).hash) && j + 1 < count && isNameToken(j + 1)
            && !tok(j).has(Token.allCaps) && (isGivenName(run[0]) || isTitleEnd(run[0] - 1))
    }

    /// Whether token `t` ends a title ("Mr.", "Envoy"), so that a name may follow it.
    private func isTitleEnd(_ t: Int) -> Bool {
        guard t >= 0 else { return false }
        var k = t
        if tok(k).isPunct("."), k > 0 { k -= 1 }
        return tok(k).kind == .word && tok(k).isCapitalized && lex.titles.contains(word: tok(k).hash)
    }

    /// "UN General Assembly", "Security Council": bodies whose names may open with a title word, and which
    /// are never persons.
    static let institutionHeads = WordSet(["assembly", "council", "committee", "commission", "parliament", "congress",
        "senate", "cabinet", "secretariat", "ministry", "department", "agency", "authority", "court", "caucus",
        "bureau", "tribunal", "chamber", "assemblies", "councils", "committees", "commissions"])

    private mutating func findNames() {
        // Calls go through this copy: a method called on `self` from this mutating loop made Swift copy the
        // whole recognizer at each call (callgrind: a memcpy per call, about one a token). The helpers called
        // through it read only the text and the lexicon, which this pass does not change.
        let recognizer = self
        var i = 0
        while i < count {
            let role = text.role(ofToken: i)
            if role == .headline || role == .dateline || role == .sidebar || role == .promo || role == .subheading
                || !tok(i).isCapitalized {
                i += 1
                continue
            }
            if tok(i).has(Token.allCaps), lex.orgNames.contains(word: tok(i).hash) {
                addOther(kind: .organization, first: i, last: i)
                i += 1
                continue
            }
            // "the UK introduced", "the U.S. called on": an abbreviated country, which is never part of a name.
            if tok(i).has(Token.allCaps) || tok(i).has(Token.dotted), lex.places.contains(word: tok(i).hash),
               recognizer.placeActsAsSubject(first: i, last: i) {
                addCountry(first: i, last: i, place: i...i)
                i += 1
                continue
            }
            // "In March Senator X": a capitalised function word or date opens no name, so what follows
            // is read afresh (with its title).
            if lex.stopwords.contains(word: tok(i).hash), recognizer.matchTitle(at: i) == nil, i + 1 < count, tok(i + 1).isCapitalized,
               !recognizer.firstNameSpelledLikeStopword(i) {
                i += 1
                continue
            }
            // A closure, not the method itself: `recognizer.extendTitleChain` as a value copied the whole recogniser
            // into a context each time (callgrind: 1,154 copies and their release, 1.4 M in 130 analyses).
            var title = recognizer.matchTitle(at: i).map { recognizer.extendTitleChain($0) }
            var prefixStart: Int?
            if title == nil {
                // Nationality, country or organisation words before a title: "Hungarian Foreign Minister X".
                var k = i
                // "In March Senator X": function words and dates are no part of the prefix.
                while k < min(count, i + 4), sameBlock(i, k), recognizer.isNameToken(k) || tok(k).has(Token.dotted) || tok(k).has(Token.allCaps),
                      !lex.stopwords.contains(word: tok(k).hash) {
                    if k > i, let inner = recognizer.matchTitle(at: k), inner.end < count, recognizer.isNameToken(inner.end) {
                        title = inner
                        prefixStart = i
                        break
                    }
                    k += 1
                }
            }
            if let p = prefixStart, let t = title {
                let run = recognizer.nameRun(from: t.end)
                if !run.isEmpty {
                    let next = classify(start: p, run: run, title: t.title, role: role)
                    i = max(next, i + 1)
                    continue
                }
                title = nil
            }
            var run = recognizer.nameRun(from: title?.end ?? i)
            if title == nil {
                // ("A. B. Chen": an initial that is also a function word opens the name.)
            while let f = run.first, !(tok(f).has(Token.initial) && run.count >= 3 && tok(run[1]).has(Token.initial)),
                  !recognizer.firstNameSpelledLikeStopword(f),
                  lex.stopwords.contains(word: tok(f).hash) || lex.titles.contains(word: tok(f).hash) {
                    run.removeFirst()
                }
            }
            guard !run.isEmpty else {
                i = max(i + 1, title?.end ?? i + 1)
                continue
            }
            // "Spokesman Karim Nouri" after another name: the role word is the office, not part of the name.
            if title == nil, run.count >= 3, Self.personNouns.contains(tok(run[0]).hash) {
                let next = classify(start: run[0], run: Array(run.dropFirst()), title: nil, role: role, office: run[0]..<run[1])
                i = max(next, i + 1)
                continue
            }
            // ("Mohammed Ali al-Houthi": a given name first is no office.)
            if title == nil, run.count >= 3, !isGivenName(run[0]),
               let p = run.indices.dropFirst().dropLast().first(where: { isGivenName(run[$0]) }) {
                // Office words before a first name: "Senate Minority Leader Mitch McConnell".
                let next = classify(start: run[0], run: Array(run[p...]), title: nil, role: role, office: run[0]..<run[p])
                i = max(next, i + 1)
                continue
            }
            let next = classify(start: title == nil ? run[0] : i, run: run, title: title?.title, role: role)
            i = max(next, i + 1)
        }
    }

    /// Decides what a capitalised run is and records it; returns the token after what was consumed.
    private func isGivenName(_ t: Int) -> Bool {
        lex.givenNames.contains(word: tok(t).hash) && !lex.places.contains(word: tok(t).hash)
    }

    private mutating func classify(start: Int, run: [Int], title: Lexicon.Title?, role: BlockRole, office: Range<Int>? = nil) -> Int {
        let last = run[run.count - 1]
        let hashes = run.map { tok($0).hash }
        // "the Deputy Special Envoy", "a Senior Foreign Minister": an office named without its holder.
        if hashes.count >= 2, lex.titles.value(hashes.suffix(2)) != nil { return last + 1 }
        if title != nil, office == nil, hashes.contains(where: Self.institutionHeads.contains) {
            addOther(kind: .organization, first: start, last: last)
            return last + 1
        }
        // "Victoria Station", "Minsk Accords": named things, not people.
        // ("Downing Street", a known institution, is an organisation.)
        if title == nil, office == nil, let head = hashes.last, lex.thingHeads.contains(word: head), lex.orgNames.value(hashes[...]) == nil {
            return last + 1
        }
        if let office {
            let served = servedTitle(before: office.lowerBound)
            addPerson(titleStart: served?.start ?? start, core: run, last: last, title: served?.title, role: role)
            let actor = mentions[mentions.count - 1].actor
            if actors[actor].role == nil || actors[actor].role == actors[actor].place { actors[actor].role = text.text(office.lowerBound, office.upperBound - 1) }
            return last + 1
        }
        if title == nil, let head = hashes.last, lex.groupHeads.contains(word: head) {
            addGroup(headFirst: run[0], last: last)
            return last + 1
        }
        // "Democratic senators", "Senate Republican lawmakers": capitalised modifiers of a plural member noun.
        if title == nil, let noun = groupNounAfter(last) {
            addGroup(headFirst: run[0], last: noun)
            return noun + 1
        }
        // Organisations: a head word anywhere, or a known institution name; "X of Y" continues the name.
        if title == nil, hashes.contains(where: { lex.orgHeads.contains(word: $0) }) || lex.orgNames.value(hashes[...]) != nil {
            var end = last
            if word(end + 1) == Words.of, end + 2 < count, sameBlock(start, end + 2),
               tok(end + 2).isCapitalized || tok(end + 2).kind == .number {
                let tail = nameRun(from: end + 2)
                end = tail.last ?? end + 2
            }
            addOther(kind: .organization, first: run[0], last: end)
            // "the UN Security Council said", "the U.S. State Department said": the subject opens at the abbreviated
            // place before the name (the name stays the body's own).
            if run[0] > 0, tok(run[0] - 1).has(Token.allCaps) || tok(run[0] - 1).has(Token.dotted), sameBlock(run[0] - 1, run[0]),
               lex.places.contains(word: tok(run[0] - 1).hash), !covered[run[0] - 1] {
                var start = run[0] - 1
                if word(start - 1) == Words.the { start -= 1 }
                mentions[mentions.count - 1].first = start
                for k in start..<run[0] { covered[k] = true }
            }
            return end + 1
        }
        if lex.places.value(hashes[...]) != nil || (run.count == 1 && lex.demonyms.contains(word: hashes[0])) {
            if title == nil, office == nil, let head = governmentHead(after: last), placeActsAsSubject(first: run[0], last: head) {
                addCountry(first: run[0], last: head, place: run[0]...last)
                return head + 1
            }
            if title == nil, office == nil, lex.places.value(hashes[...]) != nil, placeActsAsSubject(first: run[0], last: last) {
                addCountry(first: run[0], last: last, place: run[0]...last)
            }
            return last + 1
        }
        // "Credit...Jane Doe/Northgate Observer": what follows the slash is the outlet; after an agency
        // ("Reuters/Evelyn Hockstein", "AP/Jane Doe") it is the photographer.
        if text.isPunct(run[0] - 1, "/"), !tok(run[0]).has(Token.spaceBefore) || Self.creditLikeRoles.contains(role),
           !(isGivenName(run[0]) && run[0] >= 2 && (lex.orgNames.contains(word: tok(run[0] - 2).hash) || tok(run[0] - 2).has(Token.allCaps))) {
            return last + 1
        }
        // "Northgate Observer correspondent Wren Talbot": a name before a role noun and another name modifies it.
        if title == nil, let next = word(last + 1), !tok(last + 1).isCapitalized, Self.personNouns.contains(next),
           last + 2 < count, isNameToken(last + 2) {
            return last + 1
        }
        let suffix = run.count > 1 && Self.suffixes.contains(hashes[hashes.count - 1])
        let core = suffix ? Array(run.dropLast()) : run
        let hasInitial = core.dropLast().contains { tok($0).has(Token.initial) || tok($0).has(Token.dotted) }
        // "Virginia Beach", "Georgia Tech": a given name that is also a place proves nothing.
        let firstIsGiven = core.count >= 2 && (lex.givenNames.contains(word: tok(core[0]).hash)
            && !lex.places.contains(word: tok(core[0]).hash) || opensWithHyphenatedGivenName(core[0]))
        if title == nil, core.count == 1, word(last + 1) == Self.administration, !tok(last).has(Token.allCaps) {
            // "the Trump administration": a leader named only through the government he heads.
            addPerson(titleStart: start, core: core, last: last, title: nil, role: role)
            return last + 1
        }
        if title == nil {
            guard core.count >= 2 else { return last + 1 }
            // Words that never belong in a person's name: places, nationalities, months, weekdays.
            // (The short last part of a name written family name first may be spelled like a function word: "Nguyen Van An".)
            let familyTail = core.count == 3 && lex.familyNames.contains(word: tok(core[0]).hash) ? core[2] : -1
            let foreign = core.contains { lex.places.contains(word: tok($0).hash) || lex.demonyms.contains(word: tok($0).hash)
                || lex.stopwords.contains(word: tok($0).hash) && !tok($0).has(Token.initial) && $0 != familyTail
                || lex.orgNames.contains(word: tok($0).hash) }
            let demonymName = foreign && !firstIsGiven && demonymNamesPerson(core, start: start, last: last)
            if foreign && !firstIsGiven && !demonymName { return last + 1 }
            let credit = Self.creditLikeRoles.contains(role)
            guard firstIsGiven || hasInitial || suffix || credit || demonymName || joinsByParticle(core) || familyNameFirst(core)
                || personContext(after: last, before: start) || namedInRoleAppositive(start)
                || joinedToNamedPerson(start, core: core) else { return last + 1 }
            if start > 0, word(start - 1) == Words.the { return last + 1 }
        }
        addPerson(titleStart: start, core: core, last: last, title: title, role: role)
        return last + 1
    }

    static let governmentHeads = WordSet(["government", "cabinet"])

    /// "Colombian government", "Yemen’s Saudi-backed government": the government of the place just read (a demonym
    /// before the head, or the place's possessive and up to two modifiers), as the head's token.
    private func governmentHead(after last: Int) -> Int? {
        if let head = institutionAfterDemonym(last) { return head }
        guard last + 1 < count, tok(last + 1).kind == .possessive else { return nil }
        for k in (last + 2)..<min(count, last + 5) {
            guard let w = word(k) else { return nil }
            if Self.governmentHeads.contains(w) || Self.institutionHeadsAfterPlace.contains(w), !tok(k).isCapitalized { return k }
        }
        return nil
    }

    static let placeAuxiliaries = WordSet(["has", "have", "had", "will", "would", "also", "been", "did", "does",
        "do", "not", "now", "again", "already", "repeatedly", "publicly", "formally", "jointly", "swiftly", "then", "later"])
    /// Verbs of acting on a position that a government does: "the United Kingdom introduced a draft resolution".
    static let placeActionVerbs = WordSet(["agreed", "agrees", "introduced", "introduces", "offered", "offers", "demanded",
        "demands", "refused", "refuses", "accepted", "accepts", "welcomed", "welcomes", "backed", "backs", "sponsored",
        "sponsors", "sponsoring", "brokered", "brokering", "mediated", "mediating", "hosted", "hosting", "signed", "signs",
        "vetoed", "vetoes", "blocked", "blocks", "confirmed", "confirms", "sought", "seeks", "joined", "joins", "voted",
        "votes", "supported", "opposed", "objected", "approved", "approves", "committed", "commits", "promised", "promises",
        "engaged", "ruled", "sent", "sends", "postponed", "delayed", "resumed", "suspended",
        "issued", "issues", "released", "releases", "published", "publishes", "circulated"])

    /// "Qatar says", "Kyiv rejected", "Saudi Arabia and the US called on", "the United Kingdom introduced": a country or
    /// capital standing as the subject of a verb of saying, position or acting is its government, an actor. Not a place
    /// after a preposition ("in Qatar", "from Kyiv"), an owner ("Qatar's capital") or an item of a list after a comma
    /// ("The Gulf state, Egypt and the United States have been engaged").
    private func placeActsAsSubject(first: Int, last: Int) -> Bool {
        var p = first - 1
        if word(p) == Words.the { p -= 1 }
        if placeActsAsAgent(before: p, last: last) { return true }
        if placeSignedWith(before: p) { return true }
        if p >= 0, text.sentenceOf[p] == text.sentenceOf[first] {
            if let w = word(p) {
                guard !tok(p).isCapitalized || p == text.sentences[Int(text.sentenceOf[p])].lowerBound,
                      Self.clauseOpeners.contains(w) || roleNounOpensSubject(p) else { return false }
                // "talks between Israel and Qatar": a conjunct after "and" stands as a subject only when the one
                // before it does ("Saudi Arabia and the US called on").
                if w == Words.and {
                    // "Hamas and Israel agreed": after a name just recorded, the verb after this one tells.
                    if let named = mentions.last, named.last == p - 1, named.actor >= 0, actors[named.actor].kind != .person,
                       opensClause(at: named.first) {
                        return placeActsAsSubjectVerb(after: last)
                    }
                    var k = p - 1
                    while k >= 0, p - k <= 4, tok(k).isCapitalized, text.sentenceOf[k] == text.sentenceOf[first] { k -= 1 }
                    if word(k + 1) == Words.the { k += 1 }
                    guard k < p - 1, lex.places.value((k + 1..<p).map { tok($0).hash }[...]) != nil else { return false }
                    return placeActsAsSubject(first: k + 1, last: p - 1)
                }
            } else if !(text.isPunct(p, ";") || text.isPunct(p, ":") || closesQuote(p)) {
                return false
            }
        }
        return placeActsAsSubjectVerb(after: last)
    }

    /// Whether a verb of saying, position or acting follows the place ending at `last` as its subject's verb, past a
    /// parenthetical clause, a coordinated name, auxiliaries and a weekday.
    private func placeActsAsSubjectVerb(after last: Int) -> Bool {
        var j = last + 1
        if let after = afterParenthetical(comma: j) ?? afterOtherParties(and: j) { j = after }
        // "Saudi Arabia and the US called on", "Colombia and the National Liberation Army (ELN) rebel group agreed":
        // skip a coordinated name, with its acronym and the common nouns after it, to the shared verb.
        else if word(j) == Words.and {
            var k = j + 1
            if word(k) == Words.the { k += 1 }
            let start = k
            while k < count, k - start < 4, tok(k).isCapitalized, text.sentenceOf[k] == text.sentenceOf[last] { k += 1 }
            guard k > start else { return false }
            if text.isPunct(k, "("), let close = (k + 1..<min(count, k + 5)).first(where: { text.isPunct($0, ")") }) { k = close + 1 }
            // "Qatar and Egypt, which mediated the truce, pressed": a clause about the pair before their verb.
            if let after = afterParenthetical(comma: k) { k = after }
            var nouns = 0
            while nouns < 2, let w = word(k), !tok(k).isCapitalized, lex.verbs.value(word: w) == nil, !Self.placeActionVerbs.contains(w),
                  !Self.progressiveForms.contains(w),
                  !Self.placeAuxiliaries.contains(w), !Self.prepositions.contains(w), w != Words.on {
                k += 1
                nouns += 1
            }
            j = k
        }
        var skipped = 0
        while skipped < 3, let w = word(j), Self.placeAuxiliaries.contains(w) || isAdverbInLy(j) { j += 1; skipped += 1 }
        if word(j) == Words.on, let d = word(j + 1), DateParser.weekdays[d] != nil { j += 2 }
        if placeActsThroughEffort(at: j) { return true }
        guard let verb = word(j), !tok(j).isCapitalized else { return false }
        return lex.verbs.value(word: verb) != nil || Self.placeActionVerbs.contains(verb)
    }

    /// "Osama bin Laden", "Ursula von der Leyen": a lower-case particle standing alone inside a capitalised run joins
    /// only personal names (places such as "Rio de Janeiro" are known before this is asked). One joined to the next
    /// word by a hyphen also opens place names ("Deir al-Balah") and proves nothing.
    private func joinsByParticle(_ core: [Int]) -> Bool {
        core.dropFirst().dropLast().contains { !tok($0).isCapitalized && Self.particles.contains(tok($0).hash) }
    }

    /// "Moon Jae-in", "Kim Kye Gwan": a name of two or three words opening with a family name written first.
    private func familyNameFirst(_ core: [Int]) -> Bool {
        // (A third part spelled like a function word was let into the run by `endsFamilyFirstName`.)
        (2...3).contains(core.count) && lex.familyNames.contains(word: tok(core[0]).hash)
            && !core.dropFirst().contains { lex.places.contains(word: tok($0).hash) || lex.stopwords.contains(word: tok($0).hash) && !(core.count == 3 && $0 == core[2]) }
    }

    /// "Republicans Mike Turner and French Hill", "said French Hill": a first name that is also a nationality
    /// word, in a list right after a person or right after a speech verb, with nothing foreign after it.
    private func demonymNamesPerson(_ core: [Int], start: Int, last: Int) -> Bool {
        guard lex.demonyms.contains(word: tok(core[0]).hash) else { return false }
        let rest = core.dropFirst()
        guard !rest.contains(where: { lex.places.contains(word: tok($0).hash) || lex.demonyms.contains(word: tok($0).hash)
            || lex.stopwords.contains(word: tok($0).hash) || lex.orgNames.contains(word: tok($0).hash) }) else { return false }
        if let prev = word(start - 1), prev == Words.said || prev == Words.told { return true }
        // ("British Airways said": a speech verb after the pair proves nothing.)
        guard word(start - 1) == Words.and || text.isPunct(start - 1, ","), let previous = mentions.last,
              previous.last == start - 2, previous.actor >= 0 else { return false }
        return actors[previous.actor].kind == .person
    }

    /// "Tammy Duckworth (Ill.)", "Chris Murphy (D-Conn.)", "(R-Utah)": a legislator's party or state tag in
    /// brackets (an abbreviation with a full stop, or a party letter and hyphen), not an acronym "(NATO)".
    private func hasPartyTag(after last: Int) -> Bool {
        guard text.isPunct(last + 1, "("), let close = (last + 2..<min(count, last + 7)).first(where: { text.isPunct($0, ")") }),
              close > last + 2 else { return false }
        let inner = (last + 2)..<close
        guard inner.allSatisfy({ tok($0).kind == .punct || tok($0).isCapitalized }) else { return false }
        if inner.contains(where: { tok($0).isPunct(".") || tok($0).has(Token.dotted) }) { return true }
        let first = tok(last + 2)
        return first.end - first.start >= 3 && text.scalars[Int(first.start) + 1] == "-"
    }

    /// "Velmaria’s defense minister": a capitalised owner opening an appositive role.
    private func isPossessiveLead(_ t: Int) -> Bool {
        t + 1 < count && tok(t).isCapitalized && tok(t + 1).kind == .possessive
    }

    /// ", a professor", ", who", ", Democrat of New York" after the name, or "said" next to it.
    private func personContext(after last: Int, before start: Int) -> Bool {
        if let prev = word(start - 1), prev == Words.said || prev == Words.told { return true }
        // "State Department spokesperson Morgan Ortagus": a role noun right before the name.
        if let prev = word(start - 1), !tok(start - 1).isCapitalized, Self.personNouns.contains(prev) { return true }
        if hasPartyTag(after: last) { return true }
        // Credits: "Photo: Jane Doe/Agency", "Produced by Jane Doe".
        if text.isPunct(last + 1, "/"), last + 2 < count, tok(last + 2).isCapitalized, !tok(last + 2).has(Token.spaceBefore) { return true }
        if word(start - 1) == Words.by, let verb = word(start - 2), Self.creditVerbs.contains(verb) { return true }
        if start >= 2, text.isPunct(start - 1, ","), let role = word(start - 2), !tok(start - 2).isCapitalized,
           Self.personNouns.contains(role), text.isPunct(last + 1, ",") || text.isPunct(last + 1, ".") {
            return true
        }
        if let next = word(last + 1), lex.verbs.value(word: next) == .speech { return true }
        // "X Y has rejected ... Y said": an auxiliary or adverb, then a verb of saying or position, with the surname
        // written again (a region or body, "Blue Nile has called for", is not named by its last word alone).
        if let next = word(last + 1), Self.verbLeads.contains(next), let verb = word(last + 2), !tok(last + 2).isCapitalized,
           lex.verbs.value(word: verb) != nil, surnameRecurs(last) { return true }
        guard text.isPunct(last + 1, ","), let w = word(last + 2) else { return false }
        if w == Words.who { return true }
        if w == Words.a || w == Words.an || w == Words.the || isPossessiveLead(last + 2) {
            // A role noun within the appositive: "a former career diplomat", "the chairman of".
            var j = last + 3
            while j < min(count, last + 10), !text.isPunct(j, ","), !text.isPunct(j, ".") {
                if tok(j).kind == .word, !tok(j).isCapitalized, Self.personNouns.contains(tok(j).hash) { return true }
                j += 1
            }
            return false
        }
        return Self.partyWords.contains(w)
    }

    /// Whether the word at `last` stands again elsewhere, alone, beside a verb of saying or position ("Y said",
    /// "said Y"), as a person's surname does.
    private func surnameRecurs(_ last: Int) -> Bool {
        let hash = tok(last).hash
        for k in 0..<count where k != last && tok(k).hash == hash && tok(k).kind == .word && tok(k).isCapitalized {
            if k > 0, tok(k - 1).isCapitalized, tok(k - 1).kind == .word { continue }
            if word(k + 1).map({ lex.verbs.value(word: $0) != nil }) == true
                || word(k - 1).map({ lex.verbs.value(word: $0) == .speech }) == true { return true }
        }
        return false
    }

    static let verbLeads = WordSet(["has", "had", "also", "later", "then", "again", "repeatedly", "publicly", "previously"])
    static let creditVerbs = WordSet(["produced", "written", "edited", "reported", "photographed", "illustrated",
        "compiled", "directed", "presented", "hosted"])
    static let personNouns = WordSet(["host", "producer", "photographer", "surgeon", "nurse", "medic", "engineer",
        "farmer", "worker", "volunteer", "co-founder", "cofounder", "priest", "pastor", "rabbi", "imam", "owner", "survivor", "witness",
"professor", "diplomat", "adviser", "advisor", "ambassador", "chairman",
        "chairwoman", "chair", "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "analyst", "expert",
        "official", "leader", "director", "president", "senator", "lawmaker", "commander", "general", "officer",
        "researcher", "fellow", "economist", "historian", "scholar", "lawyer", "member", "founder", "executive",
        "chief", "head", "negotiator", "envoy", "aide", "strategist", "journalist", "correspondent", "editor", "author",
        "colonel", "veteran", "governor", "mayor", "representative", "congressman", "congresswoman", "judge",
        "candidate", "activist", "resident", "citizen", "soldier", "father", "mother", "son", "daughter", "wife",
        "husband", "man", "woman", "student", "teacher", "doctor", "partner", "manager", "deputy", "speaker",
        "democrat", "republican", "physicist", "scientist", "writer", "columnist", "pollster", "consultant", "mp",
        "legislator", "politician", "campaigner", "lecturer", "commentator", "spokesman", "envoy", "premier", "attorney",
        "commissioner", "mediator", "prosecutor", "chancellor", "coordinator", "rapporteur", "delegate",
        "secretary-general", "director-general", "vice-president", "vice-chairman", "co-chair", "co-chairman",
        "commander-in-chief", "chief-of-staff", "under-secretary", "undersecretary"])

    /// "Qatari Prime Minister and Foreign Minister X": the first of two titles joined by "and" before the one
    /// that opens the name, with a nationality before it.
    private func titleJoined(before start: Int) -> (first: Int, title: Lexicon.Title)? {
        guard start >= 2, word(start - 1) == Words.and else { return nil }
        for k in max(0, start - 1 - lex.titles.maxWords)..<(start - 1) where sameBlock(k, start) {
            guard let found = matchTitle(at: k), found.end == start - 1 else { continue }
            var first = k
            if first > 0, sameBlock(first - 1, k), tok(first - 1).isCapitalized, lex.demonyms.contains(word: tok(first - 1).hash) { first -= 1 }
            return (first, found.title)
        }
        return nil
    }

    mutating func addPerson(titleStart: Int, core: [Int], last: Int, title: Lexicon.Title?, role: BlockRole) {
        var titleStart = titleStart
        var joinedTitle: Lexicon.Title?
        if title != nil, let joined = titleJoined(before: titleStart) {
            titleStart = joined.first
            joinedTitle = joined.title
        }
        let surname = tok(core[core.count - 1]).hash
        // "Van der Berg said" after "Pieter van der Berg": a particle capitalised at a sentence's start is no given name.
        let given = core.count >= 2 && !tok(core[0]).has(Token.initial) && !tok(core[0]).has(Token.dotted)
            && tok(core[0]).isCapitalized && !Self.particles.contains(tok(core[0]).hash) ? tok(core[0]).hash : 0
        let fullName = text.text(core[0], last)
        var index = -1
        for candidate in personBySurname[surname, default: []].reversed() {
            let g = actors[candidate].given
            // "Ben Gvir" and "Itamar Ben Gvir", in either order: a surname of two words, not another given name.
            let twoWordSurname = (core.count == 2 && actors[candidate].beforeSurname == given)
                || (core.count >= 3 && actors[candidate].nameTokens == 2 && g == tok(core[core.count - 2]).hash)
            if g == 0 || given == 0 || g == given || twoWordSurname {
                index = candidate
                break
            }
        }
        // Family name first ("Xi Jinping", then "Mr. Xi"): a titled single name matching a first name.
        if index < 0, core.count == 1, title != nil,
           let candidate = actors.lastIndex(where: { $0.kind == .person && $0.given == surname && $0.nameTokens >= 2 }) {
            index = candidate
        }
        if index < 0 {
            index = actors.count
            actors.append(ActorDraft(name: fullName, kind: .person, key: surname, given: given, nameTokens: core.count))
            personBySurname[surname, default: []].append(index)
        } else if actors[index].given == surname, core.count == 1 {
            personBySurname[surname, default: []].append(index)
        } else if core.count > actors[index].nameTokens {
            let old = actors[index].name
            actors[index].name = fullName
            actors[index].given = given
            actors[index].nameTokens = core.count
            actors[index].addAlias(old)
        }
        if core.count >= 3 { actors[index].beforeSurname = tok(core[core.count - 2]).hash }
        // "Moon said" after "Moon Jae-in": the family name written first names the person alone.
        if familyNameFirst(core), !personBySurname[tok(core[0]).hash, default: []].contains(index) {
            personBySurname[tok(core[0]).hash, default: []].append(index)
        }
        var actor = actors[index]
        let alias = text.text(titleStart, last)
        actor.addAlias(alias)
        if title != nil || core.count == 1 { actor.addAlias(text.text(core[core.count - 1], core[core.count - 1])) }
        let subordinate = title != nil && namesSubordinateRank(titleStart..<core[0])
        if let title, !subordinate {
            actor.titles.insert(title.canonical)
            if actor.gender == .unknown { actor.gender = title.gender }
        }
        if let joinedTitle { actor.titles.insert(joinedTitle.canonical) }
        if actor.gender == .unknown, given != 0, let g = lex.givenNames.value(word: given) { actor.gender = g }
        // "President X of Russia": the place that "the Russian leader" refers to.
        var after = last + 1
        if word(after) == Words.of, after + 1 < count {
            var placeWords: [UInt64] = []
            var j = after + 1
            while j < count, isNameToken(j), placeWords.count < 3 { placeWords.append(tok(j).hash); j += 1 }
            if let place = lex.places.value(placeWords[...]) {
                actor.place = actor.place ?? place
                after = j
            }
        }
        for k in titleStart..<core[0] where tok(k).isCapitalized && actor.place == nil {
            actor.place = lex.demonyms.value(word: tok(k).hash) ?? lex.places.value(word: tok(k).hash)
        }
        if actor.role == nil { actor.role = appositiveRole(after: after) ?? roleBefore(titleStart) ?? roleWordBefore(titleStart) }
        if actor.role == nil, let title, !["Mr.", "Mrs.", "Ms.", "Dr."].contains(title.canonical) {
            actor.role = subordinate ? text.text(titleStart, core[0] - 1) : title.canonical
        }
        if actor.place == nil, actor.role != nil, !actor.placeChecked {
            actor.placeChecked = true
            for w in Tokenizer.tokenize(actor.role!).tokens where w.isCapitalized {
                if let place = lex.demonyms.value(word: w.hash) ?? lex.places.value(word: w.hash) { actor.place = place; break }
            }
        }
        if !Self.nonParticipantRoles.contains(role) { actor.participant = true }
        actor.mentionCount += 1
        actors[index] = actor
        mentions.append(Mention(first: titleStart, last: last, actor: index, kind: .named, subjectLike: false))
        for k in titleStart...last { covered[k] = true }
    }

    /// "Ukraine's president, Volodymyr Zelensky" -> "Ukraine's president".
    private func roleBefore(_ start: Int) -> String? {
        guard start >= 2, text.isPunct(start - 1, ","), let noun = word(start - 2), !tok(start - 2).isCapitalized,
              Self.personNouns.contains(noun) else { return nil }
        var first = start - 2
        while first > 0, start - 2 - first < 4, text.sentenceOf[first - 1] == text.sentenceOf[start] {
            let t = tok(first - 1)
            if t.kind == .possessive || (t.kind == .word && !Self.prepositions.contains(t.hash) && lex.verbs.value(word: t.hash) == nil) {
                first -= 1
            } else {
                break
            }
        }
        if let w = word(first), w == Words.the || w == Words.a || w == Words.an { first += 1 }
        return text.text(first, start - 2)
    }

    /// ", the chairman of the Joint Chiefs of Staff," -> "chairman of the Joint Chiefs of Staff".
    private func appositiveRole(after: Int) -> String? {
        guard text.isPunct(after, ","), after + 1 < count, let w = word(after + 1) else { return nil }
        let startsRole = w == Words.a || w == Words.an || w == Words.the || Self.partyWords.contains(w)
            || Self.personNouns.contains(w) || w == Self.former || isPossessiveLead(after + 1)
        guard startsRole else { return nil }
        var j = after + 1
        var end = j
        while j < min(count, after + 16), sameBlock(after, j) {
            let t = tok(j)
            if t.kind == .punct && !t.isPunct("-") { break }
            if t.kind != .word && t.kind != .number && t.kind != .possessive { break }
            if t.hash == Words.who || t.hash == Words.which || t.hash == Words.that { break }
            if lex.verbs.value(word: t.hash) == .speech && !t.isCapitalized { break }
            end = j
            j += 1
        }
        var first = after + 1
        if w == Words.a || w == Words.an || w == Words.the { first += 1 }
        return first <= end ? text.text(first, end) : nil
    }

    mutating func addOther(kind: ActorKind, first: Int, last: Int, key given: UInt64? = nil) {
        let key = given ?? WordHash.key((first...last).compactMap { tok($0).kind == .word || tok($0).kind == .number ? tok($0).hash : nil })
        let name = text.text(first, last)
        let index: Int
        if let existing = otherByKey[key] {
            index = existing
        } else {
            index = actors.count
            actors.append(ActorDraft(name: name, kind: kind, key: key))
            otherByKey[key] = index
        }
        var start = first
        if start > 0, word(start - 1) == Words.the {
            start -= 1
            actors[index].addAlias(text.text(start, last))
        }
        if !Self.nonParticipantRoles.contains(text.role(ofToken: first)) { actors[index].participant = true }
        actors[index].mentionCount += 1
        mentions.append(Mention(first: start, last: last, actor: index, kind: .named, subjectLike: false))
        for k in start...last { covered[k] = true }
    }

    /// "A group of progressive House Democrats": political modifiers and a collective noun widen the name.
    private mutating func addGroup(headFirst: Int, last: Int) {
        var first = headFirst
        while first > 0, sameBlock(first - 1, headFirst), !tok(first - 1).isCapitalized,
              tok(first - 1).kind == .number || word(first - 1).map({ lex.groupModifiers.contains(word: $0) }) ?? false {
            first -= 1
        }
        var mentionStart = first
        if first >= 2, word(first - 1) == Words.of, let c = word(first - 2), lex.groupCollectives.contains(word: c) {
            mentionStart = first - 2
            if mentionStart > 0, let a = word(mentionStart - 1), a == Words.a || a == Words.the { mentionStart -= 1 }
        }
        addOther(kind: .group, first: first, last: last)
        mentions[mentions.count - 1].first = min(mentions[mentions.count - 1].first, mentionStart)
        let index = mentions[mentions.count - 1].actor
        if mentionStart < first { actors[index].addAlias(text.text(mentionStart, last)) }
    }

    static let qualifierPrepositions = WordSet(["for", "from", "of", "on", "in"])
    static let determiners = WordSet(["the", "a", "an", "his", "her", "their", "its", "our", "these", "those"])

    /// "negotiators for both sides said", "Rights groups ... called": members of no named group, written as a
    /// plural noun with a modifier or a qualifier and followed by a verb of saying or position, speak as a group of
    /// their own. ("The negotiators" refers back to a group named before; bare "lawmakers said" names no one.)
    private mutating func findCommonNounGroups() {
        for i in 0..<count where !covered[i] && tok(i).kind == .word && !tok(i).isCapitalized && lex.groupMembers.contains(word: tok(i).hash) {
            let role = text.role(ofToken: i)
            guard role == .body || role == .standfirst, text.quoteOf[i] < 0 else { continue }
            let sentence = text.sentenceOf[i]
            var first = i
            while first > 0, i - first < 2, text.sentenceOf[first - 1] == sentence, !covered[first - 1], let w = word(first - 1),
                  !Self.blockers.contains(w), !lex.stopwords.contains(word: w), lex.verbs.value(word: w) == nil,
                  !tok(first - 1).isCapitalized || text.sentences[Int(sentence)].lowerBound == first - 1 {
                first -= 1
            }
            // Owned or determined ("their negotiators", "the senators"): a reference, not a new group.
            if first > 0, text.sentenceOf[first - 1] == sentence,
               tok(first - 1).kind == .possessive || word(first - 1).map(Self.determiners.contains) ?? false {
                continue
            }
            var last = i
            if let w = word(i + 1), Self.qualifierPrepositions.contains(w) {
                var k = i + 2
                while k < min(count, i + 6), tok(k).kind == .word, text.sentenceOf[k] == sentence, lex.verbs.value(word: tok(k).hash) == nil { k += 1 }
                if k > i + 2 { last = k - 1 }
            }
            guard first < i || last > i, verbFollows(last) else { continue }
            addOther(kind: .group, first: first, last: last)
        }
    }

    /// A known surname alone ("Biden", "Zelensky") is a mention of that person, in any block.
    private mutating func findSurnameMentions() {
        let named = mentions
        var lastSeen = [Int](repeating: -1, count: actors.count)
        // Asked for every capitalised token: a `WordTable` of the surnames (word hashes are well mixed) instead
        // of the dictionary's SipHash per look-up.
        var surnames = WordTable<[Int]>(capacity: personBySurname.count)
        for (surname, people) in personBySurname { surnames[surname] = people }
        var cursor = 0
        for i in 0..<count {
            while cursor < named.count, named[cursor].first < i {
                // A name inside a quote ("[Kim Jong Un]") is the speaker's, not who the narration turns to next.
                if text.quoteOf[named[cursor].first] < 0 || lastSeen[named[cursor].actor] < 0 {
                    lastSeen[named[cursor].actor] = named[cursor].first
                }
                cursor += 1
            }
            guard !covered[i], tok(i).isCapitalized, let candidates = surnames[tok(i).hash] else { continue }
            let role = text.role(ofToken: i)
            if role == .promo { continue }
            // The most recent bearer of the surname, or the first one when none came before.
            let chosen = candidates.max { lastSeen[$0] < lastSeen[$1] } ?? candidates[0]
            actors[chosen].mentionCount += 1
            if !Self.nonParticipantRoles.contains(role) && role != .headline && role != .sidebar { actors[chosen].participant = true }
            mentions.append(Mention(first: i, last: i, actor: chosen, kind: .named, subjectLike: false))
        }
    }

    static let they: UInt64 = 0x2579_BAEF_323C_F77F   // WordHash.hash("they")

    /// "they", "the senators", "the group", "the letter", "a statement": a reference to the group or
    /// organisation last named within a few sentences, as a noun phrase of its own (not "the letter's").
    private func collectiveReference(at i: Int) -> (first: Int, organisations: Bool)? {
        let t = tok(i)
        if t.hash == Self.they { return (i, false) }
        if let pronoun = institutionPronoun(at: i) { return pronoun }
        guard !t.isCapitalized, i > 0, let article = word(i - 1), article == Words.the || article == Words.a,
              tok(i + 1 < count ? i + 1 : i).kind != .possessive else { return nil }
        if lex.groupDocuments.contains(word: t.hash) {
            return article == Words.the || article == Words.a ? (i - 1, true) : nil
        }
        guard article == Words.the else { return nil }
        if lex.groupMembers.contains(word: t.hash) { return (i - 1, false) }
        if lex.groupCollectives.contains(word: t.hash) { return (i - 1, true) }
        return nil
    }

    /// The group (or organisation) named last before `first` within four sentences, or the one an
    /// earlier reference resolved to when that came later: "they wrote ... they added".
    private func resolveCollective(first: Int, organisations: Bool, named: [Mention], previous: Mention?) -> Int {
        let sentence = text.sentenceOf[first]
        func fits(_ m: Mention) -> Bool {
            let kind = actors[m.actor].kind
            return sentence - text.sentenceOf[m.first] <= 4 && (kind == .group || (organisations && kind == .organization))
        }
        var lo = 0, hi = named.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if named[mid].first < first { lo = mid + 1 } else { hi = mid }
        }
        // "the movement", "the caucus": a group whose own name ends in that noun ("the White Ribbon
        // movement") is meant, over an institution named after it ("marched to the Assembly"). The search
        // for it is capped: a sentence that never ends can hold thousands of names.
        let head = word(first) == Words.the ? word(first + 1).flatMap { lex.groupNameEnds.contains(word: $0) ? $0 : nil } : nil
        var found: Mention?
        var latest: Mention?
        var k = lo - 1
        var tried = 0
        while k >= 0, tried < 64, sentence - text.sentenceOf[named[k].first] <= 4 {
            if text.quoteOf[named[k].first] < 0, fits(named[k]) {
                tried += 1
                if latest == nil { latest = named[k] }
                if head == nil || tok(named[k].last).hash == head { found = named[k]; break }
            }
            k -= 1
        }
        if let found, head != nil { return found.actor }
        found = found ?? latest
        if let previous, previous.first > found?.first ?? -1, fits(previous) { return previous.actor }
        return found?.actor ?? -1
    }

    /// "the general", "the president", "the Ukrainian leader", the pronouns "he" and "she", and
    /// references to a group ("they", "the senators", "the letter").
    private mutating func findRoleNounsAndPronouns() {
        // Calls go through this copy: a method called on `self` from this mutating loop made Swift copy the
        // whole recognizer at each call (callgrind: a memcpy per call, about one a token). The helpers called
        // through it read only the text and the lexicon, which this pass does not change.
        let recognizer = self
        var previousReference: Mention?
        var peopleNamed: [Mention]?
        let named = mentions.filter { $0.kind == .named && $0.actor >= 0 && actors[$0.actor].kind != .person }
            .sorted { $0.first < $1.first }
        for i in 0..<count {
            let t = tok(i)
            guard t.kind == .word, !covered[i] else { continue }
            let role = text.role(ofToken: i)
            guard !role.isBoilerplate || role == .standfirst, role != .headline else { continue }
            if text.quoteOf[i] < 0, let reference = recognizer.collectiveReference(at: i) {
                var actor = resolveCollective(first: reference.first, organisations: reference.organisations, named: named,
                                              previous: previousReference)
                if actor < 0 { actor = pluralSpeaker(reference.first, noun: i, people: &peopleNamed) }
                if actor >= 0 {
                    actors[actor].mentionCount += 1
                    let mention = Mention(first: reference.first, last: i, actor: actor, kind: .collective, subjectLike: false)
                    mentions.append(mention)
                    previousReference = mention
                }
                continue
            }
            if t.hash == Words.he || t.hash == Words.she {
                guard text.quoteOf[i] < 0 else { continue }
                mentions.append(Mention(first: i, last: i, actor: -1, kind: .pronoun, subjectLike: true,
                                        gender: t.hash == Words.he ? .male : .female))
                continue
            }
            // "the Washington Democrat", "the Texas Republican": a legislator named by home and party.
            if t.isCapitalized, Self.partyWords.contains(t.hash), i >= 2, word(i - 2) == Words.the, tok(i - 1).isCapitalized,
               lex.places.contains(word: tok(i - 1).hash) {
                mentions.append(Mention(first: i - 2, last: i, actor: -1, kind: .role, subjectLike: false, roleTitle: "*"))
                continue
            }
            if t.isCapitalized, let reference = recognizer.titleReference(at: i) {
                mentions.append(reference)
                continue
            }
            guard !t.isCapitalized, var canonical = lex.roleNouns.value(word: t.hash) else { continue }
            var j = i - 1
            // "the prime minister", "the UK foreign secretary": a title of two words names the office exactly.
            // ("the secretary general" stays the secretary's: a role noun before it is its own mention.)
            if let w = word(j), !tok(j).isCapitalized, lex.roleNouns.value(word: w) == nil, let title = lex.titles.value([w, t.hash][...]) {
                canonical = title.canonical
                j -= 1
            }
            var place: String?
            if j >= 0, tok(j).isCapitalized, !covered[j],
               let p = lex.demonyms.value(word: tok(j).hash) ?? (tok(j).has(Token.allCaps) ? lex.places.value(word: tok(j).hash) : nil) {
                place = p
                j -= 1
            }
            // "the former president": the title still names who held it.
            if word(j) == Self.former { j -= 1 }
            let speakerFirst = word(j) == Words.the ? nil : recognizer.roleAfterSpeechVerb(endingAt: j)
            guard j >= 0, word(j) == Words.the || speakerFirst != nil else { continue }
            if canonical == "*" && place == nil && speakerFirst == nil { continue }
            // "the president of France", "the general election": not a reference back to a person.
            if let n = word(i + 1) {
                if n == Words.of || tok(i + 1).isCapitalized && !recognizer.lineBreaks(between: i, and: i + 1) { continue }
                if t.hash == Self.ambiguousRole && !Self.verbish.contains(n) && lex.verbs.value(word: n) == nil { continue }
            } else if i + 1 < count, tok(i + 1).isCapitalized { continue }
            mentions.append(Mention(first: speakerFirst ?? j, last: i, actor: -1, kind: .role, subjectLike: false,
                                    roleTitle: canonical, rolePlace: place))
        }
        resolveRoleNouns()
    }

    /// A role noun refers to the most salient person holding that title: one named without a foreign
    /// qualifier first, then the one mentioned most.
    private mutating func resolveRoleNouns() {
        // Named people by position: who was named just before a role noun.
        let named = mentions.filter { $0.kind == .named && $0.actor >= 0 && actors[$0.actor].kind == .person }
            .sorted { $0.first < $1.first }
        // Who holds a title depends only on the title and place asked for (this loop changes no actor's kind,
        // titles, role or place), and an article repeats a few role nouns many times: each pair is found once.
        struct Asked: Hashable {
            var title: String?
            var place: String?
        }
        var holdersOf: [Asked: [Int]] = [:]
        let ranked = actors.map { Self.hasSubordinateRank($0.role) }
        // "The UK foreign secretary has said ... . ... David Lammy said": a role that opens the article before
        // anyone holding it is named points forward to the first person the narration names.
        let firstNarrated = named.first {
            let role = text.role(ofToken: $0.first)
            return (role == .body || role == .standfirst) && text.quoteOf[$0.first] < 0
        }
        for index in mentions.indices where mentions[index].kind == .role {
            let m = mentions[index]
            let asked = Asked(title: m.roleTitle, place: m.rolePlace)
            let holders: [Int]
            if let known = holdersOf[asked] {
                holders = known
            } else {
                holders = actors.indices.filter { a in
                    // Fields read in place: a copy of each draft (its name, aliases, titles...) cost more than the test.
                    guard actors[a].kind == .person else { return false }
                    let titles = actors[a].titles, role = actors[a].role
                    let titled = m.roleTitle == "*" ? !titles.isEmpty || role != nil : titles.contains(m.roleTitle ?? "")
                        || Self.roleNames(role, title: m.roleTitle)
                    return titled && (m.rolePlace == nil || actors[a].place == m.rolePlace) && !(ranked[a] && Self.roleNamesSubordinate(role, title: m.roleTitle))
                }
                holdersOf[asked] = holders
            }
            // Among holders of the title, the one the last sentences named last ("Jana Velk, the defense
            // minister, ... the minister said") over one mentioned more often.
            let latest = latestNamed(before: m.first, in: named, among: Set(holders))
            var best = -1
            var bestScore = -1
            for a in holders {
                var score = actors[a].mentionCount
                if m.rolePlace == nil && actors[a].place == nil { score += 1000 }
                if a == latest { score += 500 }
                if score > bestScore { bestScore = score; best = a }
            }
            // (One who holds the title and is the first named is the one meant, whoever is mentioned more.)
            if let ahead = firstNarrated, m.first < ahead.first, text.sentenceOf[ahead.first] - text.sentenceOf[m.first] <= 6,
               best < 0 && (actors[ahead.actor].titles.isEmpty || actors[ahead.actor].titles.contains(m.roleTitle ?? ""))
                || holders.contains(ahead.actor) {
                best = ahead.actor
            }
            guard best >= 0 else { continue }
            mentions[index].actor = best
            actors[best].addAlias(text.text(m.first, m.last))
            actors[best].mentionCount += 1
        }
        mentions.removeAll { $0.kind == .role && $0.actor < 0 }
    }

    /// The person of `among` named last within the two sentences before token `t`.
    private func latestNamed(before t: Int, in named: [Mention], among: Set<Int>) -> Int? {
        var lo = 0, hi = named.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if named[mid].first < t { lo = mid + 1 } else { hi = mid }
        }
        var k = lo - 1
        while k >= 0, text.sentenceOf[t] - text.sentenceOf[named[k].first] <= 2 {
            if among.contains(named[k].actor) { return named[k].actor }
            k -= 1
        }
        return nil
    }

    /// Whether a role names the title as one of its words: "Foreign Minister" and "defense minister of
    /// Velmaria" are ministers.
    static func roleNames(_ role: String?, title: String?) -> Bool {
        guard let role, let title, !title.isEmpty else { return false }
        let wanted = title.lowercased()
        // The byte test first: Foundation's `contains` cost thousands of instructions a call, and it can only
        // find a space where a space byte is.
        if wanted.utf8.contains(32), wanted.contains(" ") { return role.lowercased().contains(wanted) }
        // An ASCII role (nearly every one) is read as bytes: letters are exactly the ASCII letters there, and
        // splitting by `Character` costs tens of instructions a letter.
        // Through buffers, without the string view's index checks at every byte.
        var roleText = role, wantedText = wanted
        let named = roleText.withUTF8 { bytes in wantedText.withUTF8 { wantedBytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var start = 0
            var k = 0
            while true {
                let atEnd = k == bytes.count
                if !atEnd, Tokenizer.isASCIILetter(UInt32(bytes[k])) {
                    k += 1
                    continue
                }
                if bytes[start..<k].elementsEqual(wantedBytes, by: { ($0 | ($0 >= 65 && $0 <= 90 ? 32 : 0)) == $1 }) {
                    return true
                }
                if atEnd { return false }
                k += 1
                start = k
            }
        } }
        if let named { return named }
        return role.lowercased().split(whereSeparator: { !$0.isLetter }).contains { $0 == wanted }
    }

    static let clauseOpeners = WordSet(["and", "but", "while", "although", "though", "as", "when", "because",
        "that", "if", "including", "then", "so", "since", "after", "before", "until", "whereas", "where", "meanwhile",
        "also", "now", "instead", "indeed", "however", "former"])
    static let modifierFollowers = WordSet(["ministers", "officials", "leaders", "lawmakers", "diplomats",
        "members", "foreign", "defense", "defence", "policy", "military", "forces", "troops", "spokesman", "spokeswoman",
        "administration", "government", "officers", "negotiators", "envoys", "aides", "allies", "supporters"])
    /// Words that open an appositive about a person: ", one of the ...,", ", once a ...,", ", long a ...,".
    static let appositiveOpeners = WordSet(["one", "once", "formerly", "previously", "long", "now", "until", "himself",
        "herself", "still", "also"])
    static let predicateSkips = WordSet(["a", "an", "the", "who", "which", "whose", "whom", "and", "or", "but"])

    /// "Netanyahu’s Likud party blasted ...": an owner's name opening the clause leaves the thing owned its subject.
    private func ownerOpensClause(possessive p: Int) -> Bool {
        var k = p - 1
        while k >= 0, p - k <= 4, tok(k).isCapitalized, text.sentenceOf[k] == text.sentenceOf[p] { k -= 1 }
        guard k < p - 1 else { return false }
        return k < 0 || text.sentenceOf[k] != text.sentenceOf[p] || word(k).map(Self.clauseOpeners.contains) ?? false
    }

    static let articles = WordSet(["the", "a", "an", "or", "nor"])
    /// "drafted by the mediator X", "met with the envoy X": a name after a preposition and a lower-case role
    /// noun is the preposition's object, however the clause goes on.
    private func governedByPreposition(_ m: Mention) -> Bool {
        var k = m.first - 1
        var roleWords = 0
        while k >= 0, roleWords < 3, let w = word(k), !tok(k).isCapitalized, Self.personNouns.contains(w) || Self.articles.contains(w) {
            roleWords += 1
            k -= 1
        }
        guard roleWords > 0, let w = word(k), !tok(k).isCapitalized, !Self.articles.contains(w) else { return false }
        return Self.prepositions.contains(w) && text.sentenceOf[k] == text.sentenceOf[m.first]
    }

    /// Whether the mention stands where a clause's subject does (after a clause opener or a speech verb,
    /// followed by what reads as its verb), and where its predicate starts.
    private func subjectPosition(_ m: Mention) -> (Bool, Int) {
        var j = m.last + 1
        // "Harlan J. Pruitt Jr. of Norland": the suffix's full stop belongs to the name.
        if text.isPunct(j, "."), Self.suffixes.contains(tok(m.last).hash), word(j + 1) != nil { j += 1 }
        if word(j) == Words.of, j + 1 < count, tok(j + 1).isCapitalized {
            j += 1
            while j < count, isNameToken(j) { j += 1 }
        }
        // A party tag or short aside in brackets: "Sen. Chris Murphy (D-Conn.) said".
        if text.isPunct(j, "("), let close = (j + 1..<min(count, j + 10)).first(where: { text.isPunct($0, ")") }),
           text.sentenceOf[close] == text.sentenceOf[j] {
            j = close + 1
        }
        // "The Philippines, in a statement on Friday, called for ...": an aside opening with a preposition.
        if text.isPunct(j, ","), let w = word(j + 1), Self.prepositions.contains(w), let after = afterParenthetical(comma: j) {
            j = after
        } else if text.isPunct(j, ","), let w = word(j + 1), tok(j + 1).isCapitalized || Self.predicateSkips.contains(w) || Self.personNouns.contains(w)
            || Self.partyWords.contains(w) || w == Self.former || Self.appositiveOpeners.contains(w) {
            // Skip an appositive to its closing comma.
            var k = j + 1
            while k < min(count, j + 40), !text.isPunct(k, ","), !(text.isPunct(k, ".") && !text.isPunct(k + 1, ",")),
                  !text.isPunct(k, ";"), text.quoteOf[k] < 0 { k += 1 }
            j = text.isPunct(k, ",") ? k + 1 : k
        } else if text.isPunct(j, ",") {
            j += 1
        }
        // A time phrase between subject and verb: "the Pentagon on Thursday announced".
        if word(j) == Words.on, let d = word(j + 1), DateParser.weekdays[d] != nil { j += 2 }
        let predicate = min(j, count)
        var before = m.first - 1
        while before >= 0, m.first - before <= 4, tok(before).isCapitalized || tok(before).has(Token.dotted),
              lex.orgNames.contains(word: tok(before).hash) || lex.orgHeads.contains(word: tok(before).hash)
                || lex.places.contains(word: tok(before).hash) || lex.demonyms.contains(word: tok(before).hash) {
            before -= 1
        }
        if governedByPreposition(m) { return (false, predicate) }
        if before >= 0 {
            let prev = tok(before)
            if prev.kind == .possessive, !ownerOpensClause(possessive: before) { return (false, predicate) }
            if prev.kind == .word {
                // "Kremlin spokesman Dmitry Peskov said": a role noun before a name is part of the subject.
                // "On Wednesday Brandvold asked", "In March Senator X said": a date opens the clause.
                let opener = Self.clauseOpeners.contains(prev.hash) || lex.verbs.value(word: prev.hash) == .speech
                    || (prev.isCapitalized && (DateParser.weekdays[prev.hash] != nil || DateParser.months[prev.hash] != nil))
                    || text.sentenceOf[before] != text.sentenceOf[m.first]
                    || (!prev.isCapitalized && Self.personNouns.contains(prev.hash) && m.kind == .named)
                if !opener { return (false, predicate) }
            }
        }
        guard j < count, !(j < count && tok(j).kind == .possessive) else { return (false, predicate) }
        if m.last + 1 < count, tok(m.last + 1).kind == .possessive { return (false, predicate) }
        guard let next = word(j), !tok(j).isCapitalized else { return (false, predicate) }
        if next == Words.and { return (true, predicate) }
        // "the Kremlin spokesman", "European Union foreign ministers": the name modifies what follows.
        if j == m.last + 1, Self.personNouns.contains(next) || Self.modifierFollowers.contains(next) { return (false, predicate) }
        return (!Self.prepositions.contains(next) && next != Words.who && next != Words.which, predicate)
    }
}
