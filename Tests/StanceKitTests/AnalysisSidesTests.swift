import Testing
@testable import StanceKit

/// Who takes which side by what they do (issue #3): signers and mediators of an accord, countries and armed groups
/// that act or speak, and the polarity of cues about talks. Every sentence is invented; each cause has variants in
/// wording, voice, tense and outlet style, and look-alikes that must not match.
@Suite("Analysis: sides taken by acts")
struct AnalysisSidesTests {
    private func stance(_ text: String, _ name: String) -> String? {
        AnalysisFixture.article(text).actor(named: name)?.stance
    }

    // MARK: signers of a pact named in capitals, passive agents after words of place and time

    @Test(arguments: [
        "Interior Minister Elena Kovac signed the Doha Agreement on Tuesday.",
        "Elena Kovac on Friday inked the Comprehensive Peace Accord in Addis Ababa.",
        "The Comprehensive Peace Accord was signed in Nairobi on Sunday by Elena Kovac.",
        "The framework, signed in Geneva on Friday by Elena Kovac and Omar Sayed, sets out a timetable.",
        "The Doha Declaration was formally signed last week in Qatar by Elena Kovac.",
        "Elena Kovac has signed the Kinshasa Memorandum of Understanding, state radio reported.",
    ])
    func signingANamedPactOrSigningItInThePassive(sentence: String) {
        #expect(stance(sentence, "Elena Kovac") == "diplomacy", "\(sentence)")
    }

    @Test(arguments: [
        "Elena Kovac signed the Senate bill into law on Friday.",
        "Elena Kovac signed copies of her memoir in Geneva.",
        "Elena Kovac signed the Defence Procurement Act on Monday.",
    ])
    func signingSomethingThatIsNoPactTakesNoSide(sentence: String) {
        #expect(stance(sentence, "Elena Kovac") ?? "none" == "none", "\(sentence)")
    }

    // MARK: countries after a parenthetical clause, after "The" in a pair, with "other countries"

    @Test(arguments: [
        ("Kenya, having hosted the first round, offered to mediate again.", "Kenya"),
        ("Qatar, which hosted both rounds of talks, said it would keep mediating.", "Qatar"),
        ("Norway, a longtime broker of truces, has proposed a new ceasefire.", "Norway"),
        ("Egypt, citing the humanitarian toll, urged an immediate truce on Monday.", "Egypt"),
        ("The Philippines, in a statement on Friday, called for dialogue between the two sides.", "Philippines"),
        ("The U.K. and Kenya are trying to revive the truce talks.", "Kenya"),
        ("The U.S. and Egypt have pushed both sides to the negotiating table.", "Egypt"),
        ("Chile and other countries have tried to restart negotiations.", "Chile"),
        ("Qatar and its partners proposed a ceasefire on Sunday.", "Qatar"),
        ("Ghana and several other African states urged a return to talks.", "Ghana"),
    ])
    func aCountryActsAcrossAClauseOrAPartner(sentence: String, country: String) {
        #expect(stance(sentence, country) == "diplomacy", "\(sentence)")
    }

    @Test(arguments: [
        ("In Kenya, having hosted the first round, officials offered to mediate again.", "Kenya"),
        ("Kenya, Uganda and Tanzania border the region and saw fighting last year.", "Kenya"),
        ("Talks between Kenya and other countries stalled.", "Kenya"),
    ])
    func aPlaceThatIsNoSubjectIsNoActor(sentence: String, place: String) {
        #expect(AnalysisFixture.article(sentence).actor(named: place) == nil, "\(sentence)")
    }

    // MARK: armed groups, juntas and governments named by a common noun

    @Test(arguments: [
        ("The rebels agreed to the truce on Sunday.", "rebels", "diplomacy"),
        ("The M23 rebels rejected the ceasefire proposal.", "rebels", "support"),
        ("The junta walked out of the negotiations in Jakarta.", "junta", "support"),
        ("The military junta has refused to join the peace talks.", "junta", "support"),
        ("The insurgents, however, accepted the proposal on Friday.", "insurgents", "diplomacy"),
        ("The government in Kabul refused to join the talks.", "Kabul", "support"),
        ("Officials said that the government had formally accepted the peace plan.", "government", "diplomacy"),
    ])
    func anArmedGroupOrGovernmentThatActsIsAnActor(sentence: String, name: String, position: String) {
        #expect(stance(sentence, name) == position, "\(sentence)")
    }

    @Test(arguments: [
        ("Fighting between the army and the rebels continued through the night.", "rebels"),
        ("The rebels' positions were shelled overnight.", "rebels"),
        ("Aid agencies blamed the government for the delays.", "government"),
    ])
    func aMentionOfAGroupIsNoActor(sentence: String, name: String) {
        #expect(AnalysisFixture.article(sentence).actor(named: name) == nil, "\(sentence)")
    }

