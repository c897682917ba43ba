/// First-improvement local search on `VRPTWRoutes` over granular neighbourhoods: for each customer
/// u (random order) and each of its `neighbours` nearest customers v, try
/// - Or-opt: move the segment of 1–3 customers starting at u next to v (before or after), in
///   another route (O(1) check from earliest/latest starts) or the same one (O(length) check, only
///   for improving moves);
/// - swap u and v between two routes (O(1));
/// - 2-opt inside a route: link u and v by reversing the path between them (O(1) gain, O(length)
///   check only for improving moves);
/// - 2-opt*: join the head of one route ending at u (or at v) to the tail of the other starting
///   at v (or at u) and vice versa (O(1)).
/// A pass costs O(n × neighbours) checks; passes repeat until none improves. Applying a move
/// refreshes the two routes in O(length).
struct VRPTWLocalSearch {
    var neighbours = 30
    private var order: [Int]
    private var bufferA: [Int]
    private var bufferB: [Int]

    init(_ p: VRPTWProblem) {
        order = Array(1..<max(1, p.n))
        bufferA = []
        bufferB = []
        bufferA.reserveCapacity(p.n)
        bufferB.reserveCapacity(p.n)
    }

    /// Improves `s` until no move of the neighbourhoods improves it. Returns whether it changed.
    @discardableResult
    mutating func improve(_ s: inout VRPTWRoutes, _ p: VRPTWProblem, _ random: inout SplitMix64) -> Bool {
        let customers = p.n - 1
        guard customers > 1 else { return false }
        let width = min(neighbours, customers - 1)
        var changed = false, improved = true
        while improved {
            improved = false
            order.shuffle(using: &random)
            for u in order {
                for k in 1...width {
                    let v = p.adjacency[u * customers + k]
                    if tryMoves(u, v, &s, p) {
                        improved = true
                        changed = true
                        break
                    }
                }
            }
        }
        return changed
    }

    private mutating func tryMoves(_ u: Int, _ v: Int, _ s: inout VRPTWRoutes, _ p: VRPTWProblem) -> Bool {
        for segment in 1...3 {
            if moveSegment(u, segment, nextTo: v, after: true, &s, p) { return true }
            if moveSegment(u, segment, nextTo: v, after: false, &s, p) { return true }
        }
        let r1 = s.routeOf[u], r2 = s.routeOf[v]
        if r1 == r2 {
            let i = s.positionOf[u], j = s.positionOf[v]
            // Link u and v by reversing what lies between them (after u, or before u).
            return reverse(r1, from: min(i, j) + 1, to: max(i, j), &s, p)
                || reverse(r1, from: min(i, j), to: max(i, j) - 1, &s, p)
        }
        if swap(u, v, &s, p) { return true }
        if twoOptStar(r1, s.positionOf[u], r2, s.positionOf[v], &s, p) { return true }
        return twoOptStar(r2, s.positionOf[v], r1, s.positionOf[u], &s, p)
    }

