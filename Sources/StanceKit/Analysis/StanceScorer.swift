/// A frame's cues compiled to word-hash patterns, indexed by their first word.
struct CompiledFrame: Sendable {
    struct CueError: Error {
        var cue: String
        var message: String
    }

    enum Element: Sendable {
        case word(UInt64)
        case prefix(Int, UInt64)
        /// Any word of the class with this index (its fixed members, or those learned from an article).
        case member(Int)
        case gap(Int)
    }

    struct Cue: Sendable {
        var elements: [Element]
        /// Index of the position, or -1 for a reverser phrase.
        var position: Int
        var weight: Double
    }

    let positionCount: Int
    var cues: [Cue] = []
    var byWord = WordTable<[Int]>()
    /// Cues that start with a word prefix, one table per prefix length (shortest first): a token looks up
    /// the hash of its first n scalars in each.
    var byPrefix: [(length: Int, cues: WordTable<[Int]>)] = []
    /// The hashes of the first three scalars of every prefix (prefixes are at least that long): a token
    /// that opens with none of them starts no prefix cue, and skips the tables.
    var prefixHeads = WordTable<Bool>()
    /// The fixed members of each class, by class index.
    var classMembers: [Set<UInt64>] = []
    /// The cues that start with a class, by class index: a word learned for that class starts them too.
    var byClass: [Int: [Int]] = [:]
    var parties = PartyPatterns()
    /// The frame's `[acts]`: the position index each kind of act takes when its words carry no cue.
    var actPositions: [String: Int] = [:]

    init(_ frame: Frame) throws {
        positionCount = frame.positions.count
        for (kind, id) in frame.acts ?? [:] {
            if let index = frame.positions.firstIndex(where: { $0.id == id }) { actPositions[kind] = index }
        }
        var classIndex: [String: Int] = [:]
        let names = Set((frame.classes ?? [:]).keys).union((frame.parties ?? [:]).keys).sorted()
        for name in names {
            classIndex[name] = classMembers.count
            classMembers.append(Set((frame.classes?[name] ?? []).map { WordHash.hash($0) }))
        }
        for (index, position) in frame.positions.enumerated() {
            for cue in position.cues { try add(cue, position: index, classes: classIndex) }
        }
        for phrase in frame.reversers ?? [] { try add(phrase, position: -1, classes: classIndex) }
        for name in names {
            for pattern in frame.parties?[name] ?? [] {
                guard let compiled = PartyPatterns.Pattern(pattern, partyClass: classIndex[name]!) else {
                    throw CueError(cue: pattern, message: "party pattern \"\(pattern)\" needs exactly one * and a word")
                }
                parties.add(compiled)
            }
        }
    }

    private mutating func add(_ source: String, position: Int, classes: [String: Int]) throws {
        var weight = 1.0
        var elements: [Element] = []
        for part in source.split(separator: " ") {
            if part.hasPrefix("^") {
                guard let w = Double(part.dropFirst()), w > 0 else { throw CueError(cue: source, message: "bad weight `\(part)` in cue \"\(source)\"") }
                weight = w
            } else if part == "~" {
                elements.append(.gap(3))
            } else if part.hasPrefix("<") && part.hasSuffix(">") {
                let name = String(part.dropFirst().dropLast())
                guard let index = classes[name] else {
                    throw CueError(cue: source, message: "unknown class <\(name)> in cue \"\(source)\"")
                }
                elements.append(.member(index))
            } else if part.hasSuffix("*") {
                let stem = part.dropLast()
                guard stem.count >= 3 else { throw CueError(cue: source, message: "prefix `\(part)` is shorter than three letters") }
                elements.append(.prefix(stem.unicodeScalars.count, WordHash.hash(stem)))
                var head = WordHash.seed
                for scalar in stem.unicodeScalars.prefix(3) { head = WordHash.mix(head, WordHash.fold(scalar)) }
                prefixHeads[head] = true
            } else {
                elements.append(.word(WordHash.hash(part)))
            }
        }
        guard let first = elements.first else { throw CueError(cue: source, message: "empty cue") }
        if case .gap = first { throw CueError(cue: source, message: "a cue cannot start with ~: \"\(source)\"") }
        let index = cues.count
        cues.append(Cue(elements: elements, position: position, weight: weight))
        switch first {
        case .word(let h): byWord[h] = (byWord[h] ?? []) + [index]
        case .prefix(let n, let h):
            if !byPrefix.contains(where: { $0.length == n }) {
                byPrefix.append((n, WordTable()))
                byPrefix.sort { $0.length < $1.length }
            }
            let table = byPrefix.firstIndex { $0.length == n }!
            byPrefix[table].cues[h] = (byPrefix[table].cues[h] ?? []) + [index]
        case .member(let c):
            for h in classMembers[c] { byWord[h] = (byWord[h] ?? []) + [index] }
            byClass[c, default: []].append(index)
        case .gap: break
        }
    }
}

