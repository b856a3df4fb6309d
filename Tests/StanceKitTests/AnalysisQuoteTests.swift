import Testing
@testable import StanceKit

@Suite("Analysis: statements and speakers")
struct AnalysisQuoteTests {
    @Test func cueAfterBeforeAndInside() {
        let a = AnalysisFixture.article("""
            “We are ready to talk,” said Charles A. Kupchan, a Georgetown University professor.

            Jake Sullivan said: “The United States is not pressuring Ukraine.”

            “The war must end,” Daniel Fried said, “but not on Moscow’s terms.”
            """)
        #expect(a.speaker(of: "ready to talk")?.name == "Charles A. Kupchan")
        #expect(a.speaker(of: "not pressuring Ukraine")?.name == "Jake Sullivan")
        #expect(a.speaker(of: "The war must end")?.name == "Daniel Fried")
        #expect(a.speaker(of: "not on Moscow’s terms")?.name == "Daniel Fried")
        #expect(a.statement(containing: "ready to talk")?.cue == "said")
    }

    @Test func pronounsResolveToTheSubjectNotThePassingMention() {
        let a = AnalysisFixture.article("""
            “My sense is that talks are coming,” said Charles A. Kupchan, who served as an adviser to President Barack Obama. “They are careful.” He added: “It is setting the table.”
            """)
        #expect(a.speaker(of: "They are careful")?.name == "Charles A. Kupchan")
        #expect(a.speaker(of: "setting the table")?.name == "Charles A. Kupchan")
    }

    @Test func pronounAfterAQuestionPutToSomeone() {
        let a = AnalysisFixture.article("""
            The confusion grew after comments by Mr. Biden at a news conference on Wednesday. Asked if he thought Ukraine was ready, the president left the door open. “It remains to be seen,” he said.
            """)
        #expect(a.speaker(of: "It remains to be seen")?.name == "Biden")
        #expect(a.statement(containing: "It remains to be seen")?.date?.description == "2022-11-09")
    }

    @Test func quoteRunningOverParagraphs() {
        let a = AnalysisFixture.article("""
            Steven Pifer, a former ambassador, said: “Only Ukraine can decide. Washington should not press.

            “And it should keep sending weapons,” he said.
            """)
        let quote = a.statement(containing: "Only Ukraine can decide")
        #expect(quote?.text.contains("keep sending weapons") == true)
        #expect(a.speaker(of: "Only Ukraine can decide")?.name == "Steven Pifer")
    }

    @Test func cueVerbInsideALinkAndContinuation() {
        let a = AnalysisFixture.analyze("""
            Title: T

            “Progressives have always advocated diplomatic solutions,” Representative Alexandria Ocasio-Cortez, Democrat of New York, [told the Intercept this week](#). “We should continue to lean on that.”
            """, format: .markdown, path: "t.md")
        #expect(a.speaker(of: "Progressives have always")?.name == "Alexandria Ocasio-Cortez")
        #expect(a.speaker(of: "continue to lean on that")?.name == "Alexandria Ocasio-Cortez")
        #expect(a.statement(containing: "Progressives")?.cue?.hasPrefix("told") == true)
        #expect(a.statement(containing: "Progressives")?.text.contains("](") == false)
    }

    @Test func scareQuotesAndAnonymousSourcesAreNotStatements() {
        let a = AnalysisFixture.article("""
            Mr. Sullivan suggested that Kyiv think about what “a just peace” would look like. Representative Kevin McCarthy has rejected a “blank check” for Ukraine.

            “The moment is not ripe,” officials said. “We will wait,” they said.
            """)
        #expect(!a.statements.contains { $0.kind == .direct })
        #expect(!a.actors.contains { $0.name.lowercased().contains("official") })
    }

