import OrderedCollections

/// A symmetric TSP solver: exact Held–Karp up to 12 nodes; beyond that, iterated local search until
/// the deadline. The local search (`TSPLocalSearch`) is Lin–Kernighan of depth 5 (breadth 5/3/1/1/1,
/// sequential 2-opt flips), the pure sequential 3-opt segment swap, and Or-opt, over candidate lists
/// that mix the 5 nearest neighbours with the 2 nearest per quadrant when coordinates are known (the
/// quadrant candidates matter on clustered instances). The kicks are random double bridges with
/// segments of up to n/3 nodes; a kicked tour is kept when it is no longer than before, otherwise the
/// kick is undone from the reversal journal. After 5·n kicks without a new best, the search restarts
/// from the best tour hit by 10 double bridges (this escapes the deep funnels of clustered instances
/// such as pr439 and pcb442). Anytime: the best tour so far is returned.
package struct TSPSolver: Sendable {
    /// Creates a solver.
    package init() {}

    /// - Parameters:
    ///   - matrix: symmetric distances.
    ///   - coordinates: the points behind `matrix`, if known (planar); used only for candidate lists.
    ///   - seed: for the perturbations (same seed and same number of polls, same tour).
    ///   - shouldStop: polled once per kick; the CLI passes a wall-clock deadline.
    /// - Returns: a tour (node indices, starting at 0) and its length.
    /// - Complexity: Held–Karp O(2ⁿ n²) for n ≤ 12; otherwise O(n²) set-up (candidates, nearest
    ///   neighbour start) and, per kick, a local search touching a few nodes, each move O(n) at worst.
    package func solve(
        matrix: [[Int]], coordinates: [(Double, Double)]? = nil, seed: UInt64, shouldStop: () -> Bool
    ) -> (tour: [Int], length: Int) {
        let n = matrix.count
        if n <= 3 { return (Array(0..<n), Self.length(Array(0..<n), matrix)) }
        if n <= 12 { return ExactTSP.solve(matrix: matrix) }
        let points = coordinates?.count == n ? coordinates : nil
        let search = TSPLocalSearch(matrix: matrix, neighbours: Self.candidates(matrix, coordinates: points))
        search.setTour(Self.nearestNeighbour(matrix))
        for node in 0..<n { search.activate(node) }
        search.optimize()
        var best = search.order
        var bestLength = search.length
        var random = SplitMix64(seed: seed)
        // Kicks without a new best before a restart from the best tour with a heavier kick.
        let stagnation = 5 * n
        var sinceBest = 0
        while !shouldStop() {
            search.clearJournal()
            let before = search.length
            kick(search, random: &random)
            search.optimize()
            sinceBest += 1
            if search.length <= before {
                if search.length < bestLength {
                    bestLength = search.length
                    best = search.order
                    sinceBest = 0
                }
            } else {
                search.undo(to: 0)
                search.length = before
            }
            if sinceBest >= stagnation {
                // Escape the funnel: 10 double bridges on the best tour, kept whatever they cost.
                sinceBest = 0
                search.setTour(best)
                for _ in 0..<10 { kick(search, random: &random) }
                search.optimize()
            }
        }
        if let start = best.firstIndex(of: 0) { best = Array(best[start...] + best[..<start]) }
        return (best, bestLength)
    }

    /// A double bridge (segment swap A B C D → A C B D) with cuts after a random position p and
    /// after p + i and p + i + j, where i, j are uniform in 1…n/3: large enough to move whole
    /// clusters (pr439), the LK search repairs the rest. O(n) for the flips.
    private func kick(_ search: TSPLocalSearch, random: inout SplitMix64) {
        let n = search.n
        let window = UInt64(max(1, n / 3))
        let p = Int(random.next() % UInt64(n))
        let first = 1 + Int(random.next() % window)
        let second = first + 1 + Int(random.next() % window)
        _ = search.doubleBridge(search.tour[p], search.tour[(p + first) % n], search.tour[(p + second) % n])
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

    /// Candidate lists sorted by distance: the 5 nearest neighbours plus the 2 nearest in each
    /// quadrant around the node when `coordinates` are given (deduplicated), else the 10 nearest.
    /// - Complexity: O(n² · c) for c candidates per node.
    static func candidates(_ matrix: [[Int]], coordinates: [(Double, Double)]?) -> [[Int]] {
        let n = matrix.count
        let nearestCount = min(n - 1, coordinates == nil ? 10 : 5)
        let perQuadrant = 2
        return (0..<n).map { i in
            // Small sorted lists, kept by insertion: (distance, node).
            var nearest: [(Int, Int)] = []
            var quadrants = [[(Int, Int)]](repeating: [], count: 4)
            func insert(_ item: (Int, Int), into list: inout [(Int, Int)], limit: Int) {
                if list.count == limit, let last = list.last, !(item < last) { return }
                var index = list.count
                while index > 0 && item < list[index - 1] { index -= 1 }
                list.insert(item, at: index)
                if list.count > limit { list.removeLast() }
            }
            for j in 0..<n where j != i {
                let item = (matrix[i][j], j)
                insert(item, into: &nearest, limit: nearestCount)
                if let points = coordinates {
                    let dx = points[j].0 - points[i].0
                    let dy = points[j].1 - points[i].1
                    if dx == 0 && dy == 0 { continue }
                    let quadrant = dx > 0 && dy >= 0 ? 0 : dx <= 0 && dy > 0 ? 1 : dx < 0 && dy <= 0 ? 2 : 3
                    insert(item, into: &quadrants[quadrant], limit: perQuadrant)
                }
            }
            // Each node once (the nearest first, then the quadrants' additions), by node index.
            var merged = OrderedDictionary<Int, (Int, Int)>(uniqueKeysWithValues: nearest.map { ($0.1, $0) })
            for list in quadrants {
                for item in list where merged[item.1] == nil { merged[item.1] = item }
            }
            return merged.values.sorted { $0 < $1 }.map(\.1)
        }
    }
}

/// Held–Karp dynamic programming: the optimal tour for up to ~15 nodes (proved, not searched).
package enum ExactTSP {
    /// - Complexity: O(2ⁿ · n²) time, O(2ⁿ · n) memory.
    package static func solve(matrix: [[Int]]) -> (tour: [Int], length: Int) {
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
