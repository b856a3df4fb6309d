import TextWidth

extension AgreementMatrix {
    /// The matrix as plain text: actors numbered down the side and across the top, each cell
    /// "agreements/disagreements" for the pair, "-" for a pair that never took a position in the
    /// same period, `ReportGlyphs.none` on the diagonal.
    public func agreementTable() -> String {
        let size = bucketing.size.rawValue
        var lines = ["Agreement by \(size)" + period,
                     "Cells: agreements/disagreements in \(size)s in which both took a position"]
        if positionedActorCount > actors.count {
            lines.append("The \(actors.count) of \(positionedActorCount) actors who took a position in the most \(size)s")
        }
        guard !actors.isEmpty else {
            lines.append("No actor took a position.")
            return ReportText.join(lines)
        }
        let numbers = actors.indices.map { String($0 + 1) }
        let cells = actors.map { row in
            actors.map { column -> String in
                if row.id == column.id { return ReportGlyphs.none }
                let count = count(between: row.id, and: column.id)
                return count == .zero ? "-" : "\(count.agreements)/\(count.disagreements)"
            }
        }
        let cellWidth = (cells.flatMap { $0 } + numbers).map(TextWidth.columns).max()! + 2
        let rowLabels = zip(numbers, actors).map { number, actor in
            ReportText.padLeft(number, to: numbers.last!.count) + " " + ReportText.singleLine(actor.name)
        }
        let labelWidth = rowLabels.map(TextWidth.columns).max()!

        lines.append(String(repeating: " ", count: labelWidth)
                     + numbers.map { ReportText.padLeft($0, to: cellWidth) }.joined())
        for (label, row) in zip(rowLabels, cells) {
            lines.append(ReportText.padRight(label, to: labelWidth) + row.map { ReportText.padLeft($0, to: cellWidth) }.joined())
        }
        return ReportText.join(lines)
    }

    private var period: String {
        switch (from, to) {
        case let (from?, to?): return ", \(from) to \(to)"
        case let (from?, nil): return ", from \(from)"
        case let (nil, to?): return ", until \(to)"
        case (nil, nil): return ""
        }
    }
}
