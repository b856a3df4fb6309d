/// People named together who then speak as one: "President X of A and President Y of B met in Geneva. “The war is
/// over,” the leaders said in a joint declaration." "The leaders" is a group of its own, whose members are the people
/// just named, and what the group says is each member's position too.
extension EntityRecognizer {
    /// How many sentences back (the reference's own included) the members are looked for.
    static let memberSentenceReach: Int32 = 2
    /// How many named mentions before the reference are read: enough for a list of leaders and their titles.
    static let memberMentionReach = 16

    /// The group that "the leaders" (at `first`, its noun at `noun`) means when no group was named before: a new
    /// group, when it stands as a clause's subject and two or more people were named just before; -1 otherwise.
    /// `people` holds the named people's mentions by start, made on first use.
    mutating func pluralSpeaker(_ first: Int, noun: Int, people: inout [Mention]?) -> Int {
        guard word(first) == Words.the, lex.groupMembers.contains(word: tok(noun).hash), verbFollows(noun) else { return -1 }
        if people == nil {
            people = mentions.filter { $0.kind == .named && $0.actor >= 0 && actors[$0.actor].kind == .person && text.quoteOf[$0.first] < 0 }
                .sorted { $0.first < $1.first }
        }
        guard let people else { return -1 }
        var lo = 0, hi = people.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if people[mid].first < first { lo = mid + 1 } else { hi = mid }
        }
        let sentence = text.sentenceOf[first]
        var members: [Int] = []
        var k = lo - 1
        while k >= 0, lo - k <= Self.memberMentionReach, sentence - text.sentenceOf[people[k].first] < Self.memberSentenceReach {
            if !members.contains(people[k].actor) { members.append(people[k].actor) }
            k -= 1
        }
        guard members.count >= 2 else { return -1 }
        let key = WordHash.key([tok(noun).hash])
        let group: Int
        if let known = otherByKey[key], actors[known].kind == .group {
            group = known
        } else {
            group = actors.count
            actors.append(ActorDraft(name: text.text(noun, noun), kind: .group, key: key))
            otherByKey[key] = group
        }
        actors[group].addAlias(text.text(first, noun))
        actors[group].participant = true
        namedMembers.append((group, members.reversed()))
        return group
    }
}

extension AnalysisRun {
    /// Each member of a group formed from people named together takes the positions the group states.
    mutating func shareWithNamedMembers() {
        guard !entities.namedMembers.isEmpty else { return }
        var groupSignals: [Int: StanceSignal] = [:]
        for group in entities.namedMembers.map(\.group) { groupSignals[group] = StanceSignal(positions: frame.positions.count) }
        for d in drafts.indices where groupSignals[drafts[d].actor] != nil { groupSignals[drafts[d].actor]!.add(drafts[d].signal) }
        for (group, members) in entities.namedMembers {
            guard let signal = groupSignals[group], signal.total > 0 else { continue }
            for member in members { memberSignals[member, default: StanceSignal(positions: frame.positions.count)].add(signal) }
        }
    }
}
