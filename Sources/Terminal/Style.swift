/// A named place in the theme ("stance.diplomacy", "pane.border.focused"). Views only ever name
/// slots; the theme decides the colours, so no view code contains a colour.
public struct Slot: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name's number in `names`: two bytes rather than a `String`, so that a cell stays plain
    /// bits that copy and compare without reference counting.
    private let number: UInt16

    public init(_ name: String) {
        guard let number = UInt16(exactly: Slot.names.number(for: name)) else {
            preconditionFailure("more than \(UInt16.max) distinct theme slot names")
        }
        self.number = number
    }

    public init(stringLiteral name: String) { self.init(name) }
    public var name: String { Slot.names.string(numbered: UInt32(number)) }
    public var description: String { name }

    private static let names = InternTable()

    public static let text: Slot = "text"
    public static let textDim: Slot = "text.dim"
    public static let titleBar: Slot = "title"
    public static let paneBorder: Slot = "pane.border"
    public static let paneBorderFocused: Slot = "pane.border.focused"
    public static let paneTitle: Slot = "pane.title"
    public static let paneTitleFocused: Slot = "pane.title.focused"
    public static let selection: Slot = "selection"
    public static let cursor: Slot = "cursor"
    public static let status: Slot = "status"
    public static let statusKey: Slot = "status.key"
    public static let statusMode: Slot = "status.mode"
    public static let searchMatch: Slot = "search.match"
    public static let mention: Slot = "mention"
    public static let headline: Slot = "headline"
    public static let suggested: Slot = "statement.suggested"
    public static let confirmed: Slot = "statement.confirmed"
    public static let error: Slot = "error"
    public static let axis: Slot = "timeline.axis"
    public static let popup: Slot = "popup"
    public static let popupBorder: Slot = "popup.border"
    public static let popupTitle: Slot = "popup.title"
    public static let scrollbar: Slot = "scrollbar"
    public static let scrollbarThumb: Slot = "scrollbar.thumb"

    /// The slot of a stance position of the frame ("stance.support").
    public static func stance(_ position: String) -> Slot { Slot("stance." + position) }

    /// The slots every built-in theme defines: the named ones above and the default frame's stances.
    public static let standard: [Slot] = [
        .text, .textDim, .titleBar, .paneBorder, .paneBorderFocused, .paneTitle, .paneTitleFocused,
        .selection, .cursor, .status, .statusKey, .statusMode, .searchMatch, .mention, .headline,
        .suggested, .confirmed, .error, .axis, .popup, .popupBorder, .popupTitle, .scrollbar, .scrollbarThumb,
        .stance("diplomacy"), .stance("support"), .stance("mixed"), .stance("none"),
    ]
}

/// Attributes a view may add on top of its slot (the theme may add more).
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let underline = TextAttributes(rawValue: 4)
    public static let reverse = TextAttributes(rawValue: 8)
    public static let italic = TextAttributes(rawValue: 16)
}

/// How a cell is drawn: a theme slot plus attributes.
public struct Style: Hashable, Sendable {
    public var slot: Slot
    public var attributes: TextAttributes
    public init(_ slot: Slot = .text, _ attributes: TextAttributes = []) {
        self.slot = slot
        self.attributes = attributes
    }
    public static let plain = Style()
}
