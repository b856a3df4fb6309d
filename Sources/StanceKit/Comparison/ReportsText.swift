import Foundation
import TextWidth

/// The glyphs the plain-text reports use besides the frame's own position glyphs, each defined once.
public enum ReportGlyphs {
    /// A period or statement split between positions.
    public static let mixed = "±"
    /// Statements that took no position.
    public static let none = "·"
    /// A row in which the two actors of a comparison took opposite positions.
    public static let opposed = "≠"
    /// The glyph for a stance: the frame position's own, `mixed`, `none`, or `?` for a stance the
    /// frame does not know.
    public static func glyph(for stance: String, in frame: Frame) -> String {
        if let position = frame.position(stance) { return position.glyph }
        switch stance {
        case Frame.mixed: return mixed
        case Frame.none: return none
        default: return "?"
        }
    }

    /// A stance as "glyph label" ("▲ support"), kept on one line when wrapped.
    static func named(_ stance: String, in frame: Frame) -> String {
        ReportText.unbreakable("\(glyph(for: stance, in: frame)) \(frame.position(stance)?.label ?? stance)")
    }

    /// "◇ diplomacy, ▲ support, ± mixed, · none": the key to every glyph of the frame.
    static func legend(for frame: Frame) -> String {
        frame.stanceValues.map { named($0, in: frame) }.joined(separator: ", ")
    }
}

/// The JSON form of the comparison results (`ActorComparison`, `CorpusTimeline`,
/// `AgreementMatrix`), with sorted keys so that the same result always prints the same text.
public enum ReportJSON {
    public static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try encodeUTF8(value), as: UTF8.self) + "\n"
    }

    private static func encodeUTF8(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// The text of `encode(skeleton)` with `elements` as the top-level array `key`, which
    /// `skeleton` holds empty, handed to `output` a chunk of elements at a time: the whole JSON tree
    /// of a large result (an agreement matrix of a million pairs) took gigabytes to build at once.
    static func write<Element: Encodable>(_ skeleton: some Encodable, key: String, elements: [Element],
                                          chunkSize: Int = 4096, to output: (String) -> Void) throws {
        let text = try encode(skeleton)
        // Pretty printing puts a top-level key two spaces in and an empty array's brackets on
        // lines of their own; a newline inside a string value is escaped, so this occurs once.
        let opening = "\n  \"\(key)\" : ["
        guard !elements.isEmpty, let empty = text.range(of: opening + "\n\n  ]") else { return output(text) }
        output(String(text[..<empty.lowerBound]) + opening + "\n")
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        for start in stride(from: 0, to: elements.count, by: chunkSize) {
            // "[\n", the elements two spaces in, "\n]": the elements alone, two spaces further in.
            let chunk = try encodeUTF8(Array(elements[start..<min(start + chunkSize, elements.count)]))
            var indented: [UInt8] = start > 0 ? [UInt8(ascii: ","), newline, space, space] : [space, space]
            indented.reserveCapacity(chunk.count + chunk.count / 8)
            chunk.withUnsafeBytes { bytes in
                let elements = bytes[2..<(bytes.count - 2)]
                for (index, byte) in zip(elements.indices, elements) {
                    indented.append(byte)
                    // An empty nested array prints a blank line ("[\n\n    ]"), which stays blank.
                    if byte == newline, index + 1 == elements.endIndex || elements[index + 1] != newline {
                        indented.append(contentsOf: [space, space])
                    }
                }
            }
            output(String(decoding: indented, as: UTF8.self))
        }
        output("\n  ]" + String(text[empty.upperBound...]))
    }
}

/// Cleaning and laying out text in terminal columns (as `TextWidth` measures them) for the
/// plain-text reports.
enum ReportText {
    /// Joins words that wrapping must keep together; printed as an ordinary space.
    static let glue: Character = "\u{00A0}"

    /// `text` with its spaces turned into glue, so that it wraps as one word.
    static func unbreakable(_ text: String) -> String {
        String(text.map { $0 == " " ? glue : $0 })
    }

