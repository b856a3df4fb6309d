@testable import StanceApp
import StanceKit
import Terminal
import Testing

/// The fixture corpus and one later article in which the city engineer turns to repair, so that
/// comparisons and the corpus timeline have a change of position to find.
enum CompareFixtures {
    static let engineerRelents = Fixtures.analysis(
        file: "courier-2026-04-20.txt", title: "Engineer Now Says the Old Steel Can Be Saved", source: "Riverton Courier",
        published: "2026-04-20", byline: ["Sam Lindqvist"],
        blocks: [
            (.headline, "Engineer Now Says the Old Steel Can Be Saved"),
            (.body, "After a second survey, Tomas Reyes told the council that “the old steel can be saved after all,” a reversal that surprised the mayor."),
        ],
        actors: [Fixtures.reyes],
        statements: [
            Fixtures.StatementSpec(id: "v1", actor: "a2", kind: .direct, quote: "the old steel can be saved after all",
                                   stance: "repair", date: "2026-04-20"),
        ])

    static var store: InMemoryWorkbenchStore {
        InMemoryWorkbenchStore(frame: Fixtures.frame, analyses: [Fixtures.costsRise, Fixtures.councilVotes,
                                                                 Fixtures.councilSplit, engineerRelents])
    }

    static func runtime(_ size: Size = Size(width: 160, height: 48)) -> WorkbenchRuntime<TestBackend> {
        Fixtures.runtime(size, store: store)
    }
}

extension WorkbenchRuntime where Backend == TestBackend {
    /// Types `command` on the `:` line and runs it.
    @discardableResult
    func command(_ command: String) -> Screen {
        press(.char(":"))
        type(command)
        return press(.enter)
    }

    /// Compares Lena Brandt with Tomas Reyes the way a user does: select, C, type, Enter.
    func compareMayorWithEngineer() {
        command("select-actor Lena Brandt")
        press(.char("2"), .char("C"))
        type("tom")
        press(.enter)
    }
}

@Suite struct CompareViewTests {
    @Test func storeDatesEveryStatementWithCorpusActorsAndArticleIDs() {
        let statements = CompareFixtures.store.datedStatements(of: nil)
        #expect(statements.count == 13)
        let reyes = statements.filter { $0.actor.id == "tomas reyes" }
        #expect(reyes.map(\.id) == ["s3", "s4", "t1", "v1"])
        #expect(reyes.allSatisfy { $0.actor.name == "Tomas Reyes" && $0.actor.role == "city engineer" })
        #expect(Set(reyes.map(\.articleID)) == ["gazette-2026-03-02.txt", "courier-2026-03-16.txt", "courier-2026-04-20.txt"])
        #expect(statements.first { $0.id == "t1" }?.articleTitle == "Engineers Back New Bridge as Costs Rise")
    }

    @Test func pickerCompletesTheOtherActorAndOpensTheComparison() {
        let runtime = CompareFixtures.runtime()
        runtime.command("select-actor Lena Brandt")
        runtime.press(.char("2"), .char("C"))
        guard case .actorPicker(let picker) = runtime.state.overlay else {
            Issue.record("no actor picker")
            return
        }
        #expect(picker.subject == "lena brandt")
        #expect(!picker.rows.contains { $0.id == "lena brandt" })
        runtime.type("tom")
        guard case .actorPicker(let filtered) = runtime.state.overlay else { return }
        #expect(filtered.rows.map(\.name) == ["Tomas Reyes"])
        #expect(runtime.screen.lines.contains { $0.contains("Compare Lena Brandt with…") })
        runtime.press(.enter)
        #expect(runtime.state.overlay == .comparison)
        let comparison = runtime.state.comparison!.comparison
        #expect(comparison.left.actor.name == "Lena Brandt" && comparison.right.actor.name == "Tomas Reyes")
        #expect(comparison.rows.map(\.leftBucket.label) == ["2026-W10", "2026-W11", "2026-W14", "2026-W17"])
        #expect(comparison.rows.map(\.isOpposed) == [true, true, false, false])
        #expect(runtime.screen.lines.contains { $0.contains("≠") })
    }

