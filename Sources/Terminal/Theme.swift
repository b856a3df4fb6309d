import Foundation
import TOMLKit

/// What a theme file says about one slot. Every field is optional: a missing one is inherited from the
/// slot's parent ("stance.diplomacy.suggested" from "stance.diplomacy", then "text").
public struct SlotStyle: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    /// Attributes switched on (`bold = true`) and off (`bold = false`) explicitly.
    public var attributesOn: TextAttributes
    public var attributesOff: TextAttributes
    /// The attributes to use instead of colour on a monochrome terminal or under NO_COLOR.
    public var mono: TextAttributes?

    public init(foreground: Color? = nil, background: Color? = nil, attributesOn: TextAttributes = [],
                attributesOff: TextAttributes = [], mono: TextAttributes? = nil) {
        self.foreground = foreground
        self.background = background
        self.attributesOn = attributesOn
        self.attributesOff = attributesOff
        self.mono = mono
    }
}

/// A slot's style with everything inherited filled in.
public struct ResolvedStyle: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: TextAttributes
    public var mono: TextAttributes
}

/// What the terminal is asked to draw for a cell: palette numbers (-1 is the terminal's default
/// colour) and attributes.
public struct Appearance: Hashable, Sendable {
    public var foreground: Int
    public var background: Int
    public var attributes: TextAttributes
    public init(foreground: Int, background: Int, attributes: TextAttributes) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A colour theme: styles for named slots, read from a TOML file (see Themes/README.md).
public struct Theme: Hashable, Sendable {
    public var name: String
    public var description: String
    public var slots: [String: SlotStyle]

    public init(name: String, description: String = "", slots: [String: SlotStyle]) {
        self.name = name
        self.description = description
        self.slots = slots
    }

    /// The theme used when no file can be read: the terminal's own colours, with attributes so that
    /// focus, selection and stances still read.
    public static let fallback = Theme(name: "fallback", description: "Terminal colours only", slots: [
        "text": SlotStyle(foreground: .terminalDefault, background: .terminalDefault),
        "text.dim": SlotStyle(attributesOn: .dim),
        "title": SlotStyle(attributesOn: [.bold, .reverse]),
        "pane.border.focused": SlotStyle(attributesOn: .bold),
        "pane.title.focused": SlotStyle(attributesOn: .bold),
        "selection": SlotStyle(attributesOn: .reverse),
        "cursor": SlotStyle(attributesOn: .reverse),
        "status": SlotStyle(attributesOn: .reverse),
        "status.key": SlotStyle(attributesOn: [.reverse, .bold]),
        "search.match": SlotStyle(attributesOn: [.underline, .bold]),
        "headline": SlotStyle(attributesOn: .bold),
        "error": SlotStyle(attributesOn: .bold),
        "stance.diplomacy": SlotStyle(attributesOn: .bold),
        "stance.support": SlotStyle(attributesOn: .underline),
        "stance.mixed": SlotStyle(attributesOn: [.bold, .underline]),
        "stance.none": SlotStyle(attributesOn: .dim),
    ])

    /// The slot's style, each field taken from the nearest ancestor that sets it, then from `text`.
    public func resolve(_ slot: Slot) -> ResolvedStyle {
        var foreground: Color?, background: Color?, mono: TextAttributes?
        var decided: TextAttributes = [], attributes: TextAttributes = []
        for name in Theme.lookupChain(of: slot.name) {
            guard let style = slots[name] else { continue }
            foreground = foreground ?? style.foreground
            background = background ?? style.background
            mono = mono ?? style.mono
            attributes.formUnion(style.attributesOn.subtracting(decided))
            decided.formUnion(style.attributesOn.union(style.attributesOff))
        }
        return ResolvedStyle(foreground: foreground ?? .terminalDefault, background: background ?? .terminalDefault,
                             attributes: attributes, mono: mono ?? attributes)
    }

    /// "a.b.c", "a.b", "a", then "text".
    static func lookupChain(of name: String) -> [String] {
        var chain: [String] = []
        var current = Substring(name)
        while !current.isEmpty {
            chain.append(String(current))
            guard let dot = current.lastIndex(of: ".") else { break }
            current = current[..<dot]
        }
        if chain.last != Slot.text.name { chain.append(Slot.text.name) }
        return chain
    }

    /// How `style` is drawn at `depth`: the slot's colours rounded to the terminal, its attributes
    /// plus the view's; without colour, the slot's `mono` attributes stand in for its colours.
    public func appearance(of style: Style, depth: ColorDepth) -> Appearance {
        let resolved = resolve(style.slot)
        guard depth != .monochrome else {
            return Appearance(foreground: -1, background: -1, attributes: resolved.mono.union(style.attributes))
        }
        var attributes = resolved.attributes.union(style.attributes)
        let background = resolved.background.paletteNumber(for: depth)
        if depth == .colors8, background < 0, let grey = resolved.foreground.greyLevel {
            // Eight colours have no grey: black or white would vanish on one kind of background or
            // the other, so a grey becomes the terminal's own text colour, dimmed when dark.
            if grey < 128 { attributes.insert(.dim) }
            return Appearance(foreground: -1, background: background, attributes: attributes)
        }
        let mustDiffer = resolved.foreground != resolved.background && background >= 0
        let foreground = resolved.foreground.paletteNumber(for: depth, avoiding: mustDiffer ? background : nil)
        return Appearance(foreground: foreground, background: background, attributes: attributes)
    }
}

/// A theme file that could not be read, with where and why.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(message)"
    }
}

extension Theme {
    static let attributeKeys: [(String, TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse), ("italic", .italic),
    ]
    static let styleKeys = Set(["fg", "bg", "mono"] + attributeKeys.map(\.0))

