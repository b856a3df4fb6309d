import Foundation
import Testing
@testable import Terminal

@Suite("Terminal colours") struct TerminalColorTests {
    @Test func parsesNamesHexAndIndices() {
        #expect(Color(name: "default") == .terminalDefault)
        #expect(Color(name: "cyan") == .indexed(6))
        #expect(Color(name: "Bright-Red") == .indexed(9))
        #expect(Color(name: "grey") == .indexed(8))
        #expect(Color(name: "#1a2B3c") == .rgb(0x1A, 0x2B, 0x3C))
        #expect(Color(name: "208") == .indexed(208))
        #expect(Color(name: "#12345") == nil)
        #expect(Color(name: "purple") == nil)
        #expect(Color(name: "256") == nil)
        #expect(Color.rgb(1, 0xAB, 255).description == "#01abff")
        #expect(Color.indexed(12).description == "bright-blue")
    }

    @Test func rgbRoundsToTheNearestCubeOrGreyEntry() {
        #expect(Color.rgb(255, 0, 0).paletteNumber(for: .colors256) == 196)
        #expect(Color.rgb(0x5F, 0xAF, 0xD7).paletteNumber(for: .colors256) == 74)
        #expect(Color.rgb(0x30, 0x30, 0x30).paletteNumber(for: .colors256) == 236)
        #expect(Color.rgb(0, 0, 0).paletteNumber(for: .colors256) == 16)
    }

    @Test func downgradesTo16And8ColoursByNearestColour() {
        #expect(Color.rgb(250, 10, 10).paletteNumber(for: .colors16) == 9)
        #expect(Color.rgb(250, 10, 10).paletteNumber(for: .colors8) == 1)
        #expect(Color.indexed(196).paletteNumber(for: .colors8) == 1)
        #expect(Color.indexed(51).paletteNumber(for: .colors8) == 6)       // bright cyan cube entry
        #expect(Color.indexed(232).paletteNumber(for: .colors8) == 0)      // near-black grey
        #expect(Color.indexed(14).paletteNumber(for: .colors8) == 6)       // bright-cyan to cyan
        #expect(Color.indexed(14).paletteNumber(for: .colors16) == 14)
        #expect(Color.indexed(14).paletteNumber(for: .colors256) == 14)    // the user's palette is kept
        #expect(Color.terminalDefault.paletteNumber(for: .colors8) == -1)
        #expect(Color.rgb(1, 2, 3).paletteNumber(for: .monochrome) == -1)
    }

    @Test func roundingNeverMakesForegroundEqualBackground() {
        #expect(Color.rgb(20, 20, 20).paletteNumber(for: .colors8) == 0)
        #expect(Color.rgb(20, 20, 20).paletteNumber(for: .colors8, avoiding: 0) != 0)
    }

    @Test func detectsDepthFromTerminalAndNoColor() {
        #expect(ColorDepth.detect(terminalColors: 256, hasColors: true, noColorEnvironment: nil, colorDisabled: false) == .colors256)
        #expect(ColorDepth.detect(terminalColors: 16, hasColors: true, noColorEnvironment: "", colorDisabled: false) == .colors16)
        #expect(ColorDepth.detect(terminalColors: 8, hasColors: true, noColorEnvironment: nil, colorDisabled: false) == .colors8)
        #expect(ColorDepth.detect(terminalColors: 256, hasColors: true, noColorEnvironment: "1", colorDisabled: false) == .monochrome)
        #expect(ColorDepth.detect(terminalColors: 256, hasColors: true, noColorEnvironment: nil, colorDisabled: true) == .monochrome)
        #expect(ColorDepth.detect(terminalColors: 0, hasColors: false, noColorEnvironment: nil, colorDisabled: false) == .monochrome)
    }
}

@Suite("Terminal themes") struct TerminalThemeTests {
    let sample = """
    name = "Sample"
    description = "for tests"

    [slots]
    "text" = { fg = "white", bg = "#000000" }
    "stance.diplomacy" = { fg = "cyan", bold = true, mono = ["underline"] }
    "stance.diplomacy.suggested" = { bold = false, italic = true }
    "status" = { fg = 250, bg = 236, reverse = true }

    [slots.pane.border]
    fg = "blue"
    [slots.pane.border.focused]
    bold = true
    """

