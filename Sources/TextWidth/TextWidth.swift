/// How many terminal columns text takes, without asking the C locale (so that screen tests and
/// reports give the same answer everywhere). Follows Unicode East Asian Width: Wide and Fullwidth
/// characters take two columns, as do emoji shown in emoji presentation; controls, format
/// characters and combining marks take none. The screen and the plain-text reports both measure
/// here, so a name lines up the same in either.
public enum TextWidth {
    /// The columns of one grapheme cluster, judged by its first scalar (the rest combine with it),
    /// except that a variation selector 16 anywhere asks for the two-column emoji presentation.
    public static func columns(of character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii < 0x20 || ascii == 0x7F ? 0 : 1 }
        let scalars = character.unicodeScalars
        guard let lead = scalars.first else { return 0 }
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        // Latin-1 alone needs no property lookup: it is narrow but for its controls and soft hyphen.
        if lead.value < 0x300, scalars.index(after: scalars.startIndex) == scalars.endIndex {
            return (0x7F..<0xA0).contains(lead.value) || lead.value == 0xAD ? 0 : 1
        }
        switch lead.properties.generalCategory {
        case .control, .format, .nonspacingMark, .enclosingMark, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            break
        }
        if lead.properties.isEmojiPresentation { return 2 }
        return isWide(lead.value) ? 2 : 1
    }

    /// The columns of `text`: the sum over its grapheme clusters.
    public static func columns(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + columns(of: $1) }
    }

    /// East Asian Width W and F (UAX #11), the blocks that matter for text: Hangul Jamo, watch and
    /// hourglass, CJK radicals to Yi, Hangul syllables, compatibility ideographs, vertical and
    /// small forms, fullwidth forms, Tangut, Kana supplements, the pictographs terminals draw wide,
    /// and the supplementary ideographic planes.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1AFF0...0x1B2FF, 0x1F200...0x1F2FF,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