    @Test func commandLineComparesTwoNamedActorsWithCompletion() {
        let runtime = CompareFixtures.runtime()
        runtime.press(.char(":"))
        runtime.type("compare-actors Lena B")
        runtime.press(.tab)
        guard case .commandLine(let line) = runtime.state.mode else {
            Issue.record("command line closed")
            return
        }
        #expect(line.input.text == "compare-actors Lena Brandt")
        runtime.type(" Pri")
        runtime.press(.tab)
        guard case .commandLine(let second) = runtime.state.mode else { return }
        #expect(second.input.text == "compare-actors Lena Brandt Priya Nair")
        runtime.press(.enter)
        #expect(runtime.state.comparison?.comparison.right.actor.name == "Priya Nair")
        runtime.press(.escape)
        #expect(runtime.state.overlay == nil && runtime.state.comparison == nil)
        runtime.command("compare tomas reyes vs jonas weber")
        #expect(runtime.state.comparison?.comparison.left.actor.name == "Tomas Reyes")
        runtime.command("compare Nobody Here")
        #expect(runtime.state.message?.isError == true)
    }

    @Test func headerSummarisesEachSideAndItsChanges() {
        let runtime = CompareFixtures.runtime()
        runtime.command("compare Lena Brandt Tomas Reyes")
        let reyes = runtime.state.comparison!.comparison.right
        #expect(reyes.tally.count("replace") == 3 && reyes.tally.count("repair") == 1)
        #expect(reyes.shifts.map(\.date.description) == ["2026-04-20"])
        let lines = runtime.screen.lines
        #expect(lines.contains { $0.contains("Tomas Reyes · city engineer") })
        #expect(lines.contains { $0.contains("changed ▲→◆ 2026-04-20") })
        #expect(lines.contains { $0.contains("first ◆ 2026-03-02") && $0.contains("first ▲ 2026-03-02") })
    }

    @Test func keysMoveSwapRebucketAndWindow() {
        let runtime = CompareFixtures.runtime()
        runtime.compareMayorWithEngineer()
        runtime.press(.char("j"), .char("j"))
        #expect(runtime.state.comparison?.cursor == 2)
        runtime.press(.char("k"))
        #expect(runtime.state.comparison?.cursor == 1)
        runtime.press(.char("s"))
        #expect(runtime.state.comparison?.comparison.left.actor.name == "Tomas Reyes")
        #expect(runtime.state.comparison?.cursor == 1)
        runtime.press(.char("b"))
        #expect(runtime.state.comparison?.bucket == .month)
        #expect(runtime.state.comparison?.comparison.rows.map(\.leftBucket.label) == ["Mar 2026", "Apr 2026"])
        runtime.press(.char("b"))
        #expect(runtime.state.comparison?.bucket == .day)
        // A window of 14 days from the first statement.
        runtime.press(.char("]"))
        #expect(runtime.state.comparison?.windowStart?.description == "2026-03-02")
        #expect(runtime.state.comparison?.comparison.rows.map(\.leftBucket.label) == ["2026-03-02", "2026-03-13", "2026-03-15"])
        runtime.press(.char(">"))
        #expect(runtime.state.comparison?.windowStart?.description == "2026-03-16")
        // Neither spoke in the second fortnight.
        #expect(runtime.state.comparison?.comparison.rows.isEmpty == true)
        #expect(runtime.screen.lines.contains { $0.contains("Neither said anything in this period") })
        runtime.press(.char("a"))
        #expect(runtime.state.comparison?.windowStart == nil)
        #expect(runtime.state.comparison?.comparison.rows.count == 5)
    }

    @Test func oneActorAcrossTwoPeriods() {
        let runtime = CompareFixtures.runtime()
        runtime.compareMayorWithEngineer()
        runtime.press(.char("l"), .char("p"))
        guard case .periods(let actor, let earlier, let later)? = runtime.state.comparison?.subject else {
            Issue.record("not a comparison of periods")
            return
        }
        #expect(actor == "tomas reyes")
        // Reyes spoke on three days: the first is the earlier half, the other two the later.
        #expect(earlier.lowerBound.description == "2026-03-02" && earlier.upperBound.description == "2026-03-02")
        #expect(later.lowerBound.description == "2026-03-13" && later.upperBound.description == "2026-04-20")
        let comparison = runtime.state.comparison!.comparison
        #expect(comparison.alignment == .offset)
        #expect(comparison.left.statementCount + comparison.right.statementCount == 4)
        #expect(runtime.screen.lines.contains { $0.contains("Tomas Reyes, earlier and later") })
    }

