import Foundation

/// Monotonic time in seconds, for intervals only.
func now() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
}

/// Seconds `work` took.
func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = now()
    try work()
    return now() - start
}

/// CPU time of the calling thread in seconds: what a piece of work cost, whatever else ran.
func threadProcessorTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Order statistics of repeated timings (nearest rank, so p99 is a value that was observed).
struct Timings {
    private(set) var sorted: [Double]

    init(_ values: [Double]) { sorted = values.sorted() }

    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    var median: Double { percentile(50) }
    var count: Int { sorted.count }
}

/// Resident memory from the kernel's own accounting. The peak (VmHWM) can be reset between phases
/// by writing 5 to /proc/self/clear_refs, so each phase reports its own peak; getrusage's maxrss
/// cannot be reset and is the peak of the whole run.
enum Memory {
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// The peak resident set since the last reset, in bytes (nil where /proc is not there).
    static func phasePeak() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap { Int($0) }
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }

    /// getrusage's maxrss for the whole process, in bytes (Linux reports kilobytes).
    static func processPeak() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}

/// One row of the result table.
struct Row {
    enum Verdict: String { case pass, fail, info = "-" }
    var measure: String
    var value: String
    var target: String
    var verdict: Verdict

    init(_ measure: String, _ value: String, target: String = "", pass: Bool?) {
        self.measure = measure
        self.value = value
        self.target = target
        self.verdict = pass.map { $0 ? .pass : .fail } ?? .info
    }
}

/// Prints rows as an aligned plain-text table (Markdown pipes, so it pastes into the docs).
func printTable(_ rows: [Row]) {
    let header = Row("measure", "value", target: "target", pass: nil)
    let all = [header] + rows
    let widths = [all.map(\.measure.count).max()!, all.map(\.value.count).max()!, all.map(\.target.count).max()!, 4]
    func line(_ cells: [String]) -> String {
        "| " + zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |"
    }
    print(line([header.measure, header.value, header.target, "pass"]))
    print("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
    for row in rows { print(line([row.measure, row.value, row.target, row.verdict.rawValue])) }
}

func formatMilliseconds(_ value: Double) -> String { String(format: "%.2f ms", value * 1000) }
func formatSeconds(_ value: Double) -> String { String(format: "%.2f s", value) }
func formatMegabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }
func formatCount(_ value: Double) -> String {
    let digits = String(Int(value.rounded()))
    var grouped = ""
    for (index, character) in digits.reversed().enumerated() {
        if index > 0, index.isMultiple(of: 3) { grouped.append(",") }
        grouped.append(character)
    }
    return String(grouped.reversed())
}
