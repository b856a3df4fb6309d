import Testing
import TextWidth
@testable import StanceKit

/// The reports as exact text: a change in layout shows up here as a readable diff.
@Suite struct ComparisonReportTests {
    typealias F = ComparisonFixture
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    var adaAndCarl: ActorComparison {
        ActorComparison.make(left: F.ada, right: F.carl, statements: F.statements, frame: F.frame, by: .week)
    }

    @Test func compareTableAtEightyColumns() {
        #expect(adaAndCarl.compareTable(width: 80) == """
        Comparison of Ada Brenner and Carl Dorn, by week; opposite positions in 2 of 4
          weeks

        Left: Ada Brenner, foreign minister (person)
          2031-03-04 to 2031-04-10
          5 statements: 3 ◇ diplomacy, 2 ▲ support
          first ◇ diplomacy 2031-03-04; latest ▲ support 2031-04-08
          shift 2031-03-26: ◇ diplomacy → ▲ support
          shift 2031-03-27: ▲ support → ◇ diplomacy
          shift 2031-04-08: ◇ diplomacy → ▲ support
        Right: Carl Dorn, opposition leader (person)
          2031-03-04 to 2031-04-10
          5 statements: 0 ◇ diplomacy, 4 ▲ support, 1 · none
          first ▲ support 2031-03-05; latest ▲ support 2031-04-09
          no change of position
        Key: ◇ diplomacy, ▲ support, ± mixed, · none, ≠ opposite positions

        Week         │ Ada Brenner                     │ Carl Dorn
        ─────────────┼─────────────────────────────────┼────────────────────────────────
        2031-W10 ≠   │ ◇ 2031-03-04 Daily Star         │ ▲ 2031-03-05 Herald
                     │ "We must talk to them before it │ "Only strength deters
                     │ is too late."                   │ aggression."
        ─────────────┼─────────────────────────────────┼────────────────────────────────
        2031-W11 ≠   │ ◇ 2031-03-12 Herald             │ ▲ 2031-03-13 Daily Star
                     │ negotiations remain the only    │ "Send the aid now."
                     │ path                            │
        ─────────────┼─────────────────────────────────┼────────────────────────────────
        2031-W13     │ ▲ 2031-03-26 Daily Star         │ ▲ 2031-03-26 Daily Star
                     │ "They leave us no choice but to │ "Arm them."
                     │ arm our allies."                │
                     │ ◇ 2031-03-27 Herald             │
                     │ a ceasefire still deserves a    │
                     │ chance                          │
        ─────────────┼─────────────────────────────────┼────────────────────────────────
        2031-W15     │ ▲ 2031-04-08 Herald             │ ▲ 2031-04-09 Daily Star
                     │ "Aid must flow."                │ "We stand by our allies."
                     │                                 │ · 2031-04-10
                     │                                 │ "We will see."

        """)
    }

    @Test func compareTableAtFiftyColumns() {
        #expect(adaAndCarl.compareTable(width: 50) == """
        Comparison of Ada Brenner and Carl Dorn, by week;
          opposite positions in 2 of 4 weeks

        Left: Ada Brenner, foreign minister (person)
          2031-03-04 to 2031-04-10
          5 statements: 3 ◇ diplomacy, 2 ▲ support
          first ◇ diplomacy 2031-03-04;
            latest ▲ support 2031-04-08
          shift 2031-03-26: ◇ diplomacy → ▲ support
          shift 2031-03-27: ▲ support → ◇ diplomacy
          shift 2031-04-08: ◇ diplomacy → ▲ support
        Right: Carl Dorn, opposition leader (person)
          2031-03-04 to 2031-04-10
          5 statements: 0 ◇ diplomacy, 4 ▲ support,
            1 · none
          first ▲ support 2031-03-05;
            latest ▲ support 2031-04-09
          no change of position
        Key: ◇ diplomacy, ▲ support, ± mixed, · none,
             ≠ opposite positions

        Week         │ Ada Brenner      │ Carl Dorn
        ─────────────┼──────────────────┼─────────────────
        2031-W10 ≠   │ ◇ 2031-03-04     │ ▲ 2031-03-05
                     │ Daily Star       │ Herald
                     │ "We must talk to │ "Only strength
                     │ them before it   │ deters
                     │ is too late."    │ aggression."
        ─────────────┼──────────────────┼─────────────────
        2031-W11 ≠   │ ◇ 2031-03-12     │ ▲ 2031-03-13
                     │ Herald           │ Daily Star
                     │ negotiations     │ "Send the aid
                     │ remain the only  │ now."
                     │ path             │
        ─────────────┼──────────────────┼─────────────────
        2031-W13     │ ▲ 2031-03-26     │ ▲ 2031-03-26
                     │ Daily Star       │ Daily Star
                     │ "They leave us   │ "Arm them."
                     │ no choice but to │
                     │ arm our allies." │
                     │ ◇ 2031-03-27     │
                     │ Herald           │
                     │ a ceasefire      │
                     │ still deserves a │
                     │ chance           │
        ─────────────┼──────────────────┼─────────────────
        2031-W15     │ ▲ 2031-04-08     │ ▲ 2031-04-09
                     │ Herald           │ Daily Star
                     │ "Aid must flow." │ "We stand by our
                     │                  │ allies."
                     │                  │ · 2031-04-10
                     │                  │ "We will see."

        """)
    }

    @Test func compareTableMeasuresWideCharactersInColumns() {
        let comparison = ActorComparison.make(left: F.wang, right: F.league, statements: F.statements,
                                              frame: F.frame, by: .month)
        #expect(comparison.compareTable(width: 60) == """
        Comparison of 王小明 and Eastern League, by month

        Left: 王小明, envoy (person)
          2031-03-11 to 2031-04-07
          1 statement: 1 ◇ diplomacy, 0 ▲ support
          first ◇ diplomacy 2031-03-12;
            latest ◇ diplomacy 2031-03-12
          no change of position
        Right: Eastern League (organization)
          2031-03-11 to 2031-04-07
          2 statements: 1 ◇ diplomacy, 1 ▲ support
          first ◇ diplomacy 2031-03-11; latest ▲ support 2031-04-07
          shift 2031-04-07: ◇ diplomacy → ▲ support
        Key: ◇ diplomacy, ▲ support, ± mixed, · none,
             ≠ opposite positions

        Month      │ 王小明                 │ Eastern League
        ───────────┼────────────────────────┼───────────────────────
        Mar 2031   │ ◇ 2031-03-12 环球日报  │ ◇ 2031-03-11 Daily
                   │ "我们必须通过谈判解决  │ Star
                   │ 这场冲突。"            │ The League calls for
                   │                        │ talks.
        ───────────┼────────────────────────┼───────────────────────
        Apr 2031   │                        │ ▲ 2031-04-07 Daily
                   │                        │ Star
                   │                        │ The League backs the
                   │                        │ aid package.

        """)
    }

    @Test func compareTableOfOneActorInTwoPeriodsShowsBothWeeks() {
        let comparison = ActorComparison.make(actor: F.ada, period: day("2031-03-01")...day("2031-03-31"),
                                              against: day("2031-04-01")...day("2031-04-30"),
                                              statements: F.statements, frame: F.frame, by: .week)
        #expect(comparison.compareTable(width: 70) == """
        Comparison of Ada Brenner, 2031-03-01 to 2031-03-31 against
          2031-04-01 to 2031-04-30, by week; opposite positions in 1 of 3
          weeks

        Left: Ada Brenner, foreign minister (person)
          2031-03-01 to 2031-03-31
          4 statements: 3 ◇ diplomacy, 1 ▲ support
          first ◇ diplomacy 2031-03-04; latest ◇ diplomacy 2031-03-27
          shift 2031-03-26: ◇ diplomacy → ▲ support
          shift 2031-03-27: ▲ support → ◇ diplomacy
        Right: Ada Brenner, foreign minister (person)
          2031-04-01 to 2031-04-30
          1 statement: 0 ◇ diplomacy, 1 ▲ support
          first ▲ support 2031-04-08; latest ▲ support 2031-04-08
          no change of position
        Key: ◇ diplomacy, ▲ support, ± mixed, · none, ≠ opposite positions

        Week         │ Ada Brenner 2031-03-01 to  │ Ada Brenner 2031-04-01 to
                     │ 2031-03-31                 │ 2031-04-30
        ─────────────┼────────────────────────────┼───────────────────────────
        2031-W10 ≠   │ ◇ 2031-03-04 Daily Star    │ ▲ 2031-04-08 Herald
        2031-W15     │ "We must talk to them      │ "Aid must flow."
                     │ before it is too late."    │
        ─────────────┼────────────────────────────┼───────────────────────────
        2031-W11     │ ◇ 2031-03-12 Herald        │
        2031-W16     │ negotiations remain the    │
                     │ only path                  │
        ─────────────┼────────────────────────────┼───────────────────────────
        2031-W13     │ ▲ 2031-03-26 Daily Star    │
        2031-W18     │ "They leave us no choice   │
                     │ but to arm our allies."    │
                     │ ◇ 2031-03-27 Herald        │
                     │ a ceasefire still deserves │
                     │ a chance                   │

        """)
    }

    @Test func timelineChartSpreadsFewWeeks() {
        let timeline = CorpusTimeline.make(statements: F.statements, frame: F.frame, by: .week)
        #expect(timeline.timelineChart(width: 60) == """
        Timeline by week, 2031-W10 to 2031-W15: 4 actors, 6 weeks
        Key: ◇ diplomacy, ▲ support, ± mixed, · none,
             blank: said nothing

                       2031-W10    W13 W14 W15
                       |           |   |   |
        Ada Brenner    ◇   ◇       ±       ▲
        Carl Dorn      ▲   ▲       ▲       ▲
        Eastern League     ◇               ▲
        王小明             ◇

        Changes of position:
          Ada Brenner: 2031-04-08 ◇→▲
          Eastern League: 2031-04-07 ◇→▲

        """)
    }

    @Test func timelineChartContinuesInBlocksWhenNarrow() {
        let timeline = CorpusTimeline.make(statements: F.statements, frame: F.frame, by: .day)
        #expect(timeline.timelineChart(width: 40) == """
        Timeline by day, 2031-03-04 to
          2031-04-10: 4 actors, 38 days
        Key: ◇ diplomacy, ▲ support, ± mixed,
             · none, blank: said nothing

                      2031-03-04 03-15 03-21
                      |          |     |
        Ada Brenner   ◇       ◇             ▲◇
        Carl Dorn      ▲       ▲            ▲
        Eastern Leag…        ◇
        王小明                ◇

                      2031-03-30 04-10
                      |          |
        Ada Brenner            ▲
        Carl Dorn               ▲·
        Eastern Leag…         ▲
        王小明

        Changes of position:
          Ada Brenner: 2031-03-26 ◇→▲,
            2031-03-27 ▲→◇, 2031-04-08 ◇→▲
          Eastern League: 2031-04-07 ◇→▲

        """)
    }

    @Test func agreementTable() {
        let matrix = AgreementMatrix.make(statements: F.statements, frame: F.frame, by: .week)
        #expect(matrix.agreementTable() == """
        Agreement by week
        Cells: agreements/disagreements in weeks in which both took a position
                            1    2    3    4
        1 Ada Brenner       ·  1/2  2/0  1/0
        2 Carl Dorn       1/2    ·  1/1  0/1
        3 Eastern League  2/0  1/1    ·  1/0
        4 王小明          1/0  0/1  1/0    ·

        """)
    }

    @Test(arguments: [24, 36, 50, 64, 80, 120])
    func reportsFitTheWidthAndCarryNoTerminalCodes(width: Int) {
        let comparisons = [
            adaAndCarl,
            ActorComparison.make(left: F.wang, right: F.ada, statements: F.statements, frame: F.frame, by: .day),
        ]
        let timelines = BucketSize.allCases.map {
            CorpusTimeline.make(statements: F.statements, frame: F.frame, by: DateBucketing($0))
        }
        let reports = comparisons.map { $0.compareTable(width: width) }
            + timelines.map { $0.timelineChart(width: width) }
        for report in reports {
            #expect(!report.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
            #expect(!report.contains("\u{00A0}"))
            for line in report.split(separator: "\n") {
                #expect(TextWidth.columns(line) <= width, "\(line)")
            }
        }
    }

    @Test func narrowCompareTableStacksTheSides() {
        let report = adaAndCarl.compareTable(width: 34)
        #expect(report.hasSuffix("""
            2031-W15
              Ada Brenner
                ▲ 2031-04-08 Herald
                "Aid must flow."
              Carl Dorn
                ▲ 2031-04-09 Daily Star
                "We stand by our allies."
                · 2031-04-10
                "We will see."

            """))
        #expect(report.contains("2031-W10 ≠\n  Ada Brenner\n"))
    }

    @Test func emptyResultsSaySo() {
        let nobody = Actor(id: "nobody", name: "Nobody", kind: .group)
        let comparison = ActorComparison.make(left: nobody, right: nobody, statements: [], frame: F.frame)
        #expect(comparison.compareTable(width: 40).hasSuffix("No statements by either side in the period.\n"))
        #expect(CorpusTimeline.make(statements: [], frame: F.frame).timelineChart(width: 40)
                == "Timeline by week\nNo statements to show.\n")
        #expect(AgreementMatrix.make(statements: [], frame: F.frame).agreementTable().hasSuffix("No actor took a position.\n"))
    }
}
