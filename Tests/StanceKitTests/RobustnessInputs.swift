import Foundation
import Testing
import TestSupport

/// The hostile inputs every front door must survive, shared by the in-process suites
/// (StanceKitTests) and the binary suites (stancebenchTests, through a symbolic link to this file,
/// so both run the same catalogue).
struct HostileInput: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable {
        /// Read and analysed; `warning` is a phrase the loader's warnings must contain.
        case readable(warning: String? = nil)
        /// Refused with a message containing this phrase (exit code 3 from the binary).
        case unreadable(message: String)
    }

    var name: String
    /// The file name it is saved under: the extension decides the format.
    var fileName: String
    var outcome: Outcome
    /// Inputs this large take seconds to analyse; the watchdog gives them longer.
    var isHuge = false
    let makeBytes: @Sendable () -> [UInt8]

    var bytes: [UInt8] { makeBytes() }
    var testDescription: String { name }

    init(_ name: String, file: String, _ outcome: Outcome, isHuge: Bool = false, bytes makeBytes: @escaping @Sendable () -> [UInt8]) {
        self.name = name
        self.fileName = file
        self.outcome = outcome
        self.isHuge = isHuge
        self.makeBytes = makeBytes
    }

    init(_ name: String, file: String, _ outcome: Outcome = .readable(), text: @escaping @Sendable () -> String) {
        self.init(name, file: file, outcome, bytes: { Array(text().utf8) })
    }

    /// A paragraph in the style of the news the analyser reads, with a quote, a cue and a date.
    static let newsParagraph = """
        Gen. Rowan Achterberg, the chairman of the Joint Staff, said on Wednesday that talks should begin. \
        “There is a window, and windows close,” he said. Lena Moravec, the national security adviser, \
        told reporters that pressing for a ceasefire now would be premature.
        """

    static let escapeSequences = "\u{1B}[2J\u{1B}[31mred\u{1B}[0m \u{1B}]0;owned title\u{07} \u{1B}]2;other\u{1B}\\ \u{9B}6n \u{1B}P+q\u{1B}\\"
    static let formatCharacters = "\u{202E}evil\u{202C} \u{2066}isolate\u{2069} \u{200B}\u{200D}\u{FEFF}\u{061C}\u{200F}\u{00AD}"

    /// The huge inputs run only when STANCEBENCH_HUGE_INPUTS=1: the analyser is linear now, but a 50 MB
    /// line still takes 10 s of CPU and 1.3 GB in a release build (docs/PERFORMANCE.md), and many times
    /// that in the debug build `swift test` uses.
    static let runsHugeInputs = ProcessInfo.processInfo.environment["STANCEBENCH_HUGE_INPUTS"] == "1"

    /// The inputs this run tries.
    static let selected: [HostileInput] = all.filter { !$0.isHuge || runsHugeInputs }

    static let all: [HostileInput] = [
        HostileInput("empty file", file: "empty.txt", .unreadable(message: "contains no text"), bytes: { [] }),
        HostileInput("only whitespace", file: "blank.md", .unreadable(message: "contains no text"), bytes: { Array(" \n\t\r\n  \n".utf8) }),
        HostileInput("binary data", file: "binary.txt", .unreadable(message: "binary"), bytes: { () -> [UInt8] in
            var random = SeededGenerator(seed: 7)
            return (0..<65_536).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }),
        HostileInput("invalid UTF-8", file: "latin1.txt", .readable(warning: "invalid UTF-8"), bytes: { () -> [UInt8] in
            let invalid: [[UInt8]] = [[0xE9], [0xC3, 0x28, 0xFF, 0xFE, 0x80]]
            let parts: [[UInt8]] = [Array("Caf".utf8), invalid[0], Array(" society said on Monday: “we want talks”. ".utf8),
                                    invalid[1], Array(newsParagraph.utf8)]
            return Array(parts.joined())
        }),
        HostileInput("UTF-16 with a byte-order mark", file: "utf16.txt", .readable(), bytes: { () -> [UInt8] in
            let units: [UInt8] = newsParagraph.utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            return [0xFF, 0xFE] + units
        }),
        HostileInput("UTF-16 big-endian with an odd byte", file: "utf16be.txt", .readable(), bytes: { () -> [UInt8] in
            let units: [UInt8] = newsParagraph.utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
            return [0xFE, 0xFF] + units + [0x41]
        }),
        HostileInput("NUL bytes at the start", file: "nul-start.txt", .unreadable(message: "binary"), bytes: { () -> [UInt8] in
            let text: String = "Title\0\0\0 " + newsParagraph
            return Array(text.utf8)
        }),
        HostileInput("NUL bytes deep in the text", file: "nul-deep.txt", .readable(warning: "NUL byte"), bytes: { () -> [UInt8] in
            let text: String = String(repeating: newsParagraph + "\n\n", count: 40) + "\0\0A\0" + newsParagraph
            return Array(text.utf8)
        }),
        HostileInput("CRLF line ends", file: "crlf.md", text: { () -> String in
            "---\r\ntitle: Talks\r\ndate: 2031-03-06\r\n---\r\n\r\n# Talks\r\n\r\n" + newsParagraph + "\r\n\r\n" + newsParagraph + "\r\n"
        }),
        HostileInput("lone CR line ends", file: "cr.txt", text: { () -> String in
            "Title: Talks\rDate: 2031-03-06\r\r" + newsParagraph + "\r\r" + newsParagraph + "\r"
        }),
        HostileInput("a 50 MB file of one line", file: "one-line.txt", .readable(), isHuge: true, bytes: { () -> [UInt8] in
            let sentence = Array("He said “talks now” on Wednesday, and she said no; ".utf8)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(50 * 1_048_576)
            while bytes.count < 50 * 1_048_576 { bytes += sentence }
            return bytes
        }),
        HostileInput("100,000 quotation marks", file: "quotes.txt", text: { () -> String in
            newsParagraph + "\n\n" + String(repeating: "“\"”'‘’«»", count: 12_500) + "\n\n" + newsParagraph
        }),
        HostileInput("unbalanced and nested quotes", file: "nested.txt", text: { () -> String in
            let nested: [String] = (0..<200).map { (level: Int) -> String in
                "“He said ‘she said “\(level) they said ‘no’ ” and “yes” ’ said Gen. Achterberg. “Never closed, he said."
            }
            return nested.joined(separator: "\n\n") + "\n\n“" + String(repeating: "“‘", count: 5_000) + newsParagraph
        }),
        HostileInput("a 1,000,000-character word", file: "word.txt", text: { () -> String in
            newsParagraph + "\n\n" + String(repeating: "a", count: 1_000_000) + " said Moravec.\n\n" + newsParagraph
        }),
        // Dating each statement parsed its whole sentence again: quadratic (6 s in release, minutes in debug).
        HostileInput("one sentence of 4,000 statements", file: "clauses.txt", text: { () -> String in
            "Gen. Rowan Achterberg, the chairman of the Joint Staff, spoke on Wednesday. "
                + String(repeating: "Achterberg said talks must begin now and a ceasefire is urgent; ", count: 4_000)
        }),
        HostileInput("bidi and other format characters", file: "bidi.txt", text: { () -> String in
            let parts: [String] = [
                "Title: ", formatCharacters, " Talks\n\n", newsParagraph.replacingOccurrences(of: " ", with: " \u{202E}\u{200B}"),
                "\n\n“\u{2067}Talks now\u{2069},” said \u{202D}Lena Moravec\u{202C}.\n",
            ]
            return parts.joined()
        }),
        HostileInput("ANSI escape sequences and OSC titles", file: "escapes.md", text: { () -> String in
            let frontMatter: String = "---\ntitle: \"" + escapeSequences + "\"\nsource: \u{1B}]0;outlet\u{07}Ledger\n---\n\n"
            let quote: String = "“We want talks \u{1B}[31mnow\u{1B}[0m " + escapeSequences
                + ",” said Gen. Rowan \u{1B}]0;x\u{07}Achterberg on Wednesday.\n\n"
            let parts: [String] = [frontMatter, "# Head\u{1B}[1mline\n\n", quote, newsParagraph, " \u{07}\u{08}\u{7F}\u{85}\u{9B}\n"]
            return parts.joined()
        }),
        HostileInput("deeply nested Markdown", file: "nested.md", text: { () -> String in
            let list: String = (0..<2_000).map { String(repeating: "  ", count: $0) + "- item \($0)" }.joined(separator: "\n")
            let parts: [String] = [
                String(repeating: "> ", count: 5_000), "“Talks,” he said.\n\n", list, "\n\n",
                String(repeating: "[", count: 20_000), "link", String(repeating: "](#)", count: 20_000), "\n\n",
                String(repeating: "*_", count: 10_000), "emphasis", String(repeating: "_*", count: 10_000), "\n\n",
                String(repeating: "#", count: 5_000), " heading\n\n", newsParagraph,
            ]
            return parts.joined()
        }),
        HostileInput("front matter that never ends", file: "frontmatter.md", text: { () -> String in
            "---\ntitle: Talks\ndate: 2031-03-06\n" + String(repeating: "key: value\n", count: 10_000) + newsParagraph
        }),
        HostileInput("dates like 31 February", file: "dates.md", text: { () -> String in
            let parts: [String] = [
                "---\ntitle: Impossible days\ndate: 2031-02-31\n---\n\nFeb. 31, 2031\n\n",
                "On February 31, 2031, Gen. Rowan Achterberg said talks should begin. On 30. Februar 2031 and on ",
                "2031-13-45 and on 0000-00-00 and on April 31st he said “a ceasefire now” again. ",
                "On 29 February 2031 and on 99999999-01-01 Moravec said no.\n\n", newsParagraph,
            ]
            return parts.joined()
        }),
        // Each one-word speaker is checked for speaking again elsewhere: once searched over the whole text per
        // speaker, which took seconds on 20,000 of them in a release build (a fuzzer's find).
        HostileInput("40,000 one-word speakers", file: "speakers.txt", text: { () -> String in
            let letters = Array("bdfgklmnprstvz"), vowels = Array("aeiou")
            let quotes = (0..<40_000).map { (index: Int) -> String in
                var name = "Q", rest = index
                for _ in 0..<3 {
                    name.append(letters[rest % letters.count]); rest /= letters.count
                    name.append(vowels[rest % vowels.count]); rest /= vowels.count
                }
                return "“We will talk,” \(name) said."
            }
            return "Title: Many voices\nDate: 2031-03-06\n\n" + quotes.joined(separator: " ")
        }),
        HostileInput("a web page full of escapes", file: "page.html", text: { () -> String in
            let head: String = "<!doctype html><html><head><title>" + escapeSequences
                + "</title><meta property=\"og:title\" content=\"\u{1B}[2J\"></head>"
            let parts: [String] = [
                head, "<body><article><h1>Talks\u{202E}</h1><p>", newsParagraph, "</p><p>", escapeSequences, "</p>",
                String(repeating: "<div>", count: 3_000), "deep", String(repeating: "</div>", count: 3_000),
                "</article></body></html>",
            ]
            return parts.joined()
        }),
    ]
}

