/// A frame's `[parties]` patterns: the phrases by which an article names the sides of its conflict ("aid
/// to *", "* 's invasion"). The names found at `*` join the frame's classes for that article only, so
/// that cues such as "support for <side>" work for any war an article reports on, not just the one whose
/// names the frame file lists.
struct PartyPatterns: Sendable {
    struct Pattern: Sendable {
        enum Element: Sendable {
            case slot
            case word(UInt64)
            case possessive
        }
        var elements: [Element]
        /// Index of the slot among the elements.
        var slot: Int
        var partyClass: Int

        /// "aid to *", "* 's invasion": words, `'s` for a possessive, and exactly one `*`.
        init?(_ source: String, partyClass: Int) {
            let parts = source.split(separator: " ")
            guard parts.count >= 2, parts.filter({ $0 == "*" }).count == 1, let slot = parts.firstIndex(of: "*") else { return nil }
            elements = parts.map { part -> Element in
                if part == "*" { return .slot }
                if part == "'s" || part == "’s" { return .possessive }
                return .word(WordHash.hash(part))
            }
            self.slot = slot
            self.partyClass = partyClass
        }
    }

    private(set) var patterns: [Pattern] = []
    /// Patterns by what stands next to their slot, so that a name is tried only against the patterns its
    /// neighbours fit: the word after the slot, or a possessive after it, or else the word before it.
    private var byWordAfter = WordTable<[Int]>()
    private var byPossessiveAfter: [Int] = []
    private var byWordBefore = WordTable<[Int]>()

    mutating func add(_ pattern: Pattern) {
        let index = patterns.count
        patterns.append(pattern)
        if pattern.slot + 1 < pattern.elements.count {
            switch pattern.elements[pattern.slot + 1] {
            case .word(let h): byWordAfter[h] = (byWordAfter[h] ?? []) + [index]
            case .possessive: byPossessiveAfter.append(index)
            case .slot: break
            }
        } else if case .word(let h) = pattern.elements[pattern.slot - 1] {
            byWordBefore[h] = (byWordBefore[h] ?? []) + [index]
        } else {
            byPossessiveAfter.append(index)
        }
    }

    private func candidates(at i: Int, tokens: [Token]) -> [Int] {
        var found: [Int] = []
        if i + 1 < tokens.count {
            let next = tokens[i + 1]
            if next.kind == .possessive { found += byPossessiveAfter } else if next.kind == .word, let list = byWordAfter[next.hash] { found += list }
        }
        if i > 0, tokens[i - 1].kind == .word, let list = byWordBefore[tokens[i - 1].hash] { found += list }
        return found
    }

