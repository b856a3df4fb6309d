import Testing
@testable import StanceKit

/// Countries, bodies and armed groups that take a side by what they do, people who broker a deal, and cues of
/// refusing or ending a war (session 9). All the sentences are invented.
@Suite("Analysis: bodies, armed groups and brokers")
struct AnalysisBodiesAndBrokersTests {
    @Test(arguments: [
        ("Houthi rebels began a ceasefire on Sunday.", "Houthi rebels", "diplomacy"),
        ("Zandari fighters rejected the truce.", "Zandari fighters", "support"),
        ("Kachin insurgents accepted the peace plan on Monday.", "Kachin insurgents", "diplomacy"),
        ("On Monday, Orvane militants walked out of the talks.", "Orvane militants", "support"),
        ("The army held its fire, but Orvane rebels launched a new offensive.", "Orvane rebels", "support"),
        ("The talks collapsed as Kordan-backed Orvane rebels launched a new offensive.", "Kordan-backed Orvane rebels", "support"),
    ])
    func anArmedGroupNamedWithoutTheActs(sentence: String, name: String, stance: String) {
        let a = AnalysisFixture.article(sentence)
        #expect(a.actors.first { $0.name.contains(name) }?.stance == stance, "\(sentence)")
        #expect(!a.actors.contains { $0.name.hasPrefix("as ") || $0.name.hasPrefix("but ") }, "\(sentence)")
    }

    @Test(arguments: [
        "Fighting between Houthi rebels and the army resumed on Sunday.",
        "Soldiers killed three Orvane militants near the ceasefire line.",
        "The offensive against Kachin insurgents ended the truce.",
        "Troops shelled Armed rebels near the truce line.",
    ])
    func anArmedGroupThatIsOnlyMentionedOrUnnamedIsNoActor(sentence: String) {
        let a = AnalysisFixture.article(sentence)
        for name in ["Houthi", "Orvane", "Kachin", "Armed"] {
            #expect(!a.actors.contains { $0.name.contains(name) && $0.stance != "none" }, "\(sentence)")
        }
    }

    @Test(arguments: [
        ("The government and the militia agreed to a truce.", ["government", "militia"]),
        ("The junta and the rebels signed a ceasefire on Friday.", ["junta", "rebels"]),
        ("Hamas and Israel agreed to a truce.", ["Hamas", "Israel"]),
        ("The rebels and Kenya signed the peace accord.", ["rebels", "Kenya"]),
        ("Later, the government and the guerrillas accepted the ceasefire proposal.", ["government", "guerrillas"]),
    ])
    func bothSubjectsJoinedByAndAct(sentence: String, names: [String]) {
        let a = AnalysisFixture.article(sentence)
        for name in names {
            #expect(a.actors.first { $0.name.contains(name) }?.stance == "diplomacy", "\(name) in \(sentence)")
        }
    }

    @Test func aPlaceAfterAndInAMereMentionIsNoActor() {
        let a = AnalysisFixture.article("Talks between Hamas and Israel resumed on Sunday after the truce.")
        #expect(a.actor(named: "Israel") == nil)
    }

    @Test(arguments: [
        ("Switzerland, which is hosting the talks, offered a second round in its capital.", "Switzerland"),
        ("Qatar, which mediated the truce, pressed for its extension.", "Qatar"),
        ("Egypt, which brokered the deal, sent two envoys to the border.", "Egypt"),
        ("Norway, which hosted the first round of negotiations, offered its capital again.", "Norway"),
        ("The African Union, which has long pushed for a ceasefire, sent a team.", "African Union"),
    ])
    func aCountryOrBodyDescribedByWhich(sentence: String, name: String) {
        let a = AnalysisFixture.article(sentence)
        #expect(a.actor(named: name)?.stance == "diplomacy", "\(sentence)")
    }

    @Test(arguments: [
        "Delegates flew to Switzerland, which is hosting the talks.",
        "The talks resumed in Norway, which hosted the first round.",
    ])
    func aPlaceDescribedByWhichOutsideASubjectIsNoActor(sentence: String) {
        let a = AnalysisFixture.article(sentence)
        #expect(a.actor(named: "Switzerland")?.stance ?? "none" == "none")
        #expect(a.actor(named: "Norway")?.stance ?? "none" == "none")
    }

    @Test(arguments: [
        ("Maria Velas brokered the deal.", "Maria Velas"),
        ("Tomas Ebre, who brokered the deal, said the parties would meet again on Friday.", "Tomas Ebre"),
        ("The agreement, brokered by Anna Lindqvist, took effect at midnight.", "Anna Lindqvist"),
        ("Mediator John Harker brokered a deal between the two clans last year.", "John Harker"),
        ("Peter Olsen, who brokered the 2019 accord, flew to the capital on Monday.", "Peter Olsen"),
    ])
    func brokeringADealIsDiplomacy(sentence: String, name: String) {
        let a = AnalysisFixture.article(sentence)
        #expect(a.actor(named: name)?.stance == "diplomacy", "\(sentence)")
    }

