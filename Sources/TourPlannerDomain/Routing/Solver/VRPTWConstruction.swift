extension VRPTWSolver {
    /// A first feasible solution within the fleet, or nil.
    ///
    /// Cheapest insertion of every customer, by closing time first, then in a few random orders;
    /// O(n²) each. If none fits the fleet, the greedy solution with as many routes as it needs is
    /// reduced route by route (`reduceFleet`) until it fits or `shouldStop` answers true. Nil when
    /// a customer cannot be served even alone, or when the reduction does not reach the fleet size.
    func construct(
        _ p: VRPTWProblem, _ removal: inout VRPTWStringRemoval, _ random: inout SplitMix64,
        _ shouldStop: () -> Bool
    ) -> VRPTWRoutes? {
        let blink = removal.blinkPerMille
        removal.blinkPerMille = 0
        defer { removal.blinkPerMille = blink }
        var order = (1..<p.n).sorted { (p.due[$0], $0) < (p.due[$1], $1) }
        for attempt in 0...4 {
            if attempt > 0 { order.shuffle(using: &random) }
            var routes = VRPTWRoutes(p)
            if order.allSatisfy({ removal.insertCheapest($0, &routes, p, &random) }) {
                routes.clearTouched()
                return routes
            }
        }
        var unbounded = VRPTWRoutes(p, slots: p.n - 1)
        order.sort { (p.due[$0], $0) < (p.due[$1], $1) }
        guard order.allSatisfy({ removal.insertCheapest($0, &unbounded, p, &random) }) else { return nil }
        removal.blinkPerMille = blink
        guard reduceFleet(&unbounded, p, &removal, &random, shouldStop) else { return nil }
        var routes = VRPTWRoutes(p)
        var slot = 0
        for r in 0..<unbounded.slots where unbounded.length[r] > 0 {
            for (k, c) in unbounded.customers(r).enumerated() { routes.node[slot * routes.stride + 1 + k] = c }
            routes.length[slot] = unbounded.length[r]
            routes.refresh(slot, p)
            slot += 1
        }
        routes.clearTouched()
        return routes
    }

    /// Route elimination in the spirit of SISR's fleet minimisation: empty the shortest route, then
    /// repeat string removal and reinsertion without opening routes, keeping a change when it
    /// leaves no more customers unplaced (absent) than before, until none is absent. Each
    /// iteration is one `shouldStop` poll and costs as much as an annealing iteration. Returns
    /// whether the routes now fit the fleet.
    func reduceFleet(
        _ s: inout VRPTWRoutes, _ p: VRPTWProblem, _ removal: inout VRPTWStringRemoval,
        _ random: inout SplitMix64, _ shouldStop: () -> Bool
    ) -> Bool {
        removal.opensRoutes = false
        defer { removal.opensRoutes = true }
        s.clearTouched()
        var candidate = s
        while s.usedRoutes > p.vehicles {
            let smallest = (0..<s.slots).filter { s.length[$0] > 0 }.min { (s.length[$0], $0) < (s.length[$1], $1) }
            guard let route = smallest else { return false }
            var absent = s.customers(route)
            for c in absent { s.routeOf[c] = -1 }
            s.length[route] = 0
            s.refresh(route, p)
            candidate.synchronise(with: &s)
            while !absent.isEmpty {
                if shouldStop() { return false }
                removal.ruin(&candidate, p, &random)
                removal.include(absent)
                var left: [Int] = []
                removal.recreate(&candidate, p, &random, absent: &left)
                if left.count <= absent.count {
                    absent = left
                    s.synchronise(with: &candidate)
                } else {
                    candidate.synchronise(with: &s)
                }
            }
        }
        return true
    }
}
