import Foundation
import Testing

@testable import TourPlanner

@Suite("Tour planning")
struct TourSchedulerTests {
    static let newYork = PlanPlace(
        name: "New York", latitude: 40.7128, longitude: -74.0060, timeZone: "America/New_York", countryCode: "US")
    static func stop(_ name: String, _ lat: Double, _ lon: Double, _ value: Double, cities: [String]? = nil)
        -> TourCandidate
    {
        TourCandidate(
            metro: name, cities: cities ?? [name], point: GeoPoint(latitude: lat, longitude: lon),
            timeZone: "America/New_York", countryCode: "US", value: value)
    }
    static let eastCoast = [
        stop("Baltimore", 39.2904, -76.6122, 11),
        stop("Boston", 42.3601, -71.0589, 29, cities: ["Boston", "Cambridge"]),
        stop("Philadelphia", 39.9526, -75.1652, 10), stop("Washington", 38.9072, -77.0369, 9),
    ]
    /// Loose day rules for the optimization tests (the flat model's 4–5 h legs do not fit the
    /// default 12 h day): a fixed 10:00 training, departures from 04:00, arrivals to 23:59, a
    /// 24 h working day, 6 h of driving. `DayRulesTests` covers the default rules.
    static let looseRules = DayRules(
        trainingStartEarliest: LocalTime(hour: 10, minute: 0), trainingStartLatest: LocalTime(hour: 10, minute: 0),
        earliestDeparture: LocalTime(hour: 4, minute: 0), latestArrival: LocalTime(hour: 23, minute: 59),
        maxWorkingHours: 24)
    static func summer(
        _ stops: [TourCandidate] = eastCoast, objective: TourObjective = .visitAll, budget: Double? = nil
    ) throws -> TourRequest {
        TourRequest(
            teams: [TourTeam(name: "New York", base: newYork)], candidates: stops,
            from: try #require(CalendarDate(iso: "2014-06-07")), to: try #require(CalendarDate(iso: "2014-08-31")),
            dayRules: looseRules, budget: budget, objective: objective)
    }

    /// Hand-checked with an independent haversine (R = 6371.0088 km) and the drive-time model
    /// (road km = 1.1788 × great circle; hours = 0.18 + road km / 103.67, all stops in the US):
    /// NY–Philadelphia 129.6 km → 152.8 km road, 1.65 h; NY–Boston 306.1 → 360.8 km, 3.66 h;
    /// NY–Baltimore 272.6 → 321.3 km, 3.28 h; NY–Washington 327.6 → 386.2 km, 3.90 h;
    /// Baltimore–Washington 56.2 → 66.3 km, 0.82 h.
    /// Best plan: Philadelphia as a day trip (305.6 km), Boston with one night (721.6 km),
    /// Baltimore + Washington on one weekend (386.2 + 66.3 + 321.3 = 773.8 km): 1,801.0 km, 2 nights.
    /// Naive: 2 × (152.8 + 360.8 + 321.3 + 386.2) = 2,442.1 km, 3 nights (only Philadelphia fits a day).
    @Test("the 2014 East Coast tour from New York plans sensibly, with hand-checked distances")
    func eastCoast2014() throws {
        let plan = try TourScheduler().plan(try Self.summer())
        #expect(plan.trips.count == 3)
        #expect(abs(plan.totals.km - 1801.0) < 0.5)
        #expect(plan.totals.nightsAway == 2 && plan.totals.trainings == 4)
        #expect(abs(plan.naive.km - 2442.1) < 0.5)
        #expect(plan.naive.nightsAway == 3)
        let pair = try #require(plan.trips.first { $0.stops.count == 2 })
        #expect(Set(pair.stops.map(\.metro)) == ["Baltimore", "Washington"])
        #expect(pair.start.isoWeekday == 6 && pair.end == pair.start.adding(days: 1))
        #expect(pair.stops[0].date == pair.start && pair.stops[1].date == pair.end)
        #expect(pair.nights.count == 1)
        let philadelphia = try #require(plan.trips.first { $0.stops.map(\.metro) == ["Philadelphia"] })
        #expect(philadelphia.nightsAway == 0 && philadelphia.start == philadelphia.end)
        #expect(philadelphia.legs.map(\.km) == [152.8, 152.8])
        let boston = try #require(plan.trips.first { $0.stops.map(\.metro) == ["Boston"] })
        #expect(boston.stops[0].cities == ["Boston", "Cambridge"] && boston.nights.map(\.metro) == ["Boston"])
        // Every day's driving respects the 6 h limit.
        for trip in plan.trips {
            let byDay = Dictionary(grouping: trip.legs, by: \.date).mapValues { $0.reduce(0) { $0 + $1.hours } }
            #expect(byDay.values.allSatisfy { $0 <= 6.0 + 0.02 })
        }
        // Trips are on distinct weekends in the range, most valuable first.
        #expect(Set(plan.trips.map(\.start)).count == 3)
        #expect(plan.trips.first?.stops.first?.metro == "Boston")
    }

