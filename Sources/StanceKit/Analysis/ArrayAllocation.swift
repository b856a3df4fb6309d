extension Array {
    /// `count` copies of `value`, the same array as `Array(repeating:count:)`, allocated by code specialised for
    /// the element type. The standard library's `init(repeating:count:)` and
    /// `init(unsafeUninitializedCapacity:initializingWith:)` allocate through its unspecialised
    /// `_allocateBufferUninitialized`, which looks up the generic metadata of the array's storage class at every
    /// call (Swift 6.3 on Linux, callgrind: about 390 of the 600 instructions a small array costs; 27,581 calls
    /// in 130 analyses). Reserving and appending stay in specialised code. Worth it for arrays made per
    /// statement, name or paragraph; the few made per article keep the plain form.
    @inline(__always) init(specialisedRepeating value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }

    /// The elements `initialize` writes to the front of a buffer of `capacity`, returning how many it wrote: the
    /// same array as `init(unsafeUninitializedCapacity:initializingWith:)`, written to stack space and copied
    /// (see `init(specialisedRepeating:count:)` for why). For small arrays only: the stack holds `capacity` elements.
    @inline(__always) init(smallCapacity capacity: Int, initializingWith initialize: (UnsafeMutableBufferPointer<Element>) -> Int) {
        self = withUnsafeTemporaryAllocation(of: Element.self, capacity: capacity) { buffer in
            let written = UnsafeMutableBufferPointer(rebasing: buffer[..<initialize(buffer)])
            defer { written.deinitialize() }
            return Array(written)
        }
    }
}