    @Test func enterOpensTheStatementAndEscapeComesBack() {
        let runtime = CompareFixtures.runtime()
        runtime.compareMayorWithEngineer()
        runtime.press(.char("j"), .char("l"), .enter)
        #expect(runtime.state.overlay == nil)
        #expect(runtime.state.focus == .article)
        #expect(runtime.state.currentArticle?.summary.id == "courier-2026-03-16.txt")
        let current = runtime.state.article.prepared!.statements[runtime.state.article.currentStatement!]
        #expect(current.id == "t1")
        runtime.press(.escape)
        #expect(runtime.state.overlay == .comparison)
        #expect(runtime.state.comparison?.cursor == 1)
        runtime.press(.escape)
        #expect(runtime.state.comparison == nil)
    }

    @Test func computesOncePerChangeNotPerFrame() {
        let runtime = CompareFixtures.runtime()
        runtime.compareMayorWithEngineer()
        let before = runtime.state.comparison!.comparison
        runtime.press(.char("j"), .char("l"), .char("k"))
        #expect(runtime.state.comparison!.comparison == before)
    }

    @Test func screens() {
        for size in [Size(width: 160, height: 48), Size(width: 100, height: 30)] {
            let runtime = CompareFixtures.runtime(size)
            runtime.compareMayorWithEngineer()
            ScreenExpectation.check(runtime.press(.char("j")), named: "compare-\(size.width)x\(size.height)")
        }
        let picker = CompareFixtures.runtime(Size(width: 100, height: 30))
        picker.command("select-actor Lena Brandt")
        picker.press(.char("2"), .char("C"))
        ScreenExpectation.check(picker.type("r"), named: "compare-picker-100x30")
    }
}

@Suite struct CorpusTimelineTests {
    @Test func toggleShowsEveryActorsLeaningPerWeek() {
        let runtime = CompareFixtures.runtime()
        runtime.press(.char("3"), .char("C"))
        let mode = try! #require(runtime.state.corpusTimeline)
        #expect(mode.timeline.lanes.map(\.actor.name)
            == ["Bridge Heritage Society", "Jonas Weber", "Lena Brandt", "Priya Nair", "Tomas Reyes"])
        #expect(mode.timeline.buckets.first?.label == "2026-W10" && mode.timeline.buckets.last?.label == "2026-W17")
        let nair = mode.timeline.lane(for: "priya nair")!
        #expect(nair.cells.map(\.leaning) == [Frame.none, Frame.mixed, "replace"])
        #expect(runtime.screen.lines.contains { $0.contains("Timeline · corpus · by week") })
        runtime.press(.char("C"))
        #expect(runtime.state.corpusTimeline == nil)
    }

    @Test func nextChangeJumpsToTheSelectedActorsShift() {
        let runtime = CompareFixtures.runtime()
        runtime.command("select-actor Tomas Reyes")
        runtime.press(.char("3"), .char("C"))
        #expect(runtime.state.corpusTimeline?.timeline.lanes[runtime.state.corpusTimeline!.lane].actor.name == "Tomas Reyes")
        runtime.press(.char("g"))
        for _ in 0..<10 { runtime.press(.char("h")) }
        #expect(runtime.state.corpusTimeline?.period == 0)
        runtime.press(.char("n"))
        #expect(runtime.state.corpusTimeline.map { $0.timeline.buckets[$0.period].label } == "2026-W17")
        #expect(runtime.state.message?.text == "Tomas Reyes: ▲ replace → ◆ repair on 2026-04-20")
        runtime.press(.char("n"))
        #expect(runtime.state.message?.text == "No later change of position for Tomas Reyes")
        runtime.press(.char("N"))
        #expect(runtime.state.message?.text == "No earlier change of position for Tomas Reyes")
    }

    @Test func filtersCountsAndZoom() {
        let runtime = CompareFixtures.runtime()
        runtime.press(.char("3"), .char("C"))
        runtime.command("timeline-filter kind organization")
        #expect(runtime.state.corpusTimeline?.timeline.lanes.map(\.actor.name) == ["Bridge Heritage Society"])
        #expect(runtime.screen.lines.contains { $0.contains("kind organization") })
        runtime.press(.escape)
        runtime.command("timeline-filter position replace")
        #expect(runtime.state.corpusTimeline?.timeline.lanes.map(\.actor.name) == ["Priya Nair", "Tomas Reyes"])
        runtime.press(.escape)
        runtime.command("timeline-filter outlet harbour gazette")
        #expect(runtime.state.corpusTimeline?.timeline.lanes.map(\.actor.name)
            == ["Jonas Weber", "Lena Brandt", "Priya Nair", "Tomas Reyes"])
        runtime.command("timeline-filter colour blue")
        #expect(runtime.state.message?.isError == true)
        runtime.press(.escape, .char("c"))
        #expect(runtime.state.corpusTimeline?.showsCounts == true)
        runtime.press(.char("-"))
        #expect(runtime.state.corpusTimeline?.timeline.buckets.map(\.label) == ["Mar 2026", "Apr 2026"])
        runtime.press(.char("-"))
        #expect(runtime.state.message?.text == "Already showing months")
        runtime.press(.char("+"), .char("+"))
        #expect(runtime.state.corpusTimeline?.bucket == .day)
    }

    @Test func screens() {
        for size in [Size(width: 160, height: 48), Size(width: 100, height: 30)] {
            let runtime = CompareFixtures.runtime(size)
            runtime.command("select-actor Tomas Reyes")
            runtime.press(.char("3"), .char("C"), .char("c"))
            ScreenExpectation.check(runtime.screen, named: "corpus-timeline-\(size.width)x\(size.height)")
        }
    }
}

