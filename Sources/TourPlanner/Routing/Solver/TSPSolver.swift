/// A symmetric TSP solver: exact Held–Karp up to 12 nodes; beyond that, iterated local search
/// (2-opt and Or-opt with neighbour lists and don't-look bits, perturbed by local double bridges)
/// until the deadline. Anytime: the best tour so far is returned.
public struct TSPSolver: Sendable {
    public init() {}

    /// - Parameters:
    ///   - matrix: symmetric distances.
    ///   - seed: for the perturbations (same seed, same tour).
    ///   - shouldStop: polled between iterations; the CLI passes a wall-clock deadline.
    /// - Returns: a tour (node indices, starting at 0) and its length.
    /// - Complexity: Held–Karp O(2ⁿ n²) for n ≤ 12; each local-search pass O(n·k) for k neighbours.
    public func solve(matrix: [[Int]], seed: UInt64, shouldStop: () -> Bool) -> (tour: [Int], length: Int) {
        let n = matrix.count
        if n <= 3 { return (Array(0..<n), Self.length(Array(0..<n), matrix)) }
        if n <= 12 { return ExactTSP.solve(matrix: matrix) }
        var search = LocalSearch(matrix: matrix, neighbours: min(10, n - 1))
        search.tour = Self.nearestNeighbour(matrix)
        search.reindex()
        search.optimize(active: Array(0..<n))
        var best = search.tour
        var bestLength = search.length()
        var current = bestLength
        var random = SplitMix64(seed: seed)
        var iterations = 0
        while !shouldStop() {
            iterations += 1
            let saved = search.tour
            let touched = search.perturb(random: &random)
            search.optimize(active: touched)
            let length = search.length()
            if length < current || (length == current && iterations % 2 == 0) {
                current = length
                if length < bestLength {
                    bestLength = length
                    best = search.tour
                }
            } else {
                search.tour = saved
                search.reindex()
            }
        }
        if let start = best.firstIndex(of: 0) { best = Array(best[start...] + best[..<start]) }
        return (best, bestLength)
    }

    static func length(_ tour: [Int], _ matrix: [[Int]]) -> Int {
        var total = 0
        for index in tour.indices { total += matrix[tour[index]][tour[(index + 1) % tour.count]] }
        return total
    }

    static func nearestNeighbour(_ matrix: [[Int]]) -> [Int] {
        let n = matrix.count
        var visited = [Bool](repeating: false, count: n)
        var tour = [0]
        visited[0] = true
        for _ in 1..<n {
            let last = tour[tour.count - 1]
            var best = -1
            for candidate in 0..<n
            where !visited[candidate] && (best < 0 || matrix[last][candidate] < matrix[last][best]) { best = candidate }
            tour.append(best)
            visited[best] = true
        }
        return tour
    }

    /// Array-based tour with positions, neighbour lists and don't-look bits.
    struct LocalSearch {
        let d: [[Int]]
        let near: [[Int]]
        var tour: [Int] = []
        var position: [Int]
        let n: Int

        init(matrix: [[Int]], neighbours: Int) {
            d = matrix
            n = matrix.count
            near = (0..<matrix.count).map { i in
                Array(
                    (0..<matrix.count).filter { $0 != i }.sorted { (matrix[i][$0], $0) < (matrix[i][$1], $1) }.prefix(
                        neighbours))
            }
            position = [Int](repeating: 0, count: matrix.count)
        }

        mutating func reindex() { for (index, node) in tour.enumerated() { position[node] = index } }
        func next(_ node: Int) -> Int { tour[(position[node] + 1) % n] }
        func previous(_ node: Int) -> Int { tour[(position[node] + n - 1) % n] }
        func length() -> Int { TSPSolver.length(tour, d) }

        /// Reverses the tour path from position i forward to position j (inclusive), or the
        /// complementary path when that is shorter (the same tour, reversed).
        mutating func reverse(from i: Int, to j: Int) {
            var count = (j - i + n) % n + 1
            var a = i, b = j
            if count * 2 > n {
                a = (j + 1) % n
                b = (i + n - 1) % n
                count = n - count
            }
            for _ in 0..<(count / 2) {
                let x = tour[a], y = tour[b]
                tour[a] = y
                tour[b] = x
                position[y] = a
                position[x] = b
                a = (a + 1) % n
                b = (b + n - 1) % n
            }
        }

