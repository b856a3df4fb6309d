import StanceKit
import Terminal

/// Text by spans of Unicode scalars, the unit `TextSpan` counts in.
enum ArticleText {
    static func substring(of text: String, span: TextSpan) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.index(scalars.startIndex, offsetBy: span.start, limitedBy: scalars.endIndex)
        else { return "" }
        let end = scalars.index(start, offsetBy: span.length, limitedBy: scalars.endIndex) ?? scalars.endIndex
        return String(scalars[start..<end])
    }
}

/// An article made ready for the article pane once, whatever the width: its characters measured,
/// its paragraphs found, its statements and mentions sorted by position, its text folded for
/// searching. Re-wrapping for a new width then measures nothing again.
///
/// Markdown markup a reader should not see (`# `, `**`, the brackets and target of a link, a
/// line's quote or list mark) has no character here: each character keeps the scalar offsets it
/// came from, so spans in the file's text still land on the right characters.
public struct PreparedArticle: Sendable {
    public struct Paragraph: Sendable, Hashable {
        var role: BlockRole
        /// Character indices into `characters`.
        var characters: Range<Int>
    }

    public struct Mention: Sendable, Hashable {
        var span: TextSpan
        var actorID: String
    }

    public let loaded: LoadedArticle
    /// The text's shown grapheme clusters, tabs turned into spaces (wrapping decides the columns).
    let characters: [Character]
    /// The scalar offset where each character starts in the text.
    let scalarOffsets: [Int]
    /// The scalar offset just past each character; up to the next character's start lies hidden markup.
    let scalarEnds: [Int]
    let widths: [UInt8]
    /// What each character draws as, sanitised and measured once: character `i` is the pieces
    /// `firstPiece[i]..<firstPiece[i + 1]` of `pieceTexts`/`pieceWidths` (one for nearly every
    /// character; none for one that draws nothing). A frame then copies cells and measures nothing.
    let firstPiece: [Int32]
    let pieceTexts: [CellText]
    let pieceWidths: [UInt8]
    let paragraphs: [Paragraph]
    /// The quote bar or list bullet drawn in front of a line of the text, by the index of the
    /// line's first character.
    let lineMarks: [Int: ReaderMarkup.MarkedLine]
    /// Text between emphasis marks, by start, drawn bold or italic.
    let emphasis: [ReaderMarkup.Emphasis]
    let longestEmphasis: Int
    /// Every statement by start, rejected ones too: they stay visible (dimmed) so a person sees
    /// what they turned down and can take it back.
    public let statements: [Statement]
    /// Character indices where sentences begin, for the `(` and `)` motions.
    let sentenceStarts: [Int]
    let mentions: [Mention]
    let longestStatement: Int
    let longestMention: Int
    /// The scalars of the shown characters, lower-cased where that keeps them one scalar, and
    /// where each came from in the text: search finds words however markup splits them.
    private let foldedScalars: [Unicode.Scalar]
    private let foldedSources: [Int]
    let metaLine: String
    let title: String

    public init(_ loaded: LoadedArticle) {
        self.loaded = loaded
        let article = loaded.analysis.article
        let markup = ReaderMarkup(text: article.text)
        var characters: [Character] = [], starts: [Int] = [], ends: [Int] = []
        var folded: [Unicode.Scalar] = [], sources: [Int] = []
        characters.reserveCapacity(article.text.utf8.count)
        starts.reserveCapacity(article.text.utf8.count)
        ends.reserveCapacity(article.text.utf8.count)
        folded.reserveCapacity(article.text.utf8.count)
        sources.reserveCapacity(article.text.utf8.count)
        var offset = 0
        for character in article.text {
            let start = offset
            offset += character.unicodeScalars.count
            // A cluster with any visible scalar shows, so no visible text is ever lost.
            guard markup.hidden[start..<offset].contains(false) else { continue }
            characters.append(character == "\t" ? " " : character)
            starts.append(start)
            ends.append(offset)
            for (index, scalar) in character.unicodeScalars.enumerated() {
                folded.append(Self.fold(scalar))
                sources.append(start + index)
            }
        }
        self.characters = characters
        self.scalarOffsets = starts
        self.scalarEnds = ends
        self.foldedScalars = folded
        self.foldedSources = sources
        var widths: [UInt8] = [], firstPiece: [Int32] = [], pieceTexts: [CellText] = [], pieceWidths: [UInt8] = []
        widths.reserveCapacity(characters.count)
        firstPiece.reserveCapacity(characters.count + 1)
        pieceTexts.reserveCapacity(characters.count)
        pieceWidths.reserveCapacity(characters.count)
        for character in characters {
            firstPiece.append(Int32(pieceTexts.count))
            var columns = 0
            TerminalText.forEachPiece(of: String(character)) { text, width in
                pieceTexts.append(CellText(text))
                pieceWidths.append(UInt8(clamping: width))
                columns += width
                return true
            }
            widths.append(UInt8(clamping: columns))
        }
        firstPiece.append(Int32(pieceTexts.count))
        self.widths = widths
        self.firstPiece = firstPiece
        self.pieceTexts = pieceTexts
        self.pieceWidths = pieceWidths
        self.statements = loaded.analysis.statements.sorted { $0.span < $1.span }
        self.mentions = loaded.analysis.actors.flatMap { actor in actor.mentions.map { Mention(span: $0, actorID: actor.id) } }
            .sorted { $0.span < $1.span }
        self.longestStatement = statements.map(\.span.length).max() ?? 0
        self.longestMention = mentions.map(\.span.length).max() ?? 0
        self.title = loaded.summary.title
        var meta: [String] = []
        if let outlet = article.source, !outlet.isEmpty { meta.append(outlet) }
        if let date = article.published { meta.append(date.description) }
        if !article.byline.isEmpty { meta.append("By " + article.byline.joined(separator: ", ")) }
        self.metaLine = meta.joined(separator: " · ")
        var lineMarks: [Int: ReaderMarkup.MarkedLine] = [:]
        for line in markup.markedLines {
            // Keyed as the layout looks a line up: by its first character that is not a space (a
            // line's newline when a bare `>` leaves it empty).
            var index = Self.characterIndex(ofScalar: line.textStart, ends: ends)
            while index < characters.count, characters[index] == " " { index += 1 }
            lineMarks[index] = line
        }
        self.lineMarks = lineMarks
        self.emphasis = markup.emphasis.sorted { $0.span < $1.span }
        self.longestEmphasis = emphasis.map(\.span.length).max() ?? 0
        self.paragraphs = Self.paragraphs(of: article, characters: characters, ends: ends, title: loaded.summary.title)
        self.sentenceStarts = Self.sentenceStarts(characters: characters, paragraphs: paragraphs)
    }