    @Test func reportedSpeechAndDescriptions() {
        let a = AnalysisFixture.article("""
            Gen. Mark A. Milley, the chairman of the Joint Chiefs of Staff, has made the case that Ukraine should cement its gains at the bargaining table, according to officials. Senator Mitch McConnell of Kentucky, however, remains a steadfast backer of Kyiv.
            """)
        let milley = a.statements.first { $0.actorID == a.actor(named: "Milley")?.id }
        #expect(milley?.kind == .reported)
        #expect(milley?.cue == "has made the case" || milley?.cue == "made the case")
        #expect(milley?.stance == "diplomacy")
        let mcconnell = a.statements.first { $0.actorID == a.actor(named: "McConnell")?.id }
        #expect(mcconnell?.kind == .description)
        #expect(mcconnell?.stance == "support")
    }

    @Test func wireStyleAttributions() {
        let a = AnalysisFixture.article(published: "2023-03-15", """
            “We need a ceasefire now,” Hungarian Foreign Minister Peter Szijjarto told Reuters on Tuesday.

            Lithuania’s foreign minister, Gabrielius Landsbergis, rejected the idea. “Any ceasefire now would only reward aggression,” he said.

            “We will keep supplying weapons,” according to Josep Borrell, the European Union’s foreign policy chief.
            """)
        #expect(a.speaker(of: "We need a ceasefire now")?.name == "Peter Szijjarto")
        #expect(a.statement(containing: "We need a ceasefire now")?.date?.description == "2023-03-14")
        #expect(a.speaker(of: "reward aggression")?.name == "Gabrielius Landsbergis")
        #expect(a.actor(named: "Landsbergis")?.stance == "support")
        #expect(a.speaker(of: "keep supplying weapons")?.name == "Josep Borrell")
    }

    @Test func statementsNeverComeFromBoilerplate() {
        let a = AnalysisFixture.analyze("""
            # Headline “With a Quote,” He Said

            By Ann Writer

            ### **Box**

            **Front:** “We must negotiate now,” said John Smith, a commander.

            Body text without quotes.
            """)
        #expect(a.statements.isEmpty)
    }
}

@Suite("Analysis: statements outside subject position")
struct AnalysisRelativeClauseTests {
    @Test func relativeClauseAndAccordingTo() {
        let a = AnalysisFixture.article("""
            The vote set up a clash with Senate Minority Leader Mitch McConnell, who has called support for Kyiv a top priority.
            Talks would only reward aggression, according to Jens Stoltenberg, the NATO secretary general.
            """)
        #expect(a.actor(named: "McConnell")?.role == "Senate Minority Leader")
        #expect(a.actor(named: "McConnell")?.stance == "support")
        #expect(a.actor(named: "Stoltenberg")?.stance == "support")
    }

    @Test func leadingAccordingToGivesTheRestOfTheClause() {
        let a = AnalysisFixture.article("According to a statement from the Hungarian Foreign Ministry, Budapest wants an immediate cease-fire.")
        let ministry = a.actors.first { $0.kind == .organization }
        #expect(ministry?.name == "Hungarian Foreign Ministry")
        #expect(a.statements.first?.text == "Budapest wants an immediate cease-fire")
        #expect(ministry?.stance == "diplomacy")
    }
}

@Suite("Analysis: speakers named with their office")
struct AnalysisOfficeSpeakerTests {
    @Test func speakerAfterAnOfficeAndAnonymousSpokesmen() {
        let a = AnalysisFixture.article("""
            “We are ready for talks,” said Ukraine’s foreign minister, Dmytro Kuleba.

            “Weapons first,” Poland’s president, Andrzej Duda, told reporters.

            “No comment on talks,” a spokesman for Mr. Kuleba said.
            """)
        #expect(a.speaker(of: "ready for talks")?.name == "Dmytro Kuleba")
        #expect(a.speaker(of: "Weapons first")?.name == "Andrzej Duda")
        #expect(a.speaker(of: "No comment") == nil)
    }

