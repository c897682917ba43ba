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
}
