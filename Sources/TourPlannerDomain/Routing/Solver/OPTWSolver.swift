/// Orienteering with time windows (one route): greedy insertion by score per added time, then
/// ruin-and-recreate keeping the best score (ties: the shorter route) until the deadline.
/// Travel times are rounded up to 1/1000 so every answer is feasible in double precision.
package struct OPTWSolver: Sendable {
    /// Creates a solver.
    package init() {}

    /// Finds a high-scoring route from vertex 0 back to vertex 0 whose visits all fall inside their
    /// time windows and which is back before vertex 0 closes.
    ///
    /// - Parameters:
    ///   - instance: the orienteering instance.
    ///   - seed: seed of the ruin-and-recreate steps: the same seed and stopping point give the same route.
    ///   - shouldStop: polled between improvement steps; the search ends when it returns true.
    /// - Returns: the best route found (the visited vertices in order, without vertex 0) and its total profit.
    package func solve(_ instance: OPTWInstance, seed: UInt64, shouldStop: () -> Bool) -> (route: [Int], score: Int) {
        let n = instance.x.count
        var t = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0..<n {
                let dx = instance.x[i] - instance.x[j], dy = instance.y[i] - instance.y[j]
                t[i][j] = ((dx * dx + dy * dy).squareRoot() * 1000).rounded(.up) / 1000
            }
        }
        func feasible(_ route: [Int]) -> Double? {
            var time = instance.open[0], previous = 0
            for node in route {
                time = max(time + t[previous][node], instance.open[node])
                if time > instance.close[node] { return nil }
                time += instance.service[node]
                previous = node
            }
            time += t[previous][0]
            return time <= instance.close[0] ? time : nil
        }
        func score(_ route: [Int]) -> Int { route.reduce(0) { $0 + instance.profit[$1] } }
        func fill(_ route: inout [Int], excluded: Set<Int>, random: inout SplitMix64) {
            var visited = Set(route)
            while true {
                var best: (ratio: Double, node: Int, position: Int)?
                let base = feasible(route) ?? 0
                for u in 1..<n where !visited.contains(u) && !excluded.contains(u) && instance.profit[u] > 0 {
                    for position in 0...route.count {
                        var trial = route
                        trial.insert(u, at: position)
                        guard let end = feasible(trial) else { continue }
                        let ratio = Double(instance.profit[u]) / max(0.001, end - base + 1)
                        if best == nil || ratio > (best?.ratio ?? 0) { best = (ratio, u, position) }
                    }
                }
                guard let chosen = best else { return }
                route.insert(chosen.node, at: chosen.position)
                visited.insert(chosen.node)
            }
        }
        var random = SplitMix64(seed: seed)
        var current: [Int] = []
        fill(&current, excluded: [], random: &random)
        var best = current
        var bestScore = score(current), currentScore = bestScore
        var bestTime = feasible(current) ?? .infinity
        while !shouldStop() && !current.isEmpty {
            var candidate = current
            let removeCount = 1 + Int(random.next() % UInt64(max(1, min(8, candidate.count))))
            var removed = Set<Int>()
            let start = Int(random.next() % UInt64(candidate.count))
            for offset in 0..<removeCount where start < candidate.count {
                _ = offset
                removed.insert(candidate.remove(at: min(start, candidate.count - 1)))
                if candidate.isEmpty { break }
            }
            fill(&candidate, excluded: random.next() % 2 == 0 ? removed : [], random: &random)
            fill(&candidate, excluded: [], random: &random)
            let candidateScore = score(candidate)
            let time = feasible(candidate) ?? .infinity
            if candidateScore >= currentScore - (random.next() % 10 == 0 ? 5 : 0) {
                current = candidate
                currentScore = candidateScore
            }
            if candidateScore > bestScore || (candidateScore == bestScore && time < bestTime) {
                best = candidate
                bestScore = candidateScore
                bestTime = time
            }
        }
        return (best, bestScore)
    }
}
