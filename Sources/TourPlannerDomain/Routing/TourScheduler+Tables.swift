import Foundation
import TourPlannerCore

extension TourScheduler {
    /// Legs between a team's base (index n) and the stops.
    func legMatrix(team: TourTeam, candidates: [TourCandidate], travel: TravelModel) -> [[TravelModel.TravelLeg]] {
        let names = candidates.map(\.metro) + [team.base.name]
        let points = candidates.map(\.point) + [GeoPoint(latitude: team.base.latitude, longitude: team.base.longitude)]
        return names.indices.map { i in
            names.indices.map { j in travel.plannedLeg(from: names[i], points[i], to: names[j], points[j]) }
        }
    }

    /// UTC offsets in minutes of the stops and then the team's base (index n), on `date`.
    static func offsets(team: TourTeam, candidates: [TourCandidate], on date: CalendarDate) -> [Int] {
        (candidates.map(\.timeZone) + [team.base.timeZone]).map { offset($0, on: date) }
    }

    /// A zone's UTC offset in minutes at noon on `date` (a day's drives are 05:00–24:00, clock
    /// changes at night, so noon's offset is the day's).
    static func offset(_ zone: String, on date: CalendarDate) -> Int {
        let noon = LocalClock.instant(date: date, time: LocalTime(hour: 12, minute: 0), zone: zone)
        return (TimeZone(identifier: zone)?.secondsFromGMT(for: noon ?? Date(timeIntervalSince1970: 0)) ?? 0) / 60
    }

    /// The clock and runs a team's trips are shaped for.
    static func tripContext(team: TourTeam, runs: [[CalendarDate]], request: TourRequest) -> TripShape.Context {
        TripShape.Context(
            timeline: DayTimeline(rules: request.rules(for: team)), maxRunDays: runs.map(\.count).max() ?? 0,
            travelDayAllowed: runs.contains { request.hasTravelDay(before: $0, team: team) })
    }

    /// The best trip for every set of up to three stops, then the best cover of every subset by
    /// at most as many trips as the team has runs.
    func table(team: TourTeam, runs: [[CalendarDate]], candidates: [TourCandidate], request: TourRequest) -> TeamTable {
        let n = candidates.count
        let full = (1 << n) - 1
        let legs = legMatrix(team: team, candidates: candidates, travel: request.travel)
        let offsets = Self.offsets(team: team, candidates: candidates, on: request.from)
        let context = Self.tripContext(team: team, runs: runs, request: request)
        let maxDays = runs.map(\.count).max() ?? 0
        let maxStops = min(Self.maxStopsPerTrip, maxDays, n)
        var shapes: [TripShape] = []
        var tripOf: [Int: Int] = [:]
        guard maxDays > 0 else {
            return TeamTable(
                cost: [.zero] + Array(repeating: .infinite, count: full), chains: Array(repeating: [], count: full + 1),
                shapes: [])
        }
        for mask in 1...full where mask.nonzeroBitCount <= maxStops {
            let members = (0..<n).filter { mask & (1 << $0) != 0 }
            let best = TripShape.best(of: members, legs: legs, offsets: offsets, base: n, context: context)
            if let best {
                tripOf[mask] = shapes.count
                shapes.append(best)
            }
        }
        // Trip masks grouped by their lowest stop, so each subset is split once.
        var tripsByLowest = [[Int]](repeating: [], count: n)
        for (mask, _) in tripOf.sorted(by: { $0.key < $1.key }) {
            tripsByLowest[mask.trailingZeroBitCount].append(mask)
        }
        let runCount = runs.count
        // dp[c][mask]: best cover of mask by exactly c trips (c ≤ runs).
        var dp = [[Cost]](repeating: [Cost](repeating: .infinite, count: full + 1), count: runCount + 1)
        var choice = [[Int]](repeating: [Int](repeating: -1, count: full + 1), count: runCount + 1)
        dp[0][0] = .zero
        if runCount > 0 {
            for count in 1...runCount {
                for mask in 1...full {
                    let lowest = mask.trailingZeroBitCount
                    for trip in tripsByLowest[lowest] where trip & mask == trip {
                        let previous = dp[count - 1][mask ^ trip]
                        guard previous.km < .infinity, let shapeIndex = tripOf[trip] else { continue }
                        let shape = shapes[shapeIndex]
                        let candidate = previous + Cost(km: shape.km, nights: shape.nights, trips: 1)
                        if candidate < dp[count][mask] {
                            dp[count][mask] = candidate
                            choice[count][mask] = shapeIndex
                        }
                    }
                }
            }
        }
        // Best over trip counts; remember the count to unwind.
        var cost = [Cost](repeating: .infinite, count: full + 1)
        var bestCount = [Int](repeating: 0, count: full + 1)
        for mask in 0...full {
            for count in 0...runCount where dp[count][mask] < cost[mask] {
                cost[mask] = dp[count][mask]
                bestCount[mask] = count
            }
        }
        // The chosen trips of every coverable subset.
        var chains = [[Int]](repeating: [], count: full + 1)
        for mask in 1...full where cost[mask].km < .infinity {
            var count = bestCount[mask]
            var current = mask
            while current != 0 && count > 0 {
                let shapeIndex = choice[count][current]
                if shapeIndex < 0 { break }
                chains[mask].append(shapeIndex)
                for stop in shapes[shapeIndex].stops { current &= ~(1 << stop) }
                count -= 1
            }
        }
        return TeamTable(cost: cost, chains: chains, shapes: shapes)
    }

    func explainInfeasible(
        candidates: [TourCandidate], tables: [TeamTable], request: TourRequest, runsByTeam: [[[CalendarDate]]]
    ) -> RoutingError {
        for (index, candidate) in candidates.enumerated()
        where tables.allSatisfy({ table in !table.shapes.contains { $0.stops.contains(index) } }) {
            return Self.beyondDaysDrive(candidate, request: request)
        }
        return Self.moreTripsThanWeekends(candidates.count, request: request, runsByTeam: runsByTeam)
    }

    /// The error for a stop no team can reach on a trip of its own under the day rules.
    static func beyondDaysDrive(_ candidate: TourCandidate, request: TourRequest) -> RoutingError {
        unreachable(candidate, request: request)
    }

    /// The error for stops that need more trips than the teams have runs of allowed days.
    static func moreTripsThanWeekends(
        _ stopCount: Int, request: TourRequest, runsByTeam: [[[CalendarDate]]], detail: String = ""
    ) -> RoutingError {
        let runs = runsByTeam.map(\.count).reduce(0, +)
        return RoutingError(
            "the \(stopCount) stops need more trips than the \(runs) weekend\(runs == 1 ? "" : "s") between \(request.from) and \(request.to)\(detail)",
            hint: "widen the dates, allow more --weekdays, or use --objective value to choose the best stops")
    }

    func reasonLeftOut(_ index: Int, candidates: [TourCandidate], tables: [TeamTable], request: TourRequest) -> String {
        if tables.allSatisfy({ table in !table.shapes.contains { $0.stops.contains(index) } }) {
            return Self.whyUnreachable(candidates[index], request: request)
        }
        if request.budget != nil { return "does not fit the budget or the weekends together with higher-valued stops" }
        if request.maxTrainings != nil { return "beyond --max-trainings once higher-valued stops are chosen" }
        return "no weekend left for it after higher-valued stops"
    }
}
