import Testing
@testable import StanceKit

/// Person names the capitalised-run rules used to miss: people known by one name, titles in chains, abbreviated
/// titles, hyphenated first names, initials that are also words. Invented sentences in several outlets' styles.
@Suite("Analysis: names from evidence")
struct AnalysisNamesEvidenceTests {
    // MARK: one-word names

    /// A person known by one name, shown to be one by an age, a role appositive, a known first name beside a speech
    /// verb, or a "he"/"she" opening the next sentence.
    @Test(arguments: [
        ("“We have no medicine left,” said Farida, a nurse who, like many Afghans, uses one name.", "Farida"),
        ("Bongani, 34, a taxi driver, said the strike had cost him a week of fares.", "Bongani"),
        ("Suharto told parliament on Monday the talks would go ahead. He said the army would stay in barracks.", "Suharto"),
        ("Lula said on Tuesday that Brazil backs the truce.", "Lula"),
        ("Sokha, a rice farmer from the border village, told AFP the soldiers had left overnight.", "Sokha"),
        ("“The guns went quiet at dawn,” Tendai, 52, told reporters by telephone from the camp.", "Tendai"),
        ("Ceasefire talks stalled again. Mahamat told state radio that the rebels had broken their word. She added that aid must flow.", "Mahamat"),
        ("Aid has not arrived, said Wanjiru, who runs a shelter in the camp.", "Wanjiru"),
        ("Nyein (41), a teacher, told the Irrawaddy that the junta had shelled the village.", "Nyein"),
    ])
    func aOneWordNameWithEvidenceIsAPerson(sentence: String, name: String) {
        let a = AnalysisFixture.article(published: "2031-05-02", sentence)
        #expect(a.persons().contains { $0.name == name }, "\(name) in: \(sentence)")
    }

    /// Look-alikes: a company, a place, a capitalised plural or an organisation beside a speech verb, with nothing that
    /// shows a person.
    @Test(arguments: [
        "Gazprom said on Monday that supplies would resume. It added that the pipeline was repaired.",
        "Mogadishu said the truce was holding, and Nairobi told envoys it agreed.",
        "Doctors said the wounded were stable. Rescuers told reporters the road was cut.",
        "Parliament, a body of 300 members, voted for the ceasefire.",
        "Meanwhile, Petrobras told investors the deal was off.",
        "Hamas said it would study the proposal, and Reuters reported that talks would resume.",
        "Earlier, the head of the council said the talks would resume.",
        "The envoy of Norland, the senior member of the bloc, was absent.",
        "The talks resumed on Jan. 5 in Geneva. In Jan Geneva hosted another round.",
    ])
    func aOneWordNameWithoutEvidenceIsNoPerson(sentence: String) {
        let a = AnalysisFixture.article(published: "2031-05-02", sentence)
        #expect(a.persons().isEmpty, "\(a.persons().map(\.name)) in: \(sentence)")
    }

    @Test func aOneWordNameIsOnePersonAcrossTheArticle() {
        let a = AnalysisFixture.article(published: "2031-05-02", """
            “We have no medicine left,” said Farida, a nurse at the clinic. Farida added that the road had been closed for a week.

            President Anwar Ibrahim arrived later. Anwar said the convoy would leave on Friday.
            """)
        #expect(a.persons().filter { $0.name == "Farida" }.count == 1)
        #expect(!a.persons().contains { $0.name == "Anwar" })
        #expect(a.actor(named: "Anwar Ibrahim") != nil)
    }

    // MARK: titles and name chains

    /// Honorifics in chains, patronymics, hyphenated first names and particles make one person, named without the
    /// honorifics.
    @Test(arguments: [
        ("Datuk Seri Mohd Aziz Bin Tun Hamid said the agreement was a step forward.", "Mohd Aziz Bin Tun Hamid"),
        ("Tan Sri Dato' Sri Rahim Ismail welcomed the ceasefire on Monday.", "Rahim Ismail"),
        ("Prime Minister Datuk Seri Anwar Ibrahim told ASEAN leaders in Kuala Lumpur that the bloc must act.", "Anwar Ibrahim"),
        ("Sheikh Tamim bin Hamad Al Thani called for a ceasefire.", "Tamim bin Hamad Al Thani"),
        ("Pierre-Emmanuel Ndaye urged calm in Kinshasa on Sunday.", "Pierre-Emmanuel Ndaye"),
        ("Haji Abdul Karim, the village elder, said the shelling stopped.", "Abdul Karim"),
        ("Nguyen Manh Hung, the deputy minister, said Hanoi backs the plan.", "Nguyen Manh Hung"),
        ("Alhaji Musa Bello told journalists in Abuja the talks had resumed.", "Musa Bello"),
    ])
    func aChainOfTitlesAndNamesIsOnePerson(sentence: String, name: String) {
        let a = AnalysisFixture.article(published: "2031-05-02", sentence)
        #expect(a.persons().map(\.name) == [name], "\(a.persons().map(\.name)) in: \(sentence)")
    }

    /// Abbreviated military and civil titles before a name, and initials that are also words.
    @Test(arguments: [
        ("Sec. Lund said the deal was good for both sides.", "Lund"),
        ("Amb. Ortiz urged a ceasefire at the council.", "Ortiz"),
        ("Maj. Gen. Ali Hassan said the troops would stay.", "Ali Hassan"),
        ("Rear Adm. Lisa Moretti said the navy was ready to escort the ships.", "Lisa Moretti"),
        ("Atty. Gen. Mark Pole said charges would follow.", "Mark Pole"),
        ("Pres. Anita Rao called for calm after the vote.", "Anita Rao"),
        ("PM Anwar Ibrahim said the bloc would meet.", "Anwar Ibrahim"),
        ("The talks stalled. A. B. Chen urged restraint.", "A. B. Chen"),
        ("Lt. Col. Samir Aoun, a spokesman for the army, said the truce held.", "Samir Aoun"),
        ("The deal was praised by Jan Lipinski, the foreign minister of Norland.", "Jan Lipinski"),
    ])
    func anAbbreviatedTitleOpensOneName(sentence: String, name: String) {
        let a = AnalysisFixture.article(published: "2031-05-02", sentence)
        #expect(a.persons().map(\.name) == [name], "\(a.persons().map(\.name)) in: \(sentence)")
    }

    /// Look-alikes of a title chain: a place opening with an honorific, and a title word that is the name.
    @Test func aChainStopsWhereNoNameFollows() {
        let a = AnalysisFixture.article(published: "2031-05-02", """
            Sri Lanka said it would host the talks. Senator Bishop said the treaty needed changes.
            """)
        #expect(!a.persons().contains { $0.name.contains("Lanka") })
        #expect(a.actor(named: "Bishop") != nil)
    }
}