/// The stance signal found in some text: a weight per frame position and the words behind it.
struct StanceSignal {
    var weights: [Double]
    var evidence: [String] = []
    init(positions: Int) { weights = [Double](specialisedRepeating: 0, count: positions) }
    var total: Double { weights.reduce(0, +) }
    mutating func add(_ other: StanceSignal, factor: Double = 1) {
        for i in weights.indices { weights[i] += other.weights[i] * factor }
        evidence.append(contentsOf: other.evidence)
    }
}

/// Finds cues in token ranges and applies negation, reversal and hedging within each clause.
struct StanceScorer {
    let frame: CompiledFrame
    let text: AnalysisText
    /// Words of the article that name a side of the debate, by class index (see `PartyPatterns`).
    var learned: [Set<UInt64>] = [] {
        didSet { startedByLearned = Self.cuesStarted(byLearned: learned, frame: frame) }
    }
    /// For each learned word that is not already a fixed member of its class, the cues that start with that
    /// class, in class order: one look-up per token instead of a set look-up per class.
    var startedByLearned = WordTable<[Int]>()
    let lex = Lexicon.shared
    static let only = WordHash.hash("only")
    static let just = WordHash.hash("just")
    static let or = WordHash.hash("or")
    static let because = WordHash.hash("because")
    static let asWord = WordHash.hash("as")
    static let subjectPronouns = WordSet(["i", "we", "you", "he", "she", "they", "it"])
    static let conjunctions = WordSet(["and", "but", "or", "so", "yet"])

    private struct Hit {
        var first: Int
        var last: Int
        var cue: Int
    }

    /// Scores the word tokens of `ranges`, skipping tokens for which `skip` is true.
    func score(_ ranges: [Range<Int>], skip: (Int) -> Bool = { _ in false }) -> StanceSignal {
        var signal = StanceSignal(positions: frame.positionCount)
        for range in ranges {
            var clauseStart = range.lowerBound
            var i = range.lowerBound
            while i <= range.upperBound {
                let ends = i == range.upperBound || isClauseBoundary(i)
                if ends {
                    if i > clauseStart { scoreClause(clauseStart..<i, skip: skip, into: &signal) }
                    clauseStart = i + 1
                }
                i += 1
            }
        }
        return signal
    }

    private func isClauseBoundary(_ i: Int) -> Bool {
        let t = text.tokens[i]
        if t.kind == .punct { return t.hash == 59 || t.hash == 46 || t.hash == 63 || t.hash == 33 || t.hash == 58 }
        return t.kind == .word && lex.polarity.value(word: t.hash) == .boundary
    }