    /// The index of the character holding scalar `offset`, or of the first character after it when
    /// markup hides that scalar (the end index past the text).
    func characterIndex(ofScalar offset: Int) -> Int {
        Self.characterIndex(ofScalar: offset, ends: scalarEnds)
    }

    private static func characterIndex(ofScalar offset: Int, ends: [Int]) -> Int {
        var low = 0, high = ends.count
        while low < high {
            let mid = (low + high) / 2
            if ends[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Where `query` occurs, ignoring case, as scalar spans in text order.
    public func matches(of query: String) -> [TextSpan] {
        let needle = query.unicodeScalars.map(Self.fold)
        guard let first = needle.first, needle.count <= foldedScalars.count else { return [] }
        var found: [TextSpan] = []
        var index = 0
        let last = foldedScalars.count - needle.count
        while index <= last {
            if foldedScalars[index] == first {
                var matched = true
                for step in 1..<needle.count where foldedScalars[index + step] != needle[step] {
                    matched = false
                    break
                }
                if matched {
                    found.append(TextSpan(start: foldedSources[index], end: foldedSources[index + needle.count - 1] + 1))
                    index += needle.count
                    continue
                }
            }
            index += 1
        }
        return found
    }

    static func columns(_ character: Character) -> UInt8 {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        return UInt8(clamping: TerminalText.width(String(character)))
    }

    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32)! : scalar
        }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : scalar
    }

    /// The blocks as character ranges, whitespace trimmed; a headline repeating the title (shown
    /// in the header) is left out. Without blocks, paragraphs are the runs between blank lines.
    private static func paragraphs(of article: Article, characters: [Character], ends: [Int],
                                   title: String) -> [Paragraph] {
        func index(of scalar: Int) -> Int { characterIndex(ofScalar: scalar, ends: ends) }
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var lower = range.lowerBound, upper = range.upperBound
            while lower < upper, characters[lower].isWhitespace { lower += 1 }
            while upper > lower, characters[upper - 1].isWhitespace { upper -= 1 }
            return lower..<upper
        }
        var result: [Paragraph] = []
        if article.blocks.isEmpty {
            var lineStart = 0
            var paragraphStart: Int?
            for position in 0...characters.count {
                let atEnd = position == characters.count
                guard atEnd || characters[position].isNewline else { continue }
                let line = trimmed(lineStart..<position)
                if line.isEmpty {
                    if let start = paragraphStart {
                        result.append(Paragraph(role: .body, characters: trimmed(start..<lineStart)))
                        paragraphStart = nil
                    }
                } else if paragraphStart == nil {
                    paragraphStart = lineStart
                }
                lineStart = position + 1
            }
            if let start = paragraphStart {
                result.append(Paragraph(role: .body, characters: trimmed(start..<characters.count)))
            }
            return result
        }
        let normalizedTitle = title.lowercased()
        for block in article.blocks.sorted(by: { $0.span < $1.span }) {
            let range = trimmed(index(of: block.span.start)..<index(of: block.span.end))
            guard !range.isEmpty else { continue }
            if block.role == .headline, String(characters[range]).lowercased() == normalizedTitle { continue }
            result.append(Paragraph(role: block.role, characters: range))
        }
        return result
    }
}