        mutating func optimize(active start: [Int]) {
            var queue = start
            var queued = [Bool](repeating: false, count: n)
            for node in start { queued[node] = true }
            while let a = queue.popLast() {
                queued[a] = false
                var improved = false
                // 2-opt, both tour neighbours of a.
                for forward in [true, false] where !improved {
                    let b = forward ? next(a) : previous(a)
                    let ab = d[a][b]
                    for c in near[a] {
                        let gain = ab - d[a][c]
                        if gain <= 0 { break }
                        let e = forward ? next(c) : previous(c)
                        if c == b || e == a { continue }
                        let delta = d[a][c] + d[b][e] - ab - d[c][e]
                        if delta < 0 {
                            if forward {
                                reverse(from: position[b], to: position[c])
                            } else {
                                reverse(from: position[c], to: position[b])
                            }
                            for node in [a, b, c, e] where !queued[node] { queued[node] = true; queue.append(node) }
                            improved = true
                            break
                        }
                    }
                }
                // Or-opt: move a segment of 1–3 nodes starting at a elsewhere (either orientation).
                if !improved {
                    for segment in 1...3 where !improved {
                        let first = a
                        var last = a
                        for _ in 1..<segment { last = next(last) }
                        let p = previous(first), q = next(last)
                        if q == first || p == last || segment >= n - 2 { continue }
                        let removal = d[p][first] + d[last][q] - d[p][q]
                        var inSegment = Set<Int>()
                        var node = first
                        for _ in 0..<segment { inSegment.insert(node); node = next(node) }
                        for c in near[first] + near[last] where !inSegment.contains(c) {
                            let e = next(c)
                            if inSegment.contains(e) { continue }
                            let straight = d[c][first] + d[last][e] - d[c][e]
                            let reversed = d[c][last] + d[first][e] - d[c][e]
                            let cost = min(straight, reversed)
                            if cost - removal < 0 {
                                moveSegment(first: first, count: segment, after: c, reversed: reversed < straight)
                                for touched in [p, q, c, e, first, last] where !queued[touched] {
                                    queued[touched] = true; queue.append(touched)
                                }
                                improved = true
                                break
                            }
                        }
                    }
                }
                if improved && !queued[a] { queued[a] = true; queue.append(a) }
            }
        }

        mutating func moveSegment(first: Int, count: Int, after target: Int, reversed: Bool) {
            var segment: [Int] = []
            var node = first
            for _ in 0..<count { segment.append(node); node = next(node) }
            var cursor = node  // the node after the segment, in tour order
            if reversed { segment.reverse() }
            let moving = Set(segment)
            var rebuilt: [Int] = []
            rebuilt.reserveCapacity(n)
            // Walk the tour once from after the segment, inserting it after `target`.
            for _ in 0..<(n - count) {
                rebuilt.append(cursor)
                if cursor == target { rebuilt += segment }
                cursor = next(cursor)
                while moving.contains(cursor) { cursor = next(cursor) }
            }
            tour = rebuilt
            reindex()
        }

        /// A double bridge on a local window: A B C D → A C B D, cuts within 3–50 positions.
        mutating func perturb(random: inout SplitMix64) -> [Int] {
            let window = min(n - 1, 50)
            let start = Int(random.next() % UInt64(n))
            var cuts = Set<Int>()
            while cuts.count < 3 { cuts.insert(1 + Int(random.next() % UInt64(max(1, window - 1)))) }
            let sorted = cuts.sorted()
            let (i, j, k) = (sorted[0], sorted[1], sorted[2])
            let rotated = Array(tour[start...] + tour[..<start])
            let a = rotated[0..<i], b = rotated[i..<j], c = rotated[j..<k], rest = rotated[k...]
            tour = Array(a + c + b + rest)
            reindex()
            return [rotated[0], rotated[i - 1], rotated[i], rotated[j - 1], rotated[j], rotated[k - 1], rotated[k % n]]
        }
    }
}

/// Held–Karp dynamic programming: the optimal tour for up to ~15 nodes (proved, not searched).
public enum ExactTSP {
    /// - Complexity: O(2ⁿ · n²) time, O(2ⁿ · n) memory.
    public static func solve(matrix: [[Int]]) -> (tour: [Int], length: Int) {
        let n = matrix.count
        if n <= 3 { return (Array(0..<n), TSPSolver.length(Array(0..<n), matrix)) }
        let full = 1 << (n - 1)
        let infinity = Int.max / 4
        var cost = [Int](repeating: infinity, count: full * (n - 1))
        var parent = [Int](repeating: -1, count: full * (n - 1))
        for j in 0..<(n - 1) { cost[(1 << j) * (n - 1) + j] = matrix[0][j + 1] }
        for mask in 1..<full {
            for j in 0..<(n - 1) where mask & (1 << j) != 0 {
                let current = cost[mask * (n - 1) + j]
                if current >= infinity { continue }
                for k in 0..<(n - 1) where mask & (1 << k) == 0 {
                    let next = mask | (1 << k)
                    let candidate = current + matrix[j + 1][k + 1]
                    if candidate < cost[next * (n - 1) + k] {
                        cost[next * (n - 1) + k] = candidate
                        parent[next * (n - 1) + k] = j
                    }
                }
            }
        }
        var best = infinity, last = 0
        for j in 0..<(n - 1) where cost[(full - 1) * (n - 1) + j] + matrix[j + 1][0] < best {
            best = cost[(full - 1) * (n - 1) + j] + matrix[j + 1][0]
            last = j
        }
        var tour: [Int] = []
        var mask = full - 1
        var node = last
        while node >= 0 {
            tour.append(node + 1)
            let previous = parent[mask * (n - 1) + node]
            mask &= ~(1 << node)
            node = previous
        }
        return ([0] + tour.reversed(), best)
    }
}