    @Test func anOrganisationBeforeARoleAndNameModifiesThePerson() {
        let a = AnalysisFixture.article("""
            White House national security adviser Jake Sullivan said the United States would keep sending weapons.

            “We will not push Ukraine to negotiate,” White House national security adviser Jake Sullivan told reporters.
            """)
        #expect(a.speaker(of: "not push Ukraine")?.name == "Jake Sullivan")
        #expect(a.statements.filter { $0.actorID == a.actor(named: "Sullivan")?.id }.count == 2)
        #expect(!a.actors.contains { $0.kind == .organization })
    }

    @Test func groupsAndTheirDocumentsSpeak() {
        let a = AnalysisFixture.article("""
            A group of 12 Labour lawmakers issued a statement on Friday about the fighting.

            “Every week of war costs thousands of lives,” the lawmakers said. “We call for talks without delay,” they added.

            Their earlier appeal went further. “The shelling of hospitals must stop at once,” reads a letter sent to the prime minister.
            """)
        #expect(a.speaker(of: "costs thousands of lives")?.name == "12 Labour lawmakers")
        #expect(a.speaker(of: "talks without delay")?.name == "12 Labour lawmakers")
        #expect(a.speaker(of: "shelling of hospitals")?.name == "12 Labour lawmakers")
        #expect(a.statement(containing: "costs thousands of lives")?.date?.description == "2022-11-04")
    }

    @Test func theyAloneWithoutAGroupIsNobody() {
        let a = AnalysisFixture.article("""
            “Talks are the only way out of this war,” they said.
            """)
        #expect(a.statements.isEmpty)
    }

    @Test func cueAfterAQuestion() {
        let a = AnalysisFixture.article("""
            Sen. Laura Whitcombe spoke at the Capitol on Tuesday.

            “Who gains from another year of war?” Whitcombe said. “Nobody in this room.”
            """)
        #expect(a.speaker(of: "Who gains from another year of war")?.name == "Laura Whitcombe")
        #expect(a.speaker(of: "Nobody in this room")?.name == "Laura Whitcombe")
    }

    @Test func partialQuotesAfterTheirVerb() {
        let a = AnalysisFixture.article("""
            Foreign Minister Clara Ostrowski called the shelling “a disgrace” on Monday. Her deputy, Tomas Reiner, said he was “deeply worried”.

            Some “quiet contacts” had begun with the other side, Mr Reiner said.

            The city’s “green zone” was quiet.
            """)
        #expect(a.speaker(of: "a disgrace")?.name == "Clara Ostrowski")
        #expect(a.speaker(of: "deeply worried")?.name == "Tomas Reiner")
        #expect(a.speaker(of: "quiet contacts")?.name == "Tomas Reiner")
        #expect(a.statement(containing: "green zone") == nil)
    }

    @Test func partyTagsBetweenSubjectAndVerb() {
        let a = AnalysisFixture.article("""
            Sen. Chris Marden (D-Conn.) said the United States should end its support for the war.

            Rep. Anna Ruiz (D-Ore.) argued that talks were the only way out.

            “We cannot keep arming them,” Rep. Ro Kannan, D-Calif., said.
            """)
        #expect(a.actor(named: "Marden")?.stance == "diplomacy")
        #expect(a.actor(named: "Ruiz")?.stance == "diplomacy")
        #expect(a.speaker(of: "keep arming them")?.name == "Ro Kannan")
    }

    @Test func transcriptTurnsQuoteTheirSpeaker() {
        let a = AnalysisFixture.article("""
            MARY LANE, BYLINE: After the briefing, the committee chairman, James Risk, sounded confident about the talks.

            JAMES RISK: Everybody wants the troops home. There has got to be a give and take on both sides.

            LANE: Officials say they know little about the talks.

            ROYA RAHMAN: For a peace settlement to hold, it has to include the elected government.

            RISK: We are exploring it.

            Mr. Blinker: We will keep working for a ceasefire.
            """)
        #expect(a.speaker(of: "give and take")?.name == "James Risk")
        #expect(a.speaker(of: "We are exploring it")?.name == "James Risk")
        #expect(a.speaker(of: "peace settlement to hold")?.name == "Roya Rahman")
        #expect(a.speaker(of: "keep working for a ceasefire")?.name == "Blinker")
        #expect(a.actor(named: "Mary Lane")?.stance == "none")
        #expect(a.statement(containing: "Officials say") == nil)
    }

