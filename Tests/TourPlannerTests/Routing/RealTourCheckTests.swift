import Foundation
import Testing

@testable import TourPlanner
@testable import TourPlannerDomain

/// Findings of the real-tours check (README "Day rules", "Places from the command line",
/// "Budget"), each with an answer worked by hand.
@Suite("Real tours: clocks, places, units")
struct RealTourCheckTests {
    static let phoenix = DayRulesTests.place("Phoenix", 33.44838, -112.07404, "America/Phoenix")
    static let lasVegas = DayRulesTests.stop("Las Vegas", 36.17497, -115.13722, "America/Los_Angeles", 5)
    static let chicago = DayRulesTests.place("Chicago", 41.85003, -87.65005, "America/Chicago")
    static let detroit = DayRulesTests.stop("Detroit", 42.33143, -83.04575, "America/Detroit", 9)

    static func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso: text)) }

    /// Phoenix keeps MST (−07:00) all year; Las Vegas is −08:00 until 2026-03-08, then −07:00.
    /// The only weekend left is 14–15 March, after the change. 4.87 h = 293 min (4:53).
    /// Saturday: leave 07:00, + 4:53 + 0:30 = 12:23 on the same clock → training on the grid at
    /// 12:30 (12:30 + 8 h = 20:30, 4:53 + 8 h = 12:53 h ≤ 13); arrive 12:00, so leave
    /// 12:00 − 4:53 = 07:07. Sunday home 07:00–11:53. Planned with February's offsets the trip
    /// left at 06:07 Phoenix time and the plan was refused after dating.
    @Test("a trip after a clock change only one zone makes is timed with that date's clocks")
    func clockChangeBetweenZones() throws {
        var rules = DayRules()
        rules.maxWorkingHours = 13
        var request = try DayRulesTests.request(
            base: Self.phoenix, [Self.lasVegas],
            travel: DayRulesTests.matrix([("Phoenix", "Las Vegas", 486.2, 4.87)]), rules: rules,
            from: "2026-02-28", to: "2026-03-15")
        request.blackoutDates = Set(try ["2026-02-28", "2026-03-01", "2026-03-07", "2026-03-08"].map(Self.date))
        let plan = try TourScheduler().plan(request)
        let trip = try #require(plan.trips.first)
        #expect(trip.legs.map(\.departure) == ["2026-03-14T07:07:00-07:00", "2026-03-15T07:00:00-07:00"])
        #expect(trip.legs.map(\.arrival) == ["2026-03-14T12:00:00-07:00", "2026-03-15T11:53:00-07:00"])
        #expect(trip.stops.map(\.trainingStart) == ["2026-03-14T12:30:00-07:00"])
        #expect(DayRules.violations(in: plan).isEmpty)
    }

    /// Chicago (−05:00) → Detroit (−04:00), 4.54 h = 273 min (4:33). Driving back after a 09:00
    /// training: 17:30 Detroit + 4:33 = 22:03 Detroit = 21:03 Chicago, before 22:00, so that rule
    /// is not broken (it used to be said to be); the working day is (4:33 + 8 h = 12:33 h).
    @Test("why a stop is unreachable is told on each place's clock (Chicago → Detroit)")
    func unreachableAcrossZones() throws {
        let request = try DayRulesTests.request(
            base: Self.chicago, [Self.detroit],
            travel: DayRulesTests.matrix([("Chicago", "Detroit", 452.2, 4.54)]), from: "2026-06-06", to: "2026-06-07")
        let reason = TourScheduler.whyUnreachable(Self.detroit, request: request)
        #expect(reason.contains("12:33 h, over the 12 h working day"))
        #expect(!reason.contains("arrives at"))
    }

    /// Phoenix (−07:00) → Las Vegas (−08:00) in February, 4:53: back after a 09:00 training,
    /// 17:30 + 4:53 = 22:23 Las Vegas = 23:23 Phoenix, after 22:00.
    @Test("an evening arrival over the limit is given on the base's clock, named")
    func eveningArrivalOnBaseClock() throws {
        let request = try DayRulesTests.request(
            base: Self.phoenix, [Self.lasVegas],
            travel: DayRulesTests.matrix([("Phoenix", "Las Vegas", 486.2, 4.87)]), from: "2026-02-07",
            to: "2026-02-08")
        let reason = TourScheduler.whyUnreachable(Self.lasVegas, request: request)
        #expect(reason.contains("arrives at 23:23 Phoenix time, after the latest arrival 22:00"))
    }

    @Test("tour plan --format json carries the open-water warnings the table shows")
    func jsonWarnings() throws {
        let plan = try TourScheduler().plan(
            try DayRulesTests.request(
                base: Self.chicago, [Self.detroit],
                travel: DayRulesTests.matrix([("Chicago", "Detroit", 200, 2.0)]), from: "2026-06-06",
                to: "2026-06-07"))
        let warning = "London → Paris crosses about 90 km of open water: …"
        let report = TourPlanReport(plan: plan, resolved: [], out: nil, warnings: [warning])
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try report.render(.json).utf8)) as? [String: Any])
        #expect(json["warnings"] as? [String] == [warning])
        #expect(try report.render(.table).contains("Warning: " + warning))
    }

    /// London 07:00 (+01:00) → Paris 12:06 (+02:00) is 4:06 h of driving across a clock change;
    /// Chicago → Indianapolis goes from −05:00 to −04:00; Boston → New York stays on one clock.
    @Test("a drive across time zones names both clocks in the summary and the Markdown")
    func clockChangeOnDrives() {
        #expect(
            Itinerary.clockChange(from: "2026-06-12T07:00:00+01:00", to: "2026-06-12T12:06:00+02:00")
                == " (local times: UTC+01:00 → UTC+02:00)")
        #expect(
            Itinerary.clockChange(from: "2026-06-06T07:04:00-05:00", to: "2026-06-06T11:15:00-04:00")
                == " (local times: UTC−05:00 → UTC−04:00)")
        #expect(Itinerary.clockChange(from: "2014-06-13T07:05:00-04:00", to: "2014-06-13T10:45:00-04:00") == "")
    }

    /// Santiago → Valparaíso → Rancagua → Santiago in one trip: 392 km and 4.3 h with a night,
    /// against day trips of 430 km and 4.9 h with none.
    @Test("a plan that costs a night more than the naive plan says so, never \"-1 nights\"")
    func moreNightsThanNaive() throws {
        var plan = try TourScheduler().plan(
            try DayRulesTests.request(
                base: Self.chicago, [Self.detroit],
                travel: DayRulesTests.matrix([("Chicago", "Detroit", 200, 2.0)]), from: "2026-06-06",
                to: "2026-06-07"))
        plan.totals = PlanTotals(km: 392.1, driveHours: 4.34, nightsAway: 1, trainings: 2)
        plan.naive = NaivePlanTotals(km: 429.6, driveHours: 4.86, nightsAway: 0)
        #expect(TourPlanReport.savings(plan) == "Saved: 38 km, 0.5 h driving; 1 more night away than the naive plan")
        plan.naive = NaivePlanTotals(km: 1000, driveHours: 10, nightsAway: 3)
        #expect(TourPlanReport.savings(plan) == "Saved: 608 km, 5.7 h driving, 2 nights")
        plan.naive = NaivePlanTotals(km: 392.1, driveHours: 4.34, nightsAway: 2)
        #expect(TourPlanReport.savings(plan) == "Saved: 0 km, 0.0 h driving, 1 night")
    }

    /// "Cambridge" for an organization in the US and Great Britain: Cambridge, England (about
    /// 129,000) and Cambridge, Massachusetts (about 110,000) both weigh ×10, so the choice is
    /// unclear (confidence 0.738); the echo names the rivals and how to pick one.
    @Test("an unclear place says what else it fits and how to choose")
    func unclearPlaceEcho() throws {
        let resolver = try #require(TypedGazetteer.resolver)
        let lookup = resolver.resolvePlace("Cambridge", organizationCountries: ["US", "GB"])
        let place = try #require(lookup.place)
        #expect(place.country == "GB" && place.confidence < ResolvedPlace.clearConfidence)
        #expect(place.alsoFits?.first == "Cambridge, Massachusetts, US")
        #expect(
            place.echo.hasSuffix(
                "; also fits Cambridge, Massachusetts, US; Cambridge, Maryland, US: to use another, qualify it, e.g. \"Cambridge, Massachusetts\""
            ))
        let clear = try #require(resolver.resolvePlace("Boston, MA", organizationCountries: ["US"]).place)
        #expect(clear.alsoFits == nil && !clear.echo.contains("also fits"))
    }

    @Test(
        "a template giving one quantity in two units is refused, naming both keys",
        arguments: [
            ("fuel_efficiency_mpg = 28", "fuel_l_per_100km = 6.5", "vehicle.fuel_efficiency_mpg"),
            ("fuel_price_per_gallon = 3.65", "fuel_price_per_litre = 1.85", "vehicle.fuel_price_per_gallon"),
            ("distance_miles = 1600", "distance_km = 2575", "counts.distance_miles"),
        ])
    func mixedUnits(existing: String, added: String, key: String) throws {
        let text = BudgetTests.minimal.replacingOccurrences(of: existing, with: existing + "\n" + added)
        #expect(throws: BudgetError.self) { try BudgetTemplate.parse(text, fileName: "t.toml") }
        do {
            _ = try BudgetTemplate.parse(text, fileName: "t.toml")
        } catch {
            #expect("\(error)".contains("\(key) is given with"))
        }
    }

    /// The fixture's one Oslo member is in the Oslo chapter: a training there reaches no one new.
    @Test("a named stop with no unaffiliated member is planned with a warning, in the table and JSON")
    func stopWithNoUnaffiliated() async throws {
        let (planner, _) = try await makeFixturePlanner()
        let report = try await planner.planTour(
            TourQuery(
                base: "Gothenburg, SE", from: try Self.date("2014-06-07"), to: try Self.date("2014-06-30"),
                stops: ["Oslo"]))
        let warning =
            "Oslo has no unaffiliated members in the store: its training reaches no one new;"
            + " leave it out of --stops, or check the members' import"
        #expect(report.plan.trips.flatMap(\.stops).map(\.value) == [0])
        #expect(report.warnings == [warning])
        #expect(report.noteLines.first == "warning: " + warning)
        #expect(try report.render(.json).contains(warning))
    }

    /// Boston's store metro (Boston and Cambridge) is the base's own: as a stop it would be a
    /// Boston → Boston "trip"; it used to fail after dating with a hint about clock changes.
    @Test("a stop that is the base's own metro is refused with what to do")
    func stopIsBase() async throws {
        let (planner, _) = try await makeFixturePlanner()
        let query = TourQuery(
            base: "Boston, MA", from: try Self.date("2014-06-07"), to: try Self.date("2014-06-30"),
            stops: ["Cambridge"])
        await #expect(
            throws: PlannerError(
                "--stops \"Cambridge\" is Boston, the base's own metro: a stop is a trip away from the base",
                hint: "leave Boston out of --stops (train there without a trip), or plan it from another --base")
        ) {
            try await planner.planTour(query)
        }
    }
}
