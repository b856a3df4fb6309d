import Testing
@testable import StanceKit

/// Speakers that a cue names past something else: a ministry's statement after another group, the person in an
/// appositive after a possessive owner, TeX-style marks, a fragment after a verb of position, "said of" a topic.
@Suite("Analysis: speaker cues")
struct AnalysisSpeakerCuesTests {
    @Test func theStatementAnOrganisationReleasedSpeaksForIt() {
        let released = AnalysisFixture.article("""
            Commanders of the Northern Liberation Front met the mediators on Monday.

            The Foreign Ministry released a statement after the meeting. “The door to dialogue remains open,” the statement said.
            """)
        #expect(released.speaker(of: "door to dialogue")?.name.contains("Ministry") == true)
        let issued = AnalysisFixture.article("""
            The Harbour Workers Union staged a strike at the port on Friday.

            The Ministry of Transport issued a brief statement in response. “Strikes will not change our position,” the statement added.
            """)
        #expect(issued.speaker(of: "Strikes will not change")?.name.contains("Ministry") == true)
        // A country's ministry that issues the statement is the country, not the group named before it.
        for (verb, owner) in [("released", "Kenya"), ("issued", "Turkey"), ("published", "Peru")] {
            let a = AnalysisFixture.article("""
                Rebel negotiators met Egyptian mediators in Cairo on Monday.

                \(owner)'s foreign ministry \(verb) a statement after the talks. “The door to dialogue remains open,” the statement said.
                """)
            #expect(a.speaker(of: "door to dialogue")?.name.contains("mediators") == false, "\(verb)")
        }
    }

    @Test func heSaidAfterAnAppositiveNameIsThatPersonNotTheOwnerBeforeIt() {
        let leader = AnalysisFixture.article("""
            The leader of President Tomas Smith’s governing party, Olan Vey, said the vote would go ahead. “We have the numbers,” he said.
            """)
        #expect(leader.speaker(of: "have the numbers")?.name.hasSuffix("Vey") == true)
        let head = AnalysisFixture.article("""
            The head of Prime Minister Jana Kolar’s coalition, Teodor Brask, told reporters the bill was dead. “There is no majority for it,” he said.
            """)
        #expect(head.speaker(of: "no majority")?.name.hasSuffix("Brask") == true)
        let longRole = AnalysisFixture.article("""
            The leader of President Tomas Smith’s centre-right governing coalition in parliament, Olan Vey, said the vote would go ahead. “We have the numbers,” he said.
            """)
        #expect(longRole.speaker(of: "have the numbers")?.name.hasSuffix("Vey") == true)
        let oneWord = AnalysisFixture.article("""
            The leader of President Tomas Smith’s party, Vey, said the vote would go ahead. “We have the numbers,” he said.
            """)
        #expect(oneWord.speaker(of: "have the numbers")?.name.hasSuffix("Vey") == true)
        // Look-alike: an owner who is the only person named is still the one a later "he" means.
        let owner = AnalysisFixture.article("""
            President Tomas Smith’s party won the vote on Sunday. “We have the numbers,” he said.
            """)
        #expect(owner.speaker(of: "have the numbers")?.name.hasSuffix("Smith") == true)
    }

    @Test func texStyleMarksQuote() {
        let a = AnalysisFixture.article("""
            ``We are here in good faith,'' said Marco Ortega, the rebels' chief negotiator.

            Dana Holt said the talks were ``serious and constructive.''

            ``Nobody should expect miracles,'' Holt added.
            """)
        #expect(a.speaker(of: "good faith")?.name == "Marco Ortega")
        #expect(a.speaker(of: "serious and constructive")?.name == "Dana Holt")
        #expect(a.speaker(of: "expect miracles")?.name == "Dana Holt")
    }

    @Test func aFragmentAfterAVerbOfPositionIsTheSubjects() {
        let a = AnalysisFixture.article("""
            Defence Minister Ruben Castell spoke to troops on Friday. He repeated that any pull-out “would be decided by the generals.”

            Interior Minister Clara Neves vowed that the police “would not retreat an inch.”

            Army chief Sara Lind warned that the truce “could collapse within days.”

            The rebel envoy Marco Ortega insisted that the ceasefire “remains in force on every front.”
            """)
        #expect(a.speaker(of: "decided by the generals")?.name.hasSuffix("Castell") == true)
        #expect(a.speaker(of: "retreat an inch")?.name.hasSuffix("Neves") == true)
        #expect(a.speaker(of: "collapse within days")?.name.hasSuffix("Lind") == true)
        #expect(a.speaker(of: "remains in force")?.name.hasSuffix("Ortega") == true)
        let reiterated = AnalysisFixture.article("""
            Foreign Minister Lena Marsh reiterated that the government “will not negotiate under fire.”

            Ruben Castell urged that both sides “return to the table without conditions.” He suggested that the talks find “a fair deal.”
            """)
        #expect(reiterated.speaker(of: "negotiate under fire")?.name.hasSuffix("Marsh") == true)
        #expect(reiterated.speaker(of: "return to the table")?.name.hasSuffix("Castell") == true)
        // Look-alike: a scare-quoted phrase after a reported clause is no statement.
        #expect(!reiterated.statements.contains { $0.kind == .direct && $0.text.contains("a fair deal") })
    }

    @Test func aQuoteAfterACueWithAnotherSubjectContinuesTheSpeaker() {
        let a = AnalysisFixture.article("""
            “We have resolved the key problems,” President Ana Ruiz said after her prime minister, Tomas Vell, had signed the accord. “This is a historic day for the country.”

            “The war is over,” Marco Ortega said as the mediator, Dana Holt, looked on. “Our fighters will go home within weeks.”

            “We will respect it,” said Lena Marsh. Tomas Vell then signed the second protocol. “Nobody should doubt the army’s word on this.”
            """)
        #expect(a.speaker(of: "historic day")?.name.hasSuffix("Ruiz") == true)
        #expect(a.speaker(of: "go home within weeks")?.name.hasSuffix("Ortega") == true)
        // Look-alike: another person acting in a sentence of its own interrupts the speaker.
        #expect(a.speaker(of: "army’s word")?.name.hasSuffix("Marsh") != true)
    }

    @Test func whatIsSaidOfSomeoneIsNotTheirs() {
        let a = AnalysisFixture.article("""
            Marco Ortega led the rebel delegation. Dana Holt, a former diplomat, chaired the talks.

            “She has the trust of both sides,” said Ortega of Holt.

            “He knows the mountains better than anyone,” Holt said of Ortega.

            “A patient and fair mediator,” the rebels’ spokesman said of Holt.

            “She never takes sides,” said a rebel commander of Holt.
            """)
        #expect(a.speaker(of: "trust of both sides")?.name == "Marco Ortega")
        #expect(a.speaker(of: "knows the mountains")?.name == "Dana Holt")
        #expect(a.speaker(of: "patient and fair mediator")?.name != "Dana Holt")
        #expect(a.speaker(of: "never takes sides")?.name != "Dana Holt")
    }
}
