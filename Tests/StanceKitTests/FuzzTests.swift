import Foundation
import StanceKit
import TestSupport
import Testing

/// A deterministic mutation fuzzer for the loader and the analyser. Each iteration takes an input
/// from the pool (the sample articles, the kept regression inputs, and earlier mutants), applies a
/// few mutations chosen by a seeded generator, and checks that loading and analysing it finishes
/// and keeps the analysis invariants.
///
/// `swift test` runs a bounded number of iterations. A campaign (`scripts/fuzz.sh SECONDS`) sets
/// STANCEBENCH_FUZZ_SECONDS, STANCEBENCH_FUZZ_SEED and STANCEBENCH_FUZZ_OUT: every input is written
/// to OUT/current-input before it is analysed, so the script keeps it when the process crashes,
/// and inputs that hang or break an invariant are written to OUT as they are found.
struct MutationFuzzer {
    private var random: SeededGenerator
    private var pool: [(bytes: [UInt8], fileExtension: String)]
    private let seedCount: Int
    static let poolLimit = 96

    init(seed: UInt64, seeds: [(bytes: [UInt8], fileExtension: String)]) {
        random = SeededGenerator(seed: seed)
        pool = seeds.isEmpty ? [(Array("“Talks now,” he said.".utf8), "txt")] : seeds
        seedCount = pool.count
    }

    /// The next input to try, with the extension that decides its format.
    mutating func next() -> (bytes: [UInt8], fileExtension: String) {
        var (bytes, fileExtension) = pool[random.below(pool.count)]
        for _ in 0...random.below(4) { mutate(&bytes) }
        if random.below(8) == 0 { fileExtension = ["txt", "md", "html"][random.below(3)] }
        // Mutants join the pool so mutations compound; the seeds always stay.
        if bytes.count < 2 << 20 {
            if pool.count < Self.poolLimit { pool.append((bytes, fileExtension)) } else {
                pool[seedCount + random.below(Self.poolLimit - seedCount)] = (bytes, fileExtension)
            }
        }
        return (bytes, fileExtension)
    }

    /// Fragments that steer the parser into its special cases: quotes, escapes, format and bidi
    /// characters, Markdown and front matter, header lines, cues, titles and impossible dates.
    private static let fragments: [[UInt8]] = [
        "“", "”", "\"", "'", "‘", "’", "«", "»", "„", "\u{1B}[31m", "\u{1B}]0;title\u{07}", "\u{1B}", "\u{9B}",
        "\u{202E}", "\u{2066}", "\u{200B}", "\u{FEFF}", "\u{00AD}", "\r", "\r\n", "\n\n", "\0", "\t",
        "---\n", "# ", "> ", "- ", "* ", "[", "](#)", "**", "_", "<p>", "</p>", "<script>", "<!doctype html>",
        "Title: ", "Date: ", "By ", " said ", " he said.", "“We must talk,” said Gen. ", "according to ",
        "Mr. ", "U.S.", "Feb. 31, 2031", "2031-02-31", "31. Februar 2031", "on Wednesday", "last week",
        "9999-99-99", "January 0, 0", "\u{0301}", "👩‍👩‍👧", "\u{10FFFF}",
    ].map { Array($0.utf8) }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        let at = random.below(bytes.count + 1)
        switch random.below(9) {
        case 0 where !bytes.isEmpty:   // flip a bit
            bytes[min(at, bytes.count - 1)] ^= 1 << UInt8(random.below(8))
        case 1:   // a random byte
            bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
        case 2, 3:   // a fragment
            bytes.insert(contentsOf: Self.fragments[random.below(Self.fragments.count)], at: at)
        case 4:   // a run of one fragment, sometimes huge
            let fragment = Self.fragments[random.below(Self.fragments.count)]
            let count = random.below(8) == 0 ? 1 + random.below(50_000) : 1 + random.below(200)
            bytes.insert(contentsOf: Array(repeating: fragment, count: count).joined(), at: at)
        case 5 where !bytes.isEmpty:   // delete a range
            let end = min(bytes.count, at + 1 + random.below(400))
            bytes.removeSubrange(min(at, bytes.count - 1)..<end)
        case 6 where !bytes.isEmpty:   // duplicate a range
            let start = min(at, bytes.count - 1)
            let end = min(bytes.count, start + 1 + random.below(2_000))
            bytes.insert(contentsOf: bytes[start..<end], at: random.below(bytes.count + 1))
        case 7:   // splice in part of another input
            let other = pool[random.below(pool.count)].bytes
            guard !other.isEmpty else { return }
            let start = random.below(other.count)
            let end = min(other.count, start + 1 + random.below(4_000))
            bytes.insert(contentsOf: other[start..<end], at: at)
        default:   // truncate
            if !bytes.isEmpty { bytes.removeSubrange(at..<bytes.count) }
        }
    }
}

