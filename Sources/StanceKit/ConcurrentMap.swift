import Foundation

/// Runs `transform` for every index in `0..<count` on all cores and returns the results in index
/// order. Work is handed out one index at a time, so a slow item does not hold up a whole share.
public func concurrentMap<Value: Sendable>(count: Int, _ transform: @Sendable (Int) -> Value) -> [Value] {
    let slots = ResultSlots<Value>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        slots.set(index, transform(index))
    }
    return slots.values
}

/// Fixed slots, each written once by one of the concurrent workers and read after they finish.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }

    /// Every slot, once all are set (concurrentPerform returns only after every iteration ran).
    var values: [Value] { lock.withLock { slots.map { $0! } } }
}
