/// The readable report `stancebench analyze` prints without --json: actors grouped by position, each
/// with their strongest quote.
public enum AnalysisReport {
    public static func text(_ analysis: ArticleAnalysis, frame: Frame) -> String {
        let a = analysis.article
        var lines: [String] = []
        lines.append("== \(a.file)")
        let header = [a.source, a.published?.description, a.title].compactMap { $0 }.joined(separator: " · ")
        if !header.isEmpty { lines.append(header) }
        if !a.byline.isEmpty { lines.append("By " + a.byline.joined(separator: ", ")) }
        let groups: [(String, String, String)] = frame.positions.map { ($0.id, $0.glyph, $0.label) }
            + [(Frame.mixed, "±", "Mixed")]
        for (id, glyph, label) in groups {
            let actors = analysis.actors.filter { $0.stance == id }
            guard !actors.isEmpty else { continue }
            lines.append("")
            lines.append("\(glyph) \(label)")
            for actor in actors {
                let role = actor.role.map { " (\($0))" } ?? ""
                lines.append("  \(actor.name)\(role)  confidence \(String(format: "%.2f", actor.confidence))")
                if let key = keyStatement(of: actor, in: analysis) {
                    let shown = key.kind == .direct ? "“\(clip(key.text))”" : clip(key.text)
                    lines.append("      \(shown) [\(key.kind.rawValue), \(key.date?.description ?? "undated")]")
                }
            }
        }
        let quiet = analysis.actors.filter { $0.stance == Frame.none }
        if !quiet.isEmpty {
            lines.append("")
            lines.append("· No stance: " + quiet.map { $0.isParticipant ? $0.name : "\($0.name) (not a participant)" }.joined(separator: ", "))
        }
        lines.append("")
        lines.append("\(analysis.statements.count) statements, \(analysis.actors.count) actors")
        return lines.joined(separator: "\n")
    }

    /// The statement that best shows the actor's stance: same stance, direct quotes first, most confident.
    static func keyStatement(of actor: Actor, in analysis: ArticleAnalysis) -> Statement? {
        analysis.statements.filter { $0.actorID == actor.id && ($0.stance == actor.stance || actor.stance == Frame.mixed) }
            .max { ($0.kind == .direct ? 1 : 0, $0.confidence) < ($1.kind == .direct ? 1 : 0, $1.confidence) }
    }

    static func clip(_ s: String, _ n: Int = 160) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }
}

import Foundation
