import Foundation
import Testing
@testable import StanceKit

@Suite("Analysis: stance and frames")
struct AnalysisStanceTests {
    /// The stance of a one-sentence quote in the usual form: “... ,” Jane Smith said.
    func stance(_ sentence: String) -> String {
        let a = AnalysisFixture.article("“\(sentence.dropLast()),” Jane Smith said.")
        return a.statements.first?.stance ?? "no statement"
    }

    @Test func negationAndReversalFlipCues() {
        #expect(stance("We are pressuring Ukraine to negotiate.") == "diplomacy")
        #expect(stance("The United States is not pressuring Ukraine.") == "support")
        #expect(stance("It is too soon for talks.") == "support")
        #expect(stance("The moment is not ripe for a settlement.") == "support")
        #expect(stance("We rejected a cease-fire in place.") == "support")
        #expect(stance("We should not forestall more military success by insisting on a cease-fire.") == "support")
        #expect(stance("This is not the time for a ceasefire.") == "support")
        #expect(stance("Not only talks but a cease-fire too.") == "diplomacy")
        #expect(stance("The question is not whether there will be negotiations.") == "diplomacy")
        #expect(stance("Our aid does not come with conditions.") == "support")
        #expect(stance("The decision belongs to Ukraine alone.") == "support")
        #expect(stance("To avoid any further escalation, we urge an immediate truce.") == "diplomacy")
        // A new subject after a comma starts a new scope for the negation.
        #expect(stance("We are not naive, and we want a ceasefire now.") == "diplomacy")
    }

    @Test func cuesForAnyConflict() {
        #expect(stance("We need a humanitarian pause and a cessation of hostilities.") == "diplomacy")
        #expect(stance("Congress must end American involvement in this war.") == "diplomacy")
        #expect(stance("Only a cease fire will save the harvest.") == "diplomacy")
    }

    @Test func listedSignersShareTheirGroupsPosition() {
        let a = AnalysisFixture.article("""
            A group of 20 Democratic senators on Monday called for an immediate ceasefire and new talks.

            Among the senators who signed the letter were Sen. Anna Ruiz (D-Ore.) and Sen. Thomas Becker (D-Vt.).

            Sen. Paul Marsh, who did not sign it, spoke about the budget.
            """)
        #expect(a.actor(named: "Ruiz")?.stance == "diplomacy")
        #expect(a.actor(named: "Becker")?.stance == "diplomacy")
        #expect(a.actor(named: "Marsh")?.stance == "none")
    }