    @Test("same input, same plan, byte for byte; PLAN.json round-trips")
    func deterministic() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let first = try encoder.encode(try TourScheduler().plan(try Self.summer()))
        let second = try encoder.encode(try TourScheduler().plan(try Self.summer(Self.eastCoast.reversed())))
        #expect(first == second)
        let decoded = try JSONDecoder().decode(TourPlan.self, from: first)
        #expect(try encoder.encode(decoded) == first)
        let json = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
        #expect(Set(json.keys).isSuperset(of: ["trips", "totals", "naive", "unvisited"]))
    }

    /// Denver: 2,619 km great circle × 1.1788 = 3,087 road km; 0.18 + 3,087 / 103.67 = 29.96 h (29:58).
    @Test("a stop beyond a day's drive is named in the error")
    func tooFar() throws {
        let request = try Self.summer(Self.eastCoast + [Self.stop("Denver", 39.7392, -104.9903, 15)])
        #expect {
            try TourScheduler().plan(request)
        } throws: { error in
            let message = (error as? RoutingError)?.problem ?? ""
            return message.hasPrefix("Denver: no trip fits the day rules: it is 3087 km (29:58 h) from New York")
                && message.contains("the drive is over the max driving of 6 h a day")
        }
        // With --objective value it is left out, with the reason.
        var valueRequest = request
        valueRequest.objective = .maximizeValue
        let plan = try TourScheduler().plan(valueRequest)
        #expect(plan.unvisited.map(\.metro) == ["Denver"])
        #expect(plan.unvisited[0].reason.hasPrefix("no trip fits the day rules: it is 3087 km"))
        #expect(plan.totals.trainings == 4)
    }

    @Test("no allowed dates is an error naming the range")
    func noDates() throws {
        var request = try Self.summer()
        request.from = try #require(CalendarDate(iso: "2014-06-09"))  // a Monday
        request.to = try #require(CalendarDate(iso: "2014-06-13"))  // a Friday
        #expect {
            try TourScheduler().plan(request)
        } throws: { error in
            (error as? RoutingError)?.problem
                == "no allowed travel dates between 2014-06-09 and 2014-06-13 (weekdays sat, sun)"
        }
    }

    @Test("prize collecting within a budget keeps the most valuable stops that fit")
    func budget() throws {
        // At 0.50/km a budget of 600 buys 1,200 km: Boston (721.6 km, value 29) + Philadelphia (305.6, value 10)
        // = 1,027.2 km and value 39 beats Baltimore + Washington (773.8 km, value 20) + Philadelphia (value 30).
        let plan = try TourScheduler().plan(try Self.summer(objective: .maximizeValue, budget: 600))
        #expect(Set(plan.trips.flatMap(\.stops).map(\.metro)) == ["Boston", "Philadelphia"])
        #expect(Set(plan.unvisited.map(\.metro)) == ["Baltimore", "Washington"])
        #expect(abs(plan.totals.km - 1027.2) < 0.5)
    }

    @Test("two teams split the stops by base")
    func twoTeams() throws {
        let saltLake = PlanPlace(
            name: "Salt Lake City", latitude: 40.7608, longitude: -111.8910, timeZone: "America/Denver",
            countryCode: "US")
        var request = try Self.summer(
            Self.eastCoast + [
                Self.stop("Denver", 39.7392, -104.9903, 15), Self.stop("Boulder", 40.0150, -105.2705, 10),
            ])
        request.teams.append(TourTeam(name: "Utah", base: saltLake))
        // Salt Lake City–Denver ≈ 600 km great-circle → ≈ 707 road km, ≈ 7.0 h by the road model: with
        // an 8-hour training that is more than a working day, so Friday–Sunday runs.
        request.maxDriveHoursPerDay = 10
        request.weekdays = [5, 6, 7]
        let plan = try TourScheduler().plan(request)
        let utah = Set(plan.trips.filter { $0.team == "Utah" }.flatMap(\.stops).map(\.metro))
        #expect(utah == ["Boulder", "Denver"])
        #expect(plan.totals.trainings == 6 && plan.unvisited.isEmpty)
    }
}

@Suite("Tour planning with a traffic margin")
struct TrafficMarginPlanTests {
    @Test("--traffic-margin 0.15 plans every leg 15% longer, same km")
    func marginLengthensLegs() throws {
        let philadelphia = [TourSchedulerTests.stop("Philadelphia", 39.9526, -75.1652, 10)]
        var request = try TourSchedulerTests.summer(philadelphia)
        let bare = try TourScheduler().plan(request)
        request.travel = TravelModel(trafficMarginFraction: 0.15)
        let padded = try TourScheduler().plan(request)
        let bareLegs = bare.trips.flatMap(\.legs)
        let paddedLegs = padded.trips.flatMap(\.legs)
        #expect(bareLegs.count == paddedLegs.count && !bareLegs.isEmpty)
        for (a, b) in zip(bareLegs, paddedLegs) {
            #expect(abs(b.hours - a.hours * 1.15) < 0.006)  // PLAN.json hours are rounded to 0.01
            #expect(abs(b.km - a.km) < 1e-9)
        }
    }
}