/// What a watchdog's limit counts.
enum WatchdogClock {
    /// The CPU time of the worker thread, so that a machine loaded by other work slows a test
    /// without failing it; a thread stuck without using the CPU is still caught after twenty times
    /// the limit in wall-clock time.
    case workerCPU
    /// Wall-clock time, for work done by a child process (the worker thread only waits for it).
    case wallClock
}

/// Runs `work` on its own thread and stops waiting once it has used up `seconds` on `clock`: a hang
/// fails the test instead of stopping the whole run. Never a speed assertion: the limit is many
/// times the expected time.
func withinWatchdog<Value: Sendable>(seconds: Double, clock: WatchdogClock = .workerCPU,
                                     _ work: @escaping @Sendable () throws -> Value) throws -> Value? {
    let box = WatchdogBox<Value>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.setClock(of: pthread_self())
        box.set(Result { try work() })
        done.signal()
    }
    // The size a worker thread of the binary gets on Linux, so deep recursion fails here as it would there.
    thread.stackSize = 8 << 20
    thread.start()
    let wallClockLimit = DispatchTime.now() + (clock == .wallClock ? seconds : seconds * 20)
    while done.wait(timeout: .now() + 0.1) == .timedOut {
        if DispatchTime.now() > wallClockLimit || (clock == .workerCPU && box.cpuSeconds() > seconds) { return nil }
    }
    return try box.get()!.get()
}

private final class WatchdogBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Value, any Error>?
    private var clock: clockid_t?
    func set(_ value: Result<Value, any Error>) { lock.withLock { result = value } }
    func get() -> Result<Value, any Error>? { lock.withLock { result } }

    func setClock(of thread: pthread_t) {
        var id = clockid_t()
        guard pthread_getcpuclockid(thread, &id) == 0 else { return }
        lock.withLock { clock = id }
    }

    /// The CPU time the worker has used so far (0 until it has started, or once it has ended).
    func cpuSeconds() -> Double {
        guard let clock = lock.withLock({ clock }) else { return 0 }
        var time = timespec()
        guard clock_gettime(clock, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Characters that must never reach a terminal from an article: C0 and C1 controls (other than
/// line feed and tab where text is printed line by line) and bidi or other format characters.
func isTerminalHostile(_ scalar: Unicode.Scalar, allowing allowed: Set<Unicode.Scalar> = ["\n", "\t"]) -> Bool {
    if allowed.contains(scalar) { return false }
    if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return true }
    return scalar.properties.generalCategory == .format
}