    /// The words that name each class's side in this article: each candidate name goes to the class whose
    /// patterns name it most often (a tie teaches nothing), together with the article's other forms of it
    /// ("Velmaria": "Velmarian", "Velmarians"; the lexicon's demonyms). Names of `excluded` words (people)
    /// and fixed members of another class are never learned.
    func learn(text: AnalysisText, fixed: [Set<UInt64>], excluded: Set<UInt64>) -> [Set<UInt64>] {
        var learned = [Set<UInt64>](repeating: [], count: fixed.count)
        guard !patterns.isEmpty else { return learned }
        let tokens = text.tokens
        let lex = Lexicon.shared
        // Asked for capitalised tokens in both loops: a `WordTable` instead of the set's SipHash per look-up.
        var isExcluded = WordTable<Bool>(capacity: excluded.count)
        for word in excluded { isExcluded[word] = true }
        var votes: [UInt64: [Int]] = [:]
        var nameOf: [UInt64: String] = [:]
        for i in tokens.indices {
            let t = tokens[i]
            guard t.isCapitalized, !t.has(Token.dotted), !t.has(Token.allCaps) else { continue }
            let tried = candidates(at: i, tokens: tokens)
            guard !tried.isEmpty, isExcluded[t.hash] == nil,
                  !lex.stopwords.contains(word: t.hash), !lex.titles.contains(word: t.hash),
                  !lex.orgHeads.contains(word: t.hash), !lex.orgNames.contains(word: t.hash),
                  !lex.givenNames.contains(word: t.hash) || lex.places.contains(word: t.hash) else { continue }
            // By index: mapping the indices to patterns built an array of them (retaining each) per name.
            for p in tried where matches(patterns[p], slotAt: i, tokens: tokens) {
                votes[t.hash, default: [Int](repeating: 0, count: fixed.count)][patterns[p].partyClass] += 1
                if nameOf[t.hash] == nil { nameOf[t.hash] = text.text(i, i).lowercased() }
            }
        }
        guard !votes.isEmpty else { return learned }
        var classOfName: [String: Int] = [:]
        for (word, counts) in votes {
            let best = counts.max() ?? 0
            guard best > 0, counts.filter({ $0 == best }).count == 1, let c = counts.firstIndex(of: best) else { continue }
            if fixed.indices.contains(where: { $0 != c && fixed[$0].contains(word) }) { continue }
            learned[c].insert(word)
            if let name = nameOf[word] { classOfName[name] = c }
        }
        // Other forms of each learned name: words that extend its stem, and its demonyms.
        let stems = classOfName.map { name, c -> (String, Int) in
            let scalars = name.unicodeScalars
            let trimmed = scalars.count >= 5 && "aeiouy".unicodeScalars.contains(scalars.last!) ? String(name.dropLast()) : name
            return (trimmed, c)
        }
        // A word extends a stem only if it opens with the stem's first letter, so the stems' first bytes turn
        // away most words before their lower-cased string is built. A stem opening with a scalar beyond ASCII
        // could match a decomposed spelling of another first byte, and turns the test off.
        var stemInitials = [Bool](repeating: false, count: 128)
        let initialsDecide = stems.allSatisfy { stem, _ in stem.utf8.first.map { $0 < 0x80 } ?? false }
        if initialsDecide { for (stem, _) in stems { stemInitials[Int(stem.utf8.first!)] = true } }
        // Word hashes are well mixed: a `WordTable` keeps the words tried without SipHashing each again. Sized for
        // a capitalised word in four tokens at most: growing from the default size and inserting again cost 1.4 M
        // instructions in 130 analyses (callgrind).
        var seen = WordTable<Bool>(capacity: tokens.count / 4)
        // The names learned from the patterns count as tried: asking the learned sets about each word instead
        // SipHashed it once per class.
        for words in learned { for word in words { seen[word] = true } }
        for i in tokens.indices where tokens[i].isCapitalized && isExcluded[tokens[i].hash] == nil {
            let hash = tokens[i].hash
            guard seen[hash] == nil else { continue }
            seen[hash] = true
            if let place = lex.demonyms.value(word: hash), let c = classOfName[place.lowercased()] {
                learned[c].insert(hash)
                continue
            }
            let initial = text.scalars[Int(tokens[i].start)].value
            if initialsDecide, initial >= 65, initial <= 90, !stemInitials[Int(initial + 32)] { continue }
            let word = text.text(i, i).lowercased()
            for (stem, c) in stems where word.hasPrefix(stem) && word.count <= stem.count + 4 {
                learned[c].insert(hash)
                break
            }
        }
        return learned
    }

    private func matches(_ pattern: Pattern, slotAt i: Int, tokens: [Token]) -> Bool {
        let start = i - pattern.slot
        guard start >= 0, start + pattern.elements.count <= tokens.count else { return false }
        for (offset, element) in pattern.elements.enumerated() {
            let t = tokens[start + offset]
            switch element {
            case .slot: continue
            case .possessive: if t.kind != .possessive { return false }
            case .word(let h): if t.kind != .word || t.hash != h { return false }
            }
        }
        return true
    }
}

extension AnalysisRun {
    /// Teaches the scorer the names this article gives the sides of its conflict; people's names are
    /// never a side's name here (a leader's surname would make "support for <name>" mean arms).
    mutating func learnParties() {
        var people = Set<UInt64>()
        for m in entities.mentions where m.kind == .named && m.actor >= 0 && entities.actors[m.actor].kind == .person {
            for k in m.first...m.last where tokens[k].kind == .word { people.insert(tokens[k].hash) }
        }
        scorer.learned = scorer.frame.parties.learn(text: text, fixed: scorer.frame.classMembers, excluded: people)
    }
}
