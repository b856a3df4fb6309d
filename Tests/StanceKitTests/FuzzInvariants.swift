import StanceKit

/// What every analysis must satisfy whatever the input: the promises other code relies on
/// (the workspace stores spans as offsets, the workbench slices the text by them, the timeline
/// places statements by date). Returns the broken ones, described.
enum AnalysisInvariants {
    static func violations(of analysis: ArticleAnalysis, frame: Frame) -> [String] {
        var problems: [String] = []
        let length = analysis.article.text.unicodeScalars.count
        func checkSpan(_ span: TextSpan, _ what: String) {
            if span.start < 0 || span.start > span.end || span.end > length {
                problems.append("\(what) span \(span.start)..<\(span.end) outside the text (0..<\(length))")
            }
        }
        func checkDay(_ day: Day?, _ what: String) {
            guard let day else { return }
            if Day(year: day.year, month: day.month, day: day.day) == nil { problems.append("\(what) date \(day) is not a real day") }
        }
        checkDay(analysis.article.published, "publication")
        for block in analysis.article.blocks { checkSpan(block.span, "block \(block.role)") }
        let actorIDs = Set(analysis.actors.map(\.id))
        if actorIDs.count != analysis.actors.count { problems.append("actor ids are not unique") }
        if Set(analysis.statements.map(\.id)).count != analysis.statements.count { problems.append("statement ids are not unique") }
        let stances = Set(frame.stanceValues)
        for actor in analysis.actors {
            for mention in actor.mentions { checkSpan(mention, "mention of \(actor.id)") }
            if !stances.contains(actor.stance) { problems.append("actor \(actor.id) has stance \(actor.stance) outside the frame") }
            if !(0...1).contains(actor.confidence) { problems.append("actor \(actor.id) confidence \(actor.confidence)") }
        }
        for statement in analysis.statements {
            checkSpan(statement.span, "statement \(statement.id)")
            checkDay(statement.date, "statement \(statement.id)")
            if !actorIDs.contains(statement.actorID) {
                problems.append("statement \(statement.id) names actor \(statement.actorID), who is not in the analysis")
            }
            if !stances.contains(statement.stance) {
                problems.append("statement \(statement.id) has stance \(statement.stance) outside the frame")
            }
            if !(0...1).contains(statement.confidence) {
                problems.append("statement \(statement.id) confidence \(statement.confidence)")
            }
        }
        return problems
    }
}
