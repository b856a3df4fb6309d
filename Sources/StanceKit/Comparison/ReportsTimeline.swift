import TextWidth

extension CorpusTimeline {
    /// The timeline as plain text at most `width` columns wide: one line per actor, one glyph per
    /// period (the position leaned to; blank when the actor said nothing), period labels above,
    /// continued in further blocks when the periods do not fit; then each actor's changes.
    public func timelineChart(width: Int) -> String {
        var lines = ReportText.hanging(title, width: width, indent: 2)
        guard !lanes.isEmpty, !buckets.isEmpty else {
            lines.append("No statements to show.")
            return ReportText.join(lines)
        }
        lines += ReportText.hanging(
            "Key: \(ReportGlyphs.legend(for: frame)), \(ReportText.unbreakable("blank: said nothing"))",
            width: width, indent: 5)

        // Every period takes the same columns: at least the widest glyph, so that columns stay
        // aligned, and up to a short label and a space when the periods are few enough to spread.
        let glyphWidth = frame.stanceValues.map { TextWidth.columns(ReportGlyphs.glyph(for: $0, in: frame)) }.max() ?? 1
        let nameWidth = min(lanes.map { TextWidth.columns($0.actor.name) }.max() ?? 0, max(8, width / 3))
        let room = max(glyphWidth, width - nameWidth - 1)
        let spread = (buckets.map { TextWidth.columns($0.shortLabel) }.max() ?? 0) + 1
        let cellWidth = max(glyphWidth, min(spread, room / buckets.count))
        let perBlock = room / cellWidth
        var paddedGlyphs: [String: String] = [:]
        let glyphs = lanes.map { lane in
            Dictionary(lane.cells.map { cell in
                let glyph = paddedGlyphs[cell.leaning]
                    ?? ReportText.padRight(ReportGlyphs.glyph(for: cell.leaning, in: frame), to: cellWidth)
                paddedGlyphs[cell.leaning] = glyph
                return (cell.bucket, glyph)
            }, uniquingKeysWith: { first, _ in first })
        }
        let silent = String(repeating: " ", count: cellWidth)
        for blockStart in stride(from: 0, to: buckets.count, by: perBlock) {
            let block = Array(buckets[blockStart..<min(buckets.count, blockStart + perBlock)])
            let (labels, ticks) = axis(block, cellWidth: cellWidth, room: room)
            lines.append("")
            lines.append(String(repeating: " ", count: nameWidth + 1) + labels)
            lines.append(String(repeating: " ", count: nameWidth + 1) + ticks)
            for (lane, glyphsByBucket) in zip(lanes, glyphs) {
                let row = block.map { glyphsByBucket[$0] ?? silent }.joined()
                lines.append(ReportText.padRight(ReportText.truncate(lane.actor.name, to: nameWidth), to: nameWidth)
                             + " " + row)
            }
        }

        let changes = lanes.filter { !$0.changes.isEmpty }
        if !changes.isEmpty {
            lines.append("")
            lines.append("Changes of position:")
            for lane in changes {
                let list = lane.changes.map { change in
                    ReportText.unbreakable("\(change.date) \(ReportGlyphs.glyph(for: change.from, in: frame))→\(ReportGlyphs.glyph(for: change.to, in: frame))")
                }
                lines += ReportText.hanging("\(lane.actor.name): " + list.joined(separator: ", "),
                                            width: width - 2, indent: 2).map { "  " + $0 }
            }
        }
        return ReportText.join(lines)
    }

    private var title: String {
        guard let first = buckets.first, let last = buckets.last else {
            return "Timeline by \(bucketing.size.rawValue)"
        }
        return "Timeline by \(bucketing.size.rawValue), \(first.label) to \(last.label): "
            + "\(lanes.count) actor\(lanes.count == 1 ? "" : "s"), \(buckets.count) \(bucketing.size.rawValue)s"
    }

    /// The label line and tick line over `block`: a label starts at its period's column, for as
    /// many periods as fit within `room` columns with a space between labels; the first label of
    /// a block and the first of each new year are full, the others short. The first period always
    /// gets a label, cut when even that does not fit.
    private func axis(_ block: [DateBucket], cellWidth: Int, room: Int) -> (String, String) {
        var labels = "", ticks = ""
        var labelledYear: Int?
        for (i, bucket) in block.enumerated() {
            let column = i * cellWidth
            let label = bucket.year == labelledYear ? bucket.shortLabel : bucket.label
            if i > 0 {
                guard TextWidth.columns(labels) < column, column + TextWidth.columns(label) <= room else { continue }
            }
            labels = ReportText.padRight(labels, to: column) + ReportText.truncate(label, to: room - column)
            ticks = ReportText.padRight(ticks, to: column) + "|"
            labelledYear = bucket.year
        }
        return (labels, ticks)
    }
}