@Suite struct FuzzTests {
    static let analyzer = Analyzer()

    static var regressionFiles: [URL] {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Data/fuzz"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { folder.appendingPathComponent($0) }
    }

    static var seeds: [(bytes: [UInt8], fileExtension: String)] {
        let samples = SampleCorpus.directory.map { folder in
            SampleCorpus.articleNames.map { folder.appendingPathComponent($0) }
        } ?? []
        // Former hangs (lines of 300-400 KB) are replayed by `regressionInputs`; as seeds every mutant would be
        // as long, which makes a bounded run of a debug build slow without finding more.
        let regressions = regressionFiles.filter { !$0.lastPathComponent.hasPrefix("hang-") }
        return (samples + regressions).compactMap { url in
            (try? Data(contentsOf: url)).map { ([UInt8]($0), url.pathExtension) }
        }
    }

    /// Loads and analyses one input; returns what went wrong, if anything.
    static func check(_ bytes: [UInt8], fileExtension: String) -> [String] {
        let document: SourceDocument
        do {
            document = try SourceLoader.decode(bytes, path: "fuzz.\(fileExtension)")
        } catch {
            return error.description.isEmpty ? ["an input error without a message"] : []
        }
        return AnalysisInvariants.violations(of: analyzer.analyze(document), frame: analyzer.frame)
    }

    @Test func mutantsKeepTheInvariants() throws {
        let environment = ProcessInfo.processInfo.environment
        let campaignSeconds = environment["STANCEBENCH_FUZZ_SECONDS"].flatMap(Double.init)
        let seed = environment["STANCEBENCH_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_310_306
        let output = environment["STANCEBENCH_FUZZ_OUT"].map { URL(fileURLWithPath: $0) }
        let deadline = campaignSeconds.map { Date().addingTimeInterval($0) }
        var fuzzer = MutationFuzzer(seed: seed, seeds: Self.seeds)

        var iterations = 0
        var kept = 0
        while deadline.map({ Date() < $0 }) ?? (iterations < 40) {
            let input = fuzzer.next()
            iterations += 1
            let currentFile = output?.appendingPathComponent("current-input")
            if let currentFile {
                try Data(input.bytes).write(to: currentFile)
                try Data(input.fileExtension.utf8).write(to: currentFile.appendingPathExtension("ext"))
            }
            // Mutants grow to about a megabyte, which a debug build reads in some 20 s of CPU: the limit grows
            // with the input, so that only work out of proportion to its size counts as a hang.
            let limit = 20 + Double(input.bytes.count) / 10_000
            let problems = try withinWatchdog(seconds: limit) { Self.check(input.bytes, fileExtension: input.fileExtension) }
            guard let problems else {
                try keep(input, as: "hang", in: output)
                Issue.record("iteration \(iterations) (seed \(seed)) did not finish within \(Int(limit)) s of CPU time")
                break
            }
            if !problems.isEmpty {
                // One bug tends to show in many mutants: a few examples are enough to fix it.
                if kept < 3 { try keep(input, as: "invariant", in: output) }
                kept += 1
                Issue.record("iteration \(iterations) (seed \(seed)): \(problems.prefix(3).joined(separator: "; "))")
            }
        }
        if let output {
            try Data("\(iterations)\n".utf8).write(to: output.appendingPathComponent("iterations-\(seed)"))
        }
    }

    @Test(arguments: regressionFiles)
    func regressionInputs(_ file: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: file))
        // The `hang-*` inputs hold a 300-400 KB line: 0.1 s of CPU in release, 2.5 s and 6 s in a debug build
        // (about 50 times slower), so a minute of CPU time leaves a wide margin. Pronoun
        // resolution was quadratic in a sentence's mentions; the .md input's 37,000 pronouns in one
        // sentence then took 3.2 s in release, minutes in debug.
        let problems = try withinWatchdog(seconds: 60) { Self.check(bytes, fileExtension: file.pathExtension) }
        #expect(try #require(problems, "\(file.lastPathComponent) did not finish within 60 s of CPU time") == [])
    }

    private func keep(_ input: (bytes: [UInt8], fileExtension: String), as kind: String, in folder: URL?) throws {
        guard let folder else { return }
        let name = "\(kind)-\(StanceKit.SHA256.hexDigest(input.bytes).prefix(12)).\(input.fileExtension)"
        try Data(input.bytes).write(to: folder.appendingPathComponent(name))
    }
}
