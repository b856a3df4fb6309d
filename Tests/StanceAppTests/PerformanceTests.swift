#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StanceApp
import StanceKit
import Terminal
import Testing

/// Keypress-to-frame cost on a long article: update plus render at 200x60, a 50,000-word article.
@Suite struct PerformanceTests {
    /// A long article of invented sentences, with a statement and two mentions in every paragraph.
    static func longAnalysis(words: Int) -> ArticleAnalysis {
        let vocabulary = ["the", "council", "bridge", "river", "engineer", "survey", "repair", "cost", "vote",
                          "town", "steel", "span", "history", "budget", "hearing", "residents", "plan", "future"]
        var text = ""
        var blocks: [Block] = []
        var statements: [Statement] = []
        var mentions: [TextSpan] = []
        var written = 0
        var scalars = 0
        func append(_ piece: String) {
            text += piece
            scalars += piece.unicodeScalars.count
        }
        var paragraph = 0
        while written < words {
            let start = scalars
            append("Mayor Brandt said: “")
            mentions.append(TextSpan(start: start, end: start + 12))
            let quoteStart = scalars
            for index in 0..<20 { append((index == 0 ? "" : " ") + vocabulary[(paragraph * 7 + index) % vocabulary.count]) }
            let quoteEnd = scalars
            append(".” ")
            for index in 0..<80 { append(vocabulary[(paragraph * 13 + index * 5) % vocabulary.count] + (index % 12 == 11 ? ". " : " ")) }
            let mention = scalars
            append("Ms. Brandt agreed.")
            mentions.append(TextSpan(start: mention, end: mention + 10))
            written += 104
            blocks.append(Block(role: .body, span: TextSpan(start: start, end: scalars)))
            statements.append(Statement(id: "s\(paragraph)", actorID: "a1", kind: .direct,
                                        text: "quote \(paragraph)", span: TextSpan(start: quoteStart, end: quoteEnd),
                                        date: Day(iso: "2026-03-02")!.adding(days: paragraph % 60),
                                        stance: paragraph % 3 == 0 ? "replace" : "repair"))
            append("\n\n")
            paragraph += 1
        }
        let article = Article(file: "long.txt", title: "A Very Long Article", source: "Gazette",
                              published: Day(iso: "2026-03-02"), text: text, blocks: blocks)
        let actor = Actor(id: "a1", name: "Lena Brandt", kind: .person, mentions: mentions, stance: "repair")
        return ArticleAnalysis(article: article, actors: [actor], statements: statements)
    }

    @Test func keypressToFrameStaysWithinBudget() {
        let store = InMemoryWorkbenchStore(frame: Fixtures.frame, analyses: [Self.longAnalysis(words: 50_000)])
        let runtime = Fixtures.runtime(Size(width: 200, height: 60), store: store)
        var state = runtime.state
        #expect(state.article.layout != nil)
        _ = update(&state, .key(.char("/")))
        for character in "bridge" { _ = update(&state, .key(.char(character))) }
        _ = update(&state, .key(.enter))
        let keys: [Key] = [.char("j"), .ctrl("d"), .char("]"), .char("n"), .pageDown, .char("k"), .char("["), .char("N"),
                           .char("w"), .char(")"), .char("v"), .char("}"), .char("e"), .char("("), .escape, .char("b")]
        var screen = Screen(size: state.size)
        var wall: [Duration] = []
        var cpu: [Duration] = []
        let clock = ContinuousClock()
        for round in 0..<240 {
            let key = keys[round % keys.count]
            let cpuStart = Self.threadCPUTime()
            let elapsed = clock.measure {
                _ = update(&state, .key(key))
                render(state, into: &screen)
            }
            cpu.append(Self.threadCPUTime() - cpuStart)
            wall.append(elapsed)
        }
        wall.sort()
        cpu.sort()
        let median = cpu[cpu.count / 2]
        // CPU time of this thread, so that other work on a busy machine does not count; wall time
        // is printed beside it.
        print("keypress-to-frame at 200x60, 50,000 words: CPU median \(median), p90 \(cpu[cpu.count * 9 / 10]); "
              + "wall median \(wall[wall.count / 2])")
        #expect(screen.lines.contains { $0.contains("Brandt") })
        #if DEBUG
        #expect(median < .milliseconds(40))
        #else
        #expect(median <= .milliseconds(2))
        #endif
    }

    static func threadCPUTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
}
