/// A date written in the text, resolved to a day: "Nov. 10, 2022", "on Wednesday", "last week".
struct DateMention {
    /// Token range of the phrase.
    var first: Int
    var last: Int
    var day: Day
    /// For a day named from another ("the following day", "later that day"): its distance in days from the
    /// date written before it, which `day` does not yet count (see `DateParser.anchored`).
    var anchor: Int? = nil
    /// Named in a clause about what is still to come ("is set to meet X on Thursday"): even when that is the
    /// publication day, it dates no statement.
    var future = false
}

/// Newsroom date forms on tokens. Absolute forms: "Nov. 10, 2022", "November 10th, 2022", "10. November
/// 2022", "10 November 2022", "2022-11-10", "2022-11-10T08:00:00Z", "11/10/2022", "Sept. 3" (year from the
/// reference). Relative forms: weekdays, "yesterday", "today", "last week", "this week", "last month",
/// "earlier this month", "recently", resolved against the reference day (the publication date).
enum DateParser {
    static let months: WordTable<Int> = {
        var table = WordTable<Int>()
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"]
        for (index, name) in names.enumerated() {
            table[WordHash.hash(name)] = index + 1
            table[WordHash.hash(name.prefix(3))] = index + 1
        }
        table[WordHash.hash("sept")] = 9
        return table
    }()
    static let weekdays: WordTable<Int> = {
        var table = WordTable<Int>()
        for (index, name) in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].enumerated() {
            table[WordHash.hash(name)] = index + 1
        }
        return table
    }()
    // Hashes as literals, read without lazy initialisation (see `Words`).
    static let may: UInt64 = 0x080F_5019_176D_1E46   // WordHash.hash("may")
    static let mar: UInt64 = 0x080F_5719_176D_2A2B   // WordHash.hash("mar")
    static let last: UInt64 = 0x0456_D2AD_9058_47D9   // WordHash.hash("last")
    static let next: UInt64 = 0xE531_6CBA_A025_F028   // WordHash.hash("next")
    static let this: UInt64 = 0x2587_BCEF_3249_3841   // WordHash.hash("this")
    static let earlier: UInt64 = 0xDF04_0ECD_A350_EA5B   // WordHash.hash("earlier")
    static let week: UInt64 = 0x3D80_FFF6_19ED_BFBD   // WordHash.hash("week")
    static let month: UInt64 = 0xF4BD_C393_6FAF_56A5   // WordHash.hash("month")
    static let yesterday: UInt64 = 0xF945_4585_85F6_2267   // WordHash.hash("yesterday")
    static let today: UInt64 = 0xA411_597D_0674_521E   // WordHash.hash("today")
    static let tonight: UInt64 = 0x06E7_9A21_3AFA_FD4A   // WordHash.hash("tonight")
    static let recently: UInt64 = 0xB71C_504A_6CA4_4E1D   // WordHash.hash("recently")
    static let recent: UInt64 = 0xCF2A_4200_13D7_8E7E   // WordHash.hash("recent")
    static let days: UInt64 = 0x8587_7367_30C8_B7EA   // WordHash.hash("days")
    /// Every word a relative date phrase starts with: one look-up turns away the other tokens, which are
    /// nearly all of them, before the comparisons below.
    static let relativeStarts: WordSet = {
        var words = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        words += ["yesterday", "today", "tonight", "recently", "last", "this", "earlier", "in"]
        words += ["the", "a", "later", "that", "one", "two", "three"]
        return WordSet(words)
    }()

    /// The first absolute date in a short text (metadata, a dateline or byline), or nil.
    static func firstDate(in text: String, reference: Day? = nil) -> Day? {
        let out = Tokenizer.tokenize(text)
        return out.scalars.withUnsafeBufferPointer { s in
            var i = 0
            while i < out.tokens.count {
                if let found = absolute(at: i, tokens: out.tokens, scalars: s, reference: reference) { return found.day }
                i += 1
            }
            return nil
        }
    }

    /// The words without which no relative phrase is written: each holds a weekday, ends with "day", "days",
    /// "week" or "month", or is one of the single words (every absolute form holds a number).
    static let relativeKeys = WordSet(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "yesterday", "today", "tonight", "recently", "day", "days", "week", "month"])

    /// Whether `range` holds a number or a `relativeKeys` word, which every date phrase in it does: most sentences
    /// hold neither, and are passed over without the per-token tests of both forms.
    static func mayHoldDate(tokens: [Token], range: Range<Int>) -> Bool {
        let keys = relativeKeys
        for i in range {
            let t = tokens[i]
            if t.kind == .number || (t.kind == .word && keys.contains(t.hash)) { return true }
        }
        return false
    }

    /// All date phrases in `range`, absolute and relative.
    static func mentions(tokens: [Token], range: Range<Int>, scalars: UnsafeBufferPointer<Unicode.Scalar>,
                         reference: Day?) -> [DateMention] {
        guard mayHoldDate(tokens: tokens, range: range) else { return [] }
        return phrases(tokens: tokens, range: range, scalars: scalars, reference: reference)
    }

    /// The date phrases in `range`, each token tried as the start of one.
    static func phrases(tokens: [Token], range: Range<Int>, scalars: UnsafeBufferPointer<Unicode.Scalar>,
                        reference: Day?) -> [DateMention] {
        var found: [DateMention] = []
        let monthNames = months, relativeWords = relativeStarts
        var i = range.lowerBound
        while i < range.upperBound {
            // A phrase starts at a number, a month or a `relativeStarts` word (the first tests of `absolute`
            // and `relative`): other tokens are passed without the calls.
            let t = tokens[i]
            guard t.kind == .number || (t.kind == .word && (monthNames[t.hash] != nil || relativeWords.contains(t.hash))) else {
                i += 1
                continue
            }
            if let m = absolute(at: i, tokens: tokens, scalars: scalars, reference: reference, limit: range.upperBound)
                ?? relative(at: i, tokens: tokens, reference: reference, limit: range.upperBound) {
                found.append(m)
                i = m.last + 1
            } else {
                i += 1
            }
        }
        return found
    }

    static func number(_ token: Token, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> Int? {
        guard token.kind == .number else { return nil }
        var value = 0
        var digits = 0
        var i = Int(token.start)
        while i < Int(token.end), Tokenizer.isDigit(s[i].value), digits < 5 {
            value = value * 10 + Int(s[i].value - 48)
            digits += 1
            i += 1
        }
        // Only ordinal suffixes may follow the digits: "10th", "3rd".
        if i < Int(token.end) {
            let rest = Int(token.end) - i
            if rest != 2 || !Tokenizer.isASCIILetter(s[i].value) { return nil }
        }
        return digits > 0 ? value : nil
    }

    private static func digitsCount(_ token: Token, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
        var n = 0
        var i = Int(token.start)
        while i < Int(token.end), Tokenizer.isDigit(s[i].value) { n += 1; i += 1 }
        return n
    }

    private static func monthAt(_ i: Int, _ tokens: [Token]) -> Int? {
        let t = tokens[i]
        guard t.kind == .word, let m = months[t.hash] else { return nil }
        // "may" and "mar" are words too; as months they are capitalised.
        if (t.hash == may || t.hash == mar) && !t.isCapitalized { return nil }
        return m
    }

    private static func yearIn(_ token: Token, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> Int? {
        guard digitsCount(token, s) == 4, Int(token.end - token.start) == 4, let y = number(token, s),
              (1800...2200).contains(y) else { return nil }
        return y
    }

    static func absolute(at start: Int, tokens: [Token], scalars s: UnsafeBufferPointer<Unicode.Scalar>,
                         reference: Day?, limit: Int? = nil) -> DateMention? {
        let end = limit ?? tokens.count
        let t = tokens[start]
        func skip(_ j: Int, _ marks: String) -> Int {
            var k = j
            while k < end, tokens[k].kind == .punct, marks.unicodeScalars.contains(Unicode.Scalar(UInt32(tokens[k].hash))!) { k += 1 }
            return k
        }
        // ISO: 2022-11-10, possibly followed by a time.
        if t.kind == .number, Int(t.end - t.start) >= 10 {
            let b = Int(t.start)
            func d(_ k: Int) -> Int? { Tokenizer.isDigit(s[b + k].value) ? Int(s[b + k].value - 48) : nil }
            if let y0 = d(0), let y1 = d(1), let y2 = d(2), let y3 = d(3), s[b + 4].value == 45,
               let m0 = d(5), let m1 = d(6), s[b + 7].value == 45, let d0 = d(8), let d1 = d(9),
               let day = Day(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1) {
                var last = start
                // A time written after a "T" is part of the same token or the next ones: "T08:00:00Z".
                while last + 1 < end, tokens[last + 1].has(Token.spaceBefore) == false,
                      tokens[last + 1].kind != .closeQuote { last += 1 }
                return DateMention(first: start, last: last, day: day)
            }
        }
        // 11/10/2022 (month first, the American order).
        if t.kind == .number, start + 4 < end, tokens[start + 1].isPunct("/"), tokens[start + 3].isPunct("/"),
           let m = number(t, s), let dd = number(tokens[start + 2], s), let y = yearIn(tokens[start + 4], s),
           let day = Day(year: y, month: m, day: dd) {
            return DateMention(first: start, last: start + 4, day: day)
        }
        // Month Day[,] [Year]
        if let m = monthAt(start, tokens) {
            var j = skip(start + 1, ".")
            guard j < end, let dd = number(tokens[j], s), (1...31).contains(dd), digitsCount(tokens[j], s) <= 2 else { return nil }
            let last = j
            j = skip(j + 1, ",")
            if j < end, let y = yearIn(tokens[j], s) {
                guard let day = Day(year: y, month: m, day: dd) else { return nil }
                return DateMention(first: start, last: j, day: day)
            }
            guard let ref = reference, let day = inferYear(month: m, day: dd, reference: ref) else { return nil }
            return DateMention(first: start, last: last, day: day)
        }
        // Day[.] Month [Year]
        if t.kind == .number, let dd = number(t, s), (1...31).contains(dd), digitsCount(t, s) <= 2 {
            let j = skip(start + 1, ".")
            guard j < end, let m = monthAt(j, tokens) else { return nil }
            let k = skip(j + 1, ".,")
            if k < end, let y = yearIn(tokens[k], s) {
                guard let day = Day(year: y, month: m, day: dd) else { return nil }
                return DateMention(first: start, last: k, day: day)
            }
            guard let ref = reference, let day = inferYear(month: m, day: dd, reference: ref) else { return nil }
            return DateMention(first: start, last: j, day: day)
        }
        return nil
    }

    /// A day and month without a year: the latest such date on or before the reference.
    static func inferYear(month: Int, day: Int, reference: Day) -> Day? {
        guard let same = Day(year: reference.year, month: month, day: day) else { return nil }
        return same <= reference ? same : Day(year: reference.year - 1, month: month, day: day)
    }

    /// Words that put the day after them in what is still to come: auxiliaries, schedules ("due in Cairo on
    /// Thursday", "set to meet", "expected"), and the present tense newsrooms use for a planned event ("talks
    /// resume on Thursday", "meets X on Friday"); a past event is written in the past tense ("met", "resumed").
    static let futureAuxiliaries = WordSet(["will", "would", "shall", "'ll", "due", "scheduled", "slated", "expected",
        "planned", "upcoming", "resume", "resumes", "begin", "begins", "starts", "meets", "convene", "convenes",
        "reconvene", "reconvenes", "arrive", "arrives", "travels", "visits", "holds", "opens", "returns", "heads"])

    /// Words that put what follows in the future when "to" comes after them: "is set to meet", "is poised to sign".
    static let scheduleWords = WordSet(["set", "poised", "going", "plans", "plan", "intends", "hopes", "aims"])
    static let to = WordHash.hash("to")

    /// A future marker among the few words before `t` in its clause.
    static func futureClause(before t: Int, tokens: [Token]) -> Bool {
        var k = t - 1
        while k >= 0, t - k <= 8, tokens[k].kind == .word {
            if futureAuxiliaries.contains(tokens[k].hash) { return true }
            if scheduleWords.contains(tokens[k].hash), k + 1 < t, tokens[k + 1].hash == to { return true }
            k -= 1
        }
        return false
    }

    static func relative(at i: Int, tokens: [Token], reference: Day?, limit: Int) -> DateMention? {
        guard let ref = reference else { return nil }
        let t = tokens[i]
        guard t.kind == .word, relativeStarts.contains(t.hash) else { return nil }
        let h = t.hash
        func word(_ k: Int) -> UInt64? { k < limit && tokens[k].kind == .word ? tokens[k].hash : nil }
        if let w = weekdays[h] {
            let back = (ref.weekday - w + 7) % 7
            var first = i
            var day = ref.adding(days: -back)
            if i > 0, tokens[i - 1].kind == .word {
                let before = tokens[i - 1].hash
                if before == last {
                    first = i - 1
                    day = ref.adding(days: back == 0 ? -7 : -back)
                } else if before == next {
                    first = i - 1
                    day = ref.adding(days: back == 0 ? 7 : 7 - back)
                } else if before == Words.on || before == this {
                    first = i - 1
                }
            }
            // "he would be in Havana Friday", "will vote on Tuesday": a weekday in a clause about what is to come.
            let future = (first == i || tokens[first].hash != last && tokens[first].hash != next) && futureClause(before: first, tokens: tokens)
            if future { day = ref.adding(days: back == 0 ? 0 : 7 - back) }
            return DateMention(first: first, last: i, day: day, future: future)
        }
        if let found = anchored(at: i, tokens: tokens, limit: limit, reference: ref) { return found }
        if h == yesterday { return DateMention(first: i, last: i, day: ref.adding(days: -1)) }
        if h == today || h == tonight { return DateMention(first: i, last: i, day: ref) }
        if h == recently { return DateMention(first: i, last: i, day: ref) }
        if h == last, let n = word(i + 1) {
            if n == week { return DateMention(first: i, last: i + 1, day: ref.adding(days: -7)) }
            if n == month {
                let m = ref.month == 1 ? 12 : ref.month - 1
                let y = ref.month == 1 ? ref.year - 1 : ref.year
                let day = Day(year: y, month: m, day: min(ref.day, Day.daysIn(month: m, year: y)))!
                return DateMention(first: i, last: i + 1, day: day)
            }
        }
        if h == this, let n = word(i + 1), n == week || n == month {
            return DateMention(first: i, last: i + 1, day: ref)
        }
        if h == earlier, word(i + 1) == this, let n = word(i + 2), n == week || n == month {
            return DateMention(first: i, last: i + 2, day: ref)
        }
        if h == Words.in_, word(i + 1) == recent, word(i + 2) == days {
            return DateMention(first: i, last: i + 2, day: ref)
        }
        return nil
    }

    static let sameDayWords = WordSet(["same"])
    static let nextDayWords = WordSet(["next", "following"])
    static let previousDayWords = WordSet(["previous", "preceding"])
    static let the: UInt64 = 0x56F5_C919_4461_D57C   // WordHash.hash("the")
    static let later: UInt64 = 0x9EE7_1CEC_3834_BB69   // WordHash.hash("later")
    static let that: UInt64 = 0x256C_ADEF_3232_570C   // WordHash.hash("that")
    static let day: UInt64 = 0xCA8D_3918_F457_8F1D   // WordHash.hash("day")
    static let dayCounts: WordTable<Int> = {
        var table = WordTable<Int>()
        for (word, n) in [("a", 1), ("one", 1), ("two", 2), ("three", 3)] { table[WordHash.hash(word)] = n }
        return table
    }()

    /// A day named from the date written before it: "the next day", "the following day", "the previous day",
    /// "the same day", "later that day", "that day", "a day later", "two days earlier". Its `day` is the
    /// reference until the anchor is known.
    static func anchored(at i: Int, tokens: [Token], limit: Int, reference: Day) -> DateMention? {
        func word(_ k: Int) -> UInt64? { k < limit && tokens[k].kind == .word ? tokens[k].hash : nil }
        let h = tokens[i].hash
        // "the next day", "the same day"
        if h == the, let w = word(i + 1), word(i + 2) == day {
            if sameDayWords.contains(w) { return DateMention(first: i, last: i + 2, day: reference, anchor: 0) }
            if nextDayWords.contains(w) { return DateMention(first: i, last: i + 2, day: reference, anchor: 1) }
            if previousDayWords.contains(w) { return DateMention(first: i, last: i + 2, day: reference, anchor: -1) }
            return nil
        }
        // "later that day", "that same day", "that day"
        if h == later, word(i + 1) == that, word(i + 2) == day { return DateMention(first: i, last: i + 2, day: reference, anchor: 0) }
        if h == that, word(i + 1) == day, i == 0 || tokens[i - 1].kind != .word || tokens[i - 1].hash == Words.on {
            return DateMention(first: i, last: i + 1, day: reference, anchor: 0)
        }
        if h == that, word(i + 1).map(sameDayWords.contains) ?? false, word(i + 2) == day {
            return DateMention(first: i, last: i + 2, day: reference, anchor: 0)
        }
        // "a day later", "two days earlier"
        if let n = dayCounts[h], let unit = word(i + 1), unit == day || unit == days, let direction = word(i + 2) {
            if direction == later { return DateMention(first: i, last: i + 2, day: reference, anchor: n) }
            if direction == earlier { return DateMention(first: i, last: i + 2, day: reference, anchor: -n) }
        }
        return nil
    }

    /// The phrases of `found` resolved in text order, each anchored one counted from the nearest resolved
    /// one before it (`before`: the last date written before the first phrase); an anchored phrase with no
    /// date before it is left out.
    static func resolvingAnchors(_ found: [DateMention], after before: Day?) -> [DateMention] {
        guard found.contains(where: { $0.anchor != nil }) else { return found }
        var resolved: [DateMention] = []
        var previous = before
        for var m in found {
            if let offset = m.anchor {
                guard let base = previous else { continue }
                m.day = base.adding(days: offset)
                m.anchor = nil
            }
            previous = m.day
            resolved.append(m)
        }
        return resolved
    }
}