    private func match(_ cue: CompiledFrame.Cue, at start: Int, end: Int, skip: (Int) -> Bool) -> Int? {
        var j = start
        var last = start
        var e = 0
        let elements = cue.elements
        while e < elements.count {
            if case .gap(let n) = elements[e] {
                // Try the shortest gap that lets the rest match.
                let rest = CompiledFrame.Cue(elements: Array(elements[(e + 1)...]), position: cue.position, weight: cue.weight)
                var k = j
                var used = 0
                while used <= n, k < end {
                    if let found = match(rest, at: k, end: end, skip: skip) { return found }
                    guard text.tokens[k].kind == .word else { return nil }
                    k += 1
                    used += 1
                }
                return nil
            }
            guard j < end, !skip(j) else { return nil }
            let t = text.tokens[j]
            if t.kind == .possessive { j += 1; continue }
            guard t.kind == .word || t.kind == .number else { return nil }
            switch elements[e] {
            case .word(let h): if t.hash != h { return nil }
            case .member(let c): if !isMember(t.hash, of: c) { return nil }
            case .prefix(let n, let h): if prefixHash(j, n) != h { return nil }
            case .gap: break
            }
            last = j
            j += 1
            e += 1
        }
        return last
    }

    private func isMember(_ word: UInt64, of c: Int) -> Bool {
        frame.classMembers[c].contains(word) || (c < learned.count && learned[c].contains(word))
    }

    private func prefixHash(_ t: Int, _ n: Int) -> UInt64? {
        let token = text.tokens[t]
        guard Int(token.end - token.start) >= n else { return nil }
        var h = WordHash.seed
        for k in Int(token.start)..<(Int(token.start) + n) { h = WordHash.mix(h, WordHash.fold(text.scalars[k])) }
        return h
    }

    private static func cuesStarted(byLearned learned: [Set<UInt64>], frame: CompiledFrame) -> WordTable<[Int]> {
        var table = WordTable<[Int]>()
        for (c, words) in learned.enumerated() {
            guard let cues = frame.byClass[c] else { continue }
            for word in words where !frame.classMembers[c].contains(word) { table[word] = (table[word] ?? []) + cues }
        }
        return table
    }

    private func hits(in range: Range<Int>, skip: (Int) -> Bool) -> [Hit] {
        var found: [Hit] = []
        // Each list of cues that can start at `i` is tried where it is found, in the order of the tables (words,
        // learned words, prefixes shortest first): gathering them into one array cost an array and its
        // release at every token, and most tokens start no cue. (The best hits are arguments, not captured
        // variables: a nested function that changes a captured variable checks exclusive access at run time.)
        func tryCues(_ cues: [Int], at i: Int, best: inout Hit?, bestReverser: inout Hit?) {
            for c in cues {
                guard let last = match(frame.cues[c], at: i, end: range.upperBound, skip: skip) else { continue }
                let hit = Hit(first: i, last: last, cue: c)
                if frame.cues[c].position < 0 {
                    if bestReverser == nil || last > bestReverser!.last { bestReverser = hit }
                } else if best == nil || last > best!.last || (last == best!.last && frame.cues[c].weight > frame.cues[best!.cue].weight) {
                    best = hit
                }
            }
        }
        // Most articles teach no side names: their empty table is not asked at every token.
        let asksLearned = startedByLearned.count > 0
        var i = range.lowerBound
        while i < range.upperBound {
            let t = text.tokens[i]
            guard t.kind == .word || t.kind == .number, !skip(i) else { i += 1; continue }
            // A phrase can be a cue and a reverser at once ("too soon"): both are kept.
            var best: Hit?
            var bestReverser: Hit?
            if let cues = frame.byWord[t.hash] { tryCues(cues, at: i, best: &best, bestReverser: &bestReverser) }
            if asksLearned, let cues = startedByLearned[t.hash] { tryCues(cues, at: i, best: &best, bestReverser: &bestReverser) }
            // The prefix hashes grow one scalar at a time over the lengths, shortest first (each is
            // `prefixHash(i, n)`); lengths the token is too short for end the walk.
            var prefix = WordHash.seed
            var hashed = 0
            while hashed < 3, hashed < Int(t.end - t.start) {
                prefix = WordHash.mix(prefix, WordHash.fold(text.scalars[Int(t.start) + hashed]))
                hashed += 1
            }
            if hashed == 3, frame.prefixHeads[prefix] != nil {
                for (n, table) in frame.byPrefix {
                    guard Int(t.end - t.start) >= n else { break }
                    while hashed < n {
                        prefix = WordHash.mix(prefix, WordHash.fold(text.scalars[Int(t.start) + hashed]))
                        hashed += 1
                    }
                    if let cues = table[prefix] { tryCues(cues, at: i, best: &best, bestReverser: &bestReverser) }
                }
            }
            if let bestReverser { found.append(bestReverser) }
            if let best { found.append(best) }
            if let next = best ?? bestReverser {
                i = next.last + 1
            } else {
                i += 1
            }
        }
        return found
    }

