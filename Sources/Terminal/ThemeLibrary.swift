import Foundation
import Themes

/// The themes a user can pick: the built-in files shipped with the program and the user's own in
/// `$XDG_CONFIG_HOME/stancebench/themes` (default `~/.config/stancebench/themes`). A user's file
/// with the same name as a built-in one replaces it. Themes are named by file name without `.toml`.
public struct ThemeLibrary: Sendable {
    public static let defaultThemeName = "dark"

    public let builtinDirectory: URL?
    public let userDirectory: URL?

    public init(builtinDirectory: URL? = BuiltinThemes.directory, userDirectory: URL?) {
        self.builtinDirectory = builtinDirectory
        self.userDirectory = userDirectory
    }

    /// The library with the built-in themes and the user's folder found from `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(userDirectory: ThemeLibrary.userDirectory(environment: environment))
    }

    /// `$XDG_CONFIG_HOME/stancebench/themes`, or `$HOME/.config/stancebench/themes`; XDG says a relative
    /// `XDG_CONFIG_HOME` is to be ignored.
    public static func userDirectory(environment: [String: String]) -> URL? {
        let base: URL
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            base = URL(fileURLWithPath: config, isDirectory: true)
        } else if let home = environment["HOME"], !home.isEmpty {
            base = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".config", isDirectory: true)
        } else {
            return nil
        }
        return base.appendingPathComponent("stancebench/themes", isDirectory: true)
    }

    /// Every theme name, sorted, for listing and completion.
    public var names: [String] { files.keys.sorted() }

    /// Loads the theme called `nameOrPath`: a name from `names`, or a path to a `.toml` file (anything
    /// containing `/` or ending in `.toml`).
    public func theme(named nameOrPath: String) throws(ThemeError) -> Theme {
        let url: URL
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            url = URL(fileURLWithPath: nameOrPath)
        } else if let known = files[nameOrPath] {
            url = known
        } else {
            let known = names.isEmpty ? "no themes found" : "known: " + names.joined(separator: ", ")
            throw ThemeError(file: nameOrPath, message: "no theme named `\(nameOrPath)` (\(known))")
        }
        return try ThemeLibrary.load(url)
    }

    /// The default theme; if even that file cannot be read, the built-in fallback, with the reason.
    public func defaultTheme() -> (theme: Theme, problem: ThemeError?) {
        do {
            return (try theme(named: ThemeLibrary.defaultThemeName), nil)
        } catch {
            return (.fallback, error)
        }
    }

    /// The named theme, or the default one with the reason it was not used: a broken theme must never
    /// stop the program from starting.
    public func themeOrDefault(_ nameOrPath: String?) -> (theme: Theme, problem: ThemeError?) {
        guard let nameOrPath else { return defaultTheme() }
        do {
            return (try theme(named: nameOrPath), nil)
        } catch {
            return (defaultTheme().theme, error)
        }
    }

    public static func load(_ url: URL) throws(ThemeError) -> Theme {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ThemeError(file: url.path, message: "no such theme file")
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ThemeError(file: url.path, message: "cannot read the file as UTF-8 text (\(error.localizedDescription))")
        }
        return try Theme(toml: text, file: url.path)
    }

    private var files: [String: URL] {
        var found: [String: URL] = [:]
        for directory in [builtinDirectory, userDirectory].compactMap({ $0 }) {
            let entries = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
            for url in entries where url.pathExtension == "toml" {
                found[url.deletingPathExtension().lastPathComponent] = url
            }
        }
        return found
    }
}