    @Test func brokeringSomethingElseTakesNoSide() {
        let a = AnalysisFixture.article("Maria Velas brokered the sale of the shipping company. Tomas Ebre, who brokered the merger, said little.")
        #expect(a.actor(named: "Maria Velas")?.stance ?? "none" == "none")
        #expect(a.actor(named: "Tomas Ebre")?.stance ?? "none" == "none")
    }

    @Test(arguments: [
        ("“There is nothing left to discuss; our army will finish this,” said General Omar Bakri.", "Omar Bakri", "support"),
        ("Defence Minister Ola Berg vowed to keep up the pressure on the rebels until they disarm.", "Ola Berg", "support"),
        ("“We have nothing to negotiate with murderers,” Omar Bakri said.", "Omar Bakri", "support"),
        ("“It is time for the guns to be silenced,” said Maria Velas.", "Maria Velas", "diplomacy"),
        ("Maria Velas said she wanted the guns to fall silent before Christmas.", "Maria Velas", "diplomacy"),
    ])
    func refusingTalksAndSilencingTheGuns(sentence: String, name: String, stance: String) {
        let a = AnalysisFixture.article(sentence)
        #expect(a.actor(named: name)?.stance == stance, "\(sentence)")
    }

    @Test func refusingToSayWhereTalksAreHeldIsATopic() {
        let a = AnalysisFixture.article("""
            Maria Velas refused to say where the talks would be held.

            Tomas Ebre refused to say exactly when the ceasefire would begin.

            Omar Bakri refused to join the talks.
            """)
        #expect(a.actor(named: "Maria Velas")?.stance ?? "none" == "none")
        #expect(a.actor(named: "Tomas Ebre")?.stance ?? "none" == "none")
        #expect(a.actor(named: "Omar Bakri")?.stance == "support")
    }

    @Test(arguments: [
        ("The United Nations called for an immediate ceasefire.", "United Nations"),
        ("The Arab League urged both sides to return to talks.", "Arab League"),
        ("ECOWAS proposed a truce on Monday.", "ECOWAS"),
    ])
    func bodiesNamedWithoutAHeadWordAct(sentence: String, name: String) {
        let a = AnalysisFixture.article(sentence)
        #expect(a.actor(named: name)?.stance == "diplomacy", "\(sentence)")
    }

    @Test(arguments: [
        "Foreign Minister Mary Jones firmly rejected the idea of discussions with the insurgents.",
        "Mary Jones said talk of resuming negotiations had been overtaken by events on the ground.",
        "Mary Jones warned that the regime would use the talks to escape sanctions.",
        "Mary Jones said the rebels wanted a truce only to buy time.",
        "Mary Jones dashed hopes of talks with the militia.",
        "Mary Jones ruled out any negotiation with the militia, vowing to fight until victory.",
        "Mary Jones said too many concessions had been made to the rebels.",
        "President Mary Jones cancelled the delegation's trip to Geneva.",
        "President Mary Jones called off the peace talks on Monday.",
    ])
    func refusingOrEndingTalksIsSupport(sentence: String) {
        let a = AnalysisFixture.article(sentence)
        #expect(a.actor(named: "Mary Jones")?.stance == "support", "\(sentence)")
    }

    @Test func cancellingSomethingElseTakesNoSide() {
        let a = AnalysisFixture.article("President Mary Jones cancelled a trip to the coast on Monday.")
        #expect(a.actor(named: "Mary Jones")?.stance ?? "none" == "none")
    }

    @Test func aNegatedActIsNoActAndTheNextPredicateIsNotNegated() {
        let a = AnalysisFixture.article("""
            Islamist groups have not signed the accords and have stepped up attacks.

            Ola Brekke has never brokered a deal.
            """)
        #expect(a.actors.first { $0.name.contains("Islamist") }?.stance == "support")
        #expect(a.actor(named: "Ola Brekke")?.stance ?? "none" == "none")
    }

    @Test(arguments: [
        ("The talks are being facilitated by former premier Ola Brekke.", "Ola Brekke"),
        ("Mary Jones welcomed the agreement to terminate the hostilities.", "Mary Jones"),
        ("Mary Jones was sent to the capital to help clinch the deal.", "Mary Jones"),
        ("The military rulers agreed to a ceasefire on Friday.", "rulers"),
    ])
    func facilitatingEndingHostilitiesAndClinchingADeal(sentence: String, name: String) {
        let a = AnalysisFixture.article(sentence)
        #expect(a.actors.first { $0.name.contains(name) }?.stance == "diplomacy", "\(sentence)")
    }

    @Test(arguments: [
        ("A State Department spokesman said the talks would resume next week.", "State Department", "diplomacy"),
        ("Hamas officials rejected the ceasefire proposal on Monday.", "Hamas", "support"),
        ("A Kremlin spokeswoman said the offensive would go on until victory.", "Kremlin", "support"),
        ("Foreign Ministry officials have called for a negotiated settlement.", "Foreign Ministry", "diplomacy"),
    ])
    func anOrganisationSpeaksThroughItsUnnamedPeople(sentence: String, name: String, stance: String) {
        let a = AnalysisFixture.article(sentence)
        #expect(a.actor(named: name)?.stance == stance, "\(sentence)")
    }

