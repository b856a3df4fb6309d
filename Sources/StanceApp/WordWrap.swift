/// A greedy word wrapper over measured characters: the app's own until the Terminal kit's
/// `WrappedText` can report where each line starts in the source text, which the article pane
/// needs to place highlights.
enum WordWrap {
    /// Splits `widths.indices` into lines no wider than `width` columns. Lines break after spaces;
    /// a word longer than a line is cut; `isNewline` forces a break (the newline itself is in no
    /// line). Spaces where a line breaks stay at the end of the earlier line.
    static func lines(widths: [UInt8], isSpace: (Int) -> Bool,
                      isNewline: (Int) -> Bool, range: Range<Int>, width: Int) -> [Range<Int>] {
        let width = max(1, width)
        var lines: [Range<Int>] = []
        var start = range.lowerBound
        var used = 0
        var breakAfterSpace: Int?
        var usedSinceBreak = 0
        var index = range.lowerBound
        while index < range.upperBound {
            if isNewline(index) {
                lines.append(start..<index)
                start = index + 1
                used = 0
                breakAfterSpace = nil
                index += 1
                continue
            }
            let columns = Int(widths[index])
            if used + columns > width, used > 0 {
                if isSpace(index) {
                    // Spaces past the edge hang off the line instead of starting the next one.
                    breakAfterSpace = index + 1
                    usedSinceBreak = 0
                    index += 1
                    continue
                }
                if let cut = breakAfterSpace, cut > start {
                    lines.append(start..<cut)
                    start = cut
                    used = usedSinceBreak
                } else {
                    lines.append(start..<index)
                    start = index
                    used = 0
                }
                breakAfterSpace = nil
                usedSinceBreak = 0
            }
            used += columns
            if isSpace(index) {
                breakAfterSpace = index + 1
                usedSinceBreak = 0
            } else {
                usedSinceBreak += columns
            }
            index += 1
        }
        if start < range.upperBound || lines.isEmpty { lines.append(start..<range.upperBound) }
        return lines
    }
}
