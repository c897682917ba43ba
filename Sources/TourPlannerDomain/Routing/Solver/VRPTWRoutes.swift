/// Flat VRPTW data in tenths: the truncated distance matrix `d[i * n + j]` (also the travel
/// time), windows and service times ×10, demands, and for each customer every other customer
/// sorted by distance (SISR's adjacency lists; the first entries are the granular neighbours).
/// Built once in O(n² log n).
final class VRPTWProblem {
    let n: Int
    let distance: UnsafeMutableBufferPointer<Int>
    let ready: [Int], due: [Int], service: [Int], demand: [Int]
    let capacity: Int
    let vehicles: Int
    /// Row `c` (customers 1..<n): customers by increasing distance from `c`, `c` itself first.
    let adjacency: [Int]

    init(_ instance: VRPTWInstance) {
        let n = instance.x.count
        self.n = n
        distance = UnsafeMutableBufferPointer<Int>.allocate(capacity: n * n)
        for i in 0..<n {
            for j in 0..<n {
                let dx = instance.x[i] - instance.x[j], dy = instance.y[i] - instance.y[j]
                distance[i * n + j] = Int((10 * (dx * dx + dy * dy).squareRoot()).rounded(.towardZero))
            }
        }
        ready = instance.ready.map { $0 * 10 }
        due = instance.due.map { $0 * 10 }
        service = instance.service.map { $0 * 10 }
        demand = instance.demand
        capacity = instance.capacity
        vehicles = instance.vehicles
        var adjacency = [Int](repeating: 0, count: n * max(0, n - 1))
        let distance = self.distance
        for c in 1..<n {
            let sorted = (1..<n).sorted { (distance[c * n + $0], $0) < (distance[c * n + $1], $1) }
            for (k, other) in sorted.enumerated() { adjacency[c * (n - 1) + k] = other }
        }
        self.adjacency = adjacency
    }

    deinit { distance.deallocate() }

    @inline(__always) func d(_ i: Int, _ j: Int) -> Int { distance[i &* n &+ j] }
}

/// A set of routes in flat arrays (slot `r * stride + k`; position 0 and `length[r] + 1` are the
/// depot) with, per position, the earliest service start (forward pass), the latest start that
/// keeps the rest of the route feasible (backward pass) and the cumulative load. These give O(1)
/// feasibility and cost checks for inserting a customer or a short segment, removing one, or
/// recombining two routes (the tail from position k is feasible from start time t iff t ≤ late[k]).
/// `refresh` rebuilds one route in O(length). Routes touched since `clearTouched` are listed so
/// that two copies can be synchronised route by route.
struct VRPTWRoutes {
    let stride: Int
    let slots: Int
    var length: [Int]
    var node: [Int]
    var early: [Int]
    var late: [Int]
    var loadBefore: [Int]  // load of the customers at positions 1...k
    var cost: [Int]
    var routeOf: [Int]
    var positionOf: [Int]
    var total = 0
    var touched: [Int] = []
    var isTouched: [Bool]

    /// Empty routes; `slots` defaults to the fleet size.
    init(_ p: VRPTWProblem, slots count: Int? = nil) {
        stride = p.n + 1
        slots = max(1, count ?? p.vehicles)
        length = [Int](repeating: 0, count: slots)
        node = [Int](repeating: 0, count: slots * stride)
        early = [Int](repeating: 0, count: slots * stride)
        late = [Int](repeating: 0, count: slots * stride)
        loadBefore = [Int](repeating: 0, count: slots * stride)
        cost = [Int](repeating: 0, count: slots)
        routeOf = [Int](repeating: -1, count: p.n)
        positionOf = [Int](repeating: 0, count: p.n)
        isTouched = [Bool](repeating: false, count: slots)
        for r in 0..<slots { refresh(r, p) }
        clearTouched()
    }

    var customerCount: Int { length.reduce(0, +) }
    var usedRoutes: Int { length.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }
    func load(_ r: Int) -> Int { loadBefore[r * stride + length[r]] }

    /// The customers of route `r`, in order.
    func customers(_ r: Int) -> [Int] { (0..<length[r]).map { node[r * stride + 1 + $0] } }

    mutating func touch(_ r: Int) {
        if !isTouched[r] {
            isTouched[r] = true
            touched.append(r)
        }
    }

    mutating func clearTouched() {
        for r in touched { isTouched[r] = false }
        touched.removeAll(keepingCapacity: true)
    }