    @Test func membersOfADelegationAndSponsorsOfAResolutionShareItsPosition() {
        let a = AnalysisFixture.article("""
            A bipartisan delegation of U.S. Congress members came to Kyiv on Friday as they sought to push military aid to Ukraine through.

            The delegation consisted of four members: Republicans Mike Tanner and Jane Holm and Democrats Jason Crane and Abigail Spence.

            The Senate Foreign Relations Committee passed a resolution on Wednesday to end U.S. support for the war.

            Senators voted 63-37 for the resolution spearheaded by Senators Bernard Sand, Mike Leigh and Chris Murray.
            """)
        for name in ["Tanner", "Holm", "Crane", "Spence"] { #expect(a.actor(named: name)?.stance == "support", "\(name)") }
        for name in ["Sand", "Leigh", "Murray"] { #expect(a.actor(named: name)?.stance == "diplomacy", "\(name)") }
    }

    @Test func peopleNamedTogetherAsASubjectShareItsPosition() {
        let a = AnalysisFixture.article("""
            Sen. Anna Ruiz, Sen. Thomas Becker and Rep. Lisa Grant introduced a resolution to end U.S. involvement in the war, in a clash with Sen. Paul Marsh.
            """)
        #expect(a.actor(named: "Ruiz")?.stance == "diplomacy")
        #expect(a.actor(named: "Becker")?.stance == "diplomacy")
        #expect(a.actor(named: "Marsh")?.stance == "none")
    }

    @Test func sidesAreLearnedFromTheArticle() {
        // Neither country is in the frame file: the article's own phrases name the sides.
        let a = AnalysisFixture.article("""
            Ostland has sent aid to Merovia since Tarvia’s invasion last spring, and Merovian troops hold the line.

            “We will keep backing Merovia,” Jane Smith said.

            “Nobody should be pressuring the Merovians into a deal,” Tom Jones said.

            “It is time to put pressure on Tarvia,” Ann Lee said.
            """)
        #expect(a.actor(named: "Jane Smith")?.stance == "support")
        #expect(a.actor(named: "Tom Jones")?.stance == "support")
        #expect(a.actor(named: "Ann Lee")?.stance == "support")
    }

    @Test func aNameBothSidesClaimEquallyIsLearnedByNeither() throws {
        let frame = try FrameLibrary.parse("""
            id = "t"
            [parties]
            side = ["aid to *"]
            aggressor = ["* 's invasion"]
            [[positions]]
            id = "arms"
            cues = ["backing <side>", "blame <aggressor>"]
            """, file: "t.toml")
        let compiled = try CompiledFrame(frame)
        let text = AnalysisText(article: ArticleParser.parse(SourceDocument(path: "x.txt",
            text: "Aid to Norvia rose after Norvia’s invasion. Aid to Estria fell.", format: .plain)))
        let learned = compiled.parties.learn(text: text, fixed: compiled.classMembers, excluded: [])
        let all = learned.reduce(Set<UInt64>()) { $0.union($1) }
        #expect(!all.contains(WordHash.hash("norvia")))
        #expect(all.contains(WordHash.hash("estria")))
    }

    @Test func generalCuesOfTalkingAndHoldingOut() {
        #expect(stance("It is time to talk, and to stop the killing.") == "diplomacy")
        #expect(stance("We should place conditions on military aid.") == "diplomacy")
        #expect(stance("Everybody wants the troops home, and there has to be give and take on both sides.") == "diplomacy")
        #expect(stance("They need the means to defend themselves.") == "support")
        // Blinking first and surrender are concessions: refusing them is the other side.
        #expect(stance("We will not be the ones who blink first.") == "support")
        #expect(stance("Nobody is asking them to surrender an inch.") == "support")
    }

    @Test func anAppositiveDescribesTheSubjectsPosition() {
        let a = AnalysisFixture.article("""
            Senator Harlan J. Pruitt Jr. of Norland, one of the steadfast backers of Ukraine, said the plan was “a distraction.”
            """)
        #expect(a.actor(named: "Pruitt Jr")?.stance == "support")
        #expect(a.speaker(of: "a distraction")?.name.hasPrefix("Harlan J. Pruitt") == true)
    }

    @Test func aShiftCountsTheLatestPosition() {
        let a = AnalysisFixture.article(published: "2031-06-05", """
            In March Senator Carla Brandvold said it was too soon to negotiate.

            On Wednesday Brandvold asked the president to press for a cease-fire.

            Senator Tom Hale, once among the steadfast backers of Velmaria, now wants talks.
            """)
        #expect(a.statement(containing: "too soon")?.stance == "support")
        #expect(a.actor(named: "Brandvold")?.stance == "diplomacy")
        #expect(a.actor(named: "Brandvold")?.role == "Senator")
        #expect(a.actor(named: "Hale")?.stance == "diplomacy")
    }

    @Test func aListOfTaggedNamesSharesTheClausesPosition() {
        let a = AnalysisFixture.article("""
            Sens. Bern Sandor (I-Vt.), Mike Leeds (R-Utah) and Chris Murfield (D-Conn.), along with Democratic Reps. Ro Kannan (Calif.) and Mark Pocock (Wis.), on Wednesday introduced war powers resolutions, in a clash with Sen. Paul Marsh.
            """)
        for name in ["Sandor", "Leeds", "Murfield", "Kannan", "Pocock"] { #expect(a.actor(named: name)?.stance == "diplomacy", "\(name)") }
        #expect(a.actor(named: "Marsh")?.stance == "none")
    }

    @Test func aButClauseWithItsOwnSubjectIsNotTheFirstSubjects() {
        let a = AnalysisFixture.article("""
            The Defense Ministry approved an aid package for Ukraine this month, but 41 legislators voted for talks and a ceasefire.
            """)
        #expect(a.actors.first { $0.name == "Defense Ministry" }?.stance == "support")
    }

    @Test func aGiftToAnyAggressorReversesTheCue() {
        #expect(stance("A ceasefire now would be a gift to the junta.") == "support")
    }

    @Test func hedgesWeakenCues() {
        let a = AnalysisFixture.article("""
            “It remains to be seen whether or not Ukraine is prepared to compromise. That is up to the Ukrainians,” Jane Smith said.
            """)
        #expect(a.actor(named: "Jane Smith")?.stance == "support")
        #expect(a.statements.first?.evidence.contains("compromise") == true)
    }

    @Test func actorStanceIsWeightedAndMixedWhenSplit() {
        let a = AnalysisFixture.article("""
            “We want talks now,” Jane Smith said. “But we must keep supplying weapons,” she said. “And more military aid,” she added.
            “We need talks,” Tom Jones said. “We need weapons too,” he said.
            """)
        #expect(a.actor(named: "Jane Smith")?.stance == "support")
        #expect(a.actor(named: "Tom Jones")?.stance == "mixed")
    }

    @Test func builtInFrameLoadsByName() throws {
        let frame = try FrameLibrary.load(nameOrPath: "diplomacy-vs-support")
        #expect(frame.positions.map(\.id) == ["diplomacy", "support"])
        #expect(frame.positions.allSatisfy { !$0.glyph.isEmpty && !$0.key.isEmpty && !$0.cues.isEmpty })
        #expect(FrameLibrary.builtInNames.contains("diplomacy-vs-support"))
    }

    @Test func frameFileParseErrorNamesLineAndColumn() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).toml")
        try "id = \"x\"\nname = \"X\"\n[[positions]\nid = \"a\"\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: FrameError.self) { try FrameLibrary.load(nameOrPath: file.path) }
        do {
            _ = try FrameLibrary.load(nameOrPath: file.path)
        } catch let error as FrameError {
            #expect(error.line == 3)
            #expect(error.column != nil)
            #expect(error.description.hasPrefix(file.path + ":3:"))
        }
    }

    @Test func unknownCueClassIsReportedOnItsLine() {
        let source = """
            id = "taxes"
            [[positions]]
            id = "cut"
            cues = ["cut <levies>"]
            [[positions]]
            id = "raise"
            cues = ["raise taxes"]
            """
        #expect(throws: FrameError(file: "t.toml", line: 4, column: 1, message: "unknown class <levies> in cue \"cut <levies>\"")) {
            try FrameLibrary.parse(source, file: "t.toml")
        }
    }

