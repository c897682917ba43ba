import Foundation

/// Plans the tour: which stops go on which trip, on which dates, for which team.
///
/// Exact for real tour sizes: for each team it computes the best trip (order and day shape)
/// of every set of up to `maxStopsPerTrip` stops, then the cheapest way to cover every subset of
/// stops with trips (dynamic programming over subsets, O(3^n)), then combines teams by subset
/// convolution. Costs compare lexicographically: kilometres, then nights away, then trips. With
/// `.maximizeValue` it picks, among all subsets that fit the runs, trainings and budget, the one
/// of greatest value (then least km). Up to `maxExactStops` (15) stops; beyond that
/// `ManyStopsPlanner` plans by insertion and exact re-optimization of neighbourhoods.
///
/// - Complexity: O(T · 3^n) for T teams and n ≤ 15 stops; a 5-stop, 13-weekend tour plans in
///   well under a millisecond (see Benchmarks/README.md).
public struct TourScheduler: Sendable {
    /// The most stops the exact planner takes (15); larger tours use the heuristic.
    package static let maxExactStops = 15
    /// The most stops one trip visits (3): every set of up to three stops gets its best order and day shape.
    package static let maxStopsPerTrip = 3

    /// Creates a scheduler (it holds no state; every call to `plan` is independent).
    public init() {}

    struct Cost: Comparable, Hashable {
        var km: Double
        var nights: Int
        var trips: Int
        static func < (a: Cost, b: Cost) -> Bool { (a.km, a.nights, a.trips) < (b.km, b.nights, b.trips) }
        static func + (a: Cost, b: Cost) -> Cost {
            Cost(km: a.km + b.km, nights: a.nights + b.nights, trips: a.trips + b.trips)
        }
        static let zero = Cost(km: 0, nights: 0, trips: 0)
        static let infinite = Cost(km: .infinity, nights: .max / 4, trips: .max / 4)
    }

    /// Per team: for every subset, the best cover by trips (and the trips).
    struct TeamTable {
        var cost: [Cost]
        /// For each coverable subset: the indices (into `shapes`) of its trips.
        var chains: [[Int]]
        var shapes: [TripShape]
    }

    /// Plans the request.
    ///
    /// - Throws: `RoutingError` naming the stop or date when the request cannot be met
    ///   (no allowed dates, a stop beyond a day's drive, more trips than weekends).
    public func plan(_ request: TourRequest) throws -> TourPlan {
        let request = request.withPlaceCountries()  // every leg gets its countries' road class
        guard !request.teams.isEmpty else {
            throw RoutingError("no team to send", hint: "give --base PLACE or a --teams FILE")
        }
        guard request.from <= request.to else {
            throw RoutingError(
                "the date range \(request.from) … \(request.to) is empty", hint: "--from must be on or before --to")
        }
        try Self.checkRulesAndZones(request)
        var unvisited: [UnvisitedStop] = []
        let candidates = request.candidates.sorted { ($0.value, $1.metro) > ($1.value, $0.metro) }
        let n = candidates.count
        let runsByTeam = request.teams.map { request.runs(for: $0) }
        guard runsByTeam.contains(where: { !$0.isEmpty }) else {
            throw RoutingError(
                "no allowed travel dates between \(request.from) and \(request.to) (weekdays \(request.weekdays.sorted().map(Self.weekdayName).joined(separator: ", ")))",
                hint: "widen --from/--to, allow more --weekdays, or remove blackout dates")
        }
        if n == 0 {
            return assemble(request: request, candidates: candidates, assignments: [], unvisited: unvisited)
        }
        if n > Self.maxExactStops {
            return try Self.checked(planManyStops(request: request, candidates: candidates, runsByTeam: runsByTeam))
        }
        let tables = request.teams.indices.map { team in
            table(team: request.teams[team], runs: runsByTeam[team], candidates: candidates, request: request)
        }
        let (combined, splits) = Self.combine(tables, stopCount: n)
        let full = (1 << n) - 1
        // Choose the covered set.
        var chosen = full
        switch request.objective {
        case .visitAll:
            if combined[full].km == .infinity {
                throw explainInfeasible(
                    candidates: candidates, tables: tables, request: request, runsByTeam: runsByTeam)
            }
            if let maxTrainings = request.maxTrainings, n > maxTrainings {
                throw RoutingError(
                    "\(n) stops but at most \(maxTrainings) trainings",
                    hint:
                        "drop stops, raise --max-trainings, or use --objective value to choose the best \(maxTrainings)"
                )
            }
            let fullCost = request.costModel.cost(
                km: combined[full].km, nights: combined[full].nights, trips: combined[full].trips, trainings: n)
            if let budget = request.budget, fullCost > budget + 1e-9 {
                throw RoutingError(
                    "visiting every stop drives \(Int(combined[full].km.rounded())) km, which costs \(Self.money(fullCost)) by the cost model, over the budget of \(Self.money(budget))",
                    hint: "raise --budget, or use --objective value to choose the stops that fit")
            }
        case .maximizeValue:
            var bestValue = -1.0
            var bestCost = Cost.infinite
            for mask in 0...full where combined[mask].km < .infinity {
                let count = mask.nonzeroBitCount
                if let maxTrainings = request.maxTrainings, count > maxTrainings { continue }
                if let budget = request.budget,
                    request.costModel.cost(
                        km: combined[mask].km, nights: combined[mask].nights, trips: combined[mask].trips,
                        trainings: count) > budget + 1e-9
                {
                    continue
                }
                var value = 0.0
                for index in 0..<n where mask & (1 << index) != 0 { value += candidates[index].value }
                if value > bestValue + 1e-9 || (abs(value - bestValue) <= 1e-9 && combined[mask] < bestCost) {
                    bestValue = value
                    bestCost = combined[mask]
                    chosen = mask
                }
            }
            for index in 0..<n where chosen & (1 << index) == 0 {
                unvisited.append(
                    UnvisitedStop(
                        metro: candidates[index].metro,
                        reason: reasonLeftOut(index, candidates: candidates, tables: tables, request: request)))
            }
        }
        let assignments = Self.unwind(chosen, tables: tables, splits: splits)
        return try Self.checked(
            assemble(request: request, candidates: candidates, assignments: assignments, unvisited: unvisited))
    }