    /// Moves customers at positions i..<i+count of u's route next to v. O(1) between routes.
    private mutating func moveSegment(
        _ u: Int, _ count: Int, nextTo v: Int, after: Bool, _ s: inout VRPTWRoutes, _ p: VRPTWProblem
    ) -> Bool {
        let r1 = s.routeOf[u], r2 = s.routeOf[v], i = s.positionOf[u]
        let base1 = r1 * s.stride, base2 = r2 * s.stride
        if i + count - 1 > s.length[r1] { return false }
        let head = u, tail = s.node[base1 + i + count - 1]
        let j = s.positionOf[v]
        if r1 == r2 && j >= i && j < i + count { return false }
        let previous = s.node[base1 + i - 1], next = s.node[base1 + i + count]
        let gain = p.d(previous, head) + p.d(tail, next) - p.d(previous, next)
        // Insertion between a and b, neighbours once the segment is out.
        var a: Int, b: Int
        if after {
            a = v
            b = s.node[base2 + j + 1]
            if r1 == r2 && j + 1 == i { return false }
        } else {
            a = s.node[base2 + j - 1]
            b = v
            if r1 == r2 && j - 1 == i + count - 1 { return false }
        }
        let delta = p.d(a, head) + p.d(tail, b) - p.d(a, b) - gain
        if delta >= 0 { return false }
        if r1 == r2 {
            bufferA.removeAll(keepingCapacity: true)
            for k in 1...s.length[r1] where k < i || k >= i + count {
                let c = s.node[base1 + k]
                if !after && c == b { Self.appendSegment(s, base1 + i, count, to: &bufferA) }
                bufferA.append(c)
                if after && c == a { Self.appendSegment(s, base1 + i, count, to: &bufferA) }
            }
            guard sequenceFeasible(bufferA, p) else { return false }
            write(bufferA, into: r1, &s, p)
            return true
        }
        var load = 0
        for k in i..<(i + count) { load += p.demand[s.node[base1 + k]] }
        if s.load(r2) + load > p.capacity { return false }
        // Route 1 without the segment.
        if s.early[base1 + i - 1] + p.service[previous] + p.d(previous, next) > s.late[base1 + i + count] {
            return false
        }
        // Route 2 with the segment between a and b (positions k - 1 and k).
        let k = after ? j + 1 : j
        var time = s.early[base2 + k - 1], last = a
        for offset in 0..<count {
            let c = s.node[base1 + i + offset]
            time = max(p.ready[c], time + p.service[last] + p.d(last, c))
            if time > p.due[c] { return false }
            last = c
        }
        if time + p.service[last] + p.d(last, b) > s.late[base2 + k] { return false }
        bufferA.removeAll(keepingCapacity: true)
        bufferB.removeAll(keepingCapacity: true)
        for position in 1...s.length[r1] where position < i || position >= i + count {
            bufferA.append(s.node[base1 + position])
        }
        for position in Swift.stride(from: 1, through: s.length[r2], by: 1) {
            if position == k { Self.appendSegment(s, base1 + i, count, to: &bufferB) }
            bufferB.append(s.node[base2 + position])
        }
        if k == s.length[r2] + 1 { Self.appendSegment(s, base1 + i, count, to: &bufferB) }
        write(bufferA, into: r1, &s, p)
        write(bufferB, into: r2, &s, p)
        return true
    }

    /// 2-opt inside route r: reverses positions from...to when that shortens the route (O(1)) and
    /// the windows still hold (O(length), checked only then).
    private mutating func reverse(_ r: Int, from: Int, to: Int, _ s: inout VRPTWRoutes, _ p: VRPTWProblem) -> Bool {
        if to <= from { return false }
        let base = r * s.stride
        let before = s.node[base + from - 1], head = s.node[base + from]
        let tail = s.node[base + to], after = s.node[base + to + 1]
        if p.d(before, tail) + p.d(head, after) - p.d(before, head) - p.d(tail, after) >= 0 { return false }
        bufferA.removeAll(keepingCapacity: true)
        for k in 1...s.length[r] { bufferA.append(s.node[base + (k < from || k > to ? k : from + to - k)]) }
        guard sequenceFeasible(bufferA, p) else { return false }
        write(bufferA, into: r, &s, p)
        return true
    }

