/// Slack Induction by String Removals (Christiaens & Vanden Berghe 2020) on `VRPTWRoutes`.
///
/// Ruin: from a random seed customer, walk its adjacency list and cut one string (or, with
/// probability 1/2, a "split string" that keeps a run of customers inside the cut) from each of
/// up to k_s routes met, k_s ≤ 4c̄/(1+l_max) − 1, strings at most l_max = min(L_max, mean route
/// length) long. O(n) per call.
///
/// Recreate: the removed customers in a random, demand, far-from-depot, close-to-depot or
/// tightest-window order, each put at its cheapest feasible position over all routes (one empty
/// route included), every position skipped ("blinked") with probability β. O(removed × n) with
/// O(1) checks per position.
struct VRPTWStringRemoval {
    var averageRemoved = 10.0
    var maxString = 10.0
    var blinkPerMille: UInt64 = 10
    var splitDepthPerMille: UInt64 = 10
    /// Whether recreate may open an empty route (off while reducing the fleet).
    var opensRoutes = true
    private(set) var removed: [Bool]
    private(set) var removedList: [Int] = []
    private var routeRuined: [Bool]
    private var ruinedRoutes: [Int] = []

    init(_ p: VRPTWProblem) {
        removed = [Bool](repeating: false, count: p.n)
        routeRuined = [Bool](repeating: false, count: max(1, p.vehicles, p.n - 1))
    }

    @inline(__always) static func uniform(_ random: inout SplitMix64) -> Double {
        Double(random.next() >> 11) * 0x1p-53
    }

    /// Removes strings of customers around a random seed; the removed ones are in `removedList`.
    mutating func ruin(_ s: inout VRPTWRoutes, _ p: VRPTWProblem, _ random: inout SplitMix64) {
        removedList.removeAll(keepingCapacity: true)
        let used = s.usedRoutes, customers = p.n - 1
        guard used > 0, customers > 0 else { return }
        let stringMax = min(maxString, Double(customers) / Double(used))
        let stringsMax = 4 * averageRemoved / (1 + stringMax) - 1
        let strings = max(1, Int(Self.uniform(&random) * stringsMax) + 1)
        let seed = 1 + Int(random.next() % UInt64(customers))
        for k in 0..<customers {
            if ruinedRoutes.count >= strings { break }
            let c = p.adjacency[seed * customers + k]
            let r = s.routeOf[c]
            if removed[c] || r < 0 || routeRuined[r] || s.length[r] == 0 { continue }
            let count = s.length[r]
            let cut = min(count, Int(Self.uniform(&random) * min(Double(count), stringMax)) + 1)
            var keep = 0
            if cut < count && random.next() % 2 == 0 {
                // Split string: cut + keep consecutive customers, a run of `keep` of them stays.
                keep = 1
                while cut + keep < count && random.next() % 1000 >= splitDepthPerMille { keep += 1 }
            }
            let window = cut + keep
            let position = s.positionOf[c]
            let lowest = max(1, position - window + 1), highest = min(position, count - window + 1)
            let start = lowest + Int(random.next() % UInt64(highest - lowest + 1))
            let kept = keep > 0 ? Int(random.next() % UInt64(cut + 1)) : 0
            for offset in 0..<window where offset < kept || offset >= kept + keep {
                let customer = s.node[r * s.stride + start + offset]
                removed[customer] = true
                removedList.append(customer)
            }
            routeRuined[r] = true
            ruinedRoutes.append(r)
        }
        for r in ruinedRoutes {
            s.compact(r, removed: removed)
            s.refresh(r, p)
            routeRuined[r] = false
        }
        ruinedRoutes.removeAll(keepingCapacity: true)
    }

