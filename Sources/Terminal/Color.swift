/// A colour as a theme names it: the terminal's default, a palette index (0-15 are the named ANSI
/// colours, 16-255 the xterm cube and grey ramp) or a 24-bit RGB value.
public enum Color: Hashable, Sendable, CustomStringConvertible {
    case terminalDefault
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    /// The ANSI names a theme file may use, in palette order; `bright-` names are 8-15.
    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `default`, a name (`red`, `bright-red`; `grey`/`gray` for bright black), `#rrggbb`, or a
    /// palette index written as digits.
    public init?(name text: String) {
        let name = text.lowercased()
        if name == "default" {
            self = .terminalDefault
        } else if let index = Color.names.firstIndex(of: name) {
            self = .indexed(UInt8(index))
        } else if name.hasPrefix("bright-"), let index = Color.names.firstIndex(of: String(name.dropFirst(7))) {
            self = .indexed(UInt8(index + 8))
        } else if name == "grey" || name == "gray" {
            self = .indexed(8)
        } else if name.hasPrefix("#"), name.count == 7, let value = UInt32(name.dropFirst(), radix: 16) {
            self = .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
        } else if let index = UInt8(name) {
            self = .indexed(index)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .terminalDefault: return "default"
        case .indexed(let index) where index < 8: return Color.names[Int(index)]
        case .indexed(let index) where index < 16: return "bright-" + Color.names[Int(index) - 8]
        case .indexed(let index): return String(index)
        case .rgb(let r, let g, let b):
            return "#" + [r, g, b].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }

    /// The palette number for `depth` (-1 for the terminal's default), chosen as the nearest colour
    /// the terminal can show. `avoiding` is a number the result must differ from (the background), so
    /// that text whose colours differ in the theme never becomes invisible after rounding.
    public func paletteNumber(for depth: ColorDepth, avoiding: Int? = nil) -> Int {
        let candidates: ClosedRange<Int>
        switch depth {
        case .monochrome: return -1
        case .colors8: candidates = 0...7
        case .colors16: candidates = 0...15
        case .colors256: candidates = 16...255
        }
        switch self {
        case .terminalDefault:
            return -1
        case .indexed(let index) where candidates.contains(Int(index)) || index < 8:
            return Int(index)
        case .indexed(let index) where index < 16 && depth == .colors8:
            return Int(index) - 8
        case .indexed(let index) where index < 16:
            return Int(index)    // bright colours exist from 16 colours up
        default:
            guard let target = rgbValue else { return -1 }
            return Palette.nearest(to: target, among: candidates, excluding: avoiding)
        }
    }

    /// The brightness of a grey (0-255) given as RGB or from the 256-colour palette; nil for the
    /// terminal's default, the 16 named colours (whose look the user's palette decides) and hues.
    var greyLevel: Int? {
        if case .indexed(let index) = self, index < 16 { return nil }
        guard let rgb = rgbValue, max(rgb.r, rgb.g, rgb.b) - min(rgb.r, rgb.g, rgb.b) <= 24 else { return nil }
        return (rgb.r + rgb.g + rgb.b) / 3
    }

    /// The colour's RGB value (the xterm defaults for palette entries).
    var rgbValue: Palette.RGB? {
        switch self {
        case .terminalDefault: return nil
        case .indexed(let index): return Palette.rgb(ofIndex: Int(index))
        case .rgb(let r, let g, let b): return Palette.RGB(r: Int(r), g: Int(g), b: Int(b))
        }
    }
}

/// How many colours the terminal shows; themes are written in any depth and rounded down.
public enum ColorDepth: Int, Hashable, Sendable, CustomStringConvertible {
    case monochrome = 0, colors8 = 8, colors16 = 16, colors256 = 256

    /// The depth to draw with: none when `NO_COLOR` is set (any non-empty value, see no-color.org),
    /// when colour was switched off, or when the terminal has none; otherwise what it reports.
    public static func detect(terminalColors: Int, hasColors: Bool, noColorEnvironment: String?,
                              colorDisabled: Bool) -> ColorDepth {
        if colorDisabled || !(noColorEnvironment ?? "").isEmpty || !hasColors { return .monochrome }
        switch terminalColors {
        case 256...: return .colors256
        case 16...: return .colors16
        case 8...: return .colors8
        default: return .monochrome
        }
    }

    public var description: String {
        self == .monochrome ? "monochrome" : "\(rawValue) colours"
    }
}

/// The xterm palette, used to round colours to what a terminal can show.
enum Palette {
    struct RGB: Hashable {
        var r: Int, g: Int, b: Int
        func distance(to other: RGB) -> Int {
            // Weighted toward green, where the eye tells shades apart best.
            let dr = r - other.r, dg = g - other.g, db = b - other.b
            return 3 * dr * dr + 4 * dg * dg + 2 * db * db
        }
    }

    /// xterm's defaults for the 16 ANSI colours.
    static let ansi: [RGB] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ].map { RGB(r: $0.0, g: $0.1, b: $0.2) }

    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    static func rgb(ofIndex index: Int) -> RGB {
        switch index {
        case ..<16: return ansi[max(0, index)]
        case 16..<232:
            let n = index - 16
            return RGB(r: cubeLevels[n / 36], g: cubeLevels[(n / 6) % 6], b: cubeLevels[n % 6])
        default:
            let level = 8 + 10 * (index - 232)
            return RGB(r: level, g: level, b: level)
        }
    }

    static func nearest(to target: RGB, among candidates: ClosedRange<Int>, excluding: Int?) -> Int {
        var best = candidates.lowerBound == excluding ? candidates.lowerBound + 1 : candidates.lowerBound
        var bestDistance = Int.max
        for index in candidates where index != excluding {
            let distance = rgb(ofIndex: index).distance(to: target)
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }
}
