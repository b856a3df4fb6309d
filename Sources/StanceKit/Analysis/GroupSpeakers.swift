/// Organisations that speak through their people, and groups that speak together: "Officials in the current
/// Chilean administration intend to ...", "Envoys from Peru and the G5 group have been holding talks", "The
/// governments of Chile and Peru have agreed", "Hansen and other senior Labour MPs told ...".
extension EntityRecognizer {
    /// Plural (and collective) nouns for the people through whom an organisation or a state acts.
    static let representativeList = ["governments", "officials", "envoys", "negotiators", "representatives",
        "delegations", "delegates", "diplomats", "ministers", "authorities", "mediators", "emissaries", "delegation",
        "ministries", "leaders", "spokesman", "spokeswoman", "spokesperson"]
    static let representativeNouns = WordSet(representativeList)
    static let representativeFilter = WordFilter(representativeList)
    static let representativeLinks = WordSet(["of", "for", "from", "in"])
    /// Lower-case words that may stand inside the name of what is represented: "the current Chilean administration",
    /// "the G5 group of countries", "both sides".
    static let representedWords = WordSet(["the", "and", "both", "two", "three", "four", "group", "bloc", "alliance",
        "coalition", "countries", "nations", "states", "of"])

    /// "Negotiators for the ELN", "Officials in the current Chilean administration", "The governments of Chile and
    /// Peru": a plural noun of representatives opening a clause, qualified by what names one state or organisation
    /// (that actor speaks) or several (they speak as one group, named by the whole phrase). Run after names are found
    /// and before common-noun groups; each candidate looks at a few tokens after it.
    mutating func findRepresentedOrganisations() {
        let tokens = text.tokens
        var added: [Mention] = []
        // Names found so far are sorted by start; mentions added by this pass are not searched.
        let named = mentions.count
        // One pass over the words serves two rules: document nouns are noted here for `resolveDocumentAuthors`.
        let representatives = Self.representativeNouns
        let filter = Self.representativeFilter
        let documents = lex.groupDocuments
        for i in tokens.indices where tokens[i].kind == .word {
            if !tokens[i].isCapitalized, documents.contains(word: tokens[i].hash) {
                documentWords.append(i)
                if let owner = placeOwning(document: i) { addCountry(first: owner.lowerBound, last: owner.upperBound, place: owner) }
                continue
            }
            guard filter.mayContain(tokens[i].hash), representatives.contains(tokens[i].hash), !covered[i] else { continue }
            let role = text.role(ofToken: i)
            guard role == .body || role == .standfirst, text.quoteOf[i] < 0, i + 2 < tokens.count else { continue }
            if let first = coordinatedNationalities(before: i), verbFollows(i), let opening = clauseOpening(before: first) {
                // "The Bolivian and Peruvian trade ministries": several states acting together.
                addOther(kind: .group, first: first, last: i)
                mentions[mentions.count - 1].first = opening
                for t in opening...i { covered[t] = true }
                continue
            }
            // "A State Department spokesman said", "Hamas officials rejected": an organisation's unnamed people speak
            // for it (a name after the noun, "spokesman Ned Price", is the speaker instead).
            if i > 0, covered[i - 1], verbFollows(i), let m = mentionIndex(covering: i - 1, in: named), mentions[m].last == i - 1,
               mentions[m].actor >= 0, actors[mentions[m].actor].kind != .person {
                mentions[m].last = i
                covered[i] = true
                // "A Kremlin spokeswoman said": the article opens the subject as "the" does.
                if let a = word(mentions[m].first - 1), a == Words.a || a == Words.an {
                    mentions[m].first -= 1
                    covered[mentions[m].first] = true
                }
                continue
            }
            guard let link = representedLink(i), let opening = clauseOpening(before: i) else { continue }
            var k = link + 1
            var represented: [Int] = []
            var places: [ClosedRange<Int>] = []
            var end = link
            let sentence = text.sentenceOf[i]
            while k < tokens.count, k - link <= 8, text.sentenceOf[k] == sentence, tokens[k].kind == .word {
                let t = tokens[k]
                if covered[k], let m = mentionIndex(covering: k, in: named) {
                    let actor = mentions[m].actor
                    if actor >= 0, actors[actor].kind != .person, !represented.contains(actor) { represented.append(actor) }
                    k = max(k, mentions[m].last) + 1
                    end = k - 1
                    continue
                }
                if t.isCapitalized {
                    if let place = placeRun(at: k) {
                        places.append(place)
                        k = place.upperBound + 1
                    } else {
                        k += 1
                    }
                    end = k - 1
                    continue
                }
                guard Self.representedWords.contains(t.hash) || Self.institutionModifiers.contains(t.hash)
                    || Self.institutionHeadsAfterPlace.contains(t.hash) || Self.governmentHeads.contains(t.hash) else { break }
                k += 1
                if t.hash != Words.and && t.hash != Words.of && t.hash != Words.the { end = k - 1 }
            }
            guard end > link, represented.count + places.count > 0 else { continue }
            if represented.isEmpty, places.count == 1 {
                addCountry(first: opening, last: end, place: places[0])
            } else if places.isEmpty, represented.count == 1 {
                added.append(Mention(first: opening, last: end, actor: represented[0], kind: .named, subjectLike: false))
            } else {
                addOther(kind: .group, first: i, last: end)
                mentions[mentions.count - 1].first = opening
            }
            for t in opening...end { covered[t] = true }
        }
        mentions.append(contentsOf: added)
        if mentions.count > named { mentions.sort { $0.first < $1.first } }
    }

