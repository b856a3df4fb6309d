import StanceKit
import Terminal

/// The glyphs that show a stance without colour. Positions bring their own glyph from the frame;
/// only `mixed` and `none`, which every frame has, are defined here.
public struct StanceGlyphs: Hashable, Sendable {
    public static let mixed = "◐"
    public static let none = "·"

    private let glyphs: [String: String]
    /// The slot of each stance with a glyph, made once: views ask for one per statement drawn.
    private let slots: [String: Slot]

    public init(frame: Frame) {
        var glyphs = Dictionary(frame.positions.map { ($0.id, $0.glyph) }, uniquingKeysWith: { first, _ in first })
        glyphs[Frame.mixed] = Self.mixed
        glyphs[Frame.none] = Self.none
        self.glyphs = glyphs
        slots = Dictionary(uniqueKeysWithValues: glyphs.keys.map { ($0, Slot.stance($0)) })
    }

    /// The filled glyph of a stance; an unknown stance shows as `?`.
    public func glyph(_ stance: String) -> String { glyphs[stance] ?? "?" }

    /// A statement's glyph: hollow while the machine only suggested it (where the glyph has a hollow
    /// twin), filled once a person confirmed it.
    public func glyph(_ stance: String, status: StatementStatus) -> String {
        let filled = glyph(stance)
        guard status == .suggested else { return filled }
        return Self.hollowTwins[filled] ?? filled
    }

    /// The theme slot of a stance ("stance.diplomacy").
    public func slotName(_ stance: String) -> Slot { slots[stance] ?? .stance(stance) }

    private static let hollowTwins: [String: String] = [
        "●": "○", "■": "□", "▲": "△", "▼": "▽", "◆": "◇", "★": "☆", "♦": "◇", "⬤": "○",
        "▶": "▷", "◀": "◁", "◼": "◻", "◐": "◌", "✚": "✛", "♥": "♡", "♠": "♤", "♣": "♧",
    ]
}

/// The gutter mark that runs down a statement's lines: a dotted bar while suggested, a solid one
/// once confirmed, so the difference reads without colour.
enum StatusMark {
    /// Where a rejected statement starts: still there, visibly turned down.
    static let rejectedGlyph = "×"

    static func bar(for status: StatementStatus) -> String {
        switch status {
        case .suggested: return "┊"
        case .accepted, .edited: return "┃"
        case .rejected: return " "
        }
    }

    static func slot(for status: StatementStatus) -> Slot {
        status == .suggested ? .suggested : .confirmed
    }
}
