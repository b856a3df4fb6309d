import TextWidth

extension ActorComparison {
    /// The narrowest column a side of the table may have; below it the sides are stacked.
    static let minimumSideWidth = 12

    /// The comparison as plain text at most `width` columns wide: a header per actor, the legend,
    /// then one row per period with each side's statements (glyph, date, outlet, then the words
    /// wrapped to the column), rows in which the two took opposite positions marked with
    /// `ReportGlyphs.opposed`. When the sides do not fit next to each other (less than
    /// `minimumSideWidth` each), each period lists the left side's statements, then the right's.
    public func compareTable(width: Int) -> String {
        var lines = ReportText.hanging(title, width: width, indent: 2)
        lines.append("")
        lines += header(left, tag: "Left", width: width)
        lines += header(right, tag: "Right", width: width)
        lines += ReportText.hanging(
            "Key: \(ReportGlyphs.legend(for: frame)), \(ReportText.unbreakable("\(ReportGlyphs.opposed) opposite positions"))",
            width: width, indent: 5)
        lines.append("")
        guard !rows.isEmpty else {
            lines.append("No statements by either side in the period.")
            return ReportText.join(lines)
        }

        let periodLabels = rows.map(periodLabel)
        let periodWidth = max(TextWidth.columns(periodHeading),
                              periodLabels.flatMap { $0 }.map(TextWidth.columns).max() ?? 0) + 2
        let sides = width - periodWidth - 6
        guard sides >= 2 * ActorComparison.minimumSideWidth else {
            lines += stacked(periodLabels, width: width)
            return ReportText.join(lines)
        }
        let leftWidth = (sides + 1) / 2, rightWidth = sides / 2
        let rule = String(repeating: "─", count: periodWidth) + "─┼─" + String(repeating: "─", count: leftWidth)
            + "─┼─" + String(repeating: "─", count: rightWidth)

        func block(_ period: [String], _ leftCell: [String], _ rightCell: [String]) -> [String] {
            (0..<max(period.count, leftCell.count, rightCell.count)).map { i in
                ReportText.padRight(i < period.count ? period[i] : "", to: periodWidth) + " │ "
                    + ReportText.padRight(i < leftCell.count ? leftCell[i] : "", to: leftWidth) + " │ "
                    + (i < rightCell.count ? rightCell[i] : "")
            }
        }
        lines += block([periodHeading], columnHeading(left, width: leftWidth), columnHeading(right, width: rightWidth))
        for (row, labels) in zip(rows, periodLabels) {
            lines.append(rule)
            lines += block(labels, cell(row.left, width: leftWidth), cell(row.right, width: rightWidth))
        }
        return ReportText.join(lines)
    }

    /// The rows one under the other: the period, then each side's heading and statements indented.
    private func stacked(_ periodLabels: [[String]], width: Int) -> [String] {
        var lines: [String] = []
        for (row, labels) in zip(rows, periodLabels) {
            lines += labels.flatMap { ReportText.wrap($0, width: width) }
            for (side, said) in [(left, row.left), (right, row.right)] where !said.isEmpty {
                lines += columnHeading(side, width: width - 2).map { "  " + $0 }
                lines += cell(said, width: width - 4).map { "    " + $0 }
            }
        }
        return lines
    }

    private var title: String {
        var who = "\(left.actor.name) and \(right.actor.name)"
        // Offset alignment is one actor in two periods.
        if alignment == .offset, let from = left.from, let to = left.to, let otherFrom = right.from, let otherTo = right.to {
            who = "\(left.actor.name), \(ReportText.unbreakable("\(from) to \(to)")) against "
                + ReportText.unbreakable("\(otherFrom) to \(otherTo)")
        }
        return "Comparison of \(who), by \(bucketing.size.rawValue)"
            + (opposedRows.isEmpty ? "" : "; opposite positions in \(opposedRows.count) of \(rows.count) \(bucketing.size.rawValue)s")
    }

    private func header(_ side: ComparedActor, tag: String, width: Int) -> [String] {
        var lines = ReportText.hanging(
            "\(tag): \(side.actor.name)" + (side.actor.role.map { ", \($0)" } ?? "") + " (\(side.actor.kind.rawValue))",
            width: width, indent: 2)
        var facts: [String] = []
        if let from = side.from, let to = side.to { facts.append("\(from) to \(to)") }
        let counts = frame.stanceValues
            .filter { ComparisonSupport.isPosition($0, in: frame) || side.tally.count($0) > 0 }
            .map { ReportText.unbreakable("\(side.tally.count($0)) \(ReportGlyphs.named($0, in: frame))") }
        facts.append("\(side.statementCount) statement\(side.statementCount == 1 ? "" : "s"): "
                     + counts.joined(separator: ", "))
        if let first = side.first, let latest = side.latest {
            facts.append(ReportText.unbreakable("first \(ReportGlyphs.named(first.position, in: frame)) \(first.date);")
                         + " " + ReportText.unbreakable("latest \(ReportGlyphs.named(latest.position, in: frame)) \(latest.date)"))
        } else {
            facts.append("took no position")
        }
        facts += side.shifts.map { shift in
            "shift \(shift.date): \(ReportGlyphs.named(shift.from, in: frame)) → \(ReportGlyphs.named(shift.to, in: frame))"
        }
        if side.first != nil && side.shifts.isEmpty { facts.append("no change of position") }
        for fact in facts {
            lines += ReportText.hanging(fact, width: width - 2, indent: 2).map { "  " + $0 }
        }
        return lines
    }

    private var periodHeading: String { bucketing.size.rawValue.capitalized }

    /// The period column of a row: the bucket, or for two periods both buckets; then the mark.
    private func periodLabel(_ row: Row) -> [String] {
        let mark = row.isOpposed ? " \(ReportGlyphs.opposed)" : ""
        switch alignment {
        case .calendar: return [row.leftBucket.label + mark]
        case .offset: return [row.leftBucket.label + mark, row.rightBucket.label]
        }
    }

    private func columnHeading(_ side: ComparedActor, width: Int) -> [String] {
        var heading = side.actor.name
        if alignment == .offset, let from = side.from, let to = side.to { heading += " \(from) to \(to)" }
        return ReportText.wrap(heading, width: width)
    }

    private func cell(_ statements: [DatedStatement], width: Int) -> [String] {
        statements.flatMap { dated -> [String] in
            let when = ReportText.unbreakable("\(ReportGlyphs.glyph(for: dated.stance, in: frame)) \(dated.date)")
            let about = [when, dated.outlet].compactMap { $0 }.joined(separator: " ")
            let words = ReportText.singleLine(dated.statement.text)
            let quoted = dated.statement.kind == .direct ? "\"\(words)\"" : words
            return ReportText.wrap(about, width: width) + ReportText.wrap(quoted, width: width)
        }
    }
}
