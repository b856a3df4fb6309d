import Testing
@testable import StanceKit

/// A sentence with two date phrases: the one on the verb of saying dates the statement, not the day of the event the
/// statement announces or of another act. Invented sentences; the articles are published on Saturday 2031-05-10.
@Suite("Analysis: the date on the verb of saying")
struct AnalysisStatementDatesVerbTests {
    @Test(arguments: [
        ("The pause, starting on May 3, was announced on Thursday by Defence Minister Ivo Brandt, who said “both armies will hold their fire.”",
         "both armies will hold their fire", "2031-05-08"),
        ("Defence Minister Ivo Brandt sent a note to the mediators on Sunday and said Tuesday that “talks will resume within days.”",
         "talks will resume within days", "2031-05-06"),
        ("Effective May 5, the curfew is lifted, Interior Minister Ana Ruiz said on Wednesday: “We want people to return home.”",
         "We want people to return home", "2031-05-07"),
        ("From May 4 the border crossing reopened, Foreign Minister Jan Novak told reporters Thursday, adding that “trade must flow again.”",
         "trade must flow again", "2031-05-08"),
        ("The truce that took effect on Monday was welcomed on Friday by the envoy Rosa Lim, who said “this is a first step.”",
         "this is a first step", "2031-05-09"),
        ("Under the accord, which entered into force on May 1, the rebels must disarm, the AU mediator Olusegun Bako said on Wednesday: “The guns must fall silent.”",
         "The guns must fall silent", "2031-05-07"),
    ])
    func theDateOnTheSpeechVerbWins(sentence: String, words: String, day: String) {
        let a = AnalysisFixture.article(published: "2031-05-10", sentence)
        #expect(a.statement(containing: words)?.date == Day(iso: day), "\(String(describing: a.statement(containing: words)?.date)) in: \(sentence)")
    }

    /// Look-alikes: one date phrase, or the first phrase already on the verb, keep what they had.
    @Test(arguments: [
        ("On Tuesday, Ivo Brandt told reporters that “the talks will resume on May 20.”", "the talks will resume", "2031-05-06"),
        ("Ivo Brandt said on Monday that a meeting on Thursday had gone well: “we made progress.”", "we made progress", "2031-05-05"),
        ("Defence Minister Ivo Brandt said “the army will pull back” after the vote.", "the army will pull back", "2031-05-10"),
    ])
    func aSingleOrLeadingDateStays(sentence: String, words: String, day: String) {
        let a = AnalysisFixture.article(published: "2031-05-10", sentence)
        #expect(a.statement(containing: words)?.date == Day(iso: day), "\(String(describing: a.statement(containing: words)?.date)) in: \(sentence)")
    }
}