    /// Recomputes earliest/latest starts, loads, cost and positions of route `r` in O(length).
    mutating func refresh(_ r: Int, _ p: VRPTWProblem) {
        touch(r)
        let base = r * stride, count = length[r], n = p.n
        node[base] = 0
        node[base + count + 1] = 0
        let d = UnsafeBufferPointer(p.distance)
        var distance = 0
        node.withUnsafeBufferPointer { node in
            early.withUnsafeMutableBufferPointer { early in
                late.withUnsafeMutableBufferPointer { late in
                    loadBefore.withUnsafeMutableBufferPointer { loadBefore in
                        p.ready.withUnsafeBufferPointer { ready in
                            p.service.withUnsafeBufferPointer { service in
                                early[base] = ready[0]
                                loadBefore[base] = 0
                                var previous = 0
                                for k in 1...(count + 1) {
                                    let current = node[base &+ k]
                                    let leg = d[previous &* n &+ current]
                                    distance &+= leg
                                    early[base &+ k] = max(
                                        ready[current], early[base &+ k &- 1] &+ service[previous] &+ leg)
                                    loadBefore[base &+ k] = loadBefore[base &+ k &- 1] &+ p.demand[current]
                                    previous = current
                                }
                                late[base + count + 1] = p.due[0]
                                var k = count
                                while k >= 0 {
                                    let current = node[base &+ k], next = node[base &+ k &+ 1]
                                    late[base &+ k] = min(
                                        p.due[current],
                                        late[base &+ k &+ 1] &- d[current &* n &+ next] &- service[current])
                                    k -= 1
                                }
                            }
                        }
                    }
                }
            }
        }
        for k in Swift.stride(from: 1, through: count, by: 1) {
            let c = node[base + k]
            routeOf[c] = r
            positionOf[c] = k
        }
        total += distance - cost[r]
        cost[r] = distance
    }

    /// Whether every start in route `r` is within its window (true for every refreshed route built
    /// by the feasible moves below).
    func isFeasible(_ r: Int, _ p: VRPTWProblem) -> Bool {
        let base = r * stride
        for k in 0...(length[r] + 1) where early[base + k] > p.due[node[base + k]] { return false }
        return load(r) <= p.capacity && early[base] <= late[base]
    }

    /// Inserts `u` before position `k` of route `r` (shifts the tail; O(length)).
    mutating func insert(_ u: Int, _ r: Int, _ k: Int, _ p: VRPTWProblem) {
        let base = r * stride
        var position = length[r] + 1
        while position >= k {
            node[base + position + 1] = node[base + position]
            position -= 1
        }
        node[base + k] = u
        length[r] += 1
        refresh(r, p)
    }

    /// Removes the customers of route `r` for which `removed` is true (now in no route), without
    /// refreshing.
    mutating func compact(_ r: Int, removed: [Bool]) {
        let base = r * stride
        var write = 1
        for k in Swift.stride(from: 1, through: length[r], by: 1) {
            let c = node[base + k]
            if removed[c] {
                routeOf[c] = -1
            } else {
                node[base + write] = c
                write += 1
            }
        }
        length[r] = write - 1
        node[base + write] = 0
    }

    /// Copies route `r` of `other` into this set (arrays and customer positions), O(length).
    mutating func copyRoute(_ r: Int, from other: VRPTWRoutes) {
        let base = r * stride, count = other.length[r]
        length[r] = count
        for k in base...(base + count + 1) {
            node[k] = other.node[k]
            early[k] = other.early[k]
            late[k] = other.late[k]
            loadBefore[k] = other.loadBefore[k]
        }
        for k in Swift.stride(from: 1, through: count, by: 1) {
            let c = node[base + k]
            routeOf[c] = r
            positionOf[c] = k
        }
        total += other.cost[r] - cost[r]
        cost[r] = other.cost[r]
    }

    /// Makes this set equal to `other` on every route either has touched, then clears both lists.
    mutating func synchronise(with other: inout VRPTWRoutes) {
        for r in touched { other.touch(r) }
        // Customers that leave the copied routes are in none until another copied route has them.
        for r in other.touched {
            for k in Swift.stride(from: 1, through: length[r], by: 1) { routeOf[node[r * stride + k]] = -1 }
        }
        for r in other.touched { copyRoute(r, from: other) }
        clearTouched()
        other.clearTouched()
    }
}