    /// Greedy reinsertion with blinks of everything in `removedList`; false (and `s` partly
    /// rebuilt, to be restored by the caller) when a customer fits nowhere within the fleet.
    mutating func recreate(_ s: inout VRPTWRoutes, _ p: VRPTWProblem, _ random: inout SplitMix64) -> Bool {
        sortRemoved(p, &random)
        var success = true
        for u in removedList where success {
            success = insertCheapest(u, &s, p, &random)
            removed[u] = false
        }
        for u in removedList { removed[u] = false }
        return success
    }

    /// Like `recreate`, but a customer that fits nowhere is appended to `absent` instead of failing.
    mutating func recreate(
        _ s: inout VRPTWRoutes, _ p: VRPTWProblem, _ random: inout SplitMix64, absent: inout [Int]
    ) {
        sortRemoved(p, &random)
        for u in removedList {
            if !insertCheapest(u, &s, p, &random) { absent.append(u) }
            removed[u] = false
        }
    }

    /// Adds customers that are in no route (absent) to the next recreate.
    mutating func include(_ customers: [Int]) {
        for c in customers {
            removed[c] = true
            removedList.append(c)
        }
    }

    /// Cheapest feasible insertion of `u` with blinks; false when no route can take it.
    mutating func insertCheapest(_ u: Int, _ s: inout VRPTWRoutes, _ p: VRPTWProblem, _ random: inout SplitMix64)
        -> Bool
    {
        guard let (route, position) = cheapestPosition(u, s, p, &random) else { return false }
        s.insert(u, route, position, p)
        return true
    }

    /// The cheapest feasible (route, position) for `u`, blinking each improving position with
    /// probability β. O(n) with O(1) checks on raw buffers.
    func cheapestPosition(_ u: Int, _ s: VRPTWRoutes, _ p: VRPTWProblem, _ random: inout SplitMix64) -> (Int, Int)? {
        var best = Int.max, bestRoute = -1, bestPosition = 0
        var emptySeen = false
        let n = p.n, stride = s.stride, blink = blinkPerMille
        let demand = p.demand[u], readyU = p.ready[u], dueU = p.due[u], serviceU = p.service[u]
        let d = UnsafeBufferPointer(p.distance)
        s.node.withUnsafeBufferPointer { node in
            s.early.withUnsafeBufferPointer { early in
                s.late.withUnsafeBufferPointer { late in
                    p.service.withUnsafeBufferPointer { service in
                        for r in 0..<s.slots {
                            let count = s.length[r]
                            if count == 0 {
                                if emptySeen || !opensRoutes { continue }
                                emptySeen = true
                            }
                            let base = r &* stride
                            if s.loadBefore[base + count] + demand > p.capacity { continue }
                            var i = node[base]
                            for k in 1...(count + 1) {
                                let j = node[base &+ k]
                                let iu = d[i &* n &+ u], uj = d[u &* n &+ j]
                                let delta = iu &+ uj &- d[i &* n &+ j]
                                if delta < best {
                                    let arrival = max(readyU, early[base &+ k &- 1] &+ service[i] &+ iu)
                                    if arrival <= dueU && arrival &+ serviceU &+ uj <= late[base &+ k]
                                        && random.next() % 1000 >= blink
                                    {
                                        best = delta
                                        bestRoute = r
                                        bestPosition = k
                                    }
                                }
                                i = j
                            }
                        }
                    }
                }
            }
        }
        return bestRoute >= 0 ? (bestRoute, bestPosition) : nil
    }

    /// SISR's insertion orders (weights 4 random, 4 demand, 2 far, 1 close) plus tightest window (2).
    private mutating func sortRemoved(_ p: VRPTWProblem, _ random: inout SplitMix64) {
        removedList.shuffle(using: &random)
        let choice = random.next() % 13
        if choice < 4 { return }
        let keys: [Int] = removedList.map { c in
            switch choice {
            case 4..<8: return -p.demand[c]
            case 8..<10: return -p.d(0, c)
            case 10: return p.d(0, c)
            default: return p.due[c] - p.ready[c]
            }
        }
        let order = removedList.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
        removedList = order.map { removedList[$0] }
    }
}