    private func scoreClause(_ range: Range<Int>, skip: (Int) -> Bool, into signal: inout StanceSignal) {
        let found = hits(in: range, skip: skip)
        guard found.contains(where: { frame.cues[$0.cue].position >= 0 }) else { return }
        let clauseReversers = found.filter { frame.cues[$0.cue].position < 0 }
        for hit in found where frame.cues[hit.cue].position >= 0 {
            let cue = frame.cues[hit.cue]
            var flips = 0
            var flipWords: [String] = []
            // Where the flips by reversing verbs ("rejected") rather than by negators ("not") are.
            var reversals: [Int] = []
            var negations: [Int] = []
            var hedged = false
            // "declined to discuss a ceasefire", "nobody should expect a peace treaty": a subject of talk or
            // a forecast, not a position.
            var topical = false
            var k = range.lowerBound
            while k < hit.first {
                let t = text.tokens[k]
                // Words of a frame reverser ("not ripe") act through the reverser only, and so do the words of
                // an earlier cue ("stop military operations to reach peace").
                let inReverser = found.contains { $0.first <= k && k <= $0.last }
                if t.kind == .word, !skip(k), !inReverser, let kind = lex.polarity.value(word: t.hash) {
                    switch kind {
                    case .negator where opensIndirectQuestion(k, hit.first):
                        // "would not point fingers or say why the talks failed": the negation is the telling's,
                        // and the cue only what is (not) told about.
                        topical = true
                    case .negator where isRealNegation(k, range) && !startsNewSubject(k, hit.first) && !startsNewPredicate(k, hit.first):
                        flips += 1
                        negations.append(k)
                        flipWords.append(text.text(k, k))
                    case .reverser where refusesToTell(k, hit.first):
                        // "refused to say where the talks would be held": the refusal is the telling's, as a
                        // negation's is.
                        topical = true
                    case .reverser where hit.first - k <= 16 && !hasScopeBreak(k, hit.first):
                        flips += 1
                        reversals.append(k)
                        flipWords.append(text.text(k, k))
                    case .hedge:
                        hedged = true
                    case .topic where hit.first - k <= Self.topicReach && !hasComma(k, hit.first):
                        topical = true
                    default: break
                    }
                }
                k += 1
            }
            // Multi-word reversers from the lexicon ("rule out", "rather than").
            k = max(range.lowerBound, hit.first - 16)
            while k + 1 < hit.first {
                let a = text.tokens[k], b = text.tokens[k + 1]
                // Words of a frame reverser ("withdraw from the coalition") act through it only.
                if a.kind == .word, b.kind == .word, lex.polarity.value([a.hash, b.hash][...]) == .reverser, !hasScopeBreak(k, hit.first),
                   !found.contains(where: { $0.first <= k && k <= $0.last }) {
                    flips += 1
                    reversals.append(k)
                    flipWords.append(text.text(k, k + 1))
                }
                k += 1
            }
            // "refused to negotiate and rejected the ceasefire", "did not want talks and never accepted a truce": a
            // flip whose object was an earlier cue, before this cue's own flip, does not turn this cue too.
            let own = max(negations.max() ?? -1, reversals.max() ?? -1)
            if own >= 0 {
                let spent = { (k: Int) in k < own && found.contains { frame.cues[$0.cue].position >= 0 && $0.first > k && $0.last < own } }
                let spentNegations = negations.filter(spent).count
                let spentReversals = reversals.filter(spent)
                flips -= spentNegations + spentReversals.count
                reversals.removeAll { spentReversals.contains($0) }
            }
            let reversedBefore = !reversals.isEmpty
            // "rejected the proposal as premature": a cue that is itself a reverser, given as the reason of the
            // reversing verb, says what the verb says and is not turned by it.
            if reversedBefore, isReason(hit.first), clauseReversers.contains(where: { $0.first == hit.first }) {
                flips -= reversals.count
            }
            // A reverser that is also this very cue ("too soon") does not reverse itself, and one given as a
            // reversing verb's reason ("rejected talks as premature") does not reverse it a second time.
            for r in clauseReversers where (r.last < hit.first || r.first > hit.last) && !(reversedBefore && r.first > hit.last && isReason(r.first)) {
                flips += 1
                flipWords.append(text.text(r.first, r.last))
                // "will withdraw from the ruling coalition if": a reversing verb whose object is the frame's
                // reverser tells the same reversal; one whose object is a reversing act of its own ("dissuade him
                // from bringing down the government") turns it back.
                if r.last < hit.first, !text.text(r.first, r.first).hasSuffix("ing") {
                    flips -= reversals.filter { $0 < r.first }.count
                }
                break
            }
            if let after = reverserInPredicate(after: hit.last, in: range) {
                flips += 1
                flipWords.append(text.text(after, after))
            }
            if topical { continue }
            var position = cue.position
            if flips % 2 == 1 {
                guard frame.positionCount == 2 else { continue }
                position = 1 - position
            }
            signal.weights[position] += cue.weight * (hedged ? 0.3 : 1)
            let words = text.text(hit.first, hit.last)
            signal.evidence.append(flipWords.isEmpty ? words : flipWords.joined(separator: " ") + " … " + words)
        }
    }

