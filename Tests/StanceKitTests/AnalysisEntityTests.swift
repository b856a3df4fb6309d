import Testing
@testable import StanceKit

@Suite("Analysis: people, organisations and groups")
struct AnalysisEntityTests {
    @Test func aliasesMergeIntoOneActor() {
        let a = AnalysisFixture.article("""
            President Biden met advisers on Monday. Mr. Biden said little. Later, Biden left for Delaware.

            Gen. Mark A. Milley, the chairman of the Joint Chiefs of Staff, spoke next. General Milley was blunt, and the general did not smile.
            """)
        let people = a.persons()
        #expect(people.map(\.name) == ["Biden", "Mark A. Milley"])
        #expect(Set(a.actor(named: "Biden")!.aliases).isSuperset(of: ["President Biden", "Mr. Biden"]))
        #expect(a.actor(named: "Milley")!.aliases.contains("the general"))
        #expect(a.actor(named: "Milley")!.role == "chairman of the Joint Chiefs of Staff")
    }

    @Test func placesAreNeverPersons() {
        let a = AnalysisFixture.article("""
            Russian forces pulled back from the city of Kherson, and fighting moved to Donbas. Andrew E. Kramer reported from Snihurivka, Ukraine, and New York.
            Officials in Kyiv and Washington, D.C., said Crimea was next.
            """)
        #expect(a.persons().map(\.name) == ["Andrew E. Kramer"])
    }

    @Test func bylinesCreditsAndContributorsAreNotParticipants() {
        let a = AnalysisFixture.analyze("""
            # Headline Here

            Summary line.

            A photo caption. Credit...Doug Mills/The Daily

            By [Peter Baker](#) Nov. 10, 2022

            Jake Sullivan, the national security adviser, said talks were premature.

            Helene Cooper and Zach Montague contributed reporting.
            """)
        for name in ["Peter Baker", "Doug Mills", "Helene Cooper", "Zach Montague"] {
            let actor = a.actor(named: name)
            #expect(actor?.isParticipant == false, "\(name)")
            #expect(actor?.stance == Frame.none)
        }
        #expect(a.actor(named: "Sullivan")?.isParticipant == true)
    }

    @Test func titlesAfterNationalityWordsAndRoleNounsBeforeNames() {
        let a = AnalysisFixture.article("""
            Hungarian Foreign Minister Peter Szijjarto called for a ceasefire. Kremlin spokesman Dmitry Peskov told reporters that Moscow was open to talks.
            """)
        #expect(a.actor(named: "Szijjarto")?.role == "Foreign Minister")
        #expect(a.actor(named: "Peskov") != nil)
        #expect(a.statements.contains { $0.actorID == a.actor(named: "Peskov")?.id && $0.stance == "diplomacy" })
        #expect(!a.actors.contains { $0.name.contains("Hungarian") })
    }

    @Test func organisationsAndGroups() {
        let a = AnalysisFixture.article("""
            A group of progressive House Democrats released a letter recommending negotiations. The Pentagon on Thursday announced more military aid for Ukraine.
            """)
        let group = a.actors.first { $0.kind == .group }
        #expect(group?.name == "progressive House Democrats")
        #expect(group?.aliases.contains("A group of progressive House Democrats") == true)
        #expect(group?.stance == "diplomacy")
        let pentagon = a.actors.first { $0.kind == .organization }
        #expect(pentagon?.name == "Pentagon")
        #expect(pentagon?.stance == "support")
    }

    @Test func theRoleNounPrefersTheUnqualifiedTitleHolder() {
        let a = AnalysisFixture.article("""
            President Vladimir V. Putin of Russia spoke first. President Biden answered. Mr. Biden was calm, and the president left early.
            Later, the Russian leader spoke again.
            """)
        #expect(a.actor(named: "Biden")?.aliases.contains("the president") == true)
        #expect(a.actor(named: "Putin")?.aliases.contains("the Russian leader") == true)
    }

    @Test func hyphenatedAndParticleNames() {
        let a = AnalysisFixture.article("""
            Representative Alexandria Ocasio-Cortez, Democrat of New York, spoke. Ms. Ocasio-Cortez was brief. Ursula von der Leyen, the commission president, replied.
            """)
        #expect(a.persons().map(\.name) == ["Alexandria Ocasio-Cortez", "Ursula von der Leyen"])
        #expect(a.actor(named: "Ocasio-Cortez")?.role == "Democrat of New York")
    }