    @Test func readsNameDescriptionAndSlots() throws {
        let theme = try Theme(toml: sample, file: "sample.toml")
        #expect(theme.name == "Sample")
        #expect(theme.description == "for tests")
        #expect(theme.slots["status"] == SlotStyle(foreground: .indexed(250), background: .indexed(236), attributesOn: .reverse))
        #expect(theme.slots["pane.border"]?.foreground == .indexed(4))
        #expect(theme.slots["pane.border.focused"]?.attributesOn == .bold)
    }

    @Test func missingSlotsFallBackAlongTheirDotsThenText() throws {
        let theme = try Theme(toml: sample, file: "sample.toml")
        let suggested = theme.resolve("stance.diplomacy.suggested")
        #expect(suggested.foreground == .indexed(6))
        #expect(suggested.background == .rgb(0, 0, 0))
        #expect(suggested.attributes == .italic)           // bold switched off, italic added
        #expect(suggested.mono == .underline)
        let focused = theme.resolve(.paneBorderFocused)
        #expect(focused.foreground == .indexed(4) && focused.attributes == .bold)
        let unknown = theme.resolve("no.such.slot")
        #expect(unknown.foreground == .indexed(7) && unknown.attributes == [])
    }

    @Test func appearanceRoundsColoursAndUsesMonoWithoutColour() throws {
        let theme = try Theme(toml: sample, file: "sample.toml")
        let style = Style(.stance("diplomacy"), .reverse)
        #expect(theme.appearance(of: style, depth: .colors256) == Appearance(foreground: 6, background: 16, attributes: [.bold, .reverse]))
        #expect(theme.appearance(of: style, depth: .colors8) == Appearance(foreground: 6, background: 0, attributes: [.bold, .reverse]))
        #expect(theme.appearance(of: style, depth: .monochrome) == Appearance(foreground: -1, background: -1, attributes: [.underline, .reverse]))
        #expect(theme.appearance(of: Style(.status), depth: .colors8).attributes == .reverse)
    }

    @Test func syntaxErrorsGiveFileLineAndColumn() {
        let broken = "name = \"x\"\n[slots]\n\"text\" = { fg = \"red\", \n"
        #expect(throws: ThemeError.self) { try Theme(toml: broken, file: "broken.toml") }
        do {
            _ = try Theme(toml: broken, file: "broken.toml")
        } catch {
            #expect(error.file == "broken.toml")
            #expect(error.line == 3 || error.line == 4)
            #expect(error.column != nil)
            #expect(error.description.hasPrefix("broken.toml:"))
        }
    }

    @Test func meaningErrorsPointAtTheOffendingKey() {
        func failure(_ text: String) -> ThemeError? {
            do { _ = try Theme(toml: text, file: "t.toml"); return nil } catch { return error }
        }
        let badColour = failure("[slots]\n\"text\" = { fg = \"red\" }\n\"error\" = { fg = \"crimson\" }\n")
        #expect(badColour?.line == 3)
        #expect(badColour?.column == 13)
        #expect(badColour?.message.contains("crimson") == true)
        let badField = failure("[slots]\n\"text\" = { fg = \"red\", blink = true }\n")
        #expect(badField?.line == 2)
        #expect(badField?.message.contains("blink") == true)
        #expect(failure("[slots]\n\"text\" = { bold = \"yes\" }\n")?.message.contains("true or false") == true)
        #expect(failure("[slots]\n\"text\" = { fg = 300 }\n")?.message.contains("0-255") == true)
        #expect(failure("[slots]\n\"text\" = { mono = [\"wobbly\"] }\n")?.message.contains("wobbly") == true)
        #expect(failure("[slots]\n\"text\" = \"red\"\n")?.line == 2)
        #expect(failure("colour = 1\n")?.message.contains("unknown key") == true)
    }
}

@Suite("Terminal theme library") struct TerminalThemeLibraryTests {
    @Test func everyBuiltinThemeLoadsAndDefinesEveryStandardSlot() throws {
        let library = ThemeLibrary(userDirectory: nil)
        #expect(library.names.count >= 5)
        for name in ["dark", "light", "high-contrast", "monochrome", "solarized-dark"] {
            #expect(library.names.contains(name))
        }
        for name in library.names {
            let theme = try library.theme(named: name)
            #expect(!theme.description.isEmpty, "\(name) has no description")
            for slot in Slot.standard {
                #expect(theme.slots[slot.name] != nil, "\(name) does not define \(slot)")
            }
        }
    }

