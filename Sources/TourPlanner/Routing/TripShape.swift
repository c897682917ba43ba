/// How one trip with its stops in a given order is driven: which day each leg is on, where the
/// trainers sleep, and how many days it takes.
///
/// Day rules (README "Tour planning"): at most one training per day; a day's driving is at
/// most `maxDriveHoursPerDay`. The drive to a stop happens on the morning of its training, or
/// the evening before (after the previous training), or on a travel-only first day; the drive
/// home happens in the evening after the last training or on a return-only last day. Among the
/// feasible ways, the one with the fewest days wins, then the one with the shortest longest day.
struct TripShape: Hashable, Sendable {
    /// Stop indices in visiting order.
    var stops: [Int]
    /// For each leg (base→s1, s1→s2, …, sk→base): the trip day (0-based) it is driven on.
    var legDays: [Int]
    /// For each stop: its training day.
    var trainingDays: [Int]
    var days: Int
    var km: Double
    var hours: Double
    /// For each night (between day d and d+1): where the trainers sleep (stop index).
    var nightStops: [Int]
    var nights: Int { days - 1 }

    /// The best shape for the stops in this order, or nil when no way fits the driving limit
    /// within `maxDays`.
    ///
    /// - Complexity: O(2^(k+1)) for k stops (k ≤ 3).
    static func make(order: [Int], legs: [TravelModel.TravelLeg], maxDriveHours: Double, maxDays: Int) -> TripShape? {
        let k = order.count
        guard k >= 1, legs.count == k + 1 else { return nil }
        var best: TripShape?
        var bestKey = (Int.max, Double.infinity)
        // Choices: travel day first (0/1), return day last (0/1), each intermediate leg in the
        // evening before (1) or the morning of (0).
        let intermediate = k - 1
        for travelFirst in 0...1 {
            for returnLast in 0...1 {
                for mask in 0..<(1 << intermediate) {
                    let days = k + travelFirst + returnLast
                    if days > maxDays { continue }
                    var trainingDays: [Int] = []
                    for i in 0..<k { trainingDays.append(travelFirst + i) }
                    var legDays: [Int] = [travelFirst == 1 ? 0 : trainingDays[0]]
                    for i in 1..<max(1, k) where k > 1 {
                        let evening = mask & (1 << (i - 1)) != 0
                        legDays.append(evening ? trainingDays[i - 1] : trainingDays[i])
                    }
                    legDays.append(returnLast == 1 ? days - 1 : trainingDays[k - 1])
                    var perDay = [Double](repeating: 0, count: days)
                    for (leg, day) in zip(legs, legDays) { perDay[day] += leg.hours }
                    guard let longest = perDay.max(), longest <= maxDriveHours + 1e-9 else { continue }
                    let key = (days, longest)
                    if key < bestKey {
                        bestKey = key
                        // Night after day d: at the stop of the last leg driven by then, else the last training's stop.
                        var nightStops: [Int] = []
                        for night in 0..<(days - 1) {
                            var location = order[0]
                            for (legIndex, day) in legDays.enumerated() where day <= night && legIndex < k {
                                location = order[legIndex]
                            }
                            nightStops.append(location)
                        }
                        best = TripShape(
                            stops: order, legDays: legDays, trainingDays: trainingDays, days: days,
                            km: legs.reduce(0) { $0 + $1.km }, hours: legs.reduce(0) { $0 + $1.hours },
                            nightStops: nightStops)
                    }
                }
            }
        }
        return best
    }

    /// The best trip over `stops` in any order: least km, then fewest days, then the
    /// lexicographically first order. `legs[i][j]` is the leg between stops i and j, with `base`
    /// the index of the team's base.
    ///
    /// - Complexity: O(k! · 2^(k+1)) for k ≤ 3 stops.
    static func best(
        of stops: [Int], legs: [[TravelModel.TravelLeg]], base: Int, maxDriveHours: Double, maxDays: Int
    ) -> TripShape? {
        var best: TripShape?
        for order in permutations(stops.sorted()) {
            var tripLegs = [legs[base][order[0]]]
            for i in 1..<order.count { tripLegs.append(legs[order[i - 1]][order[i]]) }
            tripLegs.append(legs[order[order.count - 1]][base])
            guard let shape = make(order: order, legs: tripLegs, maxDriveHours: maxDriveHours, maxDays: maxDays)
            else { continue }
            if let current = best,
                (current.km, current.days) < (shape.km, shape.days)
                    || ((current.km, current.days) == (shape.km, shape.days)
                        && !shape.stops.lexicographicallyPrecedes(current.stops))
            {
                continue
            }
            best = shape
        }
        return best
    }

    static func permutations(_ items: [Int]) -> [[Int]] {
        if items.count <= 1 { return [items] }
        var result: [[Int]] = []
        for (index, item) in items.enumerated() {
            var rest = items
            rest.remove(at: index)
            for tail in permutations(rest) { result.append([item] + tail) }
        }
        return result
    }
}