    /// Lower-case words between a group's name and its noun: "ELN guerrilla group", "Conservative opposition leaders".
    static let groupNounModifiers = WordSet(["opposition", "rebel", "rebels", "guerrilla", "guerrillas", "militant",
        "armed", "insurgent", "separatist", "paramilitary", "political", "ruling", "coalition", "senior", "hardline",
        "hard-line", "far-right", "far-left", "right-wing", "left-wing", "islamist", "jihadist", "nationalist",
        "opposition-led", "student", "party", "parliamentary", "legislative", "congressional"])

    /// "Democratic senators", "ELN guerrilla group", "Conservative opposition leaders": the plural member noun or
    /// group-name noun after the capitalised words ending at `last` (up to two modifiers between), as its token.
    func groupNounAfter(_ last: Int) -> Int? {
        let tokens = text.tokens
        var k = last + 1
        while k < tokens.count, k - last <= 3, tokens[k].kind == .word, !tokens[k].isCapitalized, text.blockOf[k] == text.blockOf[last] {
            let w = tokens[k].hash
            if lex.groupMembers.contains(word: w) || lex.groupNameEnds.contains(word: w) { return k }
            guard Self.groupNounModifiers.contains(w) else { return nil }
            k += 1
        }
        return nil
    }

    /// Whether a verb follows the subject ending at `last`, past auxiliaries and a weekday ("have promised",
    /// "on Thursday postponed").
    func verbFollows(_ last: Int) -> Bool {
        let tokens = text.tokens
        var j = last + 1
        var skipped = 0
        while skipped < 3, j < tokens.count, tokens[j].kind == .word, Self.placeAuxiliaries.contains(tokens[j].hash) { j += 1; skipped += 1 }
        if j + 1 < tokens.count, tokens[j].kind == .word, tokens[j].hash == Words.on, DateParser.weekdays[tokens[j + 1].hash] != nil { j += 2 }
        guard j < tokens.count, tokens[j].kind == .word, !tokens[j].isCapitalized else { return false }
        let w = tokens[j].hash
        return lex.verbs.value(word: w) != nil || Self.placeActionVerbs.contains(w) || Self.groupActionVerbs.contains(w)
    }

    /// Acts by which a group takes a position, besides saying and the acts of states: "issued a joint statement".
    static let groupActionVerbs = WordSet(["issued", "issue", "issues", "released", "intend", "intends", "plan", "plans",
        "want", "wants", "pledged", "pledge", "vowed", "vow", "threatened", "threaten", "urged", "urge", "proposed",
        "propose", "announced", "announce", "rejected", "reject", "endorsed", "endorse", "wrote", "write"])

