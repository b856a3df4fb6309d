/// The positions of a debate. Frames are data (TOML files), so a user can describe another debate
/// without touching code. `mixed` and `none` always exist besides the frame's own positions.
public struct Frame: Hashable, Sendable, Codable {
    public static let mixed = "mixed"
    public static let none = "none"

    public struct Position: Hashable, Sendable, Codable {
        /// Stable identifier used in JSON and the workspace ("diplomacy").
        public var id: String
        public var label: String
        /// One character that shows the position without colour.
        public var glyph: String
        /// The key that sets this stance while annotating.
        public var key: String
        /// Phrases that signal this position; see the frame file for their syntax.
        public var cues: [String]
        public init(id: String, label: String, glyph: String, key: String, cues: [String]) {
            self.id = id
            self.label = label
            self.glyph = glyph
            self.key = key
            self.cues = cues
        }
    }

    public var id: String
    public var name: String
    public var description: String
    public var positions: [Position]
    /// Named word lists that cues refer to as `<name>` (the sides of the debate, for instance).
    public var classes: [String: [String]]?
    /// Phrases that turn every cue in their clause to the other position ("too soon", "premature").
    public var reversers: [String]?
    /// Patterns that name a side of the debate in an article's own words ("aid to *", "* 's invasion"):
    /// the word at `*` joins the class named by the key for that article, so a frame written for one
    /// conflict reads articles about another.
    public var parties: [String: [String]]?
    /// The position that an act takes when the words around it carry no cue, by kind of act (`signing`: signing
    /// an accord, a declaration or a document between parties), each a position id.
    public var acts: [String: String]?

    public init(id: String, name: String, description: String, positions: [Position],
                classes: [String: [String]]? = nil, reversers: [String]? = nil, parties: [String: [String]]? = nil,
                acts: [String: String]? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.positions = positions
        self.classes = classes
        self.reversers = reversers
        self.parties = parties
        self.acts = acts
    }

    /// Every stance value a statement or actor may carry: the positions, then mixed and none.
    public var stanceValues: [String] { positions.map(\.id) + [Frame.mixed, Frame.none] }

    public func position(_ id: String) -> Position? { positions.first { $0.id == id } }
}