    /// Exchanges u and v (different routes). O(1).
    private mutating func swap(_ u: Int, _ v: Int, _ s: inout VRPTWRoutes, _ p: VRPTWProblem) -> Bool {
        let r1 = s.routeOf[u], r2 = s.routeOf[v], i = s.positionOf[u], j = s.positionOf[v]
        let base1 = r1 * s.stride, base2 = r2 * s.stride
        let p1 = s.node[base1 + i - 1], n1 = s.node[base1 + i + 1]
        let p2 = s.node[base2 + j - 1], n2 = s.node[base2 + j + 1]
        let delta =
            p.d(p1, v) + p.d(v, n1) - p.d(p1, u) - p.d(u, n1) + p.d(p2, u) + p.d(u, n2) - p.d(p2, v) - p.d(v, n2)
        if delta >= 0 { return false }
        if s.load(r1) - p.demand[u] + p.demand[v] > p.capacity { return false }
        if s.load(r2) - p.demand[v] + p.demand[u] > p.capacity { return false }
        let t1 = max(p.ready[v], s.early[base1 + i - 1] + p.service[p1] + p.d(p1, v))
        if t1 > p.due[v] || t1 + p.service[v] + p.d(v, n1) > s.late[base1 + i + 1] { return false }
        let t2 = max(p.ready[u], s.early[base2 + j - 1] + p.service[p2] + p.d(p2, u))
        if t2 > p.due[u] || t2 + p.service[u] + p.d(u, n2) > s.late[base2 + j + 1] { return false }
        s.node[base1 + i] = v
        s.node[base2 + j] = u
        s.refresh(r1, p)
        s.refresh(r2, p)
        return true
    }

    /// Route r1 up to position i followed by route r2 from position j, and r2 up to j − 1 followed
    /// by r1 from i + 1. O(1) check.
    private mutating func twoOptStar(
        _ r1: Int, _ i: Int, _ r2: Int, _ j: Int, _ s: inout VRPTWRoutes, _ p: VRPTWProblem
    ) -> Bool {
        let base1 = r1 * s.stride, base2 = r2 * s.stride
        let u = s.node[base1 + i], n1 = s.node[base1 + i + 1]
        let v = s.node[base2 + j], p2 = s.node[base2 + j - 1]
        let delta = p.d(u, v) + p.d(p2, n1) - p.d(u, n1) - p.d(p2, v)
        if delta >= 0 { return false }
        let load1 = s.load(r1), load2 = s.load(r2)
        let headLoad1 = s.loadBefore[base1 + i], headLoad2 = s.loadBefore[base2 + j - 1]
        if headLoad1 + load2 - headLoad2 > p.capacity || headLoad2 + load1 - headLoad1 > p.capacity { return false }
        if max(p.ready[v], s.early[base1 + i] + p.service[u] + p.d(u, v)) > s.late[base2 + j] { return false }
        if max(p.ready[n1], s.early[base2 + j - 1] + p.service[p2] + p.d(p2, n1)) > s.late[base1 + i + 1] {
            return false
        }
        bufferA.removeAll(keepingCapacity: true)
        bufferB.removeAll(keepingCapacity: true)
        for k in Swift.stride(from: 1, through: i, by: 1) { bufferA.append(s.node[base1 + k]) }
        for k in Swift.stride(from: j, through: s.length[r2], by: 1) { bufferA.append(s.node[base2 + k]) }
        for k in Swift.stride(from: 1, to: j, by: 1) { bufferB.append(s.node[base2 + k]) }
        for k in Swift.stride(from: i + 1, through: s.length[r1], by: 1) { bufferB.append(s.node[base1 + k]) }
        write(bufferA, into: r1, &s, p)
        write(bufferB, into: r2, &s, p)
        return true
    }

    private static func appendSegment(_ s: VRPTWRoutes, _ start: Int, _ count: Int, to list: inout [Int]) {
        for k in start..<(start + count) { list.append(s.node[k]) }
    }

    /// Whether the customers in this order form a feasible route (windows; load is unchanged). O(length).
    private func sequenceFeasible(_ sequence: [Int], _ p: VRPTWProblem) -> Bool {
        var time = p.ready[0], last = 0
        for c in sequence {
            time = max(p.ready[c], time + p.service[last] + p.d(last, c))
            if time > p.due[c] { return false }
            last = c
        }
        return time + p.service[last] + p.d(last, 0) <= p.due[0]
    }

    private func write(_ sequence: [Int], into r: Int, _ s: inout VRPTWRoutes, _ p: VRPTWProblem) {
        let base = r * s.stride
        for (k, c) in sequence.enumerated() { s.node[base + 1 + k] = c }
        s.length[r] = sequence.count
        s.refresh(r, p)
    }
}