    @Test func aNamedSpokesmanSpeaksForHimself() {
        let a = AnalysisFixture.article("State Department spokesman Ned Price said the talks would resume next week.")
        #expect(a.actor(named: "Ned Price")?.stance == "diplomacy")
        #expect(a.actor(named: "State Department")?.stance ?? "none" == "none")
    }

    @Test func twoCountriesWithAClauseBetweenThemAndTheirVerb() {
        let a = AnalysisFixture.article("Qatar and Egypt, which mediated the truce, pressed for its extension.")
        #expect(a.actor(named: "Qatar")?.stance == "diplomacy")
        #expect(a.actor(named: "Egypt")?.stance == "diplomacy")
    }

    @Test(arguments: [
        "The Likud caucus backed the offensive.",
        "Senator Mary Jones said she supported the offensive.",
        "Mary Jones has backed the military operation in the north.",
    ])
    func backingAnOffensiveIsSupport(sentence: String) {
        let a = AnalysisFixture.article(sentence)
        #expect(a.actors.contains { $0.stance == "support" }, "\(sentence)")
        #expect(!a.actors.contains { $0.stance == "diplomacy" }, "\(sentence)")
    }

    @Test(arguments: [
        ("Peter Olsen ordered the army to halt its offensive.", "Peter Olsen"),
        ("Angola's government halted attacks and offered an amnesty to the rebels.", "Angola"),
        ("The government of Angola offered an amnesty to the rebels.", "Angola"),
        ("Peter Olsen said the army would suspend its offensive for Easter.", "Peter Olsen"),
        ("The regime in Damascus halted its air strikes on Sunday.", "regime"),
    ])
    func haltingAnOffensiveOrOfferingAnAmnestyIsDiplomacy(sentence: String, name: String) {
        let a = AnalysisFixture.article(sentence)
        #expect(a.actors.first { $0.name.contains(name) }?.stance == "diplomacy", "\(sentence)")
    }

    @Test func haltingSomethingElseTakesNoSide() {
        let a = AnalysisFixture.article("Peter Olsen said the rebels had halted their retreat near the river.")
        #expect(a.actor(named: "Peter Olsen")?.stance ?? "none" == "none")
    }

    @Test(arguments: [
        "The UN Security Council voted for an immediate ceasefire.",
        "The U.N. Security Council on Monday called for an immediate ceasefire.",
        "On Friday, the UN Security Council demanded a halt to the fighting and a return to talks.",
        "The EU Commission urged both sides to resume negotiations.",
        "The US State Department said the talks would resume next week.",
    ])
    func aBodyAfterAnAbbreviatedPlaceActs(sentence: String) {
        let a = AnalysisFixture.article(sentence)
        #expect(a.actors.contains { $0.kind == .organization && $0.stance == "diplomacy" }, "\(sentence)")
    }

    @Test func aBodyAfterAnAbbreviatedPlaceInAPrepositionalPhraseIsNoSpeaker() {
        let a = AnalysisFixture.article("The vote in the UN Security Council on a ceasefire was delayed.")
        #expect(!a.actors.contains { $0.stance == "diplomacy" })
    }

    @Test(arguments: [
        ("Norway, the host of the talks, said a second round would follow.", "Norway"),
        ("Kenya, a longtime mediator between the two sides, said little on Monday.", "Kenya"),
        ("The African Union, the chief mediator, said it would send a team.", "African Union"),
    ])
    func aCountryOrBodyDescribedByAnAppositive(sentence: String, name: String) {
        let a = AnalysisFixture.article(sentence)
        #expect(a.actor(named: name)?.stance == "diplomacy", "\(sentence)")
    }

    @Test func anAppositiveWithoutACueGivesACountryNoSide() {
        let a = AnalysisFixture.article("Norway, a country of five million people, said a second round would follow.")
        #expect(a.actor(named: "Norway")?.stance ?? "none" == "none")
    }

    @Test(arguments: [
        "Mary Jones refused to negotiate and rejected the ceasefire.",
        "Mary Jones rejected the talks and opposed any ceasefire.",
        "Mary Jones rejected the ceasefire and ruled out talks.",
        "Mary Jones refused to negotiate, rejected the ceasefire and ruled out talks.",
        "Mary Jones did not want talks and never accepted the ceasefire.",
    ])
    func aReversalToldTwiceTurnsEachCueOnce(sentence: String) {
        let a = AnalysisFixture.article(sentence)
        #expect(a.actor(named: "Mary Jones")?.stance == "support", "\(sentence)")
    }

    @Test(arguments: [
        ("Mary Jones did not reject the talks.", "diplomacy"),
        ("Mary Jones rejected talks or a ceasefire.", "support"),
        ("Mary Jones never opposed a ceasefire.", "diplomacy"),
    ])
    func aDoubleReversalOfOneCueStillCancels(sentence: String, stance: String) {
        let a = AnalysisFixture.article(sentence)
        #expect(a.actor(named: "Mary Jones")?.stance == stance, "\(sentence)")
    }
}