    /// Refuses inconsistent day rules and unknown time zones before planning.
    static func checkRulesAndZones(_ request: TourRequest) throws {
        if let problem = request.dayRules.problem() {
            throw RoutingError("day rules: \(problem)", hint: "fix the flag or the settings file that sets it")
        }
        for team in request.teams {
            if let problem = team.dayRules?.problem() {
                throw RoutingError(
                    "team \"\(team.name)\": day rules: \(problem)", hint: "fix that team's entry in the teams file")
            }
            if TimeZone(identifier: team.base.timeZone) == nil {
                throw RoutingError(
                    "team \"\(team.name)\": base \(team.base.name) has an unknown time zone \"\(team.base.timeZone)\"",
                    hint: "give the base as Name@lat,lon,Area/City with an IANA zone")
            }
        }
        for candidate in request.candidates where TimeZone(identifier: candidate.timeZone) == nil {
            throw RoutingError(
                "\(candidate.metro) has an unknown time zone \"\(candidate.timeZone)\"",
                hint: "re-resolve its members' places (`tourplan members --unresolved`)")
        }
    }

    /// The plan, once `DayRules.violations(in:)` finds nothing (a time-zone change inside the
    /// date range can move a leg's clock); otherwise an error naming the first violation.
    static func checked(_ plan: TourPlan) throws -> TourPlan {
        if let first = DayRules.violations(in: plan).first {
            throw RoutingError(
                "the plan breaks a day rule after dating it: \(first)",
                hint: "a clock change between the places' time zones within the dates can do this; narrow --from/--to")
        }
        return plan
    }

    /// Combines the teams' tables by subset convolution: `combined[mask]` is the best cost of
    /// covering `mask` with all teams, `splits[t][mask]` what teams 0…t−1 cover of it.
    ///
    /// - Complexity: O(T · 3^n).
    static func combine(_ tables: [TeamTable], stopCount n: Int) -> (combined: [Cost], splits: [[Int]]) {
        let full = (1 << n) - 1
        var combined = tables[0].cost
        var splits: [[Int]] = [Array(0...full)]
        for team in tables.indices.dropFirst() {
            var next = [Cost](repeating: .infinite, count: full + 1)
            var split = [Int](repeating: 0, count: full + 1)
            for mask in 0...full {
                var sub = mask
                while true {
                    let candidate = combined[sub] + tables[team].cost[mask ^ sub]
                    if candidate < next[mask] {
                        next[mask] = candidate
                        split[mask] = sub  // what the earlier teams cover
                    }
                    if sub == 0 { break }
                    sub = (sub - 1) & mask
                }
            }
            combined = next
            splits.append(split)
        }
        return (combined, splits)
    }

    /// The trips of each team that cover `chosen` (teams from last to first, then in team order).
    static func unwind(_ chosen: Int, tables: [TeamTable], splits: [[Int]]) -> [(team: Int, shapes: [TripShape])] {
        var assignments: [(team: Int, shapes: [TripShape])] = []
        var remaining = chosen
        for team in stride(from: tables.count - 1, through: 0, by: -1) {
            let earlier = team == 0 ? 0 : splits[team][remaining]
            let mine = team == 0 ? remaining : remaining ^ earlier
            assignments.append((team, tables[team].chains[mine].map { tables[team].shapes[$0] }))
            remaining = earlier
        }
        return assignments.reversed()
    }

    static func weekdayName(_ day: Int) -> String {
        ["", "mon", "tue", "wed", "thu", "fri", "sat", "sun"][max(0, min(7, day))]
    }
    static func money(_ amount: Double) -> String { String(format: "%.2f", amount) }
}
