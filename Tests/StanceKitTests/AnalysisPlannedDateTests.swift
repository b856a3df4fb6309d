import Testing
@testable import StanceKit

/// A date that names the day of a planned event ("a planned April 10 summit", "talks planned for April 3") dates
/// no statement; a date after a bare article or on the verb still does.
@Suite("Analysis: days of planned events")
struct AnalysisPlannedDateTests {
    // 2031-04-17 was a Thursday.
    static func date(of words: String, in body: String) -> String? {
        AnalysisFixture.article(published: "2031-04-17", body).statement(containing: words)?.date?.description
    }

    @Test func aPlannedEventsDayDatesNoStatement() {
        #expect(Self.date(of: "never negotiate", in: """
            A planned April 10 summit was cancelled, President Lena Marsh told diplomats: “We will never negotiate.”
            """) == "2031-04-17")
        #expect(Self.date(of: "stalling", in: """
            Talks planned for April 3 collapsed, and the rebel envoy Marco Ortega said: “They were stalling.”
            """) == "2031-04-17")
        #expect(Self.date(of: "no quorum", in: """
            A vote set for April 12 never took place. “There was no quorum,” said Ruben Castell, the speaker.
            """) == "2031-04-17")
        #expect(Self.date(of: "wasted a month", in: """
            After the postponed April 2 meeting, Dana Holt, the mediator, said: “We have wasted a month.”
            """) == "2031-04-17")
        #expect(Self.date(of: "talks must go on", in: """
            The rescheduled March 30 round was dropped, Foreign Minister Clara Neves said: “The talks must go on.”
            """) == "2031-04-17")
    }

    @Test func aDayOnTheSayingStillDatesIt() {
        #expect(Self.date(of: "good path", in: """
            In the Friday phone call, Lena Marsh said the talks “are on a good path.”
            """) == "2031-04-11")
        #expect(Self.date(of: "resume at once", in: """
            Lena Marsh said on April 10 that the talks “must resume at once.”
            """) == "2031-04-10")
        #expect(Self.date(of: "We are ready", in: """
            “We are ready,” Lena Marsh said on April 12 of the planned vote.
            """) == "2031-04-12")
    }
}
