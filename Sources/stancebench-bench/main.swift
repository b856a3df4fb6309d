import Foundation

/// `stancebench-bench [--articles N] [--words-per-article W] [--only NAME]...`: generates a corpus
/// from the sample articles in a temporary folder, runs the measures and prints one table.
/// Build and run it in release: `swift build -c release --product stancebench-bench`.
let usage = """
    USAGE: stancebench-bench [--articles N] [--words-per-article W] [--only NAME]... [--keypresses K] [--keep] [--workspace PATH]

      --articles N            articles in the generated corpus (default 10000)
      --words-per-article W   words per generated article (default 800)
      --only NAME             run only this measure (repeatable): \(BenchOptions.measureNames.joined(separator: ", "))
      --keypresses K          keys timed in the workbench (default 2000)
      --keep                  keep the generated corpus and workspace (the folder is printed)
      --workspace PATH        measure start-up and search on this workspace instead of importing one
    """

func parseOptions(_ arguments: [String]) throws -> BenchOptions {
    var options = BenchOptions()
    var remaining = arguments[...]
    func positiveInt(_ name: String) throws -> Int {
        guard let text = remaining.popFirst(), let value = Int(text), value > 0 else {
            throw BenchError("\(name) wants a positive whole number")
        }
        return value
    }
    while let argument = remaining.popFirst() {
        switch argument {
        case "--articles": options.articles = try positiveInt(argument)
        case "--words-per-article": options.wordsPerArticle = try positiveInt(argument)
        case "--keypresses": options.keypresses = try positiveInt(argument)
        case "--keep": options.keepFiles = true
        case "--workspace":
            guard let path = remaining.popFirst(), FileManager.default.fileExists(atPath: path) else {
                throw BenchError("--workspace wants the path of an existing workspace")
            }
            options.workspace = path
        case "--only":
            guard let name = remaining.popFirst(), BenchOptions.measureNames.contains(name) else {
                throw BenchError("--only wants one of: \(BenchOptions.measureNames.joined(separator: ", "))")
            }
            options.only.insert(name)
        case "-h", "--help":
            print(usage)
            exit(0)
        default: throw BenchError("unknown argument “\(argument)”")
        }
    }
    return options
}

/// "2 cores, Intel(R) Xeon(R) Processor @ 2.50GHz"
func machineDescription() -> String {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
        .flatMap { $0.split(separator: ":", maxSplits: 1).last }
        .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
    return "\(ProcessInfo.processInfo.activeProcessorCount) cores (nproc), \(model)"
}

let options: BenchOptions
do {
    options = try parseOptions(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("stancebench-bench: \(error)\n\(usage)\n".utf8))
    exit(64)
}

#if DEBUG
FileHandle.standardError.write(Data("stancebench-bench: this is a debug build; measure a release build (-c release)\n".utf8))
#endif

do {
    let bench = try Bench(options: options)
    try bench.run()
    print("machine: \(machineDescription())")
    print("command: \(CommandLine.arguments.joined(separator: " "))")
    print()
    printTable(bench.rows)
} catch {
    FileHandle.standardError.write(Data("stancebench-bench: \(error)\n".utf8))
    exit(1)
}
