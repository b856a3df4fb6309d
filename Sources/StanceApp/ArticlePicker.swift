import Terminal

/// The `o` window: the corpus' articles by date, filtered as the user types.
enum ArticlePicker {
    static func frame(size: Size) -> Rect {
        let width = min(size.width - 2, 110)
        let height = min(size.height - 2, 24)
        return Rect(x: (size.width - width) / 2, y: max(1, (size.height - height) / 2), width: width, height: height)
    }

    /// Rows of articles: the inside less the filter line.
    static func bodyHeight(size: Size) -> Int { max(1, frame(size: size).height - 3) }

    static func draw(_ picker: PickerState, current: ArticleID?, size: Size, into screen: inout Screen) {
        let rect = frame(size: size)
        screen.fill(rect)
        let footer = picker.rows.isEmpty ? "no match" : "\(picker.cursor + 1)/\(picker.rows.count)"
        PaneFrame.draw(rect, title: "Open article · type to filter · Enter opens · Esc closes", footer: footer,
                       focused: true, into: &screen)
        let inside = rect.inset(by: 1)
        screen.put("Filter: ", x: inside.x + 1, y: inside.y, style: Style(.textDim), clip: inside)
        let typed = screen.put(picker.filter.text, x: inside.x + 9, y: inside.y, clip: inside)
        screen.put(" ", x: inside.x + 9 + typed, y: inside.y, style: Style(.cursor, [.reverse]), clip: inside)
        let outletWidth = min(16, max(6, inside.width / 6))
        let body = Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: inside.height - 1)
        for (row, index) in (picker.scroll..<min(picker.rows.count, picker.scroll + body.height)).enumerated() {
            let summary = picker.rows[index]
            let y = body.y + row
            let isCursor = index == picker.cursor
            let style = isCursor ? Style(.selection, [.bold]) : .plain
            if isCursor { screen.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: style) }
            let marker = summary.id == current ? "•" : " "
            screen.put(marker + (isCursor ? "▸" : " "), x: body.x, y: y, style: style, clip: body)
            screen.put(summary.published?.description ?? "undated", x: body.x + 2, y: y,
                       style: isCursor ? style : Style(.textDim), maxWidth: 10, clip: body)
            screen.put(summary.outlet ?? "", x: body.x + 14, y: y, style: isCursor ? style : Style(.textDim),
                       maxWidth: outletWidth, clip: body)
            screen.put(summary.title, x: body.x + 15 + outletWidth, y: y, style: style, clip: body)
        }
    }
}
