/// The local-search engine behind `TSPSolver`: an array tour with node positions, a flat distance
/// table, candidate lists and a queue of active nodes (don't-look bits).
///
/// Moves:
/// * Lin–Kernighan steps of depth up to `maxDepth` (breadth 5/3/1/1/…): each step is a 2-opt flip
///   that keeps the first node `t1` fixed, so the sequence realises sequential 2-, 3-, …-opt moves
///   (the reversing 3-opt "or2.5" moves included). A step is kept only while the partial gain stays
///   positive; the move is applied as soon as closing the tour gains, otherwise the flips are undone.
/// * Pure sequential 3-opt: the segment swap (and the double in-place reversal) that flips keeping
///   `t1` fixed cannot build, with the same gain criterion; O(k²) evaluations per node.
/// * Or-opt: a segment of 1–3 nodes moved next to one of its candidates, in either orientation.
///
/// Memory: a flat copy of the n × n distances (plus O(n·k)); fine for the n ≤ a few thousand served.
///
/// Every change of the tour is a reversal of a (wrapping) range of positions, of the shorter side,
/// so a flip costs O(min(k, n − k)); reversals are journalled, which makes any sequence of moves
/// undoable in reverse order (used for rejected kicks). Nothing is allocated inside the search.
final class TSPLocalSearch {
    let n: Int
    /// Row-major distances, `d[i * n + j]`.
    let d: UnsafeMutablePointer<Int>
    /// Candidate lists, `k` slots per node, sorted by distance; `candidateCount[i]` are used.
    let candidates: UnsafeMutablePointer<Int>
    let candidateCount: UnsafeMutablePointer<Int>
    let k: Int
    let tour: UnsafeMutablePointer<Int>
    let position: UnsafeMutablePointer<Int>
    private let queue: UnsafeMutablePointer<Int>
    private let queued: UnsafeMutablePointer<Bool>
    private var queueSize = 0
    /// Scratch for the LK step: per level, the chosen t3 candidates and their scores.
    private let scratch: UnsafeMutablePointer<Int>
    private let scratchScore: UnsafeMutablePointer<Int>
    /// The nodes of the LK path (t2, t3 per level) of the move being built.
    private let path: UnsafeMutablePointer<Int>
    /// (start, count) of every reversal since the last `clearJournal()`: `journalCount` entries of a
    /// buffer that doubles when full (a pointer, not an array, to avoid exclusivity checks).
    private var journal: UnsafeMutablePointer<Int>
    private var journalCapacity = 4096
    private(set) var journalCount = 0
    /// Current tour length, kept up to date by every move.
    var length = 0

    static let maxDepth = 5
    static let breadth = [5, 3, 1, 1, 1, 1]

    /// - Parameters:
    ///   - matrix: symmetric distances.
    ///   - neighbours: candidate lists (indices), each sorted by increasing distance.
    init(matrix: [[Int]], neighbours: [[Int]]) {
        n = matrix.count
        k = max(1, neighbours.map(\.count).max() ?? 1)
        d = .allocate(capacity: n * n)
        for i in 0..<n { for j in 0..<n { d[i * n + j] = matrix[i][j] } }
        candidates = .allocate(capacity: n * k)
        candidateCount = .allocate(capacity: n)
        for i in 0..<n {
            candidateCount[i] = neighbours[i].count
            for (slot, node) in neighbours[i].enumerated() { candidates[i * k + slot] = node }
        }
        tour = .allocate(capacity: n)
        position = .allocate(capacity: n)
        queue = .allocate(capacity: n)
        queued = .allocate(capacity: n)
        queued.initialize(repeating: false, count: n)
        scratch = .allocate(capacity: (Self.maxDepth + 1) * k)
        scratchScore = .allocate(capacity: (Self.maxDepth + 1) * k)
        path = .allocate(capacity: 3 * (Self.maxDepth + 2))
        journal = .allocate(capacity: journalCapacity)
    }

    deinit {
        d.deallocate()
        candidates.deallocate()
        candidateCount.deallocate()
        tour.deallocate()
        position.deallocate()
        queue.deallocate()
        queued.deallocate()
        scratch.deallocate()
        scratchScore.deallocate()
        path.deallocate()
        journal.deallocate()
    }

    // MARK: Tour

    /// Installs `order` as the tour and recomputes positions and length. O(n).
    func setTour(_ order: [Int]) {
        for (index, node) in order.enumerated() {
            tour[index] = node
            position[node] = index
        }
        var total = 0
        for index in 0..<n { total += d[tour[index] * n + tour[index + 1 == n ? 0 : index + 1]] }
        length = total
    }