    @Test func stancesStayDistinctWithoutColourInEveryBuiltinTheme() throws {
        let library = ThemeLibrary(userDirectory: nil)
        for theme in try library.names.map({ try library.theme(named: $0) }) + [.fallback] {
            let name = theme.name
            let stances = ["diplomacy", "support", "mixed", "none"].map {
                theme.appearance(of: Style(.stance($0)), depth: .monochrome).attributes
            }
            #expect(Set(stances.map(\.rawValue)).count == 4, "\(name): stances look alike without colour")
        }
    }

    @Test func userThemesAddToAndOverrideBuiltinOnes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "name = \"Mine\"\n[slots]\n\"text\" = { fg = \"green\" }\n"
            .write(to: directory.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        try "name = \"My dark\"\n[slots]\n".write(to: directory.appendingPathComponent("dark.toml"), atomically: true, encoding: .utf8)
        try "[slots\n".write(to: directory.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
        let library = ThemeLibrary(userDirectory: directory)
        #expect(library.names.contains("mine") && library.names.contains("light"))
        #expect(try library.theme(named: "mine").name == "Mine")
        #expect(try library.theme(named: "dark").name == "My dark")
        #expect(try library.theme(named: directory.appendingPathComponent("mine.toml").path).name == "Mine")

        let fallback = library.themeOrDefault("broken")
        #expect(fallback.theme.name == "My dark")
        #expect(fallback.problem?.file.hasSuffix("broken.toml") == true)
        #expect(fallback.problem?.line == 1)
        #expect(library.themeOrDefault("absent").problem?.message.contains("no theme named") == true)
        #expect(library.themeOrDefault("/nowhere/x.toml").problem?.message == "no such theme file")
    }

    @Test func defaultFallsBackToTheBuiltInThemeWhenNoFileIsFound() {
        let library = ThemeLibrary(builtinDirectory: nil, userDirectory: nil)
        let (theme, problem) = library.defaultTheme()
        #expect(theme == .fallback)
        #expect(problem != nil)
    }

    @Test func userDirectoryFollowsXDG() {
        #expect(ThemeLibrary.userDirectory(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/a"])?.path
                == "/cfg/stancebench/themes")
        #expect(ThemeLibrary.userDirectory(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/a"])?.path
                == "/home/a/.config/stancebench/themes")
        #expect(ThemeLibrary.userDirectory(environment: [:]) == nil)
    }
}

@Suite("Terminal theme rounding") struct TerminalThemeRoundingTests {
    @Test func greysOnTheDefaultBackgroundStayVisibleWithEightColours() throws {
        let theme = try Theme(toml: """
            [slots]
            "text" = { fg = "default", bg = "default" }
            "dark" = { fg = 240 }
            "light" = { fg = "#d0d0d0", bold = true }
            "boxed" = { fg = 240, bg = "blue" }
            "hue" = { fg = "#d75f00" }
            """, file: "t.toml")
        #expect(theme.appearance(of: Style("dark"), depth: .colors8) == Appearance(foreground: -1, background: -1, attributes: .dim))
        #expect(theme.appearance(of: Style("light"), depth: .colors8) == Appearance(foreground: -1, background: -1, attributes: .bold))
        #expect(theme.appearance(of: Style("dark"), depth: .colors16).foreground == 8)
        #expect(theme.appearance(of: Style("dark"), depth: .colors256).foreground == 240)
        #expect(theme.appearance(of: Style("boxed"), depth: .colors8).background == 4)
        #expect(theme.appearance(of: Style("boxed"), depth: .colors8).foreground >= 0)
        #expect(theme.appearance(of: Style("hue"), depth: .colors8).foreground == 1)
    }
}

@Suite("Terminal theme documentation") struct TerminalThemeDocumentationTests {
    @Test func readmeDocumentsEveryStandardSlot() throws {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Themes/README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        for slot in Slot.standard {
            #expect(text.contains("| `\(slot.name)`"), "Themes/README.md does not describe \(slot)")
        }
    }
}
