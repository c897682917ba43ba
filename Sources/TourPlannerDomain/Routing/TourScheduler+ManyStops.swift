import Foundation
import TourPlannerCore

/// Tours with more stops than the exact planner takes (`maxExactStops`).
///
/// Construction by cheapest insertion (hardest stops first when every stop must be visited,
/// most valuable first when choosing), then improvement by exact re-optimization of
/// neighbourhoods (POPMUSIC, Taillard & Voss 2002): the trips nearest a seed trip, up to
/// `neighbourhoodStops` stops, are re-partitioned into trips by the same exact table and
/// subset DP the small planner uses, over every team; a better partition replaces them. It
/// stops at a local optimum (a full pass over the seeds without improvement) or after
/// `maxPasses`, so the result depends on the request and `seed` only, never on time.
///
/// - Complexity: O(n² · T) construction for n stops and T teams; each re-optimization
///   O(T · 3^k) for k ≤ `neighbourhoodStops`.
struct ManyStopsPlanner {
    static let neighbourhoodStops = 10
    static let maxPasses = 30

    typealias Cost = TourScheduler.Cost

    struct Trip {
        var team: Int
        var shape: TripShape  // stop indices into `candidates`
        var cost: Cost { Cost(km: shape.km, nights: shape.nights, trips: 1) }
    }

    let scheduler: TourScheduler
    let request: TourRequest
    let candidates: [TourCandidate]
    let runsByTeam: [[[CalendarDate]]]
    private let legs: [[[TravelModel.TravelLeg]]]
    private let offsets: [[Int]]
    private let contexts: [TripShape.Context]
    private let maxDays: [Int]
    private let maxStops: [Int]

    init(scheduler: TourScheduler, request: TourRequest, candidates: [TourCandidate], runsByTeam: [[[CalendarDate]]]) {
        self.scheduler = scheduler
        self.request = request
        self.candidates = candidates
        self.runsByTeam = runsByTeam
        legs = request.teams.map { scheduler.legMatrix(team: $0, candidates: candidates, travel: request.travel) }
        offsets = request.teams.map { TourScheduler.offsets(team: $0, candidates: candidates, on: request.from) }
        contexts = request.teams.indices.map {
            TourScheduler.tripContext(team: request.teams[$0], runs: runsByTeam[$0], request: request)
        }
        maxDays = runsByTeam.map { $0.map(\.count).max() ?? 0 }
        maxStops = maxDays.map { min(TourScheduler.maxStopsPerTrip, $0) }
    }

    /// The best way to drive a trip of `stops` (any order) for `team`, or nil.
    func shape(team: Int, stops: [Int]) -> TripShape? {
        guard !stops.isEmpty, stops.count <= maxStops[team] else { return nil }
        return TripShape.best(
            of: stops, legs: legs[team], offsets: offsets[team], base: candidates.count, context: contexts[team])
    }

    func total(_ trips: [Trip]) -> Cost { trips.reduce(.zero) { $0 + $1.cost } }

    func moneyCost(_ trips: [Trip]) -> Double {
        let cost = total(trips)
        return request.costModel.cost(
            km: cost.km, nights: cost.nights, trips: cost.trips,
            trainings: trips.reduce(0) { $0 + $1.shape.stops.count })
    }

    /// Whether `trips` respect --max-trainings and --budget (value objective).
    func withinLimits(_ trips: [Trip]) -> Bool {
        let trainings = trips.reduce(0) { $0 + $1.shape.stops.count }
        if let maxTrainings = request.maxTrainings, trainings > maxTrainings { return false }
        if let budget = request.budget, moneyCost(trips) > budget + 1e-9 { return false }
        return true
    }

    /// The cheapest feasible way to add `stop`: into a trip with room, or as a new trip of a
    /// team with a run to spare. Nil when there is none (or none within the limits).
    func cheapestInsertion(of stop: Int, into trips: [Trip], checkLimits: Bool) -> [Trip]? {
        var best: (delta: Cost, trips: [Trip])?
        func consider(_ candidate: [Trip], delta: Cost) {
            if checkLimits && !withinLimits(candidate) { return }
            if let current = best, !(delta < current.delta) { return }
            best = (delta, candidate)
        }
        for team in request.teams.indices {
            for (index, trip) in trips.enumerated() where trip.team == team && trip.shape.stops.count < maxStops[team] {
                guard let grown = shape(team: team, stops: trip.shape.stops + [stop]) else { continue }
                var candidate = trips
                candidate[index].shape = grown
                let delta = Cost(km: grown.km - trip.shape.km, nights: grown.nights - trip.shape.nights, trips: 0)
                consider(candidate, delta: delta)
            }
            if trips.filter({ $0.team == team }).count < runsByTeam[team].count,
                let alone = shape(team: team, stops: [stop])
            {
                consider(
                    trips + [Trip(team: team, shape: alone)], delta: Cost(km: alone.km, nights: alone.nights, trips: 1))
            }
        }
        return best?.trips
    }

