import Foundation
import TOMLKit

/// A frame file that could not be used; the message names the file and, where known, line and column.
public struct FrameError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    public var description: String {
        var where_ = file
        if let line { where_ += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return "\(where_): \(message)"
    }
}

/// Frames shipped in `Resources/Frames` and frames read from files.
public enum FrameLibrary {
    public static let defaultName = "diplomacy-vs-support"

    public static var builtInNames: [String] {
        guard let dir = Bundle.module.url(forResource: "Frames", withExtension: nil),
              let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The default frame; it ships with the package, so failing to load it is a build defect.
    public static let defaultFrame: Frame = {
        do { return try load(nameOrPath: defaultName) } catch { fatalError("built-in frame broken: \(error)") }
    }()

    /// A built-in frame by name ("diplomacy-vs-support"), or a TOML file by path.
    public static func load(nameOrPath: String) throws -> Frame {
        if !nameOrPath.contains("/"), !nameOrPath.hasSuffix(".toml"),
           let url = Bundle.module.url(forResource: nameOrPath, withExtension: "toml", subdirectory: "Frames") {
            return try parse(String(contentsOf: url, encoding: .utf8), file: nameOrPath)
        }
        guard let data = FileManager.default.contents(atPath: nameOrPath) else {
            let known = builtInNames.joined(separator: ", ")
            throw FrameError(file: nameOrPath, message: "no such frame file or built-in frame (built-in: \(known))")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: nameOrPath)
    }

    /// Parses and checks a frame; every cue is compiled once so syntax errors surface here.
    public static func parse(_ source: String, file: String) throws -> Frame {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            throw FrameError(file: file, line: error.source.begin.line, column: error.source.begin.column,
                             message: error.description)
        }
        func fail(_ message: String, near needle: String? = nil) -> FrameError {
            let line = needle.flatMap { lineOf($0, in: source) }
            return FrameError(file: file, line: line, column: line == nil ? nil : 1, message: message)
        }
        func string(_ t: TOMLTable, _ key: String, context: String) throws -> String {
            guard let value = t[key]?.string, !value.isEmpty else {
                throw fail("\(context): missing text value `\(key)`", near: context == "frame" ? nil : "id")
            }
            return value
        }
        func strings(_ value: TOMLValueConvertible?, _ key: String) throws -> [String] {
            guard let value else { return [] }
            guard let array = value.array else { throw fail("`\(key)` must be a list of strings", near: key) }
            return try array.map {
                guard let s = $0.string else { throw fail("`\(key)` must be a list of strings", near: key) }
                return s
            }
        }
        let id = try string(table, "id", context: "frame")
        var classes: [String: [String]] = [:]
        if let classTable = table["classes"] {
            guard let t = classTable.table else { throw fail("`classes` must be a table", near: "[classes]") }
            for key in t.keys { classes[key] = try strings(t[key], key) }
        }
        var parties: [String: [String]] = [:]
        if let partyTable = table["parties"] {
            guard let t = partyTable.table else { throw fail("`parties` must be a table", near: "[parties]") }
            for key in t.keys { parties[key] = try strings(t[key], key) }
        }
        var acts: [String: String] = [:]
        if let actTable = table["acts"] {
            guard let t = actTable.table else { throw fail("`acts` must be a table", near: "[acts]") }
            for key in t.keys {
                guard let position = t[key]?.string else { throw fail("`acts.\(key)` must be a position id", near: key) }
                acts[key] = position
            }
        }
        guard let positionArray = table["positions"]?.array, !positionArray.isEmpty else {
            throw fail("a frame needs at least one [[positions]] table")
        }
        var positions: [Frame.Position] = []
        for value in positionArray {
            guard let t = value.table else { throw fail("each entry of `positions` must be a table", near: "[[positions]]") }
            let pid = try string(t, "id", context: "position")
            if pid == Frame.mixed || pid == Frame.none || positions.contains(where: { $0.id == pid }) {
                throw fail("position id `\(pid)` is reserved or repeated", near: "\"\(pid)\"")
            }
            positions.append(Frame.Position(id: pid, label: t["label"]?.string ?? pid, glyph: t["glyph"]?.string ?? String(pid.prefix(1)),
                                            key: t["key"]?.string ?? String(pid.prefix(1)), cues: try strings(t["cues"], "cues")))
        }
        let frame = Frame(id: id, name: table["name"]?.string ?? id, description: table["description"]?.string ?? "",
                          positions: positions, classes: classes.isEmpty ? nil : classes,
                          reversers: try table["reversers"].map { try strings($0, "reversers") },
                          parties: parties.isEmpty ? nil : parties, acts: acts.isEmpty ? nil : acts)
        for (kind, position) in acts where frame.position(position) == nil {
            throw fail("act `\(kind)` names no position of the frame: `\(position)`", near: kind)
        }
        do {
            _ = try CompiledFrame(frame)
        } catch let error as CompiledFrame.CueError {
            throw fail(error.message, near: "\"\(error.cue)")
        }
        return frame
    }

    static func lineOf(_ needle: String, in source: String) -> Int? {
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.contains(needle) && !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            return index + 1
        }
        return nil
    }
}
