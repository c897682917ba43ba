import Foundation
import Testing

@testable import TourPlanner

@Suite("Open water on a leg's straight line")
struct OpenWaterTests {
    static let places: [String: GeoPoint] = [
        "Helsinki": GeoPoint(latitude: 60.1699, longitude: 24.9384),
        "Tallinn": GeoPoint(latitude: 59.4370, longitude: 24.7536),
        "London": GeoPoint(latitude: 51.5074, longitude: -0.1278),
        "Paris": GeoPoint(latitude: 48.8566, longitude: 2.3522),
        "Dublin": GeoPoint(latitude: 53.3498, longitude: -6.2603),
        "Los Angeles": GeoPoint(latitude: 34.0522, longitude: -118.2437),
        "Honolulu": GeoPoint(latitude: 21.3069, longitude: -157.8583),
        "Boston": GeoPoint(latitude: 42.3601, longitude: -71.0589),
        "New York": GeoPoint(latitude: 40.7128, longitude: -74.0060),
        "Berlin": GeoPoint(latitude: 52.5200, longitude: 13.4050),
        "Hamburg": GeoPoint(latitude: 53.5511, longitude: 9.9937),
        "Chicago": GeoPoint(latitude: 41.8781, longitude: -87.6298),
        "Detroit": GeoPoint(latitude: 42.3314, longitude: -83.0458),
        "Copenhagen": GeoPoint(latitude: 55.6761, longitude: 12.5683),
        "Malmö": GeoPoint(latitude: 55.6050, longitude: 13.0038),
        "Sydney": GeoPoint(latitude: -33.8688, longitude: 151.2093),
        "Auckland": GeoPoint(latitude: -36.8485, longitude: 174.7633),
        "San Diego": GeoPoint(latitude: 32.7157, longitude: -117.1611),
        "Providence": GeoPoint(latitude: 41.8240, longitude: -71.4128),
    ]