    @Test func aUserFrameForAnotherDebate() throws {
        let source = """
            id = "taxes"
            [classes]
            levy = ["tax", "taxes", "levies"]
            [[positions]]
            id = "cut"
            cues = ["cut* <levy>", "tax relief ^2"]
            [[positions]]
            id = "raise"
            cues = ["rais* <levy>"]
            """
        let frame = try FrameLibrary.parse(source, file: "taxes.toml")
        let analyzer = Analyzer(frame: frame)
        let a = analyzer.analyze(SourceDocument(path: "t.txt", text: "Title: T\n\n“We will not raise taxes,” Jane Smith said. “Tax relief now,” she added.", format: .plain))
        #expect(a.actor(named: "Jane Smith")?.stance == "cut")
    }

    @Test func aGroupSpeaksThroughItsChairSpokesmanOrFounder() {
        let a = AnalysisFixture.article("""
            Hundreds rallied outside parliament on Saturday, led by the Green Lantern movement and the Open Door caucus.

            “Only a negotiated truce will bring our soldiers home,” said Maria Ostrova, a teacher who co-founded the movement.

            The Iron Gate coalition held its own rally nearby. Its spokesman, Pavel Lindqvist, said the coalition wanted more artillery and longer-range missiles.

            The Open Door caucus, whose chair, Representative Elena Marsh, spoke to the crowd, wants talks. “We need a ceasefire this month,” Marsh said.
            """)
        // The movement's own statement is the founder's; the coalition's is its spokesman's.
        #expect(a.actor(named: "Green Lantern movement")?.stance == "diplomacy")
        #expect(a.actor(named: "Iron Gate coalition")?.stance == "support")
        #expect(a.actor(named: "Open Door caucus")?.stance == "diplomacy")
        // An institution's officer does not make the institution an actor with a position.
        let b = AnalysisFixture.article("""
            Adm. Tom Reyes, the chairman of the Joint Defense Board, has argued for a ceasefire and early talks.
            """)
        #expect(b.actor(named: "Reyes")?.stance == "diplomacy")
        #expect(b.actors.allSatisfy { $0.kind == .person || $0.stance == "none" })
    }

    @Test func theCollectiveNounMeansTheGroupNamedByIt() {
        let a = AnalysisFixture.article("""
            The march, organised by the Blue Scarf movement, ended at the steps of the Senate.

            The movement says its goal is an immediate ceasefire followed by peace talks.
            """)
        #expect(a.actor(named: "Blue Scarf movement")?.stance == "diplomacy")
        #expect(a.actor(named: "Senate") == nil)
    }