    @Test func aCountryAndAGroupThatLargelyAgree() {
        let a = AnalysisFixture.article("""
            After the Lebanese government and Syria largely agreed to a ceasefire proposal, the fighting eased.
            """)
        #expect(a.actor(named: "Lebanon")?.stance == "diplomacy")
    }

    // MARK: polarity

    @Test(arguments: [
        "Elena Kovac would not point fingers or say why the talks have failed.",
        "Elena Kovac did not explain how a ceasefire could be monitored.",
        "Asked about the mediation, Elena Kovac would not say when negotiations would resume.",
        "Elena Kovac, the foreign minister, did not say what the truce would require of either side.",
        "Elena Kovac would not say where the talks would take place.",
    ])
    func aNegatedTellingOfAQuestionAboutTalksTakesNoSide(sentence: String) {
        #expect(stance(sentence, "Elena Kovac") != "support", "\(sentence)")
    }

    @Test(arguments: [
        "Elena Kovac said she would not negotiate with the rebels.",
        "Elena Kovac said there would be no ceasefire until the city was retaken.",
    ])
    func aNegatedCueStillTurns(sentence: String) {
        #expect(stance(sentence, "Elena Kovac") == "support", "\(sentence)")
    }

    @Test(arguments: [
        "Elena Kovac said on Tuesday: \"There is a new momentum and we have to use it for discussions.\"",
        "Peace efforts are gathering momentum, Elena Kovac said on Tuesday.",
        "Elena Kovac told reporters the momentum had to be seized for a negotiated settlement.",
    ])
    func momentumForTalksIsNoSupport(sentence: String) {
        #expect(stance(sentence, "Elena Kovac") != "support", "\(sentence)")
    }

    @Test func battlefieldMomentumIsSupport() {
        #expect(stance("Elena Kovac said the army had the momentum on the battlefield and must keep it.", "Elena Kovac") == "support")
    }

    @Test(arguments: [
        "Elena Kovac joins Omar Sayed to react to the rebels' plan for peace.",
        "Elena Kovac reacted on Tuesday to the proposal for a ceasefire.",
        "Reacting to the peace plan, Elena Kovac said she had read it twice.",
        "Elena Kovac was among the first to react to the truce.",
        "The reaction of Elena Kovac to the ceasefire deal came hours later.",
    ])
    func reactingToAPlanIsNoEndorsement(sentence: String) {
        #expect(stance(sentence, "Elena Kovac") != "diplomacy", "\(sentence)")
    }

    // MARK: people named as examples of a side

    @Test(arguments: [
        "The decision drew cautious praise from those who had argued for talks. Dr. Elena Kovac, a historian, wrote that it came late.",
        "The move was welcomed by those who have long pushed for negotiations. Elena Kovac said it was overdue.",
        "It was denounced by those who want more weapons sent to the front. Elena Kovac said it was a betrayal.",
    ])
    func aPersonNamedAfterThoseWhoTakeASide(sentence: String) {
        let expected = sentence.contains("weapons") ? "support" : "diplomacy"
        #expect(stance(sentence, "Elena Kovac") == expected, "\(sentence)")
    }

    @Test func thoseWhoAsSomeonesArgumentGiveNoSide() {
        let text = "Omar Sayed said those who wanted talks were naive. Elena Kovac said nothing."
        #expect(stance(text, "Elena Kovac") == "none")
    }

    // MARK: a mediator's relative clause after a subject

    @Test(arguments: [
        "Mediator Ruth Alder, who shepherded the talks, flew home on Friday.",
        "Senator Ruth Alder, who has long pushed for a ceasefire, said on Tuesday that she was tired.",
        "Ruth Alder, who brokered the truce, declined to comment.",
    ])
    func aRelativeClauseSetOffAfterTheSubject(sentence: String) {
        #expect(stance(sentence, "Ruth Alder") == "diplomacy", "\(sentence)")
    }

    // MARK: signatories

    @Test(arguments: [
        "Elena Kovac and Omar Sayed were among the signatories of the communique.",
        "Signatories to the accord included Elena Kovac and Omar Sayed.",
        "The signatories of the Nairobi Declaration were Elena Kovac and Omar Sayed.",
        "Elena Kovac, one of the signatories of the memorandum, flew home on Friday.",
        "Elena Kovac is a signatory to the 2019 framework agreement.",
    ])
    func signatoriesOfAPact(sentence: String) {
        #expect(stance(sentence, "Elena Kovac") == "diplomacy", "\(sentence)")
    }

    @Test(arguments: [
        "Elena Kovac was among the signatories of the letter to the president.",
        "Signatories of the petition included Elena Kovac.",
    ])
    func signatoriesOfSomethingElse(sentence: String) {
        #expect(stance(sentence, "Elena Kovac") ?? "none" == "none", "\(sentence)")
    }
}