    @Test func particleSurnamesAndLeadersNamedThroughTheirAdministration() {
        let a = AnalysisFixture.article("""
            Envoys met President Hafez al-Rashid of the republic on Monday. Critics of the Obama administration said little.
            """)
        #expect(a.persons().map(\.name) == ["Hafez al-Rashid", "Obama"])
    }

    @Test func groupsNamedWithALowerCaseCollective() {
        let a = AnalysisFixture.article("""
            The White Ribbon movement demanded an immediate ceasefire on Sunday.

            The Civic Accord faction called for talks without preconditions.
            """)
        #expect(a.actors.contains { $0.kind == .group && $0.name == "White Ribbon movement" && $0.stance == "diplomacy" })
        #expect(a.actors.contains { $0.kind == .group && $0.name == "Civic Accord faction" && $0.stance == "diplomacy" })
    }

    @Test func aRoleNounRightBeforeANameMarksAPerson() {
        let a = AnalysisFixture.article("""
            State Department spokesperson Morwen Ortis described the talks as slow.
            """)
        #expect(a.persons().map(\.name) == ["Morwen Ortis"])
    }

    @Test func creditsNameTheirPeopleButNotTheOutlet() {
        let a = AnalysisFixture.article("""
            Soldiers near the front. Photo: Aurel Stanek/APR

            Ilvana Marok, a surgeon who was operating when the missile hit, said she had lost two colleagues.

            Northgate Observer correspondent Wren Talvo contributed to this report. Produced by Sela Ortiz-Haan.
            """)
        let names = Set(a.persons().map(\.name))
        #expect(names == ["Aurel Stanek", "Ilvana Marok", "Wren Talvo", "Sela Ortiz-Haan"])
    }

    @Test func aPartyOrStateTagMarksALegislator() {
        let a = AnalysisFixture.article("""
            The group also includes Democratic Sens. Dick Durham (Ill.), Tamsin Duckley (Ill.), Coryn Bookman (N.J.) and Vance Holt (R-Utah).

            Officials at North Atlantic Command (NATO) and Eastern Relief (ERA) agreed.
            """)
        #expect(Set(a.persons().map(\.name)) == ["Dick Durham", "Tamsin Duckley", "Coryn Bookman", "Vance Holt"])
    }

    @Test func aFirstNameThatIsAlsoANationalityWord() {
        let a = AnalysisFixture.article("""
            The delegation included Republicans Mark Tanner and French Hollis, and Democrat Jane Ruiz.

            “We will get the aid passed,” Hollis said.

            French officials said the visit was welcome, and British Airways added flights.
            """)
        #expect(a.actor(named: "French Hollis") != nil)
        #expect(a.speaker(of: "aid passed")?.name == "French Hollis")
        #expect(a.persons().allSatisfy { !$0.name.hasPrefix("British") && !$0.name.hasPrefix("French officials") })
    }

    @Test func aFamilyNameWrittenFirstNamesThePersonAlone() {
        let a = AnalysisFixture.article("""
            Unification Minister Park Min-ho met the envoys on Monday. Park made the comments after the meeting.

            “The door is open,” Park said.

            Kim Hae Sung was not at the meeting. Later, an adviser, Kim Dong Won, spoke. “[Kim Hae Sung] is not the problem,” Kim said.
            """)
        let park = a.actor(named: "Park Min-ho")
        #expect(park != nil)
        #expect(a.speaker(of: "The door is open")?.id == park?.id)
        #expect(a.persons().filter { $0.name.hasPrefix("Park") }.count == 1)
        #expect(a.speaker(of: "is not the problem")?.name == "Kim Dong Won")
    }

    @Test func particlesJoinLongNamesAndMarkPersons() {
        let a = AnalysisFixture.article("""
            Omani Prime Minister and Foreign Minister Khalid bin Faisal bin Saud Al Rashidi spoke in Muscat. The talks gave shelter to Omar bin Tariq.

            Hassan Ali al-Marri, head of the committee, said in a statement that the talks would go on.
            """)
        let rashidi = a.actor(named: "Al Rashidi")
        #expect(rashidi?.name == "Khalid bin Faisal bin Saud Al Rashidi")
        #expect(rashidi?.aliases.contains("Omani Prime Minister and Foreign Minister Khalid bin Faisal bin Saud Al Rashidi") == true)
        #expect(a.actor(named: "Omar bin Tariq") != nil)
        #expect(a.actor(named: "al-Marri")?.name == "Hassan Ali al-Marri")
    }

