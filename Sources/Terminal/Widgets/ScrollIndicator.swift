/// Where a scrolled view is: position text for a border or status bar, and a one-column bar.
public enum ScrollIndicator {
    /// "All" when everything is visible, "Top" and "Bot" at the ends, otherwise how far down the first
    /// visible row is ("42%"), as vim and less show it.
    public static func positionText(offset: Int, visible: Int, total: Int) -> String {
        if total <= visible { return "All" }
        if offset <= 0 { return "Top" }
        if offset + visible >= total { return "Bot" }
        return "\(offset * 100 / (total - visible))%"
    }

    /// Draws a scroll bar down the first column of `rect`: a track with a thumb sized and placed by
    /// the visible part. Draws nothing when everything is visible.
    public static func draw(into screen: inout Screen, _ rect: Rect, offset: Int, visible: Int, total: Int) {
        guard rect.width > 0, rect.height > 0, total > visible, visible > 0 else { return }
        let track = rect.height
        let thumb = min(track, max(1, track * visible / total))
        let scrollable = total - visible
        let start = (track - thumb) * min(max(0, offset), scrollable) / scrollable
        for row in 0..<track {
            let inThumb = row >= start && row < start + thumb
            screen.put(inThumb ? "┃" : "│", x: rect.x, y: rect.y + row,
                       style: Style(inThumb ? .scrollbarThumb : .scrollbar))
        }
    }
}
