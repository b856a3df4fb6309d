import CNCurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, through ncursesw: the only code that talks to curses. Keep every call on one
/// thread, and only one instance at a time (curses has one current screen).
public final class NCursesBackend: TerminalBackend {
    public struct Options: Sendable {
        public var theme: Theme
        /// `--no-color`: draw with attributes only, as under NO_COLOR.
        public var colorDisabled: Bool
        public var escapeDelayMilliseconds: Int

        public init(theme: Theme = .fallback, colorDisabled: Bool = false, escapeDelayMilliseconds: Int = 25) {
            self.theme = theme
            self.colorDisabled = colorDisabled
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
        }
    }

    public private(set) var size: Size
    public let colorDepth: ColorDepth
    /// Changing the theme repaints everything on the next `draw`.
    public var theme: Theme {
        didSet {
            renditions.removeAll()
            lastRendition = nil
            previous = nil
        }
    }

    private let screen: OpaquePointer
    private let hasDefaultColors: Bool
    private var previous: Screen?
    private var renditions: [Style: (attributes: attr_t, pair: Int32)] = [:]
    private var lastRendition: (style: Style, attributes: attr_t, pair: Int32)?
    private var reader: KeyReader
    private var stopped = false

    public static let keyCodes = KeyCodes(
        up: KEY_UP, down: KEY_DOWN, left: KEY_LEFT, right: KEY_RIGHT, home: KEY_HOME, end: KEY_END,
        pageUp: KEY_PPAGE, pageDown: KEY_NPAGE, backspace: KEY_BACKSPACE, delete: KEY_DC, insert: KEY_IC,
        enter: KEY_ENTER, backTab: KEY_BTAB, resize: KEY_RESIZE, f0: KEY_F0)

    public init(options: Options = Options()) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        setlocale(LC_ALL, "")
        let codeset = String(cString: sb_codeset())
        guard ["utf-8", "utf8"].contains(codeset.lowercased()) else { throw .localeNotUTF8(codeset: codeset) }
        let term = getenv("TERM").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        // newterm, unlike initscr, returns nil for an unknown TERM instead of printing and exiting.
        guard let term, let screen = newterm(nil, sb_stdout(), sb_stdin()) else {
            throw .unknownTerminal(term)
        }
        // A terminal that cannot move the cursor (TERM=dumb) would show nothing at all.
        let moveCursor = tigetstr("cup")
        guard let moveCursor, Int(bitPattern: moveCursor) != -1 else {
            endwin()
            delscreen(screen)
            throw .cannotAddressCursor(term)
        }
        self.screen = screen
        _ = NCursesBackend.restoreOnExitAndSignals
        cbreak()
        noecho()
        nonl()
        keypad(sb_stdscr(), true)
        set_escdelay(Int32(options.escapeDelayMilliseconds))
        curs_set(0)

