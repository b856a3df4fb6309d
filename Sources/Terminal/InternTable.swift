import Foundation

/// Strings numbered in order of first use, so that a value can hold a string's number instead of
/// the string: a `Slot` or a `CellText` then copies and compares as plain bits, with no reference
/// counting and no string comparison on every cell of every frame. Numbers are never reused and the
/// table only grows; it holds what a terminal shows (slot names, the rare grapheme cluster of more
/// than one scalar), a few hundred entries even after many articles.
final class InternTable: @unchecked Sendable {
    // @unchecked: `numbers` and `strings` are only touched while `lock` is held.
    private let lock = NSLock()
    private var numbers: [String: UInt32] = [:]
    private var strings: [String] = []

    /// The number of `string`, given it on first use.
    func number(for string: String) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        if let known = numbers[string] { return known }
        let number = UInt32(strings.count)
        strings.append(string)
        numbers[string] = number
        return number
    }

    /// The string numbered `number` by `number(for:)`.
    func string(numbered number: UInt32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return strings[Int(number)]
    }
}