    /// Reads a theme from TOML `text`; `file` names it in errors and gives the default name.
    public init(toml text: String, file: String) throws(ThemeError) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(file: file, line: error.source.begin.line, column: error.source.begin.column,
                             message: error.description)
        } catch {
            throw ThemeError(file: file, message: "\(error)")
        }
        let locator = SourceLocator(text: text, file: file)
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var name = stem, description = ""
        for (key, value) in table {
            switch key {
            case "name":
                guard let string = value.tomlValue.string else { throw locator.error(at: key, "`name` must be a string") }
                name = string
            case "description":
                guard let string = value.tomlValue.string else {
                    throw locator.error(at: key, "`description` must be a string")
                }
                description = string
            case "slots":
                guard value.tomlValue.table != nil else { throw locator.error(at: key, "`slots` must be a table") }
            default:
                throw locator.error(at: key, "unknown key `\(key)` (expected name, description, [slots])")
            }
        }
        var slots: [String: SlotStyle] = [:]
        if let slotTable = table["slots"]?.tomlValue.table {
            try Theme.collectSlots(slotTable, into: &slots, locator: locator)
        }
        self.init(name: name, description: description, slots: slots)
    }

    /// Walks `[slots]`, where a slot may be written quoted (`"pane.border" = {...}`) or as dotted keys
    /// and sections (`[slots.pane.border]`, which TOML nests as tables).
    private static func collectSlots(_ table: TOMLTable, into slots: inout [String: SlotStyle],
                                     locator: SourceLocator) throws(ThemeError) {
        for (key, value) in table {
            guard let entry = value.tomlValue.table else {
                throw locator.error(at: key, "slot `\(key)` must be a table like { fg = \"cyan\", bold = true }")
            }
            try collectSlot(named: key, entry, into: &slots, locator: locator)
        }
    }

    /// A table's style keys belong to the slot; its other table-valued keys are child slots.
    private static func collectSlot(named name: String, _ entry: TOMLTable, into slots: inout [String: SlotStyle],
                                    locator: SourceLocator) throws(ThemeError) {
        var style = SlotStyle()
        var hasStyle = false
        for (field, fieldValue) in entry {
            let value = fieldValue.tomlValue
            if !styleKeys.contains(field), let child = value.table {
                try collectSlot(named: name + "." + field, child, into: &slots, locator: locator)
                continue
            }
            hasStyle = true
            switch field {
            case "fg", "bg":
                let color = try parseColor(value, slot: name, field: field, locator: locator)
                if field == "fg" { style.foreground = color } else { style.background = color }
            case "mono":
                style.mono = try parseMono(value, slot: name, locator: locator)
            default:
                guard let attribute = attributeKeys.first(where: { $0.0 == field })?.1 else {
                    throw locator.error(at: field, near: name, "unknown field `\(field)` in slot `\(name)` "
                        + "(expected fg, bg, bold, dim, underline, reverse, italic, mono)")
                }
                guard let on = value.bool else {
                    throw locator.error(at: field, near: name, "`\(field)` in slot `\(name)` must be true or false")
                }
                if on { style.attributesOn.insert(attribute) } else { style.attributesOff.insert(attribute) }
            }
        }
        if hasStyle || entry.isEmpty { slots[name] = style }
    }

    private static func parseColor(_ value: TOMLValue, slot: String, field: String,
                                   locator: SourceLocator) throws(ThemeError) -> Color {
        if let index = value.int {
            guard (0...255).contains(index) else {
                throw locator.error(at: field, near: slot, "colour index \(index) in slot `\(slot)` is not in 0-255")
            }
            return .indexed(UInt8(index))
        }
        guard let text = value.string, let color = Color(name: text) else {
            throw locator.error(at: field, near: slot, "`\(field)` in slot `\(slot)` is not a colour: \(value) "
                + "(use a name such as \"cyan\" or \"bright-red\", \"default\", \"#rrggbb\" or 0-255)")
        }
        return color
    }

    private static func parseMono(_ value: TOMLValue, slot: String, locator: SourceLocator) throws(ThemeError) -> TextAttributes {
        guard let array = value.array else {
            throw locator.error(at: "mono", near: slot, "`mono` in slot `\(slot)` must be a list like [\"bold\"]")
        }
        var attributes: TextAttributes = []
        for item in array {
            guard let name = item.tomlValue.string, let attribute = attributeKeys.first(where: { $0.0 == name })?.1 else {
                throw locator.error(at: "mono", near: slot, "`mono` in slot `\(slot)` has \(item.tomlValue), "
                    + "expected bold, dim, underline, reverse or italic")
            }
            attributes.insert(attribute)
        }
        return attributes
    }
}

/// TOMLKit reports positions only for syntax errors; for a value that parses but means nothing, the
/// key is looked up in the text so the message still points at a line and column.
private struct SourceLocator {
    let lines: [Substring]
    let file: String

    init(text: String, file: String) {
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        self.file = file
    }

    /// The error placed at `key`, searching from the line that names `near` (the slot): quoted, then
    /// as written, then by its last part (a `[slots.a.b]` section).
    func error(at key: String, near anchor: String? = nil, _ message: String) -> ThemeError {
        var start = 0
        if let anchor {
            let last = String(anchor.split(separator: ".").last ?? Substring(anchor))
            for probe in ["\"\(anchor)\"", anchor, last] {
                if let index = lines.firstIndex(where: { $0.contains(probe) }) {
                    start = index
                    break
                }
            }
        }
        for index in start..<lines.count {
            if let range = lines[index].range(of: key) {
                let column = lines[index].distance(from: lines[index].startIndex, to: range.lowerBound) + 1
                return ThemeError(file: file, line: index + 1, column: column, message: message)
            }
        }
        return ThemeError(file: file, message: message)
    }
}