    /// "ELN guerrilla group", "the National Liberation Army (ELN)", then "the ELN": an acronym (not a place) before a
    /// group noun names a group, called by its acronym; an acronym in brackets after an organisation or group is
    /// that actor's alias; an acronym met again names the same actor.
    mutating func findAcronymGroups() {
        let tokens = text.tokens
        let named = mentions.count
        for i in tokens.indices where tokens[i].kind == .word && tokens[i].has(Token.allCaps) && !covered[i] && tokens[i].end - tokens[i].start >= 2 {
            let role = text.role(ofToken: i)
            guard role == .body || role == .standfirst, !lex.places.contains(word: tokens[i].hash) else { continue }
            let key = WordHash.key([tokens[i].hash])
            if i >= 2, text.isPunct(i - 1, "("), text.isPunct(i + 1, ")"), let m = mentionIndex(covering: i - 2, in: named),
               mentions[m].actor >= 0, actors[mentions[m].actor].kind != .person, otherByKey[key] == nil {
                actors[mentions[m].actor].addAlias(text.text(i, i))
                otherByKey[key] = mentions[m].actor
                covered[i] = true
                continue
            }
            if let known = otherByKey[key] {
                addOther(kind: actors[known].kind, first: i, last: i, key: key)
                continue
            }
            guard let noun = groupNounAfter(i) else { continue }
            addOther(kind: .group, first: i, last: noun, key: key)
            let actor = mentions[mentions.count - 1].actor
            let full = actors[actor].name
            if full != text.text(i, i) {
                actors[actor].name = text.text(i, i)
                actors[actor].addAlias(full)
            }
        }
        // Later passes search the mentions by start.
        if mentions.count > named { mentions.sort { $0.first < $1.first } }
    }

    /// "Bolivian and Peruvian trade ministries", "Chilean, Peruvian and Bolivian officials": the first of two or more
    /// nationality words joined by "and" or commas before the noun at `i` (its modifiers skipped).
    private func coordinatedNationalities(before i: Int) -> Int? {
        let tokens = text.tokens
        var k = i - 1
        while k >= 0, i - k <= 2, tokens[k].kind == .word, !tokens[k].isCapitalized, Self.institutionModifiers.contains(tokens[k].hash) { k -= 1 }
        var count = 0
        var first: Int?
        while k >= 0, i - k <= 12, tokens[k].kind == .word, tokens[k].isCapitalized, !covered[k], lex.demonyms.contains(word: tokens[k].hash) {
            count += 1
            first = k
            guard k >= 2, tokens[k - 1].hash == Words.and && tokens[k - 1].kind == .word || text.isPunct(k - 1, ",") else { break }
            k -= 2
        }
        return count >= 2 ? first : nil
    }

    /// The link word after a representatives noun ("officials in", "envoys from"), skipping one modifier
    /// ("governments of", "negotiators for").
    private func representedLink(_ i: Int) -> Int? {
        let tokens = text.tokens
        guard tokens[i + 1].kind == .word, Self.representativeLinks.contains(tokens[i + 1].hash) else { return nil }
        return i + 1
    }

    /// Where the clause opened by the representatives noun at `i` starts (its "the" or modifiers included), when it
    /// opens the sentence or follows a clause opener or a comma; nil when something governs it.
    private func clauseOpening(before i: Int) -> Int? {
        let tokens = text.tokens
        let sentence = text.sentences[Int(text.sentenceOf[i])]
        var k = i
        while k > sentence.lowerBound, i - k < 3, tokens[k - 1].kind == .word, !tokens[k - 1].isCapitalized || k - 1 == sentence.lowerBound,
              !Self.clauseOpeners.contains(tokens[k - 1].hash), lex.verbs.value(word: tokens[k - 1].hash) == nil,
              !Self.prepositions.contains(tokens[k - 1].hash) || tokens[k - 1].hash == Words.the {
            k -= 1
        }
        if k == sentence.lowerBound { return k }
        let before = tokens[k - 1]
        if before.kind == .punct { return before.isPunct(",") || before.isPunct(";") ? k : nil }
        return before.kind == .word && Self.clauseOpeners.contains(before.hash) ? k : nil
    }