    @Test func aTopicOrAForecastIsNoPosition() {
        #expect(stance("I would rather not discuss diplomacy today.") == "none")
        #expect(stance("Nobody should expect a peace treaty this week.") == "none")
        // Only the cue right after the topic word is held back.
        #expect(stance("We discussed the budget, and we want a ceasefire now.") == "diplomacy")
    }

    @Test func argumentsAgainstTheOtherSideAreReversed() {
        #expect(stance("Anyone who still thinks this is the moment to lean on Ukraine should visit the front.") == "support")
        #expect(stance("We should not lean on Ukraine.") == "support")
        #expect(stance("The case for talks rests on a misreading of the enemy.") == "support")
        #expect(stance("There will be a time for negotiations, but not this spring.") == "support")
        #expect(stance("We will send the howitzers and the air-defense batteries we promised.") == "support")
        #expect(stance("We want talks without preconditions.") == "diplomacy")
        #expect(stance("We will stand behind them at the table.") == "diplomacy")
        let a = AnalysisFixture.article("""
            Ambassador Lena Ortiz pointed to the example of Prime Minister Tomas Berg, who dropped his call for a cease-fire after the attack.
            """)
        #expect(a.actor(named: "Ortiz")?.stance == "support")
    }

    @Test func aSpanOfTimeInThePastMarksAPositionGivenUp() {
        let a = AnalysisFixture.article(published: "2031-04-15", """
            DORNVILLE — For two months, Prime Minister Tomas Berg was the loudest voice urging a cease-fire and early talks.

            On Monday he said his country would send its howitzers and more artillery, and would keep sending weapons.
            """)
        #expect(a.actor(named: "Berg")?.stance == "support")
        let dashed = AnalysisFixture.article(published: "2031-04-15", """
            DORNVILLE - For most of the war, Senator Ana Holm was a reliable vote for arming Ukraine.

            On Monday she said it was time for a ceasefire and talks.
            """)
        #expect(dashed.actor(named: "Holm")?.stance == "diplomacy")
        // Only a position given up: none that the article tells of now.
        let former = AnalysisFixture.article("""
            Senator Ana Holm, once among the most steadfast backers of arming Ukraine, welcomed the visit on Monday.
            """)
        #expect(former.actor(named: "Holm")?.stance == "none")
        // A span that still runs is no past.
        let b = AnalysisFixture.article(published: "2031-04-15", """
            For two months, Prime Minister Tomas Berg has urged a cease-fire and early talks.

            He said his country would send its howitzers.
            """)
        #expect(b.actor(named: "Berg")?.stance == "diplomacy")
    }

    @Test func aWholeLegislatureTakesNoPositionButItsCommitteesDo() {
        let a = AnalysisFixture.article("""
            The Senate approved a new military aid package for Ukraine on Tuesday.

            The Senate Foreign Relations Committee called for a ceasefire and peace talks.
            """)
        #expect(a.actor(named: "Senate")?.stance ?? "none" == "none")
        #expect(a.actor(named: "Senate Foreign Relations Committee")?.stance == "diplomacy")
    }

    @Test func aPlanNamedAsAnActorsIsTheirPosition() {
        let a = AnalysisFixture.article("""
            President Anna Berg's plan for ending the nearly three-year war emerged last week.

            The vote thwarted efforts by Senator Tom Reyes to end the war through a negotiated settlement.
            """)
        #expect(a.actor(named: "Berg")?.stance == "diplomacy")
        #expect(a.actor(named: "Reyes")?.stance == "diplomacy")
    }

    @Test func anAsClauseWithItsOwnSubjectAndVerbIsNotTheSubjects() {
        let a = AnalysisFixture.article("""
            Minister Jane Holm argued that Ukraine needs the means to defend itself, as a bloc of legislators pressed for a ceasefire and talks.
            """)
        #expect(a.actor(named: "Holm")?.stance == "support")
    }

    @Test func aThreatToQuitOverADealIsAgainstIt() {
        let a = AnalysisFixture.article("""
            Finance Minister Avi Doron vowed on Thursday to resign from the government if the cabinet approves the ceasefire deal.
            """)
        #expect(a.actor(named: "Doron")?.stance == "support")
        #expect(stance("We will bring down the government over this truce.") == "support")
    }

