import StanceKit
import Terminal

/// A prepared article wrapped to one width: the lines the article pane scrolls through. Built when
/// the article or the pane's width changes, never per key.
public struct ArticleLayout: Sendable {
    public enum LineKind: Sendable, Hashable {
        case meta, title, rule, blank
        case block(BlockRole)
    }

    public struct Line: Sendable, Hashable {
        public var kind: LineKind
        /// Characters of the article text on this line, for lines from the text.
        var characters: Range<Int>?
        /// The text of a header line (meta, title), which is not part of the article text.
        var header: String?
        /// What a line from the text draws before its characters: a quote bar, a list bullet, or
        /// the blank that keeps a bullet's wrapped lines hanging.
        var lead = ""
        var leadWidth = 0
    }

    public let articleID: ArticleID
    public let width: Int
    public let lines: [Line]
    /// For each line from the text, in order: its first character index and its line number.
    private let textLines: [(character: Int, line: Int)]

    public init(_ article: PreparedArticle, width: Int) {
        self.articleID = article.loaded.summary.id
        self.width = width
        var lines: [Line] = []
        func appendHeader(_ text: String, kind: LineKind) {
            let characters = Array(text)
            let widths = characters.map(PreparedArticle.columns)
            for range in WordWrap.lines(widths: widths, isSpace: { characters[$0] == " " },
                                        isNewline: { characters[$0].isNewline },
                                        range: 0..<characters.count, width: width) {
                lines.append(Line(kind: kind, characters: nil, header: String(characters[range])))
            }
        }
        if !article.metaLine.isEmpty { appendHeader(article.metaLine, kind: .meta) }
        appendHeader(article.title, kind: .title)
        lines.append(Line(kind: .rule, characters: nil, header: nil))
        var textLines: [(character: Int, line: Int)] = []
        for (number, paragraph) in article.paragraphs.enumerated() {
            if number > 0 { lines.append(Line(kind: .blank, characters: nil, header: nil)) }
            // Each line of the paragraph wraps on its own, so that a quote bar or bullet can stand
            // in front of all of its wrapped lines.
            var lineStart = paragraph.characters.lowerBound
            while lineStart <= paragraph.characters.upperBound {
                var lineEnd = lineStart
                while lineEnd < paragraph.characters.upperBound, !article.characters[lineEnd].isNewline { lineEnd += 1 }
                var textStart = lineStart
                while textStart < lineEnd, article.characters[textStart] == " " { textStart += 1 }
                let mark = article.lineMarks[textStart]
                var leads = mark.map(Self.leads) ?? (first: "", rest: "")
                var leadWidth = TerminalText.width(leads.first)
                // Deep nesting in a narrow pane would leave no room for the words: they win.
                if leadWidth > width / 2 { (leads, leadWidth) = (("", ""), 0) }
                let wrapped = WordWrap.lines(widths: article.widths, isSpace: { article.characters[$0] == " " },
                                             isNewline: { _ in false }, range: (mark == nil ? lineStart : textStart)..<lineEnd,
                                             width: width - leadWidth)
                for (index, range) in wrapped.enumerated() {
                    textLines.append((range.lowerBound, lines.count))
                    lines.append(Line(kind: .block(paragraph.role), characters: range, header: nil,
                                      lead: index == 0 ? leads.first : leads.rest, leadWidth: leadWidth))
                }
                lineStart = lineEnd + 1
            }
        }
        self.lines = lines
        self.textLines = textLines
    }

    /// What a marked line draws before its first wrapped line and before the others.
    private static func leads(_ mark: ReaderMarkup.MarkedLine) -> (first: String, rest: String) {
        let indent = String(repeating: " ", count: mark.indent)
        switch mark.mark {
        case .quote(let depth):
            let bars = indent + String(repeating: "│", count: depth) + " "
            return (bars, bars)
        case .bullet:
            return (indent + "• ", indent + "  ")
        }
    }

    /// The line showing character `index`, or the nearest line from the text before it (text
    /// between blocks is not shown).
    public func line(ofCharacter index: Int) -> Int? {
        var low = 0, high = textLines.count
        while low < high {
            let mid = (low + high) / 2
            if textLines[mid].character <= index { low = mid + 1 } else { high = mid }
        }
        if low == 0 { return textLines.first?.line }
        return textLines[low - 1].line
    }

    /// The first character shown on or after `line`, to keep the reading place across a re-wrap.
    public func firstCharacter(atOrAfter line: Int) -> Int? {
        guard line < lines.count else { return nil }
        return lines[max(0, line)...].lazy.compactMap(\.characters).first?.lowerBound
    }
}