    /// One line of text: runs of white space (newlines, tabs) become one space, other control and
    /// format characters go (ZWJ stays, it joins emoji), and the ends are trimmed. Glue (a
    /// no-break space) stays, to keep its words together.
    static func singleLine(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isWhitespace && character != glue {
                pendingSpace = !out.isEmpty
                continue
            }
            // Printable ASCII, nearly all of a report, needs no look at its scalar properties.
            if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
                if pendingSpace { out += " " }
                pendingSpace = false
                out.append(character)
                continue
            }
            let kept = String(String.UnicodeScalarView(character.unicodeScalars.filter { scalar in
                scalar.value == 0x200D || ![.control, .format].contains(scalar.properties.generalCategory)
            }))
            guard !kept.isEmpty else { continue }
            if pendingSpace { out += " " }
            pendingSpace = false
            out += kept
        }
        return out
    }

    /// Breaks `text` into lines of at most `width` columns (`firstWidth` for the first line), at
    /// spaces where possible and inside a word only when the word alone is too wide. Always at
    /// least one line.
    static func wrap(_ text: String, width: Int, firstWidth: Int? = nil) -> [String] {
        var limit = max(1, firstWidth ?? width)
        var lines: [String] = []
        var line = "", lineWidth = 0
        func flush() {
            lines.append(line)
            line = ""
            lineWidth = 0
            limit = max(1, width)
        }
        for word in singleLine(text).split(separator: " ") {
            var word = Substring(word), wordWidth = TextWidth.columns(word)
            if lineWidth > 0 && lineWidth + 1 + wordWidth > limit { flush() }
            while wordWidth > limit {
                if lineWidth > 0 { flush() }
                let (head, rest) = split(word, at: limit)
                line = String(head)
                flush()
                word = rest
                wordWidth = TextWidth.columns(word)
            }
            guard !word.isEmpty else { continue }
            if lineWidth > 0 {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += wordWidth
        }
        if !line.isEmpty || lines.isEmpty { flush() }
        return lines
    }

    /// The longest prefix of `text` that fits in `columns` (at least one Character, so that a
    /// character wider than the limit still moves on), and the rest.
    private static func split(_ text: Substring, at columns: Int) -> (Substring, Substring) {
        var used = 0
        var end = text.startIndex
        while end < text.endIndex {
            let next = used + TextWidth.columns(of: text[end])
            if next > columns && end > text.startIndex { break }
            used = next
            end = text.index(after: end)
        }
        return (text[..<end], text[end...])
    }

    /// `text` cut to `columns`, ending in "…" when cut.
    static func truncate(_ text: String, to columns: Int) -> String {
        guard TextWidth.columns(text) > columns else { return text }
        guard columns > 1 else { return columns == 1 ? "…" : "" }
        var out = "", used = 0
        for character in text {
            let w = TextWidth.columns(of: character)
            if used + w > columns - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// `text` followed by spaces up to `columns`.
    static func padRight(_ text: String, to columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - TextWidth.columns(text)))
    }

    /// Spaces then `text`, up to `columns`.
    static func padLeft(_ text: String, to columns: Int) -> String {
        String(repeating: " ", count: max(0, columns - TextWidth.columns(text))) + text
    }

    /// Joins report lines, glue printed as spaces, without trailing spaces, ending in a newline.
    static func join(_ lines: [String]) -> String {
        guard !lines.isEmpty else { return "\n" }
        var out = ""
        for line in lines {
            var printed = line.contains(glue) ? String(line.map { $0 == glue ? " " : $0 }) : line
            while printed.last == " " { printed.removeLast() }
            out += printed
            out += "\n"
        }
        return out
    }

    /// `text` wrapped to `width`, the lines after the first indented by `indent` spaces.
    static func hanging(_ text: String, width: Int, indent: Int) -> [String] {
        let lines = wrap(text, width: width - indent, firstWidth: width)
        return [lines[0]] + lines.dropFirst().map { String(repeating: " ", count: indent) + $0 }
    }
}
