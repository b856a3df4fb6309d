import Testing
@testable import StanceKit

/// Persons the recogniser missed or took for actors: bylines opened with "From", a byline glued to "Published",
/// the second of two names joined by "and", three-part names ending in a short word, and given names of many cultures.
@Suite("Analysis: person name cases")
struct AnalysisPersonNameCasesTests {
    @Test func aFromBylineNamesAnAuthorNotAnActor() {
        for (byline, author) in [("From Ana Ruiz, CNN", "Ana Ruiz"), ("From Kofi Mensah, BBC News", "Kofi Mensah"),
                                 ("FROM Lena Marsh, Reuters", "Lena Marsh")] {
            let a = AnalysisFixture.analyze("""
                # Envoys open talks in Lisbon

                \(byline)

                Rebel and government envoys opened talks in Lisbon on Tuesday. “We are here in good faith,” said Marco Ortega.
                """)
            #expect(a.article.byline == [author], "\(byline)")
            #expect(a.actor(named: author)?.isParticipant == false, "\(byline)")
            #expect(a.speaker(of: "good faith")?.name == "Marco Ortega")
        }
        // Look-alike: a sentence that opens with "From" is body text.
        let body = AnalysisFixture.analyze("""
            # Envoys open talks in Lisbon

            From Lisbon, Dana Holt said the talks would resume on Friday after a pause.
            """)
        #expect(body.article.byline.isEmpty)
        #expect(body.actor(named: "Dana Holt")?.isParticipant == true)
    }

    @Test func anAuthorNamedOnlyInTheHeaderIsAPersonWhoTakesNoPart() {
        for (header, author) in [("Author: Sue Pelling", "Sue Pelling"), ("Author: Rupa Venkat, Ivo Marek", "Ivo Marek")] {
            let a = AnalysisFixture.analyze("Title: Talks resume\nDate: 2031-04-17\n\(header)\n\n“We are ready,” said Marco Ortega.\n")
            #expect(a.actor(named: author)?.kind == .person, "\(header)")
            #expect(a.actor(named: author)?.isParticipant == false, "\(header)")
        }
        // Look-alikes: a desk or an outlet is no person; an author the byline shows is listed once.
        let desk = AnalysisFixture.analyze("Title: Talks resume\nDate: 2031-04-17\nAuthor: Al Jazeera Staff\n\n“We are ready,” said Marco Ortega.\n")
        #expect(desk.persons().map(\.name) == ["Marco Ortega"])
        let shown = AnalysisFixture.analyze("# Talks resume\n\nBy Sue Pelling\n\n“We are ready,” said Marco Ortega.\n")
        #expect(shown.persons().filter { $0.name.hasSuffix("Pelling") }.count == 1)
    }

    @Test func aBylineGluedToItsDateKeepsTheNameWhole() {
        let (names, date) = ArticleParser.readByline("By Mara LindPublished 3 May 2019")
        #expect(names == ["Mara Lind"])
        #expect(date?.description == "2019-05-03")
        let (updated, _) = ArticleParser.readByline("By Kofi Mensah and Lena MarshUpdated 12:30 GMT")
        #expect(updated == ["Kofi Mensah", "Lena Marsh"])
        // Look-alike: a name with an inner capital stays whole.
        let (inner, _) = ArticleParser.readByline("By Sean McPhail")
        #expect(inner == ["Sean McPhail"])
    }

    @Test func theSecondOfTwoNamesJoinedByAndIsAPersonToo() {
        let a = AnalysisFixture.article("""
            The delegation, led by Sara Vanti and Bek Sorel, arrived on Monday.

            The talks between Marco Ortega and Tavo Mirel broke down.

            Observers from Lena Marsh and Northern Command watched. Dana Holt and New Delhi disagreed.
            """)
        let names = a.persons().map(\.name)
        #expect(names.contains("Bek Sorel"))
        #expect(names.contains("Tavo Mirel"))
        #expect(!names.contains { $0.contains("Command") || $0.contains("Delhi") })
    }

    @Test func aThreePartNameMayEndInAShortWord() {
        let a = AnalysisFixture.article("""
            Deputy Foreign Minister Nguyen Van An said the talks would go on. Tran Thi Thu, a negotiator, agreed.

            Nguyen Van Tuan on Monday met the envoy.
            """)
        let names = a.persons().map(\.name)
        #expect(names.contains { $0.hasSuffix("Nguyen Van An") })
        #expect(names.contains { $0.hasSuffix("Nguyen Van Tuan") })
        #expect(!names.contains { $0.hasSuffix("On") })
    }

    @Test func aNameBeforeAnAuxiliaryAndAVerbOfPositionIsAPerson() {
        let a = AnalysisFixture.article("""
            Tamsin Okonjo-Reyes has rejected the offer of a truce. Ludovic Brannagh, the alliance's secretary-general, also demanded a ceasefire. Odile Ferrant also urged restraint. Quillon Dax had warned of a split.

            The Northern Alliance has rejected the offer. Blue Nile has called for talks.

            “We will not sign,” Okonjo-Reyes said. Ferrant told reporters the vote was lost, said Dax. Fighting in the Nile region went on.
            """)
        let names = a.persons().map(\.name)
        for name in ["Tamsin Okonjo-Reyes", "Ludovic Brannagh", "Odile Ferrant", "Quillon Dax"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(!names.contains { $0.contains("Alliance") || $0.contains("Nile") })
    }

    @Test func aSurnameAloneThatSpeaksTwiceIsAPerson() {
        let a = AnalysisFixture.article("""
            Dhalvo said the plan was “far short of what is needed.”

            “There will be no concessions,” Dhalvo said at the start of the meeting.

            Speaking from a base in the hills, Okerra declared “a new truce from midnight.” Okerra announced the truce after a call with the mediator.

            Verlane said the strike would go on. Later that day the Meridian Council said talks had failed.
            """)
        let names = a.persons().map(\.name)
        #expect(names.contains("Dhalvo"))
        #expect(names.contains("Okerra"))
        #expect(a.speaker(of: "no concessions")?.name == "Dhalvo")
        #expect(a.speaker(of: "new truce from midnight")?.name == "Okerra")
        // Look-alike: a word that speaks once, with no other sign of a person, stays unknown.
        #expect(!names.contains("Verlane"))
    }

    @Test func aNegationOpeningTheSentenceIsNoPartOfTheName() {
        let a = AnalysisFixture.article("""
            Neither Mr Haraldsen nor the ambassador commented. Either President Lena Marsh or her deputy will attend. Nor did Dana Holt.
            """)
        let names = a.persons().map(\.name)
        #expect(names.contains { $0.hasSuffix("Haraldsen") && !$0.contains("Neither") })
        #expect(names.contains { $0.hasSuffix("Marsh") && !$0.contains("Either") })
        #expect(names.contains("Dana Holt"))
    }

    @Test func givenNamesOfManyCulturesOpenAName() {
        for name in ["Lena Voss", "Fatima Zahra", "Kwame Asante", "Priya Raman", "Oksana Melnyk", "Hiroshi Tanaka",
                     "Ngozi Okafor", "Tariq Aziz", "Beatriz Salcedo", "Wojciech Nowak"] {
            let a = AnalysisFixture.article("The envoy met \(name) in the capital.")
            #expect(a.persons().map(\.name).contains(name), "\(name)")
        }
    }
}