    @Test func warningsAndGainsForTheAggressorReverseTheCue() {
        #expect(stance("The consequences of abandoning our allies would be grave.") == "support")
        #expect(stance("Russia would capitalize on any ceasefire to rest its troops.") == "support")
        #expect(stance("A truce would only let them regroup.") == "support")
        #expect(stance("All the territories must be liberated first.") == "support")
        #expect(stance("The money is crucial to pushing back against Russia.") == "support")
    }

    @Test func aReverserInsideACueActsOnlyThroughIt() {
        #expect(stance("We are willing to stop military operations on all fronts to reach a just and lasting peace.") == "diplomacy")
    }

    @Test func aNameListedBeforeTheSubjectSharesTheClause() {
        let a = AnalysisFixture.article("""
            Senate Majority Leader Ana Ruiz, D-Ore., and Republican leader Tom Becker of Ohio argued on Sunday that the money is crucial to pushing back against Russia.
            """)
        #expect(a.actor(named: "Ruiz")?.stance == "support")
        #expect(a.actor(named: "Becker")?.stance == "support")
    }

    @Test func talksLedOrBrokeredBySomeoneAreTheirPosition() {
        let a = AnalysisFixture.article("""
            The government agreed on Monday to join peace talks spearheaded by UN envoy Lena Ortiz in Geneva.
            """)
        #expect(a.actor(named: "Ortiz")?.stance == "diplomacy")
    }

    @Test func aThreatIsASpeechCueAndQuittingACoalitionOverADealIsAgainstIt() {
        let a = AnalysisFixture.article("""
            Security Minister Dov Arad threatened to “dismantle the government” if the truce was adopted.
            """)
        #expect(a.speaker(of: "dismantle the government")?.name == "Dov Arad")
        #expect(stance("Our party will withdraw from the ruling coalition if the cabinet approves the ceasefire.") == "support")
        #expect(stance("The conflict is militarily unwinnable.") == "diplomacy")
    }

    @Test func aLowerCaseOfficeBeforeANameLeavesItTheSubject() {
        let a = AnalysisFixture.article("""
            On Thursday, Colombian peace commissioner Ana Duarte insisted in a statement that a ceasefire would be signed.
            """)
        #expect(a.actor(named: "Duarte")?.stance == "diplomacy")
    }

    @Test func aCountryOrCapitalThatSpeaksOrActsIsAnActor() {
        let a = AnalysisFixture.article("""
            Norway says it will keep hosting negotiations for a ceasefire between the two sides.

            Chile and the UK called on the army on Sunday to agree to a new truce. Lisbon rejected a cease-fire in place.
            """)
        #expect(a.actors.first { $0.name == "Norway" }?.kind == .organization)
        #expect(a.actors.first { $0.name == "Norway" }?.stance == "diplomacy")
        #expect(a.actors.first { $0.name == "Chile" }?.stance == "diplomacy")
        #expect(a.actors.first { $0.name == "UK" }?.stance == "diplomacy")
        #expect(a.actors.first { $0.name == "Lisbon" }?.stance == "support")
    }

    @Test func aPlaceAfterAPrepositionAnOwnerOrInAListIsNoActor() {
        let a = AnalysisFixture.article("""
            Envoys met in Norway and agreed to push for a ceasefire. Norway's capital hosted talks on a truce.

            The Gulf state, Chile and the UK have been engaged in months of truce talks.
            """)
        #expect(a.actors.allSatisfy { $0.name != "Norway" && $0.name != "Chile" && $0.name != "UK" })
    }

    @Test func aCountryNamedBeforeAPersonLeavesThePersonTheSpeaker() {
        let a = AnalysisFixture.article("""
            “We want a ceasefire now,” Norway's foreign minister, Lena Ortiz, said on Tuesday.
            """)
        #expect(a.speaker(of: "ceasefire now")?.name == "Lena Ortiz")
        #expect(a.actors.allSatisfy { $0.name != "Norway" })
    }

    @Test func aGovernmentNamedByItsCountryIsAnActorAndSharesAVerbWithItsPartner() {
        let a = AnalysisFixture.article("""
            Chile’s newly elected government confirmed it will join the peace talks in Geneva.

            The Peruvian government and the Northern Front (NF) rebel group on Thursday postponed the signing of a ceasefire by a day.
            """)
        // A state is one actor named by the country, its government's forms aliases (AnalysisGroupSpeakerTests).
        #expect(a.actors.first { $0.name == "Chile" && $0.aliases.contains { $0.hasSuffix("government") } }?.stance == "diplomacy")
        #expect(a.actors.first { $0.name == "Peru" && $0.aliases.contains("Peruvian government") }?.stance == "diplomacy")
    }
}
