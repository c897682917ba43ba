/// Vehicle routing with time windows (Solomon): cheapest feasible insertion, then large
/// neighbourhood search (random and related removals, greedy reinsertion with O(1) time-window
/// checks from forward/backward slack) until the deadline. Distances and times in tenths
/// (truncated), the literature's convention for the Solomon optima.
public struct VRPTWSolver: Sendable {
    public init() {}

    struct Problem {
        let n: Int
        let d: [[Int]]
        let ready: [Int], due: [Int], service: [Int], demand: [Int]
        let capacity: Int
        let vehicles: Int
    }

    struct Route {
        var nodes: [Int]  // customers only
        var load = 0
        var earliest: [Int] = []  // service start at each position incl. depots (0 … k+1)
        var latest: [Int] = []
    }

    /// - Returns: routes of customer numbers and the total distance in tenths; nil when even the
    ///   construction cannot place every customer within the fleet.
    public func solve(_ instance: VRPTWInstance, seed: UInt64, shouldStop: () -> Bool) -> (routes: [[Int]], cost: Int)?
    {
        let n = instance.x.count
        var d = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0..<n {
                let dx = instance.x[i] - instance.x[j], dy = instance.y[i] - instance.y[j]
                d[i][j] = Int((10 * (dx * dx + dy * dy).squareRoot()).rounded(.towardZero))
            }
        }
        let problem = Problem(
            n: n, d: d, ready: instance.ready.map { $0 * 10 }, due: instance.due.map { $0 * 10 },
            service: instance.service.map { $0 * 10 },
            demand: instance.demand, capacity: instance.capacity, vehicles: instance.vehicles)
        var random = SplitMix64(seed: seed)
        var routes: [Route] = []
        let order = (1..<n).sorted { (problem.due[$0], $0) < (problem.due[$1], $1) }
        guard insertAll(order, into: &routes, problem) else { return nil }
        var current = routes
        var currentCost = cost(routes, problem)
        var best = routes
        var bestCost = currentCost
        var iteration = 0
        while !shouldStop() {
            iteration += 1
            var candidate = current
            let removeCount = 5 + Int(random.next() % UInt64(max(1, n / 6)))
            var removed: [Int] = []
            if iteration % 3 == 0 && current.count > 1 {
                // Route removal: every customer of the shortest route (spreads it over the others).
                let shortest =
                    current.indices.min { (current[$0].nodes.count, $0) < (current[$1].nodes.count, $1) } ?? 0
                let extra = current.indices[Int(random.next() % UInt64(current.count))]
                removed =
                    current[shortest].nodes
                    + (random.next() % 2 == 0 && extra != shortest ? current[extra].nodes.prefix(3) : [])
            } else if iteration % 3 == 1 {
                // Related removal: a seed customer and its nearest routed neighbours.
                let seedCustomer = 1 + Int(random.next() % UInt64(n - 1))
                removed = (1..<n).sorted { (d[seedCustomer][$0], $0) < (d[seedCustomer][$1], $1) }.prefix(removeCount)
                    .map { $0 }
            } else {
                var pool = Array(1..<n)
                for _ in 0..<removeCount where !pool.isEmpty {
                    removed.append(pool.remove(at: Int(random.next() % UInt64(pool.count))))
                }
            }
            let set = Set(removed)
            for index in candidate.indices { candidate[index].nodes.removeAll { set.contains($0) } }
            candidate.removeAll { $0.nodes.isEmpty }
            for index in candidate.indices { refresh(&candidate[index], problem) }
            // Reinsert hardest first (tightest windows), with a little noise for diversity.
            removed.sort { (problem.due[$0] - problem.ready[$0], $0) < (problem.due[$1] - problem.ready[$1], $1) }
            if random.next() % 3 == 0 { removed.shuffle(using: &random) }
            guard insertAll(removed, into: &candidate, problem) else { continue }
            let candidateCost = cost(candidate, problem)
            let threshold = max(1, bestCost / 500)
            if candidateCost < currentCost + threshold {
                current = candidate
                currentCost = candidateCost
                if candidateCost < bestCost {
                    best = candidate
                    bestCost = candidateCost
                }
            }
            if iteration % 2000 == 0 {
                current = best
                currentCost = bestCost
            }
        }
        return (best.map(\.nodes), bestCost)
    }

    func cost(_ routes: [Route], _ p: Problem) -> Int {
        routes.reduce(0) { total, route in
            var previous = 0
            var sum = 0
            for node in route.nodes { sum += p.d[previous][node]; previous = node }
            return total + sum + p.d[previous][0]
        }
    }

    /// Recomputes earliest start times forward and latest start times backward.
    func refresh(_ route: inout Route, _ p: Problem) {
        let path = [0] + route.nodes + [0]
        route.load = route.nodes.reduce(0) { $0 + p.demand[$1] }
        route.earliest = [Int](repeating: 0, count: path.count)
        route.latest = [Int](repeating: 0, count: path.count)
        route.earliest[0] = p.ready[0]
        for index in 1..<path.count {
            route.earliest[index] = max(
                p.ready[path[index]],
                route.earliest[index - 1] + p.service[path[index - 1]] + p.d[path[index - 1]][path[index]])
        }
        route.latest[path.count - 1] = p.due[0]
        for index in stride(from: path.count - 2, through: 0, by: -1) {
            route.latest[index] = min(
                p.due[path[index]], route.latest[index + 1] - p.d[path[index]][path[index + 1]] - p.service[path[index]]
            )
        }
    }

    /// Cheapest feasible insertion of each customer in turn; opens routes up to the fleet size.
    func insertAll(_ customers: [Int], into routes: inout [Route], _ p: Problem) -> Bool {
        for index in routes.indices where routes[index].earliest.isEmpty { refresh(&routes[index], p) }
        for u in customers {
            var bestRoute = -1, bestPosition = -1, bestDelta = Int.max
            for r in routes.indices {
                let route = routes[r]
                if route.load + p.demand[u] > p.capacity { continue }
                let path = [0] + route.nodes + [0]
                for position in 0..<(path.count - 1) {
                    let i = path[position], j = path[position + 1]
                    let delta = p.d[i][u] + p.d[u][j] - p.d[i][j]
                    if delta >= bestDelta { continue }
                    let arrival = max(p.ready[u], route.earliest[position] + p.service[i] + p.d[i][u])
                    if arrival > p.due[u] { continue }
                    if arrival + p.service[u] + p.d[u][j] > route.latest[position + 1] { continue }
                    bestDelta = delta
                    bestRoute = r
                    bestPosition = position
                }
            }
            if bestRoute < 0 {
                guard routes.count < p.vehicles, p.ready[u] <= p.due[u], p.demand[u] <= p.capacity,
                    max(p.ready[u], p.d[0][u]) <= p.due[u],
                    max(p.ready[u], p.d[0][u]) + p.service[u] + p.d[u][0] <= p.due[0]
                else { return false }
                var route = Route(nodes: [u])
                refresh(&route, p)
                routes.append(route)
            } else {
                routes[bestRoute].nodes.insert(u, at: bestPosition)
                refresh(&routes[bestRoute], p)
            }
        }
        return true
    }
}
