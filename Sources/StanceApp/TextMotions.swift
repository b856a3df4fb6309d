import StanceKit

/// How the article cursor moves, as vim moves: by character, word, sentence and paragraph.
public enum TextMotion: Hashable, Sendable {
    case characterForward, characterBackward
    case wordForward, wordBackward, wordEnd
    case sentenceForward, sentenceBackward
    case paragraphForward, paragraphBackward
}

/// Cursor motions over a prepared article, in character indices. Only characters shown (inside a
/// paragraph) are places the cursor can rest.
extension PreparedArticle {
    /// Where `motion` takes the cursor from `index`; `index` itself when there is nowhere to go.
    public func move(_ index: Int, by motion: TextMotion) -> Int {
        guard !characters.isEmpty else { return 0 }
        let last = characters.count - 1
        let from = clamp(index, 0, last)
        let target: Int
        switch motion {
        case .characterForward: target = from + 1
        case .characterBackward: target = from - 1
        case .wordForward: target = wordStart(after: from)
        case .wordBackward: target = wordStart(before: from)
        case .wordEnd: target = wordEnd(after: from)
        case .sentenceForward:
            target = sentenceStarts[safe: Self.firstIndex(in: sentenceStarts, above: from) { $0 }]
                ?? paragraphs.last.map { $0.characters.upperBound - 1 } ?? last
        case .sentenceBackward:
            target = sentenceStarts[safe: Self.firstIndex(in: sentenceStarts, above: from - 1) { $0 } - 1] ?? from
        case .paragraphForward:
            target = paragraphs[safe: Self.firstIndex(in: paragraphs, above: from) { $0.characters.lowerBound }]?
                .characters.lowerBound ?? paragraphs.last.map { $0.characters.upperBound - 1 } ?? last
        case .paragraphBackward:
            target = paragraphs[safe: Self.firstIndex(in: paragraphs, above: from - 1) { $0.characters.lowerBound } - 1]?
                .characters.lowerBound ?? from
        }
        let forward: Bool
        switch motion {
        case .characterForward, .wordForward, .wordEnd, .sentenceForward, .paragraphForward: forward = true
        default: forward = false
        }
        return shownCharacter(clamp(target, 0, last), forward: forward) ?? from
    }

    /// The first shown character: where a cursor starts when there was none.
    public func firstShownCharacter(atOrAfter index: Int) -> Int? {
        shownCharacter(clamp(index, 0, max(0, characters.count - 1)), forward: true)
    }

    /// `index` if a paragraph shows it, else the nearest shown character in the direction of travel
    /// (or the other way at either end of the text).
    func shownCharacter(_ index: Int, forward: Bool) -> Int? {
        guard !paragraphs.isEmpty else { return nil }
        // Paragraphs are in text order and do not overlap: the one that could hold `index` is the
        // last starting at or before it.
        let following = Self.firstIndex(in: paragraphs, above: index) { $0.characters.lowerBound }
        if let holding = paragraphs[safe: following - 1], holding.characters.contains(index) { return index }
        let next = paragraphs[following...].first { !$0.characters.isEmpty }?.characters.lowerBound
        let previous = paragraphs[..<following].last { !$0.characters.isEmpty }.map { $0.characters.upperBound - 1 }
        return forward ? (next ?? previous) : (previous ?? next)
    }

    /// The index of the first element of `sorted` (ascending by `key`) whose key is above `value`.
    static func firstIndex<T>(in sorted: [T], above value: Int, key: (T) -> Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if key(sorted[mid]) <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The scalar span of characters `range` (inclusive of both ends), without surrounding spaces.
    public func span(ofCharacters range: ClosedRange<Int>) -> TextSpan? {
        var lower = clamp(range.lowerBound, 0, characters.count), upper = clamp(range.upperBound + 1, 0, characters.count)
        while lower < upper, characters[lower].isWhitespace { lower += 1 }
        while upper > lower, characters[upper - 1].isWhitespace { upper -= 1 }
        guard lower < upper else { return nil }
        return TextSpan(start: scalarOffsets[lower], end: scalarEnds[upper - 1])
    }

    private enum CharacterClass { case space, word, punctuation }

    private func characterClass(_ index: Int) -> CharacterClass {
        let character = characters[index]
        if character.isWhitespace { return .space }
        if character.isLetter || character.isNumber || character == "_" { return .word }
        return .punctuation
    }

    private func wordStart(after index: Int) -> Int {
        var position = index
        let start = characterClass(position)
        if start != .space {
            while position < characters.count, characterClass(position) == start { position += 1 }
        }
        while position < characters.count, characterClass(position) == .space { position += 1 }
        return min(position, characters.count - 1)
    }

    private func wordStart(before index: Int) -> Int {
        var position = index - 1
        while position > 0, characterClass(position) == .space { position -= 1 }
        guard position > 0 else { return 0 }
        let kind = characterClass(position)
        while position > 0, characterClass(position - 1) == kind { position -= 1 }
        return position
    }

    private func wordEnd(after index: Int) -> Int {
        var position = index + 1
        while position < characters.count, characterClass(position) == .space { position += 1 }
        guard position < characters.count else { return characters.count - 1 }
        let kind = characterClass(position)
        while position + 1 < characters.count, characterClass(position + 1) == kind { position += 1 }
        return position
    }

    /// Where sentences begin: each paragraph's first character, and the first character after a
    /// full stop, question or exclamation mark (and any closing quotes) followed by a space and a
    /// capital, a digit or an opening quote. A stop after a title or an initial ("Mr.", "J.")
    /// ends no sentence.
    static func sentenceStarts(characters: [Character], paragraphs: [Paragraph]) -> [Int] {
        var starts: [Int] = []
        for paragraph in paragraphs where !paragraph.characters.isEmpty {
            starts.append(paragraph.characters.lowerBound)
            var index = paragraph.characters.lowerBound
            let end = paragraph.characters.upperBound
            while index < end {
                defer { index += 1 }
                guard ".!?…".contains(characters[index]) else { continue }
                if characters[index] == ".", isAbbreviation(endingBefore: index, in: characters, from: paragraph.characters.lowerBound) {
                    continue
                }
                var next = index + 1
                while next < end, "”’\"')]".contains(characters[next]) || ".!?…".contains(characters[next]) { next += 1 }
                guard next < end, characters[next].isWhitespace else { continue }
                while next < end, characters[next].isWhitespace { next += 1 }
                guard next < end else { continue }
                let first = characters[next]
                if first.isUppercase || first.isNumber || "“‘\"'(".contains(first) {
                    starts.append(next)
                    index = next - 1
                }
            }
        }
        return starts
    }

    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "col", "lt", "sgt", "capt",
        "rev", "hon", "pres", "vs", "no", "nos", "fig", "approx", "inc", "corp", "co", "ltd", "u.s", "u.k", "e.g", "i.e",
    ]

    private static func isAbbreviation(endingBefore stop: Int, in characters: [Character], from lower: Int) -> Bool {
        var start = stop
        while start > lower, !characters[start - 1].isWhitespace, !"“‘\"'(".contains(characters[start - 1]) { start -= 1 }
        let word = String(characters[start..<stop]).lowercased()
        if word.count == 1, word.first?.isLetter == true { return true }
        return abbreviations.contains(word)
    }
}