    var order: [Int] { Array(UnsafeBufferPointer(start: tour, count: n)) }

    @inline(__always) func dist(_ a: Int, _ b: Int) -> Int { d[a * n + b] }
    @inline(__always) func next(_ node: Int) -> Int {
        let p = position[node] + 1
        return tour[p == n ? 0 : p]
    }
    @inline(__always) func previous(_ node: Int) -> Int {
        let p = position[node]
        return tour[p == 0 ? n - 1 : p - 1]
    }

    /// Reverses `count` positions starting at `start` (wrapping). O(count).
    @inline(__always) private func rawReverse(_ start: Int, _ count: Int) {
        var a = start
        var b = start + count - 1
        if b >= n { b -= n }
        for _ in 0..<(count / 2) {
            let x = tour[a]
            let y = tour[b]
            tour[a] = y
            position[y] = a
            tour[b] = x
            position[x] = b
            a += 1
            if a == n { a = 0 }
            b -= 1
            if b < 0 { b = n - 1 }
        }
    }

    /// Reverses the tour path from position `i` forward to position `j`, or the complementary
    /// path when shorter (the same cyclic tour), and journals it. O(min(k, n − k)).
    private func reverse(_ i: Int, _ j: Int) {
        var count = j - i
        if count < 0 { count += n }
        count += 1
        var start = i
        if count * 2 > n {
            start = j + 1 == n ? 0 : j + 1
            count = n - count
        }
        if count < 2 { return }
        rawReverse(start, count)
        if journalCount + 2 > journalCapacity {
            let larger = UnsafeMutablePointer<Int>.allocate(capacity: 2 * journalCapacity)
            larger.update(from: journal, count: journalCount)
            journal.deallocate()
            journal = larger
            journalCapacity *= 2
        }
        journal[journalCount] = start
        journal[journalCount + 1] = count
        journalCount += 2
    }

    /// The 2-opt move removing edges (a, b) and (c, e), adding (a, c) and (b, e); `b` follows `a`
    /// and `e` follows `c` in the same direction. Does not update `length`.
    @inline(__always) private func twoOpt(_ a: Int, _ b: Int, _ c: Int, _ e: Int) {
        if next(a) == b { reverse(position[b], position[c]) } else { reverse(position[c], position[b]) }
    }

    func clearJournal() { journalCount = 0 }

    /// Undoes the journalled reversals down to `mark` entries, newest first.
    func undo(to mark: Int) {
        while journalCount > mark {
            journalCount -= 2
            rawReverse(journal[journalCount], journal[journalCount + 1])
        }
    }

    // MARK: Queue (don't-look bits)

    @inline(__always) func activate(_ node: Int) {
        if !queued[node] {
            queued[node] = true
            queue[queueSize] = node
            queueSize += 1
        }
    }

    /// Runs the local search until no active node can be improved.
    func optimize() {
        while queueSize > 0 {
            queueSize -= 1
            let a = queue[queueSize]
            queued[a] = false
            if improveLK(a) || improveSegmentSwap(a) || improveOrOpt(a) { activate(a) }
        }
    }

    // MARK: Lin–Kernighan

    private func improveLK(_ t1: Int) -> Bool {
        for direction in 0..<2 {
            let forward = direction == 0
            let t2 = forward ? next(t1) : previous(t1)
            let gain = step(level: 0, t1: t1, t2: t2, gain: dist(t1, t2), forward: forward)
            if gain > 0 {
                length -= gain
                return true
            }
        }
        return false
    }