    static let copulas = WordSet(["is", "are", "was", "were", "be", "been", "being", "remain", "remains", "remained",
        "seem", "seems", "seemed", "appear", "appears", "appeared", "look", "looks", "looked"])
    static let degreeWords = WordSet(["now", "still", "simply", "virtually", "almost", "all", "clearly", "currently",
        "practically", "very", "highly", "increasingly"])

    /// "the minister said talks with them were impossible": a lexicon reverser as the predicate of the cue's own
    /// clause, after a copula a few words on, turns the cue as one before it would. (A negation there does not:
    /// "a cease-fire is not a peace treaty" defines the cue, it does not reject it.)
    private func reverserInPredicate(after last: Int, in range: Range<Int>) -> Int? {
        var k = last + 1
        let end = min(range.upperBound, last + 8)
        while k < end, text.tokens[k].kind == .word, !Self.copulas.contains(text.tokens[k].hash) { k += 1 }
        guard k < end, text.tokens[k].kind == .word else { return nil }
        k += 1
        while k < range.upperBound, text.tokens[k].kind == .word, Self.degreeWords.contains(text.tokens[k].hash) { k += 1 }
        guard k < range.upperBound, text.tokens[k].kind == .word, lex.polarity.value(word: text.tokens[k].hash) == .reverser else { return nil }
        return k
    }

    /// "dismissed talks as premature", "opposed it as a mistake": the phrase at `first` follows "as".
    private func isReason(_ first: Int) -> Bool {
        first > 0 && text.tokens[first - 1].kind == .word && text.tokens[first - 1].hash == Self.asWord
    }

    /// "not only", "not just", "whether or not" and a bare answer "no." are not negations.
    private func isRealNegation(_ k: Int, _ range: Range<Int>) -> Bool {
        let t = text.tokens[k]
        if t.hash == Words.not, k + 1 < text.tokens.count {
            let n = text.tokens[k + 1].hash
            // "The question is not whether there will be talks": the talks are taken for granted.
            if n == Self.only || n == Self.just || n == Words.whether { return false }
            if k >= 2, text.tokens[k - 1].hash == Self.or, text.tokens[k - 2].hash == Words.whether { return false }
        }
        if k + 1 < text.tokens.count, text.tokens[k + 1].kind == .punct, t.hash == WordHash.hash("no") { return false }
        return true
    }

