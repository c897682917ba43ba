import Foundation
import Testing

@testable import TourPlanner

@Suite("Cities use cases")
struct CitiesUseCaseTests {
    @Test("a place resolves with its label; an unknown one is a report, not an error")
    func resolve() async throws {
        let planner = try makeEmptyPlanner()
        let boston = try await planner.resolvePlace(PlaceResolutionQuery(text: "Boston, MA"))
        let place = try #require(boston.lookup.place)
        #expect(place.name == "Boston" && place.country == "US" && boston.lookup.isResolved)
        #expect(try boston.render(.table).hasPrefix("\"Boston, MA\" → \(place.label)  (geonameid \(place.geonameId))"))
        let nowhere = try await planner.resolvePlace(PlaceResolutionQuery(text: "Xyzzyville, ZZ"))
        #expect(!nowhere.lookup.isResolved && nowhere.lookup.place == nil)
        #expect(try nowhere.render(.table).hasPrefix("\"Xyzzyville, ZZ\" is not resolved: "))
        #expect(try nowhere.render(.csv).hasPrefix(PlaceResolutionReport.csvHeader.joined(separator: ",") + "\r\n"))
    }

    @Test("a leg the matrix lists comes from it; the margin adds 15% to the planned hours")
    func routeFromMatrix() async throws {
        // Given a matrix with Boston → Worcester at 72 km, 0.8 h
        let folder = try TemporaryFolder()
        let matrix = try folder.write("m.csv", "from,to,km,hours\nBoston,Worcester,72,0.8\n")
        let planner = try makeEmptyPlanner()
        // When the leg is asked for with a 15% margin
        let route = try await planner.route(
            RouteQuery(from: "Boston, MA", to: "Worcester, MA", matrixFile: matrix, trafficMargin: 0.15))
        // Then: 72 km, 0.8 h, and 0.8 × 1.15 = 0.92 h planned
        #expect(route.source == .matrix && route.km == 72 && route.hours == 0.8)
        #expect(abs(route.plannedHours - 0.92) < 1e-9)
        #expect(
            try route.render(.table)
                == "Boston → Worcester: 72.0 km, 0.80 h without traffic (matrix); plans allow 0.92 h (+15% traffic margin)"
        )
    }

    @Test("a place that does not resolve names its role and asks for City, Region, Country")
    func routeRefused() async throws {
        let planner = try makeEmptyPlanner()
        await #expect {
            try await planner.route(RouteQuery(from: "Boston, MA", to: "Xyzzyville, ZZ"))
        } throws: { error in
            guard let error = error as? PlannerError else { return false }
            return error.message.hasPrefix("TO \"Xyzzyville, ZZ\" does not resolve: ")
                && error.hint == "write each place as \"City, Region, Country\", e.g. \"Boston, MA, US\""
        }
    }

    @Test("a leg across open water warns; one across the ocean is refused; a matrix leg is taken as given")
    func routeOverWater() async throws {
        let planner = try makeEmptyPlanner()
        // Helsinki → Tallinn: the Gulf of Finland
        let gulf = try await planner.route(RouteQuery(from: "Helsinki, FI", to: "Tallinn, EE"))
        #expect(gulf.source == .model && gulf.openWaterKm > 60 && gulf.openWaterKm < 80)
        let table = try gulf.render(.table)
        #expect(
            table.hasSuffix(
                "\nWarning: Helsinki → Tallinn crosses about 70 km of open water: the road goes around it or takes a ferry or tunnel, so the model's km and hours may be too low; give the leg in --matrix for real times"
            ))
        #expect(try gulf.render(.json).contains("\"openWaterKm\""))
        // Los Angeles → Honolulu: no road
        await #expect {
            try await planner.route(RouteQuery(from: "Los Angeles, CA", to: "Honolulu, HI"))
        } throws: { error in
            guard let error = error as? RoutingError else { return false }
            return error.problem.hasPrefix("Honolulu: no road from Los Angeles (about ")
                && error.problem.hasSuffix(" km of open sea)") && error.hint == TravelModel.noRoadHint
        }
        // Given in a matrix, both go quietly
        let folder = try TemporaryFolder()
        let matrix = try folder.write(
            "m.csv", "from,to,km,hours\nHelsinki,Tallinn,85,2.5\nLos Angeles,Honolulu,4100,5.5\n")
        let ferry = try await planner.route(RouteQuery(from: "Helsinki, FI", to: "Tallinn, EE", matrixFile: matrix))
        let ferryTable = try ferry.render(.table)
        #expect(ferry.source == .matrix && ferry.openWaterKm == 0 && !ferryTable.contains("Warning"))
        let flight = try await planner.route(
            RouteQuery(from: "Los Angeles, CA", to: "Honolulu, HI", matrixFile: matrix))
        #expect(flight.source == .matrix && flight.km == 4100)
        // A land leg has neither
        let land = try await planner.route(RouteQuery(from: "Boston, MA", to: "New York, NY"))
        let landJSON = try land.render(.json)
        #expect(land.openWaterKm == 0 && !landJSON.contains("openWaterKm"))
    }
}