    @Test func anOrganisationSpeaksThroughItsSpokesperson() {
        let a = AnalysisFixture.article("""
            “The United States will keep sending weapons,” a spokesperson for the State Department said.

            The Kremlin, in a statement, said: “We are open to negotiations.”

            “He is not available,” a spokesman for Mr. Voss said.
            """)
        #expect(a.speaker(of: "keep sending weapons")?.name == "State Department")
        #expect(a.speaker(of: "open to negotiations")?.name == "Kremlin")
        #expect(a.speaker(of: "not available") == nil)
    }

    @Test func aRoleNounMeansTheTitleHolderNamedLast() {
        let a = AnalysisFixture.article(published: "2031-04-15", """
            Prime Minister Kasimir Oldane of Baltera said he had been wrong. Mr. Oldane spoke twice. Oldane left.

            Jana Velk, Velmaria’s defense minister, walked through the wreckage of the hospital with reporters on Monday.

            “This is what they mean by new realities,” the minister said. “A hospital with no roof.”
            """)
        #expect(a.actor(named: "Jana Velk")?.role == "Velmaria’s defense minister")
        #expect(a.speaker(of: "new realities")?.name == "Jana Velk")
        #expect(a.statement(containing: "no roof")?.date?.description == "2031-04-14")
    }

    @Test func aLegislatorNamedByHomeAndParty() {
        let a = AnalysisFixture.article("""
            President Joe Carter met allies on Monday. Carter spoke twice. In a statement, Rep. Nora Lind, the chair of the caucus, said the letter was withdrawn.

            “The letter was drafted months ago and released by mistake,” the Oregon Democrat wrote in a statement.
            """)
        #expect(a.speaker(of: "released by mistake")?.name == "Nora Lind")
    }

    @Test func heSaidReachesTheReporterNotThePersonInTheReportedClause() {
        let a = AnalysisFixture.article("""
            Gen. Mark Cole, the army chief, visited the front on Monday.

            Senator Paul Reed said the general had told him the war was a stalemate. “We need a ceasefire and talks now,” he said.
            """)
        #expect(a.speaker(of: "ceasefire and talks now")?.name == "Paul Reed")
    }

    @Test func groupsNamedByACommonNounSpeak() {
        let a = AnalysisFixture.article("""
            “We need one more day” in order to “settle the last details,” negotiators for both sides said in a joint statement.
            """)
        #expect(a.speaker(of: "one more day")?.name == "negotiators for both sides")
        #expect(a.speaker(of: "settle the last details")?.name == "negotiators for both sides")
        #expect(a.speaker(of: "one more day")?.kind == .group)
    }

    @Test func theThingOwnedSpeaksNotItsOwner() {
        let a = AnalysisFixture.article("""
            Mr. Oldane’s Unity party blasted the minister’s threat, saying, “Anyone who breaks this coalition will be remembered for it.”
            """)
        #expect(a.speaker(of: "Anyone who breaks")?.name == "Unity party")
    }

    @Test func quoteFragmentsAfterVerbsOfPositionAndLongClauses() {
        let a = AnalysisFixture.article("""
            Finance Minister Jana Velk said she would resign. Interior Minister Tomas Brandt issued a similar warning, threatening to “bring down the government” if the plan passed.

            Former President Tom Harlan spoke at a rally.

            And the former president said Saturday at a campaign rally in a small river town that the allies should be able to do “whatever they like” to the laggards.
            """)
        #expect(a.speaker(of: "bring down the government")?.name == "Tomas Brandt")
        #expect(a.speaker(of: "whatever they like")?.name == "Tom Harlan")
        #expect(a.statement(containing: "whatever they like")?.date?.description == "2022-11-05")
    }
}