    /// One LK level: `t2` follows `t1` in direction `forward` and the edge (t1, t2) is the one to
    /// break; `gain` = improvement so far + d(t1, t2). Returns the realised gain (> 0) or 0 with
    /// the tour unchanged.
    private func step(level: Int, t1: Int, t2: Int, gain: Int, forward: Bool) -> Int {
        let base = level * k
        let width = Self.breadth[level]
        var chosen = 0
        let row = t2 * k
        for slot in 0..<candidateCount[t2] {
            let t3 = candidates[row + slot]
            let g1 = gain - dist(t2, t3)
            if g1 <= 0 { break }
            if t3 == t1 { continue }
            let t4 = forward ? previous(t3) : next(t3)
            if t4 == t2 { continue }
            let score = dist(t3, t4) - dist(t2, t3)
            // Insertion into the top-`width` list, best score first.
            var index = chosen < width ? chosen : width - 1
            if chosen == width && scratchScore[base + index] >= score { continue }
            while index > 0 && scratchScore[base + index - 1] < score {
                scratch[base + index] = scratch[base + index - 1]
                scratchScore[base + index] = scratchScore[base + index - 1]
                index -= 1
            }
            scratch[base + index] = t3
            scratchScore[base + index] = score
            if chosen < width { chosen += 1 }
        }
        for index in 0..<chosen {
            let t3 = scratch[base + index]
            let t4 = forward ? previous(t3) : next(t3)
            let open = gain - dist(t2, t3) + dist(t3, t4)
            let closed = open - dist(t4, t1)
            path[3 * level] = t2
            path[3 * level + 1] = t3
            path[3 * level + 2] = t4
            if closed > 0 {
                twoOpt(t1, t2, t4, t3)
                activate(t1)
                for slot in 0...(3 * level + 2) { activate(path[slot]) }
                return closed
            }
            // Flip tentatively only if the next level can gain at all (its nearest candidate).
            if level + 1 < Self.maxDepth && candidateCount[t4] > 0 && dist(t4, candidates[t4 * k]) < open {
                let mark = journalCount
                twoOpt(t1, t2, t4, t3)
                let result = step(level: level + 1, t1: t1, t2: t4, gain: open, forward: next(t1) == t4)
                if result > 0 { return result }
                undo(to: mark)
            }
        }
        return 0
    }

    // MARK: Pure sequential 3-opt

    /// Whether `b` lies on the path from `a` to `c` in direction `forward` (ends included).
    @inline(__always) private func between(_ a: Int, _ b: Int, _ c: Int, forward: Bool) -> Bool {
        var ab = forward ? position[b] - position[a] : position[a] - position[b]
        var ac = forward ? position[c] - position[a] : position[a] - position[c]
        if ab < 0 { ab += n }
        if ac < 0 { ac += n }
        return ab <= ac
    }

    /// The sequential 3-opt moves that flips from t1 cannot build: remove (t1, t2), (t3, t4) and
    /// (t5, t6), where t4 follows t3 in the direction of t2 (which closes t2…t3 into a cycle) and
    /// t5 lies on t2…t3; reconnect as t1 [t6…t3] [t2…t5] t4 (segment swap, no reversal) or
    /// t1 [t6…t2] [t3…t5] t4. Same gain criterion as LK. O(k²) evaluations, O(n) to apply.
    private func improveSegmentSwap(_ t1: Int) -> Bool {
        for direction in 0..<2 {
            let forward = direction == 0
            let t2 = forward ? next(t1) : previous(t1)
            let d12 = dist(t1, t2)
            for slot in 0..<candidateCount[t2] {
                let t3 = candidates[t2 * k + slot]
                let g1 = d12 - dist(t2, t3)
                if g1 <= 0 { break }
                if t3 == t1 { continue }
                let t4 = forward ? next(t3) : previous(t3)
                if t4 == t1 { continue }
                let open = g1 + dist(t3, t4)
                for slot2 in 0..<candidateCount[t4] {
                    let t5 = candidates[t4 * k + slot2]
                    let g2 = open - dist(t4, t5)
                    if g2 <= 0 { break }
                    if !between(t2, t5, t3, forward: forward) { continue }
                    if t5 != t3 {
                        let t6 = forward ? next(t5) : previous(t5)
                        let gain = g2 + dist(t5, t6) - dist(t6, t1)
                        if gain > 0 {
                            twoOpt(t1, t2, t3, t4)  // t1 t3…t6 t5…t2 t4
                            twoOpt(t1, t3, t6, t5)  // t1 t6…t3 t5…t2 t4
                            twoOpt(t3, t5, t2, t4)  // t1 t6…t3 t2…t5 t4
                            finishSwap(gain, t1, t2, t3, t4, t5, t6)
                            return true
                        }
                    }
                    if t5 != t2 {
                        let t6 = forward ? previous(t5) : next(t5)
                        let gain = g2 + dist(t5, t6) - dist(t6, t1)
                        if gain > 0 {
                            twoOpt(t1, t2, t6, t5)  // t1 t6…t2 t5…t3 t4
                            twoOpt(t2, t5, t3, t4)  // t1 t6…t2 t3…t5 t4
                            finishSwap(gain, t1, t2, t3, t4, t5, t6)
                            return true
                        }
                    }
                }
            }
        }
        return false
    }

