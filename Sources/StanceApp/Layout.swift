import Terminal

/// The panes of the workbench.
public enum Pane: Int, CaseIterable, Sendable, Hashable {
    case article, actors, timeline

    public var title: String {
        switch self {
        case .article: return "Article"
        case .actors: return "Actors"
        case .timeline: return "Timeline"
        }
    }

    var context: CommandContext {
        switch self {
        case .article: return .article
        case .actors: return .actors
        case .timeline: return .timeline
        }
    }
}

/// Where everything goes at a terminal size. Computed from the size (and, in the one-pane layout,
/// the focus), used alike by update (page sizes, wrap width) and render.
public struct WorkbenchLayout: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// From 100x30: article and actors side by side, the timeline across the bottom.
        case full
        /// From 80x24: the same three panes, tighter.
        case compact
        /// From 40x12: one pane at a time under a tab row.
        case single
        case tooSmall
    }

    public static let fullMinimum = Size(width: 100, height: 30)
    public static let compactMinimum = Size(width: 80, height: 24)
    public static let singleMinimum = Size(width: 40, height: 12)

    public let kind: Kind
    public let size: Size
    public let titleBar: Rect?
    public let tabRow: Rect?
    public let status: Rect
    public let panes: [Pane: Rect]

    public init(size: Size, focus: Pane) {
        self.size = size
        let whole = Rect(size: size)
        let (rest, status) = whole.splitBottom(1)
        self.status = status
        if size.width >= Self.compactMinimum.width, size.height >= Self.compactMinimum.height {
            let isFull = size.width >= Self.fullMinimum.width && size.height >= Self.fullMinimum.height
            kind = isFull ? .full : .compact
            let (title, body) = rest.splitTop(1)
            titleBar = title
            tabRow = nil
            let timelineRows = isFull ? max(8, body.height * 3 / 10) : 7
            let (top, timeline) = body.splitBottom(timelineRows)
            let articleWidth = isFull ? max(top.width / 2, top.width * 62 / 100) : top.width * 58 / 100
            let (article, actors) = top.splitLeft(articleWidth)
            panes = [.article: article, .actors: actors, .timeline: timeline]
        } else if size.width >= Self.singleMinimum.width, size.height >= Self.singleMinimum.height {
            kind = .single
            let (tabs, body) = rest.splitTop(1)
            titleBar = nil
            tabRow = tabs
            panes = [focus: body]
        } else {
            kind = .tooSmall
            titleBar = nil
            tabRow = nil
            panes = [:]
        }
    }

    /// The inside of a pane's border.
    public func inside(_ pane: Pane) -> Rect? { panes[pane].map { $0.inset(by: 1) } }

    /// Columns of the article gutter: stance glyph, status bar, space.
    public static let articleGutter = 3

    /// The width article text wraps to, when the article pane is on screen.
    public var articleTextWidth: Int? {
        inside(.article).map { max(1, $0.width - Self.articleGutter) }
    }
}
