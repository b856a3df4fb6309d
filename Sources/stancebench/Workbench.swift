import ArgumentParser
import Foundation
import StanceApp
import StanceKit
import Terminal

struct Workbench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the interactive workbench (the default).",
        discussion: """
            Examples:
              stancebench                      the workspace, or the sample corpus on first run
              stancebench articles/            the articles in a folder
              stancebench a.json --theme dusk  analyses saved as JSON, in another theme
              stancebench a.json --print-screen 100x30 --keys "Tab j ]"
                                               draw without a terminal, after typing keys
            """
    )

    @Argument(help: "Articles, analyses (.json) or folders to open instead of the workspace.")
    var paths: [String] = []

    @Option(help: "A theme by name, or the path of a theme file.")
    var theme: String?

    @Flag(name: .customLong("no-color"), help: "Draw without colours (as NO_COLOR does).")
    var noColor = false

    @Option(name: .customLong("print-screen"), help: ArgumentHelp(
        "Print the screen at this size (WIDTHxHEIGHT) as text instead of opening the terminal.",
        valueName: "size"))
    var printScreen: String?

    @Option(help: ArgumentHelp("Keys to type before --print-screen prints, by name, separated by spaces.",
                               valueName: "keys"))
    var keys: String?

    func validate() throws {
        if let printScreen, Self.size(printScreen) == nil {
            throw ValidationError("--print-screen wants WIDTHxHEIGHT, such as 100x30, not “\(printScreen)”")
        }
        if keys != nil, printScreen == nil {
            throw ValidationError("--keys only works with --print-screen")
        }
        if let keys {
            let unknown = keys.split(separator: " ").filter { KeyNames.key(named: String($0)) == nil }
            if !unknown.isEmpty {
                throw ValidationError("Unknown key names: \(unknown.joined(separator: ", "))")
            }
        }
    }

    func run() throws {
        let store = try WorkbenchCorpus.store(paths: paths)
        if let printScreen, let size = Self.size(printScreen) {
            let typed = (keys ?? "").split(separator: " ").compactMap { KeyNames.key(named: String($0)) }
            let backend = TestBackend(size: size, keys: typed)
            let runtime = WorkbenchRuntime(backend: backend, store: store, themeName: theme ?? "default",
                                           themeNames: [], applyTheme: { $0 })
            runtime.start()
            runtime.handlePendingKeys()
            print(backend.lastFrame?.lines.joined(separator: "\n") ?? "")
            return
        }
        try openTerminalWorkbench(store: store)
    }

    /// The interactive workbench on the real terminal. The terminal backend of the Terminal kit
    /// (ncurses) plugs in here: open it (with `noColor` or NO_COLOR honoured and `theme` applied),
    /// restore it on every way out (a `defer`, and the backend's own signal handling), and hand it
    /// to `WorkbenchRuntime(backend:store:themeName:themeNames:applyTheme:).run()`.
    private func openTerminalWorkbench(store: any WorkbenchStore) throws {
        throw WorkbenchCorpus.LoadError(description: """
            This build has no terminal backend yet, so the interactive workbench cannot open.
            Use --print-screen WIDTHxHEIGHT (with --keys) to draw it as text.
            """)
    }

    static func size(_ text: String) -> Size? {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
              width > 0, height > 0, width <= 1000, height <= 1000 else { return nil }
        return Size(width: width, height: height)
    }
}

/// Builds the workbench's corpus from the command line's paths.
enum WorkbenchCorpus {
    /// A failure to report in one sentence, without the usage text.
    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    /// Analyses from `.json` files (one analysis or a list), and articles from other files shown
    /// without analysis until the analyser runs on them; folders are read recursively. Without
    /// paths, the sample corpus.
    static func store(paths: [String]) throws -> InMemoryWorkbenchStore {
        var files: [URL] = []
        if paths.isEmpty {
            files = SampleCorpus.articleNames.compactMap { SampleCorpus.directory?.appendingPathComponent($0) }
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw LoadError(description: "No such file or folder: \(path)")
            }
            let url = URL(fileURLWithPath: path)
            if isDirectory.boolValue {
                let found = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)?
                    .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath && !$0.lastPathComponent.hasPrefix(".") } ?? []
                files += found.sorted { $0.path < $1.path }
            } else {
                files.append(url)
            }
        }
        var analyses: [ArticleAnalysis] = []
        for file in files {
            let data = try Data(contentsOf: file)
            if file.pathExtension.lowercased() == "json" {
                let decoder = JSONDecoder()
                if let list = try? decoder.decode([ArticleAnalysis].self, from: data) {
                    analyses += list
                } else {
                    do {
                        analyses.append(try decoder.decode(ArticleAnalysis.self, from: data))
                    } catch {
                        throw LoadError(description: "\(file.path) is not an analysis: \(error)")
                    }
                }
            } else {
                let text = String(decoding: data, as: UTF8.self)
                analyses.append(ArticleAnalysis(article: Article(file: file.path, text: text), actors: [], statements: []))
            }
        }
        return InMemoryWorkbenchStore(frame: frame(for: analyses), analyses: analyses)
    }

    /// A frame for analyses that came without one: their stances, in order of first use, each
    /// with a distinct glyph. The frame library's frames take over once the workspace names one.
    static func frame(for analyses: [ArticleAnalysis]) -> Frame {
        var stances: [String] = []
        for analysis in analyses {
            for stance in analysis.statements.map(\.stance) + analysis.actors.map(\.stance)
            where stance != Frame.mixed && stance != Frame.none && !stances.contains(stance) {
                stances.append(stance)
            }
        }
        let glyphs = ["◆", "▲", "■", "●", "★", "▼", "♦", "♥", "♣", "♠"]
        let positions = stances.enumerated().map { index, stance in
            Frame.Position(id: stance, label: stance.capitalized, glyph: glyphs[index % glyphs.count],
                           key: String(stance.prefix(1)), cues: [])
        }
        return Frame(id: "found", name: "Stances found", description: "The stances the analyses use",
                     positions: positions)
    }
}