    /// Value objective: swaps a left-out stop in for a less valuable visited one whenever the
    /// trips can take it within the limits, most valuable first, until no swap helps.
    func exchange(_ start: [Trip], left: inout [Int]) -> [Trip] {
        var trips = start
        var changed = true
        var rounds = 0
        while changed && rounds < Self.maxPasses {
            changed = false
            rounds += 1
            for (position, incoming) in left.enumerated() {
                let visited = trips.flatMap(\.shape.stops).filter { candidates[$0].value < candidates[incoming].value }
                    .sorted { (candidates[$0].value, $0) < (candidates[$1].value, $1) }
                for outgoing in visited {
                    guard let without = removing(outgoing, from: trips),
                        let with = cheapestInsertion(of: incoming, into: without, checkLimits: true)
                    else { continue }
                    trips = with
                    left[position] = outgoing
                    changed = true
                    break
                }
            }
            left.sort { (candidates[$0].value, $1) > (candidates[$1].value, $0) }
        }
        return trips
    }

    /// The trips without `stop` (its trip re-driven for the others, or dropped when it was alone).
    func removing(_ stop: Int, from trips: [Trip]) -> [Trip]? {
        guard let index = trips.firstIndex(where: { $0.shape.stops.contains(stop) }) else { return nil }
        var result = trips
        let rest = trips[index].shape.stops.filter { $0 != stop }
        if rest.isEmpty {
            result.remove(at: index)
        } else {
            guard let shape = shape(team: trips[index].team, stops: rest) else { return nil }
            result[index].shape = shape
        }
        return result
    }

    /// Re-partitions the stops of the trips nearest each seed trip exactly, while that helps.
    func improve(_ start: [Trip]) -> [Trip] {
        var trips = start
        var random = SplitMix64(seed: request.seed)
        for _ in 0..<Self.maxPasses {
            var improved = false
            var seeds = trips.flatMap(\.shape.stops)
            seeds.shuffle(using: &random)
            for seedStop in seeds {
                guard let seedIndex = trips.firstIndex(where: { $0.shape.stops.contains(seedStop) }) else { continue }
                let group = neighbourhood(of: seedIndex, in: trips)
                guard group.count >= 2 || trips[seedIndex].shape.stops.count > 1 else { continue }
                guard let better = reoptimize(group, in: trips) else { continue }
                let kept = trips.indices.filter { !group.contains($0) }.map { trips[$0] }
                trips = kept + better
                improved = true
            }
            if !improved { break }
        }
        return trips
    }

    private func centre(_ trip: Trip) -> GeoPoint {
        let points = trip.shape.stops.map { candidates[$0].point }
        return GeoPoint(
            latitude: points.map(\.latitude).reduce(0, +) / Double(points.count),
            longitude: points.map(\.longitude).reduce(0, +) / Double(points.count))
    }

    /// The seed trip and the trips nearest to it, up to `neighbourhoodStops` stops in all.
    private func neighbourhood(of seed: Int, in trips: [Trip]) -> [Int] {
        let origin = centre(trips[seed])
        let byDistance = trips.indices.filter { $0 != seed }.sorted {
            (origin.distanceKm(to: centre(trips[$0])), $0) < (origin.distanceKm(to: centre(trips[$1])), $1)
        }
        var group = [seed]
        var stops = trips[seed].shape.stops.count
        for index in byDistance where stops + trips[index].shape.stops.count <= Self.neighbourhoodStops {
            group.append(index)
            stops += trips[index].shape.stops.count
        }
        return group
    }

    /// The best partition of the group's stops into trips (each team using at most its trips in
    /// the group plus its unused runs), when it is strictly cheaper than the group as it is.
    private func reoptimize(_ group: [Int], in trips: [Trip]) -> [Trip]? {
        let stops = group.flatMap { trips[$0].shape.stops }.sorted()
        let local = stops.map { candidates[$0] }
        let current = group.reduce(Cost.zero) { $0 + trips[$1].cost }
        var tables: [TourScheduler.TeamTable] = []
        for team in request.teams.indices {
            let used = trips.filter { $0.team == team }.count
            let inGroup = group.filter { trips[$0].team == team }.count
            let allowed = runsByTeam[team].count - used + inGroup
            let runs = Array(runsByTeam[team].sorted { $0.count > $1.count }.prefix(max(0, allowed)))
            tables.append(scheduler.table(team: request.teams[team], runs: runs, candidates: local, request: request))
        }
        let (combined, splits) = TourScheduler.combine(tables, stopCount: local.count)
        let full = (1 << local.count) - 1
        guard combined[full] < current, combined[full].km < .infinity else { return nil }
        if current.km - combined[full].km < 1e-6 && current.nights == combined[full].nights
            && current.trips == combined[full].trips
        {
            return nil
        }
        return TourScheduler.unwind(full, tables: tables, splits: splits).flatMap { team, shapes in
            shapes.map { shape in
                var global = shape
                global.stops = shape.stops.map { stops[$0] }
                global.nightStops = shape.nightStops.map { stops[$0] }
                return Trip(team: team, shape: global)
            }
        }
    }
}

