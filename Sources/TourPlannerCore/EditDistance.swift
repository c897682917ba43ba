/// Damerau–Levenshtein (optimal string alignment) distance with an early exit.
package enum EditDistance {
    /// Reusable rows, so a typo search over thousands of keys allocates nothing per key.
    package struct Scratch {
        var previousPrevious: [Int]
        var previous: [Int]
        var current: [Int]
        /// Rows for strings of up to `capacity - 1` bytes (they grow when a longer one comes).
        package init(capacity: Int) {
            previousPrevious = [Int](repeating: 0, count: capacity)
            previous = [Int](repeating: 0, count: capacity)
            current = [Int](repeating: 0, count: capacity)
        }
    }

    /// The distance between `a` and `b`, or `limit + 1` as soon as it must exceed `limit`.
    package static func bounded(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        var scratch = Scratch(capacity: b.count + 1)
        return bounded(a, b, limit: limit, scratch: &scratch)
    }

    /// The distance between `a` and `b`, or `limit + 1` as soon as it must exceed `limit`, using
    /// `scratch`'s rows instead of allocating.
    ///
    /// - Complexity: O(`a.count` × `b.count`) at worst; rows whose minimum passes `limit` end it.
    package static func bounded(_ a: [UInt8], _ b: [UInt8], limit: Int, scratch: inout Scratch) -> Int {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in bounded(a, b, limit: limit, scratch: &scratch) }
        }
    }

    /// The same over bytes in place (a gazetteer keeps its keys' bytes in one buffer).
    package static func bounded(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int, scratch: inout Scratch
    ) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if scratch.previous.count < b.count + 1 { scratch = Scratch(capacity: b.count + 1) }
        // Take the rows out of the scratch so they are uniquely referenced (no copy on write).
        var previousPrevious = scratch.previousPrevious
        var previous = scratch.previous
        var current = scratch.current
        scratch.previousPrevious = []
        scratch.previous = []
        scratch.current = []
        defer {
            scratch.previousPrevious = previousPrevious
            scratch.previous = previous
            scratch.current = current
        }
        for j in 0...b.count { previous[j] = j }
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previousPrevious, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
