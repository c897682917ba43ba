import Foundation
import Testing

@testable import TourPlanner
@testable import TourPlannerDomain

@Suite("Tour planning beyond the exact planner's size")
struct ManyStopsPlannerTests {
    static let denver = PlanPlace(
        name: "Denver", latitude: 39.7392, longitude: -104.9903, timeZone: "America/Denver", countryCode: "US")

    /// `count` stops scattered within ~300 km of New York (a fixed pseudo-random layout).
    static func scattered(_ count: Int, seed: UInt64) -> [TourCandidate] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { index in
            let lat = 39.5 + Double(random.next() % 2500) / 1000
            let lon = -77.0 + Double(random.next() % 5500) / 1000
            return TourSchedulerTests.stop("Town \(index)", lat, lon, Double(1 + random.next() % 30))
        }
    }

    static func request(_ stops: [TourCandidate], objective: TourObjective = .visitAll, to: String = "2014-12-31")
        throws -> TourRequest
    {
        TourRequest(
            teams: [TourTeam(name: "New York", base: TourSchedulerTests.newYork)], candidates: stops,
            from: try #require(CalendarDate(iso: "2014-06-07")), to: try #require(CalendarDate(iso: to)),
            dayRules: TourSchedulerTests.looseRules, objective: objective)
    }

    /// The heuristic alone (construction + neighbourhood re-optimization) on a request.
    static func heuristic(_ request: TourRequest) throws -> TourPlan {
        let candidates = request.candidates.sorted { ($0.value, $1.metro) > ($1.value, $0.metro) }
        return try TourScheduler().planManyStops(
            request: request, candidates: candidates, runsByTeam: request.teams.map { request.runs(for: $0) })
    }

    @Test(
        "on 10 stops the heuristic's neighbourhood is the whole tour, so it is exact", arguments: [1, 2, 3] as [UInt64])
    func exactOnSmall(seed: UInt64) throws {
        let request = try Self.request(Self.scattered(10, seed: seed))
        let exact = try TourScheduler().plan(request)
        let heuristic = try Self.heuristic(request)
        #expect(abs(heuristic.totals.km - exact.totals.km) < 0.05)
    }

    @Test("on 14 stops the heuristic is within 3% of the proven optimum", arguments: [4, 5, 6] as [UInt64])
    func nearOptimalOnFourteen(seed: UInt64) throws {
        let request = try Self.request(Self.scattered(14, seed: seed))
        let exact = try TourScheduler().plan(request)
        let heuristic = try Self.heuristic(request)
        #expect(heuristic.totals.km >= exact.totals.km - 0.05)
        #expect(heuristic.totals.km <= exact.totals.km * 1.03)
    }

    @Test("40 stops: each visited once, within the day's driving, on distinct weekends, deterministic")
    func fortyStops() throws {
        let stops = Self.scattered(40, seed: 11)
        let request = try Self.request(stops)
        let plan = try TourScheduler().plan(request)
        #expect(plan.unvisited.isEmpty)
        #expect(plan.trips.flatMap(\.stops).map(\.metro).sorted() == stops.map(\.metro).sorted())
        #expect(Set(plan.trips.map(\.start)).count == plan.trips.count)
        for trip in plan.trips {
            #expect(trip.stops.count <= TourScheduler.maxStopsPerTrip)
            let byDay = Dictionary(grouping: trip.legs, by: \.date).mapValues { $0.reduce(0) { $0 + $1.hours } }
            #expect(byDay.values.allSatisfy { $0 <= request.maxDriveHoursPerDay + 0.02 })
            #expect(Set(trip.stops.map(\.date)).count == trip.stops.count)
        }
        // Far less driving than one round trip per stop.
        #expect(plan.totals.km < 0.7 * plan.naive.km)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let again = try TourScheduler().plan(try Self.request(stops.reversed()))
        #expect(try encoder.encode(plan) == encoder.encode(again))
    }

    @Test("choosing among 30 stops with few weekends keeps the valuable ones and says why the rest are left out")
    func prizeCollecting() throws {
        let stops = Self.scattered(30, seed: 12)
        let request = try Self.request(stops, objective: .maximizeValue, to: "2014-07-06")  // 5 weekends
        let plan = try TourScheduler().plan(request)
        #expect(plan.trips.count <= 5)
        #expect(plan.totals.trainings + plan.unvisited.count == 30)
        #expect(plan.unvisited.allSatisfy { $0.reason.contains("weekend") })
        // At least as valuable as visiting the 10 most valuable stops (2 per weekend on average).
        let visited = plan.trips.flatMap(\.stops).reduce(0) { $0 + $1.value }
        let topTen = stops.map(\.value).sorted(by: >).prefix(10).reduce(0, +)
        #expect(visited >= topTen)
    }

    @Test("two teams share 24 stops between the East Coast and the Rockies")
    func twoTeams() throws {
        var stops = Self.scattered(16, seed: 13)
        var random = SplitMix64(seed: 14)
        for index in 0..<8 {
            let lat = 38.0 + Double(random.next() % 3000) / 1000
            let lon = -106.5 + Double(random.next() % 3000) / 1000
            stops.append(TourSchedulerTests.stop("Rockies \(index)", lat, lon, 5))
        }
        var request = try Self.request(stops)
        request.teams.append(TourTeam(name: "Denver", base: Self.denver))
        let plan = try TourScheduler().plan(request)
        #expect(plan.unvisited.isEmpty && plan.totals.trainings == 24)
        for trip in plan.trips {
            let west = trip.stops.allSatisfy { $0.metro.hasPrefix("Rockies") }
            #expect(west == (trip.team == "Denver"))
        }
    }
}