    private func finishSwap(_ gain: Int, _ t1: Int, _ t2: Int, _ t3: Int, _ t4: Int, _ t5: Int, _ t6: Int) {
        length -= gain
        activate(t1)
        activate(t2)
        activate(t3)
        activate(t4)
        activate(t5)
        activate(t6)
    }

    // MARK: Or-opt

    private func improveOrOpt(_ a: Int) -> Bool {
        for size in 1...3 {
            if size + 3 > n { break }
            // Segments of `size` nodes starting or ending at a.
            for side in 0..<2 {
                let startsAtA = side == 0
                if size == 1 && !startsAtA { break }
                var first = a
                if !startsAtA { for _ in 1..<size { first = previous(first) } }
                var last = first
                for _ in 1..<size { last = next(last) }
                if moveSegment(first: first, last: last) { return true }
            }
        }
        return false
    }

    /// Tries to move the forward segment first…last between two adjacent nodes near one of its ends.
    private func moveSegment(first s: Int, last e: Int) -> Bool {
        let middle = next(s)
        let p = previous(s)
        let q = next(e)
        let removal = dist(p, s) + dist(e, q) - dist(p, q)
        if removal <= 0 { return false }
        for side in 0..<2 {
            let end = side == 0 ? s : e
            let row = end * k
            for slot in 0..<candidateCount[end] {
                let c = candidates[row + slot]
                if dist(end, c) >= removal { break }
                if c == s || c == e || c == middle { continue }
                // The two gaps next to c: (c, next(c)) and (previous(c), c).
                for gap in 0..<2 {
                    let gapAfter = gap == 0
                    let x = gapAfter ? c : previous(c)
                    let y = gapAfter ? next(c) : c
                    if x == s || x == e || x == middle || y == s || y == e || y == middle { continue }
                    if x == q || y == p { continue }
                    let straight = dist(x, s) + dist(e, y) - dist(x, y)
                    let reversed = dist(x, e) + dist(s, y) - dist(x, y)
                    let best = min(straight, reversed)
                    if best < removal {
                        applyOrOpt(s: s, e: e, p: p, q: q, x: x, y: y, reversed: reversed <= straight)
                        length -= removal - best
                        activate(p)
                        activate(q)
                        activate(s)
                        activate(e)
                        activate(x)
                        activate(y)
                        return true
                    }
                }
            }
        }
        return false
    }

    /// Moves forward segment s…e (between p and q) into the edge (x, y), y = next(x), as x e…s y
    /// (`reversed`) or x s…e y, by two or three 2-opt flips.
    private func applyOrOpt(s: Int, e: Int, p: Int, q: Int, x: Int, y: Int, reversed: Bool) {
        twoOpt(p, s, x, y)  // p x … q e … s y
        twoOpt(p, x, q, e)  // p q … x e … s y
        if !reversed && s != e { twoOpt(x, e, s, y) }  // p q … x s … e y
    }

    // MARK: Kicks

    /// Double bridge with cut edges after the (distinct) nodes u, v, w: A B C D → A C B D.
    /// Returns false (tour unchanged) if the cuts are degenerate. O(n) worst case.
    func doubleBridge(_ u: Int, _ v: Int, _ w: Int) -> Bool {
        var a = position[u]
        var b = position[v]
        var c = position[w]
        if a > b { swap(&a, &b) }
        if b > c { swap(&b, &c) }
        if a > b { swap(&a, &b) }
        if a == b || b == c || (c + 1) % n == a { return false }
        let x1 = tour[a]
        let x2 = tour[a + 1]
        let y1 = tour[b]
        let y2 = tour[b + 1]
        let z1 = tour[c]
        let z2 = tour[c + 1 == n ? 0 : c + 1]
        length +=
            dist(x1, y2) + dist(z1, x2) + dist(y1, z2) - dist(x1, x2) - dist(y1, y2) - dist(z1, z2)
        twoOpt(x1, x2, z1, z2)  // x1 z1 … y2 y1 … x2 z2
        twoOpt(x1, z1, y2, y1)  // x1 y2 … z1 y1 … x2 z2
        twoOpt(z1, y1, x2, z2)  // x1 y2 … z1 x2 … y1 z2
        activate(x1)
        activate(x2)
        activate(y1)
        activate(y2)
        activate(z1)
        activate(z2)
        return true
    }
}