    static func stretch(_ from: String, _ to: String) throws -> Double {
        let mask = try #require(OpenWater.bundled())
        let (a, b) = (try #require(places[from]), try #require(places[to]))
        return mask.longestStretchKm(from: a, to: b)
    }

    /// Ranges from an independent check (a Python ray caster over world.json, 5 km samples, 10 km
    /// side points): Helsinki–Tallinn 68 km of the Gulf of Finland, London–Paris 85 km of the
    /// Channel, London–Dublin 85 km of the Irish Sea, Los Angeles–Honolulu 4,050 km.
    @Test(
        "known stretches of sea",
        arguments: [
            ("Helsinki", "Tallinn", 60.0, 80.0), ("London", "Paris", 60.0, 120.0), ("London", "Dublin", 70.0, 130.0),
            ("Los Angeles", "Honolulu", 3_000.0, 4_200.0), ("Sydney", "Auckland", 1_900.0, 2_200.0),
        ])
    func knownSea(from: String, to: String, least: Double, most: Double) throws {
        let km = try Self.stretch(from, to)
        #expect(km >= least && km <= most, "\(from)–\(to): \(km) km")
        #expect(abs(try Self.stretch(to, from) - km) < 10)
    }

    /// Land legs; Copenhagen–Malmö, whose 5 km sampled off the coarse coast are under the 25 km
    /// floor; and lines along a coast (90 km off Orange County) or a sound (55 km of Long Island
    /// Sound), coastal water with land within 10 km beside the line.
    @Test(
        "legs over land, or over less than 25 km of water, have none",
        arguments: [
            ("Boston", "New York"), ("Berlin", "Hamburg"), ("Chicago", "Detroit"), ("Copenhagen", "Malmö"),
            ("Los Angeles", "San Diego"), ("Providence", "New York"),
        ])
    func noSea(from: String, to: String) throws {
        #expect(try Self.stretch(from, to) == 0)
    }

    @Test("points on land and at sea")
    func points() throws {
        let mask = try #require(OpenWater.bundled())
        #expect(mask.isLand(GeoPoint(latitude: 48.0, longitude: 2.0)))  // France
        #expect(mask.isLand(GeoPoint(latitude: -25.0, longitude: 135.0)))  // Australia
        #expect(mask.isLand(GeoPoint(latitude: 64.0, longitude: 170.0)))  // Chukotka, east of 180's split
        #expect(!mask.isLand(GeoPoint(latitude: 30.0, longitude: -140.0)))  // the Pacific
        #expect(!mask.isLand(GeoPoint(latitude: 50.2, longitude: -0.5)))  // the Channel
    }

    @Test("the model refuses a leg to another landmass; a matrix leg is taken as given")
    func modelLegs() throws {
        let (la, honolulu) = (try #require(Self.places["Los Angeles"]), try #require(Self.places["Honolulu"]))
        var travel = TravelModel()
        let refused = travel.leg(from: "Los Angeles", la, to: "Honolulu", honolulu)
        #expect(!refused.isDrivable && refused.openWaterKm > 3_000 && refused.hours == TravelModel.noRoadHours)
        let (london, paris) = (try #require(Self.places["London"]), try #require(Self.places["Paris"]))
        let channel = travel.leg(from: "London", london, to: "Paris", paris)
        #expect(channel.isDrivable && channel.openWaterKm > 25 && channel.hours < 6)
        travel.matrix = ["Los Angeles\u{1F}Honolulu": TravelModel.TravelLeg(km: 4_100, hours: 6)]
        let flown = travel.leg(from: "Honolulu", honolulu, to: "Los Angeles", la)
        #expect(flown == TravelModel.TravelLeg(km: 4_100, hours: 6) && flown.isDrivable)
    }

    @Test(
        "no road only between landmasses: the Gulf, the Tyrrhenian and the Channel are driven around or crossed",
        arguments: [
            ("Houston", 29.76, -95.36, "Tampa", 27.95, -82.46, true),
            ("Rome", 41.89, 12.48, "Palermo", 38.12, 13.36, true),
            ("London", 51.51, -0.13, "Paris", 48.86, 2.35, true),
            ("Helsinki", 60.17, 24.94, "Tallinn", 59.44, 24.75, true),
            ("Los Angeles", 34.05, -118.24, "Honolulu", 21.31, -157.86, false),
            ("Marseille", 43.30, 5.37, "Ajaccio", 41.93, 8.74, false),
            ("Melbourne", -37.81, 144.96, "Hobart", -42.88, 147.33, false),
            ("Sydney", -33.87, 151.21, "Auckland", -36.85, 174.76, false),
        ])
    func landmasses(
        from: String, fromLat: Double, fromLon: Double, to: String, toLat: Double, toLon: Double, drivable: Bool
    ) throws {
        let (a, b) = (GeoPoint(latitude: fromLat, longitude: fromLon), GeoPoint(latitude: toLat, longitude: toLon))
        let leg = TravelModel().leg(from: from, a, to: to, b)
        #expect(leg.isDrivable == drivable, "\(from)–\(to): \(leg.openWaterKm) km of water")
        #expect(leg.openWaterKm > 25, "\(from)–\(to) crosses water")
    }

    @Test(
        "distances read as about so many km",
        arguments: [(72.4, "70"), (88.0, "90"), (98.9, "100"), (4_075.0, "4,100"), (12_340.0, "12,300")])
    func about(km: Double, text: String) {
        #expect(TravelModel.about(km: km) == "about \(text) km")
    }

    static let losAngeles = PlanPlace(
        name: "Los Angeles", latitude: 34.0522, longitude: -118.2437, timeZone: "America/Los_Angeles", countryCode: "US"
    )
    static let london = PlanPlace(
        name: "London", latitude: 51.5074, longitude: -0.1278, timeZone: "Europe/London", countryCode: "GB")

    static func request(base: PlanPlace, _ stops: [TourCandidate], objective: TourObjective) throws -> TourRequest {
        TourRequest(
            teams: [TourTeam(name: base.name, base: base)], candidates: stops,
            from: try #require(CalendarDate(iso: "2014-06-07")), to: try #require(CalendarDate(iso: "2014-08-31")),
            dayRules: TourSchedulerTests.looseRules, objective: objective)
    }

    static let sanDiego = TourCandidate(
        metro: "San Diego", cities: ["San Diego"], point: GeoPoint(latitude: 32.7157, longitude: -117.1611),
        timeZone: "America/Los_Angeles", countryCode: "US", value: 10)
    static let honolulu = TourCandidate(
        metro: "Honolulu", cities: ["Honolulu"], point: GeoPoint(latitude: 21.3069, longitude: -157.8583),
        timeZone: "Pacific/Honolulu", countryCode: "US", value: 20)
    static let paris = TourCandidate(
        metro: "Paris", cities: ["Paris"], point: GeoPoint(latitude: 48.8566, longitude: 2.3522),
        timeZone: "Europe/Paris", countryCode: "FR", value: 10)

    static let honoluluReason =
        "no road from Los Angeles (about 4,000 km of open sea); give the leg in --matrix with the ferry or flight time, or plan it as its own tour"

    @Test("a stop across the ocean is not visited, with the sea distance as the reason")
    func honoluluUnvisited() throws {
        // Given Los Angeles as the base and San Diego and Honolulu as stops, choosing by value
        let request = try Self.request(
            base: Self.losAngeles, [Self.sanDiego, Self.honolulu], objective: .maximizeValue)
        // When planned
        let plan = try TourScheduler().plan(request)
        // Then San Diego is visited and Honolulu listed as unreachable by road
        #expect(plan.trips.flatMap(\.stops).map(\.metro) == ["San Diego"])
        #expect(plan.unvisited == [UnvisitedStop(metro: "Honolulu", reason: Self.honoluluReason)])
        #expect(plan.openWaterWarnings(travel: request.travel).isEmpty)
    }

    @Test("visiting every stop refuses the stop across the ocean, naming the sea; --top passes over it")
    func honoluluRefused() throws {
        let request = try Self.request(base: Self.losAngeles, [Self.sanDiego, Self.honolulu], objective: .visitAll)
        #expect(
            throws: RoutingError(
                "Honolulu: no road from Los Angeles (about 4,000 km of open sea)",
                hint: "give the leg in --matrix with the ferry or flight time, or plan it as its own tour")
        ) { try TourScheduler().plan(request) }
        let top = TourScheduler.topReachable([Self.honolulu, Self.sanDiego], count: 1, request: request)
        #expect(top.chosen.map(\.metro) == ["San Diego"])
        #expect(top.skipped == [SkippedStop(metro: "Honolulu", rank: 1, reason: Self.honoluluReason)])
    }

    @Test("a leg given in the matrix takes the stop across the ocean")
    func honoluluByMatrix() throws {
        var request = try Self.request(base: Self.losAngeles, [Self.honolulu], objective: .visitAll)
        request.travel.matrix = ["Los Angeles\u{1F}Honolulu": TravelModel.TravelLeg(km: 4_100, hours: 5.5)]
        let plan = try TourScheduler().plan(request)
        #expect(plan.trips.flatMap(\.stops).map(\.metro) == ["Honolulu"])
        #expect(plan.openWaterWarnings(travel: request.travel).isEmpty)
    }

    @Test("London–Paris is planned with one warning for the Channel; a matrix leg silences it")
    func channelWarning() throws {
        // Given London as the base and Paris as the stop
        var request = try Self.request(base: Self.london, [Self.paris], objective: .visitAll)
        // When planned with the model
        let plan = try TourScheduler().plan(request)
        // Then the trip goes there and back, and the pair warns once
        #expect(plan.trips.flatMap(\.legs).count == 2)
        let warnings = plan.openWaterWarnings(travel: request.travel)
        #expect(
            warnings == [
                "London → Paris crosses about 90 km of open water: the road goes around it or takes a ferry or tunnel, so the model's km and hours may be too low; give the leg in --matrix for real times"
            ])
        let report = TourPlanReport(plan: plan, resolved: [], out: nil, warnings: warnings)
        #expect(try report.render(.table).contains("\nWarning: " + warnings[0]))
        #expect(report.noteLines == ["warning: " + warnings[0]])
        // When the leg is given in the matrix, no warning
        request.travel.matrix = ["London\u{1F}Paris": TravelModel.TravelLeg(km: 460, hours: 5.5)]
        let given = try TourScheduler().plan(request)
        #expect(given.openWaterWarnings(travel: request.travel).isEmpty)
        // A saved plan keeps no matrix: its itinerary (the web tour page, `tourplan itinerary`)
        // warns again for legs at the model's km, not for the matrix's.
        let planner = try Planner.withoutStore()
        let query = ItineraryQuery(planPath: "", title: "t")
        #expect(try planner.itinerary(plan: plan, query: query).warnings == warnings)
        #expect(try planner.itinerary(plan: given, query: query).warnings.isEmpty)
    }
}