    /// A place or nationality of up to three capitalised words at `k`.
    private func placeRun(at k: Int) -> ClosedRange<Int>? {
        let tokens = text.tokens
        var hashes: [UInt64] = []
        var best: ClosedRange<Int>?
        var j = k
        while j < tokens.count, j - k < 3, tokens[j].kind == .word, tokens[j].isCapitalized {
            hashes.append(tokens[j].hash)
            if lex.places.value(hashes[...]) != nil || (hashes.count == 1 && lex.demonyms.contains(word: hashes[0])) { best = k...j }
            j += 1
        }
        return best
    }

    /// "Norway's statement", "Israel's joint announcement": the place whose possessive owns the document at `i`, a
    /// state speaking through it.
    private func placeOwning(document i: Int) -> ClosedRange<Int>? {
        let tokens = text.tokens
        var k = i - 1
        while k > 0, i - k <= 3, tokens[k].kind == .word, !tokens[k].isCapitalized, AnalysisRun.documentModifiers.contains(tokens[k].hash) { k -= 1 }
        guard k >= 1, tokens[k].kind == .possessive, text.quoteOf[i] < 0 else { return nil }
        let role = text.role(ofToken: i)
        guard role == .body || role == .standfirst else { return nil }
        var first = k - 1
        while first > 0, k - first < 3, tokens[first - 1].isCapitalized, text.sentenceOf[first - 1] == text.sentenceOf[k] { first -= 1 }
        while first < k {
            if !covered[first], let place = placeRun(at: first), place.upperBound == k - 1 { return place }
            first += 1
        }
        return nil
    }

    /// The mention (among the first `limit`, sorted by start) that covers token `t`.
    private func mentionIndex(covering t: Int, in limit: Int) -> Int? {
        var lo = 0, hi = limit
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions[mid].first <= t { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0, mentions[lo - 1].last >= t else { return nil }
        return lo - 1
    }
}

extension AnalysisRun {
    /// Verbs of committing to a course, which quote the position committed to: "have agreed to “resume talks”".
    static let positionVerbs = WordSet(["agreed", "agrees", "promised", "promises", "offered", "offers", "refused",
        "refuses", "demanded", "demands", "committed", "commits", "sought", "seeks", "pledged", "vowed", "urged", "urges"])

    /// A verb of committing followed by "to": what it quotes is its subject's position.
    func isPositionVerb(_ i: Int) -> Bool {
        guard let w = word(i), !tokens[i].isCapitalized, text.quoteOf[i] < 0, Self.positionVerbs.contains(w) else { return false }
        return word(i + 1) == Words.to
    }

    static let otherWords = WordSet(["other", "others", "fellow"])

    /// "Hansen and other senior Labour MPs told ...": a person listed with "and other" before a group speaks as that
    /// group; the group's mention, else `m`.
    func groupJoining(_ m: Int) -> Int {
        let mention = entities.mentions[m]
        guard mention.actor >= 0, word(mention.last + 1) == Words.and, let w = word(mention.last + 2),
              Self.otherWords.contains(w) else { return m }
        let near = mentions(in: (mention.last + 2)..<min(tokens.count, mention.last + 7))
        guard let g = near.first(where: { entities.mentions[$0].actor >= 0 && entities.actors[entities.mentions[$0].actor].kind == .group })
        else { return m }
        return g
    }
}

/// Two bits of a 64-bit word per word hash: a test of a few instructions that turns away nearly every word of a text
/// before the table look-up, for scans that ask every token about a short list.
struct WordFilter: Sendable {
    let bits: UInt64
    init(_ words: [String]) { bits = words.reduce(0) { $0 | Self.mask(WordHash.hash($1)) } }
    @inline(__always) static func mask(_ hash: UInt64) -> UInt64 { (1 << (hash & 63)) | (1 << ((hash >> 6) & 63)) }
    @inline(__always) func mayContain(_ hash: UInt64) -> Bool { bits & Self.mask(hash) == Self.mask(hash) }
}