@Suite struct AgreementPaneTests {
    @Test func showsWhoAgreesAndDisagreesWithTheSelectedActor() {
        let runtime = CompareFixtures.runtime(Size(width: 100, height: 30))
        runtime.command("select-actor Lena Brandt")
        runtime.press(.char("2"), .char("A"))
        let agreement = try! #require(runtime.state.agreement)
        let partners = agreement.partners(of: "lena brandt", name: runtime.state.name(of:))
        #expect(partners.disagreeing == [PeriodPositions.Partner(actorID: "tomas reyes", times: 2)])
        #expect(partners.agreeing.isEmpty)
        // The same counts as the matrix made from every statement.
        let matrix = AgreementMatrix.make(statements: CompareFixtures.store.datedStatements(of: nil), frame: Fixtures.frame)
        for actor in runtime.state.corpus.actors.map(\.id) {
            let counted = agreement.partners(of: actor, name: runtime.state.name(of:))
            #expect(counted.agreeing.map { [$0.actorID: $0.times] } == matrix.agreeing(with: actor).map { [$0.actor.id: $0.times] })
            #expect(counted.disagreeing.map { [$0.actorID: $0.times] }
                    == matrix.disagreeing(with: actor).map { [$0.actor.id: $0.times] })
        }
        let lines = runtime.screen.lines
        #expect(lines.contains { $0.contains("Agreement · by week") })
        #expect(lines.contains { $0.contains("Tomas Reyes") && $0.contains("2 weeks") })
        // Another actor: the pane follows the cursor.
        runtime.command("select-actor Bridge Heritage Society")
        #expect(runtime.screen.lines.contains { $0.contains("▸ Bridge Heritage Society") })
        runtime.press(.char("2"), .char("A"))
        #expect(runtime.state.agreement == nil)
    }
}

@Suite struct CorpusTimelineOpeningTests {
    @Test func enterOpensThePeriodsFirstStatement() {
        let runtime = CompareFixtures.runtime()
        runtime.command("select-actor Tomas Reyes")
        runtime.press(.char("3"), .char("C"), .enter)
        #expect(runtime.state.focus == .article)
        #expect(runtime.state.currentArticle?.summary.id == "courier-2026-04-20.txt")
        let current = runtime.state.article.prepared!.statements[runtime.state.article.currentStatement!]
        #expect(current.id == "v1")
    }
}