    /// How many tokens after a topic word its object may stand: "react to the rebels' plan for peace".
    static let topicReach = 8
    // ("who" is left out: "the ones who blink first" is a relative clause, which a negation does reach.)
    static let questionWords = WordSet(["why", "how", "what", "when", "where"])

    /// "refused to say where", "refused to say exactly when": a reversing verb, "to", a verb of telling and a question
    /// word (one word may stand between the last two) before the cue at `to`. Not "rejected what he called talks".
    private func refusesToTell(_ k: Int, _ to: Int) -> Bool {
        guard k + 3 < to, text.tokens[k + 1].kind == .word, text.tokens[k + 1].hash == Words.to else { return false }
        return opensIndirectQuestion(k + 2, min(to, k + 5))
    }

    /// Whether a question word stands between a negation and the cue after it: "did not say why talks failed".
    private func opensIndirectQuestion(_ from: Int, _ to: Int) -> Bool {
        var k = from + 1
        while k < to {
            if text.tokens[k].kind == .word, Self.questionWords.contains(text.tokens[k].hash) { return true }
            k += 1
        }
        return false
    }

    private func hasComma(_ from: Int, _ to: Int) -> Bool {
        ((from + 1)..<to).contains { text.tokens[$0].isPunct(",") }
    }

    /// A reverser's object ends at "by", "because" or a comma before a new subject: "should not forestall X
    /// by insisting on Y", "to prevent further escalation, we urge a ceasefire".
    private func hasScopeBreak(_ from: Int, _ to: Int) -> Bool {
        var k = from + 1
        while k < to {
            let h = text.tokens[k].hash
            if text.tokens[k].kind == .word && (h == Words.by || h == Self.because) { return true }
            k += 1
        }
        return startsNewSubject(from, to) || opensParticipleClause(from, to)
    }

    /// Auxiliaries that open a second predicate of the same subject after "and": "have not signed the accords and
    /// have stepped up attacks".
    static let predicateAuxiliaries = WordSet(["has", "have", "had", "is", "are", "was", "were", "will", "would", "did", "does"])

    /// Whether "and" and an auxiliary stand between a negation and the cue after it: the second predicate is not
    /// negated ("have not signed the accords and have stepped up attacks").
    private func startsNewPredicate(_ from: Int, _ to: Int) -> Bool {
        var k = from + 1
        while k + 1 < to {
            if text.tokens[k].kind == .word, text.tokens[k].hash == Words.and, text.tokens[k + 1].kind == .word,
               Self.predicateAuxiliaries.contains(text.tokens[k + 1].hash) { return true }
            k += 1
        }
        return false
    }

    /// "ruled out talks, vowing to fight until victory": a comma before a participle opens a clause of its own,
    /// which a reversing verb before it does not reach.
    private func opensParticipleClause(_ from: Int, _ to: Int) -> Bool {
        var k = from + 1
        while k + 1 < to {
            let next = text.tokens[k + 1]
            if text.tokens[k].isPunct(","), next.kind == .word, !next.isCapitalized, next.end - next.start >= 5,
               text.scalars[Int(next.end) - 3] == "i", text.scalars[Int(next.end) - 2] == "n", text.scalars[Int(next.end) - 1] == "g" {
                return true
            }
            k += 1
        }
        return false
    }

    /// ", we urge", ", and he has told colleagues": a comma before a new subject ends a negation's or a
    /// reverser's reach.
    private func startsNewSubject(_ from: Int, _ to: Int) -> Bool {
        var k = from + 1
        while k + 1 < to {
            if text.tokens[k].isPunct(",") {
                var next = k + 1
                if text.tokens[next].kind == .word, Self.conjunctions.contains(text.tokens[next].hash), next + 1 < to { next += 1 }
                if text.tokens[next].kind == .word, Self.subjectPronouns.contains(text.tokens[next].hash) { return true }
            }
            k += 1
        }
        return false
    }
}