extension TourScheduler {
    /// Plans more than `maxExactStops` stops with `ManyStopsPlanner`.
    func planManyStops(request: TourRequest, candidates: [TourCandidate], runsByTeam: [[[CalendarDate]]]) throws
        -> TourPlan
    {
        let planner = ManyStopsPlanner(
            scheduler: self, request: request, candidates: candidates, runsByTeam: runsByTeam)
        var trips: [ManyStopsPlanner.Trip] = []
        var unvisited: [UnvisitedStop] = []
        switch request.objective {
        case .visitAll:
            // Hardest first: the stops farthest from every base.
            let order = candidates.indices.sorted { lhs, rhs in
                (Self.nearestBaseKm(candidates[lhs], request), rhs) > (
                    Self.nearestBaseKm(candidates[rhs], request), lhs
                )
            }
            if let maxTrainings = request.maxTrainings, candidates.count > maxTrainings {
                throw RoutingError(
                    "\(candidates.count) stops but at most \(maxTrainings) trainings",
                    hint:
                        "drop stops, raise --max-trainings, or use --objective value to choose the best \(maxTrainings)"
                )
            }
            // A stop no trip can take yet (one that only fits alongside a nearer stop) waits for a second pass.
            var waiting: [Int] = []
            for stop in order {
                guard let next = planner.cheapestInsertion(of: stop, into: trips, checkLimits: false) else {
                    waiting.append(stop)
                    continue
                }
                trips = next
            }
            for stop in waiting {
                guard let next = planner.cheapestInsertion(of: stop, into: trips, checkLimits: false) else {
                    throw manyStopsInfeasible(stop, planner: planner, candidates: candidates, request: request)
                }
                trips = next
            }
            trips = planner.improve(trips)
            if let budget = request.budget, planner.moneyCost(trips) > budget + 1e-9 {
                throw RoutingError(
                    "visiting every stop drives \(Int(planner.total(trips).km.rounded())) km, which costs \(Self.money(planner.moneyCost(trips))) by the cost model, over the budget of \(Self.money(budget))",
                    hint: "raise --budget, or use --objective value to choose the stops that fit")
            }
        case .maximizeValue:
            // Most valuable first (candidates come sorted by value); a second pass after the
            // improvement may fit stops the first could not afford.
            var left = Array(candidates.indices)
            for _ in 0..<2 {
                var stillLeft: [Int] = []
                for stop in left {
                    if let next = planner.cheapestInsertion(of: stop, into: trips, checkLimits: true) {
                        trips = next
                    } else {
                        stillLeft.append(stop)
                    }
                }
                trips = planner.improve(trips)
                left = stillLeft
                if left.isEmpty { break }
                trips = planner.exchange(trips, left: &left)
            }
            for stop in left {
                let reachable = request.teams.indices.contains { planner.shape(team: $0, stops: [stop]) != nil }
                unvisited.append(
                    UnvisitedStop(
                        metro: candidates[stop].metro,
                        reason: reachable
                            ? (request.budget != nil
                                ? "does not fit the budget or the weekends together with higher-valued stops"
                                : request.maxTrainings != nil
                                    ? "beyond --max-trainings once higher-valued stops are chosen"
                                    : "no weekend left for it after higher-valued stops")
                            : TourScheduler.whyUnreachable(candidates[stop], request: request)
                    ))
            }
        }
        let assignments = request.teams.indices.map { team in
            (team: team, shapes: trips.filter { $0.team == team }.map(\.shape))
        }
        return assemble(request: request, candidates: candidates, assignments: assignments, unvisited: unvisited)
    }

    static func nearestBaseKm(_ candidate: TourCandidate, _ request: TourRequest) -> Double {
        request.teams.map {
            GeoPoint(latitude: $0.base.latitude, longitude: $0.base.longitude).distanceKm(to: candidate.point)
        }.min() ?? 0
    }

    func manyStopsInfeasible(
        _ stop: Int, planner: ManyStopsPlanner, candidates: [TourCandidate], request: TourRequest
    ) -> RoutingError {
        let candidate = candidates[stop]
        if !request.teams.indices.contains(where: { planner.shape(team: $0, stops: [stop]) != nil }) {
            return Self.beyondDaysDrive(candidate, request: request)
        }
        return Self.moreTripsThanWeekends(
            candidates.count, request: request, runsByTeam: planner.runsByTeam,
            detail: " (no trip had room for \(candidate.metro))")
    }
}
