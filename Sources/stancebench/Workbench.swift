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

    @Argument(help: "Articles, JSON exports or folders to open instead of the workspace.")
    var paths: [String] = []

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(name: .long, help: ArgumentHelp("A built-in frame name or a frame TOML file.", valueName: "NAME|FILE"))
    var frame: String = FrameLibrary.defaultName

    @Option(help: ArgumentHelp("A theme by name, or the path of a theme file.", valueName: "NAME|PATH"))
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
        let chosenFrame = try loadFrame(frame)
        let store = try WorkbenchCorpus.store(paths: paths, frame: chosenFrame, workspace: workspaceOptions)
        let themes = ThemeLibrary()
        let (chosenTheme, themeProblem) = themes.themeOrDefault(theme)
        if let printScreen, let size = Self.size(printScreen) {
            let typed = (keys ?? "").split(separator: " ").compactMap { KeyNames.key(named: String($0)) }
            let backend = TestBackend(size: size, keys: typed)
            let runtime = WorkbenchRuntime(backend: backend, store: store, themeName: chosenTheme.name,
                                           themeNames: themes.names, applyTheme: { try themes.theme(named: $0).name })
            runtime.start()
            runtime.handlePendingKeys()
            print(backend.lastFrame?.lines.joined(separator: "\n") ?? "")
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let backend: NCursesBackend
        do {
            backend = try NCursesBackend(options: .init(
                theme: chosenTheme,
                colorDisabled: noColor || !(environment["NO_COLOR"] ?? "").isEmpty))
        } catch {
            printError("stancebench: \(error)")
            throw ExitStatus.failure
        }
        defer { backend.stop() }
        let runtime = WorkbenchRuntime(backend: backend, store: store, themeName: chosenTheme.name,
                                       themeNames: themes.names) { name in
            let next = try themes.theme(named: name)
            backend.theme = next
            return next.name
        }
        runtime.start()
        if let themeProblem { runtime.send(.effectFailed("\(themeProblem); using \(chosenTheme.name)")) }
        runtime.run()
    }

    static func size(_ text: String) -> Size? {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
              width > 0, height > 0, width <= 1000, height <= 1000 else { return nil }
        return Size(width: width, height: height)
    }
}

/// Builds the workbench's corpus from the command line.
enum WorkbenchCorpus {
    /// The given articles analysed in memory, or else the workspace, created with the sample corpus
    /// on first run.
    static func store(paths: [String], frame: Frame, workspace options: WorkspaceOptions) throws -> any WorkbenchStore {
        guard paths.isEmpty else { return try analysedInMemory(paths, frame: frame) }
        let isFirstRun = !FileManager.default.fileExists(atPath: options.workspacePath)
        let workspace = try options.open()
        if isFirstRun { try importSampleCorpus(into: workspace, frame: frame) }
        return WorkspaceWorkbenchStore(workspace: workspace, frame: frame, annotator: options.annotatorName)
    }

    /// Articles and JSON exports named on the command line, analysed on all cores; a file that cannot
    /// be read stops the workbench before the screen opens, with its reason.
    static func analysedInMemory(_ paths: [String], frame: Frame) throws -> InMemoryWorkbenchStore {
        var analyses: [ArticleAnalysis] = []
        for path in paths where path.lowercased().hasSuffix(".json") {
            do {
                analyses += try JSONImporter.read(URL(fileURLWithPath: path)).analyses
            } catch {
                printError("stancebench: \(path): \(error)")
                throw ExitStatus.failure
            }
        }
        let (files, failed) = expandPaths(paths.filter { !$0.lowercased().hasSuffix(".json") })
        if failed { throw ExitStatus.failure }
        for result in analyzeConcurrently(files, analyzer: Analyzer(frame: frame)) {
            switch result {
            case .success(let analysis): analyses.append(analysis)
            case .failure(let error):
                printError("stancebench: \(error)")
                throw ExitStatus.failure
            }
        }
        return InMemoryWorkbenchStore(frame: frame, analyses: analyses)
    }

    static func importSampleCorpus(into workspace: Workspace, frame: Frame) throws {
        let files = SampleCorpus.articleNames.compactMap { SampleCorpus.directory?.appendingPathComponent($0).path }
        let analyzer = Analyzer(frame: frame)
        let importer = Importer(workspace: workspace, frameID: frame.id) { try analyzeFile($0, with: analyzer) }
        let summary = try importer.importFiles(files)
        for failure in summary.failures { printError("stancebench: sample corpus: \(failure.path): \(failure.message)") }
    }
}