        // COLORS is only set by start_color, which must not run on a terminal without colour:
        // ask terminfo instead.
        let depth = ColorDepth.detect(terminalColors: Int(tigetnum("colors")), hasColors: has_colors(),
                                      noColorEnvironment: getenv("NO_COLOR").map { String(cString: $0) },
                                      colorDisabled: options.colorDisabled)
        if depth != .monochrome {
            start_color()
            hasDefaultColors = use_default_colors() == OK
        } else {
            hasDefaultColors = false
        }
        colorDepth = depth
        theme = options.theme
        reader = KeyReader(codes: NCursesBackend.keyCodes)
        size = Size(width: Int(sb_cols()), height: Int(sb_lines()))
    }

    deinit { stop() }

    /// Leaves the terminal as it was. Safe to call more than once; also done on exit and on
    /// SIGINT/SIGTERM.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        curs_set(1)
        endwin()
        delscreen(screen)
    }

    public func draw(_ frame: Screen) {
        guard !stopped else { return }
        if previous?.size != frame.size {
            clear()     // a new size (or theme): repaint every cell from scratch
            previous = nil
        }
        let columns = min(frame.size.width, size.width), rows = min(frame.size.height, size.height)
        var lastDrawn: (x: Int, y: Int)? = nil
        for (x, y) in frame.changedPositions(since: previous) where x < columns && y < rows {
            if frame[x, y].isContinuation {
                // Only the second half changed: the character is drawn from its first half.
                if x > 0, lastDrawn.map({ $0 != (x - 1, y) }) ?? true { put(frame[x - 1, y], x: x - 1, y: y) }
            } else {
                put(frame[x, y], x: x, y: y)
            }
            lastDrawn = (x, y)
        }
        refresh()
        previous = frame
    }

    public func nextKey(timeoutMilliseconds: Int) -> Key? {
        guard !stopped else { return nil }
        let key = reader.nextKey(timeoutMilliseconds: timeoutMilliseconds) { milliseconds in
            timeout(Int32(clamping: milliseconds))
            var character: wint_t = 0
            switch get_wch(&character) {
            case KEY_CODE_YES: return .functionKey(Int32(bitPattern: character))
            case OK: return .character(UInt32(character))
            default: return nil
            }
        }
        if key == .resize {
            size = Size(width: Int(sb_cols()), height: Int(sb_lines()))
            previous = nil
        }
        return key
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        let rendition = rendition(for: cell.style)
        if let plain = CellOutput.plainScalar(of: cell) {
            write(CollectionOfOne(plain), rendition, x: x, y: y)
            return
        }
        let output = CellOutput(cell: cell) { Int(wcwidth(wchar_t(bitPattern: $0.value))) }
        write(output.scalars, rendition, x: x, y: y)
        if output.padsContinuation, x + 1 < size.width { write(CollectionOfOne(" "), rendition, x: x + 1, y: y) }
    }

    private func write(_ scalars: some Collection<Unicode.Scalar>, _ rendition: (attributes: attr_t, pair: Int32),
                       x: Int, y: Int) {
        // The characters for setcchar, NUL-terminated, on the stack: no allocation per cell.
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: CellOutput.maxScalars + 1) { characters in
            var count = 0
            for scalar in scalars.prefix(CellOutput.maxScalars) {
                characters[count] = wchar_t(bitPattern: scalar.value)
                count += 1
            }
            characters[count] = 0
            var cell = cchar_t()
            var pair = rendition.pair    // passed through `opts` so pair numbers above 32767 work
            _ = setcchar(&cell, characters.baseAddress, rendition.attributes, 0, &pair)
            _ = mvadd_wch(Int32(y), Int32(x), &cell)   // ERR in the bottom-right corner, yet drawn
        }
    }

    private func rendition(for style: Style) -> (attributes: attr_t, pair: Int32) {
        // Neighbouring cells mostly share a style: skip the dictionary for them.
        if let last = lastRendition, last.style == style { return (last.attributes, last.pair) }
        let found = lookUpRendition(for: style)
        lastRendition = (style, found.attributes, found.pair)
        return found
    }

    private func lookUpRendition(for style: Style) -> (attributes: attr_t, pair: Int32) {
        if let known = renditions[style] { return known }
        let appearance = theme.appearance(of: style, depth: colorDepth)
        var attributes = sb_attr_normal
        for (flag, value) in [(TextAttributes.bold, sb_attr_bold), (.dim, sb_attr_dim), (.underline, sb_attr_underline),
                              (.reverse, sb_attr_reverse), (.italic, sb_attr_italic)] where appearance.attributes.contains(flag) {
            attributes |= value
        }
        var pair: Int32 = 0
        if colorDepth != .monochrome, appearance.foreground >= 0 || appearance.background >= 0 || !hasDefaultColors {
            // Without use_default_colors, "the terminal's default" can only be guessed as white on black.
            let foreground = appearance.foreground >= 0 || hasDefaultColors ? appearance.foreground : Int(COLOR_WHITE)
            let background = appearance.background >= 0 || hasDefaultColors ? appearance.background : Int(COLOR_BLACK)
            pair = max(0, alloc_pair(Int32(foreground), Int32(background)))
        }
        renditions[style] = (attributes, pair)
        return (attributes, pair)
    }

    /// Installed once: the terminal is restored when the process exits, and on SIGINT/SIGTERM before
    /// the signal takes its default course (so the shell sees 130/143).
    private static let restoreOnExitAndSignals: Void = {
        atexit {
            if !isendwin() { endwin() }
        }
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { received in
                endwin()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }()
}