    @Test func aSurnameOfTwoWordsIsOnePerson() {
        let a = AnalysisFixture.article("""
            The prime minister will meet Ben Dor on Monday. Interior Minister Yael Ben Dor announced on Thursday that her party would leave. Ben Dor told reporters she would return later.
            """)
        #expect(a.persons().filter { $0.name.hasSuffix("Ben Dor") }.map(\.name) == ["Yael Ben Dor"])
    }

    @Test func aRoleThatOpensTheArticleNamesThePersonNamedNext() {
        let a = AnalysisFixture.article("""
            The UK foreign secretary has said he is “appalled and sickened” by the strikes on the convoy.

            The strikes on Monday killed dozens of people.

            Speaking on the radio, Tom Ashdale said he regretted that the war had not ended.
            """)
        #expect(a.speaker(of: "appalled and sickened")?.name == "Tom Ashdale")
    }

    @Test func aPhotographerAfterAnAgencyInACredit() {
        let a = AnalysisFixture.article("""
            Senators voted on Wednesday.

            Reuters/Jane Holloway
            """)
        #expect(a.actor(named: "Jane Holloway")?.kind == .person)
    }

    @Test func aFamilyNameBeforeAHyphenatedGivenName() {
        let a = AnalysisFixture.article("""
            South Korean President Park Min-jun said on Monday that the talks would resume.

            “We will keep the door open,” Park said.
            """)
        #expect(a.persons().count == 1)
        #expect(a.speaker(of: "door open")?.name == "Park Min-jun")
    }

    @Test func aLongPatronymicNameAfterTwoOffices() {
        let a = AnalysisFixture.article("""
            “We are close to a formula,” Omani Prime Minister and Foreign Minister Khalid bin Saeed bin Hamad Al Harthi said on Monday.

            “We will meet both sides again soon,” the Omani prime minister said.
            """)
        #expect(a.persons().count == 1)
        #expect(a.speaker(of: "close to a formula")?.name.hasSuffix("Al Harthi") == true)
        #expect(a.speaker(of: "both sides again")?.name.hasSuffix("Al Harthi") == true)
    }

    @Test func aSurnameOfTwoWordsAfterTheFullName() {
        let a = AnalysisFixture.article("""
            Energy Minister Yael Ben Ami said on Monday that the coalition would hold.

            “We stay,” Ben Ami told reporters.
            """)
        #expect(a.persons().count == 1)
        #expect(a.speaker(of: "We stay")?.name == "Yael Ben Ami")
    }

    @Test func aSurnameOfTwoWordsBeforeTheFullName() {
        let a = AnalysisFixture.article("""
            The prime minister will meet Ben Ami on Monday.

            Energy Minister Yael Ben Ami said on Sunday that the coalition would hold.
            """)
        #expect(a.persons().map(\.name) == ["Yael Ben Ami"])
    }

    @Test func aKnownInstitutionNamedLikeAThingIsAnOrganisation() {
        let a = AnalysisFixture.article("""
            Downing Street said it would keep sending weapons to Ukraine. Victoria Station was closed.
            """)
        #expect(a.actors.first { $0.name == "Downing Street" }?.kind == .organization)
        #expect(a.actors.allSatisfy { $0.name != "Victoria Station" })
    }

    @Test func anOfficeNamedWithoutItsHolderIsNoPerson() {
        let a = AnalysisFixture.article("""
            The Deputy Special Envoy said the talks would resume. UN Special Envoy Lotte Varnhagen told reporters \
            she wanted a ceasefire. John Major said nothing.
            """)
        #expect(a.actors.allSatisfy { !$0.name.contains("Envoy") })
        let envoy = a.actors.first { $0.name == "Lotte Varnhagen" }
        #expect(envoy?.role == "Special Envoy")
        #expect(a.actors.contains { $0.name == "John Major" })
    }
}
